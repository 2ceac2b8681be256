/**
 * `relay status` on generated epics of 250…2000 tasks with 5 attempts each: wall time and
 * peak memory, against bare `node -e 0` in the same run, and the growth per doubling.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finishAttempt, newLedger, startAttempt } from '../scripts/core/epic/attempts.ts';
import { Settings, type Epic, type Receipt } from '../scripts/core/shared/schemas.ts';
import { projectPaths } from '../scripts/core/shared/paths.ts';
import { writeYaml } from '../scripts/adapters/documents.ts';
import { median, ratio, timeCommand, type BenchRow } from './lib.ts';

const RELAY = join(import.meta.dirname, '..', 'dist', 'relay.mjs');
const SIZES = [250, 500, 1000, 2000];
const RUNS = 5;

function generateProject(tasks: number): string {
  const root = mkdtempSync(join(tmpdir(), `relay-bench-status-${tasks}-`));
  const now = '2026-11-22T10:00:00.000Z';
  const epic: Epic = {
    version: 1, id: `bench-${tasks}`, source: 'bench', created_at: now, title: `Bench epic of ${tasks} tasks`, description: 'generated',
    tasks: Object.fromEntries(Array.from({ length: tasks }, (_, k) => {
      const i = k + 1;
      return [`T${i}`, { title: `Task ${i}: do the thing number ${i}`, priority: (['p0', 'p1', 'p2', 'p3'] as const)[i % 4]!, points: (i % 5) + 1, files: [`src/mod${i}.ts`], depends_on: i > 1 && i % 3 === 0 ? [`T${i - 1}`] : [], acceptance_criteria: [`criterion for ${i}`] }];
    })),
  };
  let ledger = newLedger(epic, Settings.parse({ max_attempts_per_task: 10 }), now);
  for (let i = 1; i <= tasks; i++) {
    const id = `T${i}`;
    for (let a = 0; a < 5; a++) {
      if (ledger.task_status[id] !== 'pending') break;
      const started = startAttempt(epic, ledger, id, now, 'abc');
      const last = a === 4 && i % 2 === 0;
      const receipt: Receipt = last
        ? { status: 'success', summary: `done ${i}`, files_changed: [`src/mod${i}.ts`], pattern_tags: [], quality_gate_findings: [] }
        : { status: 'failure', summary: 'failed', files_changed: [], pattern_tags: ['x'], quality_gate_findings: [], error_category: 'test_failure', error_summary: `assertion ${a} failed in suite ${['alpha', 'beta', 'gamma', 'delta', 'eps'][a]}`, suggestion: 'try another way' };
      ledger = finishAttempt(epic, started.ledger, id, started.attempt.id, { result: receipt.status, receipt, total_cost_usd: 0.01 }, now);
    }
  }
  const paths = projectPaths(root);
  writeYaml(paths.epic, epic);
  writeYaml(paths.attemptLedger, ledger);
  return root;
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  let previous: number | undefined;
  for (const size of SIZES) {
    const root = generateProject(size);
    const env = { ...process.env, RELAY_PROJECT_DIR: root, NO_COLOR: '1' };
    const subject: number[] = [];
    const baseline: number[] = [];
    let rss = 0;
    // The first read parses the YAML and leaves the JSON snapshot every later read uses.
    const cold = timeCommand(process.execPath, [RELAY, 'status', '--json'], { env });
    for (let i = 0; i < RUNS; i++) {
      baseline.push(timeCommand(process.execPath, ['-e', '0']).ms);
      const t = timeCommand(process.execPath, [RELAY, 'status', '--json'], { env });
      if (t.status !== 0) throw new Error(`relay status failed: ${t.stderr}`);
      subject.push(t.ms);
      rss = Math.max(rss, t.maxRssKb);
    }
    const ms = median(subject);
    rows.push({
      name: `relay status --json, ${size} tasks × 5 attempts`,
      command: `node dist/relay.mjs status --json  (RELAY_PROJECT_DIR=<generated ${size}-task epic>)`,
      value: Math.round(ms), baseline: Math.round(median(baseline)), baselineLabel: 'node -e 0', unit: 'ms', ratio: ratio(ms, median(baseline)),
      goal: size === 1000 ? '< 1 s on 2 cores' : undefined,
      notes: `peak RSS ${Math.round(rss / 1024)} MB${previous ? `; ×${(ms / previous).toFixed(2)} vs half the size` : ''}; first read after a hand edit (YAML parse) ${Math.round(cold.ms)} ms, ${Math.round(cold.maxRssKb / 1024)} MB`,
    });
    previous = ms;
  }
  return rows;
}
