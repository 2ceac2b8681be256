/**
 * Reading a 2,000-task plan in every format relay reads: the reader and validator in process
 * (what a plan costs on top of relay's start-up), and the whole `relay init --dry-run` from a
 * cold process, each against bare `node -e 0` measured in the same run. Goal: the read
 * within 3× `node -e 0`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { epicFromBlueprint } from '../scripts/core/epic/epic.ts';
import { readPlan } from '../scripts/core/epic/plans/index.ts';
import { largePlan, type LargeFormat } from '../test/fixtures/plans/large.ts';
import { median, ratio, sideBySide, timeCommand, type BenchRow } from './lib.ts';

const RELAY = join(import.meta.dirname, '..', 'dist', 'relay.mjs');
const FORMATS: LargeFormat[] = ['blueprint', 'majestic-breakdown', 'spec-kit', 'kiro', 'superpowers', 'taskmaster', 'bmad', 'checklist'];
const TASKS = 2000;
const RUNS = 7;

function readInProcess(text: string, file: string): number {
  const started = process.hrtime.bigint();
  const { draft } = readPlan(text, file);
  epicFromBlueprint(draft, { id: 'bench', source: file, createdAt: '2026-12-01T00:00:00Z' }, file);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-plans-'));
  const rows: BenchRow[] = [];
  const nodeZero = () => timeCommand(process.execPath, ['-e', '0']).ms;
  for (const format of FORMATS) {
    const text = largePlan(format, TASKS);
    const file = join(dir, format === 'taskmaster' ? 'tasks.json' : `${format}.md`);
    writeFileSync(file, text);
    const inProcess = sideBySide(() => readInProcess(text, file), nodeZero, RUNS);
    rows.push({
      name: `plan read: ${format}, ${TASKS} tasks (${Math.round(text.length / 1024)} KB)`,
      command: 'npm run bench -- plans',
      value: Math.round(inProcess.subject * 10) / 10,
      baseline: Math.round(inProcess.baseline * 10) / 10,
      baselineLabel: 'node -e 0',
      unit: 'ms',
      ratio: ratio(inProcess.subject, inProcess.baseline),
      goal: '≤ 3×',
      notes: 'detection, reader and validation in process',
    });
    const cli = sideBySide(() => timeCommand(process.execPath, [RELAY, 'init', '--dry-run', file], { cwd: dir }).ms, nodeZero, 3, 1);
    rows.push({
      name: `relay init --dry-run: ${format}, ${TASKS} tasks`,
      command: 'npm run bench -- plans',
      value: Math.round(cli.subject),
      baseline: Math.round(median(cli.baselineAll)),
      baselineLabel: 'node -e 0',
      unit: 'ms',
      ratio: ratio(cli.subject, cli.baseline),
      notes: 'whole CLI: start-up, read, validate, print the epic as YAML',
    });
  }
  return rows;
}
