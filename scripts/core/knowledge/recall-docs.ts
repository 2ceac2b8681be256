/**
 * Recall's sources as documents, each with the file and line it came from: attempt receipts,
 * ops-knowledge entries and AGENTS.md Key Learnings (episodic ledger records are in
 * recall-episodic.ts). Pure; every document is redacted, because documents are written to the cache.
 */
import { bodyWithoutHints, ENTRY_FILE, isTemplateOnly, parseEntry } from './kb.ts';
import { keyLearningsLines, parseLesson } from './learnings.ts';
import { errorKey, type Extracted, type RecallDoc } from './recall.ts';
import { recallDoc as doc } from './recall-episodic.ts';
import { redact } from '../shared/redact.ts';
import { Attempt, type Receipt } from '../shared/schemas.ts';

const RECEIPT_PARTS = [['summary', 'summary'], ['error', 'error_summary'], ['tried', 'approach_taken'], ['suggestion', 'suggestion'], ['learning', 'learning']] as const;

function receiptText(r: Receipt): string {
  const lines: string[] = [];
  // Indexed loops: a first query runs this cold for every receipt.
  for (let i = 0; i < RECEIPT_PARTS.length; i++) {
    const value = r[RECEIPT_PARTS[i]![1]]?.trim();
    if (value) lines.push(`${RECEIPT_PARTS[i]![0]}: ${value}`);
  }
  for (let i = 0; i < r.quality_gate_findings.length; i++) lines.push(`finding: ${r.quality_gate_findings[i]}`);
  return lines.join('\n');
}

/**
 * The attempt ledger's receipts: one document per attempt with a receipt. Read leniently,
 * attempt by attempt, so one malformed attempt costs only itself. `lineOf` maps
 * [taskId, index] to the attempt's line in the YAML file.
 */
export function receiptDocs(file: string, ledger: unknown, lineOf: (taskId: string, index: number) => number, sink?: (d: RecallDoc) => void): Extracted {
  const out: Extracted = { docs: [], facts: [], problems: [] };
  const put = sink ?? ((d: RecallDoc) => void out.docs.push(d));
  const attempts = (ledger as { attempts?: unknown } | null)?.attempts;
  if (!attempts || typeof attempts !== 'object') return out;
  for (const [taskId, list] of Object.entries(attempts)) {
    if (!Array.isArray(list)) continue;
    const parsed = list.map((raw, i) => {
      const a = Attempt.safeParse(raw);
      const issue = a.error?.issues[0];
      if (issue) out.problems.push(`${file}:${lineOf(taskId, i)}: ${[`attempts.${taskId}[${i}]`, ...issue.path.map(String)].join('.')}: ${issue.message}`);
      return a.success ? a.data : null;
    });
    parsed.forEach((a, i) => {
      const r = a?.receipt;
      if (!a || !r) return;
      const line = lineOf(taskId, i);
      put(doc({
        id: `${file}#${taskId}.${a.id}`, source: 'receipt', file, line, task: taskId, tags: r.pattern_tags, verbatim: false,
        title: `${taskId} attempt ${a.id}: ${a.result}${r.error_category ? ` (${r.error_category})` : ''}`,
        text: receiptText(r),
      }));
      const fingerprint = a.result === 'failure' ? errorKey(r.error_summary ?? r.quality_gate_findings.join(' ')) : null;
      if (!fingerprint) return;
      const fix = parsed.slice(i + 1).find((later) => later?.result === 'success');
      const by = fix?.receipt ? `${taskId} attempt ${fix.id}: ${(fix.receipt.learning ?? fix.receipt.summary).trim()}` : undefined;
      out.facts.push({ fingerprint, link: `${file}:${line}`, task: taskId, ...(by ? { resolvedBy: redact(by) } : {}) });
    });
  }
  return out;
}

/** An ops-learning entry (or any markdown under docs/ops-knowledge): one document, indexed even when its frontmatter is broken. */
export function kbDocs(file: string, text: string): Extracted {
  const entry = parseEntry(text);
  const fm = entry.frontmatter;
  const name = file.split('/').at(-1)!;
  const isEntry = ENTRY_FILE.test(name);
  // An entry nobody filled in says nothing; ranked, it would only push real memories down.
  if (isEntry && entry.sections.length && isTemplateOnly(entry)) return { docs: [], facts: [], problems: [] };
  // Valid frontmatter is searched through tags and title; broken frontmatter stays in the text so nothing in it is lost.
  const frontmatter = fm ? [] : text.replace(/\r\n?/g, '\n').split('\n').slice(0, entry.bodyLine - 1);
  return {
    docs: [doc({
      source: 'kb', file, line: fm ? entry.bodyLine : 1, verbatim: true,
      title: entry.title ?? name.replace(/\.md$/, ''),
      text: [...frontmatter, bodyWithoutHints(entry)].join('\n'),
      tags: fm ? [...fm.tags, ...fm.services, fm.category] : [],
    })],
    facts: [],
    problems: isEntry ? entry.problems.map((p) => `${file}:${p.line}: ${p.message}`) : [],
  };
}

/** AGENTS.md: one document per bullet of the Key Learnings section. */
export function learningDocs(file: string, text: string): Extracted {
  const docs = keyLearningsLines(text).flatMap(({ line, text: raw }) => {
    if (!/^\s*[-*]\s+\S/.test(raw)) return [];
    const lesson = parseLesson(raw);
    return [doc({
      source: 'learning', file, line, verbatim: true, title: 'Key Learnings',
      text: lesson ? `${lesson.text} (seen ${lesson.count} times, last ${lesson.lastSeen})` : raw.replace(/^\s*[-*]\s+/, ''),
      tags: lesson?.tags ?? [],
    })];
  });
  return { docs, facts: [], problems: [] };
}
