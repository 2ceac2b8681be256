import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  listSources
} from "./chunk-SUIBL2WH.mjs";
import {
  buildIndex,
  docRef,
  emptyIndex,
  errorHistory,
  errorKey,
  pickMemories,
  searchDocs,
  taskQuery
} from "./chunk-44XNMHWC.mjs";
import {
  ensureDir,
  readRange,
  readTextBounded,
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";

// scripts/adapters/recall-index.ts
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";

// scripts/core/knowledge/recall-state.ts
var LEAF = "";
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
  let flat = new Uint32Array(1 << 16);
  let size = 0;
  const room = (n) => {
    if (size + n <= flat.length) return;
    const grown = new Uint32Array(Math.max(flat.length * 2, size + n));
    grown.set(flat);
    flat = grown;
  };
  const at = [];
  const walk = (node) => {
    const out = /* @__PURE__ */ new Map();
    for (const [key, value] of node) {
      if (key !== LEAF) {
        out.set(key, walk(value));
        continue;
      }
      out.set(LEAF, at.length);
      at.push(size);
      const postings = value;
      room(1);
      flat[size++] = postings.size;
      for (const [fieldId, docs] of postings) {
        room(2 + 2 * docs.size);
        flat[size++] = fieldId;
        flat[size++] = docs.size;
        for (const [doc, freq] of docs) {
          flat[size++] = doc;
          flat[size++] = freq;
        }
      }
    }
    return out;
  };
  const tree = walk(m._index._tree);
  at.push(size);
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
    tree,
    postings: flat.slice(0, size),
    postingsAt: Uint32Array.from(at)
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
var LazyPostings = class {
  constructor(postings, from) {
    this.postings = postings;
    this.from = from;
  }
  postings;
  from;
  #decoded;
  get(fieldId) {
    return (this.#decoded ??= decode(this.postings, this.from)).get(fieldId);
  }
};
function restoreIndex(state, use) {
  const index = emptyIndex();
  const m = index;
  const valid = state?.format === "relay-minisearch-7/1" && state.tree instanceof Map && state.postings instanceof Uint32Array && state.fieldLength instanceof Uint32Array;
  if (!valid || !(m._index?._tree instanceof Map) || !(m._documentIds instanceof Map) || !(m._idToShortId instanceof Map) || !(m._storedFields instanceof Map)) return void 0;
  const lazy = use === "search" && state.dirtCount === 0;
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
  const leaves = (node) => {
    for (const [key, value] of node) {
      if (key !== LEAF) leaves(value);
      else node.set(LEAF, lazy ? new LazyPostings(state.postings, state.postingsAt[value]) : decode(state.postings, state.postingsAt[value]));
    }
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
    _index: new m._index.constructor(leaves(state.tree))
  });
  return index;
}

// scripts/adapters/recall-index.ts
var CACHE_VERSION = 5;
var MAX_DIRT = 0.25;
var GRACE_MS = 10 * 6e4;
var MAX_CACHE_BYTES = 512 * 1024 * 1024;
var newId = () => randomBytes(6).toString("hex");
var segFile = (dir, seg) => join(dir, `seg-${seg}.jsonl`);
var factsFile = (dir, id) => join(dir, `facts-${id}.jsonl`);
var factSource = (f) => f.link.slice(0, f.link.lastIndexOf(":"));
function writeSegment(dir, seg, docs) {
  const lines = [];
  const indexed = [];
  let offset = 0;
  for (const d of docs) {
    const line = JSON.stringify(d);
    const length = Buffer.byteLength(line);
    indexed.push({ ...d, where: `${seg}:${offset}:${length}` });
    lines.push(line);
    offset += length + 1;
  }
  writeFileAtomic(segFile(dir, seg), lines.length ? `${lines.join("\n")}
` : "");
  return indexed;
}
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
    if (disk?.version !== CACHE_VERSION || typeof disk.sources !== "string" || !disk.state) return null;
    return { ...disk, sources: JSON.parse(disk.sources), facts: JSON.parse(disk.facts) };
  } catch {
    return null;
  }
}
var fresh = (old, f) => !!old && old.kind === f.kind && old.mtimeMs === f.mtimeMs && old.size === f.size;
function isCurrent(sources, d) {
  return sources[d.file]?.segs.includes(d.where.slice(0, d.where.indexOf(":"))) ?? false;
}
function firstCopies(docs) {
  const seen = /* @__PURE__ */ new Set();
  return docs.filter((d) => !seen.has(d.id) && seen.add(d.id));
}
function restore(cache, use) {
  const index = restoreIndex(cache.state, use);
  if (!index) throw new Error("the recall cache holds an index of another shape");
  return index;
}
async function openWith(paths, cache) {
  const dir = paths.recallCacheDir;
  const files = listSources(paths);
  const sources = {};
  const read = [];
  const readFacts = [];
  const replaced = [];
  let appended = 0;
  const changed = !cache || files.some((f) => !fresh(cache.sources[f.rel], f));
  const { readAppended, readSource } = changed ? await import("./recall-read-HH2KL72L.mjs") : { readAppended: null, readSource: null };
  const seg = newId();
  for (const f of files) {
    const old = cache?.sources[f.rel];
    if (old && fresh(old, f)) {
      sources[f.rel] = old;
      continue;
    }
    const grown = old && old.kind === f.kind ? readAppended(f, old) : null;
    if (grown && old) {
      appended++;
      const { added: more, docs: _d, facts: _f, problems: _p, ...meta2 } = grown;
      sources[f.rel] = { ...meta2, segs: [...old.segs, seg], problems: [...old.problems, ...more.problems] };
      read.push(...more.docs);
      readFacts.push(...more.facts);
      continue;
    }
    replaced.push(f.rel);
    const { docs, facts, problems, ...meta } = readSource(paths, f);
    sources[f.rel] = { ...meta, segs: [seg], problems };
    read.push(...docs);
    readFacts.push(...facts);
  }
  const removed = Object.keys(cache?.sources ?? {}).filter((rel) => !(rel in sources));
  const order = files.map((f) => f.rel);
  let factsAt = cache?.facts ?? null;
  let index;
  let mode;
  if (cache && !replaced.length && !appended && !removed.length) {
    index = restore(cache, "search");
    mode = "cached";
  } else {
    ensureDir(dir);
    const added = writeSegment(dir, seg, read);
    const gone = /* @__PURE__ */ new Set([...replaced, ...removed]);
    if (cache) {
      index = restore(cache, "update");
      mode = "incremental";
      const segs = new Set([...gone].flatMap((rel) => cache.sources[rel]?.segs ?? []));
      for (const d of readSegments(dir, [...segs])) if (gone.has(d.file) && index.has(d.id)) index.discard(d.id);
      for (const d of added) if (!index.has(d.id)) index.add(d);
      if (index.dirtFactor > MAX_DIRT) {
        index = buildIndex(firstCopies(readSegments(dir, [...new Set(order.flatMap((rel) => sources[rel].segs))]).filter((d) => isCurrent(sources, d))));
        mode = "full";
      }
    } else {
      index = buildIndex(firstCopies(added));
      mode = "full";
    }
    const rank = new Map(order.map((rel, i) => [rel, i]));
    const kept = cache ? readAllFacts(dir, cache.facts).filter((f) => !gone.has(factSource(f))) : [];
    const facts = [...kept, ...readFacts].map((f, i) => ({ f, i })).sort((a, b) => (rank.get(factSource(a.f)) ?? 0) - (rank.get(factSource(b.f)) ?? 0) || a.i - b.i).map(({ f }) => f);
    try {
      factsAt = writeFacts(dir, facts);
      writeFileAtomic(join(dir, "index.v8"), serialize({ version: CACHE_VERSION, sources: JSON.stringify(sources), facts: JSON.stringify(factsAt), state: indexState(index) }));
      for (const file of unreferenced(dir, sources, factsAt?.id ?? null, Date.now() - GRACE_MS)) rmSync(file, { force: true });
      rmSync(paths.legacyRecallIndex, { force: true });
    } catch {
    }
  }
  const factsOf = (key) => {
    const at = factsAt?.at[key];
    return factsAt && at ? JSON.parse(readAt(factsFile(dir, factsAt.id), at[0], at[1])) : [];
  };
  return {
    problems: order.flatMap((rel) => sources[rel].problems),
    build: { mode, sources: files.length, reread: replaced.length + appended },
    search: (query, opts) => searchDocs(index, (where) => readDoc(dir, where), query, opts),
    lookup: (id) => {
      const ref = docRef(index, id);
      return ref ? readDoc(dir, ref.where) : void 0;
    },
    history: (errorText, exceptTask) => {
      const key = errorKey(errorText);
      return key ? errorHistory(factsOf(key), key, exceptTask) : null;
    }
  };
}
function unreferenced(dir, sources, factsId, before) {
  const kept = /* @__PURE__ */ new Set([...Object.values(sources).flatMap((s) => s.segs.map((seg) => `seg-${seg}.jsonl`)), ...factsId ? [`facts-${factsId}.jsonl`] : []]);
  return readdirSync(dir).filter((name) => /^(seg-|facts-)/.test(name) && !kept.has(name)).map((name) => join(dir, name)).filter((file) => {
    try {
      return statSync(file).mtimeMs < before;
    } catch {
      return false;
    }
  });
}
async function openRecallIndex(paths) {
  const cache = readCache(paths.recallCacheDir);
  try {
    return await openWith(paths, cache);
  } catch (err) {
    if (!cache) throw err;
    return openWith(paths, null);
  }
}
async function recallForTask(paths, epic, ledger, taskId, given = /* @__PURE__ */ new Set()) {
  const config = (await import("./config-EHPB2R2B.mjs")).loadRelayConfig(paths).recall;
  const limit = config?.limit ?? 3;
  const task = epic.tasks[taskId];
  if (config?.enabled === false || limit < 1 || !task) return [];
  const attempts = ledger.attempts[taskId] ?? [];
  const lastError = [...attempts].reverse().find((a) => a.result === "failure")?.receipt?.error_summary ?? null;
  const shown = /* @__PURE__ */ new Set([...attempts.flatMap((a) => a.recalled ?? []), ...given]);
  const told = /* @__PURE__ */ new Set([taskId, ...task.depends_on]);
  try {
    const index = await openRecallIndex(paths);
    const hits = index.search(taskQuery(task, lastError), { limit: limit * 3 + shown.size, exclude: (d) => d.source === "receipt" && told.has(d.task ?? "") });
    const history = lastError ? index.history(lastError, taskId) : null;
    return pickMemories(hits, history, shown, (id) => index.lookup(id), limit);
  } catch (err) {
    process.stderr.write(`relay: recall skipped: ${err.message}
`);
    return [];
  }
}

export {
  openRecallIndex,
  recallForTask
};
