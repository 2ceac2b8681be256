/**
 * The whole loop against the real Claude Code CLI: relay spawns real `claude -p` workers,
 * which talk to a scripted model on 127.0.0.1 and run real tools in a temp git repo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLAUDE_BIN, claudeEnv } from './support/claude.ts';
import { startFakeModel, structuredOutput, type FakeModel, type ModelRequest, type Turn } from './support/fake-model.ts';
import { RELAY_BUNDLE, relay, relayAsync, tempProject } from '../support/project.ts';
import type { AttemptLedger } from '../../scripts/core/shared/schemas.ts';

const PLAN = `# Demo epic
A small epic for the end-to-end test.

## Tasks

### T1: Create a.txt
- Priority: p0
- Files: a.txt
- Verify: \`test -f a.txt\`

### T2: Create b.txt
- Priority: p1
- Files: b.txt

### T3: Connect to the database
- Priority: p2
- Files: db.txt

### T4: Use the database
- Priority: p2
- Depends on: T3

### T5: Create e.txt
- Priority: p3
- Files: e.txt
- Verify: \`test -f e.txt\`
`;

const write = (path: string, content: string) => ({ name: 'Write', input: { file_path: path, content } });
const success = (summary: string, files: string[]) => structuredOutput({ status: 'success', summary, files_changed: files, tests_passed: true, learning: `${summary} works when done directly`, pattern_tags: ['demo'] });
const failure = (error_summary: string, suggestion: string) =>
  structuredOutput({ status: 'failure', summary: 'failed', error_category: 'code_error', error_summary, approach_taken: 'tried the obvious fix', suggestion, pattern_tags: ['db'] });

function taskOf(req: ModelRequest): string | undefined {
  return /# relay task (T\d+):/.exec(req.firstUserText)?.[1];
}

function attemptOf(req: ModelRequest): number {
  const previous = /## Previous attempts of this task \((\d+)\)/.exec(req.firstUserText);
  return previous ? Number(previous[1]) + 1 : 1;
}

/** What the scripted model does, per task and attempt. */
function script(root: string) {
  return (req: ModelRequest): Turn => {
    const task = taskOf(req);
    const attempt = attemptOf(req);
    const step = req.turnIndex;
    const at = (f: string) => join(root, f);
    switch (task) {
      case 'T1':
        return [{ tools: [write(at('a.txt'), 'a\n')] }, { tools: [success('created a.txt', ['a.txt'])] }][step] ?? { text: 'done' };
      case 'T2':
        if (attempt === 1) return { tools: [failure('TypeError: config is undefined at src/b.js:10', 'initialise the config before reading it')] };
        return [{ tools: [write(at('b.txt'), 'b\n')] }, { tools: [success('created b.txt', ['b.txt'])] }][step] ?? { text: 'done' };
      case 'T3':
        return { tools: [failure(`connect ECONNREFUSED 127.0.0.1:${5432 + attempt}`, 'start the database first')] };
      case 'T5':
        if (attempt === 1) return { tools: [success('created e.txt (not really)', ['e.txt'])] };
        return [{ tools: [write(at('e.txt'), 'e\n')] }, { tools: [success('created e.txt', ['e.txt'])] }][step] ?? { text: 'done' };
      default:
        return { text: 'no script for this prompt' };
    }
  };
}

let model: FakeModel;
let root: string;
let env: Record<string, string>;
let work: Awaited<ReturnType<typeof relayAsync>>;
let ledger: AttemptLedger;

beforeAll(async () => {
  root = tempProject();
  model = await startFakeModel((req) => script(root)(req));
  env = claudeEnv(model.url, mkdtempSync(join(tmpdir(), 'relay-home-')));
  writeFileSync(join(root, 'plan.md'), PLAN);
  writeFileSync(join(root, '.agents.yml'), `relay:\n  executor: ["${CLAUDE_BIN}"]\n  permission_mode: bypassPermissions\n  max_attempts_per_task: 3\n`);
  expect(relay(root, ['init', 'plan.md'], undefined, env).code).toBe(0);
  // A lesson the team recorded long ago about the error T3 is about to hit.
  const lesson = { timestamp: '2026-01-05T10:00:00Z', type: 'incident', task_id: 'db-refused-connections', severity: 'high', root_cause: 'connect ECONNREFUSED 127.0.0.1:5432 because postgres was not running in the dev container', fix: 'docker compose up -d db', lesson_learned: 'Start postgres with docker compose up -d db before running the migrations or tests that connect to it' };
  expect(relay(root, ['ledger', 'add'], JSON.stringify(lesson), env).code).toBe(0);
  work = await relayAsync(root, ['work'], env);
  ledger = parse(readFileSync(join(root, '.agents-os/relay/attempt-ledger.yml'), 'utf8')) as AttemptLedger;
}, 180_000);

