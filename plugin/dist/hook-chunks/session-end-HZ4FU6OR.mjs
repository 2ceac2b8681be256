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
