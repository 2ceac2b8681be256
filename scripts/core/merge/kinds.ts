/** Which of relay's files a path is, for the merge driver and `relay repair`; null for anything else. */
export type MergeKind = 'attempt-ledger' | 'epic' | 'notes' | 'key-learnings' | 'jsonl' | 'ledger-index';

export function mergeKindOf(path: string): MergeKind | null {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
  if (p === '.agents-os/relay/attempt-ledger.yml') return 'attempt-ledger';
  if (p === '.agents-os/relay/epic.yml') return 'epic';
  // The provenance log has the notes' shape: one section per event, headed by its time.
  if (p === 'progress/NOTES.md' || /^progress\/archive\/NOTES-\d{4}\.md$/.test(p) || p === 'docs/ops-knowledge/learnings/key-learnings-provenance.md') return 'notes';
  if (p === 'AGENTS.md') return 'key-learnings';
  if (p === 'progress/ledger-index.json') return 'ledger-index';
  if (p.endsWith('.jsonl')) return 'jsonl';
  return null;
}

function lineKey(line: string): string {
  try {
    // Events carry an id; episodic records a unique task_id.
    const record = JSON.parse(line) as { id?: unknown; task_id?: unknown };
    const id = typeof record.id === 'string' ? record.id : record.task_id;
    if (typeof id === 'string') return `id:${id}`;
  } catch {
    // A line that is not JSON is kept as text; the validators name it.
  }
  return line;
}

const keyed = (text: string) => new Map(text.split('\n').filter((l) => l.trim()).map((l) => [lineKey(l), l]));

/**
 * An append-only JSONL file from both sides, each record once (by id, else by its text): ours
 * in order, then what only theirs added. A record that was in the base and that one side no
 * longer has was moved away on purpose (rotated into an archive, set aside by repair) and stays out.
 */
export function mergeJsonl(base: string, ours: string, theirs: string): string {
  const [b, o, t] = [keyed(base), keyed(ours), keyed(theirs)];
  const merged = new Map<string, string>();
  for (const [key, line] of [...o, ...t]) {
    if (b.has(key) && !(o.has(key) && t.has(key))) continue;
    if (!merged.has(key)) merged.set(key, line);
  }
  return merged.size ? `${[...merged.values()].join('\n')}\n` : '';
}
