/** Which of relay's files a path is, for the merge driver and `relay repair`; null for anything else. */
export type MergeKind = 'attempt-ledger' | 'epic' | 'notes' | 'key-learnings' | 'jsonl';

export function mergeKindOf(path: string): MergeKind | null {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
  if (p === '.agents-os/relay/attempt-ledger.yml') return 'attempt-ledger';
  if (p === '.agents-os/relay/epic.yml') return 'epic';
  if (p === 'progress/NOTES.md' || /^progress\/archive\/NOTES-\d{4}\.md$/.test(p)) return 'notes';
  if (p === 'AGENTS.md') return 'key-learnings';
  if (p.endsWith('.jsonl')) return 'jsonl';
  return null;
}

/** Lines of an append-only JSONL file from every side, each record once (by id, else by its text), in first-seen order. */
export function unionJsonl(...sides: string[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const side of sides) {
    for (const line of side.split('\n')) {
      if (!line.trim()) continue;
      let key = line;
      try {
        // Events carry an id; episodic records a unique task_id.
        const record = JSON.parse(line) as { id?: unknown; task_id?: unknown };
        const id = typeof record.id === 'string' ? record.id : record.task_id;
        if (typeof id === 'string') key = `id:${id}`;
      } catch {
        // A line that is not JSON is kept as text; the validators name it.
      }
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(line);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
