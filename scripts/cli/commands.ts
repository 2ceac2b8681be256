/**
 * The command table: every `relay` command is registered here, and its body lives in the
 * file named as the user types it (`relay work` → cli/work.ts). Bodies are imported only when
 * their command runs, so `relay status` never loads the executor, the search index or
 * OpenTelemetry.
 */
import { Option, type Command } from 'commander';
import { positiveInt, positiveNumber } from './flags.ts';

const SINCE = 'from this time: 2026-01-05, 2026-01-05T10:30:00Z, or a span back from now (12h, 30d, 2w)';
const UNTIL = 'up to this time (a date includes the whole day)';

export function registerCommands(program: Command): void {
  program
    .command('init')
    .description('turn a plan (relay blueprint, majestic, spec-kit, Kiro, superpowers, Taskmaster, BMAD, checklist) or an epic.yml into .agents-os/relay/epic.yml and a fresh attempt ledger')
    .argument('<plan>', 'the plan file (format detected), or an epic YAML file')
    .option('--format <name>', 'read the plan as this format: blueprint, majestic-breakdown, spec-kit, kiro, superpowers, taskmaster, bmad, checklist')
    .option('--convert', 'have the worker agent rewrite a free-form plan as <plan>.relay.md, check it, then read it')
    .option('--update', 'merge a changed plan into the current epic, keeping the attempt history of the tasks that stay')
    .option('--force', 'replace an epic that already has attempts, or with --update remove tasks that have attempts (the old files are backed up)')
    .option('--dry-run', 'validate only and print the epic it would write; write nothing')
    .option('--max-attempts <n>', 'attempts per task before gating', positiveInt('--max-attempts'))
    .option('--timeout-minutes <n>', 'worker timeout', positiveNumber('--timeout-minutes'))
    .addOption(new Option('--review-provider <provider>', 'quality-gate reviewer').choices(['claude', 'command', 'none']))
    .action(async (blueprint: string, opts) => (await import('./init.ts')).initCommand(blueprint, opts));

  program
    .command('status')
    .description('progress, tasks, gates, blockers and the next ready task')
    .option('--json', 'machine-readable output (schema relay.status/v1)')
    .action(async (opts) => (await import('./status.ts')).statusCommand(opts));

  program
    .command('gate')
    .description('stop a task from being worked on (user_blocked)')
    .argument('<task>', 'task id')
    .requiredOption('--reason <text>', 'why the task is gated')
    .action(async (task: string, opts) => (await import('./gate.ts')).gateCommand(task, opts));

  program
    .command('ungate')
    .description('lift a gate; the failure streak restarts, the history stays')
    .argument('<task>', 'task id')
    .action(async (task: string) => (await import('./ungate.ts')).ungateCommand(task));

  program
    .command('schema')
    .description('write the JSON Schemas of every file relay writes (epic, attempt ledger, receipts, .agents.yml, event lines, status.json, episodic records, ledger index, kb frontmatter) and of status --json')
    .option('--out <dir>', 'directory (default .agents-os/relay/schema)')
    .action(async (opts) => (await import('./schema.ts')).schemaCommand(opts));

  program
    .command('work')
    .description('run ready tasks, each attempt in a fresh worker agent (Claude Code unless told otherwise), until none is left')
    .argument('[task]', 'run only this task (until it completes or is gated)')
    .option('--agent <name>', 'the worker agent CLI for this run: claude, codex or gemini (default: relay.agent in .agents.yml, else claude)')
    .option('--jobs <n>', 'run up to n independent tasks at once, each in its own git worktree, merged back as each finishes (default: relay.jobs, else 1)', positiveInt('--jobs'))
    .option('--keep-worktrees', 'with --jobs: keep each task\'s worktree and branch after its attempt, and list them')
    .option('--max-attempts <n>', 'override max attempts per task for this run', positiveInt('--max-attempts'))
    .option('--timeout-minutes <n>', 'override the worker timeout for this run', positiveNumber('--timeout-minutes'))
    .option('--detach', 'run in the background; output goes to .agents-os/relay/run.log')
    .action(async (task: string | undefined, opts) => (await import('./work.ts')).workCommand(task, opts));

  program
    .command('serve')
    .description('a live dashboard on 127.0.0.1: the epic as a graph, attempts, agents, events, learnings, recall, DORA (read-only, per-run token)')
    .option('--port <n>', 'the port (default: a free one)', positiveInt('--port'))
    .option('--host <address>', 'listen on another address than 127.0.0.1 (prints a warning: the ledger is then reachable from elsewhere)')
    .option('--open', 'open the dashboard in the default browser')
    .action(async (opts) => (await import('./serve.ts')).serveCommand(opts));

  program
    .command('redact')
    .description('redact stdin to stdout; --check audits files already written (file:line: kind, exit 1), --fix rewrites them')
    .argument('[paths...]', 'files or folders for --check / --fix')
    .option('--check', 'report every secret in the files, exit 1 if any')
    .option('--fix', 'rewrite the files that hold a secret, atomically, under their owner\'s lock')
    .option('--json', 'machine-readable output')
    .action(async (paths: string[], opts) => (await import('./redact.ts')).redactCommand(paths, opts));

  program
    .command('stop')
    .description('end the running relay work (detached or in another terminal): its workers end, its attempt is recorded as interrupted')
    .action(async () => (await import('./stop.ts')).stopCommand());

  program
    .command('anchor')
    .description('print the re-anchoring context a worker starts from (the next ready task by default)')
    .argument('[task]', 'task id')
    .action(async (task: string | undefined) => (await import('./anchor.ts')).anchorCommand(task));

  const agents = program.command('agents').description('other agent CLIs in this project\'s ledger: wire in their hooks, see who is doing what');

  agents.command('install')
    .description('write relay\'s hooks into an agent CLI\'s config (.codex/hooks.json, .gemini/settings.json, .github/hooks/relay.json); merges, never clobbers; safe to repeat')
    .argument('<agent>', 'codex, gemini or copilot')
    .option('--user', 'the config in your home folder instead of the project\'s (codex, gemini)')
    .action(async (agent: string, opts) => (await import('./agents.ts')).agentsInstallCommand(agent, opts));

  agents.command('status')
    .description('every agent the ledger knows: state, current task, when it was last heard of; which CLIs are wired in')
    .option('--json', 'machine-readable output')
    .action(async (opts) => (await import('./agents.ts')).agentsStatusCommand(opts));

  program
    .command('run')
    .description('run any command as an agent\'s work order: task_start, heartbeats, then task_result with the exit code, duration, files changed and a redacted output tail; its exit code is relay\'s')
    .requiredOption('--agent <name>', 'the agent the events belong to (.agents-os/ledger/<name>/)')
    .option('--task <id>', 'the task the work is for')
    .option('--heartbeat <seconds>', 'a heartbeat event this often while it runs (default 60)', positiveNumber('--heartbeat'))
    .option('--timeout <minutes>', 'end the command\'s whole process group after this long (exit 124)', positiveNumber('--timeout'))
    .argument('<command...>', 'the command and its arguments, after --')
    .action(async (command: string[], opts) => (await import('./run.ts')).runCommand(command, opts));

  program
    .command('setup')
    .description('ready a clone for relay\'s state: register the merge driver (git never copies it), the .gitattributes rules and the ignore file for machine-local state')
    .action(async () => (await import('./setup.ts')).setupCommand());

  program
    .command('repair')
    .description('rebuild one of relay\'s files that a merge left with conflict markers, from both sides (attempt-ledger.yml, epic.yml, NOTES.md, AGENTS.md, a ledger .jsonl)')
    .argument('<file>', 'the conflicted file')
    .action(async (file: string) => (await import('./repair.ts')).repairCommand(file));

  program
    .command('merge-driver', { hidden: true })
    .description('git merge driver for relay\'s files (registered by relay setup): relay merge-driver %O %A %B %P')
    .argument('<base>')
    .argument('<ours>')
    .argument('<theirs>')
    .argument('<path>')
    .action(async (base: string, ours: string, theirs: string, path: string) => (await import('./merge-driver.ts')).mergeDriverCommand(base, ours, theirs, path));

  const ledger = program
    .command('ledger')
    .description('the episodic ledger of outcomes, decisions, deployments, incidents and lessons (progress/ledger.jsonl)');

  ledger
    .command('add')
    .description('append one record (JSON on stdin or --json) to ledger.jsonl and NOTES.md, after the gates')
    .option('--json <record>', 'the record as a JSON string instead of stdin')
    .option('--file <path>', 'the record in a JSON file; a file under .agents-os/inbox/ is removed once read')
    .option('--suffix-timestamp', 'append the record\'s time to task_id (e.g. -20260105-103000) so it is unique')
    .option('--dry-run', 'run every gate, write nothing')
    .action(async (opts) => (await import('./ledger.ts')).addCommand(opts));

  ledger
    .command('query')
    .description('search the ledger and its archives ("have we seen this before?")')
    .option('--grep <regex>', 'case-insensitive regular expression over the record text (or the --field values)')
    .option('--field <path>', 'search only this field (dotted path; comma-separated list); alone: records that have it')
    .option('--type <types>', 'only these record types (comma-separated)')
    .option('--since <when>', SINCE)
    .option('--until <when>', UNTIL)
    .option('--limit <n>', 'only the N most recent matches', positiveInt('--limit'))
    .option('--json', 'a JSON array of the matching records, one per line, as stored')
    .action(async (opts) => (await import('./ledger-query.ts')).queryCommand(opts));

  ledger
    .command('hotspots')
    .description('the files most often modified, from files_modified')
    .option('--since <when>', SINCE)
    .option('--until <when>', UNTIL)
    .option('--type <types>', 'only these record types (comma-separated)')
    .option('--limit <n>', 'how many files (default 10)', positiveInt('--limit'))
    .option('--json', 'machine-readable output (schema relay.ledger.hotspots/v1)')
    .action(async (opts) => (await import('./ledger-query.ts')).hotspotsCommand(opts));

  ledger
    .command('stats')
    .description('DORA metrics over a window (default: the last 30 days), plus agent metrics from relay work')
    .option('--since <when>', SINCE)
    .option('--until <when>', UNTIL)
    .option('--json', 'machine-readable output (schema relay.ledger.stats/v1)')
    .action(async (opts) => (await import('./ledger-query.ts')).statsCommand(opts));

  ledger
    .command('report')
    .description('monthly trend report in markdown, with an SVG chart when written to a file')
    .requiredOption('--month <YYYY-MM>', 'the month the report is about')
    .option('--months <n>', 'months in the trend, ending with --month (default 6)', positiveInt('--months'))
    .option('--out <file>', 'write the markdown here (and the chart beside it) instead of stdout')
    .option('--svg <file>', 'write the SVG chart here')
    .action(async (opts) => (await import('./ledger-query.ts')).reportCommand(opts));

  ledger
    .command('rotate')
    .description('move ledger.jsonl into progress/archive/ledger-<YYYY>-Q<n>.jsonl by record quarter when over its size limit')
    .option('--force', 'rotate whatever the size')
    .option('--max-bytes <n>', 'size limit for this run (default: relay.ledger.rotate_bytes, else 10 MiB)', positiveInt('--max-bytes'))
    .action(async (opts) => (await import('./ledger.ts')).rotateCommand(opts));

  ledger
    .command('validate')
    .description('check every line of the ledger and its archives; prints file:line: reason, exits 1 on any problem')
    .option('--json', 'machine-readable output (schema relay.ledger.validate/v1)')
    .action(async (opts) => (await import('./ledger.ts')).validateCommand(opts));

  ledger
    .command('repair')
    .description('keep the good lines, set the bad ones aside in <file>.rejected, rebuild the index')
    .action(async () => (await import('./ledger.ts')).repairCommand());

  const events = program.command('events').description('check, summarise and export the event ledger (.agents-os/ledger)');

  events
    .command('validate')
    .description('check every line against the event schema; prints file:line: problem, exit 1 on any')
    .argument('[files...]', 'ledger files (default: every file under .agents-os/ledger)')
    .action(async (files: string[]) => (await import('./events.ts')).validateCommand(files));

  events
    .command('summary')
    .description('every agent at a glance (state, task, last heard, stale); with --session, what one session did (markdown)')
    .option('--session <id>', 'the session id (Claude Code, Codex or Gemini)')
    .option('--json', 'machine-readable output (the agents table)')
    .action(async (opts: { session?: string; json?: boolean }) => (await import('./events.ts')).summaryCommand(opts));

  events
    .command('export')
    .description('send the event ledger to an OpenTelemetry collector as log records (OTLP/HTTP)')
    .requiredOption('--otlp <url>', 'the collector\'s OTLP/HTTP endpoint: a base URL (http://localhost:4318, /v1/logs is added) or the full logs URL')
    .option('--since <when>', 'only events from this time: 2026-01-05, an ISO timestamp, or 12h / 30d / 2w back')
    .option('--agent <names>', 'only these agents, comma-separated')
    .action(async (opts) => (await import('./events-export.ts')).exportCommand(opts));

  program
    .command('hook')
    .description('the hook entry Claude Code runs (JSON payload on stdin); the same code as dist/hook.mjs')
    .argument('[event]', 'hook event name (e.g. SessionStart); overrides the payload\'s hook_event_name')
    .option('--agent <name>', 'the payload is another agent CLI\'s native hook (codex, gemini, copilot); recorded under that agent')
    .addOption(new Option('--worker', 'passed by the hooks relay gives its own workers').hideHelp())
    .action(async (event: string | undefined, opts) => (await import('./hook.ts')).hookCommand(event, opts));

  const kb = program.command('kb').description('ops-learning entries in docs/ops-knowledge/: create, check, search');

  kb.command('new')
    .description('create an ops-learning entry from the template and print its path')
    .requiredOption('--category <category>', 'issue, performance, configuration, deployment, recovery, monitoring or maintenance')
    .requiredOption('--title <text>', 'what happened, in a few words (becomes the file name slug)')
    .option('--service <names>', 'affected service(s), comma-separated; an issue is filed under issues/<first service>/')
    .option('--severity <level>', 'critical, high, medium or low', 'medium')
    .option('--tags <list>', 'comma-separated tags')
    .option('--duration <text>', 'how long it lasted, e.g. "45 minutes"')
    .option('--impact <text>', 'who or what was affected')
    .option('--date <iso>', 'when it happened (ISO 8601; default now)')
    .action(async (opts) => (await import('./kb.ts')).kbNewCommand(opts));

  kb.command('check')
    .description('apply the completion checklist; prints file:line: problem and exits 1 if any entry is incomplete')
    .argument('[files...]', 'entries to check (default: every ops-learning-*.md under docs/ops-knowledge)')
    .option('--json', 'machine-readable output')
    .action(async (files: string[], opts) => (await import('./kb.ts')).kbCheckCommand(files, opts));

  kb.command('search')
    .description('ranked full-text search over the knowledge base only')
    .argument('<text...>', 'what to look for')
    .option('--limit <n>', 'results to show', positiveInt('--limit'), 10)
    .option('--json', 'machine-readable output')
    .action(async (text: string[], opts) => (await import('./kb.ts')).kbSearchCommand(text.join(' '), opts));

  program
    .command('recall')
    .description('one ranked search over the episodic ledger, attempt receipts, ops-knowledge and AGENTS.md key learnings')
    .argument('<text...>', 'what to look for: an error message, a symptom, a file, a topic')
    .option('--limit <n>', 'results to show', positiveInt('--limit'), 10)
    .option('--json', 'machine-readable output')
    .action(async (text: string[], opts) => (await import('./recall.ts')).recallCommand(text.join(' '), opts));

  const learnings = program.command('learnings').description('recurring lessons from receipts, promoted into AGENTS.md "## Key Learnings"');

  learnings
    .command('promote')
    .description('consolidate receipt learnings; write those seen 3+ times into AGENTS.md (2× emerging, 3× recommend, 4+× strong)')
    .option('--json', 'machine-readable output')
    .action(async (opts) => (await import('./learnings.ts')).promoteCommand(opts));

  learnings
    .command('list')
    .description('emerging lessons (seen twice), lessons ready to promote, and promoted ones gone stale')
    .option('--stale-days <n>', 'a promoted lesson not seen for this many days is stale', positiveInt('--stale-days'), 90)
    .option('--json', 'machine-readable output')
    .action(async (opts) => (await import('./learnings.ts')).listCommand(opts));
}
