/**
 * What in a project is relay's own bookkeeping rather than the user's work: the state
 * folders, the merge rules relay keeps in .gitattributes, and (see core/knowledge/learnings.ts)
 * the Key Learnings section of AGENTS.md. A task's change, its files and its review never
 * include them.
 */
export const OWN_STATE_DIRS = ['.agents-os', 'progress'] as const;

export const MERGE_RULES_COMMENT = '# relay: event ledgers merge line by line (readers dedupe by id); the rest merges by meaning (relay setup registers the driver)';
export const MERGE_RULES = [
  '.agents-os/ledger/**/*.jsonl merge=union',
  'progress/ledger.jsonl merge=relay',
  'progress/archive/*.jsonl merge=relay',
  'progress/ledger-index.json merge=relay',
  '.agents-os/relay/attempt-ledger.yml merge=relay',
  '.agents-os/relay/epic.yml merge=relay',
  'progress/NOTES.md merge=relay',
  'progress/archive/NOTES-*.md merge=relay',
  'AGENTS.md merge=relay',
  'docs/ops-knowledge/learnings/key-learnings-provenance.md merge=relay',
];
/** Relay's lines from earlier versions, recognised as relay's own when a user's .gitattributes is compared. */
export const OLD_MERGE_RULES = ['# relay: append-only ledgers merge line by line; readers dedupe by event id', 'progress/ledger.jsonl merge=union'];

/** State that belongs to one machine (a run's lock and log, agents' live status, caches): never committed. */
export const MACHINE_LOCAL = ['agents/*/status.json', 'relay/run.log', 'relay/run-state.json', 'relay/serve.json', 'relay/backup/', 'inbox/', 'cache/', '*.lock', '*.tmp'];

export function isOwnState(path: string): boolean {
  return OWN_STATE_DIRS.some((d) => path === d || path.startsWith(`${d}/`));
}

/** .gitattributes as the user wrote it: relay's rules and their comment taken out. */
export function withoutMergeRules(text: string): string {
  const own = new Set([MERGE_RULES_COMMENT, ...OLD_MERGE_RULES, ...MERGE_RULES]);
  return text.split('\n').filter((l) => !own.has(l.replace(/\r$/, ''))).join('\n');
}
