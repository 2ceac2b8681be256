import type { Command } from 'commander';
import { positiveInt } from './flags.ts';

export function registerRecallCommands(program: Command): void {
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
    .action(async (opts) => (await import('./recall.ts')).promoteCommand(opts));

  learnings
    .command('list')
    .description('emerging lessons (seen twice), lessons ready to promote, and promoted ones gone stale')
    .option('--stale-days <n>', 'a promoted lesson not seen for this many days is stale', positiveInt('--stale-days'), 90)
    .option('--json', 'machine-readable output')
    .action(async (opts) => (await import('./recall.ts')).listCommand(opts));
}
