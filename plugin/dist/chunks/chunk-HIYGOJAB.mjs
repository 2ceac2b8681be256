import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  LedgerIndex,
  recordProblem,
  timestampMs
} from "./chunk-2VKVEHDW.mjs";
import {
  progressArchiveFile
} from "./chunk-AV66IWWN.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";

// scripts/core/episodic/metrics.ts
function newTally() {
  return { records: 0, byType: {}, deployments: 0, failedChanges: 0, leadTimes: [], restoreTimes: [], tasks: { count: 0, firstPass: 0, attempts: 0, costUsd: 0, costed: 0 } };
}
var FAILED_DEPLOYMENT = /^(?:failed|failure|rolled[ _-]?back|reverted)$/i;
function minutes(value) {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : void 0;
}
function tallyRecord(tally, record) {
  const type = typeof record.type === "string" ? record.type : "unknown";
  tally.records++;
  tally.byType[type] = (tally.byType[type] ?? 0) + 1;
  const duration = minutes(record.duration_minutes);
  if (type === "deployment") {
    tally.deployments++;
    if (typeof record.status === "string" && FAILED_DEPLOYMENT.test(record.status)) tally.failedChanges++;
    if (duration !== void 0) tally.leadTimes.push(duration);
  } else if (type === "rollback" || type === "incident") {
    if (type === "rollback") tally.failedChanges++;
    if (duration !== void 0) tally.restoreTimes.push(duration);
  } else if (type === "task_completion" && typeof record.attempts === "number" && record.attempts > 0) {
    const t = tally.tasks;
    t.count++;
    t.attempts += record.attempts;
    if (record.attempts === 1 && record.status === "completed") t.firstPass++;
    if (typeof record.cost_usd === "number") {
      t.costUsd += record.cost_usd;
      t.costed++;
    }
  }
}
function round(value, digits) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
function spread(values) {
  if (!values.length) return { median: null, p90: null, samples: 0 };
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  const p90 = s[Math.min(s.length - 1, Math.ceil(0.9 * s.length) - 1)];
  return { median: round(median, 1), p90: round(p90, 1), samples: s.length };
}
function doraMetrics(tally, window) {
  const days = Math.max(1, (window.untilMs - window.sinceMs) / 864e5);
  return {
    deployments: tally.deployments,
    deployment_frequency: { per_day: round(tally.deployments / days, 3), per_week: round(tally.deployments / days * 7, 2) },
    lead_time_minutes: spread(tally.leadTimes),
    change_failure_rate: tally.deployments ? round(Math.min(1, tally.failedChanges / tally.deployments), 3) : null,
    failed_changes: tally.failedChanges,
    time_to_restore_minutes: spread(tally.restoreTimes)
  };
}
function agentFigures(source, tasks, firstPass, attempts, cost, costed) {
  if (!tasks) return null;
  return {
    source,
    tasks,
    first_pass_success_rate: round(firstPass / tasks, 3),
    attempts_per_task: round(attempts / tasks, 2),
    cost_per_task_usd: costed ? round(cost / costed, 4) : null,
    total_cost_usd: costed ? round(cost, 4) : null
  };
}
function agentMetricsFromTally(tally) {
  const t = tally.tasks;
  return agentFigures("episodic-ledger", t.count, t.firstPass, t.attempts, t.costUsd, t.costed);
}
function tallyFiles(files, record) {
  if (!Array.isArray(record.files_modified)) return;
  const when = typeof record.timestamp === "string" ? record.timestamp : "";
  for (const file of new Set(record.files_modified)) {
    if (typeof file !== "string" || !file) continue;
    const spot = files.get(file);
    if (!spot) files.set(file, { file, count: 1, last_modified: when });
    else {
      spot.count++;
      if ((timestampMs(when) ?? 0) > (timestampMs(spot.last_modified) ?? 0)) spot.last_modified = when;
    }
  }
}
function topHotspots(files, limit) {
  return [...files.values()].sort((a, b) => b.count - a.count || (timestampMs(b.last_modified) ?? 0) - (timestampMs(a.last_modified) ?? 0) || a.file.localeCompare(b.file)).slice(0, limit);
}

