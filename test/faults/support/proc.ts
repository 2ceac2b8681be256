/**
 * Every process the fault suite starts goes through here: real `node dist/*.mjs` processes,
 * never in-process calls, each with a hard timeout so that a hang is a failure, not a stuck CI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { expect } from 'vitest';
import { HOOK_BUNDLE, RELAY_BUNDLE } from '../../support/project.ts';

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

export interface RunOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Write `input` only after this long, as a slow producer at the other end of a pipe does. */
  inputDelayMs?: number;
}

/** Neither the test runner's own Claude Code session nor a relay worker may leak into what runs here. */
export const CLEAN_ENV: NodeJS.ProcessEnv = {
  RELAY_PROJECT_DIR: '', CLAUDE_PROJECT_DIR: '', RELAY_TASK_ID: '', RELAY_ATTEMPT: '', RELAY_EPIC_ID: '', NO_COLOR: '1', FORCE_COLOR: '',
};

const DEFAULT_TIMEOUT_MS = 30_000;

export function start(command: string, args: string[], opts: RunOptions = {}): ChildProcess {
  return spawn(command, args, { cwd: opts.cwd, env: { ...process.env, ...CLEAN_ENV, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Collects a started child's output until it exits, killing it at the timeout. */
export function finish(child: ChildProcess, opts: RunOptions = {}): Promise<Ran> {
  const began = Date.now();
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // A child that exits before reading all of stdin (the hook's size bound) closes the pipe: not an error here.
    child.stdin?.on('error', () => {});
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - began });
    });
    const feed = () => (opts.input !== undefined ? child.stdin?.end(opts.input) : child.stdin?.end());
    if (opts.inputDelayMs) setTimeout(feed, opts.inputDelayMs);
    else feed();
  });
}

export function run(command: string, args: string[], opts: RunOptions = {}): Promise<Ran> {
  return finish(start(command, args, opts), opts);
}

export function relay(cwd: string, args: string[], opts: Omit<RunOptions, 'cwd'> = {}): Promise<Ran> {
  return run(process.execPath, [RELAY_BUNDLE, ...args], { ...opts, cwd });
}

/** Pipes one payload (an object, or raw text/bytes) into the hook bundle, as Claude Code does. */
export function hook(payload: unknown, opts: RunOptions = {}): Promise<Ran> {
  const input = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
  return run(process.execPath, [HOOK_BUNDLE], { ...opts, input });
}

/** Runs `tasks` with at most `limit` at once (hooks fire in parallel, but a 2-core box has limits). */
export async function pool<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return results;
}

const STACK_LINE = /^\s+at .+|node:internal|^Error: /m;

/**
 * The shape of every bad-input report: exit code as given, no timeout, no stack trace, and the
 * first stderr line starting `relay: <where>` where <where> names the file (or flag) at fault.
 * `lines` is how many stderr lines are allowed (1 unless the message deliberately shows an example).
 */
export function expectCleanError(r: Ran, code: number, where: string | RegExp, what = '', lines = 1): void {
  const context = `${what}\nexit ${r.code}, ${r.ms} ms\nstderr: ${r.stderr.slice(0, 2000)}\nstdout: ${r.stdout.slice(0, 500)}`;
  expect(r.timedOut, `timed out: ${context}`).toBe(false);
  expect(r.code, context).toBe(code);
  expect(r.stderr, `stack trace: ${context}`).not.toMatch(STACK_LINE);
  expect(r.stdout, `stack trace on stdout: ${context}`).not.toMatch(STACK_LINE);
  const first = r.stderr.split('\n')[0] ?? '';
  if (typeof where === 'string') expect(first.startsWith(`relay: ${where}`), `first stderr line should start "relay: ${where}": ${context}`).toBe(true);
  else expect(first, context).toMatch(where);
  expect(r.stderr.trimEnd().split('\n').length, `more than ${lines} stderr line(s): ${context}`).toBeLessThanOrEqual(lines);
}

/** A hook that failed open: exit 0, stdout empty or one JSON object, at most one stderr line, no stack. */
export function expectFailOpen(r: Ran, what = ''): void {
  const context = `${what}\nexit ${r.code}, ${r.ms} ms\nstderr: ${r.stderr.slice(0, 2000)}\nstdout: ${r.stdout.slice(0, 500)}`;
  expect(r.timedOut, `timed out: ${context}`).toBe(false);
  expect(r.code, context).toBe(0);
  expect(r.stderr, `stack trace: ${context}`).not.toMatch(STACK_LINE);
  expect(r.stderr.trimEnd().split('\n').filter(Boolean).length, `more than one stderr line: ${context}`).toBeLessThanOrEqual(1);
  if (r.stdout.trim()) expect(() => JSON.parse(r.stdout), `stdout is not JSON: ${context}`).not.toThrow();
}
