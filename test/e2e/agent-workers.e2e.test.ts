/**
 * `relay work --agent codex|gemini` against the real, pinned CLIs (test/support/agent-clis.ts),
 * each talking to a scripted model on 127.0.0.1 over its own wire: a success, a failure
 * retried with the failure in the next prompt, an HTTP 400 from the API, and a hang ended by
 * relay's timeout. Git repos, files, hooks and processes are real.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AGENT_CLI_BIN } from '../support/agent-clis.ts';
import { relay, relayAsync, tempDir, tempProject } from '../support/project.ts';
import { codexWire } from './support/responses-wire.ts';
import { geminiWire } from './support/gemini-wire.ts';
import { startScriptedServer, stepsByTask, type ScriptedServer, type Step, type Wire } from './support/scripted-server.ts';
import type { AttemptLedger } from '../../scripts/core/shared/schemas.ts';

const PLAN = `# Agents epic

## Tasks

### T1: Create out.txt
- Priority: p0
- Files: out.txt

### T2: Create retry.txt
- Priority: p1
- Files: retry.txt
`;

interface AgentSetup {
  name: 'codex' | 'gemini';
  wire: Wire;
  /** The environment that points the CLI at the scripted server, in a throwaway home. */
  env(url: string, home: string): Record<string, string>;
  /** The final answer carrying a receipt, as this agent gives it. */
  answer(receipt: Record<string, unknown>): string;
}

const AGENTS: AgentSetup[] = [
  {
    name: 'codex',
    wire: codexWire,
    env(url, home) {
      mkdirSync(join(home, 'codex'), { recursive: true });
      writeFileSync(
        join(home, 'codex', 'config.toml'),
        `model = "gpt-5.5"\nmodel_provider = "scripted"\n\n[model_providers.scripted]\nname = "scripted"\nbase_url = "${url}/v1"\nwire_api = "responses"\nenv_key = "SCRIPTED_API_KEY"\nrequest_max_retries = 0\nstream_max_retries = 0\n`,
      );
      return { CODEX_HOME: join(home, 'codex'), SCRIPTED_API_KEY: 'dummy' };
    },
    // --output-schema makes the final message the receipt itself, every property present.
    answer: (receipt) => JSON.stringify({ tests_passed: null, error_category: null, error_summary: null, approach_taken: null, suggestion: null, learning: null, ...receipt }),
  },
  {
    name: 'gemini',
    wire: geminiWire,
    env(url, home) {
      mkdirSync(join(home, 'gemini', '.gemini'), { recursive: true });
      const settings = { security: { auth: { selectedType: 'gemini-api-key' } }, privacy: { usageStatisticsEnabled: false }, general: { enableAutoUpdate: false, enableAutoUpdateNotification: false }, telemetry: { enabled: false } };
      writeFileSync(join(home, 'gemini', '.gemini', 'settings.json'), JSON.stringify(settings));
      mkdirSync(join(home, 'tmp'), { recursive: true });
      // TMPDIR keeps Gemini's gemini-client-error-*.json reports out of the machine's /tmp.
      return { GEMINI_CLI_HOME: join(home, 'gemini'), GEMINI_API_KEY: 'dummy', GOOGLE_GEMINI_BASE_URL: url, TMPDIR: join(home, 'tmp') };
    },
    answer: (receipt) => `Finished.\n\n\`\`\`json\n${JSON.stringify(receipt)}\n\`\`\``,
  },
];

const taskOf = (prompt: string) => /# relay task (T\d+):/.exec(prompt)?.[1];
const attemptOf = (prompt: string) => Number(/## Previous attempts of this task \((\d+)\)/.exec(prompt)?.[1] ?? 0) + 1;

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function project(agent: AgentSetup, steps: (task: string | undefined, attempt: number, prompt: string) => Step[]) {
  server = await startScriptedServer(agent.wire, stepsByTask((prompt) => steps(taskOf(prompt), attemptOf(prompt), prompt)));
  const root = tempProject();
  const home = tempDir('relay-agent-home-');
  writeFileSync(join(root, 'plan.md'), PLAN);
  writeFileSync(join(root, '.agents.yml'), `relay:\n  agent: ${agent.name}\n  model: ${agent.name === 'codex' ? 'gpt-5.5' : 'gemini-2.5-flash'}\n  review:\n    enabled: false\n`);
  const env = { ...agent.env(server.url, home), HOME: home, PATH: `${AGENT_CLI_BIN}:${process.env.PATH}` };
  expect(relay(root, ['init', 'plan.md'], undefined, env).code).toBe(0);
  const ledger = () => parse(readFileSync(join(root, '.agents-os/relay/attempt-ledger.yml'), 'utf8')) as AttemptLedger;
  const events = () => {
    const dir = join(root, '.agents-os/ledger', agent.name);
    if (!existsSync(dir)) return [];
    return readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)));
  };
  return { root, env, ledger, events, server: server! };
}

