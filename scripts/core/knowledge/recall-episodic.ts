/**
 * Episodic ledger records (progress/ledger.jsonl and its archives) as recall documents, and the
 * redaction every recall document gets. Pure, and needs no parser but JSON, so reading what was
 * appended to a ledger loads nothing more. How a line reads as a document is ./episodic-line.ts.
 */
import { errorKey, type DocSink, type Extracted, type RecallDoc } from './recall.ts';
import { docId, episodicLine, MAX_DOC_CHARS, type DocFields } from './episodic-line.ts';
import { redact } from '../shared/redact.ts';

/** A document, redacted (documents are written to the cache) and its text bounded. */
export function recallDoc(fields: DocFields): RecallDoc {
  return { ...fields, id: docId(fields), title: redact(fields.title), text: redact(fields.text).slice(0, MAX_DOC_CHARS), tags: fields.tags.map(redact) };
}

/** progress/ledger.jsonl and its archives: one document per record. `firstLine` numbers an appended tail. */
export function episodicDocs(file: string, text: string, firstLine = 1, sink?: DocSink): Extracted {
  const out: Extracted = { docs: [], facts: [], problems: [] };
  const put = sink ?? ((d: RecallDoc) => void out.docs.push(d));
  const ids = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = i + firstLine;
    const read = episodicLine(file, raw, line);
    if (!read) return;
    if ('problem' in read) {
      out.problems.push(read.problem);
      return;
    }
    const { record, fields } = read;
    // A record duplicated by a git merge keeps its first copy.
    if (fields.id && ids.has(fields.id)) return;
    if (fields.id) ids.add(fields.id);
    const doc = recallDoc(fields);
    put(doc, doc.title === fields.title && doc.text === fields.text.slice(0, MAX_DOC_CHARS) && doc.tags.every((t, k) => t === fields.tags[k]));
    const fingerprint = typeof record.root_cause === 'string' ? errorKey(record.root_cause) : null;
    if (fingerprint) {
      const taskId = typeof record.task_id === 'string' ? record.task_id : '';
      const fix = typeof record.fix === 'string' && record.fix.trim() ? `${taskId || 'a ledger record'}: ${record.fix.trim()}` : undefined;
      out.facts.push({ fingerprint, link: `${file}:${line}`, ...(fix ? { resolvedBy: redact(fix) } : {}) });
    }
  });
  return out;
}
