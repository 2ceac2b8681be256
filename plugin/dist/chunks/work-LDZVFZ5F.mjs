import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  promoteLessons
} from "./chunk-GI4EUQYK.mjs";
import {
  recordTaskOutcome
} from "./chunk-CSC2F5QP.mjs";
import "./chunk-77A2BD3R.mjs";
import {
  taskAnchor
} from "./chunk-NZ2X4S7R.mjs";
import "./chunk-YOZHQOC6.mjs";
import "./chunk-F5JL2RSY.mjs";
import "./chunk-ZM2DFATS.mjs";
import {
  changedFiles,
  headCommit,
  snapshotDiff,
  snapshotTree
} from "./chunk-O4LADVTB.mjs";
import "./chunk-GAODFDBL.mjs";
import "./chunk-7HUEV55X.mjs";
import {
  liveSettings
} from "./chunk-3I66BZXY.mjs";
import {
  workerAgent
} from "./chunk-YAXQQROF.mjs";
import "./chunk-27UNTCPX.mjs";
import {
  runShell,
  workerEnv
} from "./chunk-EVSQAD4J.mjs";
import "./chunk-S34CIKNL.mjs";
import "./chunk-5UF4JJLB.mjs";
import "./chunk-BKF7ZIAF.mjs";
import {
  loadRelayConfig
} from "./chunk-5CFIPZWR.mjs";
import {
  acquireRunLock,
  beginRunState,
  endLeftoverWorkers,
  endRunState,
  forgetWorker,
  recordWorker,
  startDetached
} from "./chunk-HKUEUAGR.mjs";
import {
  painter
} from "./chunk-HAHLE5FJ.mjs";
import "./chunk-R7325EED.mjs";
import {
  EXIT_ENVIRONMENT,
  EXIT_INTERRUPTED,
  apiRetryDelayMs,
  attemptDetail,
  concludeAttempt,
  cutDiff,
  isTransient,
  loadState,
  recordAttemptEnd,
  recordAttemptStart,
  recoverAbandonedAttempts,
  reviewPrompt,
  runExitCode,
  runSummary,
  settledTask,
  shouldReview,
  shouldVerify
} from "./chunk-7K2ET2RW.mjs";
import "./chunk-ILGU4PTK.mjs";
import "./chunk-O5UTFW2U.mjs";
import {
  nextReadyTask
} from "./chunk-5ONEAW3B.mjs";
import "./chunk-WYQFOPQ6.mjs";
import {
  redact,
  truncate
} from "./chunk-OTZ4R5UM.mjs";
import "./chunk-ZYKQ7B5J.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  currentProject
} from "./chunk-JFWOJU6D.mjs";
import "./chunk-6DSS6ZB5.mjs";
import "./chunk-VV6U34AQ.mjs";
import "./chunk-JTMS3PGF.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-R5CMOSTG.mjs";
import {
  removeAbandonedTempFiles
} from "./chunk-62XEB27W.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/work.ts
import { randomUUID } from "node:crypto";
import { relative } from "node:path";

// scripts/adapters/quality-gate.ts
var VERIFY_TIMEOUT_MS = 10 * 6e4;
var REVIEW_DIFF_CHARS = 6e4;
async function runVerify(paths, commands, signal) {
  const results = [];
  for (const command of commands) {
    const run = await runShell(command, { cwd: paths.root, env: workerEnv({}), timeoutMs: VERIFY_TIMEOUT_MS, signal });
    results.push({ command, exitCode: run.timedOut ? null : run.exitCode, timedOut: run.timedOut, output: truncate(redact(`${run.stdout}${run.stderr}`.trim()), 1500) });
    if (signal.aborted) break;
  }
  return results;
}
async function reviewAttempt(paths, req) {
  const { review } = req.settings;
  const task = req.epic.tasks[req.taskId];
  const diff = cutDiff(await snapshotDiff(paths.root, req.before, req.after), REVIEW_DIFF_CHARS);
  const env = workerEnv({
    RELAY_TASK_ID: req.taskId,
    RELAY_ATTEMPT: String(req.attemptId),
    RELAY_REVIEW: "1",
    RELAY_DIFF_BASE: req.before ?? "",
    RELAY_TASK_TITLE: task.title,
    RELAY_TASK_FILES: task.files.join("\n"),
    RELAY_TASK_CRITERIA: task.acceptance_criteria.join("\n"),
    RELAY_DIFF_OMITTED: diff.omitted.join("\n")
  });
  const timeoutMs = req.settings.timeout_minutes * 6e4;
  if (review.provider === "command") {
    if (!review.command) throw new RelayError(`${paths.config}: relay.review.command: required when review.provider is "command"`);
    const run = await runShell(review.command, { cwd: paths.root, env, timeoutMs, signal: req.signal, input: diff.text });
    const findings = `${run.stdout}`.split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 20).map((l) => truncate(redact(l), 300));
    const verdict = run.exitCode === 0 ? "APPROVED" : run.exitCode === 3 ? "BLOCKED" : "NEEDS CHANGES";
    return { verdict, findings };
  }
  return req.agent.review({ prompt: reviewPrompt(req.epic, req.taskId, req.receipt, diff, req.verify), cwd: paths.root, env, timeoutMs, signal: req.signal });
}

