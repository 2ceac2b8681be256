/**
 * Google Gemini CLI. Its hooks name things their own way: BeforeAgent carries the prompt,
 * AfterTool a `tool_response` of `{llmContent, returnDisplay, error?}` for tools such as
 * `run_shell_command`, `write_file` and `replace`, AfterAgent the turn's `prompt_response`.
 * SessionStart accepts `hookSpecificOutput.additionalContext`, so the session is re-anchored.
 */
import type { HookDialect } from './dialect.ts';

const EVENTS: Record<string, string> = {
  SessionStart: 'SessionStart',
  BeforeAgent: 'UserPromptSubmit',
  AfterTool: 'PostToolUse',
  AfterAgent: 'Stop',
  SessionEnd: 'SessionEnd',
};

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((part) => (typeof part === 'string' ? part : (part as { text?: unknown })?.text ?? '')).join('');
  return undefined;
}

export const geminiHooks: HookDialect = {
  name: 'gemini',
  events: Object.keys(EVENTS),
  translate(event, payload) {
    const mapped = EVENTS[event];
    if (!mapped) return null;
    const base = { ...payload, agent_type: 'gemini' };
    if (event === 'AfterTool') {
      const response = (payload.tool_response ?? {}) as { llmContent?: unknown; returnDisplay?: unknown; error?: unknown };
      const output = textOf(response.returnDisplay) ?? textOf(response.llmContent) ?? '';
      const error = response.error === undefined || response.error === null ? undefined : textOf((response.error as { message?: unknown }).message ?? response.error) ?? 'failed';
      return error
        ? { event: 'PostToolUseFailure', payload: { ...base, error } }
        : { event: mapped, payload: { ...base, tool_response: { stdout: output } } };
    }
    if (event === 'AfterAgent') return { event: mapped, payload: { ...base, last_assistant_message: payload.prompt_response } };
    return { event: mapped, payload: base };
  },
  answer: (event, output) => (event === 'SessionStart' ? output : undefined),
};
