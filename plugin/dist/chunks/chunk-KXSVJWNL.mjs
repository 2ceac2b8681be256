import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  listSources
} from "./chunk-FLZRZ666.mjs";
import {
  ASCII_SEPARATOR,
  INDEX_FIELDS,
  docRef,
  emptyIndex,
  errorHistory,
  errorKey,
  fieldText,
  processTerm,
  refOf,
  searchDocs,
  tokenize
} from "./chunk-GTO7XDNX.mjs";
import {
  ensureDir,
  readRange,
  readTextBounded,
  stageFile,
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";

// scripts/adapters/recall-index.ts
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";

// scripts/core/knowledge/recall-state.ts
var LEAF = "";
var Numbers = class {
  array;
  size = 0;
  /** `capacity`: how many it will hold, when known, so it is never grown (a copy, and fresh pages to touch). */
  constructor(capacity = 1 << 16) {
    this.array = new Uint32Array(capacity);
  }
  /** The numbers held: the array itself when it is exactly full. */
  numbers() {
    return this.size === this.array.length ? this.array : this.array.slice(0, this.size);
  }
  push(n) {
    if (this.size === this.array.length) this.#grow();
    this.array[this.size++] = n;
  }
  /** Keeps the next `n` numbers (zero) to be filled in later. */
  skip(n) {
    while (this.size + n > this.array.length) this.#grow();
    this.size += n;
  }
  #grow() {
    const grown = new Uint32Array(this.array.length * 2);
    grown.set(this.array);
    this.array = grown;
  }
};
function layOut(tree, write, copy, size) {
  const out = new Numbers(size);
  const at = [];
  const walk = (node) => {
    const laid = copy ? /* @__PURE__ */ new Map() : node;
    node.forEach((value, key) => {
      if (key !== LEAF) {
        const child = walk(value);
        if (copy) laid.set(key, child);
        return;
      }
      laid.set(LEAF, at.length);
      at.push(out.size);
      write(value, out);
    });
    return laid;
  };
  const laidOut = walk(tree);
  at.push(out.size);
  return { tree: laidOut, postings: out.numbers(), postingsAt: Uint32Array.from(at) };
}
function indexState(index) {
  const m = index;
  const fieldCount = Object.keys(m._fieldIds).length;
  const ids = new Array(m._nextId).fill("");
  const refs = new Array(m._nextId).fill("");
  const fieldLength = new Uint32Array(m._nextId * fieldCount);
  for (const [shortId, id] of m._documentIds) {
    ids[shortId] = id;
    refs[shortId] = m._storedFields.get(shortId)?.ref ?? "";
    m._fieldLength.get(shortId)?.forEach((n, f) => fieldLength[shortId * fieldCount + f] = n ?? 0);
  }
  const laidOut = layOut(m._index._tree, (postings, out) => {
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
    format: "relay-minisearch-7/1",
    documentCount: m._documentCount,
    nextId: m._nextId,
    dirtCount: m._dirtCount,
    fieldIds: m._fieldIds,
    avgFieldLength: m._avgFieldLength,
    ids: ids.join("\n"),
    refs: refs.join("\n"),
    fieldLength,
    ...laidOut
  };
}
function decode(postings, from) {
  const out = /* @__PURE__ */ new Map();
  let i = from;
  const fields = postings[i++];
  for (let f = 0; f < fields; f++) {
    const fieldId = postings[i++];
    const count = postings[i++];
    const docs = /* @__PURE__ */ new Map();
    for (let d = 0; d < count; d++, i += 2) docs.set(postings[i], postings[i + 1]);
    out.set(fieldId, docs);
  }
  return out;
}
function lineAt(text) {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  starts.push(text.length + 1);
  return (n) => n >= 0 && n < starts.length - 1 ? text.slice(starts[n], starts[n + 1] - 1) : "";
}
function restoreIndex(state, use, range) {
  const index = emptyIndex();
  const m = index;
  const valid = state?.format === "relay-minisearch-7/1" && state.tree instanceof Map && state.postings instanceof Uint32Array && state.fieldLength instanceof Uint32Array;
  const termResults = index.termResults;
  if (!valid || !(m._index?._tree instanceof Map) || !(m._documentIds instanceof Map) || !(m._idToShortId instanceof Map) || !(m._storedFields instanceof Map) || typeof termResults !== "function" || termResults.length !== 8) return void 0;
  const lazy = use === "search" && state.dirtCount === 0;
  const postingsOf = range ?? ((from, to) => state.postings.subarray(from, to));
  const fieldCount = Object.keys(state.fieldIds).length;
  const idAt = lineAt(state.ids);
  const refAt = lineAt(state.refs);
  const mapsOfIds = () => {
    const documentIds2 = /* @__PURE__ */ new Map();
    const idToShortId2 = /* @__PURE__ */ new Map();
    state.ids.split("\n").forEach((id, shortId) => {
      if (!id) return;
      documentIds2.set(shortId, id);
      idToShortId2.set(id, shortId);
    });
    return { documentIds: documentIds2, idToShortId: idToShortId2 };
  };
  const lengths = (shortId) => Array.from(state.fieldLength.subarray(shortId * fieldCount, (shortId + 1) * fieldCount));
  const leaves = (node, all) => {
    node.forEach((value, key) => {
      if (key !== LEAF) leaves(value, all);
      else node.set(LEAF, decode(all, state.postingsAt[value]));
    });
    return node;
  };
  let fieldLength;
  let storedFields;
  let documentIds;
  let idToShortId;
  if (lazy) {
    let byId;
    const shortIdOf = () => byId ??= mapsOfIds().idToShortId;
    documentIds = { has: (shortId) => !!idAt(shortId), get: (shortId) => idAt(shortId) || void 0 };
    idToShortId = { has: (id) => shortIdOf().has(id), get: (id) => shortIdOf().get(id) };
    fieldLength = { get: (shortId) => state.fieldLength.subarray(shortId * fieldCount, (shortId + 1) * fieldCount) };
    storedFields = { get: (shortId) => refAt(shortId) ? { ref: refAt(shortId) } : void 0 };
    const decoded = /* @__PURE__ */ new Map();
    const postingsOfTerm = (term) => decoded.get(term) ?? decoded.set(term, decode(postingsOf(state.postingsAt[term], state.postingsAt[term + 1]), 0)).get(term);
    Object.assign(index, {
      termResults(sourceTerm, derivedTerm, weight, boost, data, ...rest) {
        return termResults.call(this, sourceTerm, derivedTerm, weight, boost, typeof data === "number" ? postingsOfTerm(data) : data, ...rest);
      }
    });
  } else {
    ({ documentIds, idToShortId } = mapsOfIds());
    fieldLength = new Map([...documentIds.keys()].map((shortId) => [shortId, lengths(shortId)]));
    storedFields = new Map([...documentIds.keys()].map((shortId) => [shortId, { ref: refAt(shortId) }]));
  }
  Object.assign(m, {
    _documentCount: state.documentCount,
    _nextId: state.nextId,
    _dirtCount: state.dirtCount,
    _fieldIds: state.fieldIds,
    _avgFieldLength: state.avgFieldLength,
    _documentIds: documentIds,
    _idToShortId: idToShortId,
    _fieldLength: fieldLength,
    _storedFields: storedFields,
    _index: new m._index.constructor(lazy ? state.tree : leaves(state.tree, postingsOf(0, state.postingsAt.at(-1))))
  });
  return index;
}

// scripts/core/knowledge/recall-builder.ts
var NON_ASCII = /[^\0-\x7f]/;
var LOG_CHUNK = 3 << 15;
var FNV_OFFSET = 2166136261 | 0;
var FNV_PRIME = 16777619;
var StateBuilder = class {
  #ids = [];
  #added = /* @__PURE__ */ new Set();
  #refs = [];
  #fieldLength = new Numbers();
  #avgFieldLength = [];
  // Per distinct raw token (a hash table over its characters, so a token is looked up without
  // being cut out of its text): its text, hash, term's number (-1: no term) and the last
  // document field it was counted in.
  #slots = new Int32Array(1 << 14);
  #rawText = [];
  #rawHash = [];
  #rawTerm = [];
  #rawSeen = [];
  #termIds = /* @__PURE__ */ new Map();
  // Per term: its fields in the order first met, and its count in the document field being read
  // (`#termSeen` says which); the terms of that field in the order met.
  #termFields = [];
  #termSeen = [];
  #termCount = [];
  #fieldTerms = [];
  // Postings as a log of (term and field slot, short id, frequency), in document order, and how
  // many each slot has: laid out by slot in `state()`. Flat numbers in chunks, not a growing
  // array per slot, which young-generation collections would copy over and over.
  #log = [new Uint32Array(LOG_CHUNK)];
  #logAt = 0;
  #slotPairs = [];
  add(d, ref) {
    if (this.#added.has(d.id)) return;
    this.#added.add(d.id);
    const shortId = this.#ids.push(d.id) - 1;
    this.#refs.push(ref);
    const fieldCount = INDEX_FIELDS.length;
    for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
      const text = fieldText(d, INDEX_FIELDS[fieldId]);
      const unique = NON_ASCII.test(text) ? this.#countTokens(tokenize(text), shortId, fieldId) : this.#countAscii(text, shortId, fieldId);
      const terms = this.#fieldTerms;
      for (let t = 0; t < terms.length; t++) {
        const term = terms[t];
        const slot = term * fieldCount + fieldId;
        if (this.#slotPairs[slot]++ === 0) this.#termFields[term].push(fieldId);
        if (this.#logAt === LOG_CHUNK) {
          this.#log.push(new Uint32Array(LOG_CHUNK));
          this.#logAt = 0;
        }
        const log = this.#log[this.#log.length - 1];
        log[this.#logAt] = slot;
        log[this.#logAt + 1] = shortId;
        log[this.#logAt + 2] = this.#termCount[term];
        this.#logAt += 3;
      }
      terms.length = 0;
      this.#fieldLength.push(unique);
      this.#avgFieldLength[fieldId] = ((this.#avgFieldLength[fieldId] || 0) * shortId + unique) / (shortId + 1);
    }
  }
  /** `tokenize`'s ASCII path, fused with the counting: each token is hashed as it is scanned and never cut out unless new. */
  #countAscii(text, shortId, fieldId) {
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
  #countTokens(tokens, shortId, fieldId) {
    let unique = 0;
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      let hash = FNV_OFFSET;
      for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), FNV_PRIME);
      unique += this.#count(this.#raw(token, 0, token.length, hash), shortId, fieldId);
    }
    return unique;
  }
  /** Counts one occurrence of a raw token in a document's field; 1 when it is the field's first. */
  #count(raw, shortId, fieldId) {
    const stamp = shortId * INDEX_FIELDS.length + fieldId;
    const first = this.#rawSeen[raw] === stamp ? 0 : 1;
    this.#rawSeen[raw] = stamp;
    const term = this.#rawTerm[raw];
    if (term < 0) return first;
    if (this.#termSeen[term] === stamp) this.#termCount[term]++;
    else {
      this.#termSeen[term] = stamp;
      this.#termCount[term] = 1;
      this.#fieldTerms.push(term);
    }
    return first;
  }
  /** The number of the raw token `text[start, end)`, whose hash is `hash`; a new number when it was never met. */
  #raw(text, start, end, hash) {
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = slot + 1 & mask) {
      const raw = this.#slots[slot] - 1;
      if (raw < 0) return this.#newRaw(start === 0 && end === text.length ? text : text.slice(start, end), hash, slot);
      if (this.#rawHash[raw] !== hash) continue;
      const known = this.#rawText[raw];
      if (known.length !== end - start) continue;
      let i = 0;
      while (i < known.length && known.charCodeAt(i) === text.charCodeAt(start + i)) i++;
      if (i === known.length) return raw;
    }
  }
  #newRaw(token, hash, slot) {
    const term = processTerm(token);
    let id = term ? this.#termIds.get(term) : -1;
    if (id === void 0) {
      id = this.#termFields.push([]) - 1;
      this.#termSeen.push(-1);
      this.#termCount.push(0);
      for (let f = 0; f < INDEX_FIELDS.length; f++) this.#slotPairs.push(0);
      this.#termIds.set(term, id);
    }
    this.#rawSeen.push(-1);
    this.#rawText.push(token);
    this.#rawHash.push(hash);
    const raw = this.#rawTerm.push(id) - 1;
    this.#slots[slot] = raw + 1;
    if (this.#rawText.length * 2 > this.#slots.length) this.#rehash();
    return raw;
  }
  #rehash() {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    for (let raw = 0; raw < this.#rawHash.length; raw++) {
      let slot = this.#rawHash[raw] & mask;
      while (slots[slot] !== 0) slot = slot + 1 & mask;
      slots[slot] = raw + 1;
    }
    this.#slots = slots;
  }
  state() {
    const fieldCount = INDEX_FIELDS.length;
    const terms = new (emptyIndex())._index.constructor(/* @__PURE__ */ new Map());
    for (const [term, id] of this.#termIds) terms.set(term, id);
    const room = new Uint32Array(this.#slotPairs.length);
    let size = this.#termFields.length;
    for (let slot = 0; slot < this.#slotPairs.length; slot++) if (this.#slotPairs[slot]) size += 2 + this.#slotPairs[slot] * 2;
    const laidOut = layOut(terms._tree, (term, out) => {
      const fields = this.#termFields[term];
      out.push(fields.length);
      for (let f = 0; f < fields.length; f++) {
        const slot = term * fieldCount + fields[f];
        out.push(fields[f]);
        out.push(this.#slotPairs[slot]);
        room[slot] = out.size;
        out.skip(this.#slotPairs[slot] * 2);
      }
    }, false, size);
    const postings = laidOut.postings;
    for (let c = 0; c < this.#log.length; c++) {
      const log = this.#log[c];
      const end = c === this.#log.length - 1 ? this.#logAt : LOG_CHUNK;
      for (let i = 0; i < end; i += 3) {
        const at = room[log[i]];
        postings[at] = log[i + 1];
        postings[at + 1] = log[i + 2];
        room[log[i]] = at + 2;
      }
    }
    const count = this.#ids.length;
    return {
      format: "relay-minisearch-7/1",
      documentCount: count,
      nextId: count,
      dirtCount: 0,
      fieldIds: Object.fromEntries(INDEX_FIELDS.map((f, i) => [f, i])),
      avgFieldLength: this.#avgFieldLength,
      ids: this.#ids.join("\n"),
      refs: this.#refs.join("\n"),
      fieldLength: this.#fieldLength.numbers(),
      ...laidOut
    };
  }
};

// scripts/adapters/recall-index.ts
var CACHE_VERSION = 7;
var MAX_DIRT = 0.25;
var GRACE_MS = 10 * 6e4;
var MAX_CACHE_BYTES = 512 * 1024 * 1024;
var newId = () => randomBytes(6).toString("hex");
var segFile = (dir, seg) => join(dir, `seg-${seg}.jsonl`);
var factsFile = (dir, id) => join(dir, `facts-${id}.jsonl`);
var postingsFile = (dir, id) => join(dir, `post-${id}.bin`);
function readPostings(file, from, to) {
  const bytes = readRange(file, from * 4, to * 4, MAX_CACHE_BYTES);
  if (bytes.length !== (to - from) * 4) throw new Error(`${file} is shorter than its index says`);
  return bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, to - from) : new Uint32Array(Uint8Array.from(bytes).buffer);
}
function writePostings(dir, state) {
  const id = newId();
  writeFileAtomic(postingsFile(dir, id), new Uint8Array(state.postings.buffer, state.postings.byteOffset, state.postings.byteLength));
  return id;
}
var factSource = (f) => f.link.slice(0, f.link.lastIndexOf(":"));
var Segment = class {
  constructor(dir, id) {
    this.id = id;
    this.#file = dir === null ? null : stageFile(segFile(dir, id), "replace");
  }
  id;
  #file;
  #memory = /* @__PURE__ */ new Map();
  #offset = 0;
  append(d) {
    if (!this.#file) {
      const where2 = `${this.id}:${this.#memory.size}:0`;
      this.#memory.set(where2, d);
      return where2;
    }
    const line = JSON.stringify(d);
    const length = Buffer.byteLength(line);
    const where = `${this.id}:${this.#offset}:${length}`;
    this.#file.write(`${line}
`);
    this.#offset += length + 1;
    return where;
  }
  commit() {
    this.#file?.commit();
  }
  abort() {
    this.#file?.abort();
  }
  /** A document of this segment that is only in memory. */
  held(where) {
    return this.#memory.get(where);
  }
};
function readAt(file, start, length) {
  return readRange(file, start, start + length, length).toString("utf8");
}
function readDoc(dir, where) {
  const [seg, offset, length] = where.split(":");
  return JSON.parse(readAt(segFile(dir, seg), Number(offset), Number(length)));
}
function readSegments(dir, segs) {
  return segs.flatMap((seg) => {
    let offset = 0;
    return readTextBounded(segFile(dir, seg), MAX_CACHE_BYTES).split("\n").flatMap((line) => {
      const at = offset;
      const length = Buffer.byteLength(line);
      offset += length + 1;
      return line ? [{ ...JSON.parse(line), where: `${seg}:${at}:${length}` }] : [];
    });
  });
}
function writeFacts(dir, facts) {
  if (!facts.length) return null;
  const groups = /* @__PURE__ */ new Map();
  for (const f of facts) (groups.get(f.fingerprint) ?? groups.set(f.fingerprint, []).get(f.fingerprint)).push(f);
  const id = newId();
  const at = {};
  const lines = [];
  let offset = 0;
  for (const [key, list] of groups) {
    const line = Buffer.from(`${JSON.stringify(list)}
`);
    at[key] = [offset, line.length - 1];
    lines.push(line);
    offset += line.length;
  }
  writeFileAtomic(factsFile(dir, id), Buffer.concat(lines));
  return { id, at };
}
function readAllFacts(dir, facts) {
  if (!facts) return [];
  return readTextBounded(factsFile(dir, facts.id), MAX_CACHE_BYTES).split("\n").flatMap((line) => line ? JSON.parse(line) : []);
}
function readCache(dir) {
  try {
    const disk = deserialize(readFileSync(join(dir, "index.v8")));
    if (disk?.version !== CACHE_VERSION || typeof disk.sources !== "string" || typeof disk.key !== "string" || !Array.isArray(disk.named) || !disk.state || typeof disk.postings !== "string") return null;
    if (statSync(postingsFile(dir, disk.postings)).size !== (disk.state.postingsAt?.at(-1) ?? -1) * 4) return null;
    if (!disk.named.every((name) => existsSync(join(dir, name)))) return null;
    return { ...disk, problems: JSON.parse(disk.problems), facts: JSON.parse(disk.facts) };
  } catch {
    return null;
  }
}
var listingKey = (files) => files.map((f) => `${f.rel}	${f.kind}	${f.mtimeMs}	${f.size}`).join("\n");
var fresh = (old, f) => !!old && old.kind === f.kind && old.mtimeMs === f.mtimeMs && old.size === f.size;
function isCurrent(sources, d) {
  return sources[d.file]?.segs.includes(d.where.slice(0, d.where.indexOf(":"))) ?? false;
}
function restore(dir, { state, postings }, use) {
  const file = postings === null ? null : postingsFile(dir, postings);
  const index = restoreIndex(state, use, file ? (from, to) => readPostings(file, from, to) : void 0);
  if (!index) throw new Error("the recall cache holds an index of another shape");
  return index;
}
function recallIndex({ dir, problems, index, build, factsOf, held }) {
  const read = (where) => held(where) ?? readDoc(dir, where);
  return {
    problems,
    build,
    search: (query, opts) => searchDocs(index, read, query, opts),
    lookup: (id) => {
      const ref = docRef(index, id);
      return ref ? read(ref.where) : void 0;
    },
    history: (errorText, exceptTask) => {
      const key = errorKey(errorText);
      return key ? errorHistory(factsOf(key), key, exceptTask) : null;
    }
  };
}
function factsReader(dir, factsAt) {
  return (key) => {
    const at = factsAt?.at[key];
    return factsAt && at ? JSON.parse(readAt(factsFile(dir, factsAt.id), at[0], at[1])) : [];
  };
}
async function openWith(paths, files, cache, writable) {
  const dir = paths.recallCacheDir;
  if (cache && cache.key === listingKey(files)) {
    const build2 = { mode: "cached", sources: files.length, reread: 0 };
    return recallIndex({ dir, problems: cache.problems, index: restore(dir, cache, "search"), build: build2, factsOf: factsReader(dir, cache.facts), held: () => void 0 });
  }
  const cached = cache ? JSON.parse(cache.sources) : null;
  const order = files.map((f) => f.rel);
  const listed = new Set(order);
  const removed = Object.keys(cached ?? {}).filter((rel) => !listed.has(rel));
  const { readAppended, readJsonl } = await import("./recall-read-jsonl-5ZMFOYWZ.mjs");
  const grown = /* @__PURE__ */ new Map();
  const whole = [];
  for (const f of files) {
    const old = cached?.[f.rel];
    if (old && fresh(old, f)) continue;
    const more = old && old.kind === f.kind ? readAppended(f, old) : null;
    if (more) grown.set(f.rel, more);
    else whole.push(f);
  }
  if (writable) ensureDir(dir);
  const segment = new Segment(writable ? dir : null, newId());
  const builder = cache ? null : new StateBuilder();
  const added = [];
  const take = (d) => {
    const where = segment.append(d);
    if (builder) builder.add(d, refOf(d, where));
    else added.push({ ...d, where });
  };
  const sources = {};
  const readFacts = [];
  const replaced = whole.map((f) => f.rel);
  const { readSource } = whole.some((f) => f.kind !== "episodic") ? await import("./recall-read-E77TRFQZ.mjs") : { readSource: (_, f, sink) => readJsonl(f, sink) };
  try {
    for (const f of files) {
      const old = cached?.[f.rel];
      const more = grown.get(f.rel);
      if (old && more) {
        const { added: extra, docs: _d, facts: _f, problems: _p, ...meta } = more;
        sources[f.rel] = { ...meta, segs: [...old.segs, segment.id], problems: [...old.problems, ...extra.problems] };
        extra.docs.forEach(take);
        readFacts.push(...extra.facts);
      } else if (old && fresh(old, f)) {
        sources[f.rel] = old;
      } else {
        const { docs: _, facts: facts2, problems: problems2, ...meta } = readSource(paths, f, take);
        sources[f.rel] = { ...meta, segs: [segment.id], problems: problems2 };
        readFacts.push(...facts2);
      }
    }
    segment.commit();
  } catch (err) {
    segment.abort();
    throw err;
  }
  const appended = grown.size;
  const gone = /* @__PURE__ */ new Set([...replaced, ...removed]);
  let index;
  let state;
  let mode = "full";
  if (builder) state = builder.state();
  else {
    const updated = restore(dir, cache, "update");
    const segs = new Set([...gone].flatMap((rel) => cached[rel]?.segs ?? []));
    for (const d of readSegments(dir, [...segs])) if (gone.has(d.file) && updated.has(d.id)) updated.discard(d.id);
    for (const d of added) if (!updated.has(d.id)) updated.add(d);
    if (updated.dirtFactor > MAX_DIRT) {
      const rebuilt = new StateBuilder();
      const current = readSegments(dir, [...new Set(order.flatMap((rel) => sources[rel].segs))]).filter((d) => isCurrent(sources, d));
      for (const d of current) rebuilt.add(d, refOf(d, d.where));
      state = rebuilt.state();
    } else {
      index = updated;
      state = indexState(updated);
      mode = "incremental";
    }
  }
  const rank = new Map(order.map((rel, i) => [rel, i]));
  const kept = cache ? readAllFacts(dir, cache.facts).filter((f) => !gone.has(factSource(f))) : [];
  const facts = [...kept, ...readFacts].map((f, i) => ({ f, i })).sort((a, b) => (rank.get(factSource(a.f)) ?? 0) - (rank.get(factSource(b.f)) ?? 0) || a.i - b.i).map(({ f }) => f);
  let factsOf = (key) => facts.filter((f) => f.fingerprint === key);
  const problems = order.flatMap((rel) => sources[rel].problems);
  if (writable) {
    const factsAt = writeFacts(dir, facts);
    const postings = writePostings(dir, state);
    const named = [...new Set(order.flatMap((rel) => sources[rel].segs))].map((seg) => `seg-${seg}.jsonl`).concat(factsAt ? [`facts-${factsAt.id}.jsonl`] : []);
    const key = listingKey(files.map((f) => ({ ...sources[f.rel], rel: f.rel })));
    writeFileAtomic(join(dir, "index.v8"), serialize({
      version: CACHE_VERSION,
      key,
      problems: JSON.stringify(problems),
      named,
      sources: JSON.stringify(sources),
      facts: JSON.stringify(factsAt),
      state: { ...state, postings: new Uint32Array(0) },
      postings
    }));
    for (const file of unreferenced(dir, [...named, `post-${postings}.bin`], Date.now() - GRACE_MS)) rmSync(file, { force: true });
    rmSync(paths.legacyRecallIndex, { force: true });
    factsOf = factsReader(dir, factsAt);
  }
  index ??= restore(dir, { state, postings: null }, "search");
  const build = { mode, sources: files.length, reread: replaced.length + appended };
  return recallIndex({ dir, problems, index, build, factsOf, held: (where) => segment.held(where) });
}
function unreferenced(dir, named, before) {
  const kept = new Set(named);
  return readdirSync(dir).filter((name) => /^(seg-|facts-|post-)/.test(name) && !kept.has(name)).map((name) => join(dir, name)).filter((file) => {
    try {
      return statSync(file).mtimeMs < before;
    } catch {
      return false;
    }
  });
}
async function openRecallIndex(paths) {
  const cache = readCache(paths.recallCacheDir);
  const files = listSources(paths);
  if (cache) {
    try {
      return await openWith(paths, files, cache, true);
    } catch {
    }
  }
  try {
    return await openWith(paths, files, null, true);
  } catch (err) {
    if (typeof err?.syscall !== "string") throw err;
    return openWith(paths, files, null, false);
  }
}

export {
  openRecallIndex
};