describe.each(AGENTS)('relay work --agent $name against the real CLI', (agent) => {
  it('runs a task to success: the tool call runs, hooks record it, the receipt, session and tokens land in the ledger', async () => {
    const p = await project(agent, (task) => (task === 'T1' ? [{ shell: 'echo made > out.txt' }, { text: agent.answer({ status: 'success', summary: 'created out.txt', files_changed: ['out.txt'], pattern_tags: ['files'] }) }] : [{ text: 'no script' }]));
    const run = await relayAsync(p.root, ['work', 'T1'], p.env);
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(readFileSync(join(p.root, 'out.txt'), 'utf8')).toBe('made\n');
    const [attempt] = p.ledger().attempts.T1!;
    expect(attempt).toMatchObject({ result: 'success', agent: agent.name, receipt: { status: 'success', summary: 'created out.txt' }, git: { files_changed: ['out.txt'] } });
    expect(attempt!.session_id).toMatch(/[0-9a-f-]{20,}/);
    expect(attempt!.tokens?.input).toBeGreaterThan(0);
    expect(p.ledger().task_status.T1).toBe('completed');
    expect(p.server.requests).toHaveLength(2);
    const toolUses = p.events().filter((e) => e.event === 'tool_use');
    expect(toolUses.length, JSON.stringify(p.events())).toBe(1);
    expect(toolUses[0]).toMatchObject({ agent: agent.name, task_id: 'T1', data: { kind: 'shell', attempt: 1 } });
    expect(JSON.stringify(toolUses[0])).toContain('out.txt');
  });

  it('retries a failure with the failure in the next prompt', async () => {
    const failure = { status: 'failure', summary: 'could not write', files_changed: [], error_category: 'code_error', error_summary: 'EACCES: permission denied, open retry.txt', suggestion: 'write it with sh instead', pattern_tags: [] };
    const p = await project(agent, (task, attempt) =>
      task !== 'T2' ? [{ text: 'no script' }]
        : attempt === 1 ? [{ text: agent.answer(failure) }]
          : [{ shell: 'echo ok > retry.txt' }, { text: agent.answer({ status: 'success', summary: 'created retry.txt', files_changed: ['retry.txt'], pattern_tags: [] }) }]);
    const run = await relayAsync(p.root, ['work', 'T2'], p.env);
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const attempts = p.ledger().attempts.T2!;
    expect(attempts.map((a) => a.result)).toEqual(['failure', 'success']);
    expect(attempts[0]!.receipt?.error_summary).toContain('EACCES');
    const second = p.server.requests.filter((r) => attemptOf(r.prompt) === 2);
    expect(second.length).toBeGreaterThan(0);
    expect(second[0]!.prompt).toContain('EACCES: permission denied, open retry.txt');
    expect(second[0]!.prompt).toContain('write it with sh instead');
  });

  it('records an HTTP 400 from the API as the attempt\'s failure, with the API\'s message', async () => {
    const p = await project(agent, () => [{ apiError: { status: 400, message: 'the scripted API refuses this request' } }]);
    const run = await relayAsync(p.root, ['work', 'T1', '--max-attempts', '1'], p.env);
    expect(run.code, run.stderr + run.stdout).toBe(1);
    const [attempt] = p.ledger().attempts.T1!;
    expect(attempt).toMatchObject({ result: 'failure', agent: agent.name, receipt: { error_category: 'cli_error' } });
    expect(attempt!.receipt?.error_summary).toContain('the scripted API refuses this request');
    expect(p.ledger().gated_tasks.T1?.reason).toBe('max_attempts_exceeded');
    expect(p.server.requests.length).toBeGreaterThanOrEqual(1);
  });

  it('ends a hanging CLI at relay\'s timeout and records it', async () => {
    const p = await project(agent, () => [{ hang: true }]);
    const started = Date.now();
    const run = await relayAsync(p.root, ['work', 'T1', '--max-attempts', '1', '--timeout-minutes', '0.1'], p.env);
    expect(run.code, run.stderr + run.stdout).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    const [attempt] = p.ledger().attempts.T1!;
    expect(attempt).toMatchObject({ result: 'failure', receipt: { error_category: 'timeout' } });
    expect(p.server.requests).toHaveLength(1);
    // The CLI is gone, not left behind: its hanging request was dropped with it.
    expect(p.server.hanging()).toBe(0);
    expect(p.ledger().task_status.T1).toBe('gated');
  });
});

describe('relay work --agent gemini, an answer without a receipt', () => {
  it('gets one corrective turn in the same session, and its receipt counts', async () => {
    const gemini = AGENTS[1]!;
    const p = await project(gemini, (task, _attempt, prompt) =>
      /held no JSON receipt/.test(prompt) ? [{ text: gemini.answer({ status: 'success', summary: 'created out.txt', files_changed: ['out.txt'], pattern_tags: [] }) }]
        : task === 'T1' ? [{ shell: 'echo made > out.txt' }, { text: 'All done, out.txt exists.' }]
          : [{ text: 'no script' }]);
    const run = await relayAsync(p.root, ['work', 'T1'], p.env);
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const attempts = p.ledger().attempts.T1!;
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ result: 'success', receipt: { summary: 'created out.txt' } });
    const corrective = p.server.requests.filter((r) => /held no JSON receipt/.test(r.prompt));
    expect(corrective.length).toBe(1);
    // The same session: the corrective request carries the first turn's tool call and answer.
    expect(JSON.stringify(corrective[0]!.body.contents)).toContain('All done, out.txt exists.');
  });
});

describe('relay work --agent, bad input', () => {
  it('names the flag and the agents relay knows, exit 2', () => {
    const root = tempProject();
    writeFileSync(join(root, 'plan.md'), PLAN);
    expect(relay(root, ['init', 'plan.md']).code).toBe(0);
    const r = relay(root, ['work', '--agent', 'cursor']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown worker agent "cursor" \(--agent\): use one of claude, codex, gemini/);
  });
});
