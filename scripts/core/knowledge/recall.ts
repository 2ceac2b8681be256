/**
 * Recall: one ranked full-text search over every memory relay keeps. Pure: each source's
 * text becomes documents (with the file and line they came from), documents become a
 * MiniSearch (BM25+) index, and a query becomes hits with a snippet and a file:line link.
 * The error-fingerprint index answers "seen 3 times, resolved twice by X".
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { errorFingerprint } from '../epic/attempts.ts';
import type { Memory } from '../epic/anchor.ts';
import { bodyWithoutHints, ENTRY_FILE, isTemplateOnly, parseEntry } from './kb.ts';
import { keyLearningsLines, parseLesson, stem } from './learnings.ts';
import { redact } from '../shared/redact.ts';
import { Attempt, type Receipt, type Task } from '../shared/schemas.ts';

export type RecallSource = 'episodic' | 'receipt' | 'kb' | 'learning';

export interface RecallDoc {
  /**
   * Stable while the record exists, so an attempt can be told which memories it already saw:
   * `episodic#<record id>` (survives rotation), `<ledger file>#<task>.<attempt>`, else `<file>:<line>`.
   */
  id: string;
  source: RecallSource;
  /** Project-relative path. */
  file: string;
  line: number;
  title: string;
  text: string;
  tags: string[];
  /** True when the text's lines are the file's lines from `line` on; false for records flattened into text. */
  verbatim: boolean;
  /** The epic task a receipt belongs to. */
  task?: string;
}

/** One sighting of an error, and what resolved it when something did. */
export interface ErrorFact {
  fingerprint: string;
  link: string;
  task?: string;
  resolvedBy?: string;
}

export interface Extracted {
  docs: RecallDoc[];
  facts: ErrorFact[];
  /** `file:line: problem` for input that could not be read as intended (still indexed where possible). */
  problems: string[];
}

const MAX_DOC_CHARS = 20_000;

/** Everything a document carries is redacted here: documents are written to the cache. */
function doc(fields: Omit<RecallDoc, 'id'> & { id?: string }): RecallDoc {
  return {
    ...fields,
    id: fields.id ?? `${fields.file}:${fields.line}`,
    title: redact(fields.title),
    text: redact(fields.text).slice(0, MAX_DOC_CHARS),
    tags: fields.tags.map(redact),
  };
}

/**
 * The fingerprint of an error text with no category: a free-text query has none, so the
 * index keys every source the same way (still `errorFingerprint`'s normalisation and hash).
 */
export function errorKey(text: string): string | null {
  if (!text.trim()) return null;
  const receipt: Receipt = { status: 'failure', summary: '', files_changed: [], pattern_tags: [], quality_gate_findings: [], error_summary: text };
  return errorFingerprint(receipt);
}

// ---------------------------------------------------------------------------------------------
// Sources → documents

/** Flattens a JSON record's strings, so any record type (and fields added later) is searchable. */
function flatten(value: unknown, prefix: string, out: string[]): void {
  if (typeof value === 'string' || typeof value === 'number') out.push(`${prefix}: ${value}`);
  else if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) out.push(`${prefix}: ${value.join(', ')}`);
    else value.forEach((v) => flatten(v, prefix, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, k, out);
  }
}

const RECORD_META = new Set(['id', 'timestamp', 'type', 'task_id']);

/** progress/ledger.jsonl and its archives: one document per record. `firstLine` numbers an appended tail. */
export function episodicDocs(file: string, text: string, firstLine = 1): Extracted {
  const out: Extracted = { docs: [], facts: [], problems: [] };
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
    for (const [k, v] of Object.entries(record)) if (!RECORD_META.has(k)) flatten(v, k, fields);
    const taskId = typeof record.task_id === 'string' ? record.task_id : '';
    const tags = [record.tags, record.skills_used].flatMap((t) => (Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : []));
    const id = typeof record.id === 'string' && record.id ? `episodic#${record.id}` : undefined;
    // A record duplicated by a git merge keeps its first copy.
    if (id && ids.has(id)) return;
    if (id) ids.add(id);
    out.docs.push(doc({ id, source: 'episodic', file, line, title: `${String(record.type ?? 'record')} ${taskId}`.trim(), text: fields.join('\n'), tags, verbatim: false }));
    const fingerprint = typeof record.root_cause === 'string' ? errorKey(record.root_cause) : null;
    if (fingerprint) {
      const fix = typeof record.fix === 'string' && record.fix.trim() ? `${taskId || 'a ledger record'}: ${record.fix.trim()}` : undefined;
      out.facts.push({ fingerprint, link: `${file}:${line}`, ...(fix ? { resolvedBy: redact(fix) } : {}) });
    }
  });
  return out;
}