// scripts/cli/progress.ts
function formatElapsed(ms) {
  const s = Math.floor(ms / 1e3);
  const m = Math.floor(s / 60);
  return m ? `${m}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}
function clock() {
  return (/* @__PURE__ */ new Date()).toISOString().slice(11, 19);
}
function fitLine(text, columns) {
  const visible = text.replace(/\x1b\[[0-9;]*m/g, "");
  if (visible.length < columns) return text;
  return `${visible.slice(0, Math.max(0, columns - 2))}\u2026`;
}
var Progress = class {
  paint = painter();
  /** Only a terminal gets the live line; a log, a pipe, NO_COLOR or CI get event lines only. */
  live = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && !process.env.CI;
  ticker;
  costSoFar = 0;
  /** Every line is redacted: a detached run's stdout is .agents-os/relay/run.log. */
  line(text) {
    this.clearLive();
    process.stdout.write(`[${clock()}] ${redact(text)}
`);
  }
  start(taskId, title, attempt, max) {
    const label = `${this.paint("bold", taskId)} attempt ${attempt}/${max} \u2014 ${redact(title)}`;
    this.line(`${label} \u2026 started`);
    if (!this.live) return;
    const began = Date.now();
    this.ticker = setInterval(() => process.stdout.write(`\r\x1B[2K${fitLine(`  ${label} \u2026 ${formatElapsed(Date.now() - began)}`, process.stdout.columns || 80)}`), 1e3);
    this.ticker.unref();
  }
  end(taskId, attempt, max, verdict, elapsedMs, costUsd, detail) {
    this.costSoFar += costUsd ?? 0;
    const style = verdict === "success" ? "green" : verdict === "interrupted" ? "yellow" : "red";
    const cost = costUsd !== null ? ` \xB7 $${costUsd.toFixed(4)} (run total $${this.costSoFar.toFixed(4)})` : "";
    this.line(`${this.paint("bold", taskId)} attempt ${attempt}/${max} ${this.paint(style, verdict)} in ${formatElapsed(elapsedMs)}${cost}${detail ? ` \u2014 ${detail}` : ""}`);
  }
  clearLive() {
    if (this.ticker) {
      clearInterval(this.ticker);
      this.ticker = void 0;
      process.stdout.write("\r\x1B[2K");
    }
  }
};

// scripts/cli/work.ts
async function workCommand(taskArg, opts) {
  const paths = currentProject();
  if (opts.detach) {
    const pid = startDetached(paths, process.argv.slice(1).filter((a) => a !== "--detach"));
    process.stdout.write(`relay: work started in the background (pid ${pid}); log: ${relative(process.cwd(), paths.runLog)}; check with /relay:status
`);
    return;
  }
  const lock = acquireRunLock(paths);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  for (const sig of STOP_SIGNALS) process.on(sig, onSignal);
  process.stdout.on("error", () => void 0);
  try {
    const config = loadRelayConfig(paths);
    const run = { paths, config, agent: workerAgent(config, opts.agent), signal: abort.signal, progress: new Progress() };
    process.exitCode = await workLoop(run, taskArg, opts);
  } finally {
    for (const sig of STOP_SIGNALS) process.off(sig, onSignal);
    endRunState(paths);
    lock.release();
  }
}
var STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
async function workLoop(run, taskArg, opts) {
  const { paths, progress } = run;
  removeAbandonedTempFiles(paths.relayDir);
  const leftovers = await endLeftoverWorkers(paths);
  if (leftovers.length) progress.line(`ended what a run that died left running: ${leftovers.map((w) => `${w.task_id} attempt ${w.attempt} (worker pid ${w.pid ?? "not started"})`).join(", ")}`);
  beginRunState(paths);
  const prepared = await run.agent.prepare?.(paths.root);
  if (prepared) progress.line(prepared);
  const closed = await recoverAbandonedAttempts(paths);
  if (closed.length) progress.line(`recovered ${closed.length} attempt(s) left running by a dead run: ${closed.join(", ")} (marked interrupted)`);
  for (const change of liveSettings(loadState(paths).ledger.settings, run.config).changes) progress.line(`settings: ${change}`);
  const gatedThisRun = [];
  const retry = { attempts: run.config.api_retry?.attempts ?? 3, backoff: run.config.api_retry?.backoff_seconds ?? 30, used: 0 };
  for (; ; ) {
    if (run.signal.aborted) return EXIT_INTERRUPTED;
    const { epic: epic2, ledger: ledger2 } = loadState(paths);
    const taskId = taskArg ?? nextReadyTask(epic2, ledger2);
    if (!taskId) break;
    if (!(taskId in epic2.tasks)) throw new RelayError(`unknown task "${taskId}" (epic has ${Object.keys(epic2.tasks).join(", ")})`);
    const status = ledger2.task_status[taskId];
    if (taskArg && status !== "pending") {
      if (status === "blocked") throw new RelayError(`task ${taskId} is blocked by ${epic2.tasks[taskId].depends_on.filter((d) => ledger2.task_status[d] !== "completed").join(", ")}`, 1);
      if (status === "gated" && !gatedThisRun.includes(taskId)) throw new RelayError(`task ${taskId} is gated (${ledger2.gated_tasks[taskId]?.reason}); lift it with: relay ungate ${taskId}`, 1);
      break;
    }
    const outcome = await runAttempt(run, epic2, ledger2, taskId, liveSettings(ledger2.settings, run.config, opts).settings);
    if (outcome === "interrupted") return EXIT_INTERRUPTED;
    if (outcome === "gated") gatedThisRun.push(taskId);
    if (typeof outcome === "object") {
      if (!isTransient(outcome) || retry.used >= retry.attempts) {
        progress.line(`stopped: ${outcome.message}${isTransient(outcome) ? ` (still so after ${retry.used} ${retry.used === 1 ? "retry" : "retries"}; run relay work again later)` : ""}`);
        return EXIT_ENVIRONMENT;
      }
      const delay = apiRetryDelayMs(++retry.used, retry.backoff);
      progress.line(`${outcome.message}: waiting ${Math.round(delay / 1e3)} s, then trying ${taskId} again (retry ${retry.used} of ${retry.attempts})`);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, delay);
        run.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
      });
    } else retry.used = 0;
  }
  const { epic, ledger } = loadState(paths);
  const ids = Object.keys(epic.tasks);
  const done = ids.filter((id) => ledger.task_status[id] === "completed").length;
  progress.line(runSummary(done, ids.length, gatedThisRun, nextReadyTask(epic, ledger) !== void 0));
  if (done === ids.length) await promoteAtEpicEnd(run);
  return runExitCode(gatedThisRun);
}
async function runAttempt(run, epic, ledger, taskId, settings) {
  const { paths, signal, progress } = run;
  const task = epic.tasks[taskId];
  const [anchor, startCommit, before] = await Promise.all([taskAnchor(paths, epic, ledger, taskId), headCommit(paths.root), snapshotTree(paths.root)]);
  const attempt = await recordAttemptStart(paths, taskId, startCommit, anchor.memories.map((m) => m.id));
  progress.start(taskId, task.title, attempt.id, settings.max_attempts_per_task);
  const began = Date.now();
  const mark = randomUUID();
  recordWorker(paths, { pid: null, mark, task_id: taskId, attempt: attempt.id });
  const worker = await run.agent.runTask({
    prompt: anchor.text,
    cwd: paths.root,
    env: workerEnv({ RELAY_TASK_ID: taskId, RELAY_ATTEMPT: String(attempt.id), RELAY_EPIC_ID: epic.id }),
    timeoutMs: settings.timeout_minutes * 6e4,
    signal,
    mark,
    onSpawn: (pid) => recordWorker(paths, { pid, mark, task_id: taskId, attempt: attempt.id })
  });
  forgetWorker(paths, mark);
  const [end, endCommit] = await Promise.all([snapshotTree(paths.root), headCommit(paths.root)]);
  const filesChanged = await changedFiles(paths.root, before, end);
  const checked = shouldVerify(worker, signal.aborted);
  const verify = checked ? await runVerify(paths, task.verify ?? [], signal) : [];
  const review = checked && shouldReview(settings, verify, signal.aborted) ? await reviewAttempt(paths, { epic, taskId, attemptId: attempt.id, before, after: end, receipt: worker.receipt, verify, settings, agent: run.agent, signal }) : null;
  const outcome = concludeAttempt({ task, agent: run.agent.name, worker, git: { start_commit: startCommit, end_commit: endCommit, files_changed: filesChanged }, verify, review, interrupted: signal.aborted });
  const settled = await recordAttemptEnd(paths, taskId, attempt.id, outcome, settings);
  progress.end(taskId, attempt.id, settings.max_attempts_per_task, outcome.result, Date.now() - began, worker.total_cost_usd, attemptDetail(outcome, settled.gate));
  if (worker.environment) return worker.environment;
  if (outcome.result === "interrupted") return "interrupted";
  if (settled.status === "completed" || settled.status === "gated") {
    const record = settledTask(epic.id, settled.ledger, taskId, settled.status, settled.gate);
    await recordTaskOutcome(paths, record).catch((err) => progress.line(`could not append the task_completion record for ${taskId}: ${err.message}`));
  }
  return settled.status === "completed" ? "completed" : settled.status === "gated" ? "gated" : "retry";
}
async function promoteAtEpicEnd({ paths, progress, agent }) {
  try {
    const report = await promoteLessons(paths, agent);
    const promoted = report.promoted.length + report.reinforced.length;
    progress.line(`epic complete: ${promoted ? `${promoted} learning(s) promoted to AGENTS.md` : "no learning recurred often enough to promote"}${report.emerging.length ? `; ${report.emerging.length} emerging (relay learnings list)` : ""}`);
  } catch (err) {
    progress.line(`learnings were not promoted: ${err.message}`);
  }
}
export {
  workCommand
};
