/**
 * `relay work --jobs N`: up to N ready tasks at once, each attempt in its own git worktree
 * cut from the current head (adapters/worktrees.ts), never two at once that name a common
 * file (core/epic/attempts.ts, tasksToStart). A finished attempt is committed on its task
 * branch and merged into the user's branch before dependents can start, so they start from
 * the merged head. Every ledger write still goes through its owner under its lock.
 */
import { EXIT_ENVIRONMENT, EXIT_INTERRUPTED } from '../core/epic/attempt-flow.ts';
import { tasksToStart } from '../core/epic/attempts.ts';
import { liveSettings } from '../core/epic/settings.ts';
import { isTransient, type EnvironmentProblem } from '../core/epic/worker.ts';
import { RelayError } from '../core/shared/errors.ts';
import { headCommit } from '../adapters/git.ts';
import { loadState } from '../adapters/state.ts';
import { createTaskWorktree, removeStaleWorktrees, removeTaskWorktree, uncommittedIn, type TaskWorktree } from '../adapters/worktrees.ts';
import type { WorkOptions } from './work.ts';
import { runAttempt, type AttemptEnd, type Run } from './work-attempt.ts';

/** One at a time: git's own locks make concurrent worktree adds and merges in one repository fail. */
function serialiser() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const next = tail.then(fn, fn);
    tail = next.catch(() => undefined);
    return next;
  };
}

export async function parallelLoop(run: Run, opts: WorkOptions, jobs: number): Promise<{ exit?: number; gated: string[] }> {
  const { paths, progress, signal } = run;
  const { epic: first, ledger: firstLedger } = loadState(paths);
  const stale = await removeStaleWorktrees(paths.root, first.id);
  if (stale.length) progress.line(`removed the worktrees and branches a stopped run left: ${stale.join(', ')}`);
  const open = Object.keys(first.tasks).filter((id) => firstLedger.task_status[id] !== 'completed');
  const dirty = await uncommittedIn(paths.root, [...new Set(open.flatMap((id) => first.tasks[id]!.files))]);
  if (dirty.length) {
    throw new RelayError(`--jobs: uncommitted changes in files the epic's tasks name (${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', …' : ''}); tasks run on committed code and merge back into them: commit or stash them yourself, then run relay work again (relay never stashes for you)`);
  }
  progress.line(`running up to ${jobs} tasks at once, each in its own git worktree`);
  const serially = serialiser();
  const running = new Map<string, Promise<[string, AttemptEnd]>>();
  const kept: TaskWorktree[] = [];
  const gated: string[] = [];
  let stopped: EnvironmentProblem | undefined;
  let interrupted = false;

  const start = (taskId: string): Promise<[string, AttemptEnd]> => (async () => {
    const tree = await serially(async () => createTaskWorktree(paths.root, first.id, taskId, (await headCommit(paths.root))!));
    try {
      const { epic, ledger } = loadState(paths);
      return [taskId, await runAttempt(run, epic, ledger, taskId, liveSettings(ledger.settings, run.config, opts).settings, { tree, serially })] as [string, AttemptEnd];
    } finally {
      if (opts.keepWorktrees) kept.push(tree);
      else await serially(() => removeTaskWorktree(paths.root, tree));
    }
  })();

  for (;;) {
    if (signal.aborted) interrupted = true;
    if (!interrupted && !stopped) {
      const { epic, ledger } = loadState(paths);
      for (const taskId of tasksToStart(epic, ledger, [...running.keys()], jobs - running.size)) running.set(taskId, start(taskId));
    }
    if (!running.size) break;
    const [taskId, end] = await Promise.race(running.values());
    running.delete(taskId);
    if (end === 'interrupted') interrupted = true;
    else if (end === 'gated') gated.push(taskId);
    else if (typeof end === 'object') stopped ??= end;
  }
  if (kept.length) progress.line(`kept the worktrees (--keep-worktrees): ${kept.map((t) => `${t.taskId} ${t.path} (branch ${t.branch})`).join('; ')}`);
  if (interrupted) return { exit: EXIT_INTERRUPTED, gated };
  if (stopped) {
    progress.line(`stopped: ${stopped.message}${isTransient(stopped) ? ' (run relay work again later)' : ''}`);
    return { exit: EXIT_ENVIRONMENT, gated };
  }
  return { gated };
}
