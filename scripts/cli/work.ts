/**
 * `relay work`: runs ready tasks one attempt at a time, each in a fresh worker process,
 * and records every attempt through the ledger owner. Holds a pid lock for the whole run.
 */
import { closeSync, openSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import { closeAbandonedAttempts, finishAttempt, nextReadyTask, startAttempt, type AttemptOutcome } from '../core/attempts.ts';
import { RelayError } from '../core/errors.ts';
import { applyQualityGate, reviewJsonSchema, reviewPrompt, ReviewVerdict, type VerifyResult } from '../core/review.ts';
import type { Attempt, AttemptLedger, Epic, Receipt, RelayConfig, Settings } from '../core/schemas.ts';
import { classifyWorkerRun, parseResultMessage, receiptJsonSchema, workerArgs } from '../core/worker.ts';
import { redact, truncate } from '../core/redact.ts';
import type { ProjectPaths } from '../core/paths.ts';
import type { NewEvent } from '../adapters/event-ledger.ts';
import { loadRelayConfig } from '../adapters/config.ts';
import { runProcess, runShell, workerEnv } from '../adapters/executor.ts';
import { taskAnchor } from '../adapters/anchor-context.ts';
import { diffSince, dirtySnapshot, filesChangedSince, headCommit } from '../adapters/git.ts';
import { currentProject } from '../adapters/project.ts';
import { loadState, mutateLedger } from '../adapters/state.ts';
import { acquirePidLock, ensureDir, removeAbandonedTempFiles } from '../adapters/store.ts';
import { recordTaskOutcome } from '../adapters/episodic-store.ts';
import { promoteLearnings } from '../adapters/key-learnings.ts';
import { Progress } from './progress.ts';

export interface WorkOptions {
  maxAttempts?: number;
  timeoutMinutes?: number;
  detach?: boolean;
}

const VERIFY_TIMEOUT_MS = 10 * 60_000;
const EXIT_INTERRUPTED = 130;

function effectiveSettings(ledger: AttemptLedger, opts: WorkOptions): Settings {
  return {
    ...ledger.settings,
    ...(opts.maxAttempts ? { max_attempts_per_task: opts.maxAttempts } : {}),
    ...(opts.timeoutMinutes ? { timeout_minutes: opts.timeoutMinutes } : {}),
  };
}

async function runVerify(paths: ProjectPaths, commands: string[], signal: AbortSignal): Promise<VerifyResult[]> {
  const results: VerifyResult[] = [];
  for (const command of commands) {
    const run = await runShell(command, { cwd: paths.root, env: workerEnv({}), timeoutMs: VERIFY_TIMEOUT_MS, signal });
    results.push({ command, exitCode: run.timedOut ? null : run.exitCode, timedOut: run.timedOut, output: truncate(redact(`${run.stdout}${run.stderr}`.trim()), 1500) });
    if (signal.aborted) break;
  }
  return results;
}

async function runReview(paths: ProjectPaths, epic: Epic, taskId: string, attempt: Attempt, receipt: Receipt, settings: Settings, config: RelayConfig, executor: string[], signal: AbortSignal): Promise<ReviewVerdict | null> {
  const { review } = settings;
  if (!review.enabled || review.provider === 'none') return null;
  const diff = await diffSince(paths.root, attempt.git?.start_commit ?? null, 60_000);
  const env = workerEnv({ RELAY_TASK_ID: taskId, RELAY_ATTEMPT: String(attempt.id), RELAY_REVIEW: '1' });
  const timeoutMs = settings.timeout_minutes * 60_000;
  if (review.provider === 'command') {
    if (!review.command) throw new RelayError(`${paths.config}: relay.review.command: required when review.provider is "command"`);
    const run = await runShell(review.command, { cwd: paths.root, env, timeoutMs, signal, input: diff });
    const findings = `${run.stdout}`.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 20).map((l) => truncate(redact(l), 300));
    const verdict = run.exitCode === 0 ? 'APPROVED' : run.exitCode === 3 ? 'BLOCKED' : 'NEEDS CHANGES';
    return { verdict, findings };
  }
  const args = ['-p', reviewPrompt(epic, taskId, receipt, diff), '--output-format', 'json', '--json-schema', reviewJsonSchema(), '--disallowedTools', 'Edit Write MultiEdit NotebookEdit Bash'];
  if (config.model) args.push('--model', config.model);
  const run = await runProcess(executor[0]!, [...executor.slice(1), ...args], { cwd: paths.root, env, timeoutMs, signal });
  const parsed = ReviewVerdict.safeParse(parseResultMessage(run.stdout)?.structured_output);
  if (parsed.success) return parsed.data;
  // A reviewer that could not answer is not an approval.
  return { verdict: 'NEEDS CHANGES', findings: [`the reviewer returned no valid verdict (exit ${run.exitCode}${run.timedOut ? ', timed out' : ''})`] };
}

