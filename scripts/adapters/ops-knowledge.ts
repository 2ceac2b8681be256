/**
 * Owner of the ops-knowledge entries under docs/ops-knowledge/. Entries are created here and
 * then belong to the people who fill them in; `relay kb check` and recall only read them.
 */
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { entryRelativePath, renderEntry, type NewEntry } from '../core/knowledge/kb.ts';
import { RelayError } from '../core/shared/errors.ts';
import { redact } from '../core/shared/redact.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import { writeFileAtomic } from './store.ts';

/** Writes a new entry from the template and returns its path; never overwrites one. */
export function createEntry(paths: ProjectPaths, entry: NewEntry): string {
  const root = resolve(paths.opsKnowledge);
  let file = '';
  // Two entries with the same title in the same second get -2, -3, … rather than overwriting.
  for (let n = 1; !file || existsSync(file); n++) file = resolve(root, entryRelativePath(entry, n === 1 ? '' : `-${n}`));
  if (!file.startsWith(root + sep)) throw new RelayError(`--title: the entry path would leave ${paths.opsKnowledge}`);
  writeFileAtomic(file, redact(renderEntry(entry)));
  return file;
}
