import type { Command } from 'commander';
import { positiveInt } from './flags.ts';

export function registerKbCommands(program: Command): void {
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
    .action(async (text: string[], opts) => (await import('./recall.ts')).recallCommand(text.join(' '), { ...opts, sources: ['kb'] }));
}
