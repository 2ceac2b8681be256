/**
 * Runs that stop cleanly: whatever ends relay work (a signal, a timeout, the worker's own
 * exit, relay stop, or a SIGKILL and the next run), nothing an attempt started lives on to
 * change the repository. The stand-in worker starts a command in a session of its own, as
 * Claude Code's Bash tool does, that writes <task>.late after a while; it must never land.
 */
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RELAY_BUNDLE, relay, relayAsync } from '../support/project.ts';
import { stubProject } from '../faults/support/stub-project.ts';
import type { AttemptLedger } from '../../scripts/core/shared/schemas.ts';

const PLAN = '# Stop epic\n\n## Tasks\n\n### T1: One\n\n### T2: Two\n';
const ledgerOf = (root: string) => parse(readFileSync(join(root, '.agents-os/relay/attempt-ledger.yml'), 'utf8')) as AttemptLedger;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startWork(root: string, env: Record<string, string>, args: string[] = []): ChildProcess & { exited: Promise<number | null>; out: () => string } {
  const child = spawn(process.execPath, [RELAY_BUNDLE, 'work', ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return Object.assign(child, { exited: new Promise<number | null>((r) => child.on('exit', (code, sig) => r(code ?? (sig ? 128 : null)))), out: () => out });
}

/** A relay work killed with SIGKILL while its worker (and the worker's own-session command) runs. */
async function killedMidAttempt(root: string, args: string[] = []): Promise<void> {
  const work = startWork(root, { STUB_WORKER_BASH_MS: '2500', STUB_WORKER_SLEEP_MS: '2000' }, args);
  await workerRunning(root);
  work.kill('SIGKILL');
  await work.exited;
}

/** Until the run has recorded its worker's pid: the worker is running. */
async function workerRunning(root: string, ms = 30_000): Promise<void> {
  const file = join(root, '.agents-os/relay/run-state.json');
  for (const end = Date.now() + ms; Date.now() < end; await sleep(25)) {
    try {
      if (JSON.parse(readFileSync(file, 'utf8')).workers.some((w: { pid: number | null }) => w.pid !== null)) return;
    } catch {
      // not written yet
    }
  }
  throw new Error('the worker never started');
}

describe('no process an attempt started outlives it', () => {
  const cases = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).flatMap((sig) => [100, 700, 1300].map((ms) => [sig, ms] as const));

  it(`ends the worker's own-session command on ${cases.length} signal/moment pairs; exit 130, attempt interrupted, nothing lands`, async () => {
    const runs: Array<{ root: string; sig: string; ms: number; code: number | null }> = [];
    // Three at a time: enough to overlap the waits, few enough for a 2-core machine.
    for (let i = 0; i < cases.length; i += 3) runs.push(...await Promise.all(cases.slice(i, i + 3).map(async ([sig, ms]) => {
      const root = stubProject({ blueprint: PLAN });
      const work = startWork(root, { STUB_WORKER_BASH_MS: '2500', STUB_WORKER_SLEEP_MS: '2000' }, ['T1']);
      await workerRunning(root);
      await sleep(ms);
      work.kill(sig);
      return { root, sig, ms, code: await work.exited };
    })));
    await sleep(3000);
    for (const r of runs) {
      expect(r.code, `${r.sig} at ${r.ms} ms`).toBe(130);
      expect(existsSync(join(r.root, 'T1.late')), `${r.sig} at ${r.ms} ms`).toBe(false);
      expect(ledgerOf(r.root).attempts.T1!.map((a) => a.result)).toEqual(['interrupted']);
    }
  }, 60_000);

  it('ends what the worker left running when it exits normally, and at its timeout', async () => {
    const done = stubProject({ blueprint: PLAN });
    const timedOut = stubProject({ blueprint: PLAN, maxAttempts: 1 });
    const [a, b] = await Promise.all([
      relayAsync(done, ['work', 'T1'], { STUB_WORKER_BASH_MS: '1500' }),
      relayAsync(timedOut, ['work', 'T1', '--timeout-minutes', '0.01'], { STUB_WORKER_BASH_MS: '1500', STUB_WORKER_SLEEP_MS: '5000' }),
    ]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(1);
    expect(ledgerOf(timedOut).attempts.T1![0]!.receipt!.error_category).toBe('timeout');
    await sleep(2000);
    expect(existsSync(join(done, 'T1.late'))).toBe(false);
    expect(existsSync(join(timedOut, 'T1.late'))).toBe(false);
  }, 30_000);

  it('after a SIGKILL of relay, the next relay work ends the old worker first: the task never runs twice', async () => {
    const root = stubProject({ blueprint: PLAN });
    await killedMidAttempt(root, ['T1']);
    const status = relay(root, ['status']);
    expect(status.stdout).toMatch(/The last relay work \(pid \d+\) died \(last heard of .*\) while T1 attempt 1 ran\./);
    expect(status.stdout).toMatch(/Run relay work to resume/);
    expect(status.stdout).not.toMatch(/run\.log/);
    const next = await relayAsync(root, ['work', 'T1']);
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/ended what a run that died left running: T1 attempt 1 \(worker pid \d+\)/);
    expect(ledgerOf(root).attempts.T1!.map((a) => a.result)).toEqual(['interrupted', 'success']);
    await sleep(3000);
    expect(existsSync(join(root, 'T1.late'))).toBe(false);
  }, 30_000);
});

describe('relay stop', () => {
  it('ends a detached run from another terminal and records the interrupted attempt', async () => {
    const root = stubProject({ blueprint: PLAN });
    expect(relay(root, ['work', '--detach'], undefined, { STUB_WORKER_BASH_MS: '3000', STUB_WORKER_SLEEP_MS: '4000' }).code).toBe(0);
    await workerRunning(root);
    const stop = await relayAsync(root, ['stop']);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toMatch(/^relay: stopped relay work \(pid \d+\); its workers are ended and each open attempt is recorded as interrupted; relay work resumes$/m);
    expect(ledgerOf(root).attempts.T1!.map((a) => a.result)).toEqual(['interrupted']);
    expect(JSON.parse(relay(root, ['status', '--json']).stdout).run.running).toBe(false);
    await sleep(3500);
    expect(existsSync(join(root, 'T1.late'))).toBe(false);
    expect((await relayAsync(root, ['stop'])).stdout).toBe('relay: no relay work is running here\n');
  }, 30_000);

  it('cleans up after a run that was killed: ends its worker tree and closes its attempt', async () => {
    const root = stubProject({ blueprint: PLAN });
    await killedMidAttempt(root);
    const stop = await relayAsync(root, ['stop']);
    expect(stop.stdout).toMatch(/the last run had died; ended 1 worker process tree\(s\) it left/);
    expect(ledgerOf(root).attempts.T1!.map((a) => a.result)).toEqual(['interrupted']);
    expect(relay(root, ['status']).stdout).not.toMatch(/died/);
    await sleep(3000);
    expect(existsSync(join(root, 'T1.late'))).toBe(false);
  }, 30_000);
});

describe('environment errors never burn a task\'s attempts', () => {
  it('a missing executor stops the run with one line naming the setting; the attempt is interrupted, never counted', async () => {
    const root = stubProject({ blueprint: PLAN });
    writeFileSync(join(root, '.agents.yml'), 'relay:\n  executor: ["no-such-agent-cli"]\n  recall:\n    enabled: false\n');
    for (let run = 1; run <= 2; run++) {
      const r = await relayAsync(root, ['work']);
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(/stopped: no-such-agent-cli not found on PATH: install Claude Code, or set relay\.executor in \.agents\.yml$/m);
    }
    const ledger = ledgerOf(root);
    expect(ledger.attempts.T1!.map((a) => a.result)).toEqual(['interrupted', 'interrupted']);
    expect(ledger.attempts.T1![0]!.interrupted_by).toMatch(/not found on PATH/);
    expect(ledger.gated_tasks).toEqual({});
    expect(ledger.task_status.T1).toBe('pending');
  }, 30_000);

  it('a logged-out worker stops the run with the fix', async () => {
    const root = stubProject({ blueprint: PLAN });
    const r = await relayAsync(root, ['work'], { STUB_WORKER_API_ERROR: '401' });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/stopped: the worker is not logged in \(Invalid API key · Fix external API key\): run claude and \/login, or set ANTHROPIC_API_KEY/);
    expect(ledgerOf(root).gated_tasks).toEqual({});
  }, 30_000);

  it('a rate limit is waited out with backoff, then the task runs; one that lasts stops the run', async () => {
    const passes = stubProject({ blueprint: PLAN, config: ['api_retry:', '  attempts: 3', '  backoff_seconds: 0.05'] });
    const ok = await relayAsync(passes, ['work'], { STUB_WORKER_API_ERROR: '429', STUB_WORKER_API_ERROR_TIMES: '2' });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/rate-limited or overloaded .*: waiting 0 s, then trying T1 again \(retry 1 of 3\)/);
    expect(ok.stdout).toMatch(/retry 2 of 3/);
    expect(ledgerOf(passes).attempts.T1!.map((a) => a.result)).toEqual(['interrupted', 'interrupted', 'success']);
    const lasts = stubProject({ blueprint: PLAN, config: ['api_retry:', '  attempts: 2', '  backoff_seconds: 0.05'] });
    const stopped = await relayAsync(lasts, ['work'], { STUB_WORKER_API_ERROR: 'unreachable' });
    expect(stopped.code).toBe(2);
    expect(stopped.stdout).toMatch(/stopped: the model API cannot be reached .* \(still so after 2 retries; run relay work again later\)/);
    expect(ledgerOf(lasts).gated_tasks).toEqual({});
  }, 30_000);
});
