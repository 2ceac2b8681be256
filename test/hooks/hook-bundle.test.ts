// Real payload shapes piped into the built bundle, dist/hook.mjs, one event at a time:
// what each hook records, what it prints, and what it leaves in status.json and memory.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventLine } from '../../scripts/core/events/events.ts';
import { relay, tempProject } from '../support/project.ts';
import { hookPayloads } from './support/payloads.ts';
import { ledgerLines, runHookBundle } from './support/run-hook.ts';

const GITHUB_TOKEN = `ghp_${'A1b2C3d4E5f6G7h8'.repeat(2)}x9Y8z7W6`;
const BLUEPRINT = `# Billing epic
Charge customers monthly.

## Tasks

### T1: Create invoices table
- Priority: p1
- Points: 2
- Files: db/invoices.sql
- Depends on: none
- Acceptance criteria:
  - invoices table has amount and customer_id

### T2: Send invoices
- Priority: p2
- Points: 1
- Depends on: T1
`;

function epicProject(): string {
  const root = tempProject();
  writeFileSync(join(root, 'plan.md'), BLUEPRINT);
  expect(relay(root, ['init', 'plan.md']).code).toBe(0);
  return root;
}

function statusOf(root: string, agent: string) {
  return JSON.parse(readFileSync(join(root, '.agents-os', 'agents', agent, 'status.json'), 'utf8'));
}

function expectQuiet(r: { code: number | null; stdout: string; stderr: string }): void {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('');
}

describe('hook bundle in a project with an epic', () => {
  let root: string;
  let p: ReturnType<typeof hookPayloads>;
  let events: EventLine[];
  let startOutput: string;

  beforeAll(() => {
    root = epicProject();
    p = hookPayloads(root);
    const start = runHookBundle(p.sessionStart());
    expect(start.code).toBe(0);
    expect(start.stderr).toBe('');
    startOutput = start.stdout;
    for (const payload of [
      p.userPrompt(`add the invoices table; deploy token ${GITHUB_TOKEN}`),
      p.write(join(root, 'db', 'invoices.sql'), 'create table invoices ();\n'),
      p.edit(join(root, 'db', 'invoices.sql'), 'invoices ()', 'invoices (amount int)'),
      p.bash(`curl -H "Authorization: token ${GITHUB_TOKEN}" https://api.github.com/user`, `{"login":"me","token":"${GITHUB_TOKEN}"}`, ''),
      p.bashFailure('npm test', 3, `FAIL invoices.test.ts\nexpected 2 got 3\nGITHUB_TOKEN=${GITHUB_TOKEN}`),
      p.subagentStop('general-purpose'),
      p.stop('Created the table.'),
      p.preCompact(),
      p.sessionEnd('prompt_input_exit'),
    ]) expectQuiet(runHookBundle(payload));
    events = ledgerLines(root);
  });

  it('SessionStart hands the model the current task as additionalContext, under the 10,000-character cap', () => {
    const output = JSON.parse(startOutput);
    expect(output.hookSpecificOutput.hookEventName).toBe('SessionStart');
    const context: string = output.hookSpecificOutput.additionalContext;
    expect(context).toContain('current task T1: Create invoices table');
    expect(context).toContain('invoices table has amount and customer_id');
    expect(context).not.toContain('StructuredOutput');
    expect(context.length).toBeLessThan(10_000);
    expect(events[0]).toMatchObject({ event: 'session_start', agent: 'claude', session_id: 'sess-0001', data: { source: 'startup', anchored_task: 'T1' } });
  });

  it('records one tool_use per call, with project-relative paths and redacted commands and output', () => {
    const tools = events.filter((e) => e.event === 'tool_use');
    expect(tools.map((e) => [e.data.tool, e.data.ok])).toEqual([['Write', true], ['Edit', true], ['Bash', true], ['Bash', false]]);
    expect(tools[0]!.data).toMatchObject({ file_path: 'db/invoices.sql', duration_ms: 13, interrupted: false });
    expect(tools[2]!.data).toMatchObject({ command: expect.stringContaining('curl -H'), stdout: expect.stringContaining('"login":"me"'), stderr: '' });
    expect(tools[3]!.data).toMatchObject({ command: 'npm test', exit_code: 3 });
  });

  it('a failing Bash also records an error event with a redacted excerpt of its output', () => {
    const errors = events.filter((e) => e.event === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ summary: 'Bash npm test failed (exit 3)', data: { exit_code: 3, error: expect.stringContaining('expected 2 got 3') } });
  });

  it('no secret reaches any file under .agents-os', () => {
    const files = readdirSync(join(root, '.agents-os'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) expect(readFileSync(join(f.parentPath, f.name), 'utf8')).not.toContain(GITHUB_TOKEN);
  });

  it('UserPromptSubmit, Stop, SubagentStop and PreCompact record heartbeats; SubagentStop under the subagent type', () => {
    const beats = events.filter((e) => e.event === 'heartbeat');
    expect(beats.map((e) => [e.agent, e.data.hook])).toEqual([
      ['claude', 'UserPromptSubmit'], ['general-purpose', 'SubagentStop'], ['claude', 'Stop'], ['claude', 'PreCompact'],
    ]);
    expect(beats[0]!.data.prompt).toContain('add the invoices table');
    expect(statusOf(root, 'general-purpose')).toMatchObject({ agent: 'general-purpose', state: 'idle', session_id: 'sess-0001' });
  });

  it('SessionEnd records session_end and writes the session summary that relay events summary prints', () => {
    expect(events.at(-1)).toMatchObject({ event: 'session_end', data: { reason: 'prompt_input_exit', tool_calls: 4, errors: 1, files_touched: 1 } });
    const day = events[0]!.timestamp.slice(0, 10);
    const file = join(root, '.agents-os', 'memory', 'claude', 'sessions', `${day}-sess-0001.md`);
    const summary = readFileSync(file, 'utf8');
    expect(summary).toContain('# Session sess-0001');
    expect(summary).toContain('- Bash: 2 (1 failed)');
    expect(summary).toContain('- `db/invoices.sql` (Write, Edit)');
    expect(summary).toContain('Bash npm test failed (exit 3)');
    expect(summary).toContain('ended: prompt_input_exit');
    expect(relay(root, ['events', 'summary', '--session', 'sess-0001'])).toMatchObject({ code: 0, stdout: summary });
  });

  it('status.json says who did what last, written whole', () => {
    expect(statusOf(root, 'claude')).toEqual({
      agent: 'claude', state: 'idle', updated_at: events.at(-1)!.timestamp, current_task: null, attempt: null, session_id: 'sess-0001',
      last_event: { id: events.at(-1)!.id, event: 'session_end', summary: 'session ended (prompt_input_exit)', timestamp: events.at(-1)!.timestamp },
    });
  });

  it('everything it wrote passes relay events validate', () => {
    expect(relay(root, ['events', 'validate'])).toMatchObject({ code: 0, stdout: `ok: ${events.length} event(s) in 2 file(s)\n` });
  });

  it('SessionStart(compact) re-anchors with what the session did before compaction', () => {
    const r = runHookBundle(p.sessionStart('compact'));
    const context: string = JSON.parse(r.stdout).hookSpecificOutput.additionalContext;
    expect(context).toContain('## What this session did before compaction');
    expect(context).toContain('db/invoices.sql');
    expect(context).toContain('current task T1');
    expect(context.length).toBeLessThan(10_000);
  });
});

