/**
 * One attempt, start to finish, as pure decisions. `relay work` gathers the facts (the
 * worker's run, git, verify, review) through adapters; everything it decides from them lives
 * here: whether to verify and review, the recorded outcome, the events, the progress line,
 * the episodic summary and the exit code.
 */
import type { NewEventLine } from '../events/events.ts';
import type { TaskOutcome } from '../episodic/records.ts';
import { redact, truncate } from '../shared/redact.ts';
import type { Attempt, AttemptLedger, Settings, Task } from '../shared/schemas.ts';
import type { AttemptOutcome } from './attempts.ts';
import { applyQualityGate, type ReviewVerdict, type VerifyResult } from './review.ts';
import type { WorkerVerdict } from './worker.ts';

export const EXIT_INTERRUPTED = 130;

/** Only a claimed success is checked: a failure needs no verify to be a failure. */
export function shouldVerify(worker: WorkerVerdict, interrupted: boolean): boolean {
  return !interrupted && worker.result === 'success' && worker.receipt !== null;
}

/** The reviewer's time is spent only on work that passed its own verify commands. */
export function shouldReview(settings: Settings, verify: VerifyResult[], interrupted: boolean): boolean {
  return !interrupted && settings.review.enabled && settings.review.provider !== 'none' && verify.every((v) => v.exitCode === 0);
}

export interface AttemptFacts {
  task: Task;
  /** The worker agent CLI that ran the attempt. */
  agent: string;
  worker: WorkerVerdict;
  git: NonNullable<Attempt['git']>;
  verify: VerifyResult[];
  review: ReviewVerdict | null;
  interrupted: boolean;
}

/** What relay records for the attempt: the worker's claim, checked against git, verify and review. */
export function concludeAttempt(facts: AttemptFacts): AttemptOutcome {
  const { worker, task, git } = facts;
  const flags: string[] = [];
  let result = worker.result;
  let receipt = worker.receipt;
  if (result === 'success' && receipt) {
    if (git.files_changed.length === 0 && task.files.length) flags.push('claimed_success_without_changes');
    ({ result, receipt } = applyQualityGate(receipt, facts.verify, facts.review));
  }
  if (facts.interrupted || worker.environment) {
    result = 'interrupted';
    receipt = null;
  }
  return {
    result,
    receipt,
    session_id: worker.session_id,
    total_cost_usd: worker.total_cost_usd,
    num_turns: worker.num_turns,
    agent: facts.agent,
    tokens: worker.tokens ?? null,
    duration_ms: worker.duration_ms,
    git,
    flags,
    ...(worker.environment ? { interrupted_by: worker.environment.message } : {}),
  };
}

/**
 * A success whose change could not be merged into the user's branch (--jobs): a failure of
 * its own kind, naming the files, so the next attempt starts from the new head knowing why.
 */
export function withMergeConflict(outcome: AttemptOutcome, files: readonly string[], reason: string): AttemptOutcome {
  const summary = truncate(redact(reason), 500);
  const receipt = outcome.receipt ?? { status: 'failure' as const, summary, files_changed: [], pattern_tags: [], quality_gate_findings: [] };
  return {
    ...outcome,
    result: 'failure',
    receipt: {
      ...receipt, status: 'failure', error_category: 'merge_conflict', error_summary: summary,
      suggestion: `Another task changed ${files.length ? files.join(', ') : 'the same files'} first; this attempt starts from the branch as it is now: redo the change on top of it.`,
    },
    flags: [...(outcome.flags ?? []), 'merge_conflict'],
  };
}

const WORK = { agent: 'relay', source: 'relay work' } as const;

export function attemptStartEvent(taskId: string, task: Task, attemptId: number, startCommit: string | null): NewEventLine {
  return { ...WORK, event: 'task_start', task_id: taskId, summary: `${taskId} attempt ${attemptId}: ${task.title}`, data: { attempt: attemptId, start_commit: startCommit } };
}

