// relay's hooks inside the real Claude Code binary (--plugin-dir at this repo), driven
// offline by the scripted model: every hook event fires for real, and the ledger, status
// and memory files it leaves are checked, along with what reached the model.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventLine } from '../../scripts/core/events/events.ts';
import { REPO, relay, tempProject } from '../support/project.ts';
import { ledgerLines } from '../hooks/support/run-hook.ts';
import { headlessArgs, runClaude, type ClaudeResult } from './support/claude.js';
import { type FakeModel, type ModelRequest, type Script, type Turn, startFakeModel } from './support/fake-model.js';

const TOKEN = `ghp_${'Zq4Xw8Rt2Yu6Io0P'.repeat(2)}aS3dF5gH`;
const BLUEPRINT = `# Greeting service
Say hello properly.

## Tasks

### T1: Write the greeting
- Priority: p1
- Points: 1
- Files: greeting.txt
- Depends on: none
- Acceptance criteria:
  - greeting.txt says hello
`;

/** Claude Code's compaction request asks the model for this, in the main loop's shape. */
const COMPACTION_ASK = 'detailed summary of the conversation';

function sessionScript(repo: string): Script {
  const file = join(repo, 'greeting.txt');
  const steps: Record<string, Turn[]> = {
    'E2E-MAIN': [
      { tools: [{ name: 'Write', input: { file_path: file, content: 'hello\n' } }] },
      { tools: [{ name: 'Edit', input: { file_path: file, old_string: 'hello', new_string: 'hello, world' } }] },
      { tools: [{ name: 'Bash', input: { command: `echo "deploying with ${TOKEN}" >&2; exit 3`, description: 'deploy' } }] },
      { tools: [{ name: 'Agent', input: { description: 'check', prompt: 'E2E-SUB: check the greeting', subagent_type: 'general-purpose' } }] },
      { text: 'all done' },
    ],
    'E2E-SUB': [{ tools: [{ name: 'Bash', input: { command: 'cat greeting.txt', description: 'read it' } }] }, { text: 'greeting checked' }],
    'E2E-WORKER': [{ tools: [{ name: 'Bash', input: { command: 'echo worker-was-here', description: 'work' } }] }, { text: 'worker done' }],
  };
  return (req: ModelRequest) => {
    if (req.allUserText.includes(COMPACTION_ASK)) return { text: '<summary>We wrote and edited greeting.txt.</summary>' };
    const key = Object.keys(steps).find((k) => req.firstUserText.includes(k));
    if (!key) throw new Error(`no script for: ${req.firstUserText.slice(-200)}`);
    return steps[key]![Math.min(req.turnIndex, steps[key]!.length - 1)]!;
  };
}

