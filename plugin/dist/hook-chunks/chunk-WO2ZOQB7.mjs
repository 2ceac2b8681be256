import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  MAX_DOC_CHARS,
  docId,
  episodicLine,
  errorKey,
  fnv1aBytes
} from "./chunk-X5UYIVYH.mjs";
import {
  readRange,
  redact
} from "./chunk-FOMAKOLI.mjs";

// scripts/core/knowledge/recall-episodic.ts
function recallDoc(fields) {
  return { ...fields, id: docId(fields), title: redact(fields.title), text: redact(fields.text).slice(0, MAX_DOC_CHARS), tags: fields.tags.map(redact) };
}
function episodicDocs(file, text, firstLine = 1, sink) {
  const out = { docs: [], facts: [], problems: [] };
  const put = sink ?? ((d) => void out.docs.push(d));
  const ids = /* @__PURE__ */ new Set();
  text.split("\n").forEach((raw, i) => {
    const line = i + firstLine;
    const read = episodicLine(file, raw, line);
    if (!read) return;
    if ("problem" in read) {
      out.problems.push(read.problem);
      return;
    }
    const { record, fields } = read;
    if (fields.id && ids.has(fields.id)) return;
    if (fields.id) ids.add(fields.id);
    const doc = recallDoc(fields);
    put(doc, doc.title === fields.title && doc.text === fields.text.slice(0, MAX_DOC_CHARS) && doc.tags.every((t, k) => t === fields.tags[k]));
    const fingerprint = typeof record.root_cause === "string" ? errorKey(record.root_cause) : null;
    if (fingerprint) {
      const taskId = typeof record.task_id === "string" ? record.task_id : "";
      const fix = typeof record.fix === "string" && record.fix.trim() ? `${taskId || "a ledger record"}: ${record.fix.trim()}` : void 0;
      out.facts.push({ fingerprint, link: `${file}:${line}`, ...fix ? { resolvedBy: redact(fix) } : {} });
    }
  });
  return out;
}

// scripts/adapters/recall-read-jsonl.ts
var MAX_SOURCE_BYTES = 64 * 1024 * 1024;
var TAIL_BYTES = 64;
function countLines(bytes) {
  let lines = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
  return lines;
}
function lineStarts(bytes) {
  const starts = [0];
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) starts.push(i + 1);
  starts.push(bytes.length + 1);
  return starts;
}
function readFailed(f, err) {
  const problem = `${f.rel}: cannot read (${err.code ?? err.message})`;
  return { kind: f.kind, mtimeMs: f.mtimeMs, size: f.size, docs: [], facts: [], problems: [problem] };
}
function readJsonl(f, sink) {
  try {
    const bytes = readRange(f.abs, 0, f.size, MAX_SOURCE_BYTES);
    const tail = bytes.subarray(-TAIL_BYTES).toString("base64");
    const starts = lineStarts(bytes);
    const put = sink && ((d, asRead) => {
      if (!asRead) return sink(d);
      const at = starts[d.line - 1];
      const end = starts[d.line] - 1;
      sink(d, { at, length: end - at, hash: fnv1aBytes(bytes, at, end) });
    });
    return { kind: f.kind, mtimeMs: f.mtimeMs, size: bytes.length, lines: starts.length - 2, tail, ...episodicDocs(f.rel, bytes.toString("utf8"), 1, put) };
  } catch (err) {
    return readFailed(f, err);
  }
}
function readAppended(f, old) {
  if (f.kind !== "episodic" || old.tail === void 0 || old.lines === void 0 || f.size <= old.size) return null;
  const tail = Buffer.from(old.tail, "base64");
  if (!tail.length || tail.at(-1) !== 10) return null;
  let bytes;
  try {
    bytes = readRange(f.abs, old.size - tail.length, f.size, MAX_SOURCE_BYTES);
  } catch {
    return null;
  }
  if (!bytes.subarray(0, tail.length).equals(tail)) return null;
  const grown = bytes.subarray(tail.length);
  const added = episodicDocs(f.rel, grown.toString("utf8"), old.lines + 1);
  return {
    kind: f.kind,
    mtimeMs: f.mtimeMs,
    size: old.size + grown.length,
    lines: old.lines + countLines(grown),
    tail: bytes.subarray(-TAIL_BYTES).toString("base64"),
    docs: [],
    facts: [],
    problems: [],
    added
  };
}

export {
  recallDoc,
  MAX_SOURCE_BYTES,
  readFailed,
  readJsonl,
  readAppended
};
