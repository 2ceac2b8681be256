import { Option, type Command } from 'commander';
import { positiveInt, positiveNumber } from './flags.ts';

export function registerEpicCommands(program: Command): void {
  program
    .command('init')
    .description('turn a blueprint (or an epic.yml) into .agents-os/relay/epic.yml and a fresh attempt ledger')
    .argument('<blueprint>', 'blueprint markdown file, or an epic YAML file')
    .option('--force', 'replace an epic that already has attempts (the old files are backed up)')
    .option('--dry-run', 'validate only; write nothing')
    .option('--max-attempts <n>', 'attempts per task before gating', positiveInt('--max-attempts'))
    .option('--timeout-minutes <n>', 'worker timeout', positiveNumber('--timeout-minutes'))
    .addOption(new Option('--review-provider <provider>', 'quality-gate reviewer').choices(['claude', 'command', 'none']))
    .action(async (blueprint: string, opts) => (await import('./epic.ts')).initCommand(blueprint, opts));

  program
    .command('status')
    .description('progress, tasks, gates, blockers and the next ready task')
    .option('--json', 'machine-readable output (schema relay.status/v1)')
    .action(async (opts) => (await import('./epic.ts')).statusCommand(opts));

  program
    .command('gate')
    .description('stop a task from being worked on (user_blocked)')
    .argument('<task>', 'task id')
    .requiredOption('--reason <text>', 'why the task is gated')
    .action(async (task: string, opts) => (await import('./epic.ts')).gateCommand(task, opts));

  program
    .command('ungate')
    .description('lift a gate; the failure streak restarts, the history stays')
    .argument('<task>', 'task id')
    .action(async (task: string) => (await import('./epic.ts')).ungateCommand(task));

  program
    .command('schema')
    .description('write JSON Schemas for epic.yml, attempt-ledger.yml, receipts and .agents.yml')
    .option('--out <dir>', 'directory (default .agents-os/relay/schema)')
    .action(async (opts) => (await import('./epic.ts')).schemaCommand(opts));

  program
    .command('work')
    .description('run ready tasks, each attempt in a fresh Claude Code worker, until none is left')
    .argument('[task]', 'run only this task (until it completes or is gated)')
    .option('--max-attempts <n>', 'override max attempts per task for this run', positiveInt('--max-attempts'))
    .option('--timeout-minutes <n>', 'override the worker timeout for this run', positiveNumber('--timeout-minutes'))
    .option('--detach', 'run in the background; output goes to .agents-os/relay/run.log')
    .action(async (task: string | undefined, opts) => (await import('./work.ts')).workCommand(task, opts));

  program
    .command('anchor')
    .description('print the re-anchoring context a worker starts from (the next ready task by default)')
    .argument('[task]', 'task id')
    .action(async (task: string | undefined) => (await import('./anchor.ts')).anchorCommand(task));
}