function outcomeEvents(taskId: string, attemptId: number, outcome: AttemptOutcome, status: string, gate: string | undefined): NewEvent[] {
  const r = outcome.receipt;
  const base = { agent: 'relay', task_id: taskId, source: 'relay work' } as const;
  const events: NewEvent[] = [{
    ...base,
    event: 'task_result',
    ...(outcome.session_id ? { session_id: outcome.session_id } : {}),
    summary: `${taskId} attempt ${attemptId}: ${outcome.result}${gate ? ` (gated: ${gate})` : ''}`,
    data: { attempt: attemptId, result: outcome.result, status, gate: gate ?? null, cost_usd: outcome.total_cost_usd ?? null, duration_ms: outcome.duration_ms ?? null, files_changed: outcome.git?.files_changed ?? [] },
  }];
  if (outcome.result === 'failure') {
    events.push({ ...base, event: 'error', summary: `${taskId} attempt ${attemptId}: ${r?.error_category}: ${r?.error_summary ?? ''}`.slice(0, 500), data: { attempt: attemptId, error_category: r?.error_category ?? null, findings: r?.quality_gate_findings ?? [] } });
  }
  return events;
}

/** Starts `relay work` in the background with its output in run.log, for /relay:work. */
function detach(paths: ProjectPaths, argv: string[]): void {
  const lock = acquirePidLock(paths.runLock);
  if ('heldBy' in lock) throw new RelayError(`relay work is already running (pid ${lock.heldBy}); follow it with: relay status`);
  lock.release();
  ensureDir(paths.relayDir);
  const fd = openSync(paths.runLog, 'a');
  const child = spawn(process.execPath, [...process.execArgv, ...argv.filter((a) => a !== '--detach')], { cwd: process.cwd(), detached: true, stdio: ['ignore', fd, fd], env: { ...process.env, NO_COLOR: '1' } });
  child.unref();
  closeSync(fd);
  process.stdout.write(`relay: work started in the background (pid ${child.pid}); log: ${relative(process.cwd(), paths.runLog)}; check with /relay:status\n`);
}

export async function workCommand(taskArg: string | undefined, opts: WorkOptions): Promise<void> {
  const paths = currentProject();
  if (opts.detach) return detach(paths, process.argv.slice(1));
  const lock = acquirePidLock(paths.runLock);
  if ('heldBy' in lock) throw new RelayError(`relay work is already running (pid ${lock.heldBy}); wait for it or stop it first`);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    process.exitCode = await workLoop(paths, taskArg, opts, abort.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    lock.release();
  }
}

