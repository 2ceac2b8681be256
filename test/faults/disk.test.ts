// Disk trouble: an unwritable .agents-os/, read-only ledger files, and a full disk. relay must
// say so in one line with a non-zero exit, hooks must still exit 0 with one stderr line, and
// nothing written before may change. How each fault is made as root is in support/disk.ts.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/project.ts';
import { hookPayloads } from '../hooks/support/payloads.ts';
import { canMountTmpfs, fillDisk, mountTmpfs, readOnlyFile, readOnlyTree, type Fault } from './support/disk.ts';
import { readJsonl, walk } from './support/ledgers.ts';
import { expectCleanError, expectFailOpen, hook, relay, type Ran } from './support/proc.ts';
import { chainedBlueprint, stubProject } from './support/stub-project.ts';

const WRITE_REFUSED = /^relay: .*(EROFS|read-only file system|EACCES|permission denied|EPERM|operation not permitted)/i;
const DISK_FULL = /^relay: .*(ENOSPC|no space left)/i;
const HOOK_WRITE_REFUSED = /^relay hook \w+: .*(EROFS|read-only file system|EACCES|permission denied|EPERM|operation not permitted)/i;
const HOOK_DISK_FULL = /^relay hook \w+: .*(ENOSPC|no space left|short write)/i;

const undo: Fault[] = [];
afterEach(() => {
  // Mounts and immutable flags outlive the test process; never leave one behind.
  while (undo.length) undo.pop()!.undo();
});
function apply<F extends Fault>(fault: F): F {
  undo.push(fault);
  process.stderr.write(`[faults] disk: using ${fault.method}\n`);
  return fault;
}

function snapshot(root: string, dirs = ['.agents-os', 'progress']): Map<string, string> {
  return new Map(dirs.flatMap((d) => walk(join(root, d))).map((f) => [relative(root, f), readFileSync(f, 'latin1')]));
}

/** The files are byte for byte what they were; `appendOnly` files may only have grown at the end. */
function expectUnchanged(before: Map<string, string>, after: Map<string, string>, appendOnly: (file: string) => boolean = () => false): void {
  for (const [file, bytes] of before) {
    expect(after.has(file), `${file} disappeared`).toBe(true);
    const now = after.get(file)!;
    if (appendOnly(file)) expect(now.startsWith(bytes), `${file}: earlier bytes changed`).toBe(true);
    else expect(now === bytes, `${file} changed`).toBe(true);
  }
}

/** A project with some history: an initialised epic, one finished attempt, events, a ledger record. */
async function projectWithHistory(): Promise<string> {
  const root = stubProject({ blueprint: chainedBlueprint(4) });
  const work = await relay(root, ['work', 'T1'], { env: { STUB_WORKER_WRITE: '1' } });
  expect(work.code, work.stderr).toBe(0);
  const p = hookPayloads(root, 'sess-disk');
  for (const payload of [p.sessionStart(), p.bash('ls', 'a\nb\n', ''), p.sessionEnd()]) expectFailOpen(await hook(payload));
  const add = await relay(root, ['ledger', 'add'], { input: ledgerRecord('disk-before', 'short') });
  expect(add.code, add.stderr).toBe(0);
  return root;
}

function ledgerRecord(id: string, size: 'short' | 'big'): string {
  const filler = size === 'big' ? ` ${'The consumer replays the webhook backlog in order. '.repeat(200)}` : '';
  return JSON.stringify({
    timestamp: '2026-02-01T12:00:00Z',
    type: 'task_completion',
    task_id: id,
    summary: `Moved the webhook consumer to an idempotent upsert.${filler}`,
    status: 'completed',
    lesson_learned: 'Stripe retries webhooks for 72 hours, so the consumer must dedupe on the event id before writing to Postgres',
  });
}

