/**
 * The recall index's cached state (./recall-state.ts), built straight from documents as a first
 * query reads them. Pure.
 */
import { ASCII_SEPARATOR, emptyIndex, fieldText, INDEX_FIELDS, processTerm, tokenize, type RecallDoc } from './recall.ts';
import { layOut, Numbers, type IndexState, type Internals } from './recall-state.ts';
import { FNV_OFFSET, FNV_PRIME } from '../shared/fnv.ts';

/** Text `tokenize` cannot split on its ASCII path. */
const NON_ASCII = /[^\0-\x7f]/;
/** The postings log grows by whole chunks, never copied; a multiple of 3, so no entry straddles two. */
const LOG_CHUNK = 3 << 15;

/**
 * Builds the state `indexState(buildIndex(docs))` gives, one document at a time: the same
 * tokens, terms, field lengths, running averages and postings in the same order, without
 * MiniSearch's Map per term and field (most of a full build's time and garbage), and without
 * holding the documents. A document whose id was added before is skipped (its first copy
 * stays). test/core/recall-state.test.ts checks the two states are equal.
 */
export class StateBuilder {
  readonly #ids: string[] = [];
  readonly #added = new Set<string>();
  readonly #refs: string[] = [];
  readonly #fieldLength = new Numbers();
  readonly #avgFieldLength: number[] = [];
  // Per distinct raw token (a hash table over its characters, so a token is looked up without
  // being cut out of its text): its text, hash, term's number (-1: no term) and the last
  // document field it was counted in.
  #slots = new Int32Array(1 << 14);
  readonly #rawText: string[] = [];
  readonly #rawHash: number[] = [];
  readonly #rawTerm: number[] = [];
  readonly #rawSeen: number[] = [];
  readonly #termIds = new Map<string, number>();
  // Per term: its fields in the order first met, and its count in the document field being read
  // (`#termSeen` says which); the terms of that field in the order met.
  readonly #termFields: number[][] = [];
  readonly #termSeen: number[] = [];
  readonly #termCount: number[] = [];
  readonly #fieldTerms: number[] = [];
  // Postings as a log of (term and field slot, short id, frequency), in document order, and how
  // many each slot has: laid out by slot in `state()`. Flat numbers in chunks, not a growing
  // array per slot, which young-generation collections would copy over and over.
  readonly #log: Uint32Array[] = [new Uint32Array(LOG_CHUNK)];
  #logAt = 0;
  readonly #slotPairs: number[] = [];

