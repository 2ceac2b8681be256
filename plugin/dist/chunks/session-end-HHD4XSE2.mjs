import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  recentSessionEvents,
  writeSessionSummary
} from "./chunk-UGI6OO3V.mjs";
import {
  writeAgentStatus
} from "./chunk-2VA33LGW.mjs";
import {
  record,
  text
} from "./chunk-AXKO6CQQ.mjs";
import {
  summarizeSession
} from "./chunk-ODGWY6BQ.mjs";
import "./chunk-TS6TNCTL.mjs";
import "./chunk-OGTEJDDE.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-JDKDALLM.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-62XEB27W.mjs";
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