export function attemptEndEvents(taskId: string, attemptId: number, outcome: AttemptOutcome, status: string, gate: string | undefined): NewEventLine[] {
  const r = outcome.receipt;
  const base = { ...WORK, task_id: taskId };
  const events: NewEventLine[] = [{
    ...base,
    event: 'task_result',
    ...(outcome.session_id ? { session_id: outcome.session_id } : {}),
    summary: `${taskId} attempt ${attemptId}: ${outcome.result}${gate ? ` (gated: ${gate})` : ''}`,
    data: { attempt: attemptId, result: outcome.result, status, gate: gate ?? null, cost_usd: outcome.total_cost_usd ?? null, duration_ms: outcome.duration_ms ?? null, files_changed: outcome.git?.files_changed ?? [] },
  }];
  if (outcome.result === 'failure') {
    events.push({ ...base, event: 'error', summary: truncate(redact(`${taskId} attempt ${attemptId}: ${r?.error_category}: ${r?.error_summary ?? ''}`), 500), data: { attempt: attemptId, error_category: r?.error_category ?? null, findings: r?.quality_gate_findings ?? [] } });
  }
  return events;
}

export function recoveryEvents(closed: string[]): NewEventLine[] {
  return closed.map((c) => ({ ...WORK, event: 'task_result', task_id: c.split('#')[0], summary: `${c} closed as interrupted (its run died)`, data: { action: 'recover' } }));
}

/** The text after the attempt's result on its progress line. */
export function attemptDetail(outcome: AttemptOutcome, gate: string | undefined): string | undefined {
  const r = outcome.receipt;
  if (outcome.interrupted_by) return `${outcome.interrupted_by} (not counted against the task)`;
  if (outcome.result === 'failure') return `${r?.error_category}: ${truncate(redact(r?.error_summary ?? ''), 160)}${gate ? ` → gated (${gate})` : ''}`;
  if (outcome.result === 'success') return r?.quality_gate_verdict ?? undefined;
  return 'progress saved; the next relay work resumes';
}

/** The episodic ledger's summary of a task that completed or was gated, from all its attempts. */
export function settledTask(epicId: string, ledger: AttemptLedger, taskId: string, status: 'completed' | 'gated', gate: string | undefined): TaskOutcome {
  const attempts = ledger.attempts[taskId] ?? [];
  const last = attempts.at(-1);
  return {
    epicId,
    taskId,
    status,
    // Interrupted attempts never count: a task done on its first real try is a first-pass success.
    attempts: attempts.filter((a) => a.result === 'success' || a.result === 'failure').length,
    filesModified: [...new Set(attempts.flatMap((a) => a.git?.files_changed ?? []))],
    summary: last?.receipt?.summary,
    learning: [...attempts].reverse().find((a) => a.receipt?.learning)?.receipt?.learning ?? null,
    ...(gate ? { gateReason: gate } : {}),
    ...(last?.receipt?.tests_passed !== undefined ? { testsPassed: last.receipt.tests_passed } : {}),
    costUsd: attempts.reduce((sum, a) => sum + (a.total_cost_usd ?? 0), 0),
    durationMinutes: Math.round(attempts.reduce((sum, a) => sum + (a.duration_ms ?? 0), 0) / 600) / 100,
  };
}

export function runSummary(done: number, total: number, gatedThisRun: string[], anyReady: boolean): string {
  return `done: ${done}/${total} tasks completed${gatedThisRun.length ? `; gated this run: ${gatedThisRun.join(', ')}` : ''}${done < total && !anyReady ? '; nothing else is ready (see relay status)' : ''}`;
}

export const EXIT_ENVIRONMENT = 2;

/** How long to wait before retry `n` (1-based) after a transient API problem: the backoff doubles. */
export function apiRetryDelayMs(n: number, backoffSeconds: number): number {
  return backoffSeconds * 1000 * 2 ** (n - 1);
}

/** 0 when nothing was gated, 1 when a task was gated in this run. */
export function runExitCode(gatedThisRun: string[]): number {
  return gatedThisRun.length ? 1 : 0;
}
