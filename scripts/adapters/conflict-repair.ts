/**
 * Owner of in-place repairs of relay's files that a merge without relay's driver left with conflict
 * markers (`relay repair FILE`), under the file's lock. The versions come from git's index
 * stages while the conflict is unresolved (base, ours, theirs: a person who settles it by
 * hand adds the file, which clears them), else from the markers in the file; they are merged by meaning, as the driver would have, so nothing on either side is lost.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { execa } from 'execa';
import { splitConflicts, type ConflictSides } from '../core/merge/conflict-markers.ts';
import { mergeKindOf } from '../core/merge/kinds.ts';
import { RelayError } from '../core/shared/errors.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import { mergeVersions } from './relay-merge.ts';
import { withLock, writeFileAtomic } from './store.ts';

async function stage(root: string, n: 1 | 2 | 3, rel: string): Promise<string | null> {
  const run = await execa('git', ['show', `:${n}:${rel}`], { cwd: root, reject: false, stripFinalNewline: false });
  return run.exitCode === 0 ? run.stdout : null;
}

/** The sides git still holds in its index for an unresolved conflict, or null once the file was added. */
async function indexSides(root: string, rel: string): Promise<ConflictSides | null> {
  const [base, ours, theirs] = await Promise.all([stage(root, 1, rel), stage(root, 2, rel), stage(root, 3, rel)]);
  return ours !== null && theirs !== null ? { base, ours, theirs, conflicts: 1 } : null;
}

export interface Repaired {
  file: string;
  /** Where the versions came from. */
  from: 'index' | 'markers';
}

export async function repairConflictedFile(paths: ProjectPaths, file: string): Promise<Repaired | null> {
  const abs = resolve(file);
  const rel = relative(paths.root, abs).split('\\').join('/');
  const kind = mergeKindOf(rel);
  if (!kind) throw new RelayError(`${file}: not one of relay's files (attempt-ledger.yml, epic.yml, NOTES.md, AGENTS.md or a ledger .jsonl); settle its conflict by hand`, 2);
  if (!existsSync(abs)) throw new RelayError(`${file}: file not found`, 2);
  return withLock(abs, async () => {
    const text = readFileSync(abs, 'utf8');
    const marked = splitConflicts(text);
    // git's stages stand until the file is added; a driver that failed to start leaves them with no markers in the file.
    const fromIndex = await indexSides(paths.root, rel);
    const sides = fromIndex ?? marked;
    if (!sides) return null;
    const result = await mergeVersions(kind, rel, sides.base, sides.ours, sides.theirs);
    if (result.contradiction) throw new RelayError(result.contradiction, 1);
    writeFileAtomic(abs, result.text);
    return { file: rel, from: fromIndex ? 'index' : 'markers' };
  });
}
