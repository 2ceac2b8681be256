import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  agentMetricsFromTally,
  doraMetrics
} from "./chunk-HIYGOJAB.mjs";
import {
  timestampMs
} from "./chunk-2VKVEHDW.mjs";

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
  const spread = (s) => s.samples ? `median ${minutesText(s.median)} \xB7 p90 ${minutesText(s.p90)} (${plural(s.samples, "sample")})` : "no samples (duration_minutes)";
  const row = (label, value) => `  ${label.padEnd(24)}${value}`;
  const lines = [
    `Episodic ledger ${day(view.sinceMs)} \u2192 ${day(view.untilMs)} (${view.days} days): ${plural(view.records, "record")}`,
    ...view.records ? [`  ${Object.entries(view.byType).map(([t, n]) => `${t} ${n}`).join(" \xB7 ")}`] : [],
    "",
    "DORA",
    row("Deployment frequency", `${dora.deployment_frequency.per_week}/week (${dora.deployment_frequency.per_day}/day), ${plural(dora.deployments, "deployment")}`),
    row("Lead time", spread(dora.lead_time_minutes)),
    row("Change failure rate", dora.change_failure_rate === null ? `${dash} (no deployments)` : `${percent(dora.change_failure_rate)} (${dora.failed_changes} of ${dora.deployments})`),
    row("Time to restore", spread(dora.time_to_restore_minutes))
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

export {
  displayTime,
  renderNotesSection,
  NOTES_HEADER,
  renderMonthlyReport,
  renderTrendSvg,
  renderStats
};
