import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  redactValue
} from "./chunk-C7THR5JC.mjs";
import {
  eventDay
} from "./chunk-KHAQNFQS.mjs";
import {
  appendLine,
  safeSegment
} from "./chunk-FBIE3MHA.mjs";

// scripts/adapters/event-ledger.ts
import { randomUUID } from "node:crypto";
import { join } from "node:path";
function eventLedgerFile(root, agent, timestamp) {
  return join(root, ".agents-os", "ledger", safeSegment(agent, "unknown"), `${eventDay(timestamp)}.jsonl`);
}
function appendEvent(root, event) {
  const timestamp = event.timestamp ?? (/* @__PURE__ */ new Date()).toISOString();
  const line = redactValue({ ...event, id: randomUUID(), timestamp, agent: safeSegment(event.agent, "unknown") });
  appendLine(eventLedgerFile(root, line.agent, timestamp), JSON.stringify(line));
  return line;
}

export {
  appendEvent
};
