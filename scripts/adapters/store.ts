/**
 * The one module that writes files. Three kinds of write, each crash-safe:
 * - whole documents: temp file, fsync, rename (a reader sees the old or the new file, never half);
 * - JSONL appends: one write() of a complete line on an O_APPEND descriptor;
 * - read-modify-write of shared documents: under an inter-process lock.
 * The hook's hot path imports this module, so it loads nothing heavier than node:fs at start.
 */
import {
  closeSync, constants, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync,
  renameSync, rmSync, unlinkSync, writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, constants.O_RDONLY);
    try { fsyncSync(fd); } finally { closeSync(fd); }
  } catch {
    // Some filesystems refuse fsync on directories; the rename is still atomic.
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  ensureDir(dir);
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
    fsyncDir(dir);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Appends one complete line with a single write() on an O_APPEND descriptor, so concurrent
 * writers interleave whole lines. If the disk fills mid-line, the torn tail is cut off again
 * so the next writer does not glue its line onto a fragment.
 */
export function appendLine(path: string, line: string): void {
  const buf = Buffer.from(line.endsWith('\n') ? line : `${line}\n`);
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    ensureDir(dirname(path));
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o644);
  }
  try {
    let written = 0;
    try {
      written = writeSync(fd, buf);
    } finally {
      if (written > 0 && written < buf.length) ftruncateSync(fd, fstatSync(fd).size - written);
    }
    if (written < buf.length) throw Object.assign(new Error(`short write to ${path}`), { code: 'ENOSPC' });
  } finally {
    closeSync(fd);
  }
}

/** Reads a text file with a size bound, so a runaway file cannot exhaust memory. */
export function readTextBounded(path: string, maxBytes: number): string {
  const fd = openSync(path, constants.O_RDONLY);
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) {
      throw Object.assign(new Error(`${path}: file is ${size} bytes, more than the ${maxBytes}-byte limit`), { code: 'EFBIG' });
    }
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

const LOCK_STALE_MS = 5_000;

/**
 * Runs `fn` while holding an exclusive inter-process lock on `path` (proper-lockfile: a
 * mkdir lock with mtime refresh, so a lock left by a killed process goes stale and is
 * taken over). Loaded lazily: the hook hot path never locks.
 */
export async function withLock<T>(path: string, fn: () => Promise<T> | T): Promise<T> {
  const { default: lockfile } = await import('proper-lockfile');
  ensureDir(dirname(path));
  const release = await lockfile.lock(path, {
    realpath: false,
    lockfilePath: `${path}.lock`,
    stale: LOCK_STALE_MS,
    retries: { retries: 400, minTimeout: 5, maxTimeout: 250, factor: 1.3, randomize: true },
  });
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
  }
}

/** A pid lock held for a whole run; a lock whose process is gone is taken over. */
export function acquirePidLock(path: string): { release(): void } | { heldBy: number } {
  ensureDir(dirname(path));
  for (let tries = 0; tries < 3; tries++) {
    try {
      const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return {
        release: () => {
          if (readPidLock(path) === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readPidLock(path);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) return { heldBy: holder };
      try { unlinkSync(path); } catch { /* another process recovered it first */ }
    }
  }
  return { heldBy: readPidLock(path) ?? -1 };
}

export function readPidLock(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
