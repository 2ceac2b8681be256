// Other agent CLIs' native hooks through `relay hook --agent NAME`: payloads written here in the
// shapes their docs and our captures describe, recorded into the same ledger under the agent's name.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relay, tempProject } from '../support/project.ts';
import { ledgerLines } from './support/run-hook.ts';

const TOKEN = `ghp_${'Q9w8E7r6T5'.repeat(3)}654321`;

function project(withEpic = false): string {
  const root = tempProject();
  mkdirSync(join(root, '.agents-os'));
  if (withEpic) {
    writeFileSync(join(root, 'plan.md'), '# Billing\nCharge monthly.\n\n## Tasks\n\n### T1: Create invoices table\n- Priority: p1\n');
    expect(relay(root, ['init', 'plan.md']).code).toBe(0);
  }
  return root;
}

const hook = (root: string, agent: string, payload: Record<string, unknown>) => relay(root, ['hook', '--agent', agent], JSON.stringify({ session_id: `${agent}-sess-1`, cwd: root, ...payload }), { CLAUDE_PROJECT_DIR: '' });
const mine = (root: string, agent: string) => ledgerLines(root).filter((e) => e.agent === agent);

describe('relay hook --agent codex', () => {
  it('records a Codex session: start, prompt, a shell call with its (redacted) output, the stop; PreToolUse and the answer stay silent', () => {
    const root = project();
    const runs = [
      hook(root, 'codex', { hook_event_name: 'SessionStart', source: 'startup', model: 'gpt-5.5', permission_mode: 'bypassPermissions', transcript_path: null }),
      hook(root, 'codex', { hook_event_name: 'UserPromptSubmit', turn_id: 't1', prompt: 'create out.txt' }),
      hook(root, 'codex', { hook_event_name: 'PreToolUse', turn_id: 't1', tool_name: 'Bash', tool_input: { command: 'echo hi > out.txt' }, tool_use_id: 'call_1' }),
      hook(root, 'codex', { hook_event_name: 'PostToolUse', turn_id: 't1', tool_name: 'Bash', tool_input: { command: `echo ${TOKEN} > out.txt` }, tool_use_id: 'call_1', tool_response: `wrote it with ${TOKEN}` }),
      hook(root, 'codex', { hook_event_name: 'Stop', turn_id: 't1', stop_hook_active: false, last_assistant_message: 'Created out.txt.' }),
    ];
    for (const r of runs) expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    const events = mine(root, 'codex');
    expect(events.map((e) => e.event)).toEqual(['session_start', 'heartbeat', 'tool_use', 'heartbeat']);
    const tool = events[2]!;
    expect(tool).toMatchObject({ session_id: 'codex-sess-1', data: { tool: 'Bash', kind: 'shell', tool_use_id: 'call_1' } });
    expect(String(tool.data.stdout)).toMatch(/^wrote it with \[REDACTED:/);
    expect(JSON.stringify(events)).not.toContain(TOKEN);
    expect(JSON.parse(readFileSync(join(root, '.agents-os', 'agents', 'codex', 'status.json'), 'utf8'))).toMatchObject({ agent: 'codex', state: 'idle', session_id: 'codex-sess-1' });
  });
});

describe('a Codex worker relay started with its own inline hooks', () => {
  it('records each event once: the installed hook stays out while RELAY_WORKER_HOOKS names the agent, the --worker one records', () => {
    const root = project();
    const payload = JSON.stringify({ session_id: 'w-1', cwd: root, hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_input: { command: 'ls' }, tool_use_id: 'call_9', tool_response: 'a.txt' });
    const env = { CLAUDE_PROJECT_DIR: '', RELAY_WORKER_HOOKS: 'codex' };
    expect(relay(root, ['hook', '--agent', 'codex'], payload, env).code).toBe(0);
    expect(mine(root, 'codex')).toHaveLength(0);
    expect(relay(root, ['hook', '--agent', 'codex', '--worker'], payload, env).code).toBe(0);
    expect(mine(root, 'codex').map((e) => e.event)).toEqual(['tool_use']);
    // Another agent's installed hook is not affected.
    expect(relay(root, ['hook', '--agent', 'gemini', 'AfterTool'], JSON.stringify({ session_id: 'g', cwd: root, tool_name: 'read_file', tool_input: {}, tool_response: { llmContent: 'x' } }), env).code).toBe(0);
    expect(mine(root, 'gemini')).toHaveLength(1);
  });
});

describe('relay hook --agent copilot', () => {
  it('records a Copilot session from its camelCase payloads: start, prompt, a tool, a failed tool, an API error, the end', () => {
    const root = project();
    const at = { sessionId: 'cp-1', timestamp: 1796200000000, cwd: root };
    const send = (event: string, payload: Record<string, unknown>) => relay(root, ['hook', '--agent', 'copilot', event], JSON.stringify({ ...at, ...payload }), { CLAUDE_PROJECT_DIR: '' });
    const runs = [
      send('sessionStart', { source: 'new', initialPrompt: 'create out.txt' }),
      send('userPromptSubmitted', { prompt: 'create out.txt' }),
      send('preToolUse', { toolName: 'bash', toolArgs: '{"command":"ls"}' }),
      send('postToolUse', { toolName: 'bash', toolArgs: JSON.stringify({ command: `echo ${TOKEN} > out.txt` }), toolResult: { resultType: 'success', textResultForLlm: `ok ${TOKEN}` } }),
      send('postToolUse', { toolName: 'bash', toolArgs: '{"command":"false"}', toolResult: { resultType: 'failure', textResultForLlm: 'exit status 1' } }),
      send('errorOccurred', { error: { message: 'model returned 500', name: 'Error' }, recoverable: false }),
      send('sessionEnd', { reason: 'error' }),
    ];
    for (const r of runs) expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    const events = mine(root, 'copilot');
    expect(events.map((e) => e.event)).toEqual(['session_start', 'heartbeat', 'tool_use', 'tool_use', 'error', 'error', 'session_end']);
    expect(events[2]).toMatchObject({ session_id: 'cp-1', data: { tool: 'bash', kind: 'shell' } });
    expect(String(events[2]!.data.command)).toContain('out.txt');
    expect(events[3]!.data).toMatchObject({ tool: 'bash', kind: 'shell' });
    expect(JSON.stringify(events[5])).toContain('model returned 500');
    expect(JSON.stringify(events)).not.toContain(TOKEN);
  });

  it('installs into .github/hooks/relay.json with a version, idempotently, and refuses --user', () => {
    const root = project();
    const first = relay(root, ['agents', 'install', 'copilot']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/COPILOT_ALLOW_ALL=true/);
    const file = join(root, '.github', 'hooks', 'relay.json');
    const config = JSON.parse(readFileSync(file, 'utf8'));
    expect(config.version).toBe(1);
    expect(Object.keys(config.hooks)).toEqual(['sessionStart', 'userPromptSubmitted', 'postToolUse', 'postToolUseFailure', 'agentStop', 'errorOccurred', 'sessionEnd']);
    expect(config.hooks.postToolUse[0]).toMatchObject({ type: 'command', timeoutSec: 10, bash: expect.stringMatching(/hook --agent copilot postToolUse$/) });
    expect(relay(root, ['agents', 'install', 'copilot']).stdout).toMatch(/nothing changed/);
    const user = relay(root, ['agents', 'install', 'copilot', '--user']);
    expect([user.code, user.stderr]).toEqual([2, expect.stringMatching(/not your home folder/)]);
  });
});

describe('relay hook --agent gemini', () => {
  it('re-anchors the session, records prompts, tools (a failed one as an error) and the turn, and ends with a summary', () => {
    const root = project(true);
    const start = hook(root, 'gemini', { hook_event_name: 'SessionStart', source: 'startup', timestamp: '2026-12-02T09:00:00Z' });
    expect(start.code).toBe(0);
    expect(JSON.parse(start.stdout).hookSpecificOutput.additionalContext).toContain('current task T1: Create invoices table');
    const rest = [
      hook(root, 'gemini', { hook_event_name: 'BeforeAgent', prompt: 'add the invoices table' }),
      hook(root, 'gemini', { hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command: 'ls' } }),
      hook(root, 'gemini', { hook_event_name: 'AfterTool', tool_name: 'run_shell_command', tool_input: { command: 'ls db', description: 'list' }, tool_response: { llmContent: 'schema.sql', returnDisplay: 'schema.sql' } }),
      hook(root, 'gemini', { hook_event_name: 'AfterTool', tool_name: 'write_file', tool_input: { file_path: join(root, 'db', 'invoices.sql'), content: 'create table invoices();' }, tool_response: { llmContent: '', returnDisplay: '', error: { message: 'permission denied' } } }),
      hook(root, 'gemini', { hook_event_name: 'AfterAgent', prompt: 'add the invoices table', prompt_response: 'I could not write db/invoices.sql.', stop_hook_active: false }),
      hook(root, 'gemini', { hook_event_name: 'SessionEnd', reason: 'exit' }),
    ];
    for (const r of rest) expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    const events = mine(root, 'gemini');
    expect(events.map((e) => e.event === 'tool_use' ? `tool_use:${e.data.kind}:${e.data.ok}` : e.event)).toEqual(['session_start', 'heartbeat', 'tool_use:shell:true', 'tool_use:write:false', 'error', 'heartbeat', 'session_end']);
    expect(events[2]!.data.stdout).toBe('schema.sql');
    expect(events.find((e) => e.event === 'tool_use' && e.data.kind === 'write')!.data.file_path).toBe('db/invoices.sql');
    const sessions = readdirSync(join(root, '.agents-os', 'memory', 'gemini', 'sessions'));
    expect(sessions).toHaveLength(1);
    expect(relay(root, ['events', 'validate']).code).toBe(0);
  });

  it('an unknown --agent: exit 0, one line, nothing written', () => {
    const root = project();
    const r = hook(root, 'cursor', { hook_event_name: 'SessionStart' });
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--agent: no hook dialect for "cursor" \(known: codex, gemini, copilot\)/);
    expect(mine(root, 'cursor')).toEqual([]);
  });
});