  add(d: RecallDoc, ref: string): void {
    if (this.#added.has(d.id)) return;
    this.#added.add(d.id);
    const shortId = this.#ids.push(d.id) - 1;
    this.#refs.push(ref);
    const fieldCount = INDEX_FIELDS.length;
    // Indexed loops here and below: this runs once per process, mostly before V8 optimises it, and an unoptimised for…of allocates a result object per step.
    for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
      const text = fieldText(d, INDEX_FIELDS[fieldId]!);
      const unique = NON_ASCII.test(text) ? this.#countTokens(tokenize(text), shortId, fieldId) : this.#countAscii(text, shortId, fieldId);
      const terms = this.#fieldTerms;
      for (let t = 0; t < terms.length; t++) {
        const term = terms[t]!;
        const slot = term * fieldCount + fieldId;
        if (this.#slotPairs[slot]!++ === 0) this.#termFields[term]!.push(fieldId);
        if (this.#logAt === LOG_CHUNK) {
          this.#log.push(new Uint32Array(LOG_CHUNK));
          this.#logAt = 0;
        }
        const log = this.#log[this.#log.length - 1]!;
        log[this.#logAt] = slot;
        log[this.#logAt + 1] = shortId;
        log[this.#logAt + 2] = this.#termCount[term]!;
        this.#logAt += 3;
      }
      terms.length = 0;
      this.#fieldLength.push(unique);
      this.#avgFieldLength[fieldId] = ((this.#avgFieldLength[fieldId] || 0) * shortId + unique) / (shortId + 1);
    }
  }

  /** `tokenize`'s ASCII path, fused with the counting: each token is hashed as it is scanned and never cut out unless new. */
  #countAscii(text: string, shortId: number, fieldId: number): number {
    let unique = 0;
    let start = 0;
    let hash = FNV_OFFSET;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (ASCII_SEPARATOR[code] === 0) {
        hash = Math.imul(hash ^ code, FNV_PRIME);
        continue;
      }
      unique += this.#count(this.#raw(text, start, i, hash), shortId, fieldId);
      while (i + 1 < text.length && ASCII_SEPARATOR[text.charCodeAt(i + 1)] === 1) i++;
      start = i + 1;
      hash = FNV_OFFSET;
    }
    return unique + this.#count(this.#raw(text, start, text.length, hash), shortId, fieldId);
  }

  #countTokens(tokens: string[], shortId: number, fieldId: number): number {
    let unique = 0;
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t]!;
      let hash = FNV_OFFSET;
      for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), FNV_PRIME);
      unique += this.#count(this.#raw(token, 0, token.length, hash), shortId, fieldId);
    }
    return unique;
  }

  /** Counts one occurrence of a raw token in a document's field; 1 when it is the field's first. */
  #count(raw: number, shortId: number, fieldId: number): number {
    const stamp = shortId * INDEX_FIELDS.length + fieldId;
    const first = this.#rawSeen[raw] === stamp ? 0 : 1;
    this.#rawSeen[raw] = stamp;
    const term = this.#rawTerm[raw]!;
    if (term < 0) return first;
    if (this.#termSeen[term] === stamp) this.#termCount[term]!++;
    else {
      this.#termSeen[term] = stamp;
      this.#termCount[term] = 1;
      this.#fieldTerms.push(term);
    }
    return first;
  }

  /** The number of the raw token `text[start, end)`, whose hash is `hash`; a new number when it was never met. */
  #raw(text: string, start: number, end: number, hash: number): number {
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const raw = this.#slots[slot]! - 1;
      if (raw < 0) return this.#newRaw(start === 0 && end === text.length ? text : text.slice(start, end), hash, slot);
      if (this.#rawHash[raw] !== hash) continue;
      const known = this.#rawText[raw]!;
      if (known.length !== end - start) continue;
      let i = 0;
      while (i < known.length && known.charCodeAt(i) === text.charCodeAt(start + i)) i++;
      if (i === known.length) return raw;
    }
  }

  #newRaw(token: string, hash: number, slot: number): number {
    const term = processTerm(token);
    let id = term ? this.#termIds.get(term) : -1;
    if (id === undefined) {
      id = this.#termFields.push([]) - 1;
      this.#termSeen.push(-1);
      this.#termCount.push(0);
      for (let f = 0; f < INDEX_FIELDS.length; f++) this.#slotPairs.push(0);
      this.#termIds.set(term!, id);
    }
    this.#rawSeen.push(-1);
    this.#rawText.push(token);
    this.#rawHash.push(hash);
    const raw = this.#rawTerm.push(id) - 1;
    this.#slots[slot] = raw + 1;
    // At most half full, so a probe ends soon at an empty slot.
    if (this.#rawText.length * 2 > this.#slots.length) this.#rehash();
    return raw;
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    for (let raw = 0; raw < this.#rawHash.length; raw++) {
      let slot = this.#rawHash[raw]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = raw + 1;
    }
    this.#slots = slots;
  }

  state(): IndexState {
    const fieldCount = INDEX_FIELDS.length;
    // Terms go into the tree in the order first met, as MiniSearch adds them, so the tree has its shape.
    const terms = new (emptyIndex() as unknown as Internals)._index.constructor(new Map()) as { set(key: string, value: number): void; _tree: Map<string, unknown> };
    for (const [term, id] of this.#termIds) terms.set(term, id);
    // Each term's header is laid out in tree order with room for its pairs; then the log, in
    // document order, fills each slot's room from its start, so a slot's pairs keep document order.
    const room = new Uint32Array(this.#slotPairs.length);
    // The exact size of the postings: per term its field count, per field its id, count and pairs.
    let size = this.#termFields.length;
    for (let slot = 0; slot < this.#slotPairs.length; slot++) if (this.#slotPairs[slot]) size += 2 + this.#slotPairs[slot]! * 2;
    const laidOut = layOut<number>(terms._tree, (term, out) => {
      const fields = this.#termFields[term]!;
      out.push(fields.length);
      for (let f = 0; f < fields.length; f++) {
        const slot = term * fieldCount + fields[f]!;
        out.push(fields[f]!);
        out.push(this.#slotPairs[slot]!);
        room[slot] = out.size;
        out.skip(this.#slotPairs[slot]! * 2);
      }
    }, false, size);
    const postings = laidOut.postings;
    for (let c = 0; c < this.#log.length; c++) {
      const log = this.#log[c]!;
      const end = c === this.#log.length - 1 ? this.#logAt : LOG_CHUNK;
      for (let i = 0; i < end; i += 3) {
        const at = room[log[i]!]!;
        postings[at] = log[i + 1]!;
        postings[at + 1] = log[i + 2]!;
        room[log[i]!] = at + 2;
      }
    }
    const count = this.#ids.length;
    return {
      format: 'relay-minisearch-7/1', documentCount: count, nextId: count, dirtCount: 0, fieldIds: Object.fromEntries(INDEX_FIELDS.map((f, i) => [f, i])),
      avgFieldLength: this.#avgFieldLength, ids: this.#ids.join('\n'), refs: this.#refs.join('\n'), fieldLength: this.#fieldLength.numbers(), ...laidOut,
    };
  }
}
