import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  displayTime,
  renderMonthlyReport,
  renderStats,
  renderTrendSvg
} from "./chunk-DTV5SS4C.mjs";
import {
  compileQuery,
  parseTypes
} from "./chunk-BCDHJ4YU.mjs";
import {
  agentMetricsFromTally,
  doraMetrics,
  newTally,
  scanLedger,
  tallyFiles,
  tallyRecord,
  topHotspots
} from "./chunk-HIYGOJAB.mjs";
import {
  printJson,
  terminalWidth
} from "./chunk-HAHLE5FJ.mjs";
import {
  lessonText,
  monthWindows,
  parseTimeBound,
  timestampMs
} from "./chunk-2VKVEHDW.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";
import {
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";

// scripts/cli/ledger-query.ts
import { once } from "node:events";
import { dirname, relative } from "node:path";

// scripts/adapters/report-files.ts
function writeReportFile(file, text) {
  writeFileAtomic(file, text);
}

// scripts/cli/ledger-query.ts
var DAY_MS = 864e5;
var shown = (file) => relative(process.cwd(), file) || file;
function window(opts) {
  const now = Date.now();
  return {
    sinceMs: opts.since ? parseTimeBound(opts.since, now, "since", "--since") : void 0,
    untilMs: opts.until ? parseTimeBound(opts.until, now, "until", "--until") : void 0
  };
}
function warnUnreadable(stats) {
  if (stats.unreadable) process.stderr.write(`relay: skipped ${stats.unreadable} unreadable line${stats.unreadable === 1 ? "" : "s"}; see: relay ledger validate
`);
}
var OUTPUT_BYTES = 1 << 16;
function bufferedStdout() {
  let buf = Buffer.allocUnsafe(OUTPUT_BYTES);
  let used = 0;
  const send = async (data) => {
    if (!process.stdout.write(data)) await once(process.stdout, "drain");
  };
  const flush = async () => {
    if (!used) return;
    const full = buf.subarray(0, used);
    buf = Buffer.allocUnsafe(OUTPUT_BYTES);
    used = 0;
    await send(full);
  };
  return {
    flush,
    async write(text) {
      if (used + text.length * 3 > OUTPUT_BYTES) await flush();
      if (text.length * 3 > OUTPUT_BYTES) await send(text);
      else used += buf.write(text, used);
    }
  };
}
var detached = (slice) => Buffer.from(slice).toString();
async function queryCommand(opts) {
  const paths = currentProject();
  const win = window(opts);
  const fields = opts.field?.split(",").map((f) => f.trim()).filter(Boolean);
  const query = compileQuery({ grep: opts.grep, fields, types: parseTypes(opts.type), ...win });
  const stats = { files: 0, unreadable: 0 };
  const matches = scanLedger(paths, query, win, stats);
  if (opts.json && opts.limit === void 0) {
    const out = bufferedStdout();
    let first = true;
    for (const { raw } of matches) {
      await out.write(first ? "[\n" : ",\n");
      await out.write(raw);
      first = false;
    }
    await out.write(first ? "[]\n" : "\n]\n");
    await out.flush();
  } else {
    let kept = [];
    for (const { record, raw } of matches) {
      kept.push({ record, raw: opts.json ? detached(raw) : "" });
      if (opts.limit !== void 0 && kept.length >= 2 * opts.limit) kept = kept.slice(-opts.limit);
    }
    if (opts.limit !== void 0) kept = kept.slice(-opts.limit);
    if (opts.json) process.stdout.write(kept.length ? `[
${kept.map((m) => m.raw).join(",\n")}
]
` : "[]\n");
    else process.stdout.write(renderRecordTable(kept.map((m) => m.record), fields, stats.files));
  }
  warnUnreadable(stats);
}
var oneLine = (text) => text.replace(/\s+/g, " ").trim();
function detailOf(record, fields) {
  if (fields) {
    const value = record[fields[0].split(".")[0]];
    return typeof value === "string" ? value : value === void 0 ? "" : JSON.stringify(value);
  }
  const text = [record.summary, record.root_cause, lessonText(record.lesson_learned)].find((v) => typeof v === "string");
  return text ?? "";
}
function alignedTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fixed = widths.slice(0, -1).reduce((a, b) => a + b + 2, 0);
  const last = Math.max(20, terminalWidth() - fixed);
  const line = (cells) => cells.map((c, i) => i === cells.length - 1 ? c.length > last ? `${c.slice(0, last - 1)}\u2026` : c : c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
function renderRecordTable(records, fields, files) {
  if (!records.length) return `no matching records (searched ${files} file${files === 1 ? "" : "s"})
`;
  const rows = records.map((r) => [
    typeof r.timestamp === "string" ? displayTime(r.timestamp).replace(" UTC", "") : "?",
    String(r.type ?? "?"),
    String(r.task_id ?? "?"),
    typeof r.status === "string" ? r.status : "",
    oneLine(detailOf(r, fields))
  ]);
  const header = ["WHEN (UTC)", "TYPE", "TASK", "STATUS", fields ? fields[0].toUpperCase() : "DETAIL"];
  return `${alignedTable(header, rows)}
${records.length} record${records.length === 1 ? "" : "s"}
`;
}
async function hotspotsCommand(opts) {
  const paths = currentProject();
  const win = window(opts);
  const query = compileQuery({ fields: ["files_modified"], types: parseTypes(opts.type), ...win });
  const files = /* @__PURE__ */ new Map();
  const stats = { files: 0, unreadable: 0 };
  let records = 0;
  for (const { record } of scanLedger(paths, query, win, stats)) {
    records++;
    tallyFiles(files, record);
  }
  const hotspots = topHotspots(files, opts.limit ?? 10);
  if (opts.json) printJson({ schema: "relay.ledger.hotspots/v1", window: isoWindow(win), records, hotspots });
  else if (!hotspots.length) process.stdout.write("no files_modified recorded in this window\n");
  else process.stdout.write(`${alignedTable(["CHANGES", "LAST (UTC)", "FILE"], hotspots.map((h) => [String(h.count), displayTime(h.last_modified).replace(" UTC", ""), h.file]))}
`);
  warnUnreadable(stats);
}
var isoWindow = (win) => ({
  since: win.sinceMs === void 0 ? null : new Date(win.sinceMs).toISOString(),
  until: win.untilMs === void 0 ? null : new Date(win.untilMs).toISOString()
});
async function statsCommand(opts) {
  const paths = currentProject();
  const given = window(opts);
  const untilMs = given.untilMs ?? Date.now();
  const win = { sinceMs: given.sinceMs ?? untilMs - 30 * DAY_MS, untilMs };
  const tally = newTally();
  const stats = { files: 0, unreadable: 0 };
  for (const { record } of scanLedger(paths, compileQuery(win), win, stats)) tallyRecord(tally, record);
  const dora = doraMetrics(tally, win);
  const agent = agentMetricsFromTally(tally);
  const days = Math.round((win.untilMs - win.sinceMs) / DAY_MS * 10) / 10;
  if (opts.json) {
    printJson({ schema: "relay.ledger.stats/v1", window: { ...isoWindow(win), days }, records: { total: tally.records, by_type: tally.byType }, dora, agent });
  } else {
    process.stdout.write(renderStats({ ...win, days, records: tally.records, byType: tally.byType, dora, agent }));
  }
  warnUnreadable(stats);
}
async function reportCommand(opts) {
  const paths = currentProject();
  const months = monthWindows(opts.month, opts.months ?? 6).map((m) => ({ ...m, tally: newTally() }));
  const current = months.at(-1);
  const win = { sinceMs: months[0].sinceMs, untilMs: current.untilMs };
  const files = /* @__PURE__ */ new Map();
  const data = { months, generatedAt: (/* @__PURE__ */ new Date()).toISOString(), incidents: [], lessons: [], hotspots: [] };
  const stats = { files: 0, unreadable: 0 };
  for (const { record } of scanLedger(paths, compileQuery(win), win, stats)) {
    const at = timestampMs(record.timestamp);
    const bucket = months.find((m) => at >= m.sinceMs && at <= m.untilMs);
    tallyRecord(bucket.tally, record);
    if (bucket !== current) continue;
    tallyFiles(files, record);
    const lesson = lessonText(record.lesson_learned);
    if (lesson) data.lessons.push({ task_id: String(record.task_id), text: oneLine(lesson) });
    if (record.type === "incident") {
      const text = (v) => typeof v === "string" ? oneLine(v) : void 0;
      data.incidents.push({ task_id: String(record.task_id), severity: text(record.severity), root_cause: text(record.root_cause), fix: text(record.fix), duration_minutes: typeof record.duration_minutes === "number" ? record.duration_minutes : void 0 });
    }
  }
  data.hotspots = topHotspots(files, 10);
  const svgPath = opts.svg ?? (opts.out ? opts.out.replace(/(\.md)?$/i, ".svg") : void 0);
  if (svgPath) {
    writeReportFile(svgPath, renderTrendSvg(months));
    data.chart = relative(opts.out ? dirname(opts.out) : process.cwd(), svgPath);
  }
  const markdown = renderMonthlyReport(data);
  if (opts.out) {
    writeReportFile(opts.out, markdown);
    process.stdout.write(`relay: wrote ${shown(opts.out)}${svgPath ? ` and ${shown(svgPath)}` : ""}
`);
  } else {
    process.stdout.write(markdown);
    if (svgPath) process.stderr.write(`relay: wrote ${shown(svgPath)}
`);
  }
  warnUnreadable(stats);
}

export {
  shown,
  queryCommand,
  hotspotsCommand,
  statsCommand,
  reportCommand
};
