/**
 * Every process an attempt started, found two ways on Linux: by parentage from the worker
 * (while it lives), and by a mark relay puts in the worker's environment, which every
 * descendant inherits even after it starts its own session or is reparented. Claude Code's
 * Bash tool runs each command in a new session, so a process-group kill alone misses them.
 * Elsewhere (no /proc) the process group is all relay can reach.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The environment variable whose value marks one attempt's processes. */
export const PROCESS_MARK = 'RELAY_PROCESS_MARK';

interface Proc {
  pid: number;
  ppid: number;
  /** Clock ticks since boot: with the pid, it names one process for good (pids are reused). */
  start: number;
}

function readProc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; fields resume after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(fields[1]), start: Number(fields[19]) };
  } catch {
    return undefined;
  }
}

function allPids(): number[] {
  try {
    return readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number);
  } catch {
    return [];
  }
}

function hasMark(pid: number, mark: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`${PROCESS_MARK}=${mark}`);
  } catch {
    return false;
  }
}

/** When the process started, to tell it from a later one with the same pid; undefined when it is gone. */
export function processStart(pid: number): number | undefined {
  return readProc(pid)?.start;
}

/** The root's descendants and every process carrying the mark (the root excluded), alive now. */
export function attemptProcesses(rootPid: number | undefined, mark: string): number[] {
  const procs = allPids().map(readProc).filter((p): p is Proc => p !== undefined);
  const found = new Set<number>();
  if (rootPid !== undefined) {
    const children = new Map<number, number[]>();
    for (const p of procs) {
      const siblings = children.get(p.ppid);
      if (siblings) siblings.push(p.pid);
      else children.set(p.ppid, [p.pid]);
    }
    const queue = [...(children.get(rootPid) ?? [])];
    while (queue.length) {
      const pid = queue.shift()!;
      if (found.has(pid)) continue;
      found.add(pid);
      queue.push(...(children.get(pid) ?? []));
    }
  }
  for (const p of procs) if (p.pid !== process.pid && p.pid !== rootPid && hasMark(p.pid, mark)) found.add(p.pid);
  found.delete(process.pid);
  return [...found];
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // gone already, or not ours
  }
}

/**
 * Ends the worker, its process group and everything the attempt started: SIGTERM, then
 * SIGKILL after `graceMs` for whatever is left. Resolves, once nothing carrying the mark lives,
 * with how many processes it found to end.
 */
export async function endAttemptProcesses(rootPid: number | undefined, mark: string, graceMs: number): Promise<number> {
  const targets = attemptProcesses(rootPid, mark);
  const found = targets.length + (rootPid !== undefined && processStart(rootPid) !== undefined ? 1 : 0);
  // Stop first, so nothing forks a replacement between the listing and the kill.
  for (const pid of targets) signal(pid, 'SIGSTOP');
  if (rootPid !== undefined) {
    signal(-rootPid, 'SIGTERM');
    signal(rootPid, 'SIGTERM');
  }
  for (const pid of targets) {
    signal(pid, 'SIGTERM');
    signal(pid, 'SIGCONT');
  }
  const deadline = Date.now() + graceMs;
  for (;;) {
    const left = attemptProcesses(undefined, mark).concat(rootPid !== undefined && processStart(rootPid) !== undefined ? [rootPid] : []);
    if (!left.length) return found;
    if (Date.now() >= deadline) {
      for (const pid of left) signal(pid, 'SIGKILL');
      if (rootPid !== undefined) signal(-rootPid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 50));
      // A process stuck in the kernel cannot be killed; waiting longer would only hang relay.
      if (!attemptProcesses(undefined, mark).length || Date.now() >= deadline + 2000) return found;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
