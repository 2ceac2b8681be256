import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  execa
} from "./chunk-5UF4JJLB.mjs";
import {
  PROCESS_MARK,
  endAttemptProcesses
} from "./chunk-R7325EED.mjs";

// scripts/adapters/executor.ts
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
var KILL_GRACE_MS = 3e3;
function workerEnv(extra, base = process.env) {
  const env = {};
  for (const [k, v] of Object.entries(base)) if (v !== void 0 && k !== "CLAUDECODE" && k !== "CLAUDE_CODE_ENTRYPOINT" && k !== PROCESS_MARK) env[k] = v;
  return { ...env, ...extra };
}
var TAIL_CHARS = 8 * 1024;
async function runProcess(command, args, opts) {
  const started = Date.now();
  const mark = opts.mark ?? randomUUID();
  let timedOut = false;
  let interrupted = false;
  let child;
  try {
    child = execa(command, args, {
      cwd: opts.cwd,
      env: { ...opts.env, [PROCESS_MARK]: mark },
      extendEnv: false,
      reject: false,
      detached: true,
      cleanup: true,
      stdin: opts.passThrough ? "inherit" : opts.input === void 0 ? "ignore" : "pipe",
      input: opts.input,
      buffer: !opts.passThrough,
      maxBuffer: 64 * 1024 * 1024,
      stripFinalNewline: false
    });
  } catch (err) {
    return { exitCode: null, timedOut: false, interrupted: false, stdout: "", stderr: "", durationMs: 0, spawnError: err.message };
  }
  const tails = { stdout: "", stderr: "" };
  if (opts.passThrough) {
    for (const stream of ["stdout", "stderr"]) {
      child[stream]?.on("data", (chunk) => {
        process[stream].write(chunk);
        tails[stream] = (tails[stream] + chunk.toString("utf8")).slice(-TAIL_CHARS);
      });
    }
  }
  if (child.pid !== void 0) opts.onSpawn?.(child.pid);
  let ending;
  const stop = (why) => {
    if (why === "timeout") timedOut = true;
    else interrupted = true;
    ending ??= endAttemptProcesses(child.pid, mark, KILL_GRACE_MS);
  };
  const timer = setTimeout(() => stop("timeout"), opts.timeoutMs);
  const onAbort = () => stop("abort");
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  const result = await child;
  clearTimeout(timer);
  opts.signal?.removeEventListener("abort", onAbort);
  await (ending ?? endAttemptProcesses(void 0, mark, KILL_GRACE_MS));
  const spawnError = result.failed && result.exitCode === void 0 && !result.isTerminated ? result.shortMessage : void 0;
  return {
    exitCode: result.exitCode ?? null,
    timedOut,
    interrupted,
    stdout: opts.passThrough ? tails.stdout : String(result.stdout ?? ""),
    stderr: opts.passThrough ? tails.stderr : String(result.stderr ?? ""),
    durationMs: Date.now() - started,
    ...spawnError ? { spawnError } : {},
    ...result.signal ? { signal: result.signal } : {}
  };
}
async function runProcessWithFile(command, content, args, opts) {
  const dir = mkdtempSync(join(tmpdir(), "relay-run-"));
  try {
    const file = join(dir, "input.json");
    writeFileSync(file, content, { mode: 384 });
    return await runProcess(command, args(file), opts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
function runShell(command, opts) {
  return runProcess("bash", ["-c", command], opts);
}

export {
  workerEnv,
  runProcess,
  runProcessWithFile,
  runShell
};