describe('relay hooks inside real Claude Code', () => {
  let model: FakeModel;
  let repo: string;
  let home: string;
  const runs: ClaudeResult[] = [];
  let events: EventLine[];

  const claude = async (prompt: string, env: Record<string, string> = {}, ...extra: string[]) => {
    // A shared HOME keeps the session on disk so the second run can resume and compact it.
    const run = await runClaude({ cwd: repo, modelUrl: model.url, pluginDir: REPO, timeoutMs: 45_000, env: { HOME: home, ...env }, args: [...headlessArgs(prompt).filter((a) => a !== '--no-session-persistence'), ...extra] });
    runs.push(run);
    return run;
  };

  beforeAll(async () => {
    repo = tempProject();
    home = await mkdtemp(join(tmpdir(), 'relay-e2e-home-'));
    await writeFile(join(repo, 'plan.md'), BLUEPRINT);
    expect(relay(repo, ['init', 'plan.md']).code).toBe(0);
    model = await startFakeModel(sessionScript(repo));

    const main = await claude('E2E-MAIN: write the greeting');
    expect(main.exitCode, main.stderr).toBe(0);
    const compact = await claude('/compact', {}, '--resume', main.json!.session_id);
    expect(compact.exitCode, compact.stderr).toBe(0);
    const worker = await claude('E2E-WORKER: do task T1', { RELAY_TASK_ID: 'T1', RELAY_ATTEMPT: '1', RELAY_EPIC_ID: 'greeting' });
    expect(worker.exitCode, worker.stderr).toBe(0);
    events = ledgerLines(repo);
  }, 150_000);

  afterAll(async () => {
    await model?.close();
    await Promise.all([repo, home].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
  });

  const mainSession = () => runs[0]!.json!.session_id;
  const ofSession = (id: string) => events.filter((e) => e.session_id === id);

  it('SessionStart puts the current task into the first model request', () => {
    expect(model.scriptErrors).toEqual([]);
    const first = model.requests.find((r) => r.firstUserText.includes('E2E-MAIN'))!;
    expect(first.system).toContain('current task T1: Write the greeting');
    expect(first.system).toContain('greeting.txt says hello');
  });

  it('a session running Write, Edit and a failing Bash leaves the matching events', () => {
    const mine = ofSession(mainSession()).filter((e) => e.agent === 'claude');
    expect(mine.map((e) => e.event === 'tool_use' || e.event === 'error' ? `${e.event}:${e.data.tool}` : `${e.event}:${e.data.hook ?? e.data.source ?? e.data.reason}`)).toEqual([
      'session_start:startup', 'heartbeat:UserPromptSubmit', 'tool_use:Write', 'tool_use:Edit', 'tool_use:Bash', 'error:Bash', 'heartbeat:Stop', 'session_end:other',
      'session_start:resume', 'heartbeat:PreCompact', 'session_start:compact', 'session_end:other',
    ]);
    const [write, edit, bash] = mine.filter((e) => e.event === 'tool_use');
    expect(write!.data).toMatchObject({ file_path: 'greeting.txt', ok: true, duration_ms: expect.any(Number) });
    expect(edit!.data).toMatchObject({ file_path: 'greeting.txt', ok: true });
    expect(bash!.data).toMatchObject({ ok: false, exit_code: 3, command: expect.stringContaining('[REDACTED:') });
    expect(mine.find((e) => e.event === 'error')!.data.error).toMatch(/^Exit code 3\ndeploying with \[REDACTED:/);
  });

  it("a subagent's tool calls and its stop are logged under its own type", () => {
    const sub = ofSession(mainSession()).filter((e) => e.agent === 'general-purpose');
    expect(sub.map((e) => `${e.event}:${e.data.tool ?? e.data.hook}`)).toEqual(['tool_use:Bash', 'heartbeat:SubagentStop']);
  });

  it('PreCompact snapshots the session and SessionStart(compact) re-anchors with it', async () => {
    const compactStart = ofSession(mainSession()).find((e) => e.event === 'session_start' && e.data.source === 'compact')!;
    expect(compactStart.data).toMatchObject({ anchored_task: 'T1', context_chars: expect.any(Number) });
    const summary = await readFile(join(repo, '.agents-os', 'memory', 'claude', 'sessions', `${events[0]!.timestamp.slice(0, 10)}-${mainSession()}.md`), 'utf8');
    expect(summary).toContain('- `greeting.txt` (Write, Edit)');
    expect(summary).toContain('- Bash: 2 (1 failed)');
    expect(relay(repo, ['events', 'summary', '--session', mainSession()]).stdout).toBe(summary);
  });

  it("a relay worker's events carry its task and attempt, and its Stop is the task result", async () => {
    expect(model.requests.find((r) => r.firstUserText.includes('E2E-WORKER'))!.system).toContain('relay worker for task T1 (attempt 1)');
    const worker = ofSession(runs[2]!.json!.session_id);
    expect(worker.map((e) => `${e.agent}:${e.event}:${e.task_id}:${e.data.attempt}`)).toEqual([
      'relay-worker:session_start:T1:1', 'relay-worker:heartbeat:T1:1', 'relay-worker:tool_use:T1:1', 'relay-worker:task_result:T1:1', 'relay-worker:session_end:T1:1',
    ]);
    const status = JSON.parse(await readFile(join(repo, '.agents-os', 'agents', 'relay-worker', 'status.json'), 'utf8'));
    expect(status).toMatchObject({ state: 'idle', current_task: 'T1', attempt: 1, session_id: runs[2]!.json!.session_id, last_event: { event: 'session_end' } });
  });

  it('no file under .agents-os holds the token the session used, and the ledger validates', async () => {
    const files = (await readdir(join(repo, '.agents-os'), { recursive: true, withFileTypes: true })).filter((d) => d.isFile());
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(await readFile(join(f.parentPath, f.name), 'utf8')).not.toContain(TOKEN);
    expect(relay(repo, ['events', 'validate']).code).toBe(0);
  });
});

describe('relay hooks in a repository relay was never set up in', () => {
  it('inject nothing and write nothing', { timeout: 60_000 }, async () => {
    const repo = tempProject();
    const model = await startFakeModel((req) => (req.turnIndex === 0 ? { tools: [{ name: 'Write', input: { file_path: join(repo, 'a.txt'), content: 'a' } }] } : { text: 'ok' }));
    try {
      const run = await runClaude({ cwd: repo, modelUrl: model.url, pluginDir: REPO, timeoutMs: 45_000, args: headlessArgs('plain session') });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(model.requests[0]!.system).not.toContain('SessionStart hook additional context');
      expect(existsSync(join(repo, '.agents-os'))).toBe(false);
    } finally {
      await model.close();
      await rm(repo, { recursive: true, force: true });
    }
  });
});
