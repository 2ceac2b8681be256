// The merges behind relay's git driver, as pure functions over parsed files.
import { describe, expect, it } from 'vitest';
import { mergeAttemptLedgers } from '../../scripts/core/merge/attempt-ledger.ts';
import { splitConflicts } from '../../scripts/core/merge/conflict-markers.ts';
import { mergeEpics } from '../../scripts/core/merge/epic.ts';
import { mergeKeyLearnings } from '../../scripts/core/merge/key-learnings.ts';
import { mergeNotes } from '../../scripts/core/merge/notes.ts';
import { mergeJsonl, mergeKindOf } from '../../scripts/core/merge/kinds.ts';
import { Settings, type Attempt, type AttemptLedger } from '../../scripts/core/shared/schemas.ts';

const settings = Settings.parse({});
const attempt = (id: number, started_at: string, result: Attempt['result'] = 'failure'): Attempt => ({
  id, started_at, ended_at: result === 'in_progress' ? null : started_at, result, receipt: null, fingerprint: null, session_id: null, total_cost_usd: null, num_turns: null, duration_ms: null, git: null, flags: [],
});
const ledger = (over: Partial<AttemptLedger>): AttemptLedger => ({
  version: 1, epic_id: 'e', started_at: '2026-11-01T00:00:00.000Z', settings, task_status: { T1: 'pending', T2: 'pending' }, attempts: {}, gated_tasks: {}, streak_start: {}, promoted_learnings: [], ...over,
});

describe('the attempt ledger merge', () => {
  const base = ledger({ attempts: { T1: [attempt(1, '2026-11-01T10:00:00.000Z')] } });

  it('keeps both branches\' "attempt 2", numbered again in start order, and carries promoted refs across', () => {
    const ours = ledger({ attempts: { T1: [...base.attempts.T1!, attempt(2, '2026-11-02T10:00:00.000Z', 'success')] }, task_status: { T1: 'completed', T2: 'pending' }, promoted_learnings: ['T1#2'] });
    const theirs = ledger({ attempts: { T1: [...base.attempts.T1!, attempt(2, '2026-11-01T12:00:00.000Z')] } });
    const merged = mergeAttemptLedgers(base, ours, theirs, 'attempt-ledger.yml');
    expect(merged.attempts.T1!.map((a) => [a.id, a.started_at, a.result])).toEqual([
      [1, '2026-11-01T10:00:00.000Z', 'failure'],
      [2, '2026-11-01T12:00:00.000Z', 'failure'],
      [3, '2026-11-02T10:00:00.000Z', 'success'],
    ]);
    expect(merged.promoted_learnings).toEqual(['T1#3']);
    expect(merged.task_status.T1).toBe('completed');
  });

  it('lets an ungate newer than the gate win, and a gate newer than the ungate stand', () => {
    const gate = { reason: 'user_blocked' as const, gated_at: '2026-11-02T10:00:00.000Z' };
    const gated = ledger({ gated_tasks: { T1: gate }, task_status: { T1: 'gated', T2: 'pending' } });
    const ungatedLater = ledger({ ungated_at: { T1: '2026-11-03T10:00:00.000Z' } });
    const ungatedEarlier = ledger({ ungated_at: { T1: '2026-11-01T10:00:00.000Z' } });
    expect(mergeAttemptLedgers(ledger({}), gated, ungatedLater, 'f').task_status.T1).toBe('pending');
    expect(mergeAttemptLedgers(ledger({}), ungatedLater, gated, 'f').gated_tasks).toEqual({});
    expect(mergeAttemptLedgers(ledger({}), gated, ungatedEarlier, 'f').gated_tasks.T1).toEqual(gate);
  });

  it('finishes an attempt one side saw start and the other saw end', () => {
    const open = ledger({ attempts: { T1: [attempt(1, '2026-11-01T10:00:00.000Z', 'in_progress')] }, task_status: { T1: 'in_progress', T2: 'pending' } });
    const done = ledger({ attempts: { T1: [attempt(1, '2026-11-01T10:00:00.000Z', 'success')] }, task_status: { T1: 'completed', T2: 'pending' } });
    const merged = mergeAttemptLedgers(open, open, done, 'f');
    expect(merged.attempts.T1!.map((a) => a.result)).toEqual(['success']);
    expect(merged.task_status.T1).toBe('completed');
  });

  it('refuses to merge two different epics', () => {
    expect(() => mergeAttemptLedgers(null, ledger({}), ledger({ epic_id: 'other' }), 'attempt-ledger.yml')).toThrow(/different epics \(e and other\)/);
  });
});

