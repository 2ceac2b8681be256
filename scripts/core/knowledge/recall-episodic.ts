/**
 * Episodic ledger records (progress/ledger.jsonl and its archives) as recall documents, and the
 * redaction every recall document gets. Pure, and needs no parser but JSON, so reading what was
 * appended to a ledger loads nothing more.
 */
import { errorKey, type DocSink, type Extracted, type RecallDoc } from './recall.ts';
import { redact } from '../shared/redact.ts';

const MAX_DOC_CHARS = 20_000;

/** A document, redacted (documents are written to the cache) and its text bounded. */
export function recallDoc(fields: Omit<RecallDoc, 'id'> & { id?: string }): RecallDoc {
  return {
    ...fields,
    id: fields.id ?? `${fields.file}:${fields.line}`,
    title: redact(fields.title),
    text: redact(fields.text).slice(0, MAX_DOC_CHARS),
    tags: fields.tags.map(redact),
  };
}

/** Flattens a JSON record's strings, so any record type (and fields added later) is searchable. */
function flatten(value: unknown, prefix: string, out: string[]): void {
  if (typeof value === 'string' || typeof value === 'number') out.push(`${prefix}: ${value}`);
  else if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) out.push(`${prefix}: ${value.join(', ')}`);
    else value.forEach((v) => flatten(v, prefix, out));
  } else if (value && typeof value === 'object') {
    // for…in, not Object.entries: no array per key, for the thousands of records a first query reads.
    for (const k in value) flatten((value as Record<string, unknown>)[k], k, out);
  }
}

const RECORD_META = new Set(['id', 'timestamp', 'type', 'task_id']);

/** progress/ledger.jsonl and its archives: one document per record. `firstLine` numbers an appended tail. */
export function episodicDocs(file: string, text: string, firstLine = 1, sink?: DocSink): Extracted {
  const out: Extracted = { docs: [], facts: [], problems: [] };
  const put = sink ?? ((d: RecallDoc) => void out.docs.push(d));
  const ids = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    const line = i + firstLine;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(raw) as Record<string, unknown>;
      if (!record || typeof record !== 'object' || Array.isArray(record)) throw new Error('not a JSON object');
    } catch (err) {
      out.problems.push(`${file}:${line}: invalid JSON (${(err as Error).message.split('\n')[0]})`);
      return;
    }
    const fields: string[] = [];
    for (const k in record) if (!RECORD_META.has(k)) flatten(record[k], k, fields);
    const taskId = typeof record.task_id === 'string' ? record.task_id : '';
    const tags = [record.tags, record.skills_used].flatMap((t) => (Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : []));
    const id = typeof record.id === 'string' && record.id ? `episodic#${record.id}` : undefined;
    // A record duplicated by a git merge keeps its first copy.
    if (id && ids.has(id)) return;
    if (id) ids.add(id);
    put(recallDoc({ id, source: 'episodic', file, line, title: `${String(record.type ?? 'record')} ${taskId}`.trim(), text: fields.join('\n'), tags, verbatim: false }));
    const fingerprint = typeof record.root_cause === 'string' ? errorKey(record.root_cause) : null;
    if (fingerprint) {
      const fix = typeof record.fix === 'string' && record.fix.trim() ? `${taskId || 'a ledger record'}: ${record.fix.trim()}` : undefined;
      out.facts.push({ fingerprint, link: `${file}:${line}`, ...(fix ? { resolvedBy: redact(fix) } : {}) });
    }
  });
  return out;
}
