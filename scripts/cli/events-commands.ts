import type { Command } from 'commander';

export function registerEventsCommands(program: Command): void {
  const events = program.command('events').description('check, summarise and export the event ledger (.agents-os/ledger)');

  events
    .command('validate')
    .description('check every line against the event schema; prints file:line: problem, exit 1 on any')
    .argument('[files...]', 'ledger files (default: every file under .agents-os/ledger)')
    .action(async (files: string[]) => (await import('./events.ts')).validateCommand(files));

  events
    .command('summary')
    .description('what one session did: tasks, tools used, files touched, errors (markdown)')
    .requiredOption('--session <id>', 'the Claude Code session id')
    .action(async (opts: { session: string }) => (await import('./events.ts')).summaryCommand(opts));

  events
    .command('export')
    .description('send the event ledger to an OpenTelemetry collector as log records (OTLP/HTTP)')
    .requiredOption('--otlp <url>', 'the collector\'s OTLP/HTTP endpoint: a base URL (http://localhost:4318, /v1/logs is added) or the full logs URL')
    .option('--since <when>', 'only events from this time: 2026-01-05, an ISO timestamp, or 12h / 30d / 2w back')
    .option('--agent <names>', 'only these agents, comma-separated')
    .action(async (opts) => (await import('./export.ts')).exportCommand(opts));

  program
    .command('hook')
    .description('the hook entry Claude Code runs (JSON payload on stdin); the same code as dist/hook.mjs')
    .argument('[event]', 'hook event name (e.g. SessionStart); overrides the payload\'s hook_event_name')
    .action(async (event: string | undefined) => (await import('../hooks/run.ts')).runHook(event));
}
