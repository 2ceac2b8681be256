/**
 * The one module that writes files. Three kinds of write, each crash-safe:
 * - whole documents: temp file, fsync, rename (a reader sees the old or the new file, never half);
 * - JSONL appends: one write() of a complete line on an O_APPEND descriptor;
 * - read-modify-write of shared documents: under an inter-process lock (below).
 * The hook's hot path imports this module, so it loads nothing heavier than node:fs at start.
 */
import {
  closeSync, constants, copyFileSync, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync,
  linkSync, readdirSync, readSync, renameSync, rmSync, writeFileSync, writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

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

/**
 * Eight random hex digits per call, for names that must not clash (temporary files, cache
 * files), never for secrets. Math.random, not node:crypto: loading node:crypto costs each
 * command that writes a file about 5 ms, a fiftieth of a warm `relay recall`.
 */
export function randomName(): string {
  return Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, '0');
}

function tempPathFor(path: string): string {
  return `${path}.${process.pid}.${randomName()}.tmp`;
}

/** `mode`: the new file's permissions (0o600 for a file that holds a secret, such as the dashboard's token). */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): void {
  const dir = dirname(path);
  ensureDir(dir);
  const tmp = tempPathFor(path);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
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

export interface StagedFile {
  /** Appends `text`; returns its length in bytes. */
  write(text: string): number;
  /** fsync, then rename over the target: readers see the old file or the whole new one. */
  commit(): void;
  abort(): void;
}

const STAGE_FLUSH_BYTES = 1 << 20;

/**
 * A file written in pieces but replaced in one step, for files too big to build in memory
 * (ledger rotation and repair). `keep` starts the temp file as a copy of the current one, so
 * the pieces are appended to it.
 */
export function stageFile(path: string, mode: 'keep' | 'replace'): StagedFile {
  ensureDir(dirname(path));
  const tmp = tempPathFor(path);
  if (mode === 'keep' && existsSync(path)) copyFileSync(path, tmp, constants.COPYFILE_EXCL);
  let fd: number | undefined = openSync(tmp, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o644);
  // Texts are encoded straight into one buffer, written out when full: no joined copy of them.
  const pending = Buffer.allocUnsafe(STAGE_FLUSH_BYTES);
  let used = 0;
  const writeAll = (buf: Buffer, length: number) => {
    for (let off = 0; off < length;) off += writeSync(fd!, buf, off, length - off);
  };
  const flush = () => {
    writeAll(pending, used);
    used = 0;
  };
  return {
    write(text) {
      // A UTF-16 unit is at most 3 bytes of UTF-8, so a text that may not fit waits for a flush.
      if (used + text.length * 3 > pending.length) {
        flush();
        if (text.length * 3 > pending.length) {
          const bytes = Buffer.from(text);
          writeAll(bytes, bytes.length);
          return bytes.length;
        }
      }
      const length = pending.write(text, used);
      used += length;
      return length;
    },
    commit() {
      flush();
      fsyncSync(fd!);
      closeSync(fd!);
      fd = undefined;
      renameSync(tmp, path);
      fsyncDir(dirname(path));
    },
    abort() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      rmSync(tmp, { force: true });
    },
  };
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

/**
 * Lock files are created whole (pid written to a temp file, then link()ed into place, which
 * fails if the lock exists), so a lock is never seen half-written. A lock whose pid is dead
 * is stale at once: no waiting for a timeout after a crash, and no timer to keep refreshing
 * while a long synchronous parse runs. Breaking a stale lock happens under a second
 * "breaker" lock and re-checks the holder, so two processes can never both break it and
 * then both believe they own it.
 */
function tryCreateLock(path: string): boolean {
  const tmp = tempPathFor(path);
  try {
    // Inside the try: a full disk can fail the write after the temp file exists, and it must not stay behind.
    writeFileSync(tmp, `${process.pid}\n`);
    linkSync(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
}

function breakIfStale(path: string, holder: number | undefined): void {
  if (holder === undefined || isAlive(holder)) return;
  const breaker = `${path}.break`;
  if (!tryCreateLock(breaker)) {
    const breakerHolder = readPidLock(breaker);
    // The breaker is held for microseconds; a dead holder means it died right there.
    if (breakerHolder !== undefined && !isAlive(breakerHolder)) rmSync(breaker, { force: true });
    return;
  }
  try {
    if (readPidLock(path) === holder) rmSync(path, { force: true });
  } finally {
    rmSync(breaker, { force: true });
  }
}

/** Takes the lock file at `path` if it is free or stale; otherwise reports who holds it. */
export function acquirePidLock(path: string): { release(): void } | { heldBy: number } {
  ensureDir(dirname(path));
  for (let tries = 0; tries < 3; tries++) {
    if (tryCreateLock(path)) {
      return {
        release: () => {
          if (readPidLock(path) === process.pid) rmSync(path, { force: true });
        },
      };
    }
    const holder = readPidLock(path);
    if (holder !== undefined && isAlive(holder)) return { heldBy: holder };
    breakIfStale(path, holder);
  }
  return { heldBy: readPidLock(path) ?? -1 };
}

/** Bytes [start, end) of a file: exactly the range asked for, even if a writer appends meanwhile. */
export function readRange(path: string, start: number, end: number, maxBytes: number): Buffer {
  if (end - start > maxBytes) throw Object.assign(new Error(`more than ${maxBytes} bytes`), { code: 'EFBIG' });
  const buf = Buffer.alloc(end - start);
  const fd = openSync(path, 'r');
  try {
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, start + off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

/** The `length` bytes at `start` (fewer when the file is shorter): one record of a file whose offsets an index keeps. */
export function readAt(path: string, start: number, length: number): Buffer {
  return readRange(path, start, start + length, length);
}

const LOCK_WAIT_MS = 120_000;

/** Runs `fn` while holding the exclusive inter-process lock `${path}.lock`, waiting for it. */
export async function withLock<T>(path: string, fn: () => Promise<T> | T): Promise<T> {
  const lockPath = `${path}.lock`;
  const started = Date.now();
  let delay = 2;
  for (;;) {
    const lock = acquirePidLock(lockPath);
    if ('release' in lock) {
      try {
        return await fn();
      } finally {
        lock.release();
      }
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw Object.assign(new Error(`${path}: still locked by pid ${lock.heldBy} after ${LOCK_WAIT_MS / 1000} s`), { code: 'ELOCKED' });
    }
    await new Promise((r) => setTimeout(r, delay + Math.random() * delay));
    delay = Math.min(delay * 1.5, 100);
  }
}

/** Temp files of atomic writes whose writer was killed mid-write: harmless, but litter. */
export function removeAbandonedTempFiles(dir: string): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const pid = /\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name)?.[1];
    if (pid && !isAlive(Number(pid))) {
      rmSync(join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

export function readPidLock(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `pid` is a running process; an exited one its parent has not reaped yet (a zombie) is not. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}
