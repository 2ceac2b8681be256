/**
 * The attempt state machine and its gates, as pure functions over the attempt ledger.
 * pending → in_progress → completed, or → pending (retry) / gated after a failure.
 * `blocked` is derived: a task waits while any dependency is not completed.
 */
import { fnv1a } from '../shared/fnv.ts';
import type { Attempt, AttemptLedger, Epic, GateReason, Receipt, Settings, TaskStatus } from '../shared/schemas.ts';
import { RelayError } from '../shared/errors.ts';

const PRIORITY_RANK = { p0: 0, p1: 1, p2: 2, p3: 3 } as const;

export function newLedger(epic: Epic, settings: Settings, now: string): AttemptLedger {
  const ledger: AttemptLedger = {
    version: 1,
    epic_id: epic.id,
    started_at: now,
    settings,
    task_status: {},
    attempts: {},
    gated_tasks: {},
    streak_start: {},
    promoted_learnings: [],
  };
  return refreshStatuses(epic, ledger);
}

/** Re-derives pending/blocked from dependencies; completed, gated and in_progress stand. */
export function refreshStatuses(epic: Epic, ledger: AttemptLedger): AttemptLedger {
  const task_status: Record<string, TaskStatus> = {};
  for (const [id, task] of Object.entries(epic.tasks)) {
    const stored = ledger.task_status[id] ?? 'pending';
    if (ledger.gated_tasks[id]) task_status[id] = 'gated';
    else if (stored === 'completed' || stored === 'in_progress') task_status[id] = stored;
    else task_status[id] = task.depends_on.every((d) => ledger.task_status[d] === 'completed') ? 'pending' : 'blocked';
  }
  return { ...ledger, task_status };
}

/** Ready = pending with every dependency completed; ordered by priority, then epic order. */
export function readyTasks(epic: Epic, ledger: AttemptLedger): string[] {
  const order = Object.keys(epic.tasks);
  return order
    .filter((id) => ledger.task_status[id] === 'pending' && epic.tasks[id]!.depends_on.every((d) => ledger.task_status[d] === 'completed'))
    .sort((a, b) => PRIORITY_RANK[epic.tasks[a]!.priority] - PRIORITY_RANK[epic.tasks[b]!.priority] || order.indexOf(a) - order.indexOf(b));
}

export function nextReadyTask(epic: Epic, ledger: AttemptLedger): string | undefined {
  return readyTasks(epic, ledger)[0];
}

/**
 * Ready tasks to start beside those `running`, up to `slots`, in readyTasks' order: never two
 * at once that name a common file. A task that names no files may touch any; it runs, and a
 * clash shows as a merge conflict.
 */
export function tasksToStart(epic: Epic, ledger: AttemptLedger, running: readonly string[], slots: number): string[] {
  const busy = new Set(running.flatMap((id) => epic.tasks[id]?.files ?? []));
  const start: string[] = [];
  for (const id of readyTasks(epic, ledger)) {
    if (start.length >= slots) break;
    const files = epic.tasks[id]!.files;
    if (running.includes(id) || files.some((f) => busy.has(f))) continue;
    start.push(id);
    for (const f of files) busy.add(f);
  }
  return start;
}

function requireTask(epic: Epic, taskId: string): void {
  if (!(taskId in epic.tasks)) throw new RelayError(`unknown task "${taskId}" (epic has ${Object.keys(epic.tasks).join(', ')})`);
}

/** `recalled`: ids of the memories shown in this attempt's prompt, so the next one shows others. */
export function startAttempt(epic: Epic, ledger: AttemptLedger, taskId: string, now: string, startCommit: string | null, recalled: string[] = []): { ledger: AttemptLedger; attempt: Attempt } {
  requireTask(epic, taskId);
  const status = ledger.task_status[taskId];
  if (status !== 'pending') throw new RelayError(`task ${taskId} is ${status}, not ready to start`, 1);
  const previous = ledger.attempts[taskId] ?? [];
  const attempt: Attempt = {
    id: previous.length + 1,
    started_at: now,
    ended_at: null,
    result: 'in_progress',
    receipt: null,
    fingerprint: null,
    session_id: null,
    total_cost_usd: null,
    num_turns: null,
    duration_ms: null,
    git: { start_commit: startCommit, end_commit: null, files_changed: [] },
    flags: [],
    ...(recalled.length ? { recalled } : {}),
  };
  return {
    ledger: {
      ...ledger,
      attempts: { ...ledger.attempts, [taskId]: [...previous, attempt] },
      task_status: { ...ledger.task_status, [taskId]: 'in_progress' },
    },
    attempt,
  };
}

