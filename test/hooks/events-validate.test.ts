// relay events validate: every problem as file:line: problem, exit 1; clean ledgers exit 0.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLedgerText, ledgerPlacement, type SeenIds } from '../../scripts/core/events/schema.ts';
import { relay, tempProject } from '../support/project.ts';

const good = (over: Record<string, unknown> = {}) => JSON.stringify({
  id: '3f0f2b1e-8d7c-4a55-9a0e-6b3c2d1e0f9a', timestamp: '2026-03-04T05:06:07.890Z', agent: 'claude', event: 'tool_use',
  session_id: 's1', source: 'hook:PostToolUse', summary: 'Write a.ts (ok)', data: { tool: 'Write' }, ...over,
});
const file = { label: '.agents-os/ledger/claude/2026-03-04.jsonl', agent: 'claude', day: '2026-03-04' };

describe('checkLedgerText', () => {
  it('accepts well-formed lines', () => {
    expect(checkLedgerText(file, `${good()}\n${good({ id: 'b', event: 'session_start', task_id: 'T1' })}\n`, new Map())).toEqual([]);
  });

  it('names the line and the field of each problem', () => {
    const text = [
      good({ timestamp: 'yesterday' }),
      good({ id: 'c', event: 'teleport' }),
      JSON.stringify({ id: 'd', timestamp: '2026-03-04T00:00:00Z', agent: 'claude', event: 'heartbeat', source: 'x', data: {} }),
      good({ id: 'e', extra: 1 }),
      '{"id":"f","timestamp":"2026-03-04T0',
      '',
      good({ id: 'g', agent: 'general-purpose' }),
      good({ id: 'h', timestamp: '2026-03-05T00:00:01Z' }),
    ].join('\n');
    expect(checkLedgerText(file, `${text}\n`, new Map())).toEqual([
      `${file.label}:1: timestamp: Invalid ISO datetime`,
      `${file.label}:2: event: Invalid option: expected one of "task_start"|"task_result"|"error"|"heartbeat"|"tool_use"|"session_start"|"session_end"`,
      `${file.label}:3: summary: Invalid input: expected string, received undefined`,
      `${file.label}:4: unknown key "extra"`,
      `${file.label}:5: not valid JSON (a torn or hand-edited line)`,
      `${file.label}:6: empty line`,
      `${file.label}:7: agent: "general-purpose" is in the ledger folder of "claude"`,
      `${file.label}:8: timestamp: 2026-03-05T00:00:01Z belongs in 2026-03-05.jsonl, not 2026-03-04.jsonl`,
    ]);
  });

  it('reports duplicate ids across files, telling a union-merge copy from a clash', () => {
    const seen: SeenIds = new Map();
    expect(checkLedgerText(file, `${good()}\n`, seen)).toEqual([]);
    const other = { label: 'other.jsonl' };
    expect(checkLedgerText(other, `${good()}\n${good({ summary: 'something else' })}\n`, seen)).toEqual([
      `other.jsonl:1: id: duplicate of ${file.label}:1 (an identical line, as a git union merge leaves; readers count it once)`,
      `other.jsonl:2: id: "3f0f2b1e-8d7c-4a55-9a0e-6b3c2d1e0f9a" is already used by a different event at ${file.label}:1`,
    ]);
  });

  it('flags a last line without its newline as possibly torn', () => {
    expect(checkLedgerText(file, good(), new Map())).toEqual([`${file.label}:1: no newline at the end of the file: the last line may be torn`]);
  });

  it('knows the agent and day from the ledger layout only', () => {
    expect(ledgerPlacement('/p/.agents-os/ledger/relay-worker/2026-01-02.jsonl')).toEqual({ agent: 'relay-worker', day: '2026-01-02' });
    expect(ledgerPlacement('/tmp/events.jsonl')).toEqual({});
  });
});

describe('relay events validate', () => {
  it('checks every ledger file by default, prints file:line: problem and exits 1', () => {
    const root = tempProject();
    const dir = join(root, '.agents-os', 'ledger', 'claude');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '2026-03-04.jsonl'), `${good()}\nnot json\n`);
    const r = relay(root, ['events', 'validate']);
    expect(r).toMatchObject({ code: 1, stdout: '.agents-os/ledger/claude/2026-03-04.jsonl:2: not valid JSON (a torn or hand-edited line)\n' });
    expect(r.stderr).toBe('relay: 1 problem(s) in 1 ledger file(s), 2 line(s)\n');
  });

  it('takes files as arguments, and a missing one is bad input', () => {
    const root = tempProject();
    writeFileSync(join(root, 'events.jsonl'), `${good()}\n`);
    expect(relay(root, ['events', 'validate', 'events.jsonl'])).toMatchObject({ code: 0, stdout: 'ok: 1 event(s) in 1 file(s)\n' });
    expect(relay(root, ['events', 'validate', 'nope.jsonl'])).toMatchObject({ code: 2, stderr: 'relay: nope.jsonl: file not found\n' });
  });

  it('summary for an unknown session fails with a reason', () => {
    const root = tempProject();
    expect(relay(root, ['events', 'summary', '--session', 'nobody'])).toMatchObject({ code: 1, stderr: 'relay: no events recorded for session "nobody" under .agents-os/ledger\n' });
  });
});