function receiptText(r: Receipt): string {
  const parts: Array<[string, string | undefined]> = [
    ['summary', r.summary], ['error', r.error_summary], ['tried', r.approach_taken], ['suggestion', r.suggestion], ['learning', r.learning],
  ];
  return [...parts.filter(([, v]) => v?.trim()).map(([k, v]) => `${k}: ${v!.trim()}`), ...r.quality_gate_findings.map((f) => `finding: ${f}`)].join('\n');
}

/**
 * The attempt ledger's receipts: one document per attempt with a receipt. Read leniently,
 * attempt by attempt, so one malformed attempt costs only itself. `lineOf` maps
 * [taskId, index] to the attempt's line in the YAML file.
 */
export function receiptDocs(file: string, ledger: unknown, lineOf: (taskId: string, index: number) => number): Extracted {
  const out: Extracted = { docs: [], facts: [], problems: [] };
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
      out.docs.push(doc({
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

// ---------------------------------------------------------------------------------------------
// The index

const STOPWORDS = new Set('a an and are as at be but by for from has have how i in into is it its not of on or so that the their then there this to was we were what when where which who why will with you'.split(' '));

/** Lower-case, no stopwords, stemmed: the same on both sides, so "timeouts" finds "timeout". */
function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  return t.length < 2 || STOPWORDS.has(t) ? null : stem(t);
}

const INDEX_OPTIONS: Options<RecallDoc> = {
  idField: 'id',
  fields: ['title', 'text', 'tags'],
  extractField: (d, field) => (field === 'tags' ? d.tags.join(' ') : String(d[field as keyof RecallDoc] ?? '')),
  processTerm,
  // Discarded documents are cleaned by a full rebuild (see recall-index), never in the background.
  autoVacuum: false,
  searchOptions: {
    boost: { title: 2, tags: 1.5 },
    prefix: (term) => term.length >= 5,
    fuzzy: (term) => (term.length >= 7 ? 0.15 : false),
    combineWith: 'OR',
  },
};

export function buildIndex(docs: Iterable<RecallDoc>): MiniSearch<RecallDoc> {
  const index = new MiniSearch<RecallDoc>(INDEX_OPTIONS);
  index.addAll([...docs]);
  return index;
}

export type SavedIndex = AsPlainObject;

export function loadIndex(saved: SavedIndex): MiniSearch<RecallDoc> {
  return MiniSearch.loadJS<RecallDoc>(saved, INDEX_OPTIONS);
}

// ---------------------------------------------------------------------------------------------
// Search

export interface RecallHit {
  doc: RecallDoc;
  score: number;
  snippet: string;
  link: string;
}

export interface SearchOptions {
  limit: number;
  sources?: readonly RecallSource[];
  exclude?: (doc: RecallDoc) => boolean;
}

const SNIPPET_CHARS = 240;

function queryTerms(query: string): string[] {
  return [...new Set(query.split(/[\s\p{P}]+/u).map(processTerm).filter((t): t is string => Boolean(t)))];
}

/** The line with the most query terms, clipped around its first match, and where it sits in the file. */
function snippetFor(d: RecallDoc, terms: string[]): { snippet: string; link: string } {
  const lines = d.text.split('\n');
  let best = { index: 0, score: -1, at: 0 };
  lines.forEach((line, index) => {
    const words = line.split(/[\s\p{P}]+/u).map((w) => ({ w: processTerm(w) ?? '', at: line.indexOf(w) }));
    const hits = terms.filter((t) => words.some(({ w }) => w.startsWith(t)));
    if (hits.length > best.score && line.trim()) {
      const first = words.find(({ w }) => hits.some((t) => w.startsWith(t)));
      best = { index, score: hits.length, at: first?.at ?? 0 };
    }
  });
  const line = lines[best.index]!.trim();
  const start = line.length <= SNIPPET_CHARS ? 0 : Math.max(0, Math.min(best.at - 40, line.length - SNIPPET_CHARS));
  const snippet = `${start > 0 ? '…' : ''}${line.slice(start, start + SNIPPET_CHARS)}${start + SNIPPET_CHARS < line.length ? '…' : ''}`;
  return { snippet, link: `${d.file}:${d.verbatim ? d.line + best.index : d.line}` };
}

export function searchDocs(index: MiniSearch<RecallDoc>, docs: ReadonlyMap<string, RecallDoc>, query: string, opts: SearchOptions): RecallHit[] {
  const terms = queryTerms(query);
  if (!terms.length || opts.limit < 1) return [];
  const results = index.search(terms.join(' '), {
    filter: (r) => {
      const d = docs.get(String(r.id));
      return Boolean(d && (!opts.sources || opts.sources.includes(d.source)) && !opts.exclude?.(d));
    },
  });
  return results.slice(0, opts.limit).map((r) => {
    const d = docs.get(String(r.id))!;
    return { doc: d, score: Math.round(r.score * 100) / 100, ...snippetFor(d, terms) };
  });
}

// ---------------------------------------------------------------------------------------------
// The error-fingerprint index

export interface ErrorHistory {
  fingerprint: string;
  seen: number;
  resolved: number;
  /** The most recent resolution recorded. */
  resolvedBy: string | null;
  links: string[];
}

export function errorHistory(facts: readonly ErrorFact[], fingerprint: string, exceptTask?: string): ErrorHistory | null {
  const matching = facts.filter((f) => f.fingerprint === fingerprint && (!exceptTask || f.task !== exceptTask));
  if (!matching.length) return null;
  const resolutions = matching.filter((f) => f.resolvedBy);
  return { fingerprint, seen: matching.length, resolved: resolutions.length, resolvedBy: resolutions.at(-1)?.resolvedBy ?? null, links: matching.map((f) => f.link) };
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

export function describeHistory(h: ErrorHistory): string {
  const resolved = h.resolved ? `, resolved ${times(h.resolved)}${h.resolvedBy ? ` by ${clip(h.resolvedBy, 200)}` : ''}` : ', never resolved';
  return `seen ${times(h.seen)}${resolved}`;
}

// ---------------------------------------------------------------------------------------------
// Memories for a worker's re-anchoring text

const MEMORY_CHARS = 300;

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clip(text: string, max: number): string {
  const one = flat(text);
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}

/** What to search for on behalf of a task: its title, the names in its files, and its last error. */
export function taskQuery(task: Pick<Task, 'title' | 'files'>, lastError?: string | null): string {
  const names = task.files.flatMap((f) => f.replace(/\.[^./\\]+$/, '').split(/[\\/.\s]+/).filter(Boolean));
  return [task.title, ...new Set(names), lastError ?? ''].join(' ');
}

/** Record fields that say what to do, which a worker needs more than the matching line alone. */
const ADVICE = /^(?:learning|lesson_learned|what_we_learned|fix|suggestion): /;

function memoryOf(hit: RecallHit): Memory {
  const advice = hit.doc.verbatim ? undefined : hit.doc.text.split('\n').find((l) => ADVICE.test(l) && !hit.snippet.includes(l));
  return { id: hit.doc.id, source: hit.doc.source, link: hit.link, text: clip(`${hit.doc.title}: ${hit.snippet}${advice ? ` | ${advice}` : ''}`, MEMORY_CHARS) };
}

function historyMemory(h: ErrorHistory): Memory {
  return {
    id: `error:${h.fingerprint}:${h.seen}:${h.resolved}`,
    source: 'errors',
    link: h.links.at(-1) ?? '',
    text: clip(`This error was ${describeHistory(h)}.`, MEMORY_CHARS),
  };
}

/**
 * Up to `limit` memories for a task: its error's history first, then the best hits. Nothing
 * shown to an earlier attempt comes back, by id or by identical text, so a retry never
 * reads the same memory word for word.
 */
export function pickMemories(hits: RecallHit[], history: ErrorHistory | null, shownIds: ReadonlySet<string>, docs: ReadonlyMap<string, RecallDoc>, limit: number): Memory[] {
  const seenTexts = new Set([...shownIds].flatMap((id) => (docs.has(id) ? [flat(docs.get(id)!.text)] : [])));
  const out: Memory[] = [];
  const historyNote = history ? historyMemory(history) : null;
  if (historyNote && !shownIds.has(historyNote.id)) out.push(historyNote);
  for (const hit of hits) {
    const text = flat(hit.doc.text);
    if (out.length >= limit) break;
    if (shownIds.has(hit.doc.id) || seenTexts.has(text)) continue;
    seenTexts.add(text);
    out.push(memoryOf(hit));
  }
  return out.slice(0, limit);
}
