/**
 * attempt-ledger.yml across branches, merged by meaning rather than by line: attempts are
 * unioned (one attempt is the same on every branch by task and start time) and numbered again
 * in start order, gates are unioned with an ungate newer than the gate winning, failure
 * streaks keep their boundaries, and statuses follow from what was merged.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Attempt, AttemptLedger, Gate, TaskStatus } from '../shared/schemas.ts';
import { RelayError } from '../shared/errors.ts';
import { mergeValues } from './three-way.ts';

const attemptKey = (a: Attempt) => a.started_at;

/** How far an attempt has come: a side that finished it knows more than one that saw it start. */
function progress(a: Attempt): number {
  return a.result === 'in_progress' ? 0 : 1;
}

function pickAttempt(base: Attempt | undefined, ours: Attempt | undefined, theirs: Attempt | undefined): Attempt {
  if (!ours) return theirs!;
  if (!theirs || isDeepStrictEqual(ours, theirs)) return ours;
  if (base && isDeepStrictEqual(base, ours)) return theirs;
  if (base && isDeepStrictEqual(base, theirs)) return ours;
  // Both sides wrote the same attempt differently (one closed it as abandoned, the other finished it): keep the further along, then the later end.
  return progress(theirs) > progress(ours) || (progress(theirs) === progress(ours) && (theirs.ended_at ?? '') > (ours.ended_at ?? '')) ? theirs : ours;
}

interface MergedAttempts {
  list: Attempt[];
  /** Per side, old attempt id → new id, to carry references (promoted learnings) across. */
  renumber: { ours: Map<number, number>; theirs: Map<number, number> };
}

function mergeTaskAttempts(base: Attempt[], ours: Attempt[], theirs: Attempt[]): MergedAttempts {
  const byKey = (list: Attempt[]) => new Map(list.map((a) => [attemptKey(a), a]));
  const [b, o, t] = [byKey(base), byKey(ours), byKey(theirs)];
  const keys = [...new Set([...o.keys(), ...t.keys()])].sort();
  const list = keys.map((key, i) => ({ ...pickAttempt(b.get(key), o.get(key), t.get(key)), id: i + 1 }));
  const newId = new Map(keys.map((key, i) => [key, i + 1]));
  const mapOf = (side: Attempt[]) => new Map(side.map((a) => [a.id, newId.get(attemptKey(a))!]));
  return { list, renumber: { ours: mapOf(ours), theirs: mapOf(theirs) } };
}

/** A side's gate stands unless the other side ungated the task after it was gated. */
function mergeGate(task: string, ours: AttemptLedger, theirs: AttemptLedger): Gate | undefined {
  const candidates = [ours, theirs].flatMap((side) => (side.gated_tasks[task] ? [side.gated_tasks[task]!] : []));
  const ungated = [ours, theirs].map((side) => side.ungated_at?.[task] ?? '').sort().at(-1) ?? '';
  const standing = candidates.filter((g) => g.gated_at > ungated).sort((x, y) => x.gated_at.localeCompare(y.gated_at));
  return standing.at(-1);
}

/** The failure streak restarts after the last attempt either side had seen when it ungated. */
function mergeStreakStart(task: string, side: AttemptLedger, renumber: Map<number, number>): number {
  const start = side.streak_start[task] ?? 0;
  const boundary = (side.attempts[task] ?? [])[start - 1];
  return boundary ? renumber.get(boundary.id)! : 0;
}

function mergeStatus(attempts: Attempt[], gated: boolean, ours: TaskStatus | undefined, theirs: TaskStatus | undefined): TaskStatus {
  if (gated) return 'gated';
  if ((ours === 'completed' || theirs === 'completed') && attempts.some((a) => a.result === 'success')) return 'completed';
  if (attempts.some((a) => a.result === 'in_progress')) return 'in_progress';
  // pending or blocked: re-derived from the epic's graph whenever relay loads the ledger.
  return ours === 'blocked' && theirs === 'blocked' ? 'blocked' : 'pending';
}

function renumberRef(ref: string, renumber: Map<string, Map<number, number>>): string {
  const m = /^(.+)#(\d+)$/.exec(ref);
  const moved = m ? renumber.get(m[1]!)?.get(Number(m[2])) : undefined;
  return m && moved ? `${m[1]}#${moved}` : ref;
}

export function mergeAttemptLedgers(base: AttemptLedger | null, ours: AttemptLedger, theirs: AttemptLedger, file: string): AttemptLedger {
  if (ours.epic_id !== theirs.epic_id) {
    throw new RelayError(`${file}: the branches hold different epics (${ours.epic_id} and ${theirs.epic_id}); keep one side (git checkout --ours or --theirs) and re-run relay init for the other plan`, 1);
  }
  const tasks = [...new Set([...Object.keys(ours.task_status), ...Object.keys(theirs.task_status), ...Object.keys(ours.attempts), ...Object.keys(theirs.attempts)])];
  const attempts: AttemptLedger['attempts'] = {};
  const gated_tasks: AttemptLedger['gated_tasks'] = {};
  const streak_start: AttemptLedger['streak_start'] = {};
  const task_status: AttemptLedger['task_status'] = {};
  const ungated_at: Record<string, string> = {};
  const renumberOurs = new Map<string, Map<number, number>>();
  const renumberTheirs = new Map<string, Map<number, number>>();
  for (const task of tasks) {
    const merged = mergeTaskAttempts(base?.attempts[task] ?? [], ours.attempts[task] ?? [], theirs.attempts[task] ?? []);
    renumberOurs.set(task, merged.renumber.ours);
    renumberTheirs.set(task, merged.renumber.theirs);
    if (merged.list.length || ours.attempts[task] || theirs.attempts[task]) attempts[task] = merged.list;
    const gate = mergeGate(task, ours, theirs);
    if (gate) gated_tasks[task] = gate;
    const streak = Math.max(mergeStreakStart(task, ours, merged.renumber.ours), mergeStreakStart(task, theirs, merged.renumber.theirs));
    if (streak || ours.streak_start[task] !== undefined || theirs.streak_start[task] !== undefined) streak_start[task] = streak;
    const lastUngate = [ours.ungated_at?.[task], theirs.ungated_at?.[task]].filter(Boolean).sort().at(-1);
    if (lastUngate) ungated_at[task] = lastUngate;
    task_status[task] = mergeStatus(merged.list, Boolean(gate), ours.task_status[task], theirs.task_status[task]);
  }
  const promoted = [
    ...ours.promoted_learnings.map((r) => renumberRef(r, renumberOurs)),
    ...theirs.promoted_learnings.map((r) => renumberRef(r, renumberTheirs)),
  ];
  // Settings are a copy of .agents.yml (which is read live); a contradiction there keeps ours.
  const settings = mergeValues(base?.settings, ours.settings, theirs.settings).value as AttemptLedger['settings'];
  return {
    version: 1,
    epic_id: ours.epic_id,
    started_at: [ours.started_at, theirs.started_at].sort()[0]!,
    settings,
    task_status,
    attempts,
    gated_tasks,
    streak_start,
    ...(Object.keys(ungated_at).length ? { ungated_at } : {}),
    promoted_learnings: [...new Set(promoted)],
  };
}