async function workLoop(paths: ProjectPaths, taskArg: string | undefined, opts: WorkOptions, signal: AbortSignal): Promise<number> {
  const progress = new Progress();
  const config = loadRelayConfig(paths);
  const executor = config.executor ?? ['claude'];
  removeAbandonedTempFiles(paths.relayDir);
  const closed = await mutateLedger(paths, (epic, ledger) => {
    const { ledger: next, closed } = closeAbandonedAttempts(epic, ledger, new Date().toISOString());
    return { ledger: next, result: closed, events: closed.map((c) => ({ agent: 'relay', event: 'task_result' as const, task_id: c.split('#')[0], source: 'relay work', summary: `${c} closed as interrupted (its run died)`, data: { action: 'recover' } })) };
  });
  if (closed.length) progress.line(`recovered ${closed.length} attempt(s) left running by a dead run: ${closed.join(', ')} (marked interrupted)`);

  const gatedThisRun: string[] = [];
  for (;;) {
    if (signal.aborted) return EXIT_INTERRUPTED;
    const { epic, ledger } = loadState(paths);
    const taskId = taskArg ?? nextReadyTask(epic, ledger);
    if (!taskId) break;
    if (!(taskId in epic.tasks)) throw new RelayError(`unknown task "${taskId}" (epic has ${Object.keys(epic.tasks).join(', ')})`);
    const status = ledger.task_status[taskId];
    if (taskArg && status !== 'pending') {
      if (status === 'blocked') throw new RelayError(`task ${taskId} is blocked by ${epic.tasks[taskId]!.depends_on.filter((d) => ledger.task_status[d] !== 'completed').join(', ')}`, 1);
      if (status === 'gated' && !gatedThisRun.includes(taskId)) throw new RelayError(`task ${taskId} is gated (${ledger.gated_tasks[taskId]?.reason}); lift it with: relay ungate ${taskId}`, 1);
      break;
    }
    const settings = effectiveSettings(ledger, opts);
    const outcome = await runAttempt(paths, epic, ledger, taskId, settings, config, executor, signal, progress);
    if (outcome === 'interrupted') return EXIT_INTERRUPTED;
    if (outcome === 'gated') gatedThisRun.push(taskId);
  }
  const { epic, ledger } = loadState(paths);
  const ids = Object.keys(epic.tasks);
  const done = ids.filter((id) => ledger.task_status[id] === 'completed').length;
  progress.line(`done: ${done}/${ids.length} tasks completed${gatedThisRun.length ? `; gated this run: ${gatedThisRun.join(', ')}` : ''}${done < ids.length && !nextReadyTask(epic, ledger) ? '; nothing else is ready (see relay status)' : ''}`);
  if (done === ids.length) await promoteAtEpicEnd(paths, progress);
  return gatedThisRun.length ? 1 : 0;
}

/** The episodic ledger's task_completion record for a task that completed or was gated. */
async function recordSettledTask(paths: ProjectPaths, epicId: string, taskId: string, status: 'completed' | 'gated', gate: string | undefined, progress: Progress): Promise<void> {
  const { ledger } = loadState(paths);
  const attempts = ledger.attempts[taskId] ?? [];
  const last = attempts.at(-1);
  try {
    await recordTaskOutcome(paths, {
      epicId,
      taskId,
      status,
      attempts: attempts.length,
      filesModified: [...new Set(attempts.flatMap((a) => a.git?.files_changed ?? []))],
      summary: last?.receipt?.summary,
      learning: [...attempts].reverse().find((a) => a.receipt?.learning)?.receipt?.learning ?? null,
      ...(gate ? { gateReason: gate } : {}),
      ...(last?.receipt?.tests_passed !== undefined ? { testsPassed: last.receipt.tests_passed } : {}),
      costUsd: attempts.reduce((sum, a) => sum + (a.total_cost_usd ?? 0), 0),
      durationMinutes: Math.round(attempts.reduce((sum, a) => sum + (a.duration_ms ?? 0), 0) / 600) / 100,
    });
  } catch (err) {
    // The attempt ledger already holds the truth; a missing summary record must not stop the run.
    progress.line(`could not append the task_completion record for ${taskId}: ${(err as Error).message}`);
  }
}

/** When the last task completes, recurring learnings are promoted into AGENTS.md. */
async function promoteAtEpicEnd(paths: ProjectPaths, progress: Progress): Promise<void> {
  try {
    const report = await promoteLearnings(paths);
    const promoted = report.promoted.length + report.reinforced.length;
    progress.line(`epic complete: ${promoted ? `${promoted} learning(s) promoted to AGENTS.md` : 'no learning recurred often enough to promote'}${report.emerging.length ? `; ${report.emerging.length} emerging (relay learnings list)` : ''}`);
  } catch (err) {
    progress.line(`learnings were not promoted: ${(err as Error).message}`);
  }
}

