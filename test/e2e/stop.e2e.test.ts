/**
 * Runs that stop cleanly, with the real Claude Code CLI as the worker: its Bash tool runs each
 * command in a session of its own, which a process-group kill misses. Whatever signal ends
 * relay work, the command's late write never lands. And a logged-out worker stops the run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLAUDE_BIN, claudeEnv } from './support/claude.ts';
import { startFakeModel, type FakeModel, type Turn } from './support/fake-model.ts';
import { RELAY_BUNDLE, relay, relayAsync, tempProject } from '../support/project.ts';
import type { AttemptLedger } from '../../scripts/core/shared/schemas.ts';

const PLAN = '# Stop epic\n\n## Tasks\n\n### T1: Slow work\n';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether a process running the scripted Bash command exists. */
function commandRunning(): boolean {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).some((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('late.out');
    } catch {
      return false;
    }
  });
}
let model: FakeModel;
let home: string;
let mode: 'bash' | 'logged-out' = 'bash';

beforeAll(async () => {
  model = await startFakeModel((): Turn => (mode === 'logged-out'
    ? { apiError: { status: 401, type: 'authentication_error', message: 'invalid x-api-key' } }
    : { tools: [{ name: 'Bash', input: { command: 'sleep 4; echo late >> late.out', description: 'slow step' } }] }));
  home = mkdtempSync(join(tmpdir(), 'relay-home-'));
});

afterAll(async () => {
  await model?.close();
});

function project(): { root: string; env: Record<string, string> } {
  const root = tempProject();
  writeFileSync(join(root, 'plan.md'), PLAN);
  writeFileSync(join(root, '.agents.yml'), `relay:\n  executor: ["${CLAUDE_BIN}"]\n  permission_mode: bypassPermissions\n  recall:\n    enabled: false\n`);
  const env = { ...claudeEnv(model.url, home), NO_COLOR: '1' };
  expect(relay(root, ['init', 'plan.md'], undefined, env).code).toBe(0);
  return { root, env };
}

describe('relay work with the real CLI, stopped mid-Bash-command', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s: exit 130, attempt interrupted, the command never writes', async (sig) => {
    mode = 'bash';
    const { root, env } = project();
    const before = model.requests.length;
    const work = spawn(process.execPath, [RELAY_BUNDLE, 'work'], { cwd: root, env, stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => work.on('exit', (code) => r(code)));
    // The Bash command starts once the model's first answer reaches claude; give it a moment to be running.
    for (let i = 0; i < 300 && model.requests.length === before; i++) await sleep(50);
    // The command is really running (so a late write would land if relay let it live).
    for (let i = 0; i < 100 && !commandRunning(); i++) await sleep(50);
    expect(commandRunning()).toBe(true);
    await sleep(500);
    work.kill(sig);
    expect(await exited).toBe(130);
    const ledger = parse(readFileSync(join(root, '.agents-os/relay/attempt-ledger.yml'), 'utf8')) as AttemptLedger;
    expect(ledger.attempts.T1!.map((a) => a.result)).toEqual(['interrupted']);
    await sleep(4000);
    expect(existsSync(join(root, 'late.out'))).toBe(false);
  }, 60_000);
});

describe('a logged-out worker', () => {
  it('stops the run with the fix, and the task keeps all its attempts', async () => {
    mode = 'logged-out';
    const { root, env } = project();
    const r = await relayAsync(root, ['work'], { ...env, CLAUDE_CODE_MAX_RETRIES: '0' });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/stopped: the worker is not logged in \(Invalid API key.*\): run claude and \/login, or set ANTHROPIC_API_KEY/);
    const ledger = parse(readFileSync(join(root, '.agents-os/relay/attempt-ledger.yml'), 'utf8')) as AttemptLedger;
    expect(ledger.attempts.T1!.map((a) => a.result)).toEqual(['interrupted']);
    expect(ledger.gated_tasks).toEqual({});
  }, 60_000);
});
