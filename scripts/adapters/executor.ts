/**
 * Runs agent CLIs (workers, reviewers) and shell commands (verify) with execa. Each run is
 * marked in its environment, so that when it ends (normally, at its timeout, or when relay
 * is interrupted) everything it started ends with it, the agent's Bash commands included,
 * though they run in sessions of their own (adapters/process-tree.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import type { WorkerRun } from '../core/epic/worker.ts';
import { endAttemptProcesses, PROCESS_MARK } from './process-tree.ts';

const KILL_GRACE_MS = 3000;

/** The environment a worker gets: Claude Code refuses to nest while CLAUDECODE is set. */
export function workerEnv(extra: Record<string, string>, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined && k !== 'CLAUDECODE' && k !== 'CLAUDE_CODE_ENTRYPOINT' && k !== PROCESS_MARK) env[k] = v;
  return { ...env, ...extra };
}

export interface RunOptions {
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  /** Aborted on SIGINT/SIGTERM/SIGHUP of relay itself. */
  signal?: AbortSignal;
  input?: string;
  /** The process mark (default: a fresh one); a caller that records it before the spawn can always find the run. */
  mark?: string;
  /** Told the pid once the process runs, so a later relay can end what a killed one left. */
  onSpawn?: (pid: number) => void;
  /** The child's stdin, stdout and stderr are relay's own (relay run); stdout and stderr then keep only their last TAIL_CHARS. */
  passThrough?: boolean;
}

const TAIL_CHARS = 8 * 1024;

/** Runs `command args` to completion, a timeout, or an abort; never throws for the child's failure. */
export async function runProcess(command: string, args: string[], opts: RunOptions): Promise<WorkerRun> {
  const started = Date.now();
  const mark = opts.mark ?? randomUUID();
  let timedOut = false;
  let interrupted = false;
  let child: ResultPromise;
  try {
    child = execa(command, args, {
      cwd: opts.cwd,
      env: { ...opts.env, [PROCESS_MARK]: mark },
      extendEnv: false,
      reject: false,
      detached: true,
      cleanup: true,
      stdin: opts.passThrough ? 'inherit' : opts.input === undefined ? 'ignore' : 'pipe',
      input: opts.input,
      buffer: !opts.passThrough,
      maxBuffer: 64 * 1024 * 1024,
      stripFinalNewline: false,
    });
  } catch (err) {
    return { exitCode: null, timedOut: false, interrupted: false, stdout: '', stderr: '', durationMs: 0, spawnError: (err as Error).message };
  }
  const tails = { stdout: '', stderr: '' };
  if (opts.passThrough) {
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream]?.on('data', (chunk: Buffer) => {
        process[stream].write(chunk);
        tails[stream] = (tails[stream] + chunk.toString('utf8')).slice(-TAIL_CHARS);
      });
    }
  }
  if (child.pid !== undefined) opts.onSpawn?.(child.pid);
  let ending: Promise<number> | undefined;
  const stop = (why: 'timeout' | 'abort') => {
    if (why === 'timeout') timedOut = true;
    else interrupted = true;
    ending ??= endAttemptProcesses(child.pid, mark, KILL_GRACE_MS);
  };
  const timer = setTimeout(() => stop('timeout'), opts.timeoutMs);
  const onAbort = () => stop('abort');
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const result = await child;
  clearTimeout(timer);
  opts.signal?.removeEventListener('abort', onAbort);
  // Whatever the run left behind (a background command, a hung grandchild) ends with it.
  await (ending ?? endAttemptProcesses(undefined, mark, KILL_GRACE_MS));
  const spawnError = result.failed && result.exitCode === undefined && !result.isTerminated ? result.shortMessage : undefined;
  return {
    exitCode: result.exitCode ?? null,
    timedOut,
    interrupted,
    stdout: opts.passThrough ? tails.stdout : String(result.stdout ?? ''),
    stderr: opts.passThrough ? tails.stderr : String(result.stderr ?? ''),
    durationMs: Date.now() - started,
    ...(spawnError ? { spawnError } : {}),
    ...(result.signal ? { signal: result.signal } : {}),
  };
}

/** `runProcess` with `content` in a private temp file that `args(file)` names on the command line (a schema for a CLI flag); the file is gone when the run ends. */
export async function runProcessWithFile(command: string, content: string, args: (file: string) => string[], opts: RunOptions): Promise<WorkerRun> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-run-'));
  try {
    const file = join(dir, 'input.json');
    writeFileSync(file, content, { mode: 0o600 });
    return await runProcess(command, args(file), opts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A verify or review command through the shell, as the user wrote it. */
export function runShell(command: string, opts: RunOptions): Promise<WorkerRun> {
  return runProcess('bash', ['-c', command], opts);
}
