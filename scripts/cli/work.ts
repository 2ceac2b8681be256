/**
 * `relay work`: runs ready tasks one attempt at a time, each in a fresh worker process.
 * This file only wires adapters to the attempt flow in core/epic/attempt-flow.ts; every
 * decision is made there, every write goes through the file's owner.
 */
import { relative } from 'node:path';
import { nextReadyTask } from '../core/epic/attempts.ts';
import { apiRetryDelayMs, EXIT_ENVIRONMENT, EXIT_INTERRUPTED, runExitCode, runSummary } from '../core/epic/attempt-flow.ts';
import { liveSettings, type RunOverrides } from '../core/epic/settings.ts';
import { RelayError } from '../core/shared/errors.ts';
import { MAX_JOBS } from '../core/shared/schemas.ts';
import { workerAgent } from '../agents/agent.ts';
import { loadRelayConfig } from '../adapters/config.ts';
import { currentProject } from '../adapters/project.ts';
import { loadState, recoverAbandonedAttempts } from '../adapters/state.ts';
import { removeAbandonedTempFiles } from '../adapters/store.ts';
import { promoteLessons } from '../adapters/key-learnings.ts';
import { acquireRunLock, beginRunState, endLeftoverWorkers, endRunState, startDetached } from '../adapters/run-control.ts';
import { worktreeProblem } from '../adapters/worktrees.ts';
import { isTransient } from '../core/epic/worker.ts';
import { Progress } from './progress.ts';
import { runAttempt, type Run } from './work-attempt.ts';
import { parallelLoop } from './work-parallel.ts';

export interface WorkOptions extends RunOverrides {
  detach?: boolean;
  agent?: string;
  jobs?: number;
  keepWorktrees?: boolean;
}


export async function workCommand(taskArg: string | undefined, opts: WorkOptions): Promise<void> {
  const paths = currentProject();
  if (opts.detach) {
    const pid = startDetached(paths, process.argv.slice(1).filter((a) => a !== '--detach'));
    process.stdout.write(`relay: work started in the background (pid ${pid}); log: ${relative(process.cwd(), paths.runLog)}; check with /relay:status\n`);
    return;
  }
  const config = loadRelayConfig(paths);
  const jobs = taskArg ? 1 : opts.jobs ?? config.jobs ?? 1;
  if (jobs > MAX_JOBS) throw new RelayError(`--jobs: at most ${MAX_JOBS} workers at once, got ${jobs}`);
  if (jobs > 1) {
    const problem = await worktreeProblem(paths.root);
    if (problem) throw new RelayError(`${opts.jobs ? '--jobs' : 'relay.jobs'}: ${problem}`);
  }
  const lock = acquireRunLock(paths);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  // Ctrl+C, `relay stop` and a closed terminal all end the run the same way: workers first.
  for (const sig of STOP_SIGNALS) process.on(sig, onSignal);
  // A closed terminal makes every later write fail; the run must still record and clean up.
  process.stdout.on('error', () => undefined);
  try {
    const run: Run = { paths, config, agent: workerAgent(config, opts.agent), signal: abort.signal, progress: new Progress() };
    process.exitCode = await workLoop(run, taskArg, opts, jobs);
  } finally {
    for (const sig of STOP_SIGNALS) process.off(sig, onSignal);
    endRunState(paths);
    lock.release();
  }
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

async function workLoop(run: Run, taskArg: string | undefined, opts: WorkOptions, jobs: number): Promise<number> {
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
  if (jobs > 1) {
    const parallel = await parallelLoop(run, opts, jobs);
    return parallel.exit ?? finishRun(run, parallel.gated);
  }

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
  return finishRun(run, gatedThisRun);
}

/** The run's last line, the learnings promoted when the epic is complete, and the exit code. */
async function finishRun(run: Run, gatedThisRun: string[] = []): Promise<number> {
  const { paths, progress } = run;
  const { epic, ledger } = loadState(paths);
  const ids = Object.keys(epic.tasks);
  const done = ids.filter((id) => ledger.task_status[id] === 'completed').length;
  progress.line(runSummary(done, ids.length, gatedThisRun, nextReadyTask(epic, ledger) !== undefined));
  if (done === ids.length) await promoteAtEpicEnd(run);
  return runExitCode(gatedThisRun);
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
