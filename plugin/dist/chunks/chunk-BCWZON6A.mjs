import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  redactValue
} from "./chunk-OTZ4R5UM.mjs";
import {
  eventDay
} from "./chunk-4WRLVYEW.mjs";
import {
  eventLedgerFile,
  safeSegment
} from "./chunk-AV66IWWN.mjs";
import {
  appendLine
} from "./chunk-JTFCDVB4.mjs";

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
