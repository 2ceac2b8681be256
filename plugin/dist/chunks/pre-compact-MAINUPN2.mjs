import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  recentSessionEvents,
  writeSessionSummary
} from "./chunk-QNAGY5V2.mjs";
import {
  record,
  text
} from "./chunk-TXQ46D22.mjs";
import {
  summarizeSession
} from "./chunk-ODGWY6BQ.mjs";
import "./chunk-VIOF3M32.mjs";
import {
  writeAgentStatus
} from "./chunk-PVKVP5I3.mjs";
import "./chunk-2NOKQDC2.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-7NBSHMZE.mjs";
import "./chunk-62XEB27W.mjs";
import "./chunk-NZBZCSN3.mjs";

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
