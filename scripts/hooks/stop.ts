/**
 * Stop, SubagentStop and StopFailure: the end of a turn.
 * - A relay worker's Stop is its `task_result` (relay work records the verdict from the receipt).
 * - Any other Stop, and a subagent's stop (under the subagent's own type), is a `heartbeat`.
 * - StopFailure (the turn died on an API error) is an `error`, and the agent's state becomes error.
 */
import { redact, truncate } from '../core/shared/redact.ts';
import { record, text, type HookContext } from './context.ts';
import { writeAgentStatus } from '../adapters/agent-status.ts';

const MESSAGE_EXCERPT_CHARS = 500;

export function onStop(ctx: HookContext): undefined {
  const { payload, hookEvent } = ctx;
  const message = text(payload.last_assistant_message);
  const lastMessage = message === undefined ? null : truncate(redact(message), MESSAGE_EXCERPT_CHARS);
  if (hookEvent === 'StopFailure') {
    const error = text(payload.error) ?? 'unknown';
    const line = record(ctx, 'error', `turn failed: ${error}`, { hook: hookEvent, error, error_details: payload.error_details ?? null, last_message: lastMessage });
    writeAgentStatus(ctx, 'error', line);
    return undefined;
  }
  const common = { hook: hookEvent, stop_hook_active: payload.stop_hook_active === true, last_message: lastMessage };
  const line = hookEvent === 'Stop' && ctx.taskId
    ? record(ctx, 'task_result', `${ctx.taskId}${ctx.attempt ? ` attempt ${ctx.attempt}` : ''}: worker turn finished`, common)
    : record(ctx, 'heartbeat', hookEvent === 'SubagentStop' ? `subagent ${ctx.agent} finished` : 'turn finished', {
      ...common,
      ...(text(payload.agent_id) ? { agent_id: payload.agent_id } : {}),
    });
  writeAgentStatus(ctx, 'idle', line);
  return undefined;
}
