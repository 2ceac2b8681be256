/**
 * Recall: one ranked full-text search over every memory relay keeps. Pure. Documents (from
 * recall-docs.ts) become a MiniSearch (BM25+) index, and a query becomes hits with a snippet
 * and a file:line link. The error-fingerprint index answers "seen 3 times, resolved twice by X".
 * Kept free of zod and yaml: a warm `relay recall` loads only this, MiniSearch and the cache.
 */
import MiniSearch, { type Options } from 'minisearch';
import { errorFingerprint } from '../epic/attempts.ts';
import type { Memory } from '../epic/anchor.ts';
import { stem } from './stem.ts';
import type { Receipt, Task } from '../shared/schemas.ts';

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
  /** Empty when the reader was given a sink: each document then went to it as it was made. */
  docs: RecallDoc[];
  facts: ErrorFact[];
  /** `file:line: problem` for input that could not be read as intended (still indexed where possible). */
  problems: string[];
}

/**
 * Where a reader puts each document as it is made, instead of in `docs`: a first query's index
 * build takes them one at a time, so 10,000 documents are never all held (and copied by every
 * young-generation collection on the way). `asRead`: the document is its source line as read
 * (redaction changed nothing), so a cache may read it back from there instead of keeping a copy.
 */
export type DocSink = (d: RecallDoc, asRead?: boolean) => void;

/**
 * A document as the index holds it: searchable fields, plus `where` it is stored (the cache
 * keeps documents outside the index, so a query reads only the documents it returns).
 */
export interface IndexedDoc extends RecallDoc {
  where: string;
}

/** What the index itself stores per document: enough to filter a hit and to read it. */
export interface DocRef {
  id: string;
  source: RecallSource;
  task?: string;
  where: string;
}

/**
 * The fingerprint of an error text with no category: a free-text query has none, so the
 * index keys every source the same way (still `errorFingerprint`'s normalisation and hash).
 */
export function errorKey(text: string): string | null {
  let key = errorKeys.get(text);
  if (key === undefined) {
    const receipt: Receipt = { status: 'failure', summary: '', files_changed: [], pattern_tags: [], quality_gate_findings: [], error_summary: text };
    key = text.trim() ? errorFingerprint(receipt) : null;
    if (errorKeys.size >= MAX_ERROR_KEYS) errorKeys.clear();
    errorKeys.set(text, key);
  }
  return key;
}

/** Error texts recur (that is what a fingerprint is for), and a first query keys thousands: each distinct text is normalised once. */
const errorKeys = new Map<string, string | null>();
const MAX_ERROR_KEYS = 20_000;

// ---------------------------------------------------------------------------------------------
// The index

const STOPWORDS = new Set('a an and are as at be but by for from has have how i in into is it its not of on or so that the their then there this to was we were what when where which who why will with you'.split(' '));

/** Lower-case, no stopwords, stemmed: the same on both sides, so "timeouts" finds "timeout". */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  return t.length < 2 || STOPWORDS.has(t) ? null : stem(t);
}

/** What MiniSearch's default tokenizer splits on. */
const SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;
/** Per ASCII code, whether it is one of SEPARATORS: computed from the class itself, so the two cannot disagree. */
export const ASCII_SEPARATOR = Uint8Array.from({ length: 128 }, (_, code) => (SEPARATORS.test(String.fromCharCode(code)) ? 1 : 0));

/**
 * MiniSearch's default tokenizer (`text.split(SEPARATORS)`), three times faster on ASCII text,
 * which is most of what relay indexes: a table lookup per character instead of a Unicode
 * property match. Text with any other character is split by the class itself.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) return text.split(SEPARATORS);
    if (ASCII_SEPARATOR[code] === 0) continue;
    tokens.push(text.slice(start, i));
    while (i + 1 < text.length && text.charCodeAt(i + 1) < 128 && ASCII_SEPARATOR[text.charCodeAt(i + 1)] === 1) i++;
    start = i + 1;
  }
  tokens.push(text.slice(start));
  return tokens;
}

/** The one stored field: a document's source, task and where it is stored, tab-separated (one string is cheap to keep and load). */
export const refOf = (d: Pick<RecallDoc, 'source' | 'task'>, where: string) => `${d.source}\t${d.task ?? ''}\t${where}`;

/** The searched fields, in MiniSearch's field-id order. */
export const INDEX_FIELDS = ['title', 'text', 'tags'] as const;

/** A searched field's text, as the index reads it. */
export function fieldText(d: RecallDoc, field: (typeof INDEX_FIELDS)[number]): string {
  return field === 'tags' ? d.tags.join(' ') : d[field];
}

export function parseRef(id: string, ref: string): DocRef {
  const [source, task, where] = ref.split('\t');
  return { id, source: source as RecallSource, ...(task ? { task } : {}), where: where! };
}

