import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);

// scripts/adapters/process-tree.ts
import { readdirSync, readFileSync } from "node:fs";
var PROCESS_MARK = "RELAY_PROCESS_MARK";
function readProc(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { pid, ppid: Number(fields[1]), start: Number(fields[19]) };
  } catch {
    return void 0;
  }
}
function allPids() {
  try {
    return readdirSync("/proc").filter((n) => /^\d+$/.test(n)).map(Number);
  } catch {
    return [];
  }
}
function hasMark(pid, mark) {
  try {
    return readFileSync(`/proc/${pid}/environ`, "latin1").split("\0").includes(`${PROCESS_MARK}=${mark}`);
  } catch {
    return false;
  }
}
function processStart(pid) {
  return readProc(pid)?.start;
}
function attemptProcesses(rootPid, mark) {
  const procs = allPids().map(readProc).filter((p) => p !== void 0);
  const found = /* @__PURE__ */ new Set();
  if (rootPid !== void 0) {
    const children = /* @__PURE__ */ new Map();
    for (const p of procs) {
      const siblings = children.get(p.ppid);
      if (siblings) siblings.push(p.pid);
      else children.set(p.ppid, [p.pid]);
    }
    const queue = [...children.get(rootPid) ?? []];
    while (queue.length) {
      const pid = queue.shift();
      if (found.has(pid)) continue;
      found.add(pid);
      queue.push(...children.get(pid) ?? []);
    }
  }
  for (const p of procs) if (p.pid !== process.pid && p.pid !== rootPid && hasMark(p.pid, mark)) found.add(p.pid);
  found.delete(process.pid);
  return [...found];
}
function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
  }
}
async function endAttemptProcesses(rootPid, mark, graceMs) {
  const targets = attemptProcesses(rootPid, mark);
  const found = targets.length + (rootPid !== void 0 && processStart(rootPid) !== void 0 ? 1 : 0);
  for (const pid of targets) signal(pid, "SIGSTOP");
  if (rootPid !== void 0) {
    signal(-rootPid, "SIGTERM");
    signal(rootPid, "SIGTERM");
  }
  for (const pid of targets) {
    signal(pid, "SIGTERM");
    signal(pid, "SIGCONT");
  }
  const deadline = Date.now() + graceMs;
  for (; ; ) {
    const left = attemptProcesses(void 0, mark).concat(rootPid !== void 0 && processStart(rootPid) !== void 0 ? [rootPid] : []);
    if (!left.length) return found;
    if (Date.now() >= deadline) {
      for (const pid of left) signal(pid, "SIGKILL");
      if (rootPid !== void 0) signal(-rootPid, "SIGKILL");
      await new Promise((r) => setTimeout(r, 50));
      if (!attemptProcesses(void 0, mark).length || Date.now() >= deadline + 2e3) return found;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export {
  PROCESS_MARK,
  processStart,
  endAttemptProcesses
};
