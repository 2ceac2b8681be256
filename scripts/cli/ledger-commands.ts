import type { Command } from 'commander';
import { positiveInt } from './flags.ts';

const SINCE = 'from this time: 2026-01-05, 2026-01-05T10:30:00Z, or a span back from now (12h, 30d, 2w)';
const UNTIL = 'up to this time (a date includes the whole day)';

/** `relay ledger …`: the episodic ledger (progress/ledger.jsonl, progress/NOTES.md, archives). */
export function registerLedgerCommands(program: Command): void {
  const ledger = program
    .command('ledger')
    .description('the episodic ledger of outcomes, decisions, deployments, incidents and lessons (progress/ledger.jsonl)');

  ledger
    .command('add')
    .description('append one record (JSON on stdin or --json) to ledger.jsonl and NOTES.md, after the gates')
    .option('--json <record>', 'the record as a JSON string instead of stdin')
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
    .action(async (opts) => (await import('./ledger-queries.ts')).queryCommand(opts));

  ledger
    .command('hotspots')
    .description('the files most often modified, from files_modified')
    .option('--since <when>', SINCE)
    .option('--until <when>', UNTIL)
    .option('--type <types>', 'only these record types (comma-separated)')
    .option('--limit <n>', 'how many files (default 10)', positiveInt('--limit'))
    .option('--json', 'machine-readable output (schema relay.ledger.hotspots/v1)')
    .action(async (opts) => (await import('./ledger-queries.ts')).hotspotsCommand(opts));

  ledger
    .command('stats')
    .description('DORA metrics over a window (default: the last 30 days), plus agent metrics from relay work')
    .option('--since <when>', SINCE)
    .option('--until <when>', UNTIL)
    .option('--json', 'machine-readable output (schema relay.ledger.stats/v1)')
    .action(async (opts) => (await import('./ledger-queries.ts')).statsCommand(opts));

  ledger
    .command('report')
    .description('monthly trend report in markdown, with an SVG chart when written to a file')
    .requiredOption('--month <YYYY-MM>', 'the month the report is about')
    .option('--months <n>', 'months in the trend, ending with --month (default 6)', positiveInt('--months'))
    .option('--out <file>', 'write the markdown here (and the chart beside it) instead of stdout')
    .option('--svg <file>', 'write the SVG chart here')
    .action(async (opts) => (await import('./ledger-queries.ts')).reportCommand(opts));

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
}
