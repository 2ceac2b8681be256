/**
 * `npm run bench`: runs every benchmark in bench/, prints a table, and writes
 * bench/results/latest.json and bench/results/latest.md (pasted into bench/README.md).
 * Figures are ratios against baselines measured in the same run; nothing fails on time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { BenchRow } from './lib.ts';

const SUITES: Record<string, () => Promise<{ run(): Promise<BenchRow[]> }>> = {
  status: () => import('./status.ts'),
  hooks: () => import('./hooks.ts'),
  ledger: () => import('./ledger.ts'),
  recall: () => import('./recall.ts'),
  work: () => import('./work.ts'),
  plans: () => import('./plans.ts'),
  secrets: () => import('./secrets.ts'),
  merge: () => import('./merge.ts'),
  parallel: () => import('./parallel.ts'),
  dashboard: () => import('./dashboard.ts'),
};

function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
}

function table(rows: BenchRow[]): string {
  const lines = ['| benchmark | value | baseline | ratio | goal | notes |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(`| ${r.name} | ${r.value} ${r.unit} | ${r.baseline ?? '–'} ${r.baseline !== null ? r.unit : ''} (${r.baselineLabel ?? 'none'}) | ${r.ratio !== null ? `${r.ratio}×` : '–'} | ${r.goal ?? ''} | ${r.notes ?? ''} |`);
  }
  return lines.join('\n');
}

const only = process.argv.slice(2);
execFileSync(process.execPath, ['build.mjs'], { cwd: join(import.meta.dirname, '..'), stdio: 'inherit' });
const rows: BenchRow[] = [];
for (const [name, load] of Object.entries(SUITES)) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  const suiteRows = await (await load()).run();
  for (const r of suiteRows) process.stderr.write(`  ${r.name}: ${r.value} ${r.unit}${r.ratio !== null ? ` (${r.ratio}× ${r.baselineLabel})` : ''}\n`);
  rows.push(...suiteRows);
}
const outDir = join(import.meta.dirname, 'results');
mkdirSync(outDir, { recursive: true });
const when = new Date().toISOString();
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify({ when, machine: machine(), rows }, null, 2)}\n`);
const md = `Measured ${when} on ${machine()}.\n\n${table(rows)}\n`;
writeFileSync(join(outDir, 'latest.md'), md);
process.stdout.write(md);
