import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  errorKey
} from "./chunk-INWQHQ3L.mjs";
import {
  readRange,
  redact
} from "./chunk-AEJDRQEE.mjs";

// scripts/core/knowledge/recall-episodic.ts
var MAX_DOC_CHARS = 2e4;
function recallDoc(fields) {
  return {
    ...fields,
    id: fields.id ?? `${fields.file}:${fields.line}`,
    title: redact(fields.title),
    text: redact(fields.text).slice(0, MAX_DOC_CHARS),
    tags: fields.tags.map(redact)
  };
}
function flatten(value, prefix, out) {
  if (typeof value === "string" || typeof value === "number") out.push(`${prefix}: ${value}`);
  else if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "string")) out.push(`${prefix}: ${value.join(", ")}`);
    else value.forEach((v) => flatten(v, prefix, out));
  } else if (value && typeof value === "object") {
    for (const k in value) flatten(value[k], k, out);
  }
}
var RECORD_META = /* @__PURE__ */ new Set(["id", "timestamp", "type", "task_id"]);
function episodicDocs(file, text, firstLine = 1, sink) {
  const out = { docs: [], facts: [], problems: [] };
  const put = sink ?? ((d) => void out.docs.push(d));
  const ids = /* @__PURE__ */ new Set();
  text.split("\n").forEach((raw, i) => {
    if (!raw.trim()) return;
    const line = i + firstLine;
    let record;
    try {
      record = JSON.parse(raw);
      if (!record || typeof record !== "object" || Array.isArray(record)) throw new Error("not a JSON object");
    } catch (err) {
      out.problems.push(`${file}:${line}: invalid JSON (${err.message.split("\n")[0]})`);
      return;
    }
    const fields = [];
    for (const k in record) if (!RECORD_META.has(k)) flatten(record[k], k, fields);
    const taskId = typeof record.task_id === "string" ? record.task_id : "";
    const tags = [record.tags, record.skills_used].flatMap((t) => Array.isArray(t) ? t.filter((x) => typeof x === "string") : []);
    const id = typeof record.id === "string" && record.id ? `episodic#${record.id}` : void 0;
    if (id && ids.has(id)) return;
    if (id) ids.add(id);
    put(recallDoc({ id, source: "episodic", file, line, title: `${String(record.type ?? "record")} ${taskId}`.trim(), text: fields.join("\n"), tags, verbatim: false }));
    const fingerprint = typeof record.root_cause === "string" ? errorKey(record.root_cause) : null;
    if (fingerprint) {
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
function readFailed(f, err) {
  const problem = `${f.rel}: cannot read (${err.code ?? err.message})`;
  return { kind: f.kind, mtimeMs: f.mtimeMs, size: f.size, docs: [], facts: [], problems: [problem] };
}
function readJsonl(f, sink) {
  try {
    const bytes = readRange(f.abs, 0, f.size, MAX_SOURCE_BYTES);
    const tail = bytes.subarray(-TAIL_BYTES).toString("base64");
    return { kind: f.kind, mtimeMs: f.mtimeMs, size: bytes.length, lines: countLines(bytes), tail, ...episodicDocs(f.rel, bytes.toString("utf8"), 1, sink) };
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
