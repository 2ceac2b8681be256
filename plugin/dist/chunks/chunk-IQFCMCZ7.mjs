import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import {
  acquirePidLock,
  ensureDir,
  isAlive,
  readPidLock,
  readRange
} from "./chunk-TFDMC74X.mjs";

// scripts/adapters/run-control.ts
import { closeSync, existsSync, openSync, statSync } from "node:fs";
import { spawn } from "node:child_process";
import { relative } from "node:path";
var RUN_LOG_TAIL_BYTES = 8192;
function acquireRunLock(paths) {
  const lock = acquirePidLock(paths.runLock);
  if ("heldBy" in lock) throw new RelayError(`relay work is already running (pid ${lock.heldBy}); wait for it or stop it first`);
  return lock;
}
function startDetached(paths, argv) {
  const lock = acquirePidLock(paths.runLock);
  if ("heldBy" in lock) throw new RelayError(`relay work is already running (pid ${lock.heldBy}); follow it with: relay status`);
  lock.release();
  ensureDir(paths.relayDir);
  const fd = openSync(paths.runLog, "a");
  const child = spawn(process.execPath, [...process.execArgv, ...argv], { cwd: process.cwd(), detached: true, stdio: ["ignore", fd, fd], env: { ...process.env, NO_COLOR: "1" } });
  child.unref();
  closeSync(fd);
  return child.pid;
}
function runInfo(paths) {
  const pid = readPidLock(paths.runLock);
  if (!existsSync(paths.runLog) && pid === void 0) return null;
  let lastLines = [];
  try {
    const size = statSync(paths.runLog).size;
    const tail = readRange(paths.runLog, Math.max(0, size - RUN_LOG_TAIL_BYTES), size, RUN_LOG_TAIL_BYTES).toString("utf8");
    lastLines = tail.trimEnd().split("\n").slice(-5);
  } catch {
    lastLines = [];
  }
  const running = pid !== void 0 && isAlive(pid);
  return { running, pid: running ? pid : null, log: relative(process.cwd(), paths.runLog) || paths.runLog, last_lines: running ? lastLines : lastLines.slice(-2) };
}

export {
  acquireRunLock,
  startDetached,
  runInfo
};
