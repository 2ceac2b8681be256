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
function writeFileAtomic(path, data) {
  const dir = dirname(path);
  ensureDir(dir);
  const tmp = tempPathFor(path);
  let fd;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 420);
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

// scripts/core/shared/paths.ts
import { join as join2 } from "node:path";
function projectPaths(root) {
  const relayDir = join2(root, ".agents-os", "relay");
  const cacheDir = join2(root, ".agents-os", "cache");
  const opsKnowledge = join2(root, "docs", "ops-knowledge");
  return {
    root,
    relayDir,
    epic: join2(relayDir, "epic.yml"),
    attemptLedger: join2(relayDir, "attempt-ledger.yml"),
    schemaDir: join2(relayDir, "schema"),
    backupDir: join2(relayDir, "backup"),
    runLock: join2(relayDir, "run.lock"),
    runLog: join2(relayDir, "run.log"),
    runState: join2(relayDir, "run-state.json"),
    // Locks for files outside .agents-os live here, so no lock file appears beside the user's files.
    keyLearningsLock: join2(relayDir, "key-learnings"),
    gitattributesLock: join2(relayDir, "gitattributes"),
    eventLedgerDir: join2(root, ".agents-os", "ledger"),
    agentsDir: join2(root, ".agents-os", "agents"),
    memoryDir: join2(root, ".agents-os", "memory"),
    cacheDir,
    inboxDir: join2(root, ".agents-os", "inbox"),
    cacheIgnore: join2(cacheDir, ".gitignore"),
    epicSnapshot: join2(cacheDir, "epic.json"),
    ledgerSnapshot: join2(cacheDir, "attempt-ledger.json"),
    recallIndex: join2(cacheDir, "recall-index.json"),
    progressDir: join2(root, "progress"),
    episodicLedger: join2(root, "progress", "ledger.jsonl"),
    notes: join2(root, "progress", "NOTES.md"),
    progressArchive: join2(root, "progress", "archive"),
    ledgerIndex: join2(root, "progress", "ledger-index.json"),
    opsKnowledge,
    learningsArchive: join2(opsKnowledge, "learnings", "key-learnings-archive.md"),
    agentsMd: join2(root, "AGENTS.md"),
    config: join2(root, ".agents.yml"),
    localConfig: join2(root, ".agents.local.yml"),
    gitattributes: join2(root, ".gitattributes")
  };
}
function safeSegment(raw, fallback = "unknown", max = 64) {
  const cleaned = raw.normalize("NFKD").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/\.{2,}/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, max).replace(/[-.]+$/g, "");
  return cleaned || fallback;
}
function agentsOsDir(root) {
  return join2(root, ".agents-os");
}
function eventLedgerFile(root, agent, day) {
  return join2(root, ".agents-os", "ledger", safeSegment(agent, "unknown"), `${day}.jsonl`);
}
function agentStatusFile(root, agent) {
  return join2(root, ".agents-os", "agents", safeSegment(agent), "status.json");
}
function sessionSummaryFile(root, agent, day, sessionId) {
  return join2(root, ".agents-os", "memory", safeSegment(agent), "sessions", `${day}-${safeSegment(sessionId)}.md`);
}
function epicBackupFile(paths, stamp, name) {
  return join2(paths.backupDir, stamp, name);
}
function schemaFile(schemaDir, name) {
  return join2(schemaDir, name);
}
function progressArchiveFile(paths, name) {
  return join2(paths.progressArchive, name);
}

// scripts/adapters/project.ts
import { existsSync as existsSync2 } from "node:fs";
import { dirname as dirname2, join as join3, resolve } from "node:path";
function findProjectRoot(cwd = process.cwd(), env = process.env) {
  const forced = env.RELAY_PROJECT_DIR || env.CLAUDE_PROJECT_DIR;
  if (forced) return resolve(forced);
  let dir = resolve(cwd);
  for (; ; ) {
    if (existsSync2(agentsOsDir(dir)) || existsSync2(join3(dir, ".git"))) return dir;
    const parent = dirname2(dir);
    if (parent === dir) return resolve(cwd);
    dir = parent;
  }
}
function currentProject() {
  return projectPaths(findProjectRoot());
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
  isAlive,
  projectPaths,
  safeSegment,
  agentsOsDir,
  eventLedgerFile,
  agentStatusFile,
  sessionSummaryFile,
  epicBackupFile,
  schemaFile,
  progressArchiveFile,
  findProjectRoot,
  currentProject
};
