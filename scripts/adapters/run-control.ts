/**
 * Owner of run.lock, run.log, run-state.json and serve.json: which `relay work` holds the
 * project, a detached run's output, the worker processes a run started (so that the next run,
 * or `relay stop`, can end what a killed one left), what `relay status` says about runs, and
 * where a running `relay serve` dashboard is.
 */
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import { RelayError } from '../core/shared/errors.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import type { RunInfo } from '../core/epic/status.ts';
import { endAttemptProcesses, processStart } from './process-tree.ts';
import { acquirePidLock, ensureDir, isAlive, readPidLock, readRange, writeFileAtomic } from './store.ts';

const RUN_LOG_TAIL_BYTES = 8192;

/** The run lock for a foreground run; refuses while another live relay holds it. */
export function acquireRunLock(paths: ProjectPaths): { release(): void } {
  const lock = acquirePidLock(paths.runLock);
  if ('heldBy' in lock) throw new RelayError(`relay work is already running (pid ${lock.heldBy}); wait for it or stop it first`);
  return lock;
}

/** Starts `relay work` again in the background with its output in run.log; returns the child's pid. */
export function startDetached(paths: ProjectPaths, argv: string[]): number | undefined {
  const lock = acquirePidLock(paths.runLock);
  if ('heldBy' in lock) throw new RelayError(`relay work is already running (pid ${lock.heldBy}); follow it with: relay status`);
  lock.release();
  ensureDir(paths.relayDir);
  const fd = openSync(paths.runLog, 'a');
  const child = spawn(process.execPath, [...process.execArgv, ...argv], { cwd: process.cwd(), detached: true, stdio: ['ignore', fd, fd], env: { ...process.env, NO_COLOR: '1' } });
  child.unref();
  closeSync(fd);
  return child.pid;
}

export function runInfo(paths: ProjectPaths): RunInfo | null {
  const pid = readPidLock(paths.runLock);
  const dead = deadRun(paths);
  const hasLog = existsSync(paths.runLog);
  if (!hasLog && pid === undefined && !dead) return null;
  let lastLines: string[] = [];
  try {
    // Only the end of the log matters, however long the run has been going.
    const size = statSync(paths.runLog).size;
    const tail = readRange(paths.runLog, Math.max(0, size - RUN_LOG_TAIL_BYTES), size, RUN_LOG_TAIL_BYTES).toString('utf8');
    lastLines = tail.trimEnd().split('\n').slice(-5);
  } catch {
    lastLines = [];
  }
  const running = pid !== undefined && isAlive(pid);
  const log = hasLog ? relative(process.cwd(), paths.runLog) || paths.runLog : null;
  return { running, pid: running ? pid! : null, log, last_lines: running ? lastLines : lastLines.slice(-2), last_run: dead };
}

/** A worker process a run started: enough to find it, and all it started, after relay dies. */
export interface RunWorker {
  /** Null until the process runs. */
  pid: number | null;
  /** The process's start time (clock ticks since boot), so a reused pid is never mistaken for it. */
  start: number | null;
  mark: string;
  task_id: string;
  attempt: number;
}

interface RunState {
  pid: number;
  started_at: string;
  workers: RunWorker[];
  /** Set by the run when it ends on its own; a state without it belongs to a run that died. */
  ended_at?: string;
}

function readRunState(paths: ProjectPaths): RunState | undefined {
  try {
    return JSON.parse(readFileSync(paths.runState, 'utf8')) as RunState;
  } catch {
    return undefined;
  }
}

function writeRunState(paths: ProjectPaths, state: RunState): void {
  writeFileAtomic(paths.runState, `${JSON.stringify(state, null, 2)}\n`);
}

function freshRunState(): RunState {
  return { pid: process.pid, started_at: new Date().toISOString(), workers: [] };
}

/** Called by the run-lock holder only, so the lock serialises every write of run-state.json. */
export function beginRunState(paths: ProjectPaths): void {
  writeRunState(paths, freshRunState());
}

