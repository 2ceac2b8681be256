// Every writer at once under one project, as a busy day looks: hook processes from two Claude
// sessions firing in parallel, a `relay work` run, and `relay ledger add` calls (what
// /ledger-update runs). Then the counts must be exact: nothing lost, nothing doubled, nothing torn.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventLineSchema } from '../../scripts/core/events/schema.ts';
import { hookPayloads } from '../hooks/support/payloads.ts';
import { eventLines, readAttemptLedger, readJsonl } from './support/ledgers.ts';
import { expectFailOpen, hook, pool, relay, type Ran } from './support/proc.ts';
import { faultSeed, prng } from './support/seed.ts';
import { chainedBlueprint, stubProject } from './support/stub-project.ts';

const SESSIONS = ['sess-alpha-0001', 'sess-bravo-0002'];
/** Per session: successful tool calls (1 event each) and failed Bash calls (tool_use + error). */
const OK_CALLS = 40;
const FAILED_CALLS = 10;
const EVENTS_PER_SESSION = OK_CALLS + 2 * FAILED_CALLS;
/** Claude Code runs parallel tool calls' hooks at once; three in flight per session. */
const PARALLEL_PER_SESSION = 3;
const TASKS = 6;
const RECORDS = 16;

function sessionPayloads(root: string, session: string, random: () => number): object[] {
  const p = hookPayloads(root, session);
  const calls: object[] = [];
  for (let i = 0; i < OK_CALLS; i++) {
    const kind = Math.floor(random() * 3);
    if (kind === 0) calls.push(p.bash(`npm test -- case-${i}`, `ok ${i}\n`.repeat(1 + Math.floor(random() * 50)), ''));
    else if (kind === 1) calls.push(p.write(join(root, 'src', `file-${session}-${i}.ts`), `export const x${i} = ${i};\n`));
    else calls.push(p.edit(join(root, 'src', `file-${i}.ts`), `a${i}`, `b${i}`));
  }
  for (let i = 0; i < FAILED_CALLS; i++) calls.push(p.bashFailure(`npm run lint -- part-${i}`, 1, `lint error ${i}`));
  // Shuffle so failures interleave with the rest, as they do in a real session.
  for (let i = calls.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [calls[i], calls[j]] = [calls[j]!, calls[i]!];
  }
  return calls;
}

function record(i: number): string {
  return JSON.stringify({
    timestamp: new Date(Date.UTC(2026, 0, 5, 10, i)).toISOString(),
    type: 'task_completion',
    task_id: `concurrent-add-${i}`,
    summary: `Added retry handling to the payment webhook consumer, part ${i}`,
    status: 'completed',
    files_modified: [`src/webhooks/consumer-${i}.ts`],
    lesson_learned: `Stripe retries webhooks for 72 hours, so consumer ${i} must dedupe on the event id before writing to Postgres`,
  });
}

describe('concurrent writers under one project', () => {
  it('two sessions of hooks, relay work and ledger add at once: exact counts, valid lines, unique ids', async () => {
    const random = prng(faultSeed('concurrency'));
    const root = stubProject({ blueprint: chainedBlueprint(TASKS) });
    mkdirSync(join(root, 'src'));

    const hooks = SESSIONS.map((session) => pool(PARALLEL_PER_SESSION, sessionPayloads(root, session, random).map((payload) => () => hook(payload, { timeoutMs: 60_000 }))));
    const work = relay(root, ['work'], { env: { STUB_WORKER_SLEEP_MS: '200', STUB_WORKER_WRITE: '1' }, timeoutMs: 180_000 });
    const adds = pool(2, Array.from({ length: RECORDS }, (_, i) => () => relay(root, ['ledger', 'add'], { input: record(i), timeoutMs: 60_000 })));
    const [hookRuns, workRun, addRuns] = await Promise.all([Promise.all(hooks), work, adds]);

    for (const r of hookRuns.flat()) {
      expectFailOpen(r, 'hook under load');
      expect(r.stderr).toBe('');
    }
    expect(workRun.code, `${workRun.stdout}\n${workRun.stderr}`).toBe(0);
    addRuns.forEach((r: Ran, i) => expect(r.code, `ledger add ${i}: ${r.stderr}`).toBe(0));

    // Event ledger: every line valid, ids unique, and exactly the events each writer produced.
    const events = eventLines(root);
    for (const e of events) expect(EventLineSchema.safeParse(e).success, JSON.stringify(e)).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const session of SESSIONS) {
      const mine = events.filter((e) => e.session_id === session);
      expect(mine.length, session).toBe(EVENTS_PER_SESSION);
      expect(mine.filter((e) => e.event === 'tool_use').length).toBe(OK_CALLS + FAILED_CALLS);
      expect(mine.filter((e) => e.event === 'error').length).toBe(FAILED_CALLS);
      expect(new Set(mine.map((e) => e.agent))).toEqual(new Set(['claude']));
    }
    const relayEvents = events.filter((e) => e.agent === 'relay');
    expect(relayEvents.filter((e) => e.event === 'task_start').length).toBe(TASKS);
    expect(relayEvents.filter((e) => e.event === 'task_result').length).toBe(TASKS);
    expect(events.length).toBe(SESSIONS.length * EVENTS_PER_SESSION + 2 * TASKS);

    // Attempt ledger: one successful attempt per task.
    const ledger = readAttemptLedger(root);
    expect(Object.values(ledger.attempts).flat().map((a) => a.result)).toEqual(Array(TASKS).fill('success'));
    expect(Object.values(ledger.task_status)).toEqual(Array(TASKS).fill('completed'));

    // Episodic ledger: our records once each, plus the task_completion relay work adds per settled task.
    const episodic = readJsonl(join(root, 'progress', 'ledger.jsonl'), root);
    expect(episodic.problems).toEqual([]);
    const ids = (episodic.values as { task_id: string }[]).map((r) => r.task_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('concurrent-add-')).sort()).toEqual(Array.from({ length: RECORDS }, (_, i) => `concurrent-add-${i}`).sort());
    const epicId = ledger.epic_id;
    expect(ids.filter((id) => id.startsWith(epicId)).length).toBe(TASKS);
    expect(ids.length).toBe(RECORDS + TASKS);

    const notes = readFileSync(join(root, 'progress', 'NOTES.md'), 'utf8');
    for (const id of ids) expect(notes.split(`· ${id}\n`).length - 1, `NOTES.md section for ${id}`).toBe(1);

    const validate = await relay(root, ['events', 'validate']);
    expect(validate.code, validate.stdout).toBe(0);
  });
});
