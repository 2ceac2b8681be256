/**
 * `relay work --jobs N`: an epic of six independent tasks plus one that depends on all six,
 * with a worker that takes 3 s per task (test/support/stub-worker.mjs), at 1, 2, 3 and 4 jobs.
 * Wall time is reported against --jobs 1 in the same run. The ideal at 3 jobs is 3/7 of it
 * (two rounds of three, then the seventh); the rest is relay's per-attempt overhead plus a
 * worktree, a commit and a merge per task.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitProject, ratio, timeCommand, type BenchRow } from './lib.ts';

const REPO = join(import.meta.dirname, '..');
const RELAY = join(REPO, 'dist', 'relay.mjs');
const STUB = join(REPO, 'test', 'support', 'stub-worker.mjs');
const WORKER_MS = 3000;

function project(): string {
  const root = gitProject('relay-bench-parallel-');
  const independent = Array.from({ length: 6 }, (_, i) => `### T${i + 1}: Task ${i + 1}\n- Files: T${i + 1}.out\n`).join('\n');
  writeFileSync(join(root, 'plan.md'), `# Bench\n\n## Tasks\n\n${independent}\n### T7: After all six\n- Files: T7.out\n- Depends on: T1, T2, T3, T4, T5, T6\n`);
  writeFileSync(join(root, '.agents.yml'), `relay:\n  executor: ["${process.execPath}", "${STUB}"]\n  recall:\n    enabled: false\n`);
  execFileSync(process.execPath, [RELAY, 'init', 'plan.md'], { cwd: root, stdio: 'pipe' });
  return root;
}

export async function run(): Promise<BenchRow[]> {
  const env = { ...process.env, STUB_WORKER_WRITE: '1', STUB_WORKER_SLEEP_MS: String(WORKER_MS), NO_COLOR: '1' };
  const wall = new Map<number, number>();
  for (const jobs of [1, 2, 3, 4]) {
    const t = timeCommand(process.execPath, [RELAY, 'work', '--jobs', String(jobs)], { cwd: project(), env });
    if (t.status !== 0) throw new Error(`relay work --jobs ${jobs} failed: ${t.stderr}`);
    wall.set(jobs, t.ms);
  }
  const serial = wall.get(1)!;
  const perAttemptOverhead = (serial - 7 * WORKER_MS) / 7;
  return [1, 2, 3, 4].map((jobs) => ({
    name: `relay work --jobs ${jobs}: 6 independent tasks + 1 dependent, 3 s worker`,
    command: `node dist/relay.mjs work --jobs ${jobs}`,
    value: Math.round(wall.get(jobs)!), baseline: Math.round(serial), baselineLabel: 'relay work --jobs 1', unit: 'ms', ratio: ratio(wall.get(jobs)!, serial),
    ...(jobs === 3 ? { goal: '≤ 0.5×' } : {}),
    notes: jobs === 1
      ? `relay's own time per attempt ≈ ${Math.round(perAttemptOverhead)} ms beside the 3 s worker`
      : `ideal ${(Math.ceil(6 / jobs) + 1) * WORKER_MS} ms (${Math.ceil(6 / jobs)} rounds of the six, then the seventh); each task also gets a worktree, a commit and a merge`,
  }));
}
