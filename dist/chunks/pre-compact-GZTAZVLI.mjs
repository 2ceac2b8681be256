import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  recentSessionEvents,
  writeSessionSummary
} from "./chunk-3RPAT55Q.mjs";
import {
  writeAgentStatus
} from "./chunk-AT2E6CPQ.mjs";
import {
  record,
  text
} from "./chunk-FGN5FST2.mjs";
import "./chunk-6IC42XJH.mjs";
import "./chunk-C7THR5JC.mjs";
import {
  summarizeSession
} from "./chunk-WX7IJEI2.mjs";
import "./chunk-JFCSYNHO.mjs";
import "./chunk-KHAQNFQS.mjs";
import "./chunk-FBIE3MHA.mjs";
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
