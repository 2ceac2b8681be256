// The snapshots that bound an attempt's change, in real git repositories.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFiles, snapshotDiff, snapshotTree } from '../../scripts/adapters/git.ts';
import { tempDir, tempProject } from '../support/project.ts';

const git = (root: string, ...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });

function project(): string {
  const root = tempProject();
  writeFileSync(join(root, 'keep.txt'), 'keep\n');
  writeFileSync(join(root, 'old-name.txt'), 'a file long enough to be recognised as the same file after a rename\n'.repeat(4));
  writeFileSync(join(root, 'gone.txt'), 'gone\n');
  writeFileSync(join(root, 'AGENTS.md'), '# Agents\n\nBuild with make.\n');
  writeFileSync(join(root, '.gitattributes'), '*.png binary\n');
  git(root, 'add', '.');
  git(root, 'commit', '-qm', 'base');
  return root;
}

describe('attempt snapshots', () => {
  it('cover committed, staged, unstaged and untracked changes, renames, deletions and binaries', async () => {
    const root = project();
    writeFileSync(join(root, 'dirty-before.txt'), 'already here\n');
    const before = await snapshotTree(root);
    expect(before).toMatch(/^[0-9a-f]{40}$/);
    writeFileSync(join(root, 'committed.txt'), 'c\n');
    git(root, 'add', 'committed.txt');
    git(root, 'commit', '-qm', 'worker commit');
    writeFileSync(join(root, 'staged.txt'), 's\n');
    git(root, 'add', 'staged.txt');
    writeFileSync(join(root, 'keep.txt'), 'keep, edited\n');
    writeFileSync(join(root, 'untracked.txt'), 'u\n');
    renameSync(join(root, 'old-name.txt'), join(root, 'new-name.txt'));
    rmSync(join(root, 'gone.txt'));
    writeFileSync(join(root, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0]));
    const after = await snapshotTree(root);
    expect(await changedFiles(root, before, after)).toEqual(['committed.txt', 'gone.txt', 'image.png', 'keep.txt', 'new-name.txt', 'old-name.txt', 'staged.txt', 'untracked.txt']);
    const diff = await snapshotDiff(root, before, after);
    expect(diff).toContain('rename from old-name.txt\nrename to new-name.txt');
    expect(diff).toMatch(/deleted file mode[\s\S]*-gone/);
    expect(diff).toContain('Binary files /dev/null and b/image.png differ');
    expect(diff).not.toContain('dirty-before.txt');
    // The user's index is untouched: only what they staged is staged.
    expect(git(root, 'diff', '--cached', '--name-only').trim()).toBe('staged.txt');
  });

  it('leave out relay\'s bookkeeping: its state folders, its .gitattributes lines and the Key Learnings section', async () => {
    const root = project();
    const before = await snapshotTree(root);
    mkdirSync(join(root, '.agents-os/relay'), { recursive: true });
    writeFileSync(join(root, '.agents-os/relay/attempt-ledger.yml'), 'x: 1\n');
    mkdirSync(join(root, 'progress'));
    writeFileSync(join(root, 'progress/NOTES.md'), '# notes\n');
    writeFileSync(join(root, '.gitattributes'), '*.png binary\n# relay: append-only ledgers merge line by line; readers dedupe by event id\n.agents-os/ledger/**/*.jsonl merge=union\nprogress/ledger.jsonl merge=union\n');
    writeFileSync(join(root, 'AGENTS.md'), '# Agents\n\nBuild with make.\n\n## Key Learnings\n\n- Run make before tests (seen 3×)\n');
    const after = await snapshotTree(root);
    expect(await changedFiles(root, before, after)).toEqual([]);
    // A person's own edit beside relay's section still counts.
    writeFileSync(join(root, 'AGENTS.md'), `${readFileSync(join(root, 'AGENTS.md'), 'utf8').replace('Build with make.', 'Build with make -j4.')}`);
    const edited = await snapshotTree(root);
    expect(await changedFiles(root, before, edited)).toEqual(['AGENTS.md']);
    expect(await snapshotDiff(root, before, edited)).not.toContain('Key Learnings');
  });

  it('are null outside a git repository, with no change reported', async () => {
    const dir = tempDir();
    expect(await snapshotTree(dir)).toBeNull();
    expect(await changedFiles(dir, null, null)).toEqual([]);
  });
});
