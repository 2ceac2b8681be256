import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  endAttemptProcesses,
  processStart
} from "./chunk-R7325EED.mjs";
import {
  acquirePidLock,
  ensureDir,
  isAlive,
  readPidLock,
  readRange,
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";

// scripts/adapters/run-control.ts
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync } from "node:fs";
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
  const dead = deadRun(paths);
  const hasLog = existsSync(paths.runLog);
  if (!hasLog && pid === void 0 && !dead) return null;
  let lastLines = [];
  try {
    const size = statSync(paths.runLog).size;
    const tail = readRange(paths.runLog, Math.max(0, size - RUN_LOG_TAIL_BYTES), size, RUN_LOG_TAIL_BYTES).toString("utf8");
    lastLines = tail.trimEnd().split("\n").slice(-5);
  } catch {
    lastLines = [];
  }
  const running = pid !== void 0 && isAlive(pid);
  const log = hasLog ? relative(process.cwd(), paths.runLog) || paths.runLog : null;
  return { running, pid: running ? pid : null, log, last_lines: running ? lastLines : lastLines.slice(-2), last_run: dead };
}
function readRunState(paths) {
  try {
    return JSON.parse(readFileSync(paths.runState, "utf8"));
  } catch {
    return void 0;
  }
}
function writeRunState(paths, state) {
  writeFileAtomic(paths.runState, `${JSON.stringify(state, null, 2)}
`);
}
function freshRunState() {
  return { pid: process.pid, started_at: (/* @__PURE__ */ new Date()).toISOString(), workers: [] };
}
function beginRunState(paths) {
  writeRunState(paths, freshRunState());
}
function recordWorker(paths, worker) {
  const state = readRunState(paths) ?? freshRunState();
  const start = worker.pid === null ? null : processStart(worker.pid) ?? null;
  writeRunState(paths, { ...state, workers: [...state.workers.filter((w) => w.mark !== worker.mark), { ...worker, start }] });
}
function forgetWorker(paths, mark) {
  const state = readRunState(paths);
  if (state) writeRunState(paths, { ...state, workers: state.workers.filter((w) => w.mark !== mark) });
}
function endRunState(paths) {
  const state = readRunState(paths);
  if (state) writeRunState(paths, { ...state, workers: [], ended_at: (/* @__PURE__ */ new Date()).toISOString() });
}
async function endLeftoverWorkers(paths) {
  const state = readRunState(paths);
  if (!state?.workers.length) return [];
  const ended = [];
  for (const w of state.workers) {
    const same = w.pid !== null && w.start !== null && processStart(w.pid) === w.start;
    if (await endAttemptProcesses(same ? w.pid : void 0, w.mark, 3e3) > 0) ended.push(w);
  }
  writeRunState(paths, { ...state, workers: [] });
  return ended;
}
function deadRun(paths) {
  const state = readRunState(paths);
  if (!state || state.ended_at || isAlive(state.pid)) return null;
  return { pid: state.pid, started_at: state.started_at, last_seen: statSync(paths.runState).mtime.toISOString() };
}
async function stopRun(paths, closeAttempts, waitMs = 6e4) {
  const pid = readPidLock(paths.runLock);
  if (pid !== void 0 && isAlive(pid)) {
    process.kill(pid, "SIGTERM");
    const deadline = Date.now() + waitMs;
    while (isAlive(pid)) {
      if (Date.now() > deadline) throw new RelayError(`relay work (pid ${pid}) has not stopped after ${waitMs / 1e3} s; end it with: kill -9 ${pid}, then run relay stop again`, 1);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { stopped: pid };
  }
  const lock = acquireRunLock(paths);
  try {
    const cleaned = await endLeftoverWorkers(paths);
    const closed = await closeAttempts();
    endRunState(paths);
    return cleaned.length || closed.length ? { cleaned } : { nothing: true };
  } finally {
    lock.release();
  }
}
function writeServeInfo(paths, info) {
  ensureDir(paths.relayDir);
  writeFileAtomic(paths.serveInfo, `${JSON.stringify(info, null, 2)}
`, 384);
}
function clearServeInfo(paths) {
  rmSync(paths.serveInfo, { force: true });
}
function readServeInfo(paths) {
  try {
    const info = JSON.parse(readFileSync(paths.serveInfo, "utf8"));
    return typeof info.url === "string" && isAlive(info.pid) ? info : void 0;
  } catch {
    return void 0;
  }
}

export {
  acquireRunLock,
  startDetached,
  runInfo,
  beginRunState,
  recordWorker,
  forgetWorker,
  endRunState,
  endLeftoverWorkers,
  stopRun,
  writeServeInfo,
  clearServeInfo,
  readServeInfo
};
