/**
 * Hook payloads in the shapes Claude Code 2.1.197 sends (captured from the real binary with
 * a hook that dumped its stdin; see the e2e test for the live run).
 */
export function hookPayloads(cwd: string, sessionId = 'sess-0001') {
  const base = { session_id: sessionId, transcript_path: `/tmp/claude-home/.claude/projects/p/${sessionId}.jsonl`, cwd };
  const turn = { ...base, prompt_id: 'prompt-1', permission_mode: 'bypassPermissions', effort: { level: 'high' } };
  let toolUses = 0;
  const toolUseId = () => `toolu_${String(++toolUses).padStart(24, '0')}`;
  return {
    sessionStart: (source = 'startup') => ({ ...base, hook_event_name: 'SessionStart', source }),
    userPrompt: (prompt: string) => ({ ...turn, hook_event_name: 'UserPromptSubmit', prompt }),
    write: (filePath: string, content: string) => ({
      ...turn, hook_event_name: 'PostToolUse', tool_name: 'Write', tool_input: { file_path: filePath, content },
      tool_response: { type: 'create', filePath, content, structuredPatch: [], originalFile: null, userModified: false },
      tool_use_id: toolUseId(), duration_ms: 13,
    }),
    edit: (filePath: string, oldString: string, newString: string) => ({
      ...turn, hook_event_name: 'PostToolUse', tool_name: 'Edit',
      tool_input: { file_path: filePath, old_string: oldString, new_string: newString, replace_all: false },
      tool_response: { filePath, oldString, newString, originalFile: `${oldString}\n`, structuredPatch: [], userModified: false, replaceAll: false },
      tool_use_id: toolUseId(), duration_ms: 4,
    }),
    bash: (command: string, stdout = '', stderr = '') => ({
      ...turn, hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_input: { command, description: 'run it' },
      tool_response: { stdout, stderr, interrupted: false, isImage: false, noOutputExpected: false },
      tool_use_id: toolUseId(), duration_ms: 11,
    }),
    /** A Bash that exits non-zero reaches hooks as PostToolUseFailure, with the output in `error`. */
    bashFailure: (command: string, exitCode: number, output: string) => ({
      ...turn, hook_event_name: 'PostToolUseFailure', tool_name: 'Bash', tool_input: { command, description: 'run it' },
      tool_use_id: toolUseId(), error: `Exit code ${exitCode}\n${output}`, is_interrupt: false, duration_ms: 56,
    }),
    stop: (lastMessage = 'done') => ({ ...turn, hook_event_name: 'Stop', stop_hook_active: false, last_assistant_message: lastMessage, background_tasks: [], session_crons: [] }),
    subagentStop: (agentType: string) => ({
      ...turn, agent_id: 'a9cf8e593ac8682f0', agent_type: agentType, hook_event_name: 'SubagentStop', stop_hook_active: false,
      agent_transcript_path: `/tmp/claude-home/.claude/projects/p/${sessionId}/subagents/agent-a9cf8e593ac8682f0.jsonl`,
      last_assistant_message: 'sub done', background_tasks: [], session_crons: [],
    }),
    stopFailure: () => ({ ...turn, hook_event_name: 'StopFailure', error: 'unknown', last_assistant_message: 'API Error: 400 bad request' }),
    preCompact: (trigger = 'manual') => ({ ...base, prompt_id: 'prompt-2', hook_event_name: 'PreCompact', trigger, custom_instructions: null }),
    sessionEnd: (reason = 'other') => ({ ...base, hook_event_name: 'SessionEnd', reason }),
  };
}
