/**
 * SessionEnd: record `session_end` with the session's totals and write its summary to
 * `.agents-os/memory/<agent>/sessions/<date>-<session>.md`.
 */
import { summarizeSession } from '../core/events/session-summary.ts';
import { record, text, type HookContext } from './context.ts';
import { writeAgentStatus } from '../adapters/agent-status.ts';
import { recentSessionEvents, writeSessionSummary } from '../adapters/session-summaries.ts';

export function onSessionEnd(ctx: HookContext): undefined {
  const reason = text(ctx.payload.reason) ?? 'unknown';
  const earlier = ctx.sessionId ? recentSessionEvents(ctx.root, ctx.sessionId) : [];
  const totals = summarizeSession(ctx.sessionId ?? '', earlier);
  const line = record(ctx, 'session_end', `session ended (${reason})`, {
    reason,
    tool_calls: totals.tools.reduce((n, t) => n + t.calls, 0),
    errors: totals.errors.length,
    files_touched: totals.files.length,
  });
  if (ctx.sessionId) writeSessionSummary(ctx.root, ctx.agent, summarizeSession(ctx.sessionId, [...earlier, line]));
  writeAgentStatus(ctx, 'idle', line);
  return undefined;
}
