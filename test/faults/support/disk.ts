/**
 * Disk faults that work even as root, where chmod stops nothing (root has CAP_DAC_OVERRIDE):
 * - a read-only tree: a read-only bind mount (`mount --bind D D; mount -o remount,bind,ro D`),
 *   which refuses every write below D with EROFS, root included; as a non-root user, chmod a-w;
 * - a read-only file: `chattr +i` (immutable: no write, no rename over it, no unlink, even for
 *   root), else a read-only bind mount of the file itself; as a non-root user, chmod 0444
 *   (which stops appends, but not a rename over the file, so `blocksReplace` says so);
 * - a full disk: a tmpfs of a few KB (`mount -t tmpfs -o size=64k`) filled to the last block.
 * Each helper checks that the fault really bites before returning, and returns an undo.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, openSync, closeSync, writeSync, readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const IS_ROOT = process.getuid?.() === 0;

function sh(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** Whether creating `probe` fails (the fault bites); the probe is removed if it got created. */
function writeRefused(probe: string): boolean {
  try {
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
    return false;
  } catch {
    return true;
  }
}

function appendRefused(file: string): boolean {
  try {
    appendFileSync(file, '');
    closeSync(openSync(file, 'a'));
    return false;
  } catch {
    return true;
  }
}

export interface Fault {
  method: string;
  undo(): void;
}

function chmodTree(dir: string, dirMode: number, fileMode: number): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) chmodTree(path, dirMode, fileMode);
    else chmodSync(path, fileMode);
  }
  chmodSync(dir, dirMode);
}

function unmount(path: string): void {
  if (!sh('umount', [path])) sh('umount', ['-l', path]);
}

/** Makes every directory and file under `dir` unwritable. */
export function readOnlyTree(dir: string): Fault {
  const probe = join(dir, `.probe-${process.pid}`);
  if (!IS_ROOT) {
    chmodTree(dir, 0o555, 0o444);
    if (writeRefused(probe)) return { method: 'chmod -R a-w (non-root)', undo: () => chmodTree(dir, 0o755, 0o644) };
    chmodTree(dir, 0o755, 0o644);
  }
  if (sh('mount', ['--bind', dir, dir])) {
    if (sh('mount', ['-o', 'remount,bind,ro', dir, dir]) && writeRefused(probe)) return { method: 'read-only bind mount', undo: () => unmount(dir) };
    unmount(dir);
  }
  throw new Error(`cannot make ${dir} read-only here (not root: chmod did not stop writes; root: bind mounts refused)`);
}

/** Makes one file unwritable; `blocksReplace` is false when a rename over it would still succeed. */
export function readOnlyFile(file: string): Fault & { blocksReplace: boolean } {
  if (!IS_ROOT) {
    chmodSync(file, 0o444);
    if (appendRefused(file)) return { method: 'chmod 0444 (non-root; rename over it still works)', blocksReplace: false, undo: () => chmodSync(file, 0o644) };
    chmodSync(file, 0o644);
  }
  if (sh('chattr', ['+i', file])) {
    if (appendRefused(file)) return { method: 'chattr +i', blocksReplace: true, undo: () => void sh('chattr', ['-i', file]) };
    sh('chattr', ['-i', file]);
  }
  if (sh('mount', ['--bind', file, file])) {
    if (sh('mount', ['-o', 'remount,bind,ro', file, file]) && appendRefused(file)) return { method: 'read-only bind mount of the file', blocksReplace: true, undo: () => unmount(file) };
    unmount(file);
  }
  throw new Error(`cannot make ${file} read-only here (chattr and bind mounts refused)`);
}

let tmpfsAllowed: boolean | undefined;

/** Whether this process may mount a tmpfs (root in a sandbox that allows it). */
export function canMountTmpfs(scratch: string): boolean {
  if (tmpfsAllowed === undefined) {
    const dir = join(scratch, '.tmpfs-probe');
    mkdirSync(dir, { recursive: true });
    tmpfsAllowed = sh('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', dir]);
    if (tmpfsAllowed) unmount(dir);
    rmSync(dir, { recursive: true, force: true });
  }
  return tmpfsAllowed;
}

/** Mounts a `sizeKb` tmpfs on `dir` (hiding what was there; copy it in afterwards). */
export function mountTmpfs(dir: string, sizeKb: number): Fault {
  mkdirSync(dir, { recursive: true });
  if (!sh('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir])) throw new Error(`cannot mount a tmpfs on ${dir}`);
  return { method: `tmpfs size=${sizeKb}k`, undo: () => unmount(dir) };
}

/** Fills the filesystem holding `dir` to the last byte with a filler file; returns its size. */
export function fillDisk(dir: string): number {
  const filler = join(dir, '.filler');
  const fd = openSync(filler, 'a');
  const chunk = Buffer.alloc(1024, 0x2e);
  try {
    for (;;) {
      try {
        writeSync(fd, chunk);
      } catch {
        // The last partial block: fill it byte by byte.
        for (;;) writeSync(fd, chunk, 0, 1);
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
  return statSync(filler).size;
}