/** What the executor and quality gate learned about one attempt. */
export interface AttemptOutcome {
  result: 'success' | 'failure' | 'interrupted';
  receipt: Receipt | null;
  session_id?: string | null;
  total_cost_usd?: number | null;
  num_turns?: number | null;
  agent?: string;
  tokens?: Attempt['tokens'];
  duration_ms?: number | null;
  git?: Attempt['git'];
  flags?: string[];
  interrupted_by?: string;
}

export function finishAttempt(epic: Epic, ledger: AttemptLedger, taskId: string, attemptId: number, outcome: AttemptOutcome, now: string): AttemptLedger {
  requireTask(epic, taskId);
  const attempts = ledger.attempts[taskId] ?? [];
  const index = attempts.findIndex((a) => a.id === attemptId);
  if (index < 0) throw new RelayError(`task ${taskId} has no attempt ${attemptId}`, 1);
  const previous = attempts[index]!;
  const finished: Attempt = {
    ...previous,
    ended_at: now,
    result: outcome.result,
    receipt: outcome.receipt,
    fingerprint: outcome.result === 'failure' ? errorFingerprint(outcome.receipt) : null,
    session_id: outcome.session_id ?? previous.session_id,
    total_cost_usd: outcome.total_cost_usd ?? previous.total_cost_usd,
    num_turns: outcome.num_turns ?? previous.num_turns,
    ...(outcome.agent ? { agent: outcome.agent } : {}),
    ...(outcome.tokens ? { tokens: outcome.tokens } : {}),
    duration_ms: outcome.duration_ms ?? previous.duration_ms,
    git: outcome.git ?? previous.git,
    flags: [...new Set([...previous.flags, ...(outcome.flags ?? [])])],
    ...(outcome.interrupted_by ? { interrupted_by: outcome.interrupted_by } : {}),
  };
  const nextAttempts = attempts.map((a, i) => (i === index ? finished : a));
  let next: AttemptLedger = { ...ledger, attempts: { ...ledger.attempts, [taskId]: nextAttempts } };
  const userGate = ledger.gated_tasks[taskId]?.reason === 'user_blocked';

  if (outcome.result === 'success' && !userGate) {
    const { [taskId]: _cleared, ...gated } = next.gated_tasks;
    next = { ...next, gated_tasks: gated, task_status: { ...next.task_status, [taskId]: 'completed' } };
  } else {
    next = { ...next, task_status: { ...next.task_status, [taskId]: 'pending' } };
    const reason = userGate ? undefined : gateReason(streakOf(next, taskId), next.settings);
    if (reason) next = { ...next, gated_tasks: { ...next.gated_tasks, [taskId]: { reason, gated_at: now } } };
  }
  return refreshStatuses(epic, next);
}

/** Attempts since the last ungate that count toward gating (interruptions do not). */
export function streakOf(ledger: AttemptLedger, taskId: string): Attempt[] {
  const from = ledger.streak_start[taskId] ?? 0;
  return (ledger.attempts[taskId] ?? []).slice(from).filter((a) => a.result === 'success' || a.result === 'failure');
}

/** Why a task must stop being retried, judged on its current streak; null means retry. */
export function gateReason(streak: Attempt[], settings: Settings): GateReason | null {
  const last = streak.at(-1);
  if (!last || last.result !== 'failure') return null;
  if (last.receipt?.quality_gate_verdict === 'BLOCKED') return 'quality_gate_blocked';
  const before = streak.at(-2);
  if (before?.result === 'failure' && last.fingerprint && before.fingerprint === last.fingerprint) return 'repeated_failure';
  if (streak.length >= settings.max_attempts_per_task) return 'max_attempts_exceeded';
  return null;
}

