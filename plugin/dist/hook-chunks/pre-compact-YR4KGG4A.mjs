import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  recentSessionEvents,
  summarizeSession,
  writeSessionSummary
} from "./chunk-HOID3KMA.mjs";
import {
  writeAgentStatus
} from "./chunk-SJ4KKEUE.mjs";
import {
  record,
  text
} from "./chunk-PFWR6W2W.mjs";
import "./chunk-CPXVIHDN.mjs";
import "./chunk-K6O6O5XR.mjs";
import "./chunk-VED6ZBSN.mjs";

// scripts/hooks/pre-compact.ts
function onPreCompact(ctx) {
  const trigger = text(ctx.payload.trigger) ?? "unknown";
  const line = record(ctx, "heartbeat", `compacting the conversation (${trigger})`, { hook: "PreCompact", trigger });
  if (ctx.sessionId) writeSessionSummary(ctx.root, ctx.agent, summarizeSession(ctx.sessionId, recentSessionEvents(ctx.root, ctx.sessionId)));
  writeAgentStatus(ctx, "busy", line);
  return void 0;
}
export {
  onPreCompact
};
