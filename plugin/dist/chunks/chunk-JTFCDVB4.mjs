import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);

// scripts/adapters/store.ts
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  linkSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync
} from "node:fs";
import { dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
function ensureDir(dir) {
  mkdirSync(dir, { recursive: true });
}
function fsyncDir(dir) {
  try {
    const fd = openSync(dir, constants.O_RDONLY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
  }
}
function tempPathFor(path) {
  return `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
}
function writeFileAtomic(path, data, mode = 420) {
  const dir = dirname(path);
  ensureDir(dir);
  const tmp = tempPathFor(path);
  let fd;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
    const buf = typeof data === "string" ? Buffer.from(data) : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = void 0;
    renameSync(tmp, path);
    fsyncDir(dir);
  } catch (err) {
    if (fd !== void 0) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
}
function appendLine(path, line) {
  const buf = Buffer.from(line.endsWith("\n") ? line : `${line}
`);
  let fd;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 420);
  } catch (err) {
    if (err.code !== "ENOENT") throw err;
    ensureDir(dirname(path));
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 420);
  }
  try {
    let written = 0;
    try {
      written = writeSync(fd, buf);
    } finally {
      if (written > 0 && written < buf.length) ftruncateSync(fd, fstatSync(fd).size - written);
    }
    if (written < buf.length) throw Object.assign(new Error(`short write to ${path}`), { code: "ENOSPC" });
  } finally {
    closeSync(fd);
  }
}
var STAGE_FLUSH_BYTES = 1 << 20;
function stageFile(path, mode) {
  ensureDir(dirname(path));
  const tmp = tempPathFor(path);
  if (mode === "keep" && existsSync(path)) copyFileSync(path, tmp, constants.COPYFILE_EXCL);
  let fd = openSync(tmp, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 420);
  let pending = [];
  let pendingLength = 0;
  const flush = () => {
    const buf = Buffer.from(pending.join(""));
    for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
    pending = [];
    pendingLength = 0;
  };
  return {
    write(text) {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= STAGE_FLUSH_BYTES) flush();
    },
    commit() {
      flush();
      fsyncSync(fd);
      closeSync(fd);
      fd = void 0;
      renameSync(tmp, path);
      fsyncDir(dirname(path));
    },
    abort() {
      if (fd !== void 0) closeSync(fd);
      fd = void 0;
      rmSync(tmp, { force: true });
    }
  };
}
function readTextBounded(path, maxBytes) {
  const fd = openSync(path, constants.O_RDONLY);
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) {
      throw Object.assign(new Error(`${path}: file is ${size} bytes, more than the ${maxBytes}-byte limit`), { code: "EFBIG" });
    }
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}
function tryCreateLock(path) {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    writeFileSync(tmp, `${process.pid}
`);
    linkSync(tmp, path);
    return true;
  } catch (err) {
    if (err.code === "EEXIST") return false;
    throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
}
function breakIfStale(path, holder) {
  if (holder === void 0 || isAlive(holder)) return;
  const breaker = `${path}.break`;
  if (!tryCreateLock(breaker)) {
    const breakerHolder = readPidLock(breaker);
    if (breakerHolder !== void 0 && !isAlive(breakerHolder)) rmSync(breaker, { force: true });
    return;
  }
  try {
    if (readPidLock(path) === holder) rmSync(path, { force: true });
  } finally {
    rmSync(breaker, { force: true });
  }
}
function acquirePidLock(path) {
  ensureDir(dirname(path));
  for (let tries = 0; tries < 3; tries++) {
    if (tryCreateLock(path)) {
      return {
        release: () => {
          if (readPidLock(path) === process.pid) rmSync(path, { force: true });
        }
      };
    }
    const holder = readPidLock(path);
    if (holder !== void 0 && isAlive(holder)) return { heldBy: holder };
    breakIfStale(path, holder);
  }
  return { heldBy: readPidLock(path) ?? -1 };
}
function readRange(path, start, end, maxBytes) {
  if (end - start > maxBytes) throw Object.assign(new Error(`more than ${maxBytes} bytes`), { code: "EFBIG" });
  const buf = Buffer.alloc(end - start);
  const fd = openSync(path, "r");
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
var LOCK_WAIT_MS = 12e4;
async function withLock(path, fn) {
  const lockPath = `${path}.lock`;
  const started = Date.now();
  let delay = 2;
  for (; ; ) {
    const lock = acquirePidLock(lockPath);
    if ("release" in lock) {
      try {
        return await fn();
      } finally {
        lock.release();
      }
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw Object.assign(new Error(`${path}: still locked by pid ${lock.heldBy} after ${LOCK_WAIT_MS / 1e3} s`), { code: "ELOCKED" });
    }
    await new Promise((r) => setTimeout(r, delay + Math.random() * delay));
    delay = Math.min(delay * 1.5, 100);
  }
}
function removeAbandonedTempFiles(dir) {
  let removed = 0;
  let names;
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
function readPidLock(path) {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : void 0;
  } catch {
    return void 0;
  }
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === "EPERM";
  }
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

export {
  ensureDir,
  writeFileAtomic,
  appendLine,
  stageFile,
  readTextBounded,
  acquirePidLock,
  readRange,
  withLock,
  removeAbandonedTempFiles,
  readPidLock,
  isAlive
};
