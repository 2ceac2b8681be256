/**
 * OpenAI Codex CLI. Its hooks (SessionStart, UserPromptSubmit, PreToolUse, PostToolUse, Stop)
 * send Claude-like payloads: `tool_name` "Bash" for its shell tool, `tool_input.command`, but
 * `tool_response` is the output as a plain string. Codex has no SessionEnd.
 */
import type { HookDialect } from './dialect.ts';

const RECORDED = new Set(['SessionStart', 'UserPromptSubmit', 'PostToolUse', 'Stop']);

export const codexHooks: HookDialect = {
  name: 'codex',
  events: ['SessionStart', 'UserPromptSubmit', 'PostToolUse', 'Stop'],
  translate(event, payload) {
    if (!RECORDED.has(event)) return null;
    const base = { ...payload, agent_type: 'codex' };
    if (event === 'PostToolUse' && typeof payload.tool_response === 'string') {
      return { event, payload: { ...base, tool_response: { stdout: payload.tool_response } } };
    }
    return { event, payload: base };
  },
  // Codex documents additionalContext for prompts and tools, not for SessionStart: say nothing.
  answer: () => undefined,
};
