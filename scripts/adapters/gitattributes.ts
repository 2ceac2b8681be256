/** Owner of the lines relay keeps in the project's .gitattributes; every other line is the user's. */
import { existsSync, readFileSync } from 'node:fs';
import { MERGE_RULES, MERGE_RULES_COMMENT } from '../core/shared/bookkeeping.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import { withLock, writeFileAtomic } from './store.ts';

/** Lets git union-merge the append-only ledgers, so parallel branches never conflict on them. Returns whether it added lines. */
export function ensureUnionMerge(paths: ProjectPaths): Promise<boolean> {
  return withLock(paths.gitattributesLock, () => {
    const current = existsSync(paths.gitattributes) ? readFileSync(paths.gitattributes, 'utf8') : '';
    const missing = MERGE_RULES.filter((l) => !current.split('\n').includes(l));
    if (!missing.length) return false;
    const sep = current && !current.endsWith('\n') ? '\n' : '';
    writeFileAtomic(paths.gitattributes, `${current}${sep}${MERGE_RULES_COMMENT}\n${missing.join('\n')}\n`);
    return true;
  });
}
