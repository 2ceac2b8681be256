/**
 * The recall index in a form that loads fast, for the cache (adapters/recall-index.ts keeps it
 * as a v8 structured clone). MiniSearch's own JSON form is parsed into objects and then
 * converted into Maps: for 10,000 documents that is most of a warm query. Here the radix tree
 * of terms keeps its shape, but each term's postings are a range of one flat Uint32Array,
 * decoded into MiniSearch's Maps only when a query touches the term; field lengths and stored
 * refs are flat too. Pure.
 *
 * It names MiniSearch 7's private fields, so `restoreIndex` checks their shape and returns
 * undefined for anything else (the caller then rebuilds), and test/core/recall-state.test.ts
 * compares a restored index's ranking with a fresh one's, so an upgrade that changes them fails there.
 */
import type MiniSearch from 'minisearch';
import { emptyIndex, type IndexedDoc } from './recall.ts';

export interface IndexState {
  format: 'relay-minisearch-7/1';
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  avgFieldLength: number[];
  /** Document ids by short id, newline-joined ('' where a short id was discarded). */
  ids: string;
  /** The stored `ref` by short id, newline-joined. */
  refs: string;
  /** Field lengths by short id: `fieldCount` numbers each. */
  fieldLength: Uint32Array;
  /** The radix tree of terms, each leaf the term's number. */
  tree: Map<string, unknown>;
  /** Per term: field count, then per field its id, its document count and (short id, frequency) pairs. */
  postings: Uint32Array;
  /** Where each term's postings start (one more entry: the end). */
  postingsAt: Uint32Array;
}

type Postings = Map<number, Map<number, number>>;

export interface Internals {
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, { ref?: string }>;
  _index: { _tree: Map<string, unknown>; constructor: new (tree: Map<string, unknown>) => unknown };
}

const LEAF = '';

/** A growable Uint32Array: half a million numbers in a plain array, then copied, cost more. */
export class Numbers {
  array: Uint32Array;
  size = 0;
  /** `capacity`: how many it will hold, when known, so it is never grown (a copy, and fresh pages to touch). */
  constructor(capacity = 1 << 16) {
    this.array = new Uint32Array(capacity);
  }
  /** The numbers held: the array itself when it is exactly full. */
  numbers(): Uint32Array {
    return this.size === this.array.length ? this.array : this.array.slice(0, this.size);
  }
  push(n: number): void {
    if (this.size === this.array.length) this.#grow();
    this.array[this.size++] = n;
  }
  /** Keeps the next `n` numbers (zero) to be filled in later. */
  skip(n: number): void {
    while (this.size + n > this.array.length) this.#grow();
    this.size += n;
  }
  #grow(): void {
    const grown = new Uint32Array(this.array.length * 2);
    grown.set(this.array);
    this.array = grown;
  }
}

/**
 * The term tree with each leaf replaced by its term's number, in tree order, and the postings
 * laid out in that order. `write` appends one leaf's postings: field count, then per field
 * its id, its document count and (short id, frequency) pairs. `copy`: the tree is a live
 * index's, so a copy is laid out; otherwise the tree is the caller's own and is laid out in place.
 */
export function layOut<Leaf>(tree: Map<string, unknown>, write: (leaf: Leaf, out: Numbers) => void, copy: boolean, size?: number): Pick<IndexState, 'tree' | 'postings' | 'postingsAt'> {
  const out = new Numbers(size);
  const at: number[] = [];
  const walk = (node: Map<string, unknown>): Map<string, unknown> => {
    const laid = copy ? new Map<string, unknown>() : node;
    node.forEach((value, key) => {
      if (key !== LEAF) {
        const child = walk(value as Map<string, unknown>);
        if (copy) laid.set(key, child);
        return;
      }
      // Setting a key a Map has does not change its order, so this is safe in forEach.
      laid.set(LEAF, at.length);
      at.push(out.size);
      write(value as Leaf, out);
    });
    return laid;
  };
  const laidOut = walk(tree);
  at.push(out.size);
  return { tree: laidOut, postings: out.numbers(), postingsAt: Uint32Array.from(at) };
}

