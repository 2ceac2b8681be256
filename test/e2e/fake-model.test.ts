// Proves the offline e2e harness: the real Claude Code binary, driven by a scripted
// model, runs tools for real, returns structured output and can be killed.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { headlessArgs, runClaude } from './support/claude.js';
import { tempProject } from '../support/project.ts';
import { type FakeModel, type ModelRequest, scriptSteps, startFakeModel, structuredOutput } from './support/fake-model.js';

const RECEIPT_SCHEMA = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['success', 'failure'] },
    summary: { type: 'string' },
  },
  required: ['status', 'summary'],
};

describe('fake model harness with the real claude binary', () => {
  let model: FakeModel | undefined;
  const tempDirs: string[] = [];

  afterEach(async () => {
    await model?.close();
    model = undefined;
    await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function tempRepo(): Promise<string> {
    const repo = tempProject();
    tempDirs.push(repo);
    return repo;
  }

  it('runs Write and Bash for real and returns StructuredOutput', { timeout: 60_000 }, async () => {
    const repo = await tempRepo();
    const target = join(repo, 'notes', 'hello.txt');
    const receipt = { status: 'success', summary: 'done' };
    model = await startFakeModel(
      scriptSteps((prompt) =>
        prompt.includes('T-101')
          ? [
              { text: 'Writing the note.', tools: [{ name: 'Write', input: { file_path: target, content: 'hello\n' } }] },
              { tools: [{ name: 'Bash', input: { command: 'echo hi', description: 'Say hi' } }] },
              { tools: [structuredOutput(receipt)] },
            ]
          : [],
      ),
    );

    const run = await runClaude({
      cwd: repo,
      modelUrl: model.url,
      timeoutMs: 45_000,
      args: headlessArgs('Task T-101: write the note', '--json-schema', JSON.stringify(RECEIPT_SCHEMA)),
    });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(model.scriptErrors).toEqual([]);
    expect(run.json).toMatchObject({ type: 'result', is_error: false, structured_output: receipt });
    expect(run.json?.num_turns).toBeGreaterThanOrEqual(3);
    expect(run.json?.session_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await readFile(target, 'utf8')).toBe('hello\n');

    expect(model.requests.map((r) => r.turnIndex)).toEqual([0, 1, 2]);
    const [first, , afterBash] = model.requests as [ModelRequest, ModelRequest, ModelRequest];
    expect(first.firstUserText).toContain('Task T-101: write the note');
    expect(first.body.tools.map((t: { name: string }) => t.name)).toContain('StructuredOutput');
    expect(afterBash.toolResults).toEqual([{ tool_use_id: expect.stringMatching(/^toolu_/), content: 'hi' }]);
    expect(toolUseIds(afterBash.body)).toContain(afterBash.toolResults[0]?.tool_use_id);
  });

  it('delivers SessionStart additionalContext from a plugin hook to the model', { timeout: 60_000 }, async () => {
    const repo = await tempRepo();
    const pluginDir = await contextPlugin('RELAY-CONTEXT-7f3a');
    tempDirs.push(pluginDir);
    model = await startFakeModel(() => ({ text: 'noted' }));

    const run = await runClaude({ cwd: repo, modelUrl: model.url, pluginDir, timeoutMs: 45_000, args: headlessArgs('hello') });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.json).toMatchObject({ is_error: false, result: 'noted' });
    const [request] = model.requests as [ModelRequest];
    expect(model.requests).toHaveLength(1);
    // Claude Code sends hook context as a mid-conversation `role: "system"` message.
    expect(request.system).toContain('SessionStart hook additional context: RELAY-CONTEXT-7f3a');
    expect(request.allUserText).not.toContain('RELAY-CONTEXT-7f3a');
  });

  it('lets the caller kill claude while the model hangs', { timeout: 30_000 }, async () => {
    const repo = await tempRepo();
    model = await startFakeModel(() => ({ hang: true }));

    const run = await runClaude({ cwd: repo, modelUrl: model.url, timeoutMs: 3_000, args: headlessArgs('hang please') });

    expect(run.timedOut).toBe(true);
    expect(run.json).toBeUndefined();
    expect(model.requests).toHaveLength(1);
    await expectClosesQuickly(model);
    model = undefined;
  });

  it('answers side requests, plain JSON calls and other paths without the script', { timeout: 10_000 }, async () => {
    const script = vi.fn(() => ({ text: 'scripted', delayMs: 50 }));
    model = await startFakeModel(script);
    const post = (body: unknown) =>
      fetch(`${model!.url}/v1/messages?beta=true`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());

    const title = await post({
      tools: [],
      messages: [{ role: 'user', content: 'name this session' }],
      output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] } } },
    });
    expect(JSON.parse(title.content[0].text)).toEqual({ title: 'test' });
    expect(model.sideRequests).toHaveLength(1);
    expect(script).not.toHaveBeenCalled();

    const main = await post({ tools: [{ name: 'Bash' }], messages: [{ role: 'user', content: 'go' }] });
    expect(main).toMatchObject({ role: 'assistant', stop_reason: 'end_turn', content: [{ type: 'text', text: 'scripted' }] });
    expect(model.requests).toHaveLength(1);

    const head = await fetch(model.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const count = await fetch(`${model.url}/v1/messages/count_tokens?beta=true`, { method: 'POST', body: '{}' });
    expect(await count.json()).toEqual({ input_tokens: 100 });
  });

  it('close() ends requests that are still hanging', { timeout: 10_000 }, async () => {
    model = await startFakeModel(() => ({ hang: true }));
    const pending = fetch(`${model.url}/v1/messages`, {
      method: 'POST',
      body: JSON.stringify({ stream: true, tools: [{ name: 'Bash' }], messages: [{ role: 'user', content: 'x' }] }),
    });
    await waitFor(() => model!.requests.length === 1);

    await expectClosesQuickly(model);
    model = undefined;
    await expect(pending).rejects.toThrow();
  });
});

async function expectClosesQuickly(model: FakeModel): Promise<void> {
  const started = Date.now();
  await model.close();
  expect(Date.now() - started).toBeLessThan(1_000);
}

/** A throwaway plugin whose SessionStart hook injects `context`. */
async function contextPlugin(context: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'relay-context-plugin-'));
  await mkdir(join(dir, '.claude-plugin'));
  await mkdir(join(dir, 'hooks'));
  await writeFile(join(dir, '.claude-plugin', 'plugin.json'), JSON.stringify({ name: 'context-probe', version: '0.0.0' }));
  const output = { hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: context } };
  await writeFile(join(dir, 'context.json'), JSON.stringify(output));
  const hooks = {
    hooks: {
      SessionStart: [{ hooks: [{ type: 'command', command: 'cat "${CLAUDE_PLUGIN_ROOT}/context.json"' }] }],
    },
  };
  await writeFile(join(dir, 'hooks', 'hooks.json'), JSON.stringify(hooks));
  return dir;
}

function toolUseIds(body: any): string[] {
  return body.messages
    .filter((m: any) => m.role === 'assistant')
    .flatMap((m: any) => m.content)
    .filter((block: any) => block.type === 'tool_use')
    .map((block: any) => block.id);
}

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('waitFor: condition not met');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