describe('an unwritable .agents-os/', () => {
  it('refuses writes in one line, keeps hooks open, lets status read, and changes nothing', async () => {
    const root = await projectWithHistory();
    const before = snapshot(root);
    apply(readOnlyTree(join(root, '.agents-os')));
    const p = hookPayloads(root, 'sess-disk');

    const tool = await hook(p.bash('npm test', 'ok', ''));
    expectFailOpen(tool, 'PostToolUse');
    expect(tool.stderr).toMatch(HOOK_WRITE_REFUSED);
    for (const payload of [p.sessionStart('resume'), p.userPrompt('go on'), p.stop(), p.sessionEnd()]) expectFailOpen(await hook(payload), payload.hook_event_name);

    expectCleanError(await relay(root, ['work']), 1, WRITE_REFUSED, 'relay work');
    expectCleanError(await relay(root, ['gate', 'T2', '--reason', 'disk test']), 1, WRITE_REFUSED, 'relay gate');
    const status = await relay(root, ['status']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/1\/4 tasks/);

    expectUnchanged(before, snapshot(root));
  });
});

describe('a read-only ledger file', () => {
  it('attempt-ledger.yml: gate and work fail in one line; the file and status stay intact', async () => {
    const root = await projectWithHistory();
    const file = join(root, '.agents-os', 'relay', 'attempt-ledger.yml');
    const before = snapshot(root);
    const fault = apply(readOnlyFile(file));
    if (!fault.blocksReplace) {
      // Without root, 0444 does not stop the temp-file-and-rename that YAML writes use; nothing to test here.
      process.stderr.write('[faults] disk: skipped the read-only attempt-ledger.yml case (no way to stop a rename here)\n');
      return;
    }
    expectCleanError(await relay(root, ['gate', 'T2', '--reason', 'disk test']), 1, WRITE_REFUSED, 'relay gate');
    expectCleanError(await relay(root, ['work']), 1, WRITE_REFUSED, 'relay work');
    expect((await relay(root, ['status'])).code).toBe(0);
    const after = snapshot(root);
    expect(after.get('.agents-os/relay/attempt-ledger.yml')).toBe(before.get('.agents-os/relay/attempt-ledger.yml'));
    // The refused writes leave no temp files behind next to the ledger.
    expect(walk(join(root, '.agents-os', 'relay')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('the event ledger file: the hook exits 0 with one line and the file is untouched', async () => {
    const root = await projectWithHistory();
    const file = walk(join(root, '.agents-os', 'ledger', 'claude')).find((f) => f.endsWith('.jsonl'))!;
    const bytes = readFileSync(file, 'latin1');
    apply(readOnlyFile(file));
    const r = await hook(hookPayloads(root, 'sess-disk').bash('npm test', 'ok', ''));
    expectFailOpen(r, 'PostToolUse on a read-only ledger file');
    expect(r.stderr).toMatch(HOOK_WRITE_REFUSED);
    expect(readFileSync(file, 'latin1')).toBe(bytes);
  });

  it('progress/ledger.jsonl: ledger add fails in one line, writing neither the ledger nor NOTES.md', async () => {
    const root = await projectWithHistory();
    const before = snapshot(root, ['progress']);
    apply(readOnlyFile(join(root, 'progress', 'ledger.jsonl')));
    expectCleanError(await relay(root, ['ledger', 'add'], { input: ledgerRecord('disk-after', 'short') }), 1, WRITE_REFUSED, 'relay ledger add');
    expectUnchanged(before, snapshot(root, ['progress']));
  });

  it('a file where the progress/ folder should be: ledger add fails in one line', async () => {
    const root = stubProject({ blueprint: chainedBlueprint(2) });
    writeFileSync(join(root, 'progress'), 'not a folder\n');
    expectCleanError(await relay(root, ['ledger', 'add'], { input: ledgerRecord('disk-file', 'short') }), 1, /^relay: .*(ENOTDIR|EEXIST|not a directory)/i, 'relay ledger add');
    expect(readFileSync(join(root, 'progress'), 'utf8')).toBe('not a folder\n');
  });
});

describe.skipIf(!canMountTmpfs(tempDir('relay-tmpfs-probe-')))('a full disk (a small tmpfs filled to the last byte)', () => {
  /** Moves `dir` onto a fresh tmpfs just big enough for its current content (tmpfs counts 4 KB pages per file), then fills it. */
  function fullDiskAt(dir: string): void {
    const stash = tempDir('relay-stash-');
    if (existsSync(dir)) cpSync(dir, stash, { recursive: true });
    const pagesKb = walk(stash).reduce((kb, f) => kb + 4 * Math.ceil(Math.max(1, statSync(f).size) / 4096), 0);
    apply(mountTmpfs(dir, Math.max(64, pagesKb + 32)));
    cpSync(stash, dir, { recursive: true });
    rmSync(stash, { recursive: true, force: true });
    fillDisk(dir);
  }

  it('event ledger: hooks exit 0, each failed append leaves no torn line, earlier lines stay', async () => {
    const root = stubProject({ blueprint: chainedBlueprint(2) });
    const ledgerDir = join(root, '.agents-os', 'ledger');
    mkdirSync(ledgerDir, { recursive: true });
    apply(mountTmpfs(ledgerDir, 64));
    const p = hookPayloads(root, 'sess-full');
    for (let i = 0; i < 3; i++) expectFailOpen(await hook(p.bash(`echo ${i}`, `${i}\n`, '')));
    fillDisk(ledgerDir);
    const before = snapshot(root, ['.agents-os/ledger']);
    const linesBefore = walk(ledgerDir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => readJsonl(f).values).length;

    // Lines of ~6 KB: each needs new blocks, so appends run into the full disk part-way through a line.
    const runs: Ran[] = [];
    for (let i = 0; i < 12; i++) runs.push(await hook(p.bash(`cat big-${i}.log ${'x'.repeat(1900)}`, `${'out '.repeat(600)}`, `${'err '.repeat(600)}`)));
    let failed = 0;
    for (const r of runs) {
      expectFailOpen(r, 'PostToolUse on a full disk');
      if (r.stderr) {
        expect(r.stderr).toMatch(HOOK_DISK_FULL);
        failed++;
      }
    }
    expect(failed, 'the disk was full, so some appends must have failed').toBeGreaterThan(0);
    const files = walk(ledgerDir).filter((f) => f.endsWith('.jsonl'));
    const read = files.map((f) => readJsonl(f, root));
    expect(read.flatMap((r) => r.problems)).toEqual([]);
    expect(read.flatMap((r) => r.values).length).toBe(linesBefore + (runs.length - failed));
    expectUnchanged(before, snapshot(root, ['.agents-os/ledger']), (f) => f.endsWith('.jsonl') || f.endsWith('.filler'));
  });

  it('attempt ledger: gate and work fail in one line; the YAML and its folder are as before', async () => {
    const root = await projectWithHistory();
    const relayDir = join(root, '.agents-os', 'relay');
    fullDiskAt(relayDir);
    const before = snapshot(root, ['.agents-os/relay']);
    expectCleanError(await relay(root, ['gate', 'T2', '--reason', 'disk full']), 1, DISK_FULL, 'relay gate');
    expectCleanError(await relay(root, ['work']), 1, DISK_FULL, 'relay work');
    const status = await relay(root, ['status']);
    expect(status.code, status.stderr).toBe(0);
    const after = snapshot(root, ['.agents-os/relay']);
    expectUnchanged(before, after);
    expect([...after.keys()].filter((f) => !before.has(f)), 'files left behind by refused writes').toEqual([]);
  });

  it('episodic ledger: ledger add fails in one line; ledger.jsonl and NOTES.md keep every earlier byte and stay valid', async () => {
    const root = await projectWithHistory();
    fullDiskAt(join(root, 'progress'));
    const before = snapshot(root, ['progress']);
    expectCleanError(await relay(root, ['ledger', 'add'], { input: ledgerRecord('disk-full', 'big') }), 1, DISK_FULL, 'relay ledger add');
    expectUnchanged(before, snapshot(root, ['progress']), (f) => f.endsWith('ledger.jsonl') || f.endsWith('NOTES.md'));
    expect(readJsonl(join(root, 'progress', 'ledger.jsonl')).problems).toEqual([]);
    const validate = await relay(root, ['ledger', 'validate']);
    expect(validate.code, validate.stdout).toBe(0);
  });
});
