import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  recentSessionEvents,
  writeSessionSummary
} from "./chunk-IHFUWU64.mjs";
import {
  record,
  text
} from "./chunk-HQQ2TQAV.mjs";
import {
  summarizeSession
} from "./chunk-ODGWY6BQ.mjs";
import "./chunk-HRINFOH6.mjs";
import {
  writeAgentStatus
} from "./chunk-3AOP4IRD.mjs";
import "./chunk-BCWZON6A.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-JTFCDVB4.mjs";
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
