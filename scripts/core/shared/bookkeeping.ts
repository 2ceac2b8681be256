/**
 * What in a project is relay's own bookkeeping rather than the user's work: the state
 * folders, the merge rules relay keeps in .gitattributes, and (see core/knowledge/learnings.ts)
 * the Key Learnings section of AGENTS.md. A task's change, its files and its review never
 * include them.
 */
export const OWN_STATE_DIRS = ['.agents-os', 'progress'] as const;

export const MERGE_RULES_COMMENT = '# relay: append-only ledgers merge line by line; readers dedupe by event id';
export const MERGE_RULES = ['.agents-os/ledger/**/*.jsonl merge=union', 'progress/ledger.jsonl merge=union'];

export function isOwnState(path: string): boolean {
  return OWN_STATE_DIRS.some((d) => path === d || path.startsWith(`${d}/`));
}

/** .gitattributes as the user wrote it: relay's rules and their comment taken out. */
export function withoutMergeRules(text: string): string {
  const own = new Set([MERGE_RULES_COMMENT, ...MERGE_RULES]);
  return text.split('\n').filter((l) => !own.has(l.replace(/\r$/, ''))).join('\n');
}
