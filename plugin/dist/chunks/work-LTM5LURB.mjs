import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  recordTaskOutcome
} from "./chunk-5WU5RJQC.mjs";
import "./chunk-DTV5SS4C.mjs";
import {
  promoteLessons
} from "./chunk-U4LYT7JS.mjs";
import "./chunk-HIYGOJAB.mjs";
import {
  taskAnchor
} from "./chunk-ZO3K3OYJ.mjs";
import {
  changedFiles,
  headCommit,
  snapshotDiff,
  snapshotTree
} from "./chunk-LKQRVWEA.mjs";
import "./chunk-KXSVJWNL.mjs";
import "./chunk-FLZRZ666.mjs";
import "./chunk-JUAYUJF3.mjs";
import "./chunk-GTO7XDNX.mjs";
import "./chunk-7HUEV55X.mjs";
import {
  liveSettings
} from "./chunk-LYVXVVAQ.mjs";
import {
  workerAgent
} from "./chunk-UA3TJQ7U.mjs";
import {
  runShell,
  workerEnv
} from "./chunk-EVSQAD4J.mjs";
import {
  isOwnState
} from "./chunk-QXN5FNU5.mjs";
import {
  execa
} from "./chunk-5UF4JJLB.mjs";
import "./chunk-MF5TMX2C.mjs";
import "./chunk-BKF7ZIAF.mjs";
import {
  loadRelayConfig
} from "./chunk-CIQRNYIC.mjs";
import {
  acquireRunLock,
  beginRunState,
  endLeftoverWorkers,
  endRunState,
  forgetWorker,
  recordWorker,
  startDetached
} from "./chunk-7ZSTW4DF.mjs";
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
  loadState,
  recordAttemptEnd,
  recordAttemptStart,
  recoverAbandonedAttempts,
  reviewJsonSchema,
  reviewPrompt,
  reviewVerdictOf,
  runExitCode,
  runSummary,
  settledTask,
  shouldReview,
  shouldVerify,
  withMergeConflict
} from "./chunk-J73XRGZZ.mjs";
import {
  isTransient
} from "./chunk-R5VAHXD7.mjs";
import "./chunk-BCWZON6A.mjs";
import "./chunk-64IFK3RD.mjs";
import {
  nextReadyTask,
  tasksToStart
} from "./chunk-PEPFD4CA.mjs";
import "./chunk-RKO5KVIC.mjs";
import {
  redact,
  truncate
} from "./chunk-OTZ4R5UM.mjs";
import "./chunk-2VKVEHDW.mjs";
import "./chunk-3BMRPU2F.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";
import {
  safeSegment
} from "./chunk-AV66IWWN.mjs";
import {
  MAX_JOBS
} from "./chunk-QMNJTYV7.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-3NNJAZC6.mjs";
import {
  removeAbandonedTempFiles
} from "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/work.ts
import { relative } from "node:path";

