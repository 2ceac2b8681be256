// relay run: any command as an agent's work order, with the real process, git and files.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { RELAY_BUNDLE, relay, tempProject } from '../support/project.ts';

const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}123456`;

function project(): string {
  const root = tempProject();
  mkdirSync(join(root, '.agents-os'));
  return root;
}

function events(root: string, agent: string) {
  const dir = join(root, '.agents-os', 'ledger', agent);
  return readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
}

const status = (root: string, agent: string) => JSON.parse(readFileSync(join(root, '.agents-os', 'agents', agent, 'status.json'), 'utf8'));

describe('relay run', () => {
  it('records a failing command: start, heartbeats, result with exit code, files and a redacted tail, an error; its exit code and output are the command\'s', () => {
    const root = project();
    const r = relay(root, ['run', '--agent', 'nightly-bot', '--task', 'T9', '--heartbeat', '0.3', '--', 'sh', '-c', `echo hello; sleep 1.5; echo "token ${TOKEN}"; touch made.txt; exit 3`]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe(`hello\ntoken ${TOKEN}\n`);
    const list = events(root, 'nightly-bot');
    expect(list.map((e) => e.event).filter((e) => e !== 'heartbeat')).toEqual(['task_start', 'task_result', 'error']);
    expect(list.filter((e) => e.event === 'heartbeat').length).toBeGreaterThanOrEqual(2);
    const result = list.find((e) => e.event === 'task_result');
    expect(result).toMatchObject({ task_id: 'T9', source: 'relay run', data: { result: 'failure', exit_code: 3, files_changed: ['made.txt'] } });
    expect(result.data.output_tail).toMatch(/^hello\ntoken \[REDACTED:/);
    expect(readFileSync(join(root, '.agents-os', 'ledger', 'nightly-bot', readdirSync(join(root, '.agents-os', 'ledger', 'nightly-bot'))[0]!), 'utf8')).not.toContain(TOKEN);
    expect(status(root, 'nightly-bot')).toMatchObject({ state: 'error', current_task: 'T9', last_event: { event: 'error' } });
  });

  it('a success: exit 0, no error event, status idle; stdin reaches the command', () => {
    const root = project();
    const r = relay(root, ['run', '--agent', 'bot', '--', 'cat'], 'from stdin\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('from stdin\n');
    expect(events(root, 'bot').map((e) => e.event)).toEqual(['task_start', 'task_result']);
    expect(status(root, 'bot').state).toBe('idle');
  });

  it('ends the whole process group at the timeout (exit 124) and gives 128 + the signal when the command dies of one', () => {
    const root = project();
    const started = Date.now();
    const timedOut = relay(root, ['run', '--agent', 'bot', '--timeout', '0.02', '--', 'sh', '-c', 'sleep 30 & sleep 30']);
    expect(timedOut.code).toBe(124);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(events(root, 'bot').find((e) => e.event === 'error').summary).toMatch(/killed at its timeout/);
    expect(relay(root, ['run', '--agent', 'bot', '--', 'sh', '-c', 'kill -TERM $$']).code).toBe(143);
  });

  it('reads tokens, cost and the final message from a headless agent CLI\'s last JSON lines', () => {
    const root = project();
    const codexLike = [
      { type: 'thread.started', thread_id: 'th1' },
      { type: 'item.completed', item: { id: 'i1', type: 'command_execution', command: 'echo hi', exit_code: 0 } },
      { type: 'item.completed', item: { id: 'i2', type: 'agent_message', text: 'Created out.txt.' } },
      { type: 'turn.completed', usage: { input_tokens: 22, cached_input_tokens: 0, output_tokens: 14 } },
    ].map((e) => JSON.stringify(e)).join('\n');
    expect(relay(root, ['run', '--agent', 'codex', '--', 'node', '-e', `console.log(${JSON.stringify(codexLike)})`]).code).toBe(0);
    expect(events(root, 'codex').find((e) => e.event === 'task_result').data).toMatchObject({ input_tokens: 22, output_tokens: 14, final_message: 'Created out.txt.' });
    const geminiLike = [
      { type: 'init', session_id: 's', model: 'gemini-2.5-flash' },
      { type: 'message', role: 'assistant', content: 'All ', delta: true },
      { type: 'message', role: 'assistant', content: 'done.', delta: true },
      { type: 'result', status: 'success', stats: { total_tokens: 18, input_tokens: 11, output_tokens: 7, duration_ms: 900, tool_calls: 1 } },
    ].map((e) => JSON.stringify(e)).join('\n');
    expect(relay(root, ['run', '--agent', 'gemini', '--', 'node', '-e', `console.log(${JSON.stringify(geminiLike)})`]).code).toBe(0);
    expect(events(root, 'gemini').find((e) => e.event === 'task_result').data).toMatchObject({ input_tokens: 11, output_tokens: 7, final_message: 'All done.' });
    const copilotLike = [
      { type: 'assistant.message', data: { content: '', toolRequests: [{ name: 'bash' }] } },
      { type: 'tool.execution_complete', data: { success: true } },
      { type: 'assistant.message', data: { content: 'Wrote out.txt.', toolRequests: [] } },
      { type: 'result', sessionId: 'cp', exitCode: 0, usage: { premiumRequests: 1 } },
    ].map((e) => JSON.stringify(e)).join('\n');
    expect(relay(root, ['run', '--agent', 'copilot', '--', 'node', '-e', `console.log(${JSON.stringify(copilotLike)})`]).code).toBe(0);
    expect(events(root, 'copilot').find((e) => e.event === 'task_result').data).toMatchObject({ final_message: 'Wrote out.txt.' });
  });

  it('Ctrl+C ends the command\'s process group, records the run as interrupted and exits 130', async () => {
    const root = project();
    const child = spawn(process.execPath, [RELAY_BUNDLE, 'run', '--agent', 'bot', '--', 'sh', '-c', 'sleep 30 & sleep 30'], { cwd: root, stdio: 'ignore', env: { ...process.env, RELAY_PROJECT_DIR: '' } });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(events(root, 'bot').find((e) => e.event === 'task_result').data.result).toBe('interrupted');
  });

  it('a command that cannot start: exit 127 and an error; a bad agent name or no command: exit 2, one line', () => {
    const root = project();
    const missing = relay(root, ['run', '--agent', 'bot', '--', 'no-such-command-relay']);
    expect(missing.code).toBe(127);
    expect(events(root, 'bot').at(-1)).toMatchObject({ event: 'error', data: { result: 'not_started' } });
    for (const args of [['run', '--agent', '../etc', '--', 'true'], ['run', '--agent', 'bot', '--heartbeat', '0', '--', 'true']]) {
      const r = relay(root, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