afterAll(async () => {
  await model?.close();
});

describe('relay work against the real Claude Code CLI', () => {
  it('runs every ready task and exits 1 because a task was gated', () => {
    expect(work.stderr).toBe('');
    expect(work.code).toBe(1);
    expect(work.stdout).toMatch(/T1 attempt 1\/3 success/);
    expect(work.stdout).toMatch(/done: 3\/5 tasks completed; gated this run: T3/);
  });

  it('T1 succeeds first time, with facts from git beside the claims', () => {
    expect(ledger.task_status.T1).toBe('completed');
    const [a] = ledger.attempts.T1!;
    expect(a!.result).toBe('success');
    expect(a!.git!.files_changed).toContain('a.txt');
    expect(a!.receipt!.files_changed).toEqual(['a.txt']);
    expect(a!.session_id).toMatch(/[0-9a-f-]{36}/);
    expect(a!.num_turns).toBeGreaterThan(0);
    expect(existsSync(join(root, 'a.txt'))).toBe(true);
  });

  it("a worker's own tool calls reach the event ledger under relay-worker, with its task and attempt", () => {
    const dir = join(root, '.agents-os', 'ledger', 'relay-worker');
    const events = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
    const t1 = events.filter((e) => e.task_id === 'T1' && e.data.attempt === 1);
    expect(t1.map((e) => e.event)).toEqual(expect.arrayContaining(['session_start', 'tool_use', 'task_result']));
    expect(t1.find((e) => e.event === 'tool_use').data).toMatchObject({ tool: 'Write', file_path: 'a.txt', ok: true });
    // One relay recorded them: no event twice.
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.filter((e) => e.event === 'session_start' && e.task_id === 'T1')).toHaveLength(1);
  });

  it('T2 fails, then succeeds, and the second prompt carries the first failure', () => {
    expect(ledger.attempts.T2!.map((a) => a.result)).toEqual(['failure', 'success']);
    const prompts = model.requests.filter((r) => taskOf(r) === 'T2' && r.turnIndex === 0).map((r) => r.firstUserText);
    expect(prompts).toHaveLength(2);
    expect(prompts[0]).not.toContain('TypeError');
    expect(prompts[1]).toContain('TypeError: config is undefined at src/b.js:10');
    expect(prompts[1]).toContain('initialise the config before reading it');
    expect(prompts[1]).toContain('What to do differently');
  });

  it('T3 fails twice with the same error and is gated repeated_failure', () => {
    expect(ledger.attempts.T3!.map((a) => a.result)).toEqual(['failure', 'failure']);
    expect(ledger.gated_tasks.T3!.reason).toBe('repeated_failure');
    expect(ledger.task_status.T3).toBe('gated');
  });

  it('the prompt of T3 carries the lesson recorded about its error, and a retry does not repeat it word for word', () => {
    const prompts = model.requests.filter((r) => taskOf(r) === 'T3' && r.turnIndex === 0).map((r) => r.firstUserText);
    expect(prompts).toHaveLength(2);
    expect(prompts[0]).toContain('## Relevant memories from this project');
    expect(prompts[0]).toContain('docker compose up -d db');
    expect(prompts[1]).not.toContain('docker compose up -d db');
    expect(ledger.attempts.T3![0]!.recalled).toContain('progress/ledger.jsonl:1');
  });

  it('appends a task_completion record for every task that completed or was gated', () => {
    const records = readFileSync(join(root, 'progress/ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((r) => r.type === 'task_completion');
    expect(records.map((r) => `${r.task_id.replace(/-\d{8}-\d{6}$/, '')}:${r.status}`).sort()).toEqual(['demo-epic-20261122-t1:completed', 'demo-epic-20261122-t2:completed', 'demo-epic-20261122-t3:gated', 'demo-epic-20261122-t5:completed'].map((x) => x.replace('20261122', ledger.epic_id.slice(-8))).sort());
    expect(records.find((r) => /-t2-\d{8}-\d{6}$/.test(r.task_id)).attempts).toBe(2);
  });

  it('T4 depends on T3, stays blocked, and status shows why', () => {
    expect(ledger.attempts.T4).toBeUndefined();
    const status = JSON.parse(relay(root, ['status', '--json'], undefined, env).stdout);
    const t4 = status.tasks.find((t: { id: string }) => t.id === 'T4');
    expect(t4.status).toBe('blocked');
    expect(t4.blocked_by).toEqual(['T3']);
    expect(status.gated).toEqual([expect.objectContaining({ id: 'T3', reason: 'repeated_failure' })]);
    const text = relay(root, ['status'], undefined, env).stdout;
    expect(text).toMatch(/T4 ← T3 \(gated: repeated_failure\)/);
  });

  it('a failing verify command turns a claimed success into a failure', () => {
    const [first, second] = ledger.attempts.T5!;
    expect(first!.result).toBe('failure');
    expect(first!.receipt!.error_category).toBe('test_failure');
    expect(first!.receipt!.quality_gate_findings[0]).toMatch(/verify `test -f e.txt` exited 1/);
    expect(first!.flags).toContain('claimed_success_without_changes');
    expect(second!.result).toBe('success');
    expect(ledger.task_status.T5).toBe('completed');
  });

  it('records task_start, task_result and error events for the run', () => {
    const day = new Date().toISOString().slice(0, 10);
    const lines = readFileSync(join(root, '.agents-os/ledger/relay', `${day}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((e) => e.event === 'task_start')).toHaveLength(7);
    expect(lines.filter((e) => e.event === 'task_result' && e.data.attempt)).toHaveLength(7);
    expect(lines.filter((e) => e.event === 'error').map((e) => e.task_id)).toEqual(['T2', 'T3', 'T3', 'T5']);
  });
});

describe('worker timeouts and interruption', () => {
  const HANG_PLAN = '# Hang\n\n## Tasks\n\n### T1: Hang\n- Files: h.txt\n';

  async function hangingProject(onRequest: (req: ModelRequest) => Turn) {
    const dir = tempProject();
    const m = await startFakeModel(onRequest);
    const e = claudeEnv(m.url, mkdtempSync(join(tmpdir(), 'relay-home-')));
    writeFileSync(join(dir, 'plan.md'), HANG_PLAN);
    writeFileSync(join(dir, '.agents.yml'), `relay:\n  executor: ["${CLAUDE_BIN}"]\n  permission_mode: bypassPermissions\n  recall:\n    enabled: false\n`);
    expect(relay(dir, ['init', 'plan.md'], undefined, e).code).toBe(0);
    return { dir, model: m, env: e };
  }

  it('kills a hung worker at its timeout and records a timeout failure', async () => {
    const { dir, model: m, env: e } = await hangingProject(() => ({ hang: true }));
    try {
      const started = Date.now();
      const r = await relayAsync(dir, ['work', 'T1', '--timeout-minutes', '0.05', '--max-attempts', '1'], e);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(r.code).toBe(1);
      const l = parse(readFileSync(join(dir, '.agents-os/relay/attempt-ledger.yml'), 'utf8')) as AttemptLedger;
      expect(l.attempts.T1![0]!.result).toBe('failure');
      expect(l.attempts.T1![0]!.receipt!.error_category).toBe('timeout');
      expect(l.gated_tasks.T1!.reason).toBe('max_attempts_exceeded');
    } finally {
      await m.close();
    }
  }, 60_000);

  it('Ctrl+C leaves a consistent ledger that the next run resumes', async () => {
    let hang = true;
    const { dir, model: m, env: e } = await hangingProject((req) =>
      hang ? { hang: true } : [{ tools: [write(join(dir, 'h.txt'), 'h\n')] }, { tools: [success('created h.txt', ['h.txt'])] }][req.turnIndex] ?? { text: 'done' },
    );
    try {
      const child = spawn(process.execPath, [RELAY_BUNDLE, 'work'], { cwd: dir, env: { ...e, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      const deadline = Date.now() + 30_000;
      while (m.requests.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(m.requests.length).toBeGreaterThan(0);
      child.kill('SIGINT');
      const code = await new Promise<number | null>((r) => child.on('exit', r));
      expect(code).toBe(130);
      expect(out).toMatch(/T1 attempt 1\/3 interrupted/);
      const l = parse(readFileSync(join(dir, '.agents-os/relay/attempt-ledger.yml'), 'utf8')) as AttemptLedger;
      expect(l.attempts.T1!.map((a) => a.result)).toEqual(['interrupted']);
      expect(l.task_status.T1).toBe('pending');
      expect(existsSync(join(dir, '.agents-os/relay/run.lock'))).toBe(false);

      hang = false;
      const resumed = await relayAsync(dir, ['work'], e);
      expect(resumed.code).toBe(0);
      const after = parse(readFileSync(join(dir, '.agents-os/relay/attempt-ledger.yml'), 'utf8')) as AttemptLedger;
      expect(after.attempts.T1!.map((a) => a.result)).toEqual(['interrupted', 'success']);
      expect(after.task_status.T1).toBe('completed');
    } finally {
      await m.close();
    }
  }, 90_000);
});