// scripts/adapters/worktrees.ts
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
async function git(cwd, args, input) {
  return execa("git", args, { cwd, reject: false, input, env: { GIT_TERMINAL_PROMPT: "0" } });
}
async function gitOut(cwd, args) {
  const r = await git(cwd, args);
  if (r.exitCode !== 0) throw new Error(`git ${args.join(" ")}: ${(r.stderr || r.stdout).trim().split("\n")[0]}`);
  return r.stdout.trim();
}
async function worktreeProblem(root) {
  const inside = await git(root, ["rev-parse", "--is-inside-work-tree", "--is-bare-repository"]);
  if (inside.exitCode !== 0) return "this project is not a git repository, and parallel tasks run in git worktrees: run git init and commit, or leave out --jobs";
  if (inside.stdout.split("\n")[1]?.trim() === "true" || inside.stdout.split("\n")[0]?.trim() !== "true") return "this is a bare repository: run relay work in a checkout, or leave out --jobs";
  if ((await git(root, ["rev-parse", "--verify", "-q", "HEAD"])).exitCode !== 0) return "the repository has no commit yet, and a worktree starts from one: commit first, or leave out --jobs";
  if ((await git(root, ["symbolic-ref", "-q", "HEAD"])).exitCode !== 0) return "HEAD is detached, and finished tasks are merged into the current branch: check out a branch, or leave out --jobs";
  return void 0;
}
async function worktreesDir(root) {
  const gitDir = await gitOut(root, ["rev-parse", "--path-format=absolute", "--git-common-dir"]);
  const key = createHash("sha256").update(gitDir).digest("hex").slice(0, 10);
  return join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "relay", "worktrees", `${safeSegment(basename(dirname(gitDir)))}-${key}`);
}
var branchPrefix = (epicId) => `relay/${safeSegment(epicId)}/`;
async function uncommittedIn(root, files) {
  if (!files.length) return [];
  const status = await gitOut(root, ["status", "--porcelain", "-z", "--untracked-files=all", "--", ...files]);
  return status.split("\0").filter(Boolean).map((entry) => entry.slice(3)).filter((file) => !isOwnState(file));
}
async function createTaskWorktree(root, epicId, taskId, base) {
  const dir = await worktreesDir(root);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, safeSegment(taskId));
  const branch = `${branchPrefix(epicId)}${safeSegment(taskId)}`;
  await removeTaskWorktree(root, { taskId, path, branch });
  await gitOut(root, ["worktree", "add", "--quiet", "-b", branch, path, base]);
  return { taskId, path, branch };
}
async function commitAttempt(cwd, message, trailers, paths) {
  const only = paths ? ["--", ...paths] : [];
  await gitOut(cwd, ["add", "-A", ...only]);
  if ((await git(cwd, ["diff", "--cached", "--quiet", ...only])).exitCode === 0) return null;
  const body = `${message}

${Object.entries(trailers).map(([k, v]) => `${k}: ${v}`).join("\n")}
`;
  const commit = await git(cwd, ["commit", "--quiet", "--no-verify", "-F", "-", ...only], body);
  if (commit.exitCode !== 0) throw new Error(`git commit in ${cwd}: ${(commit.stderr || commit.stdout).trim().split("\n")[0]}`);
  return gitOut(cwd, ["rev-parse", "HEAD"]);
}
async function mergeTaskBranch(root, wt, message) {
  const trial = await git(root, ["merge-tree", "--write-tree", "--name-only", "--no-messages", "HEAD", wt.branch]);
  if (trial.exitCode === 1) {
    const files = trial.stdout.split("\n").slice(1).map((l) => l.trim()).filter(Boolean);
    return { merged: false, files, reason: `merging ${wt.branch} conflicts in ${files.join(", ")}` };
  }
  if (trial.exitCode !== 0) return { merged: false, files: [], reason: `git merge-tree failed: ${(trial.stderr || trial.stdout).trim().split("\n")[0]}` };
  const merge = await git(root, ["merge", "--no-ff", "--no-edit", "--quiet", "-m", message, wt.branch]);
  if (merge.exitCode !== 0) {
    if ((await git(root, ["rev-parse", "-q", "--verify", "MERGE_HEAD"])).exitCode === 0) await git(root, ["merge", "--abort"]);
    const said = `${merge.stderr}
${merge.stdout}`;
    const files = [...said.matchAll(/^\s+(\S.*)$/gm)].map((m) => m[1].trim()).filter((f) => !/^(Please|Aborting|Merge)/.test(f));
    return { merged: false, files, reason: `git merge refused: ${said.trim().split("\n")[0]}` };
  }
  return { merged: true, commit: await gitOut(root, ["rev-parse", "HEAD"]) };
}
async function removeTaskWorktree(root, wt) {
  if (existsSync(wt.path)) {
    await git(root, ["worktree", "remove", "--force", "--force", wt.path]);
    rmSync(wt.path, { recursive: true, force: true });
  }
  await git(root, ["worktree", "prune"]);
  await git(root, ["branch", "-D", "--quiet", wt.branch]);
}
async function removeStaleWorktrees(root, epicId) {
  const dir = await worktreesDir(root);
  const branches = (await gitOut(root, ["for-each-ref", "--format=%(refname:short)", `refs/heads/${branchPrefix(epicId)}`])).split("\n").filter(Boolean);
  const removed = [];
  for (const branch of branches) {
    const taskId = branch.slice(branchPrefix(epicId).length);
    await removeTaskWorktree(root, { taskId, branch, path: join(dir, taskId) });
    removed.push(taskId);
  }
  return removed;
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
  /** Attempts running now (several with --jobs), by task: their label and start. */
  running = /* @__PURE__ */ new Map();
  /** Every line is redacted: a detached run's stdout is .agents-os/relay/run.log. */
  line(text) {
    if (this.ticker) process.stdout.write("\r\x1B[2K");
    process.stdout.write(`[${clock()}] ${redact(text)}
`);
  }
  start(taskId, title, attempt, max) {
    const label = `${this.paint("bold", taskId)} attempt ${attempt}/${max} \u2014 ${redact(title)}`;
    this.line(`${label} \u2026 started`);
    this.running.set(taskId, { label, began: Date.now() });
    if (!this.live || this.ticker) return;
    this.ticker = setInterval(() => process.stdout.write(`\r\x1B[2K${fitLine(`  ${this.liveText()}`, process.stdout.columns || 80)}`), 1e3);
    this.ticker.unref();
  }
  end(taskId, attempt, max, verdict, elapsedMs, costUsd, detail) {
    this.running.delete(taskId);
    if (!this.running.size) this.stopLive();
    this.costSoFar += costUsd ?? 0;
    const style = verdict === "success" ? "green" : verdict === "interrupted" ? "yellow" : "red";
    const cost = costUsd !== null ? ` \xB7 $${costUsd.toFixed(4)} (run total $${this.costSoFar.toFixed(4)})` : "";
    this.line(`${this.paint("bold", taskId)} attempt ${attempt}/${max} ${this.paint(style, verdict)} in ${formatElapsed(elapsedMs)}${cost}${detail ? ` \u2014 ${detail}` : ""}`);
  }
  /** One attempt: its whole label and time; several: each task and its time. */
  liveText() {
    const now = Date.now();
    const all = [...this.running];
    if (all.length === 1) return `${all[0][1].label} \u2026 ${formatElapsed(now - all[0][1].began)}`;
    return `${all.length} running: ${all.map(([id, r]) => `${this.paint("bold", id)} ${formatElapsed(now - r.began)}`).join(" \xB7 ")}`;
  }
  stopLive() {
    if (this.ticker) {
      clearInterval(this.ticker);
      this.ticker = void 0;
      process.stdout.write("\r\x1B[2K");
    }
  }
};

