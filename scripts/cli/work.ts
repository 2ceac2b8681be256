/**
 * `relay work`: runs ready tasks one attempt at a time, each in a fresh worker process.
 * This file only wires adapters to the attempt flow in core/epic/attempt-flow.ts; every
 * decision is made there, every write goes through the file's owner.
 */
import { randomUUID } from 'node:crypto';
import { relative } from 'node:path';
import { nextReadyTask } from '../core/epic/attempts.ts';
import {
  apiRetryDelayMs, attemptDetail, concludeAttempt, EXIT_ENVIRONMENT, EXIT_INTERRUPTED, runExitCode, runSummary, settledTask, shouldReview, shouldVerify,
} from '../core/epic/attempt-flow.ts';
import { liveSettings, type RunOverrides } from '../core/epic/settings.ts';
import { RelayError } from '../core/shared/errors.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import type { AttemptLedger, Epic, RelayConfig, Settings } from '../core/shared/schemas.ts';
import { workerAgent, type WorkerAgent } from '../agents/agent.ts';
import { loadRelayConfig } from '../adapters/config.ts';
import { workerEnv } from '../adapters/executor.ts';
import { taskAnchor } from '../adapters/anchor-context.ts';
import { changedFiles, headCommit, snapshotTree } from '../adapters/git.ts';
import { currentProject } from '../adapters/project.ts';
import { loadState, recordAttemptEnd, recordAttemptStart, recoverAbandonedAttempts } from '../adapters/state.ts';
import { removeAbandonedTempFiles } from '../adapters/store.ts';
import { recordTaskOutcome } from '../adapters/episodic-store.ts';
import { promoteLessons } from '../adapters/key-learnings.ts';
import { reviewAttempt, runVerify } from '../adapters/quality-gate.ts';
import { acquireRunLock, beginRunState, endLeftoverWorkers, endRunState, forgetWorker, recordWorker, startDetached } from '../adapters/run-control.ts';
import { isTransient, type EnvironmentProblem } from '../core/epic/worker.ts';
import { Progress } from './progress.ts';

export interface WorkOptions extends RunOverrides {
  detach?: boolean;
  agent?: string;
}

interface Run {
  paths: ProjectPaths;
  config: RelayConfig;
  agent: WorkerAgent;
  signal: AbortSignal;
  progress: Progress;
}