const INDEX_OPTIONS: Options<IndexedDoc> = {
  idField: 'id',
  fields: [...INDEX_FIELDS],
  storeFields: ['ref'],
  extractField: (d, field) => (field === 'ref' ? refOf(d, d.where) : field === 'id' ? d.id : fieldText(d, field as (typeof INDEX_FIELDS)[number])),
  tokenize,
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

export function emptyIndex(): MiniSearch<IndexedDoc> {
  return new MiniSearch<IndexedDoc>(INDEX_OPTIONS);
}

export function buildIndex(docs: Iterable<IndexedDoc>): MiniSearch<IndexedDoc> {
  const index = emptyIndex();
  index.addAll([...docs]);
  return index;
}

/** Where the index says a document is stored, and what a filter needs to know of it. */
export function docRef(index: MiniSearch<IndexedDoc>, id: string): DocRef | undefined {
  const stored = index.getStoredFields(id) as { ref?: string } | undefined;
  return stored?.ref ? parseRef(id, stored.ref) : undefined;
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
  exclude?: (doc: Pick<DocRef, 'source' | 'task'>) => boolean;
}

const SNIPPET_CHARS = 240;

function queryTerms(query: string): string[] {
  return [...new Set(query.split(/[\s\p{P}]+/u).map(processTerm).filter((t): t is string => Boolean(t)))];
}

/**
 * The line with the most query terms, clipped around its first match, and where it sits in the
 * file. `stems` memoises processTerm across the hits of one search (the same words recur).
 */
function snippetFor(d: RecallDoc, terms: string[], stems: Map<string, string>): { snippet: string; link: string } {
  const lines = d.text.split('\n');
  const stem = (w: string) => {
    let s = stems.get(w);
    if (s === undefined) stems.set(w, (s = processTerm(w) ?? ''));
    return s;
  };
  let best = { index: 0, score: -1, at: 0 };
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const words = line.split(/[\s\p{P}]+/u);
    const stemmed = words.map(stem);
    const hits = terms.filter((t) => stemmed.some((w) => w.startsWith(t)));
    if (hits.length > best.score) {
      const first = stemmed.findIndex((w) => hits.some((t) => w.startsWith(t)));
      best = { index, score: hits.length, at: first < 0 ? 0 : line.indexOf(words[first]!) };
    }
  });
  const line = lines[best.index]!.trim();
  const start = line.length <= SNIPPET_CHARS ? 0 : Math.max(0, Math.min(best.at - 40, line.length - SNIPPET_CHARS));
  const snippet = `${start > 0 ? '…' : ''}${line.slice(start, start + SNIPPET_CHARS)}${start + SNIPPET_CHARS < line.length ? '…' : ''}`;
  return { snippet, link: `${d.file}:${d.verbatim ? d.line + best.index : d.line}` };
}

interface QueryInternals {
  executeQuery(query: string, options: object): Map<number, { score: number; terms: string[] }>;
  _documentIds: { get(shortId: number): string | undefined };
  _storedFields: { get(shortId: number): { ref?: string } | undefined };
}

/**
 * The first `limit` of what MiniSearch's search() returns, without its work for every other
 * match: search() makes a result object for each document that matches any term (thousands,
 * on a large memory) and sorts them all. Here each match is only scored as search() scores it
 * (the BM25 sum times the number of query terms it matched) and kept while it is among the best
 * so far; ties keep the order of discovery, as search()'s stable sort does. Only kept ones are
 * filtered, which gives the same first `limit` because the filter does not depend on the score.
 */
function bestResults(index: MiniSearch<IndexedDoc>, query: string, limit: number, keep: ((ref: DocRef) => boolean) | null): Array<{ ref: DocRef; score: number }> {
  const m = index as unknown as QueryInternals;
  const best: Array<{ ref: DocRef; score: number }> = [];
  for (const [shortId, { score, terms }] of m.executeQuery(query, {})) {
    const total = score * (terms.length || 1);
    if (best.length === limit && total <= best[limit - 1]!.score) continue;
    const ref = parseRef(m._documentIds.get(shortId)!, m._storedFields.get(shortId)?.ref ?? '');
    if (keep && !keep(ref)) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < total) at--;
    best.splice(at, 0, { ref, score: total });
    if (best.length > limit) best.pop();
  }
  return best;
}

/** The best hits for `query`; only they are read (`read` takes a stored document's `where`). */
export function searchDocs(index: MiniSearch<IndexedDoc>, read: (where: string) => RecallDoc, query: string, opts: SearchOptions): RecallHit[] {
  const terms = queryTerms(query);
  if (!terms.length || opts.limit < 1) return [];
  const keep = opts.sources || opts.exclude ? (ref: DocRef) => (!opts.sources || opts.sources.includes(ref.source)) && !opts.exclude?.(ref) : null;
  const stems = new Map<string, string>();
  return bestResults(index, terms.join(' '), opts.limit, keep).map(({ ref, score }) => {
    const d = read(ref.where);
    return { doc: d, score: Math.round(score * 100) / 100, ...snippetFor(d, terms, stems) };
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

/** What `relay recall --json` prints and the dashboard's /api/recall answers. */
export function recallReport<B>(query: string, hits: RecallHit[], history: ErrorHistory | null, index: { build: B; problems: readonly string[] }) {
  return {
    query,
    results: hits.map((h, i) => ({ rank: i + 1, source: h.doc.source, title: h.doc.title, snippet: h.snippet, link: h.link, file: h.doc.file, score: h.score, tags: h.doc.tags })),
    error_history: history ? { ...history, summary: describeHistory(history) } : null,
    index: index.build,
    problems: index.problems,
  };
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
export function pickMemories(hits: RecallHit[], history: ErrorHistory | null, shownIds: ReadonlySet<string>, lookup: (id: string) => RecallDoc | undefined, limit: number): Memory[] {
  const seenTexts = new Set([...shownIds].flatMap((id) => {
    const d = lookup(id);
    return d ? [flat(d.text)] : [];
  }));
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