describe('the epic merge', () => {
  const epic = { version: 1, id: 'e', source: 'plan.md', created_at: '2026-11-01T00:00:00.000Z', title: 'E', description: '', tasks: {
    T1: { title: 'One', priority: 'p1', points: 1, files: [], depends_on: [], acceptance_criteria: [] },
    T2: { title: 'Two', priority: 'p2', points: 1, files: [], depends_on: [], acceptance_criteria: [] },
  } };
  const edit = (task: 'T1' | 'T2', field: string, value: unknown) => ({ ...epic, tasks: { ...epic.tasks, [task]: { ...epic.tasks[task], [field]: value } } });

  it('combines edits to different tasks', () => {
    const merged = mergeEpics(epic, edit('T1', 'title', 'One!'), edit('T2', 'priority', 'p0'), 'epic.yml');
    expect([merged.tasks.T1!.title, merged.tasks.T2!.priority]).toEqual(['One!', 'p0']);
  });

  it('names the task and field both sides changed', () => {
    expect(() => mergeEpics(epic, edit('T1', 'title', 'A'), edit('T1', 'title', 'B'), 'epic.yml')).toThrow(/tasks\.T1\.title: ours "A", theirs "B"/);
  });

  it('refuses a merge whose two sound halves make a dependency cycle', () => {
    expect(() => mergeEpics(epic, edit('T1', 'depends_on', ['T2']), edit('T2', 'depends_on', ['T1']), 'epic.yml')).toThrow(/cycle/);
  });
});

describe('NOTES.md by record', () => {
  const head = '# Notes\n\nOne section per record.\n';
  const section = (time: string, id: string) => `\n## 2026-11-0${time} UTC · incident · ${id}\n\n### Summary\nabout ${id}\n`;

  it('unions both sides\' records in time order, never interleaving their lines', () => {
    const base = `${head}${section('1 10:00', 'a')}`;
    const merged = mergeNotes(base, `${base}${section('3 10:00', 'c')}`, `${base}${section('2 10:00', 'b')}`);
    expect(merged.match(/^## .*$/gm)).toEqual(['## 2026-11-01 10:00 UTC · incident · a', '## 2026-11-02 10:00 UTC · incident · b', '## 2026-11-03 10:00 UTC · incident · c']);
    expect(merged.match(/### Summary\nabout (\w)/g)).toHaveLength(3);
  });

  it('drops a record one side archived away', () => {
    const base = `${head}${section('1 10:00', 'a')}`;
    expect(mergeNotes(base, `${head}\nEarlier notes: archive/NOTES-2026.md\n`, `${base}${section('2 10:00', 'b')}`)).not.toContain('· a');
  });
});

describe('Key Learnings by lesson', () => {
  const lesson = (text: string, count: number, lastSeen = '2026-11-01') => ({ text, count, lastSeen, tags: [], refs: [] });

  it('adds up what each branch saw since they split, and keeps out what one branch demoted', () => {
    const base = { manual: [], lessons: [lesson('Pin the node version in CI because npm 11 changed the lockfile', 3), lesson('Old lesson about the cache key version', 3)] };
    const ours = { manual: [], lessons: [lesson('Pin the node version in CI because npm 11 changed the lockfile', 5, '2026-11-05')] };
    const theirs = { manual: [], lessons: [...base.lessons.map((l) => ({ ...l, count: l.count + 1 })), lesson('Run migrations with a lock timeout', 3)] };
    const merged = mergeKeyLearnings(base, ours, theirs);
    expect(merged.lessons.map((l) => [l.text.slice(0, 20), l.count, l.lastSeen])).toEqual([
      ['Pin the node version', 6, '2026-11-05'],
      ['Run migrations with ', 3, '2026-11-01'],
    ]);
  });
});

describe('conflict markers and kinds', () => {
  it('takes a diff3 conflict apart into its three versions', () => {
    const sides = splitConflicts('a\n<<<<<<< ours\nb\n||||||| base\nc\n=======\nd\n>>>>>>> theirs\ne\n');
    expect(sides).toEqual({ ours: 'a\nb\ne\n', base: 'a\nc\ne\n', theirs: 'a\nd\ne\n', conflicts: 1 });
    expect(splitConflicts('no conflict\n')).toBeNull();
    expect(splitConflicts('<<<<<<< ours\nunterminated\n')).toBeNull();
  });

  it('knows relay\'s files and unions JSONL by id', () => {
    expect(['.agents-os/relay/attempt-ledger.yml', 'progress/archive/NOTES-2026.md', 'AGENTS.md', 'docs/x.md'].map(mergeKindOf)).toEqual(['attempt-ledger', 'notes', 'key-learnings', null]);
    expect(mergeJsonl('', '{"id":"1","v":1}\n{"id":"2"}\n', '{"id":"2"}\n{"id":"1","v":1}\n{"id":"3"}\n')).toBe('{"id":"1","v":1}\n{"id":"2"}\n{"id":"3"}\n');
    // One side rotated its records into an archive (emptying the file) while the other appended: the rotated ones stay out.
    const base = '{"task_id":"a"}\n{"task_id":"b"}\n';
    expect(mergeJsonl(base, '', `${base}{"task_id":"c"}\n`)).toBe('{"task_id":"c"}\n');
  });
});