// scripts/cli/work-attempt.ts
import { randomUUID } from "node:crypto";

// scripts/adapters/quality-gate.ts
var VERIFY_TIMEOUT_MS = 10 * 6e4;
var REVIEW_DIFF_CHARS = 6e4;
async function runVerify(cwd, commands, signal) {
  const results = [];
  for (const command of commands) {
    const run = await runShell(command, { cwd, env: workerEnv({}), timeoutMs: VERIFY_TIMEOUT_MS, signal });
    results.push({ command, exitCode: run.timedOut ? null : run.exitCode, timedOut: run.timedOut, output: truncate(redact(`${run.stdout}${run.stderr}`.trim()), 1500) });
    if (signal.aborted) break;
  }
  return results;
}
async function reviewAttempt(paths, req) {
  const { review } = req.settings;
  const task = req.epic.tasks[req.taskId];
  const diff = cutDiff(await snapshotDiff(req.cwd, req.before, req.after), REVIEW_DIFF_CHARS);
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
    const run = await runShell(review.command, { cwd: req.cwd, env, timeoutMs, signal: req.signal, input: diff.text });
    const findings = `${run.stdout}`.split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 20).map((l) => truncate(redact(l), 300));
    const verdict = run.exitCode === 0 ? "APPROVED" : run.exitCode === 3 ? "BLOCKED" : "NEEDS CHANGES";
    return { verdict, findings };
  }
  return reviewVerdictOf(await req.agent.ask({ prompt: reviewPrompt(req.epic, req.taskId, req.receipt, diff, req.verify), cwd: req.cwd, env, timeoutMs, signal: req.signal }, reviewJsonSchema()));
}

