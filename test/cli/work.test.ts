/** relay work's loop control and quality gate, with a stand-in worker so each attempt is cheap. */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RELAY_BUNDLE, relay, relayAsync } from '../support/project.ts';
import { stubProject } from '../faults/support/stub-project.ts';
import type { AttemptLedger } from '../../scripts/core/shared/schemas.ts';

const PLAN = '# Gate epic\n\n## Tasks\n\n### T1: One\n- Files: T1.out\n\n### T2: Two\n- Files: T2.out\n';
const ledgerOf = (root: string) => parse(readFileSync(join(root, '.agents-os/relay/attempt-ledger.yml'), 'utf8')) as AttemptLedger;

describe('the quality gate with a review command', () => {
  it('BLOCKED (exit 3) gates the task at once; NEEDS CHANGES feeds its findings into the next prompt', async () => {
    const root = stubProject({ blueprint: PLAN, config: ['review:', '  provider: command', '  command: ./review.sh'] });
    // The reviewer reads the diff on stdin: it blocks T1's change and asks for changes to T2's once.
    writeFileSync(join(root, 'review.sh'), '#!/bin/sh\ndiff=$(cat)\ncase "$RELAY_TASK_ID" in\n  T1) echo "touches production credentials"; exit 3;;\n  T2) if [ "$RELAY_ATTEMPT" = 1 ]; then echo "T2.out lacks a trailing summary"; exit 1; fi;;\nesac\nexit 0\n', { mode: 0o755 });
    const r = await relayAsync(root, ['work'], { STUB_WORKER_WRITE: '1' });
    expect(r.code).toBe(1);
    const ledger = ledgerOf(root);
    expect(ledger.gated_tasks.T1!.reason).toBe('quality_gate_blocked');
    expect(ledger.attempts.T1).toHaveLength(1);
    expect(ledger.attempts.T1![0]!.receipt).toMatchObject({ quality_gate_verdict: 'BLOCKED', quality_gate_findings: ['touches production credentials'], error_category: 'quality_gate' });
    expect(ledger.attempts.T2!.map((a) => a.result)).toEqual(['failure', 'success']);
    expect(ledger.attempts.T2![1]!.receipt!.quality_gate_verdict).toBe('APPROVED');
    // Briefs built after a review carry its findings.
    expect(relay(root, ['anchor', 'T2']).stdout).toMatch(/### Attempt 1 — failure \(quality_gate\)[\s\S]*- T2\.out lacks a trailing summary/);
    relay(root, ['ungate', 'T1']);
    expect(relay(root, ['anchor', 'T1']).stdout).toContain('- touches production credentials');
  }, 60_000);
});

describe('the review sees exactly the attempt\'s own change', () => {
  const INDEPENDENT = '# Scope epic\n\n## Tasks\n\n### T1: One\n- Files: T1.out\n- Acceptance criteria:\n  - T1.out holds T1\n\n### T2: Two\n- Files: T2.out\n';
  // Blocks any change that holds T1's content; writes its own notes into the project, as a careless reviewer might.
  const REVIEWER = '#!/bin/sh\nmkdir -p reviews\ncat > "reviews/$RELAY_TASK_ID-$RELAY_ATTEMPT.diff"\nenv | grep ^RELAY_ | sort > "reviews/$RELAY_TASK_ID-$RELAY_ATTEMPT.env"\nif grep -q "^+T1$" "reviews/$RELAY_TASK_ID-$RELAY_ATTEMPT.diff"; then echo "T1 content is not allowed"; exit 3; fi\nexit 0\n';

  it('a BLOCKED review gates only its own task; the next independent task is reviewed on its own files and completes', async () => {
    const root = stubProject({ blueprint: INDEPENDENT, config: ['review:', '  provider: command', '  command: ./review.sh'] });
    writeFileSync(join(root, 'review.sh'), REVIEWER, { mode: 0o755 });
    const r = await relayAsync(root, ['work'], { STUB_WORKER_WRITE: '1' });
    expect(r.code).toBe(1);
    const ledger = ledgerOf(root);
    expect(ledger.gated_tasks.T1!.reason).toBe('quality_gate_blocked');
    expect(ledger.task_status.T2).toBe('completed');
    const t2 = readFileSync(join(root, 'reviews/T2-1.diff'), 'utf8');
    expect(t2).toContain('+++ b/T2.out');
    // Not T1's uncommitted file, not relay's .gitattributes lines, not the reviewer's own notes.
    expect(t2).not.toContain('T1.out');
    expect(t2).not.toContain('.gitattributes');
    expect(t2).not.toContain('reviews/');
    expect(ledger.attempts.T2![0]!.git!.files_changed).toEqual(['T2.out']);
    const env = readFileSync(join(root, 'reviews/T2-1.env'), 'utf8');
    expect(env).toMatch(/^RELAY_DIFF_BASE=[0-9a-f]{40}$/m);
    expect(env).toContain('RELAY_TASK_ID=T2');
    expect(readFileSync(join(root, 'reviews/T1-1.env'), 'utf8')).toContain('RELAY_TASK_CRITERIA=T1.out holds T1');
  }, 60_000);

  it('a failing verify command fails that attempt only', async () => {
    const plan = INDEPENDENT.replace('- Files: T1.out\n', '- Files: T1.out\n- Verify: `false`\n');
    const root = stubProject({ blueprint: plan, maxAttempts: 1 });
    const r = await relayAsync(root, ['work'], { STUB_WORKER_WRITE: '1' });
    expect(r.code).toBe(1);
    const ledger = ledgerOf(root);
    expect(ledger.attempts.T1![0]!.receipt).toMatchObject({ error_category: 'test_failure' });
    expect(ledger.gated_tasks.T1!.reason).toBe('max_attempts_exceeded');
    expect(ledger.task_status.T2).toBe('completed');
  }, 60_000);
});

describe('settings are live', () => {
  it('an edit to .agents.yml after init takes effect on the next relay work, and relay says so', async () => {
    const root = stubProject({ blueprint: PLAN, maxAttempts: 3 });
    const config = readFileSync(join(root, '.agents.yml'), 'utf8');
    writeFileSync(join(root, '.agents.yml'), config.replace('max_attempts_per_task: 3', 'max_attempts_per_task: 5'));
    const r = await relayAsync(root, ['work', 'T1'], { STUB_WORKER_FAIL: 'T1', STUB_WORKER_FAIL_VARIED: '1', NO_COLOR: '1' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('settings: max attempts 5 from .agents.yml (the epic recorded 3)');
    expect(r.stdout).toMatch(/T1 attempt 5\/5/);
    expect(ledgerOf(root).attempts.T1).toHaveLength(5);
    expect(ledgerOf(root).gated_tasks.T1!.reason).toBe('max_attempts_exceeded');
  }, 60_000);
});

describe('loop control', () => {
  it('refuses a second relay work while one runs, and reports the live run in status', async () => {
    const root = stubProject({ blueprint: PLAN });
    const first = spawn(process.execPath, [RELAY_BUNDLE, 'work'], { cwd: root, env: { ...process.env, STUB_WORKER_SLEEP_MS: '4000', NO_COLOR: '1' }, stdio: 'ignore' });
    const lock = join(root, '.agents-os/relay/run.lock');
    for (let i = 0; i < 100 && !existsSync(lock); i++) await new Promise((res) => setTimeout(res, 50));
    const second = relay(root, ['work']);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`relay work is already running \\(pid ${first.pid}\\)`));
    const status = JSON.parse(relay(root, ['status', '--json']).stdout);
    expect(status.run).toMatchObject({ running: true, pid: first.pid });
    expect(status.tasks[0].status).toBe('in_progress');
    first.kill('SIGTERM');
    expect(await new Promise((res) => first.on('exit', res))).toBe(130);
    expect(ledgerOf(root).attempts.T1![0]!.result).toBe('interrupted');
  }, 60_000);

  it('runs detached with its output in run.log, and --max-attempts overrides the setting', async () => {
    const root = stubProject({ blueprint: PLAN, maxAttempts: 5 });
    const r = relay(root, ['work', 'T1', '--detach', '--max-attempts', '1'], undefined, { STUB_WORKER_FAIL: 'T1' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/work started in the background \(pid \d+\)/);
    const log = join(root, '.agents-os/relay/run.log');
    for (let i = 0; i < 200 && !(existsSync(log) && readFileSync(log, 'utf8').includes('done:')); i++) await new Promise((res) => setTimeout(res, 50));
    expect(readFileSync(log, 'utf8')).toMatch(/T1 attempt 1\/1 failure/);
    expect(ledgerOf(root).gated_tasks.T1!.reason).toBe('max_attempts_exceeded');
    expect(ledgerOf(root).settings.max_attempts_per_task).toBe(5);
  }, 60_000);
});

describe('metrics agree', () => {
  it('ledger stats, its --json and ledger report give the same first-pass success, computed by hand', async () => {
    const plan = '# Metrics epic\n\n## Tasks\n\n### T1: First pass\n\n### T2: Second pass\n\n### T3: Never\n';
    const root = stubProject({ blueprint: plan, maxAttempts: 3 });
    // T1's first attempt is interrupted (Ctrl+C): it never counts, so T1 is still a first-pass success.
    const interrupted = spawn(process.execPath, [RELAY_BUNDLE, 'work', 'T1'], { cwd: root, env: { ...process.env, STUB_WORKER_SLEEP_MS: '5000', NO_COLOR: '1' }, stdio: 'ignore' });
    const ledgerFile = join(root, '.agents-os/relay/attempt-ledger.yml');
    for (let i = 0; i < 100 && !readFileSync(ledgerFile, 'utf8').includes('in_progress'); i++) await new Promise((res) => setTimeout(res, 50));
    interrupted.kill('SIGINT');
    await new Promise((res) => interrupted.on('exit', res));
    expect(ledgerOf(root).attempts.T1!.map((a) => a.result)).toEqual(['interrupted']);
    const r = await relayAsync(root, ['work'], { STUB_WORKER_FAIL_ONCE: 'T2', STUB_WORKER_FAIL: 'T3', STUB_WORKER_FAIL_VARIED: '1' });
    expect(r.code).toBe(1);
    // By hand: T1 done on its first real attempt, T2 on its second, T3 gated after 3: 1 of 3 first-pass, 6 attempts for 3 tasks.
    const json = JSON.parse(relay(root, ['ledger', 'stats', '--json']).stdout);
    expect(json.agent).toMatchObject({ tasks: 3, first_pass_success_rate: 0.333, attempts_per_task: 2 });
    expect(relay(root, ['ledger', 'stats']).stdout).toMatch(/First-pass success\s+33\.3% of 3 tasks/);
    const month = new Date().toISOString().slice(0, 7);
    expect(relay(root, ['ledger', 'report', '--month', month]).stdout).toMatch(/First-pass success \(relay work\) \| 33\.3%/);
  }, 60_000);
});