export function indexState(index: MiniSearch<IndexedDoc>): IndexState {
  const m = index as unknown as Internals;
  const fieldCount = Object.keys(m._fieldIds).length;
  const ids: string[] = new Array(m._nextId).fill('');
  const refs: string[] = new Array(m._nextId).fill('');
  const fieldLength = new Uint32Array(m._nextId * fieldCount);
  for (const [shortId, id] of m._documentIds) {
    ids[shortId] = id;
    refs[shortId] = m._storedFields.get(shortId)?.ref ?? '';
    m._fieldLength.get(shortId)?.forEach((n, f) => (fieldLength[shortId * fieldCount + f] = n ?? 0));
  }
  const laidOut = layOut<Postings>(m._index._tree, (postings, out) => {
    out.push(postings.size);
    for (const [fieldId, docs] of postings) {
      out.push(fieldId);
      out.push(docs.size);
      for (const [doc, freq] of docs) {
        out.push(doc);
        out.push(freq);
      }
    }
  }, true);
  return {
    format: 'relay-minisearch-7/1', documentCount: m._documentCount, nextId: m._nextId, dirtCount: m._dirtCount, fieldIds: m._fieldIds, avgFieldLength: m._avgFieldLength,
    ids: ids.join('\n'), refs: refs.join('\n'), fieldLength, ...laidOut,
  };
}

function decode(postings: Uint32Array, from: number): Postings {
  const out: Postings = new Map();
  let i = from;
  const fields = postings[i++]!;
  for (let f = 0; f < fields; f++) {
    const fieldId = postings[i++]!;
    const count = postings[i++]!;
    const docs = new Map<number, number>();
    for (let d = 0; d < count; d++, i += 2) docs.set(postings[i]!, postings[i + 1]!);
    out.set(fieldId, docs);
  }
  return out;
}

/** The n-th line of newline-joined text, cut out only when asked for (10,000 short strings up front are most of the garbage). */
function lineAt(text: string): (n: number) => string {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  starts.push(text.length + 1);
  return (n) => (n >= 0 && n < starts.length - 1 ? text.slice(starts[n], starts[n + 1]! - 1) : '');
}

/** The postings numbers from `from` to `to`: a view of the state's array, or read from where the cache keeps them. */
export type PostingsRange = (from: number, to: number) => Uint32Array;

type TermResults = (sourceTerm: string, derivedTerm: string, weight: number, boost: number, data: unknown, ...rest: unknown[]) => unknown;

/**
 * The index back from its state, which it takes over (its tree becomes the index's). `search`: read-only and lazy, for a query (MiniSearch's own
 * structures are stood in for by objects with the two or three methods a search calls, and the
 * tree keeps each leaf's term number: every leaf a search reads reaches `termResults`, which
 * here decodes that term's postings first);
 * `update`: every Map decoded, for adding and discarding documents. An index with discarded documents is
 * always decoded, because a search then cleans their postings up as it meets them. `range`
 * reads postings kept outside the state: a term at a time for a lazy search, all at once otherwise.
 */