// scripts/cli/work-attempt.ts
async function runAttempt(run, epic, ledger, taskId, settings, worktree) {
  const { paths, signal, progress } = run;
  const task = epic.tasks[taskId];
  const cwd = worktree?.tree.path ?? paths.root;
  const [anchor, startCommit, before] = await Promise.all([taskAnchor(paths, epic, ledger, taskId, { cwd }), headCommit(cwd), snapshotTree(cwd)]);
  const attempt = await recordAttemptStart(paths, taskId, startCommit, anchor.memories.map((m) => m.id));
  progress.start(taskId, task.title, attempt.id, settings.max_attempts_per_task);
  const began = Date.now();
  const mark = randomUUID();
  recordWorker(paths, { pid: null, mark, task_id: taskId, attempt: attempt.id });
  const worker = await run.agent.runTask({
    prompt: anchor.text,
    cwd,
    // In a worktree, the worker's hooks still record into the project's ledger.
    env: workerEnv({ RELAY_TASK_ID: taskId, RELAY_ATTEMPT: String(attempt.id), RELAY_EPIC_ID: epic.id, ...worktree ? { RELAY_PROJECT_DIR: paths.root } : {} }),
    timeoutMs: settings.timeout_minutes * 6e4,
    signal,
    mark,
    onSpawn: (pid) => recordWorker(paths, { pid, mark, task_id: taskId, attempt: attempt.id })
  });
  forgetWorker(paths, mark);
  const [end, endCommit] = await Promise.all([snapshotTree(cwd), headCommit(cwd)]);
  const filesChanged = await changedFiles(cwd, before, end);
  const checked = shouldVerify(worker, signal.aborted);
  const verify = checked ? await runVerify(cwd, task.verify ?? [], signal) : [];
  const review = checked && shouldReview(settings, verify, signal.aborted) ? await reviewAttempt(paths, { epic, taskId, attemptId: attempt.id, before, after: end, receipt: worker.receipt, verify, settings, agent: run.agent, signal, cwd }) : null;
  let outcome = concludeAttempt({ task, agent: run.agent.name, worker, git: { start_commit: startCommit, end_commit: endCommit, files_changed: filesChanged }, verify, review, interrupted: signal.aborted });
  const message = `${taskId}: ${task.title}`;
  const trailers = { "Relay-Epic": epic.id, "Relay-Task": taskId, "Relay-Attempt": String(attempt.id) };
  let landing;
  if (worktree && outcome.result === "success" && !signal.aborted) {
    const tree = worktree.tree;
    try {
      const landed = await worktree.serially(async () => {
        const commit = await commitAttempt(tree.path, message, trailers);
        return commit ? mergeTaskBranch(paths.root, tree, `Merge ${message}`) : null;
      });
      if (landed && !landed.merged) outcome = withMergeConflict(outcome, landed.files, landed.reason);
      else if (landed?.merged) outcome = { ...outcome, git: { ...outcome.git, end_commit: landed.commit } };
    } catch (err) {
      landing = { kind: "bad_config", message: `git could not commit or merge ${taskId}'s change (${err.message}): fix that, then run relay work again` };
      outcome = { ...outcome, result: "interrupted", receipt: null, interrupted_by: landing.message };
    }
  } else if (!worktree && run.config.commit && outcome.result === "success" && outcome.git?.files_changed.length) {
    const commit = await commitAttempt(paths.root, message, trailers, outcome.git.files_changed).catch((err) => (progress.line(`${taskId}: not committed: ${err.message}`), null));
    if (commit) outcome = { ...outcome, git: { ...outcome.git, end_commit: commit } };
  }
  const settled = await recordAttemptEnd(paths, taskId, attempt.id, outcome, settings);
  progress.end(taskId, attempt.id, settings.max_attempts_per_task, outcome.result, Date.now() - began, worker.total_cost_usd, attemptDetail(outcome, settled.gate));
  if (worker.environment) return worker.environment;
  if (landing) return landing;
  if (outcome.result === "interrupted") return "interrupted";
  if (settled.status === "completed" || settled.status === "gated") {
    const record = settledTask(epic.id, settled.ledger, taskId, settled.status, settled.gate);
    await recordTaskOutcome(paths, record).catch((err) => progress.line(`could not append the task_completion record for ${taskId}: ${err.message}`));
  }
  return settled.status === "completed" ? "completed" : settled.status === "gated" ? "gated" : "retry";
}

