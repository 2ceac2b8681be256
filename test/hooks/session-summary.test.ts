// The session summary: built from one session's events, counted once per id even after a
// git union merge has duplicated lines.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { EventLine } from '../../scripts/core/events/events.ts';
import { renderSessionSummary, summarizeSession } from '../../scripts/core/events/session-summary.ts';
import { readSessionEvents } from '../../scripts/adapters/event-reader.ts';
import { tempDir } from '../support/project.ts';

let n = 0;
function ev(agent: string, event: EventLine['event'], at: string, data: Record<string, unknown>, extra: Partial<EventLine> = {}): EventLine {
  return { id: `id-${++n}`, timestamp: `2026-05-06T10:${at}.000Z`, agent, event, session_id: 's1', source: 'test', summary: `${event} ${String(data.tool ?? '')}`.trim(), data, ...extra };
}

it('summarises tasks, tools, files and errors, and renders them as markdown', () => {
  const events = [
    ev('claude', 'session_end', '09:00', { reason: 'logout' }),
    ev('claude', 'session_start', '00:00', { source: 'startup' }),
    ev('claude', 'heartbeat', '00:01', { hook: 'UserPromptSubmit' }),
    ev('claude', 'tool_use', '00:02', { tool: 'Write', file_path: 'src/b.ts', ok: true }, { task_id: 'T2' }),
    ev('claude', 'tool_use', '00:03', { tool: 'Edit', file_path: 'src/b.ts', ok: true }),
    ev('Explore', 'tool_use', '00:04', { tool: 'Bash', ok: false }),
    ev('Explore', 'error', '00:05', { tool: 'Bash', error: 'Exit code 1\nnope' }, { summary: 'Bash ls failed (exit 1)' }),
  ];
  const summary = summarizeSession('s1', events);
  expect(summary).toMatchObject({ agent: 'claude', agents: ['claude', 'Explore'], tasks: ['T2'], prompts: 1, endReason: 'logout', startedAt: '2026-05-06T10:00:00.000Z' });
  expect(renderSessionSummary(summary)).toBe(`# Session s1

- Agent: claude (subagents: Explore)
- From 2026-05-06T10:00:00.000Z to 2026-05-06T10:09:00.000Z (9m 0s), ended: logout
- Tasks: T2
- Prompts: 1 · tool calls: 3 · errors: 1

## Tools used
- Bash: 1 (1 failed)
- Edit: 1
- Write: 1

## Files touched
- \`src/b.ts\` (Write, Edit)

## Errors
- 10:00:05Z [Explore] Bash ls failed (exit 1) — Exit code 1 ⏎ nope
`);
});

it('reads one session across agents and counts each event id once', () => {
  const root = tempDir();
  const dir = join(root, '.agents-os', 'ledger');
  const write = (agent: string, e: EventLine) => {
    mkdirSync(join(dir, agent), { recursive: true });
    appendFileSync(join(dir, agent, '2026-05-06.jsonl'), `${JSON.stringify(e)}\n`);
  };
  const a = ev('claude', 'tool_use', '00:01', { tool: 'Write' });
  write('claude', a);
  write('claude', a); // what a union merge leaves behind
  write('Explore', ev('Explore', 'tool_use', '00:02', { tool: 'Bash' }));
  write('claude', ev('claude', 'tool_use', '00:03', { tool: 'Bash' }, { session_id: 'other' }));
  appendFileSync(join(dir, 'claude', '2026-05-06.jsonl'), '{"torn":\n');
  expect(readSessionEvents(root, 's1').map((e) => e.data.tool).sort()).toEqual(['Bash', 'Write']);
  expect(readSessionEvents(root, 's1', ['2026-05-07'])).toEqual([]);
});
