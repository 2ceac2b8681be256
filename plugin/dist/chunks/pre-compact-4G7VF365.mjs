import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  recentSessionEvents,
  writeSessionSummary
} from "./chunk-3YMKCLLZ.mjs";
import {
  writeAgentStatus
} from "./chunk-3XTFE42T.mjs";
import {
  record,
  text
} from "./chunk-VKDS3XHJ.mjs";
import {
  summarizeSession
} from "./chunk-ODGWY6BQ.mjs";
import "./chunk-WNXPB7JF.mjs";
import "./chunk-BSF6SWF2.mjs";
import "./chunk-7AA73NGY.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-TFDMC74X.mjs";
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
