import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  recentSessionEvents,
  writeSessionSummary
} from "./chunk-S3IYGEUU.mjs";
import {
  writeAgentStatus
} from "./chunk-VVNNGIIL.mjs";
import {
  record,
  text
} from "./chunk-SWMAFM7K.mjs";
import {
  summarizeSession
} from "./chunk-ODGWY6BQ.mjs";
import "./chunk-NA7PXGD6.mjs";
import "./chunk-UUWVYSF5.mjs";
import "./chunk-S7C5I3I7.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-KXSSGPKY.mjs";
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
