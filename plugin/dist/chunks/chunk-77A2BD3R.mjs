import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  LedgerIndex,
  recordProblem,
  timestampMs
} from "./chunk-ZYKQ7B5J.mjs";
import {
  progressArchiveFile
} from "./chunk-6DSS6ZB5.mjs";
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

// scripts/core/episodic/render.ts
var dash = "\u2014";
var minutesText = (m) => m === null ? dash : m >= 120 ? `${(m / 60).toFixed(1)} h` : `${m} min`;
var percent = (r) => r === null ? dash : `${(r * 100).toFixed(1)}%`;
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function displayTime(timestamp) {
  const ms = timestampMs(timestamp);
  return ms === void 0 ? timestamp : `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
function section(title, lines) {
  const body = lines.filter((l) => Boolean(l));
  return body.length ? `### ${title}
${body.join("\n")}
` : "";
}
function linesChanged(value) {
  if (value === void 0) return void 0;
  return typeof value === "number" ? `- Lines changed: ${value}` : `- Lines changed: +${value.added} / -${value.removed}`;
}
function lessonLines(lesson) {
  if (lesson === void 0) return [];
  if (typeof lesson === "string") return [lesson];
  return [
    lesson.context && `- **Context:** ${lesson.context}`,
    lesson.what_went_wrong && `- **What went wrong:** ${lesson.what_went_wrong}`,
    `- **What we learned:** ${lesson.what_we_learned}`,
    lesson.confidence && `- **Confidence:** ${lesson.confidence}`
  ].filter((l) => Boolean(l));
}
function doraLines(impact) {
  if (impact === void 0) return [];
  if (typeof impact === "string") return [`- ${impact}`];
  return Object.entries(impact).map(([key, value]) => `- ${key.replace(/_/g, " ")}: ${value}`);
}
function renderNotesSection(record) {
  const facts = [
    record.status && `**Status:** ${record.status}`,
    record.severity && `**Severity:** ${record.severity}`,
    record.duration_minutes !== void 0 && `**Duration:** ${record.duration_minutes} min`,
    record.attempts !== void 0 && `**Attempts:** ${record.attempts}`,
    record.cost_usd !== void 0 && `**Cost:** $${record.cost_usd.toFixed(2)}`,
    record.skills_used?.length && `**Skills:** ${record.skills_used.join(", ")}`
  ].filter(Boolean);
  const files = record.files_modified?.length ? `- Files modified: ${record.files_modified.map((f) => `\`${f}\``).join(", ")}` : void 0;
  const tests = record.tests_passed === void 0 ? void 0 : `- Tests passed: ${typeof record.tests_passed === "number" ? record.tests_passed : record.tests_passed ? "yes" : "no"}`;
  const deployed = record.deployment_time ?? (record.type === "deployment" ? record.timestamp : void 0);
  const actions = typeof record.lesson_learned === "object" ? record.lesson_learned.action_items : [];
  return [
    `## ${displayTime(record.timestamp)} \xB7 ${record.type.replace(/_/g, " ")} \xB7 ${record.task_id}
`,
    section("Summary", [record.summary, facts.length > 0 && facts.join(" \xB7 ")]),
    section("Root cause", [record.root_cause]),
    section("Fix", [record.fix]),
    section("Verification", [record.verification, tests, linesChanged(record.lines_changed), files]),
    section("Deployment", [deployed && `- Deployed: ${displayTime(deployed)}`, record.type === "deployment" && record.duration_minutes !== void 0 && `- Lead time: ${record.duration_minutes} min`]),
    section("Lessons", lessonLines(record.lesson_learned)),
    section("Follow-ups", [...actions, ...record.follow_ups ?? []].map((item) => `- [ ] ${item}`)),
    section("DORA", doraLines(record.dora_impact))
  ].filter(Boolean).join("\n");
}
var NOTES_HEADER = "# Notes\n\nOne section per episodic ledger record (progress/ledger.jsonl), newest last. Written by `relay ledger add`.\n";
function trend(now, before, higherIsBetter) {
  if (now === null || before === null) return dash;
  if (now === before) return "=";
  const better = now > before === higherIsBetter;
  return `${now > before ? "\u25B2" : "\u25BC"} ${better ? "better" : "worse"}`;
}
function monthRow(m) {
  const dora = doraMetrics(m.tally, m);
  const agent = agentMetricsFromTally(m.tally);
  return { month: m.month, dora, agent, incidents: m.tally.byType.incident ?? 0, tasks: m.tally.byType.task_completion ?? 0 };
}
function renderMonthlyReport(data) {
  const rows = data.months.map(monthRow);
  const current = rows[rows.length - 1];
  const previous = rows.length > 1 ? rows[rows.length - 2] : void 0;
  const c = current.dora, p = previous?.dora;
  const compare = (label, now, before, arrow) => `| ${label} | ${now} | ${before} | ${arrow} |`;
  const lines = [
    `# Episodic ledger report: ${current.month}`,
    "",
    `Generated ${data.generatedAt} from progress/ledger.jsonl and its archives: ${plural(data.months.at(-1).tally.records, "record")} this month.`,
    "",
    "## DORA this month",
    "",
    `| Metric | ${current.month} | ${previous?.month ?? "previous"} | Trend |`,
    "| --- | --- | --- | --- |",
    compare("Deployment frequency", `${c.deployment_frequency.per_week}/week`, p ? `${p.deployment_frequency.per_week}/week` : dash, trend(c.deployment_frequency.per_week, p?.deployment_frequency.per_week ?? null, true)),
    compare("Lead time (median)", minutesText(c.lead_time_minutes.median), minutesText(p?.lead_time_minutes.median ?? null), trend(c.lead_time_minutes.median, p?.lead_time_minutes.median ?? null, false)),
    compare("Lead time (p90)", minutesText(c.lead_time_minutes.p90), minutesText(p?.lead_time_minutes.p90 ?? null), trend(c.lead_time_minutes.p90, p?.lead_time_minutes.p90 ?? null, false)),
    compare("Change failure rate", percent(c.change_failure_rate), percent(p?.change_failure_rate ?? null), trend(c.change_failure_rate, p?.change_failure_rate ?? null, false)),
    compare("Time to restore (median)", minutesText(c.time_to_restore_minutes.median), minutesText(p?.time_to_restore_minutes.median ?? null), trend(c.time_to_restore_minutes.median, p?.time_to_restore_minutes.median ?? null, false)),
    compare("First-pass success (relay work)", percent(current.agent?.first_pass_success_rate ?? null), percent(previous?.agent?.first_pass_success_rate ?? null), trend(current.agent?.first_pass_success_rate ?? null, previous?.agent?.first_pass_success_rate ?? null, true)),
    "",
    `## Trend over ${rows.length} months`,
    "",
    "| Month | Deploys | Lead time (median) | Change failure rate | Time to restore (median) | Incidents | Tasks | First-pass |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.month} | ${r.dora.deployments} | ${minutesText(r.dora.lead_time_minutes.median)} | ${percent(r.dora.change_failure_rate)} | ${minutesText(r.dora.time_to_restore_minutes.median)} | ${r.incidents} | ${r.tasks} | ${percent(r.agent?.first_pass_success_rate ?? null)} |`),
    "",
    ...data.chart ? [`![Deployments and failed changes per month](${data.chart})`, ""] : [],
    "## Records this month",
    "",
    ...Object.keys(data.months.at(-1).tally.byType).length ? Object.entries(data.months.at(-1).tally.byType).sort(([a], [b]) => a.localeCompare(b)).map(([type, n]) => `- ${type}: ${n}`) : ["No records."],
    "",
    "## Incidents",
    "",
    ...data.incidents.length ? data.incidents.map((i) => `- **${i.task_id}**${i.severity ? ` (${i.severity})` : ""}${i.duration_minutes !== void 0 ? `, restored in ${minutesText(i.duration_minutes)}` : ""}: ${i.root_cause ?? "root cause not recorded"}${i.fix ? `. Fix: ${i.fix}` : ""}`) : ["None recorded."],
    "",
    "## Lessons learned",
    "",
    ...data.lessons.length ? data.lessons.map((l) => `- ${l.text} (${l.task_id})`) : ["None recorded."],
    "",
    "## Hotspots (files most often modified)",
    "",
    ...data.hotspots.length ? ["| File | Changes |", "| --- | --- |", ...data.hotspots.map((h) => `| \`${h.file}\` | ${h.count} |`)] : ["No files recorded."],
    ""
  ];
  return lines.join("\n");
}
var escapeXml = (text) => text.replace(/[<>&"]/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[ch]);
function renderTrendSvg(months) {
  const width = 640, height = 260, left = 40, bottom = 40, top = 30;
  const plotHeight = height - top - bottom;
  const slot = (width - left - 10) / Math.max(1, months.length);
  const max = Math.max(1, ...months.map((m) => m.tally.deployments), ...months.map((m) => m.tally.failedChanges));
  const bar = (value, x, colour, label) => {
    const h = value / max * plotHeight;
    return `<rect x="${x.toFixed(1)}" y="${(top + plotHeight - h).toFixed(1)}" width="${(slot * 0.35).toFixed(1)}" height="${h.toFixed(1)}" fill="${colour}"><title>${escapeXml(label)}: ${value}</title></rect>`;
  };
  const parts = months.flatMap((m, i) => {
    const x = left + i * slot + slot * 0.1;
    return [
      bar(m.tally.deployments, x, "#2f6fdd", `${m.month} deployments`),
      bar(m.tally.failedChanges, x + slot * 0.4, "#d64545", `${m.month} failed changes`),
      `<text x="${(x + slot * 0.375).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" font-size="11">${escapeXml(m.month)}</text>`
    ];
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<text x="${left}" y="18" font-size="13">Deployments (blue) and failed changes (red) per month</text>`,
    `<line x1="${left}" y1="${top + plotHeight}" x2="${width - 10}" y2="${top + plotHeight}" stroke="#888"/>`,
    `<text x="${left - 6}" y="${top + 4}" text-anchor="end" font-size="10">${max}</text>`,
    `<text x="${left - 6}" y="${top + plotHeight}" text-anchor="end" font-size="10">0</text>`,
    ...parts,
    "</svg>",
    ""
  ].join("\n");
}
function renderStats(view) {
  const { dora, agent } = view;
  const day = (ms) => new Date(ms).toISOString().slice(0, 10);
  const spread2 = (s) => s.samples ? `median ${minutesText(s.median)} \xB7 p90 ${minutesText(s.p90)} (${plural(s.samples, "sample")})` : "no samples (duration_minutes)";
  const row = (label, value) => `  ${label.padEnd(24)}${value}`;
  const lines = [
    `Episodic ledger ${day(view.sinceMs)} \u2192 ${day(view.untilMs)} (${view.days} days): ${plural(view.records, "record")}`,
    ...view.records ? [`  ${Object.entries(view.byType).map(([t, n]) => `${t} ${n}`).join(" \xB7 ")}`] : [],
    "",
    "DORA",
    row("Deployment frequency", `${dora.deployment_frequency.per_week}/week (${dora.deployment_frequency.per_day}/day), ${plural(dora.deployments, "deployment")}`),
    row("Lead time", spread2(dora.lead_time_minutes)),
    row("Change failure rate", dora.change_failure_rate === null ? `${dash} (no deployments)` : `${percent(dora.change_failure_rate)} (${dora.failed_changes} of ${dora.deployments})`),
    row("Time to restore", spread2(dora.time_to_restore_minutes))
  ];
  if (agent) {
    lines.push(
      "",
      `Agents (relay work, from the ${agent.source === "attempt-ledger" ? "attempt ledger" : "task_completion records"})`,
      row("First-pass success", `${percent(agent.first_pass_success_rate)} of ${plural(agent.tasks, "task")}`),
      row("Attempts per task", String(agent.attempts_per_task)),
      row("Cost per task", agent.cost_per_task_usd === null ? `${dash} (no costs reported)` : `$${agent.cost_per_task_usd.toFixed(2)} (total $${agent.total_cost_usd.toFixed(2)})`)
    );
  }
  return `${lines.join("\n")}
`;
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
  displayTime,
  renderNotesSection,
  NOTES_HEADER,
  renderMonthlyReport,
  renderTrendSvg,
  renderStats,
  fileLines,
  endsWithNewline,
  readIndex,
  scanLedger,
  inspectLedger
};