// scripts/adapters/episodic-reader.ts
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from "node:fs";
import { relative } from "node:path";
var CHUNK_BYTES = 1 << 16;
var ARCHIVE_NAME = /^ledger-(\d{4})-Q([1-4])\.jsonl$/;
var MAX_LINE_BYTES = 8 * 1024 * 1024;
function* readChunks(file) {
  let fd;
  try {
    fd = openSync(file, "r");
  } catch (err) {
    if (err.code === "ENOENT") return;
    throw err;
  }
  try {
    let buf = Buffer.allocUnsafe(CHUNK_BYTES);
    let carried = 0;
    for (; ; ) {
      if (carried === buf.length) {
        if (buf.length >= MAX_LINE_BYTES) {
          throw new RelayError(`${file}: a line longer than ${MAX_LINE_BYTES} bytes (records are at most 256 KB): the file is damaged; move it aside and restore it from git`, 1);
        }
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, carried);
        buf = bigger;
      }
      const read = readSync(fd, buf, carried, buf.length - carried, null);
      if (read === 0) {
        if (carried) yield buf.toString("utf8", 0, carried);
        return;
      }
      const end = carried + read;
      const lastNewline = buf.lastIndexOf(10, end - 1);
      if (lastNewline === -1) {
        carried = end;
        continue;
      }
      yield buf.toString("utf8", 0, lastNewline);
      carried = end - lastNewline - 1;
      buf.copy(buf, 0, lastNewline + 1, end);
    }
  } finally {
    closeSync(fd);
  }
}
function* fileLines(file) {
  let line = 0;
  for (const chunk of readChunks(file)) {
    for (const text of chunk.split("\n")) yield { text, line: ++line };
  }
}
function endsWithNewline(file) {
  let fd;
  try {
    fd = openSync(file, "r");
  } catch {
    return true;
  }
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === 10;
  } finally {
    closeSync(fd);
  }
}
function readIndex(paths) {
  const empty = { version: 1, archives: [] };
  if (!existsSync(paths.ledgerIndex)) return { index: empty };
  try {
    const parsed = LedgerIndex.safeParse(JSON.parse(readFileSync(paths.ledgerIndex, "utf8")));
    if (parsed.success) return { index: parsed.data };
    const issue = parsed.error.issues[0];
    return { index: empty, problem: `${issue.path.join(".") || "(root)"}: ${issue.message}` };
  } catch (err) {
    return { index: empty, problem: `invalid JSON: ${err.message}` };
  }
}
function archiveFiles(paths, index) {
  const names = existsSync(paths.progressArchive) ? readdirSync(paths.progressArchive).filter((n) => ARCHIVE_NAME.test(n)).sort() : [];
  const byFile = new Map(index.archives.map((e) => [e.file, e]));
  return names.map((name) => {
    const path = progressArchiveFile(paths, name);
    return { path, entry: byFile.get(relative(paths.progressDir, path)), archive: true };
  });
}
function ledgerFiles(paths, window = {}) {
  const overlaps = (entry) => {
    const from = entry?.from ? timestampMs(entry.from) : void 0;
    const to = entry?.to ? timestampMs(entry.to) : void 0;
    if (from === void 0 || to === void 0) return true;
    return !(window.sinceMs !== void 0 && to < window.sinceMs) && !(window.untilMs !== void 0 && from > window.untilMs);
  };
  const archives = archiveFiles(paths, readIndex(paths).index).filter((f) => overlaps(f.entry));
  return [...archives, { path: paths.episodicLedger, archive: false }];
}
function parseLine(text, stats) {
  try {
    const value = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value;
  } catch {
  }
  stats.unreadable++;
  return void 0;
}
function* candidates(chunk, prefilter) {
  if (!prefilter) {
    yield* chunk.split("\n");
    return;
  }
  prefilter.lastIndex = 0;
  for (let hit = prefilter.exec(chunk); hit; hit = prefilter.exec(chunk)) {
    const start = chunk.lastIndexOf("\n", hit.index) + 1;
    const end = chunk.indexOf("\n", hit.index);
    yield chunk.slice(start, end === -1 ? void 0 : end);
    if (end === -1) return;
    prefilter.lastIndex = end + 1;
  }
}
function* scanLedger(paths, query, window, stats) {
  for (const file of ledgerFiles(paths, window)) {
    stats.files++;
    for (const chunk of readChunks(file.path)) {
      for (const line of candidates(chunk, query.prefilter)) {
        const raw = line.trim();
        if (!raw) continue;
        const record = parseLine(raw, stats);
        if (record && query.matches(record)) yield { record, raw };
      }
    }
  }
}
function inspectLedger(paths, display) {
  const { index, problem: indexProblem } = readIndex(paths);
  const problems = indexProblem ? [{ file: paths.ledgerIndex, line: 0, reason: indexProblem }] : [];
  const seen = /* @__PURE__ */ new Map();
  const files = [];
  let lines = 0;
  for (const file of [...archiveFiles(paths, index), { path: paths.episodicLedger, archive: false }]) {
    const summary = { file, count: 0, badLines: /* @__PURE__ */ new Set() };
    for (const { text, line } of fileLines(file.path)) {
      if (!text.trim()) continue;
      lines++;
      const checked = checkLine(text, seen, `${display(file.path)}:${line}`);
      if ("reason" in checked) {
        problems.push({ file: file.path, line, reason: checked.reason });
        summary.badLines.add(line);
        continue;
      }
      summary.count++;
      const ms = timestampMs(checked.timestamp);
      if (ms !== void 0) {
        summary.fromMs = Math.min(summary.fromMs ?? ms, ms);
        summary.toMs = Math.max(summary.toMs ?? ms, ms);
      }
    }
    files.push(summary);
  }
  problems.push(...indexProblems(paths, index, files));
  return { problems, files, lines };
}
function checkLine(text, seen, location) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { reason: `invalid JSON: ${err.message}` };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return { reason: "not a JSON object" };
  const problem = recordProblem(value);
  if (problem) return { reason: problem };
  const { task_id: id, timestamp } = value;
  const first = seen.get(id);
  if (first) return { reason: `duplicate task_id "${id}" (first at ${first})` };
  seen.set(id, location);
  return { timestamp };
}
function indexProblems(paths, index, files) {
  const problems = [];
  const onDisk = new Set(files.filter((f) => f.file.archive).map((f) => relative(paths.progressDir, f.file.path)));
  for (const entry of index.archives) {
    if (!onDisk.has(entry.file)) problems.push({ file: paths.ledgerIndex, line: 0, reason: `${entry.file}: listed but missing` });
  }
  for (const f of files.filter((s) => s.file.archive)) {
    const name = relative(paths.progressDir, f.file.path);
    if (!f.file.entry) problems.push({ file: paths.ledgerIndex, line: 0, reason: `${name}: archive not listed` });
    else if (f.file.entry.count !== f.count + f.badLines.size) {
      problems.push({ file: paths.ledgerIndex, line: 0, reason: `${name}: count is ${f.file.entry.count} but the archive holds ${f.count + f.badLines.size} lines` });
    }
  }
  return problems;
}

export {
  newTally,
  tallyRecord,
  doraMetrics,
  agentMetricsFromTally,
  tallyFiles,
  topHotspots,
  fileLines,
  endsWithNewline,
  readIndex,
  scanLedger,
  inspectLedger
};
