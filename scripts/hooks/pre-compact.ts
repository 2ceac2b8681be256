/**
 * PreCompact: the conversation is about to be summarised away. Record it, and snapshot the
 * session summary to memory now, so what the session did survives even if it never ends
 * cleanly; the SessionStart(compact) that follows re-anchors from the same events.
 */
import { summarizeSession } from '../core/events/session-summary.ts';
import { record, text, type HookContext } from './context.ts';
import { writeAgentStatus } from '../adapters/agent-status.ts';
import { recentSessionEvents, writeSessionSummary } from '../adapters/session-summaries.ts';

export function onPreCompact(ctx: HookContext): undefined {
  const trigger = text(ctx.payload.trigger) ?? 'unknown';
  const line = record(ctx, 'heartbeat', `compacting the conversation (${trigger})`, { hook: 'PreCompact', trigger });
  if (ctx.sessionId) writeSessionSummary(ctx.root, ctx.agent, summarizeSession(ctx.sessionId, recentSessionEvents(ctx.root, ctx.sessionId)));
  writeAgentStatus(ctx, 'busy', line);
  return undefined;
}
