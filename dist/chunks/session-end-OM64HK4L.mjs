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

// scripts/hooks/session-end.ts
function onSessionEnd(ctx) {
  const reason = text(ctx.payload.reason) ?? "unknown";
  const earlier = ctx.sessionId ? recentSessionEvents(ctx.root, ctx.sessionId) : [];
  const totals = summarizeSession(ctx.sessionId ?? "", earlier);
  const line = record(ctx, "session_end", `session ended (${reason})`, {
    reason,
    tool_calls: totals.tools.reduce((n, t) => n + t.calls, 0),
    errors: totals.errors.length,
    files_touched: totals.files.length
  });
  if (ctx.sessionId) writeSessionSummary(ctx.root, ctx.agent, summarizeSession(ctx.sessionId, [...earlier, line]));
  writeAgentStatus(ctx, "idle", line);
  return void 0;
}
export {
  onSessionEnd
};