async function runAttempt(paths: ProjectPaths, epic: Epic, ledger: AttemptLedger, taskId: string, settings: Settings, config: RelayConfig, executor: string[], signal: AbortSignal, progress: Progress): Promise<'completed' | 'gated' | 'retry' | 'interrupted'> {
  const task = epic.tasks[taskId]!;
  const [anchor, startCommit, dirtyBefore] = await Promise.all([taskAnchor(paths, epic, ledger, taskId), headCommit(paths.root), dirtySnapshot(paths.root)]);
  const prompt = anchor.text;
  const attempt = await mutateLedger(paths, (e, l) => {
    const started = startAttempt(e, l, taskId, new Date().toISOString(), startCommit, anchor.memories.map((m) => m.id));
    return { ledger: started.ledger, result: started.attempt, events: [{ agent: 'relay', event: 'task_start', task_id: taskId, source: 'relay work', summary: `${taskId} attempt ${started.attempt.id}: ${task.title}`, data: { attempt: started.attempt.id, start_commit: startCommit } }] };
  });
  progress.start(taskId, task.title, attempt.id, settings.max_attempts_per_task);
  const began = Date.now();
  const run = await runProcess(executor[0]!, [...executor.slice(1), ...workerArgs(prompt, config, receiptJsonSchema())], {
    cwd: paths.root,
    env: workerEnv({ RELAY_TASK_ID: taskId, RELAY_ATTEMPT: String(attempt.id), RELAY_EPIC_ID: epic.id }),
    timeoutMs: settings.timeout_minutes * 60_000,
    signal,
  });
  const verdict = classifyWorkerRun(run, settings.timeout_minutes);
  const [filesChanged, endCommit] = await Promise.all([filesChangedSince(paths.root, startCommit, dirtyBefore), headCommit(paths.root)]);
  const flags: string[] = [];
  let result = verdict.result;
  let receipt = verdict.receipt;
  if (result === 'success' && receipt) {
    if (filesChanged.length === 0 && task.files.length) flags.push('claimed_success_without_changes');
    const verify = await runVerify(paths, task.verify ?? [], signal);
    const started = { ...attempt, git: { start_commit: startCommit, end_commit: endCommit, files_changed: filesChanged } };
    const review = verify.every((v) => v.exitCode === 0) && !signal.aborted ? await runReview(paths, epic, taskId, started, receipt, settings, config, executor, signal) : null;
    ({ result, receipt } = applyQualityGate(receipt, verify, review));
  }
  if (signal.aborted) {
    result = 'interrupted';
    receipt = null;
  }
  const outcome: AttemptOutcome = {
    result,
    receipt,
    session_id: verdict.session_id,
    total_cost_usd: verdict.total_cost_usd,
    num_turns: verdict.num_turns,
    duration_ms: verdict.duration_ms,
    git: { start_commit: startCommit, end_commit: endCommit, files_changed: filesChanged },
    flags,
  };
  const after = await mutateLedger(paths, (e, l) => {
    const next = finishAttempt(e, { ...l, settings }, taskId, attempt.id, outcome, new Date().toISOString());
    const finalLedger = { ...next, settings: l.settings };
    const gate = finalLedger.gated_tasks[taskId]?.reason;
    return { ledger: finalLedger, result: { status: finalLedger.task_status[taskId]!, gate }, events: outcomeEvents(taskId, attempt.id, outcome, finalLedger.task_status[taskId]!, gate) };
  });
  const detail = result === 'failure' ? `${receipt?.error_category}: ${truncate(redact(receipt?.error_summary ?? ''), 160)}${after.gate ? ` → gated (${after.gate})` : ''}` : result === 'success' ? receipt?.quality_gate_verdict ?? undefined : 'progress saved; the next relay work resumes';
  progress.end(taskId, attempt.id, settings.max_attempts_per_task, result, Date.now() - began, verdict.total_cost_usd, detail);
  if (result === 'interrupted') return 'interrupted';
  if (after.status === 'completed' || after.status === 'gated') await recordSettledTask(paths, epic.id, taskId, after.status, after.gate, progress);
  return after.status === 'completed' ? 'completed' : after.status === 'gated' ? 'gated' : 'retry';
}
