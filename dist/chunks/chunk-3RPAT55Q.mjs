import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  renderSessionSummary
} from "./chunk-WX7IJEI2.mjs";
import {
  readSessionEvents
} from "./chunk-JFCSYNHO.mjs";
import {
  eventDay
} from "./chunk-KHAQNFQS.mjs";
import {
  projectPaths,
  safeSegment,
  writeFileAtomic
} from "./chunk-FBIE3MHA.mjs";

// scripts/hooks/session-memory.ts
import { join } from "node:path";
var DAY_MS = 864e5;
function recentSessionEvents(root, sessionId, now = Date.now()) {
  const days = [now - DAY_MS, now].map((t) => eventDay(new Date(t).toISOString()));
  return readSessionEvents(root, sessionId, days);
}
function sessionSummaryFile(root, agent, summary) {
  const day = eventDay(summary.startedAt || (/* @__PURE__ */ new Date()).toISOString());
  return join(projectPaths(root).memoryDir, safeSegment(agent), "sessions", `${day}-${safeSegment(summary.sessionId)}.md`);
}
function writeSessionSummary(root, agent, summary) {
  const file = sessionSummaryFile(root, agent, summary);
  writeFileAtomic(file, renderSessionSummary(summary));
  return file;
}

export {
  recentSessionEvents,
  writeSessionSummary
};
