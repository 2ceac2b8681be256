/**
 * Owner of .agents-os/inbox/: records an agent hands to relay by writing a file with its
 * own Write tool, because Claude Code refuses a shell heredoc that carries braces and
 * quotes. A file there is read once and removed, whatever became of the record, so the
 * unredacted text never stays on disk.
 */
import { rmSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { ProjectPaths } from '../core/shared/paths.ts';
import { readTextBounded } from './store.ts';

/** Reads `file`; when it lies in the inbox, removes it after the read. */
export function takeRecordFile(paths: ProjectPaths, file: string, maxBytes: number): string {
  const abs = resolve(file);
  try {
    return readTextBounded(abs, maxBytes);
  } finally {
    const rel = relative(resolve(paths.inboxDir), abs);
    if (rel && !rel.startsWith('..') && !rel.includes(`..${sep}`)) rmSync(abs, { force: true });
  }
}
