import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  eventDay
} from "./chunk-HU4GBKGQ.mjs";
import {
  projectPaths,
  sessionSummaryFile
} from "./chunk-CPXVIHDN.mjs";
import {
  readTextBounded,
  writeFileAtomic
} from "./chunk-FOMAKOLI.mjs";

// scripts/core/events/session-summary.ts
var MAIN_AGENTS = /* @__PURE__ */ new Set(["claude", "relay-worker"]);
function str(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function addTo(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
function summarizeSession(sessionId, events) {
  const ordered = [...events].sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  const agents = [...new Set(ordered.map((e) => e.agent))];
  const tools = /* @__PURE__ */ new Map();
  const files = /* @__PURE__ */ new Map();
  const summary = {
    sessionId,
    agent: ordered.find((e) => e.event === "session_start")?.agent ?? agents.find((a) => MAIN_AGENTS.has(a)) ?? agents[0] ?? "unknown",
    agents,
    startedAt: ordered[0]?.timestamp ?? "",
    endedAt: ordered.at(-1)?.timestamp ?? "",
    endReason: null,
    tasks: [...new Set(ordered.map((e) => e.task_id).filter((t) => Boolean(t)))],
    prompts: 0,
    tools: [],
    files: [],
    errors: []
  };
  for (const e of ordered) {
    if (e.event === "tool_use") {
      const tool = str(e.data.tool) ?? "unknown";
      const counts = tools.get(tool) ?? { calls: 0, failed: 0 };
      counts.calls += 1;
      if (e.data.ok === false) counts.failed += 1;
      tools.set(tool, counts);
      const path = str(e.data.file_path);
      if (path && !files.get(path)?.includes(tool)) addTo(files, path, tool);
    } else if (e.event === "error") {
      summary.errors.push({ timestamp: e.timestamp, agent: e.agent, summary: e.summary, detail: str(e.data.error) ?? null });
    } else if (e.event === "heartbeat" && e.data.hook === "UserPromptSubmit") {
      summary.prompts += 1;
    } else if (e.event === "session_end") {
      summary.endReason = str(e.data.reason) ?? null;
    }
  }
  summary.tools = [...tools].map(([tool, c]) => ({ tool, ...c })).sort((a, b) => b.calls - a.calls || a.tool.localeCompare(b.tool));
  summary.files = [...files].map(([path, used]) => ({ path, tools: used })).sort((a, b) => a.path.localeCompare(b.path));
  return summary;
}
function duration(from, to) {
  const seconds = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1e3));
  if (!Number.isFinite(seconds)) return "?";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds % 3600 / 60);
  return h ? `${h}h ${m}m` : m ? `${m}m ${seconds % 60}s` : `${seconds}s`;
}
var MAX_ITEMS = 50;
function capped(items, render) {
  if (!items.length) return ["- none"];
  const lines = items.slice(0, MAX_ITEMS).map(render);
  if (items.length > MAX_ITEMS) lines.push(`- \u2026 and ${items.length - MAX_ITEMS} more`);
  return lines;
}
function oneLine(text, max) {
  const line = text.trim().replace(/\s*\n\s*/g, " \u23CE ");
  return line.length > max ? `${line.slice(0, max - 1)}\u2026` : line;
}
function renderSessionBody(s) {
  const calls = s.tools.reduce((n, t) => n + t.calls, 0);
  const others = s.agents.filter((a) => a !== s.agent);
  return [
    `- Agent: ${s.agent}${others.length ? ` (subagents: ${others.join(", ")})` : ""}`,
    `- From ${s.startedAt} to ${s.endedAt} (${duration(s.startedAt, s.endedAt)})${s.endReason ? `, ended: ${s.endReason}` : ""}`,
    `- Tasks: ${s.tasks.length ? s.tasks.join(", ") : "none"}`,
    `- Prompts: ${s.prompts} \xB7 tool calls: ${calls} \xB7 errors: ${s.errors.length}`,
    "",
    "## Tools used",
    ...capped(s.tools, (t) => `- ${t.tool}: ${t.calls}${t.failed ? ` (${t.failed} failed)` : ""}`),
    "",
    "## Files touched",
    ...capped(s.files, (f) => `- \`${f.path}\` (${f.tools.join(", ")})`),
    "",
    "## Errors",
    ...capped(s.errors, (e) => `- ${e.timestamp.slice(11, 19)}Z ${e.agent === s.agent ? "" : `[${e.agent}] `}${e.summary}${e.detail ? ` \u2014 ${oneLine(e.detail, 200)}` : ""}`)
  ].join("\n");
}
function renderSessionSummary(s) {
  return `# Session ${s.sessionId}

${renderSessionBody(s)}
`;
}

// scripts/adapters/event-reader.ts
import { readdirSync } from "node:fs";
import { join } from "node:path";
var MAX_LEDGER_FILE_BYTES = 128 * 1024 * 1024;
function subdirectories(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch (err) {
    if (err.code === "ENOENT") return [];
    throw err;
  }
}
function ledgerFiles(root, days) {
  const dir = projectPaths(root).eventLedgerDir;
  const files = [];
  for (const agent of subdirectories(dir)) {
    for (const name of readdirSync(join(dir, agent))) {
      if (name.endsWith(".jsonl") && (!days || days.includes(name.slice(0, 10)))) files.push(join(dir, agent, name));
    }
  }
  return files.sort();
}
function isEvent(value) {
  const e = value;
  return typeof e === "object" && e !== null && typeof e.id === "string" && typeof e.timestamp === "string" && typeof e.event === "string" && typeof e.agent === "string" && typeof e.summary === "string" && typeof e.data === "object" && e.data !== null;
}
function readLedgerText(file) {
  return readTextBounded(file, MAX_LEDGER_FILE_BYTES);
}
function readEventFile(file) {
  const events = [];
  for (const line of readLedgerText(file).split("\n")) {
    if (!line) continue;
    try {
      const value = JSON.parse(line);
      if (isEvent(value)) events.push(value);
    } catch {
    }
  }
  return events;
}
function readSessionEvents(root, sessionId, days) {
  const seen = /* @__PURE__ */ new Set();
  const events = [];
  for (const file of ledgerFiles(root, days)) {
    for (const e of readEventFile(file)) {
      if (e.session_id !== sessionId || seen.has(e.id)) continue;
      seen.add(e.id);
      events.push(e);
    }
  }
  return events;
}

// scripts/adapters/session-summaries.ts
var DAY_MS = 864e5;
function recentSessionEvents(root, sessionId, now = Date.now()) {
  const days = [now - DAY_MS, now].map((t) => eventDay(new Date(t).toISOString()));
  return readSessionEvents(root, sessionId, days);
}
function writeSessionSummary(root, agent, summary) {
  const file = sessionSummaryFile(root, agent, eventDay(summary.startedAt || (/* @__PURE__ */ new Date()).toISOString()), summary.sessionId);
  writeFileAtomic(file, renderSessionSummary(summary));
  return file;
}

export {
  summarizeSession,
  renderSessionBody,
  recentSessionEvents,
  writeSessionSummary
};
