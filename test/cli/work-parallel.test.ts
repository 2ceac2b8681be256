/** `relay work --jobs N`: tasks in git worktrees at once, merged back, with the stand-in worker. */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RELAY_BUNDLE, relay, relayAsync, tempDir } from '../support/project.ts';
import { stubProject } from '../faults/support/stub-project.ts';
import type { Attempt, AttemptLedger } from '../../scripts/core/shared/schemas.ts';

const ledgerOf = (root: string) => parse(readFileSync(join(root, '.agents-os/relay/attempt-ledger.yml'), 'utf8')) as AttemptLedger;
const git = (root: string, ...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const span = (a: Attempt) => [Date.parse(a.started_at), Date.parse(a.ended_at!)] as const;
const overlap = (a: Attempt, b: Attempt) => span(a)[0] < span(b)[1] && span(b)[0] < span(a)[1];

const PLAN = `# Parallel epic

## Tasks

### T1: One
- Files: T1.out

### T2: Two
- Files: T2.out

### T3: Three
- Files: T3.out

### T4: Shares a file with T5
- Files: T4.out, shared.txt

### T5: Shares a file with T4
- Files: T5.out, shared.txt

### T6: After all the others
- Files: T6.out
- Depends on: T1, T2, T3, T4, T5
`;

describe('relay work --jobs', () => {
  it('runs independent tasks at once in worktrees, never two that share a file, and dependents on the merged head', async () => {
    const root = stubProject({ blueprint: PLAN });
    const r = await relayAsync(root, ['work', '--jobs', '3'], { STUB_WORKER_WRITE: '1', STUB_WORKER_SLEEP_MS: '1200' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const ledger = ledgerOf(root);
    const first = (id: string) => ledger.attempts[id]![0]!;
    expect(Object.values(ledger.task_status).every((s) => s === 'completed')).toBe(true);
    expect(overlap(first('T1'), first('T2')) && overlap(first('T2'), first('T3'))).toBe(true);
    expect(overlap(first('T4'), first('T5'))).toBe(false);
    // Every task's change is on the user's branch, one commit each with relay's trailers, merged in.
    for (const id of ['T1', 'T2', 'T3', 'T4', 'T5', 'T6']) expect(readFileSync(join(root, `${id}.out`), 'utf8')).toBe(`${id}\n`);
    const messages = git(root, 'log', '--format=%B%x00');
    for (const id of ['T1', 'T6']) expect(messages).toMatch(new RegExp(`${id}: [^\\n]+\\n\\nRelay-Epic: [^\\n]+\\nRelay-Task: ${id}\\nRelay-Attempt: 1`));
    // T6 started from a head that already held every dependency's change.
    const t6Start = first('T6').git!.start_commit!;
    for (const id of ['T1', 'T2', 'T3', 'T4', 'T5']) expect(git(root, 'show', `${t6Start}:${id}.out`)).toBe(id);
    expect(first('T1').git!.end_commit).toMatch(/^[0-9a-f]{40}$/);
    // Nothing is left behind: one worktree (the user's), no task branches, nothing mid-merge.
    expect(git(root, 'worktree', 'list').split('\n')).toHaveLength(1);
    expect(git(root, 'branch', '--list', 'relay/*')).toBe('');
    expect(r.stdout).toMatch(/running up to 3 tasks at once/);
    expect(r.stdout).toMatch(/T1 attempt 1\/3 success/);
  });

  it('makes a merge conflict the attempt\'s failure, names the file, and retries on the new head', async () => {
    const root = stubProject({ blueprint: '# E\n\n## Tasks\n\n### T1: One\n- Files: T1.out\n\n### T2: Two\n- Files: T2.out\n' });
    const r = await relayAsync(root, ['work', '--jobs', '2'], { STUB_WORKER_WRITE: '1', STUB_WORKER_WRITE_SHARED: 'conflict.txt', STUB_WORKER_SLEEP_MS: '800' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const attempts = Object.values(ledgerOf(root).attempts).flat();
    const conflicted = attempts.filter((a) => a.receipt?.error_category === 'merge_conflict');
    expect(conflicted).toHaveLength(1);
    expect(conflicted[0]!.receipt!.error_summary).toContain('conflict.txt');
    expect(conflicted[0]!.flags).toContain('merge_conflict');
    expect(attempts.filter((a) => a.result === 'success')).toHaveLength(2);
    expect(existsSync(join(root, '.git', 'MERGE_HEAD'))).toBe(false);
    expect(readFileSync(join(root, 'conflict.txt'), 'utf8')).toMatch(/^written by T[12]\n$/);
    expect(git(root, 'status', '--porcelain', '--', 'conflict.txt', 'T1.out', 'T2.out')).toBe('');
  });

  it('refuses to start over uncommitted changes in the files the tasks name, and never stashes them', async () => {
    const root = stubProject({ blueprint: PLAN });
    writeFileSync(join(root, 'T2.out'), 'mine\n');
    const r = relay(root, ['work', '--jobs', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--jobs: uncommitted changes in files the epic's tasks name \(T2\.out\).*commit or stash them yourself/);
    expect(readFileSync(join(root, 'T2.out'), 'utf8')).toBe('mine\n');
    expect(Object.keys(ledgerOf(root).attempts)).toEqual([]);
  });

  it.each([['0'], ['-2'], ['many'], ['1.5'], ['17']])('refuses --jobs %s, naming the flag (exit 2)', (value) => {
    const root = stubProject({ blueprint: PLAN });
    const r = relay(root, ['work', '--jobs', value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--jobs/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a project that is not a git repository, with what to do', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.md'), PLAN);
    expect(relay(dir, ['init', 'plan.md']).code).toBe(0);
    const r = relay(dir, ['work', '--jobs', '2']);
    expect([r.code, r.stderr.trim()]).toEqual([2, expect.stringMatching(/--jobs: this project is not a git repository.*git init/)]);
  });

  it('Ctrl+C stops every worker, records each attempt as interrupted, removes the worktrees; the next run resumes', async () => {
    const root = stubProject({ blueprint: PLAN });
    const child = spawn(process.execPath, [RELAY_BUNDLE, 'work', '--jobs', '3'], { cwd: root, env: { ...process.env, RELAY_PROJECT_DIR: '', STUB_WORKER_SLEEP_MS: '20000', STUB_WORKER_START_MARK: join(root, 'started'), NO_COLOR: '1' }, stdio: 'ignore' });
    for (let i = 0; i < 200 && (!existsSync(join(root, 'started')) || readFileSync(join(root, 'started'), 'utf8').length < 3); i++) await new Promise((res) => setTimeout(res, 100));
    // Every running task shows, with how long it has run.
    const status = JSON.parse(relay(root, ['status', '--json']).stdout);
    const running = status.tasks.filter((t: { status: string }) => t.status === 'in_progress');
    expect(running.map((t: { id: string }) => t.id)).toEqual(['T1', 'T2', 'T3']);
    expect(running.every((t: { running_s: number }) => t.running_s >= 0)).toBe(true);
    expect(relay(root, ['status']).stdout.match(/\(running \d+s\)/g)).toHaveLength(3);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((res) => child.on('exit', res));
    expect(code).toBe(130);
    const interrupted = Object.values(ledgerOf(root).attempts).flat();
    expect(interrupted.length).toBe(3);
    expect(interrupted.every((a) => a.result === 'interrupted')).toBe(true);
    expect(git(root, 'worktree', 'list').split('\n')).toHaveLength(1);
    const again = await relayAsync(root, ['work', '--jobs', '3'], { STUB_WORKER_WRITE: '1' });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(Object.values(ledgerOf(root).task_status).every((s) => s === 'completed')).toBe(true);
  });

  it('--keep-worktrees keeps and lists them; the next run clears them with a message', async () => {
    const root = stubProject({ blueprint: '# E\n\n## Tasks\n\n### T1: One\n- Files: T1.out\n\n### T2: Two\n- Files: T2.out\n\n### T3: Three\n- Files: T3.out\n- Depends on: T1\n' });
    const r = await relayAsync(root, ['work', 'T1'], { STUB_WORKER_WRITE: '1' });
    expect(r.code).toBe(0);
    const kept = await relayAsync(root, ['work', '--jobs', '2', '--keep-worktrees', '--max-attempts', '1'], { STUB_WORKER_WRITE: '1', STUB_WORKER_FAIL: 'T3' });
    expect(kept.stdout).toMatch(/kept the worktrees \(--keep-worktrees\): .*T2 .*\.cache\/relay\/worktrees\/[^ ]+\/T2 \(branch relay\/[^/]+\/T2\)/);
    expect(git(root, 'worktree', 'list').split('\n').length).toBeGreaterThan(1);
    const next = await relayAsync(root, ['work', '--jobs', '2'], {});
    expect(next.stdout).toMatch(/removed the worktrees and branches a stopped run left: T2, T3/);
    expect(git(root, 'worktree', 'list').split('\n')).toHaveLength(1);
  });
});

describe('relay work --jobs when git cannot commit', () => {
  it('stops the run with what to fix, and the attempt does not count against the task', async () => {
    const root = stubProject({ blueprint: '# E\n\n## Tasks\n\n### T1: One\n- Files: T1.out\n\n### T2: Two\n- Files: T2.out\n' });
    git(root, 'config', 'user.useConfigOnly', 'true');
    git(root, 'config', '--unset', 'user.email');
    git(root, 'config', '--unset', 'user.name');
    const r = await relayAsync(root, ['work', '--jobs', '2'], { STUB_WORKER_WRITE: '1', HOME: tempDir(), GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' });
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stdout).toMatch(/stopped: git could not commit or merge T[12]'s change .*fix that, then run relay work again/);
    const attempts = Object.values(ledgerOf(root).attempts).flat();
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((a) => a.result === 'interrupted')).toBe(true);
    expect(Object.values(ledgerOf(root).task_status).every((s) => s === 'pending')).toBe(true);
    expect(git(root, 'worktree', 'list').split('\n')).toHaveLength(1);
  });
});

describe('relay.commit: true, one task at a time', () => {
  it('makes each completed task one commit of its own files, with the trailers, leaving what the user staged alone', async () => {
    const root = stubProject({ blueprint: '# E\n\n## Tasks\n\n### T1: One\n- Files: T1.out\n\n### T2: Two\n- Files: T2.out\n', config: ['commit: true'] });
    writeFileSync(join(root, 'mine.txt'), 'staged by me\n');
    git(root, 'add', 'mine.txt');
    const r = await relayAsync(root, ['work'], { STUB_WORKER_WRITE: '1' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const ledger = ledgerOf(root);
    for (const id of ['T1', 'T2']) {
      const end = ledger.attempts[id]![0]!.git!.end_commit!;
      expect(git(root, 'show', '--name-only', '--format=%B', end)).toMatch(new RegExp(`^${id}: [^\\n]+\\n\\nRelay-Epic: [^\\n]+\\nRelay-Task: ${id}\\nRelay-Attempt: 1\\n+${id}\\.out$`));
    }
    expect(git(root, 'diff', '--cached', '--name-only')).toBe('mine.txt');
  });
});
