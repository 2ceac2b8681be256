/** Owner of the lines relay keeps in the project's .gitattributes; every other line is the user's. */
import { existsSync, readFileSync } from 'node:fs';
import type { ProjectPaths } from '../core/shared/paths.ts';
import { withLock, writeFileAtomic } from './store.ts';

export const UNION_MERGE_LINES = ['.agents-os/ledger/**/*.jsonl merge=union', 'progress/ledger.jsonl merge=union'];

/** Lets git union-merge the append-only ledgers, so parallel branches never conflict on them. Returns whether it added lines. */
export function ensureUnionMerge(paths: ProjectPaths): Promise<boolean> {
  return withLock(paths.gitattributesLock, () => {
    const current = existsSync(paths.gitattributes) ? readFileSync(paths.gitattributes, 'utf8') : '';
    const missing = UNION_MERGE_LINES.filter((l) => !current.split('\n').includes(l));
    if (!missing.length) return false;
    const sep = current && !current.endsWith('\n') ? '\n' : '';
    writeFileAtomic(paths.gitattributes, `${current}${sep}# relay: append-only ledgers merge line by line; readers dedupe by event id\n${missing.join('\n')}\n`);
    return true;
  });
}
