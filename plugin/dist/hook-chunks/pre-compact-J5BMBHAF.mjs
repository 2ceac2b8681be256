import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  recentSessionEvents,
  summarizeSession,
  writeSessionSummary
} from "./chunk-HELSB52N.mjs";
import {
  writeAgentStatus
} from "./chunk-IQDNE4NT.mjs";
import {
  record,
  text
} from "./chunk-HU4GBKGQ.mjs";
import "./chunk-CPXVIHDN.mjs";
import "./chunk-FOMAKOLI.mjs";
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