export function restoreIndex(state: IndexState, use: 'search' | 'update', range?: PostingsRange): MiniSearch<IndexedDoc> | undefined {
  const index = emptyIndex();
  const m = index as unknown as Internals;
  const valid = state?.format === 'relay-minisearch-7/1' && state.tree instanceof Map && state.postings instanceof Uint32Array && state.fieldLength instanceof Uint32Array;
  // MiniSearch 7's termResults(sourceTerm, derivedTerm, termWeight, termBoost, fieldTermData, fieldBoosts, boostDocument, bm25, results = new Map()): eight before the default.
  const termResults = (index as unknown as { termResults?: TermResults }).termResults;
  if (!valid || !(m._index?._tree instanceof Map) || !(m._documentIds instanceof Map) || !(m._idToShortId instanceof Map) || !(m._storedFields instanceof Map) || typeof termResults !== 'function' || termResults.length !== 8) return undefined;
  const lazy = use === 'search' && state.dirtCount === 0;
  const postingsOf = range ?? ((from: number, to: number) => state.postings.subarray(from, to));
  const fieldCount = Object.keys(state.fieldIds).length;
  const idAt = lineAt(state.ids);
  const refAt = lineAt(state.refs);
  const mapsOfIds = () => {
    const documentIds = new Map<number, string>();
    const idToShortId = new Map<string, number>();
    state.ids.split('\n').forEach((id, shortId) => {
      if (!id) return;
      documentIds.set(shortId, id);
      idToShortId.set(id, shortId);
    });
    return { documentIds, idToShortId };
  };
  const lengths = (shortId: number) => Array.from(state.fieldLength.subarray(shortId * fieldCount, (shortId + 1) * fieldCount));
  // In place: the tree is this state's own copy (a structured clone), and a second tree of 6,000 Maps is garbage at once.
  const leaves = (node: Map<string, unknown>, all: Uint32Array): Map<string, unknown> => {
    node.forEach((value, key) => {
      if (key !== LEAF) leaves(value as Map<string, unknown>, all);
      else node.set(LEAF, decode(all, state.postingsAt[value as number]!));
    });
    return node;
  };
  let fieldLength: Internals['_fieldLength'];
  let storedFields: Internals['_storedFields'];
  let documentIds: Internals['_documentIds'];
  let idToShortId: Internals['_idToShortId'];
  if (lazy) {
    // A search only ever calls has() and get() on these; the id lookup (a document by id) is built on first use.
    let byId: Map<string, number> | undefined;
    const shortIdOf = () => (byId ??= mapsOfIds().idToShortId);
    documentIds = { has: (shortId: number) => !!idAt(shortId), get: (shortId: number) => idAt(shortId) || undefined } as unknown as Internals['_documentIds'];
    idToShortId = { has: (id: string) => shortIdOf().has(id), get: (id: string) => shortIdOf().get(id) } as unknown as Internals['_idToShortId'];
    fieldLength = { get: (shortId: number) => state.fieldLength.subarray(shortId * fieldCount, (shortId + 1) * fieldCount) } as unknown as Internals['_fieldLength'];
    storedFields = { get: (shortId: number) => (refAt(shortId) ? { ref: refAt(shortId) } : undefined) } as unknown as Internals['_storedFields'];
    const decoded = new Map<number, Postings>();
    const postingsOfTerm = (term: number) => decoded.get(term) ?? decoded.set(term, decode(postingsOf(state.postingsAt[term]!, state.postingsAt[term + 1]!), 0)).get(term)!;
    Object.assign(index, {
      termResults(this: unknown, sourceTerm: string, derivedTerm: string, weight: number, boost: number, data: unknown, ...rest: unknown[]) {
        return termResults.call(this, sourceTerm, derivedTerm, weight, boost, typeof data === 'number' ? postingsOfTerm(data) : data, ...rest);
      },
    });
  } else {
    ({ documentIds, idToShortId } = mapsOfIds());
    fieldLength = new Map([...documentIds.keys()].map((shortId) => [shortId, lengths(shortId)]));
    storedFields = new Map([...documentIds.keys()].map((shortId) => [shortId, { ref: refAt(shortId) }]));
  }
  Object.assign(m, {
    _documentCount: state.documentCount, _nextId: state.nextId, _dirtCount: state.dirtCount, _fieldIds: state.fieldIds, _avgFieldLength: state.avgFieldLength,
    _documentIds: documentIds, _idToShortId: idToShortId, _fieldLength: fieldLength, _storedFields: storedFields, _index: new m._index.constructor(lazy ? state.tree : leaves(state.tree, postingsOf(0, state.postingsAt.at(-1)!))),
  });
  return index;
}