describe('hook bundle for a relay worker', () => {
  const worker = { RELAY_TASK_ID: 'T1', RELAY_ATTEMPT: '2', RELAY_EPIC_ID: 'billing' };

  it('logs as relay-worker with task and attempt, and its Stop is the task_result', () => {
    const root = epicProject();
    const p = hookPayloads(root, 'worker-session');
    const start = JSON.parse(runHookBundle(p.sessionStart(), worker).stdout);
    // The worker's prompt already is the full brief, so startup only points at it.
    expect(start.hookSpecificOutput.additionalContext).toMatch(/^relay worker for task T1 \(attempt 2\)/);
    expect(start.hookSpecificOutput.additionalContext.length).toBeLessThan(300);
    expectQuiet(runHookBundle(p.write(join(root, 'db', 'invoices.sql'), 'x'), worker));
    expectQuiet(runHookBundle(p.stop('receipt sent'), worker));
    const events = ledgerLines(root);
    expect(events.map((e) => [e.agent, e.event, e.task_id, e.data.attempt])).toEqual([
      ['relay-worker', 'session_start', 'T1', 2], ['relay-worker', 'tool_use', 'T1', 2], ['relay-worker', 'task_result', 'T1', 2],
    ]);
    expect(statusOf(root, 'relay-worker')).toMatchObject({ state: 'idle', current_task: 'T1', attempt: 2, last_event: { event: 'task_result' } });

    const resumed = JSON.parse(runHookBundle(p.sessionStart('compact'), worker).stdout);
    expect(resumed.hookSpecificOutput.additionalContext).toContain('you are the relay worker for task T1 (attempt 2)');
    expect(resumed.hookSpecificOutput.additionalContext).toContain('## Your task: T1');
  });
});

describe('hook bundle edge cases', () => {
  it('StopFailure records an error and sets the agent state to error', () => {
    const root = epicProject();
    expectQuiet(runHookBundle(hookPayloads(root).stopFailure()));
    expect(ledgerLines(root)).toMatchObject([{ event: 'error', summary: 'turn failed: unknown', data: { last_message: 'API Error: 400 bad request' } }]);
    expect(statusOf(root, 'claude').state).toBe('error');
  });

  it("ignores Claude Code's internal subagents (compaction runs one with an empty agent_type)", () => {
    const root = epicProject();
    expectQuiet(runHookBundle(hookPayloads(root).subagentStop('')));
    expect(existsSync(join(root, '.agents-os', 'ledger'))).toBe(false);
  });

  it('relay hook <EventName> runs the same hook from the CLI, the argument naming the event', () => {
    const root = epicProject();
    const { hook_event_name: _, ...payload } = hookPayloads(root).sessionStart();
    const r = relay(root, ['hook', 'SessionStart'], JSON.stringify(payload));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).hookSpecificOutput.additionalContext).toContain('current task T1');
    expect(ledgerLines(root)).toMatchObject([{ event: 'session_start', source: 'hook:SessionStart' }]);
  });

  it('a project with an epic but no task ready gets a one-line status instead of a brief', () => {
    const root = epicProject();
    expect(relay(root, ['gate', 'T1', '--reason', 'waiting on design']).code).toBe(0);
    const context: string = JSON.parse(runHookBundle(hookPayloads(root).sessionStart('resume')).stdout).hookSpecificOutput.additionalContext;
    expect(context).toBe('relay: epic "Billing epic" has 0/2 tasks completed and none ready to work on. Run /relay:status for what blocks or gates the rest.');
  });
});
