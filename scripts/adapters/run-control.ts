/**
 * Owner of run.lock and run.log: which `relay work` holds the project, a detached run's
 * output, and what `relay status` says about the run.
 */
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import { RelayError } from '../core/shared/errors.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import type { RunInfo } from '../core/epic/status.ts';
import { acquirePidLock, ensureDir, isAlive, readPidLock, readRange } from './store.ts';

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
  if (!existsSync(paths.runLog) && pid === undefined) return null;
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
  return { running, pid: running ? pid! : null, log: relative(process.cwd(), paths.runLog) || paths.runLog, last_lines: running ? lastLines : lastLines.slice(-2) };
}
