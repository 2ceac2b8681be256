/**
 * One line of an episodic ledger (progress/ledger.jsonl and its archives) as a recall document,
 * before redaction. Apart from recall-episodic.ts, which redacts, so that a query can read a
 * document back from its line (adapters/recall-index.ts) without loading the redaction rules.
 * Pure.
 */
import type { RecallDoc } from './recall.ts';

export const MAX_DOC_CHARS = 20_000;

/** A document's fields; its id is `file:line` unless given. */
export type DocFields = Omit<RecallDoc, 'id'> & { id?: string | undefined };

/** A document's id: the one its fields give, else `file:line`. */
export const docId = (fields: DocFields): string => fields.id ?? `${fields.file}:${fields.line}`;

/** A document from its fields as they are: its id set and its text bounded. */
export function plainDoc(fields: DocFields): RecallDoc {
  return { ...fields, id: docId(fields), text: fields.text.slice(0, MAX_DOC_CHARS) };
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

/** A line's record and its document's fields; a problem when the line is not a JSON object; null when it is blank. */
export function episodicLine(file: string, raw: string, line: number): { record: Record<string, unknown>; fields: DocFields } | { problem: string } | null {
  if (!raw.trim()) return null;
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(raw) as Record<string, unknown>;
    if (!record || typeof record !== 'object' || Array.isArray(record)) throw new Error('not a JSON object');
  } catch (err) {
    return { problem: `${file}:${line}: invalid JSON (${(err as Error).message.split('\n')[0]})` };
  }
  const text: string[] = [];
  for (const k in record) if (!RECORD_META.has(k)) flatten(record[k], k, text);
  const taskId = typeof record.task_id === 'string' ? record.task_id : '';
  const tags = [record.tags, record.skills_used].flatMap((t) => (Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : []));
  const id = typeof record.id === 'string' && record.id ? `episodic#${record.id}` : undefined;
  return { record, fields: { id, source: 'episodic', file, line, title: `${String(record.type ?? 'record')} ${taskId}`.trim(), text: text.join('\n'), tags, verbatim: false } };
}

/** The document a line reads as, unredacted: only for a line whose document redaction left unchanged. */
export function episodicDocAsRead(file: string, raw: string, line: number): RecallDoc | null {
  const read = episodicLine(file, raw, line);
  return read && 'fields' in read ? plainDoc(read.fields) : null;
}
