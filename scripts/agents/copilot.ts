/**
 * GitHub Copilot CLI. Its camelCase hooks (`.github/hooks/*.json`) send camelCase payloads:
 * `sessionId`, `toolName`, `toolArgs` (an object in 1.0.102; a JSON string in older docs), `toolResult{resultType,textResultForLlm}`;
 * an `errorOccurred` event carries `error{message}`. Its sessionStart takes no context back.
 */
import type { HookPayload } from '../hooks/context.ts';
import type { HookDialect } from './dialect.ts';

const EVENTS: Record<string, string> = {
  sessionStart: 'SessionStart',
  userPromptSubmitted: 'UserPromptSubmit',
  postToolUse: 'PostToolUse',
  postToolUseFailure: 'PostToolUseFailure',
  agentStop: 'Stop',
  errorOccurred: 'StopFailure',
  sessionEnd: 'SessionEnd',
};

function argsOf(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw ?? {};
  try {
    return JSON.parse(raw);
  } catch {
    return { command: raw };
  }
}

const messageOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof (value as { message?: unknown })?.message === 'string' ? (value as { message: string }).message : undefined;

export const copilotHooks: HookDialect = {
  name: 'copilot',
  events: Object.keys(EVENTS),
  translate(event, payload) {
    const mapped = EVENTS[event];
    if (!mapped) return null;
    const base: HookPayload = { ...payload, agent_type: 'copilot', session_id: payload.sessionId ?? payload.session_id, transcript_path: payload.transcriptPath };
    if (event === 'sessionStart') return { event: mapped, payload: { ...base, source: payload.source === 'new' ? 'startup' : payload.source } };
    if (event === 'postToolUse' || event === 'postToolUseFailure') {
      const result = (payload.toolResult ?? {}) as { resultType?: unknown; textResultForLlm?: unknown };
      const tool = { ...base, tool_name: payload.toolName, tool_input: argsOf(payload.toolArgs) };
      const failed = event === 'postToolUseFailure' || (result.resultType !== undefined && result.resultType !== 'success');
      return failed
        ? { event: 'PostToolUseFailure', payload: { ...tool, error: messageOf(payload.error) ?? (typeof result.textResultForLlm === 'string' ? result.textResultForLlm : 'failed') } }
        : { event: mapped, payload: { ...tool, tool_response: { stdout: typeof result.textResultForLlm === 'string' ? result.textResultForLlm : '' } } };
    }
    if (event === 'errorOccurred') return { event: mapped, payload: { ...base, error: messageOf(payload.error) ?? 'error' } };
    return { event: mapped, payload: base };
  },
  answer: () => undefined,
};