// scripts/cli/work-parallel.ts
function serialiser() {
  let tail = Promise.resolve();
  return (fn) => {
    const next = tail.then(fn, fn);
    tail = next.catch(() => void 0);
    return next;
  };
}
async function parallelLoop(run, opts, jobs) {
  const { paths, progress, signal } = run;
  const { epic: first, ledger: firstLedger } = loadState(paths);
  const stale = await removeStaleWorktrees(paths.root, first.id);
  if (stale.length) progress.line(`removed the worktrees and branches a stopped run left: ${stale.join(", ")}`);
  const open = Object.keys(first.tasks).filter((id) => firstLedger.task_status[id] !== "completed");
  const dirty = await uncommittedIn(paths.root, [...new Set(open.flatMap((id) => first.tasks[id].files))]);
  if (dirty.length) {
    throw new RelayError(`--jobs: uncommitted changes in files the epic's tasks name (${dirty.slice(0, 5).join(", ")}${dirty.length > 5 ? ", \u2026" : ""}); tasks run on committed code and merge back into them: commit or stash them yourself, then run relay work again (relay never stashes for you)`);
  }
  progress.line(`running up to ${jobs} tasks at once, each in its own git worktree`);
  const serially = serialiser();
  const running = /* @__PURE__ */ new Map();
  const kept = [];
  const gated = [];
  let stopped;
  let interrupted = false;
  const start = (taskId) => (async () => {
    const tree = await serially(async () => createTaskWorktree(paths.root, first.id, taskId, await headCommit(paths.root)));
    try {
      const { epic, ledger } = loadState(paths);
      return [taskId, await runAttempt(run, epic, ledger, taskId, liveSettings(ledger.settings, run.config, opts).settings, { tree, serially })];
    } finally {
      if (opts.keepWorktrees) kept.push(tree);
      else await serially(() => removeTaskWorktree(paths.root, tree));
    }
  })();
  for (; ; ) {
    if (signal.aborted) interrupted = true;
    if (!interrupted && !stopped) {
      const { epic, ledger } = loadState(paths);
      for (const taskId2 of tasksToStart(epic, ledger, [...running.keys()], jobs - running.size)) running.set(taskId2, start(taskId2));
    }
    if (!running.size) break;
    const [taskId, end] = await Promise.race(running.values());
    running.delete(taskId);
    if (end === "interrupted") interrupted = true;
    else if (end === "gated") gated.push(taskId);
    else if (typeof end === "object") stopped ??= end;
  }
  if (kept.length) progress.line(`kept the worktrees (--keep-worktrees): ${kept.map((t) => `${t.taskId} ${t.path} (branch ${t.branch})`).join("; ")}`);
  if (interrupted) return { exit: EXIT_INTERRUPTED, gated };
  if (stopped) {
    progress.line(`stopped: ${stopped.message}${isTransient(stopped) ? " (run relay work again later)" : ""}`);
    return { exit: EXIT_ENVIRONMENT, gated };
  }
  return { gated };
}