export function recordWorker(paths: ProjectPaths, worker: Omit<RunWorker, 'start'>): void {
  const state = readRunState(paths) ?? freshRunState();
  const start = worker.pid === null ? null : processStart(worker.pid) ?? null;
  writeRunState(paths, { ...state, workers: [...state.workers.filter((w) => w.mark !== worker.mark), { ...worker, start }] });
}

export function forgetWorker(paths: ProjectPaths, mark: string): void {
  const state = readRunState(paths);
  if (state) writeRunState(paths, { ...state, workers: state.workers.filter((w) => w.mark !== mark) });
}

export function endRunState(paths: ProjectPaths): void {
  const state = readRunState(paths);
  if (state) writeRunState(paths, { ...state, workers: [], ended_at: new Date().toISOString() });
}

/**
 * Ends every process a dead run's workers left (the caller holds the run lock, so that run
 * is gone). Returns the workers that had something still running.
 */
export async function endLeftoverWorkers(paths: ProjectPaths): Promise<RunWorker[]> {
  const state = readRunState(paths);
  if (!state?.workers.length) return [];
  const ended: RunWorker[] = [];
  for (const w of state.workers) {
    const same = w.pid !== null && w.start !== null && processStart(w.pid) === w.start;
    if ((await endAttemptProcesses(same ? w.pid! : undefined, w.mark, 3000)) > 0) ended.push(w);
  }
  writeRunState(paths, { ...state, workers: [] });
  return ended;
}

/** A run that never said it ended and whose process is gone: its pid, start, and when it last wrote its state. */
function deadRun(paths: ProjectPaths): { pid: number; started_at: string; last_seen: string } | null {
  const state = readRunState(paths);
  if (!state || state.ended_at || isAlive(state.pid)) return null;
  return { pid: state.pid, started_at: state.started_at, last_seen: statSync(paths.runState).mtime.toISOString() };
}

export type StopOutcome = { stopped: number } | { cleaned: RunWorker[] } | { nothing: true };

/**
 * Ends the project's run from anywhere: a live `relay work` (foreground or detached) gets
 * SIGTERM and is waited for, since it ends its workers and records the attempt itself; what
 * a dead run left is ended here. `closeAttempts` records the dead run's open attempts.
 */
export async function stopRun(paths: ProjectPaths, closeAttempts: () => Promise<string[]>, waitMs = 60_000): Promise<StopOutcome> {
  const pid = readPidLock(paths.runLock);
  if (pid !== undefined && isAlive(pid)) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + waitMs;
    while (isAlive(pid)) {
      if (Date.now() > deadline) throw new RelayError(`relay work (pid ${pid}) has not stopped after ${waitMs / 1000} s; end it with: kill -9 ${pid}, then run relay stop again`, 1);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { stopped: pid };
  }
  const lock = acquireRunLock(paths);
  try {
    const cleaned = await endLeftoverWorkers(paths);
    const closed = await closeAttempts();
    endRunState(paths);
    return cleaned.length || closed.length ? { cleaned } : { nothing: true };
  } finally {
    lock.release();
  }
}

export interface ServeInfo {
  pid: number;
  url: string;
  started_at: string;
}

/** Private to the user (it holds the dashboard's token), and machine-local like run-state.json. */
export function writeServeInfo(paths: ProjectPaths, info: ServeInfo): void {
  ensureDir(paths.relayDir);
  writeFileAtomic(paths.serveInfo, `${JSON.stringify(info, null, 2)}\n`, 0o600);
}

export function clearServeInfo(paths: ProjectPaths): void {
  rmSync(paths.serveInfo, { force: true });
}

/** The dashboard a live `relay serve` is serving for this project, if one is. */
export function readServeInfo(paths: ProjectPaths): ServeInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(paths.serveInfo, 'utf8')) as ServeInfo;
    return typeof info.url === 'string' && isAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}