export async function workCommand(taskArg: string | undefined, opts: WorkOptions): Promise<void> {
  const paths = currentProject();
  if (opts.detach) {
    const pid = startDetached(paths, process.argv.slice(1).filter((a) => a !== '--detach'));
    process.stdout.write(`relay: work started in the background (pid ${pid}); log: ${relative(process.cwd(), paths.runLog)}; check with /relay:status\n`);
    return;
  }
  const lock = acquireRunLock(paths);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  // Ctrl+C, `relay stop` and a closed terminal all end the run the same way: workers first.
  for (const sig of STOP_SIGNALS) process.on(sig, onSignal);
  // A closed terminal makes every later write fail; the run must still record and clean up.
  process.stdout.on('error', () => undefined);
  try {
    const config = loadRelayConfig(paths);
    const run: Run = { paths, config, agent: workerAgent(config, opts.agent), signal: abort.signal, progress: new Progress() };
    process.exitCode = await workLoop(run, taskArg, opts);
  } finally {
    for (const sig of STOP_SIGNALS) process.off(sig, onSignal);
    endRunState(paths);
    lock.release();
  }
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

async function workLoop(run: Run, taskArg: string | undefined, opts: WorkOptions): Promise<number> {
  const { paths, progress } = run;
  removeAbandonedTempFiles(paths.relayDir);
  const leftovers = await endLeftoverWorkers(paths);
  if (leftovers.length) progress.line(`ended what a run that died left running: ${leftovers.map((w) => `${w.task_id} attempt ${w.attempt} (worker pid ${w.pid ?? 'not started'})`).join(', ')}`);
  beginRunState(paths);
  const prepared = await run.agent.prepare?.(paths.root);
  if (prepared) progress.line(prepared);
  const closed = await recoverAbandonedAttempts(paths);
  if (closed.length) progress.line(`recovered ${closed.length} attempt(s) left running by a dead run: ${closed.join(', ')} (marked interrupted)`);
  for (const change of liveSettings(loadState(paths).ledger.settings, run.config).changes) progress.line(`settings: ${change}`);

  const gatedThisRun: string[] = [];
  const retry = { attempts: run.config.api_retry?.attempts ?? 3, backoff: run.config.api_retry?.backoff_seconds ?? 30, used: 0 };
  for (;;) {
    if (run.signal.aborted) return EXIT_INTERRUPTED;
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
    const outcome = await runAttempt(run, epic, ledger, taskId, liveSettings(ledger.settings, run.config, opts).settings);
    if (outcome === 'interrupted') return EXIT_INTERRUPTED;
    if (outcome === 'gated') gatedThisRun.push(taskId);
    if (typeof outcome === 'object') {
      if (!isTransient(outcome) || retry.used >= retry.attempts) {
        progress.line(`stopped: ${outcome.message}${isTransient(outcome) ? ` (still so after ${retry.used} ${retry.used === 1 ? 'retry' : 'retries'}; run relay work again later)` : ''}`);
        return EXIT_ENVIRONMENT;
      }
      const delay = apiRetryDelayMs(++retry.used, retry.backoff);
      progress.line(`${outcome.message}: waiting ${Math.round(delay / 1000)} s, then trying ${taskId} again (retry ${retry.used} of ${retry.attempts})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        run.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
    } else retry.used = 0;
  }
  const { epic, ledger } = loadState(paths);
  const ids = Object.keys(epic.tasks);
  const done = ids.filter((id) => ledger.task_status[id] === 'completed').length;
  progress.line(runSummary(done, ids.length, gatedThisRun, nextReadyTask(epic, ledger) !== undefined));
  if (done === ids.length) await promoteAtEpicEnd(run);
  return runExitCode(gatedThisRun);
}

/** How the attempt settled the task, or the environment problem that stopped it from working at all. */
async function runAttempt(run: Run, epic: Epic, ledger: AttemptLedger, taskId: string, settings: Settings): Promise<'completed' | 'gated' | 'retry' | 'interrupted' | EnvironmentProblem> {
  const { paths, signal, progress } = run;
  const task = epic.tasks[taskId]!;
  const [anchor, startCommit, before] = await Promise.all([taskAnchor(paths, epic, ledger, taskId), headCommit(paths.root), snapshotTree(paths.root)]);
  const attempt = await recordAttemptStart(paths, taskId, startCommit, anchor.memories.map((m) => m.id));
  progress.start(taskId, task.title, attempt.id, settings.max_attempts_per_task);
  const began = Date.now();
  // Recorded before the spawn: a relay killed at any moment after this leaves a findable worker.
  const mark = randomUUID();
  recordWorker(paths, { pid: null, mark, task_id: taskId, attempt: attempt.id });
  const worker = await run.agent.runTask({
    prompt: anchor.text,
    cwd: paths.root,
    env: workerEnv({ RELAY_TASK_ID: taskId, RELAY_ATTEMPT: String(attempt.id), RELAY_EPIC_ID: epic.id }),
    timeoutMs: settings.timeout_minutes * 60_000,
    signal,
    mark,
    onSpawn: (pid) => recordWorker(paths, { pid, mark, task_id: taskId, attempt: attempt.id }),
  });
  // The worker and all it started are gone by now (the executor waits for that).
  forgetWorker(paths, mark);
  const [end, endCommit] = await Promise.all([snapshotTree(paths.root), headCommit(paths.root)]);
  const filesChanged = await changedFiles(paths.root, before, end);
  const checked = shouldVerify(worker, signal.aborted);
  const verify = checked ? await runVerify(paths, task.verify ?? [], signal) : [];
  const review = checked && shouldReview(settings, verify, signal.aborted)
    ? await reviewAttempt(paths, { epic, taskId, attemptId: attempt.id, before, after: end, receipt: worker.receipt!, verify, settings, agent: run.agent, signal })
    : null;
  const outcome = concludeAttempt({ task, agent: run.agent.name, worker, git: { start_commit: startCommit, end_commit: endCommit, files_changed: filesChanged }, verify, review, interrupted: signal.aborted });
  const settled = await recordAttemptEnd(paths, taskId, attempt.id, outcome, settings);
  progress.end(taskId, attempt.id, settings.max_attempts_per_task, outcome.result, Date.now() - began, worker.total_cost_usd, attemptDetail(outcome, settled.gate));
  if (worker.environment) return worker.environment;
  if (outcome.result === 'interrupted') return 'interrupted';
  if (settled.status === 'completed' || settled.status === 'gated') {
    const record = settledTask(epic.id, settled.ledger, taskId, settled.status, settled.gate);
    // The attempt ledger already holds the truth; a missing summary record must not stop the run.
    await recordTaskOutcome(paths, record).catch((err) => progress.line(`could not append the task_completion record for ${taskId}: ${(err as Error).message}`));
  }
  return settled.status === 'completed' ? 'completed' : settled.status === 'gated' ? 'gated' : 'retry';
}

/** When the last task completes, recurring learnings are promoted into AGENTS.md. */
async function promoteAtEpicEnd({ paths, progress, agent }: Run): Promise<void> {
  try {
    const report = await promoteLessons(paths, agent);
    const promoted = report.promoted.length + report.reinforced.length;
    progress.line(`epic complete: ${promoted ? `${promoted} learning(s) promoted to AGENTS.md` : 'no learning recurred often enough to promote'}${report.emerging.length ? `; ${report.emerging.length} emerging (relay learnings list)` : ''}`);
  } catch (err) {
    progress.line(`learnings were not promoted: ${(err as Error).message}`);
  }
}
