/**
 * relay's own overhead per attempt: `relay work` over an epic whose worker exits at once
 * (test/support/stub-worker.mjs as relay.executor), against running that worker alone.
 * Everything relay adds — anchor, git facts, ledger writes, events — is the difference.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitProject, median, ratio, timeCommand, type BenchRow } from './lib.ts';

const REPO = join(import.meta.dirname, '..');
const RELAY = join(REPO, 'dist', 'relay.mjs');
const STUB = join(REPO, 'test', 'support', 'stub-worker.mjs');
const TASKS = 10;
const ROUNDS = 3;

function project(): string {
  const root = gitProject('relay-bench-work-');
  const tasks = Array.from({ length: TASKS }, (_, i) => `### T${i + 1}: Task ${i + 1}\n- Files: T${i + 1}.out\n`).join('\n');
  writeFileSync(join(root, 'plan.md'), `# Bench\n\n## Tasks\n\n${tasks}`);
  writeFileSync(join(root, '.agents.yml'), `relay:\n  executor: ["${process.execPath}", "${STUB}"]\n  recall:\n    enabled: false\n`);
  execFileSync(process.execPath, [RELAY, 'init', 'plan.md'], { cwd: root, stdio: 'pipe' });
  return root;
}

export async function run(): Promise<BenchRow[]> {
  const perAttempt: number[] = [];
  const workerAlone: number[] = [];
  const env = { ...process.env, STUB_WORKER_WRITE: '1', NO_COLOR: '1' };
  for (let round = 0; round < ROUNDS; round++) {
    const root = project();
    const t = timeCommand(process.execPath, [RELAY, 'work'], { cwd: root, env });
    if (t.status !== 0) throw new Error(`relay work failed: ${t.stderr}`);
    perAttempt.push(t.ms / TASKS);
    const alone: number[] = [];
    for (let i = 0; i < TASKS; i++) alone.push(timeCommand(process.execPath, [STUB, '-p', `# relay task T${i + 1}: x`], { cwd: root, env }).ms);
    workerAlone.push(median(alone));
  }
  const attempt = median(perAttempt);
  const worker = median(workerAlone);
  return [{
    name: `relay work: time per attempt with a worker that exits at once (${TASKS} tasks)`,
    command: 'node dist/relay.mjs work   (relay.executor = node test/support/stub-worker.mjs)',
    value: Math.round(attempt), baseline: Math.round(worker), baselineLabel: 'the stub worker run alone', unit: 'ms', ratio: ratio(attempt, worker),
    goal: 'overhead a small fraction of a second',
    notes: `relay's own overhead ≈ ${Math.round(attempt - worker)} ms per attempt (anchor, git facts before and after, 2 ledger writes, events)`,
  }];
}
