import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  redactValue
} from "./chunk-S7C5I3I7.mjs";
import {
  eventDay
} from "./chunk-4WRLVYEW.mjs";
import {
  appendLine,
  eventLedgerFile,
  safeSegment
} from "./chunk-KXSSGPKY.mjs";

// scripts/adapters/event-ledger.ts
import { randomUUID } from "node:crypto";
function appendEvent(root, event) {
  const timestamp = event.timestamp ?? (/* @__PURE__ */ new Date()).toISOString();
  const line = redactValue({ ...event, id: randomUUID(), timestamp, agent: safeSegment(event.agent, "unknown") });
  appendLine(eventLedgerFile(root, line.agent, eventDay(timestamp)), JSON.stringify(line));
  return line;
}

export {
  appendEvent
};