// scripts/cli/work.ts
async function workCommand(taskArg, opts) {
  const paths = currentProject();
  if (opts.detach) {
    const pid = startDetached(paths, process.argv.slice(1).filter((a) => a !== "--detach"));
    process.stdout.write(`relay: work started in the background (pid ${pid}); log: ${relative(process.cwd(), paths.runLog)}; check with /relay:status
`);
    return;
  }
  const config = loadRelayConfig(paths);
  const jobs = taskArg ? 1 : opts.jobs ?? config.jobs ?? 1;
  if (jobs > MAX_JOBS) throw new RelayError(`--jobs: at most ${MAX_JOBS} workers at once, got ${jobs}`);
  if (jobs > 1) {
    const problem = await worktreeProblem(paths.root);
    if (problem) throw new RelayError(`${opts.jobs ? "--jobs" : "relay.jobs"}: ${problem}`);
  }
  const lock = acquireRunLock(paths);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  for (const sig of STOP_SIGNALS) process.on(sig, onSignal);
  process.stdout.on("error", () => void 0);
  try {
    const run = { paths, config, agent: workerAgent(config, opts.agent), signal: abort.signal, progress: new Progress() };
    process.exitCode = await workLoop(run, taskArg, opts, jobs);
  } finally {
    for (const sig of STOP_SIGNALS) process.off(sig, onSignal);
    endRunState(paths);
    lock.release();
  }
}
var STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
async function workLoop(run, taskArg, opts, jobs) {
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
  if (jobs > 1) {
    const parallel = await parallelLoop(run, opts, jobs);
    return parallel.exit ?? finishRun(run, parallel.gated);
  }
  const gatedThisRun = [];
  const retry = { attempts: run.config.api_retry?.attempts ?? 3, backoff: run.config.api_retry?.backoff_seconds ?? 30, used: 0 };
  for (; ; ) {
    if (run.signal.aborted) return EXIT_INTERRUPTED;
    const { epic, ledger } = loadState(paths);
    const taskId = taskArg ?? nextReadyTask(epic, ledger);
    if (!taskId) break;
    if (!(taskId in epic.tasks)) throw new RelayError(`unknown task "${taskId}" (epic has ${Object.keys(epic.tasks).join(", ")})`);
    const status = ledger.task_status[taskId];
    if (taskArg && status !== "pending") {
      if (status === "blocked") throw new RelayError(`task ${taskId} is blocked by ${epic.tasks[taskId].depends_on.filter((d) => ledger.task_status[d] !== "completed").join(", ")}`, 1);
      if (status === "gated" && !gatedThisRun.includes(taskId)) throw new RelayError(`task ${taskId} is gated (${ledger.gated_tasks[taskId]?.reason}); lift it with: relay ungate ${taskId}`, 1);
      break;
    }
    const outcome = await runAttempt(run, epic, ledger, taskId, liveSettings(ledger.settings, run.config, opts).settings);
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
  return finishRun(run, gatedThisRun);
}
async function finishRun(run, gatedThisRun = []) {
  const { paths, progress } = run;
  const { epic, ledger } = loadState(paths);
  const ids = Object.keys(epic.tasks);
  const done = ids.filter((id) => ledger.task_status[id] === "completed").length;
  progress.line(runSummary(done, ids.length, gatedThisRun, nextReadyTask(epic, ledger) !== void 0));
  if (done === ids.length) await promoteAtEpicEnd(run);
  return runExitCode(gatedThisRun);
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
