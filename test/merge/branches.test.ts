// relay's state across git branches, in real repositories: each branch records ledger
// records, hook events, a knowledge-base entry, attempts on its own task and on a shared one,
// a gate (and on the first branch an ungate), a learnings promotion and an epic edit. Then the
// branches come together by merge, rebase and cherry-pick, in a
// fresh clone where `relay setup` registered the driver. (git's octopus strategy runs no merge
// drivers and refuses any content merge, so three branches come together in sequence.) After each: no conflict, the
// validators pass, and every record, event and attempt is there exactly once.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HOOK_BUNDLE, relay, tempDir } from '../support/project.ts';
import { hookPayloads } from '../hooks/support/payloads.ts';
import { stubProject } from '../faults/support/stub-project.ts';

const LESSON = 'Run the schema migration with a 5s lock timeout before deploying, because the users table lock blocked signups';

function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function tryGit(root: string, ...args: string[]): { code: number | null; out: string } {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function ok(root: string, args: string[], input?: string, env: NodeJS.ProcessEnv = {}): string {
  const r = relay(root, args, input, env);
  expect(r.code, `relay ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

function commit(root: string, message: string): void {
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', message);
}

/** One branch's day of work: b is 1, 2 or 3; it owns task T<b> and shares T4 with the others. */
function branchWork(root: string, b: number): void {
  git(root, 'checkout', '-qb', `b${b}`, 'main');
  ok(root, ['ledger', 'add'], JSON.stringify({ timestamp: `2026-11-0${b}T10:00:00Z`, type: 'incident', task_id: `incident-b${b}`, summary: `Checkout failed on branch ${b}`, root_cause: 'a stale cache key', fix: 'versioned the cache key', severity: 'medium' }));
  const p = hookPayloads(root, `sess-b${b}`);
  for (const payload of [p.bash(`npm test -- b${b}`, 'ok'), p.bash(`git status # b${b}`, 'clean')]) {
    const r = spawnSync(process.execPath, [HOOK_BUNDLE], { cwd: root, input: JSON.stringify(payload), encoding: 'utf8', env: { ...process.env, CLAUDE_PROJECT_DIR: root } });
    expect(r.status).toBe(0);
  }
  ok(root, ['kb', 'new', '--category', 'issue', '--service', 'checkout', '--title', `Stale cache keys on branch ${b}`, '--impact', 'checkout errors', '--tags', 'cache']);
  // The first branch rotates its records into the quarterly archive; the others append to the live file.
  if (b === 1) ok(root, ['ledger', 'rotate', '--force']);
  commit(root, `b${b}: records`);
  const receipt = JSON.stringify({ learning: LESSON });
  ok(root, ['work', `T${b}`], undefined, { STUB_WORKER_RECEIPT_JSON: receipt });
  // T4 fails the same way twice: gated for repeated failure on every branch.
  expect(relay(root, ['work', 'T4'], undefined, { STUB_WORKER_FAIL: 'T4', STUB_WORKER_RECEIPT_JSON: receipt }).code).toBe(1);
  ok(root, ['learnings', 'promote']);
  commit(root, `b${b}: attempts and lessons`);
  if (b === 1) ok(root, ['ungate', 'T4']);
  const epic = join(root, '.agents-os', 'relay', 'epic.yml');
  writeFileSync(epic, readFileSync(epic, 'utf8').replace(`title: Task ${b}\n`, `title: Task ${b} (edited on b${b})\n`));
  commit(root, `b${b}: epic edit`);
  git(root, 'checkout', '-q', 'main');
}

interface Built {
  root: string;
  branches: number[];
}

function build(branches: number[]): Built {
  const root = stubProject({ blueprint: ['# Team epic', 'Four independent tasks.', '', '## Tasks', '', ...[1, 2, 3, 4].map((i) => `### T${i}: Task ${i}\n- Priority: p1\n- Files: T${i}.out\n`)].join('\n'), maxAttempts: 2 });
  commit(root, 'relay init');
  for (const b of branches) branchWork(root, b);
  return { root, branches };
}

/** A clone of the built repo, as a teammate has it: no driver until `relay setup`. */
function clone(built: Built): string {
  const dir = join(tempDir('relay-merge-'), 'clone');
  cpSync(built.root, dir, { recursive: true });
  git(dir, 'config', '--remove-section', 'merge.relay');
  expect(tryGit(dir, 'config', 'merge.relay.driver').code).toBe(1);
  ok(dir, ['setup']);
  return dir;
}

function jsonl(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** Every episodic record: the live ledger and its quarterly archives. */
function episodicRecords(root: string): Array<Record<string, unknown>> {
  const archive = join(root, 'progress', 'archive');
  const archives = existsSync(archive) ? readdirSync(archive).filter((f) => f.endsWith('.jsonl')).map((f) => join(archive, f)) : [];
  return [...archives, join(root, 'progress', 'ledger.jsonl')].flatMap(jsonl);
}

function eventFiles(root: string): string[] {
  const dir = join(root, '.agents-os', 'ledger');
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.jsonl')).map((f) => join(dir, f));
}

/** What every branch recorded, read from the branches themselves. */
function expected(built: Built) {
  const records = new Set<string>();
  const events = new Set<string>();
  const attempts = new Set<string>();
  for (const b of built.branches) {
    git(built.root, 'checkout', '-q', `b${b}`);
    for (const r of episodicRecords(built.root)) records.add(String(r.task_id));
    for (const f of eventFiles(built.root)) for (const e of jsonl(f)) events.add(String(e.id));
    const ledger = parse(readFileSync(join(built.root, '.agents-os', 'relay', 'attempt-ledger.yml'), 'utf8'));
    for (const [task, list] of Object.entries(ledger.attempts as Record<string, Array<{ started_at: string }>>)) for (const a of list) attempts.add(`${task}@${a.started_at}`);
  }
  git(built.root, 'checkout', '-q', 'main');
  return { records, events, attempts };
}

function checkMerged(root: string, built: Built, want: ReturnType<typeof expected>): void {
  expect(git(root, 'status', '--porcelain', '--untracked-files=no')).toBe('');
  expect(tryGit(root, 'grep', '-l', '-e', '^<<<<<<<', '--', '.').out).toBe('');
  ok(root, ['ledger', 'validate']);
  ok(root, ['events', 'validate']);
  const status = JSON.parse(ok(root, ['status', '--json']));
  expect(status).toBeTypeOf('object');

  const records = episodicRecords(root).map((r) => String(r.task_id));
  expect(records.sort()).toEqual([...want.records].sort());
  const events = eventFiles(root).flatMap((f) => jsonl(f).map((e) => String(e.id)));
  expect(new Set(events).size).toBe(events.length);
  expect(new Set(events)).toEqual(want.events);
  const notes = readFileSync(join(root, 'progress', 'NOTES.md'), 'utf8');
  for (const id of want.records) expect(notes.split('\n').filter((l) => l.startsWith('## ') && l.endsWith(` · ${id}`)), id).toHaveLength(1);

  const ledger = parse(readFileSync(join(root, '.agents-os', 'relay', 'attempt-ledger.yml'), 'utf8'));
  const merged = Object.entries(ledger.attempts as Record<string, Array<{ id: number; started_at: string }>>).flatMap(([task, list]) => {
    expect(list.map((a) => a.id), task).toEqual(list.map((_, i) => i + 1));
    return list.map((a) => `${task}@${a.started_at}`);
  });
  expect(merged.sort()).toEqual([...want.attempts].sort());
  for (const b of built.branches) expect(ledger.task_status[`T${b}`], `T${b}`).toBe('completed');
  // b1 ungated T4, but a later branch gated it again afterwards: the newer gate stands.
  expect(ledger.task_status.T4).toBe(built.branches.length > 1 ? 'gated' : 'pending');

  const epic = parse(readFileSync(join(root, '.agents-os', 'relay', 'epic.yml'), 'utf8'));
  for (const b of built.branches) expect(epic.tasks[`T${b}`].title).toBe(`Task ${b} (edited on b${b})`);
  const agents = readFileSync(join(root, 'AGENTS.md'), 'utf8');
  const lines = agents.split('\n').filter((l) => l.includes('5s lock timeout'));
  // Each branch promoted it at 3 sightings; identical lines on every side are one change to git, so the lesson stays once.
  expect(lines, agents).toHaveLength(1);
  expect(lines[0]).toMatch(/seen \d+ times/);
  const kb = readdirSync(join(root, 'docs', 'ops-knowledge', 'issues', 'checkout'));
  expect(kb).toHaveLength(built.branches.length);
}

const METHODS: Record<string, (root: string, branches: number[]) => void> = {
  'merges in sequence': (root, branches) => {
    for (const b of branches) {
      const r = tryGit(root, 'merge', '--no-edit', `b${b}`);
      expect(r.code, r.out).toBe(0);
    }
  },
  rebase: (root, branches) => {
    for (const b of branches) {
      const r = tryGit(root, 'rebase', 'main', `b${b}`);
      expect(r.code, r.out).toBe(0);
      git(root, 'checkout', '-q', 'main');
      git(root, 'merge', '-q', '--ff-only', `b${b}`);
    }
  },
  'cherry-pick': (root, branches) => {
    for (const b of branches) {
      const r = tryGit(root, 'cherry-pick', `main..b${b}`);
      expect(r.code, r.out).toBe(0);
    }
  },
};

describe.each([[[1, 2]], [[1, 2, 3]]])('branches %j', (branches) => {
  let built: Built;
  let want: ReturnType<typeof expected>;
  beforeAll(() => {
    built = build(branches);
    want = expected(built);
  }, 120_000);

  it.each(Object.keys(METHODS))('come together by %s without a conflict, and lose nothing', (method) => {
    const root = clone(built);
    METHODS[method]!(root, branches);
    checkMerged(root, built, want);
  }, 60_000);
});

describe('without the driver', () => {
  it('a merge conflicts in relay\'s files, and relay repair rebuilds each from both sides', () => {
    const built = build([1, 2]);
    const root = join(tempDir('relay-merge-'), 'clone');
    cpSync(built.root, root, { recursive: true });
    git(root, 'config', '--remove-section', 'merge.relay');
    expect(tryGit(root, 'merge', '--no-edit', 'b1').code).toBe(0);
    const second = tryGit(root, 'merge', '--no-edit', 'b2');
    expect(second.code, second.out).not.toBe(0);
    const conflicted = git(root, 'diff', '--name-only', '--diff-filter=U').split('\n').filter(Boolean);
    expect(conflicted).toContain('.agents-os/relay/attempt-ledger.yml');
    expect(relay(root, ['status']).code).toBe(2);
    for (const file of conflicted) {
      expect(ok(root, ['repair', file])).toMatch(/merged both sides/);
      git(root, 'add', file);
    }
    git(root, 'commit', '-qm', 'merge b2 (repaired)');
    checkMerged(root, built, expected(built));
  }, 180_000);
});

describe('a true contradiction in the epic', () => {
  it('stops the merge with a message naming the task and field', () => {
    const root = stubProject({ blueprint: '# E\nx\n\n## Tasks\n\n### T1: One\n- Priority: p1\n', maxAttempts: 2 });
    commit(root, 'init');
    const epic = join(root, '.agents-os', 'relay', 'epic.yml');
    for (const side of ['left', 'right']) {
      git(root, 'checkout', '-qb', side, 'main');
      writeFileSync(epic, readFileSync(epic, 'utf8').replace('title: One\n', `title: One (${side})\n`));
      commit(root, side);
    }
    git(root, 'checkout', '-q', 'main');
    git(root, 'merge', '-q', 'left');
    const r = tryGit(root, 'merge', '--no-edit', 'right');
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/tasks\.T1\.title: ours "One \(left\)", theirs "One \(right\)"/);
    expect(readFileSync(epic, 'utf8')).toMatch(/^<<<<<<< /m);
  }, 60_000);
});
