/**
 * Runs agent CLIs (workers, reviewers) and shell commands (verify) with execa. Each child
 * gets its own process group, so a timeout or Ctrl+C kills the whole tree it started
 * (the Bash commands a worker ran included), not just the top process.
 */
import { execa, type ResultPromise } from 'execa';
import type { WorkerRun } from '../core/epic/worker.ts';

const KILL_GRACE_MS = 3000;

/** The environment a worker gets: Claude Code refuses to nest while CLAUDECODE is set. */
export function workerEnv(extra: Record<string, string>, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined && k !== 'CLAUDECODE' && k !== 'CLAUDE_CODE_ENTRYPOINT') env[k] = v;
  return { ...env, ...extra };
}

function killGroup(child: ResultPromise, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try { child.kill(signal); } catch { /* already gone */ }
  }
}

export interface RunOptions {
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  /** Aborted on SIGINT/SIGTERM of relay itself. */
  signal?: AbortSignal;
  input?: string;
}

/** Runs `command args` to completion, a timeout, or an abort; never throws for the child's failure. */
export async function runProcess(command: string, args: string[], opts: RunOptions): Promise<WorkerRun> {
  const started = Date.now();
  let timedOut = false;
  let interrupted = false;
  let child: ResultPromise;
  try {
    child = execa(command, args, {
      cwd: opts.cwd,
      env: opts.env,
      extendEnv: false,
      reject: false,
      detached: true,
      cleanup: true,
      stdin: opts.input === undefined ? 'ignore' : 'pipe',
      input: opts.input,
      maxBuffer: 64 * 1024 * 1024,
      stripFinalNewline: false,
    });
  } catch (err) {
    return { exitCode: null, timedOut: false, interrupted: false, stdout: '', stderr: '', durationMs: 0, spawnError: (err as Error).message };
  }
  const stop = (why: 'timeout' | 'abort') => {
    if (why === 'timeout') timedOut = true;
    else interrupted = true;
    killGroup(child, 'SIGTERM');
    setTimeout(() => killGroup(child, 'SIGKILL'), KILL_GRACE_MS).unref();
  };
  const timer = setTimeout(() => stop('timeout'), opts.timeoutMs);
  const onAbort = () => stop('abort');
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const result = await child;
  clearTimeout(timer);
  opts.signal?.removeEventListener('abort', onAbort);
  // The group may still hold grandchildren that ignored SIGTERM.
  if (timedOut || interrupted) killGroup(child, 'SIGKILL');
  const spawnError = result.failed && result.exitCode === undefined && !result.isTerminated ? result.shortMessage : undefined;
  return {
    exitCode: result.exitCode ?? null,
    timedOut,
    interrupted,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
    durationMs: Date.now() - started,
    ...(spawnError ? { spawnError } : {}),
  };
}

/** A verify or review command through the shell, as the user wrote it. */
export function runShell(command: string, opts: RunOptions): Promise<WorkerRun> {
  return runProcess('bash', ['-c', command], opts);
}
