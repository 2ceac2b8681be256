import type { Command } from 'commander';

export function registerEventsCommands(program: Command): void {
  const events = program.command('events').description('check and summarise the event ledger (.agents-os/ledger)');

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

  program
    .command('hook')
    .description('the hook entry Claude Code runs (JSON payload on stdin); the same code as dist/hook.mjs')
    .argument('[event]', 'hook event name (e.g. SessionStart); overrides the payload\'s hook_event_name')
    .action(async (event: string | undefined) => (await import('../hooks/run.ts')).runHook(event));
}
