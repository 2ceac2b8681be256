/**
 * Copilot CLI's own hooks into relay's ledger, with the real pinned CLI (test/support/agent-clis.ts)
 * against the scripted Responses API server on 127.0.0.1: `relay agents install copilot` writes
 * .github/hooks/relay.json, and `relay run` runs copilot headless as a work order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENT_CLI_BIN } from '../support/agent-clis.ts';
import { relay, relayAsync, tempDir, tempProject } from '../support/project.ts';
import { copilotWire } from './support/responses-wire.ts';
import { startScriptedServer, stepsByTask, type ScriptedServer } from './support/scripted-server.ts';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('Copilot CLI hooks through relay hook --agent copilot', () => {
  it('records the session, its shell call and its stop under copilot; relay run reads its final message', async () => {
    server = await startScriptedServer(copilotWire, stepsByTask(() => [{ shell: 'echo made > out.txt' }, { text: 'Wrote out.txt.' }]));
    const root = tempProject();
    writeFileSync(join(root, 'plan.md'), '# Copilot epic\n\n## Tasks\n\n### T1: Write out.txt\n- Files: out.txt\n');
    expect(relay(root, ['init', 'plan.md']).code).toBe(0);
    const install = relay(root, ['agents', 'install', 'copilot']);
    expect(install.code, install.stderr).toBe(0);
    const home = tempDir('relay-copilot-home-');
    mkdirSync(join(home, 'copilot'), { recursive: true });
    // COPILOT_ALLOW_ALL trusts the folder, without which repository hooks do not load (the CLI says nothing).
    const env = {
      PATH: `${AGENT_CLI_BIN}:${process.env.PATH}`, HOME: home, COPILOT_HOME: join(home, 'copilot'), COPILOT_OFFLINE: 'true', COPILOT_AUTO_UPDATE: 'false', COPILOT_ALLOW_ALL: 'true',
      COPILOT_PROVIDER_BASE_URL: `${server.url}/v1`, COPILOT_PROVIDER_API_KEY: 'dummy', COPILOT_PROVIDER_WIRE_API: 'responses', COPILOT_MODEL: 'fake-model',
    };
    const run = await relayAsync(root, ['run', '--agent', 'copilot', '--task', 'T1', '--', 'copilot', '-p', 'write out.txt', '--output-format', 'json', '--allow-all', '--no-ask-user'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(root, 'out.txt'), 'utf8')).toBe('made\n');
    expect(server.requests).toHaveLength(2);
    const dir = join(root, '.agents-os', 'ledger', 'copilot');
    expect(existsSync(dir)).toBe(true);
    const events = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l)));
    const kinds = events.map((e) => `${e.source}:${e.event}`);
    expect(kinds).toEqual(expect.arrayContaining(['relay run:task_start', 'hook:SessionStart:session_start', 'hook:PostToolUse:tool_use', 'relay run:task_result']));
    const tool = events.find((e) => e.event === 'tool_use');
    expect(tool).toMatchObject({ agent: 'copilot', data: { tool: 'bash', kind: 'shell' } });
    expect(String(tool.data.command)).toContain('echo made > out.txt');
    const result = events.find((e) => e.event === 'task_result');
    expect(result.data).toMatchObject({ result: 'success', final_message: 'Wrote out.txt.', files_changed: ['out.txt'] });
    expect(new Set(events.filter((e) => e.source.startsWith('hook:')).map((e) => e.session_id)).size).toBe(1);
  });
});
