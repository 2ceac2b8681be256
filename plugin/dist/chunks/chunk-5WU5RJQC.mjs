import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  NOTES_HEADER,
  renderNotesSection
} from "./chunk-DTV5SS4C.mjs";
import {
  endsWithNewline,
  fileLines,
  inspectLedger,
  readIndex,
  scanLedger
} from "./chunk-HIYGOJAB.mjs";
import {
  loadRelayConfig
} from "./chunk-CIQRNYIC.mjs";
import {
  redactValue
} from "./chunk-OTZ4R5UM.mjs";
import {
  extendEntry,
  parseRecord,
  quarterOf,
  suffixedId,
  timestampMs,
  toKebab
} from "./chunk-2VKVEHDW.mjs";
import {
  progressArchiveFile
} from "./chunk-AV66IWWN.mjs";
import {
  appendLine,
  stageFile,
  withLock,
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";

// scripts/adapters/episodic-store.ts
import { existsSync, readFileSync, statSync } from "node:fs";
import { relative } from "node:path";
var DEFAULT_ROTATE_BYTES = 10 * 1024 * 1024;
var DEFAULT_NOTES_MAX_BYTES = 1024 * 1024;
var MAX_RECORD_BYTES = 256 * 1024;
function ledgerLimits(paths) {
  const ledger = loadRelayConfig(paths).ledger;
  return { rotateBytes: ledger?.rotate_bytes ?? DEFAULT_ROTATE_BYTES, notesMaxBytes: ledger?.notes_max_bytes ?? DEFAULT_NOTES_MAX_BYTES };
}
var sizeOf = (file) => existsSync(file) ? statSync(file).size : 0;
function takenIds(paths, base) {
  const taken = /* @__PURE__ */ new Set();
  const query = {
    prefilter: new RegExp(`${base}|\\\\[u/]`, "g"),
    matches: (r) => typeof r.task_id === "string" && r.task_id.startsWith(base)
  };
  for (const { record } of scanLedger(paths, query, {}, { files: 0, unreadable: 0 })) taken.add(record.task_id);
  return taken;
}
function uniqueTaskId(paths, record, source, policy) {
  const taken = takenIds(paths, record.task_id);
  if (policy !== "suffix" && !taken.has(record.task_id)) return record.task_id;
  if (policy === "refuse") {
    throw new RelayError(`${source}: task_id: "${record.task_id}" is already in the ledger; choose another id or pass --suffix-timestamp`, 2);
  }
  for (let attempt = 1; ; attempt++) {
    const id = suffixedId(record.task_id, record.timestamp, attempt);
    if (!taken.has(id)) return id;
  }
}
async function appendRecord(paths, record, opts = {}) {
  const source = opts.source ?? "record";
  const clean = parseRecord(redactValue(record), `${source} (after secret redaction)`);
  const size = Buffer.byteLength(JSON.stringify(clean));
  if (size > MAX_RECORD_BYTES) {
    throw new RelayError(`${source}: record is ${size} bytes, over the ${MAX_RECORD_BYTES}-byte limit; summarise and point to logs instead of pasting them`, 2);
  }
  const limits = ledgerLimits(paths);
  const now = opts.now ?? /* @__PURE__ */ new Date();
  const withUniqueId = () => ({ ...clean, task_id: uniqueTaskId(paths, clean, source, opts.taskIdPolicy ?? "refuse") });
  if (opts.dryRun) return { record: withUniqueId(), rotation: null, notesArchive: null };
  return withLock(paths.episodicLedger, () => {
    const stored = withUniqueId();
    const line = JSON.stringify(stored);
    appendLine(paths.episodicLedger, endsWithNewline(paths.episodicLedger) ? line : `
${line}`);
    const notesArchive = appendNotes(paths, stored, limits.notesMaxBytes, now);
    const rotation = sizeOf(paths.episodicLedger) > limits.rotateBytes ? rotateUnlocked(paths, now) : null;
    return { record: stored, rotation, notesArchive };
  });
}
async function recordTaskOutcome(paths, outcome) {
  const timestamp = outcome.timestamp ?? (/* @__PURE__ */ new Date()).toISOString();
  const files = outcome.filesModified.filter((f) => f.trim());
  const what = outcome.status === "gated" && outcome.gateReason ? `gated (${outcome.gateReason})` : outcome.status;
  const summary = outcome.summary?.trim() || `${outcome.taskId} ${what} after ${outcome.attempts} attempt${outcome.attempts === 1 ? "" : "s"}`;
  const record = parseRecord({
    timestamp,
    type: "task_completion",
    task_id: toKebab(`${outcome.epicId}-${outcome.taskId}`) || "task",
    summary,
    status: outcome.status,
    attempts: outcome.attempts,
    files_modified: files.length ? files : void 0,
    tests_passed: outcome.testsPassed,
    root_cause: outcome.gateReason,
    lesson_learned: outcome.learning?.trim() || void 0,
    cost_usd: outcome.costUsd ?? void 0,
    duration_minutes: outcome.durationMinutes
  }, "relay work outcome");
  const { record: stored } = await appendRecord(paths, record, { source: "relay work outcome", taskIdPolicy: "suffix" });
  return stored;
}
function appendNotes(paths, record, maxBytes, now) {
  const section = renderNotesSection(record);
  const size = sizeOf(paths.notes);
  const archive = size > 0 && size + Buffer.byteLength(section) > maxBytes ? archiveNotes(paths, now) : null;
  if (!existsSync(paths.notes) || archive) {
    const pointer = archive ? `
Earlier notes: ${relative(paths.progressDir, archive)}
` : "";
    writeFileAtomic(paths.notes, `${NOTES_HEADER}${pointer}`);
  }
  appendLine(paths.notes, `
${section}`);
  return archive;
}
function archiveNotes(paths, now) {
  const target = progressArchiveFile(paths, `NOTES-${now.getUTCFullYear()}.md`);
  const staged = stageFile(target, "keep");
  try {
    if (!endsWithNewline(target)) staged.write("\n");
    staged.write(readFileSync(paths.notes, "utf8"));
    staged.commit();
  } catch (err) {
    staged.abort();
    throw err;
  }
  return target;
}
function archiveEntryFor(paths, index, quarter) {
  const path = progressArchiveFile(paths, `ledger-${quarter}.jsonl`);
  const file = relative(paths.progressDir, path);
  const listed = index.archives.find((e) => e.file === file);
  if (listed) return { path, entry: { ...listed } };
  const entry = { file, quarter, from: null, to: null, count: 0 };
  for (const { text } of fileLines(path)) if (text.trim()) extendEntry(entry, lineTime(text));
  return { path, entry };
}
function lineTime(text) {
  try {
    const value = JSON.parse(text);
    return typeof value?.timestamp === "string" ? timestampMs(value.timestamp) : void 0;
  } catch {
    return void 0;
  }
}
function rotateUnlocked(paths, now) {
  if (sizeOf(paths.episodicLedger) === 0) return null;
  const { index } = readIndex(paths);
  const open = /* @__PURE__ */ new Map();
  let quarter = quarterOf(now.getTime());
  let lines = 0;
  try {
    for (const { text } of fileLines(paths.episodicLedger)) {
      if (!text.trim()) continue;
      const ms = lineTime(text);
      if (ms !== void 0) quarter = quarterOf(ms);
      let target = open.get(quarter);
      if (!target) {
        const { path, entry } = archiveEntryFor(paths, index, quarter);
        const staged = stageFile(path, "keep");
        if (!endsWithNewline(path)) staged.write("\n");
        target = { staged, entry, added: 0 };
        open.set(quarter, target);
      }
      target.staged.write(`${text.trimEnd()}
`);
      extendEntry(target.entry, ms);
      target.added++;
      lines++;
    }
    for (const { staged } of open.values()) staged.commit();
  } catch (err) {
    for (const { staged } of open.values()) staged.abort();
    throw err;
  }
  const entries = new Map(index.archives.map((e) => [e.file, e]));
  for (const { entry } of open.values()) entries.set(entry.file, entry);
  writeIndex(paths, [...entries.values()]);
  writeFileAtomic(paths.episodicLedger, "");
  return { archives: [...open.values()].map((t) => ({ file: t.entry.file, added: t.added })), lines };
}
function writeIndex(paths, archives) {
  const index = { version: 1, archives: [...archives].sort((a, b) => a.quarter.localeCompare(b.quarter)) };
  writeFileAtomic(paths.ledgerIndex, `${JSON.stringify(index, null, 2)}
`);
}
async function rotateLedger(paths, opts = {}) {
  const limits = ledgerLimits(paths);
  const now = opts.now ?? /* @__PURE__ */ new Date();
  return withLock(paths.episodicLedger, () => {
    const due = opts.force || sizeOf(paths.episodicLedger) > (opts.maxBytes ?? limits.rotateBytes);
    const rotation = due ? rotateUnlocked(paths, now) : null;
    let notesArchive = null;
    if (sizeOf(paths.notes) > limits.notesMaxBytes) {
      notesArchive = archiveNotes(paths, now);
      writeFileAtomic(paths.notes, `${NOTES_HEADER}
Earlier notes: ${relative(paths.progressDir, notesArchive)}
`);
    }
    return { rotation, notesArchive };
  });
}
async function repairLedger(paths, display) {
  return withLock(paths.episodicLedger, () => {
    const { problems, files } = inspectLedger(paths, display);
    const rejected = [];
    for (const summary of files.filter((f) => f.badLines.size)) {
      const file = summary.file.path;
      const staged = stageFile(file, "replace");
      try {
        for (const { text, line } of fileLines(file)) {
          if (!text.trim()) continue;
          if (summary.badLines.has(line)) appendLine(`${file}.rejected`, text);
          else staged.write(`${text.trimEnd()}
`);
        }
        staged.commit();
      } catch (err) {
        staged.abort();
        throw err;
      }
      rejected.push(`${file}.rejected`);
    }
    const indexRewritten = problems.some((p) => p.file === paths.ledgerIndex) || files.some((f) => f.file.archive && f.badLines.size > 0);
    if (indexRewritten) {
      writeIndex(paths, files.filter((f) => f.file.archive).map((f) => {
        const file = relative(paths.progressDir, f.file.path);
        const iso = (ms) => ms === void 0 ? null : new Date(ms).toISOString();
        return { file, quarter: /ledger-(\d{4}-Q[1-4])\.jsonl$/.exec(file)[1], from: iso(f.fromMs), to: iso(f.toMs), count: f.count };
      }));
    }
    return { problems, rejected, indexRewritten };
  });
}

export {
  appendRecord,
  recordTaskOutcome,
  rotateLedger,
  repairLedger
};
