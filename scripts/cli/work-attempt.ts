/**
 * One attempt of `relay work`, in the project itself or (with --jobs) in a task worktree:
 * the adapters gather the facts, core/epic/attempt-flow.ts decides, and every write goes
 * through the file's owner. In a worktree, a successful attempt becomes one commit on the
 * task branch and is merged into the user's branch before the task counts as completed.
 */
import { randomUUID } from 'node:crypto';
import { attemptDetail, concludeAttempt, settledTask, shouldReview, shouldVerify, withMergeConflict } from '../core/epic/attempt-flow.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import type { AttemptLedger, Epic, RelayConfig, Settings } from '../core/shared/schemas.ts';
import type { WorkerAgent } from '../agents/agent.ts';
import type { EnvironmentProblem } from '../core/epic/worker.ts';
import { workerEnv } from '../adapters/executor.ts';
import { taskAnchor } from '../adapters/anchor-context.ts';
import { changedFiles, headCommit, snapshotTree } from '../adapters/git.ts';
import { recordAttemptEnd, recordAttemptStart } from '../adapters/state.ts';
import { recordTaskOutcome } from '../adapters/episodic-store.ts';
import { reviewAttempt, runVerify } from '../adapters/quality-gate.ts';
import { forgetWorker, recordWorker } from '../adapters/run-control.ts';
import { commitAttempt, mergeTaskBranch, type TaskWorktree } from '../adapters/worktrees.ts';
import type { Progress } from './progress.ts';

export interface Run {
  paths: ProjectPaths;
  config: RelayConfig;
  agent: WorkerAgent;
  signal: AbortSignal;
  progress: Progress;
}

export type AttemptEnd = 'completed' | 'gated' | 'retry' | 'interrupted' | EnvironmentProblem;

/** Where a parallel attempt works, and the lock every change to the user's repository takes (merges, worktree adds). */
export interface Worktree {
  tree: TaskWorktree;
  serially: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** How the attempt settled the task, or the environment problem that stopped it from working at all. */
export async function runAttempt(run: Run, epic: Epic, ledger: AttemptLedger, taskId: string, settings: Settings, worktree?: Worktree): Promise<AttemptEnd> {
  const { paths, signal, progress } = run;
  const task = epic.tasks[taskId]!;
  const cwd = worktree?.tree.path ?? paths.root;
  const [anchor, startCommit, before] = await Promise.all([taskAnchor(paths, epic, ledger, taskId, { cwd }), headCommit(cwd), snapshotTree(cwd)]);
  const attempt = await recordAttemptStart(paths, taskId, startCommit, anchor.memories.map((m) => m.id));
  progress.start(taskId, task.title, attempt.id, settings.max_attempts_per_task);
  const began = Date.now();
  // Recorded before the spawn: a relay killed at any moment after this leaves a findable worker.
  const mark = randomUUID();
  recordWorker(paths, { pid: null, mark, task_id: taskId, attempt: attempt.id });
  const worker = await run.agent.runTask({
    prompt: anchor.text,
    cwd,
    // In a worktree, the worker's hooks still record into the project's ledger.
    env: workerEnv({ RELAY_TASK_ID: taskId, RELAY_ATTEMPT: String(attempt.id), RELAY_EPIC_ID: epic.id, ...(worktree ? { RELAY_PROJECT_DIR: paths.root } : {}) }),
    timeoutMs: settings.timeout_minutes * 60_000,
    signal,
    mark,
    onSpawn: (pid) => recordWorker(paths, { pid, mark, task_id: taskId, attempt: attempt.id }),
  });
  // The worker and all it started are gone by now (the executor waits for that).
  forgetWorker(paths, mark);
  const [end, endCommit] = await Promise.all([snapshotTree(cwd), headCommit(cwd)]);
  const filesChanged = await changedFiles(cwd, before, end);
  const checked = shouldVerify(worker, signal.aborted);
  const verify = checked ? await runVerify(cwd, task.verify ?? [], signal) : [];
  const review = checked && shouldReview(settings, verify, signal.aborted)
    ? await reviewAttempt(paths, { epic, taskId, attemptId: attempt.id, before, after: end, receipt: worker.receipt!, verify, settings, agent: run.agent, signal, cwd })
    : null;
  let outcome = concludeAttempt({ task, agent: run.agent.name, worker, git: { start_commit: startCommit, end_commit: endCommit, files_changed: filesChanged }, verify, review, interrupted: signal.aborted });
  const message = `${taskId}: ${task.title}`;
  const trailers = { 'Relay-Epic': epic.id, 'Relay-Task': taskId, 'Relay-Attempt': String(attempt.id) };
  /** Git could not commit or merge at all (no identity, a broken repository): the machine's problem, not the task's. */
  let landing: EnvironmentProblem | undefined;
  if (worktree && outcome.result === 'success' && !signal.aborted) {
    const tree = worktree.tree;
    try {
      const landed = await worktree.serially(async () => {
        const commit = await commitAttempt(tree.path, message, trailers);
        return commit ? mergeTaskBranch(paths.root, tree, `Merge ${message}`) : null;
      });
      if (landed && !landed.merged) outcome = withMergeConflict(outcome, landed.files, landed.reason);
      else if (landed?.merged) outcome = { ...outcome, git: { ...outcome.git!, end_commit: landed.commit } };
    } catch (err) {
      landing = { kind: 'bad_config', message: `git could not commit or merge ${taskId}'s change (${(err as Error).message}): fix that, then run relay work again` };
      outcome = { ...outcome, result: 'interrupted', receipt: null, interrupted_by: landing.message };
    }
  } else if (!worktree && run.config.commit && outcome.result === 'success' && outcome.git?.files_changed.length) {
    // relay.commit: the attempt's own files, one commit the receipt can cite.
    const commit = await commitAttempt(paths.root, message, trailers, outcome.git.files_changed).catch((err: Error) => (progress.line(`${taskId}: not committed: ${err.message}`), null));
    if (commit) outcome = { ...outcome, git: { ...outcome.git, end_commit: commit } };
  }
  const settled = await recordAttemptEnd(paths, taskId, attempt.id, outcome, settings);
  progress.end(taskId, attempt.id, settings.max_attempts_per_task, outcome.result, Date.now() - began, worker.total_cost_usd, attemptDetail(outcome, settled.gate));
  if (worker.environment) return worker.environment;
  if (landing) return landing;
  if (outcome.result === 'interrupted') return 'interrupted';
  if (settled.status === 'completed' || settled.status === 'gated') {
    const record = settledTask(epic.id, settled.ledger, taskId, settled.status, settled.gate);
    // The attempt ledger already holds the truth; a missing summary record must not stop the run.
    await recordTaskOutcome(paths, record).catch((err) => progress.line(`could not append the task_completion record for ${taskId}: ${(err as Error).message}`));
  }
  return settled.status === 'completed' ? 'completed' : settled.status === 'gated' ? 'gated' : 'retry';
}

