import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  renderSessionSummary
} from "./chunk-ODGWY6BQ.mjs";
import {
  readSessionEvents
} from "./chunk-HRINFOH6.mjs";
import {
  eventDay
} from "./chunk-4WRLVYEW.mjs";
import {
  sessionSummaryFile
} from "./chunk-AV66IWWN.mjs";
import {
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";

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
  recentSessionEvents,
  writeSessionSummary
};
