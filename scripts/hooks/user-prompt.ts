/**
 * UserPromptSubmit: the agent is busy. One heartbeat per prompt (a redacted excerpt, so a
 * session summary can say what was asked) and status.json → busy. Nothing is injected.
 */
import { redact, truncate } from '../core/shared/redact.ts';
import { record, text, type HookContext } from './context.ts';
import { writeAgentStatus } from '../adapters/agent-status.ts';

const PROMPT_EXCERPT_CHARS = 200;

export function onUserPrompt(ctx: HookContext): undefined {
  const prompt = text(ctx.payload.prompt) ?? '';
  const excerpt = truncate(redact(prompt), PROMPT_EXCERPT_CHARS);
  const line = record(ctx, 'heartbeat', `prompt: ${truncate(excerpt.replace(/\s+/g, ' '), 80)}`, {
    hook: 'UserPromptSubmit',
    prompt: excerpt,
    prompt_chars: prompt.length,
  });
  writeAgentStatus(ctx, 'busy', line);
  return undefined;
}