export function gateTask(epic: Epic, ledger: AttemptLedger, taskId: string, reason: GateReason, detail: string | undefined, now: string): AttemptLedger {
  requireTask(epic, taskId);
  if (ledger.task_status[taskId] === 'completed') throw new RelayError(`task ${taskId} is completed; there is nothing to gate`, 1);
  const gate = { reason, gated_at: now, ...(detail ? { detail } : {}) };
  return refreshStatuses(epic, { ...ledger, gated_tasks: { ...ledger.gated_tasks, [taskId]: gate } });
}

/** Lifts a gate and starts a fresh failure streak; the attempt history stays. */
export function ungateTask(epic: Epic, ledger: AttemptLedger, taskId: string, now: string): AttemptLedger {
  requireTask(epic, taskId);
  if (!ledger.gated_tasks[taskId]) throw new RelayError(`task ${taskId} is not gated`, 1);
  const { [taskId]: _lifted, ...gated } = ledger.gated_tasks;
  const inFlight = ledger.task_status[taskId] === 'in_progress';
  return refreshStatuses(epic, {
    ...ledger,
    gated_tasks: gated,
    streak_start: { ...ledger.streak_start, [taskId]: (ledger.attempts[taskId] ?? []).length },
    ungated_at: { ...ledger.ungated_at, [taskId]: now },
    task_status: { ...ledger.task_status, [taskId]: inFlight ? 'in_progress' : 'pending' },
  });
}

/** Closes attempts left in_progress by a run that died; they do not count toward gating. */
export function closeAbandonedAttempts(epic: Epic, ledger: AttemptLedger, now: string): { ledger: AttemptLedger; closed: string[] } {
  const closed: string[] = [];
  const attempts: AttemptLedger['attempts'] = {};
  const task_status = { ...ledger.task_status };
  for (const [taskId, list] of Object.entries(ledger.attempts)) {
    attempts[taskId] = list.map((a) => {
      if (a.result !== 'in_progress') return a;
      closed.push(`${taskId}#${a.id}`);
      return { ...a, result: 'interrupted' as const, ended_at: now, flags: [...a.flags, 'abandoned'] };
    });
    if (task_status[taskId] === 'in_progress') task_status[taskId] = 'pending';
  }
  return { ledger: refreshStatuses(epic, { ...ledger, attempts, task_status }), closed };
}

/**
 * A stable hash of what went wrong, blind to the noise that differs between two runs of
 * the same failure: quoted text (a prompt echoed in a command line grows every attempt),
 * temp names, numbers, paths, hex ids and timestamps. Only the head of a long error counts.
 */
export function normaliseError(text: string): string {
  // Each replacement runs only where what it matches can occur (a quote, a digit, a slash, "tmp"
  // or "temp"): the same result, with two regex passes instead of nine on a plain sentence, and
  // recall fingerprints thousands of them on a first query. Replacements only remove digits,
  // slashes and those words, so one check before them holds for all of them.
  let out = /['"`]/.test(text) ? text.replace(/'[^']{24,}'|"[^"]{24,}"|`[^`]{24,}`/g, '<quoted>') : text;
  out = out.toLowerCase();
  const digits = /\d/.test(out);
  if (digits) {
    out = out
      .replace(/\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})?/g, '<ts>')
      .replace(/\b\d{1,2}:\d{2}(:\d{2})?\b/g, '<ts>');
  }
  if (/[\\/]/.test(out)) out = out.replace(/(?:[a-z]:)?(?:[.~]{0,2}[\\/][\w.@+-]+)+[\\/]?/g, '<path>');
  if (out.includes('tmp') || out.includes('temp')) out = out.replace(/\b[\w-]*(?:tmp|temp)[\w-]*\b/g, '<tmp>');
  if (digits) out = out.replace(/\b0x[0-9a-f]+\b/g, '<hex>');
  out = out.replace(/\b[0-9a-f]{7,}\b/g, '<hex>');
  if (digits) out = out.replace(/\d+(\.\d+)?/g, '<n>');
  return out.replace(/\s+/g, ' ').trim().slice(0, 400);
}

export function errorFingerprint(receipt: Receipt | null): string | null {
  const text = [receipt?.error_summary, ...(receipt?.quality_gate_findings ?? [])].filter(Boolean).join(' ');
  if (!text && !receipt?.error_category) return null;
  const normal = `${receipt?.error_category ?? 'unknown'}|${normaliseError(text)}`;
  return `${receipt?.error_category ?? 'unknown'}:${fnv1a(normal).toString(16).padStart(8, '0')}`;
}
