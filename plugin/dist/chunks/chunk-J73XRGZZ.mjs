import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  toolJsonSchema
} from "./chunk-R5VAHXD7.mjs";
import {
  appendEvent
} from "./chunk-BCWZON6A.mjs";
import {
  checkEpic
} from "./chunk-64IFK3RD.mjs";
import {
  closeAbandonedAttempts,
  finishAttempt,
  gateTask,
  refreshStatuses,
  startAttempt,
  ungateTask
} from "./chunk-PEPFD4CA.mjs";
import {
  loadYamlIfExists,
  loadYamlSnapshot,
  updateYaml,
  writeYaml
} from "./chunk-RKO5KVIC.mjs";
import {
  redact,
  truncate
} from "./chunk-OTZ4R5UM.mjs";
import {
  epicBackupFile
} from "./chunk-AV66IWWN.mjs";
import {
  AttemptLedger,
  Verdict
} from "./chunk-QMNJTYV7.mjs";
import {
  yamlLocator
} from "./chunk-HVA2SMNT.mjs";
import {
  external_exports
} from "./chunk-3NNJAZC6.mjs";
import {
  withLock,
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";

// scripts/core/epic/review.ts
var ReviewVerdict = external_exports.object({
  verdict: Verdict,
  findings: external_exports.array(external_exports.string()).default([]).describe("Concrete problems, each with file and line where possible")
}).strict();
function diffFile(part) {
  const m = /^diff --git a\/(.*?) b\/(.*)$/m.exec(part);
  return m ? m[2] : part.split("\n")[0];
}
function cutDiff(diff, maxChars) {
  const parts = diff.split(/^(?=diff --git )/m).filter(Boolean);
  const kept = [];
  const omitted = [];
  let size = 0;
  for (const part of parts) {
    if (!omitted.length && size + part.length <= maxChars) {
      kept.push(part);
      size += part.length;
    } else omitted.push(diffFile(part));
  }
  return { text: kept.join(""), omitted };
}
function verifyLine(v) {
  return `- \`${v.command}\`: ${v.exitCode === 0 ? "passed" : v.timedOut ? "timed out" : `exited ${v.exitCode}`}`;
}
function reviewPrompt(epic, taskId, receipt, diff, verify = []) {
  const task = epic.tasks[taskId];
  return [
    `# Review of relay task ${taskId}: ${task.title}`,
    "You are the quality gate for one task of an epic. Judge the diff below against the task; do not edit files.",
    "Answer with the StructuredOutput tool: verdict APPROVED (meets the criteria), NEEDS CHANGES (fixable problems; list them as findings), or BLOCKED (cannot be done as specified, or is dangerous; explain).",
    task.acceptance_criteria.length ? `## Acceptance criteria
${task.acceptance_criteria.map((c) => `- ${c}`).join("\n")}` : "",
    task.files.length ? `## Files the task names
${task.files.map((f) => `- ${f}`).join("\n")}` : "",
    verify.length ? `## Verify commands relay ran after the attempt
${verify.map(verifyLine).join("\n")}` : "",
    `## What the worker says it did
${receipt.summary}`,
    `## This attempt's own change (relay's bookkeeping excluded)
\`\`\`diff
${diff.text || "(no changes)"}
\`\`\``,
    diff.omitted.length ? `The diff was cut to fit the review budget. Left out, ${diff.omitted.length} file(s): ${diff.omitted.join(", ")}. Judge what you were shown, and say so if the rest matters.` : ""
  ].filter(Boolean).join("\n\n");
}
function reviewJsonSchema() {
  return toolJsonSchema(ReviewVerdict);
}
function reviewVerdictOf(answer) {
  const parsed = ReviewVerdict.safeParse(answer);
  return parsed.success ? parsed.data : { verdict: "NEEDS CHANGES", findings: ["the reviewer returned no valid verdict"] };
}
function applyQualityGate(receipt, verify, review) {
  const failedVerify = verify.filter((v) => v.exitCode !== 0);
  if (failedVerify.length) {
    const findings = failedVerify.map((v) => `verify \`${v.command}\` ${v.timedOut ? "timed out" : `exited ${v.exitCode}`}${v.output ? `: ${v.output}` : ""}`);
    return {
      result: "failure",
      receipt: {
        ...receipt,
        status: "failure",
        tests_passed: false,
        quality_gate_verdict: "NEEDS CHANGES",
        quality_gate_findings: findings,
        error_category: "test_failure",
        error_summary: `the worker claimed success but ${findings[0]}`,
        approach_taken: receipt.approach_taken ?? receipt.summary,
        suggestion: receipt.suggestion ?? `Run \`${failedVerify[0].command}\` yourself and make it pass before reporting success.`
      }
    };
  }
  const verified = verify.length ? { tests_passed: true } : {};
  if (!review || review.verdict === "APPROVED") {
    return { result: "success", receipt: { ...receipt, ...verified, quality_gate_verdict: review ? "APPROVED" : receipt.quality_gate_verdict, quality_gate_findings: review?.findings ?? [] } };
  }
  return {
    result: "failure",
    receipt: {
      ...receipt,
      ...verified,
      status: "failure",
      quality_gate_verdict: review.verdict,
      quality_gate_findings: review.findings,
      error_category: "quality_gate",
      error_summary: `review ${review.verdict}: ${review.findings[0] ?? "no findings given"}`,
      approach_taken: receipt.approach_taken ?? receipt.summary,
      suggestion: receipt.suggestion ?? (review.verdict === "BLOCKED" ? "A person must decide how to proceed." : "Fix every finding of the review.")
    }
  };
}

// scripts/core/epic/attempt-flow.ts
var EXIT_INTERRUPTED = 130;
function shouldVerify(worker, interrupted) {
  return !interrupted && worker.result === "success" && worker.receipt !== null;
}
function shouldReview(settings, verify, interrupted) {
  return !interrupted && settings.review.enabled && settings.review.provider !== "none" && verify.every((v) => v.exitCode === 0);
}
function concludeAttempt(facts) {
  const { worker, task, git } = facts;
  const flags = [];
  let result = worker.result;
  let receipt = worker.receipt;
  if (result === "success" && receipt) {
    if (git.files_changed.length === 0 && task.files.length) flags.push("claimed_success_without_changes");
    ({ result, receipt } = applyQualityGate(receipt, facts.verify, facts.review));
  }
  if (facts.interrupted || worker.environment) {
    result = "interrupted";
    receipt = null;
  }
  return {
    result,
    receipt,
    session_id: worker.session_id,
    total_cost_usd: worker.total_cost_usd,
    num_turns: worker.num_turns,
    agent: facts.agent,
    tokens: worker.tokens ?? null,
    duration_ms: worker.duration_ms,
    git,
    flags,
    ...worker.environment ? { interrupted_by: worker.environment.message } : {}
  };
}
function withMergeConflict(outcome, files, reason) {
  const summary = truncate(redact(reason), 500);
  const receipt = outcome.receipt ?? { status: "failure", summary, files_changed: [], pattern_tags: [], quality_gate_findings: [] };
  return {
    ...outcome,
    result: "failure",
    receipt: {
      ...receipt,
      status: "failure",
      error_category: "merge_conflict",
      error_summary: summary,
      suggestion: `Another task changed ${files.length ? files.join(", ") : "the same files"} first; this attempt starts from the branch as it is now: redo the change on top of it.`
    },
    flags: [...outcome.flags ?? [], "merge_conflict"]
  };
}
var WORK = { agent: "relay", source: "relay work" };
function attemptStartEvent(taskId, task, attemptId, startCommit) {
  return { ...WORK, event: "task_start", task_id: taskId, summary: `${taskId} attempt ${attemptId}: ${task.title}`, data: { attempt: attemptId, start_commit: startCommit } };
}
function attemptEndEvents(taskId, attemptId, outcome, status, gate) {
  const r = outcome.receipt;
  const base = { ...WORK, task_id: taskId };
  const events = [{
    ...base,
    event: "task_result",
    ...outcome.session_id ? { session_id: outcome.session_id } : {},
    summary: `${taskId} attempt ${attemptId}: ${outcome.result}${gate ? ` (gated: ${gate})` : ""}`,
    data: { attempt: attemptId, result: outcome.result, status, gate: gate ?? null, cost_usd: outcome.total_cost_usd ?? null, duration_ms: outcome.duration_ms ?? null, files_changed: outcome.git?.files_changed ?? [] }
  }];
  if (outcome.result === "failure") {
    events.push({ ...base, event: "error", summary: truncate(redact(`${taskId} attempt ${attemptId}: ${r?.error_category}: ${r?.error_summary ?? ""}`), 500), data: { attempt: attemptId, error_category: r?.error_category ?? null, findings: r?.quality_gate_findings ?? [] } });
  }
  return events;
}
function recoveryEvents(closed) {
  return closed.map((c) => ({ ...WORK, event: "task_result", task_id: c.split("#")[0], summary: `${c} closed as interrupted (its run died)`, data: { action: "recover" } }));
}
function attemptDetail(outcome, gate) {
  const r = outcome.receipt;
  if (outcome.interrupted_by) return `${outcome.interrupted_by} (not counted against the task)`;
  if (outcome.result === "failure") return `${r?.error_category}: ${truncate(redact(r?.error_summary ?? ""), 160)}${gate ? ` \u2192 gated (${gate})` : ""}`;
  if (outcome.result === "success") return r?.quality_gate_verdict ?? void 0;
  return "progress saved; the next relay work resumes";
}
function settledTask(epicId, ledger, taskId, status, gate) {
  const attempts = ledger.attempts[taskId] ?? [];
  const last = attempts.at(-1);
  return {
    epicId,
    taskId,
    status,
    // Interrupted attempts never count: a task done on its first real try is a first-pass success.
    attempts: attempts.filter((a) => a.result === "success" || a.result === "failure").length,
    filesModified: [...new Set(attempts.flatMap((a) => a.git?.files_changed ?? []))],
    summary: last?.receipt?.summary,
    learning: [...attempts].reverse().find((a) => a.receipt?.learning)?.receipt?.learning ?? null,
    ...gate ? { gateReason: gate } : {},
    ...last?.receipt?.tests_passed !== void 0 ? { testsPassed: last.receipt.tests_passed } : {},
    costUsd: attempts.reduce((sum, a) => sum + (a.total_cost_usd ?? 0), 0),
    durationMinutes: Math.round(attempts.reduce((sum, a) => sum + (a.duration_ms ?? 0), 0) / 600) / 100
  };
}
function runSummary(done, total, gatedThisRun, anyReady) {
  return `done: ${done}/${total} tasks completed${gatedThisRun.length ? `; gated this run: ${gatedThisRun.join(", ")}` : ""}${done < total && !anyReady ? "; nothing else is ready (see relay status)" : ""}`;
}
var EXIT_ENVIRONMENT = 2;
function apiRetryDelayMs(n, backoffSeconds) {
  return backoffSeconds * 1e3 * 2 ** (n - 1);
}
function runExitCode(gatedThisRun) {
  return gatedThisRun.length ? 1 : 0;
}

// scripts/adapters/state.ts
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
var EPIC_HEADER = " yaml-language-server: $schema=./schema/epic.schema.json\n Written by relay init; edit freely, then check with: relay init --dry-run <this file>";
var LEDGER_HEADER = " yaml-language-server: $schema=./schema/attempt-ledger.schema.json\n Owned by relay: change it with relay commands (gate, ungate, work), not by hand.";
function loadEpic(paths) {
  if (!existsSync(paths.epic)) throw new RelayError(`${paths.epic}: no epic here; create one with: relay init <blueprint.md>`);
  const value = loadYamlSnapshot(paths.epic, external_exports.unknown(), paths.epicSnapshot);
  try {
    return checkEpic(value, paths.epic);
  } catch (err) {
    if (!(err instanceof RelayError)) throw err;
    return checkEpic(value, paths.epic, yamlLocator(readFileSync(paths.epic, "utf8")));
  }
}
function checkLedgerMatches(epic, ledger, file) {
  if (ledger.epic_id !== epic.id) throw new RelayError(`${file}: epic_id: "${ledger.epic_id}" does not match epic.yml id "${epic.id}"; re-run relay init`);
}
function loadState(paths) {
  const epic = loadEpic(paths);
  if (!existsSync(paths.attemptLedger)) throw new RelayError(`${paths.attemptLedger}: file not found; re-run relay init`);
  const ledger = loadYamlSnapshot(paths.attemptLedger, AttemptLedger, paths.ledgerSnapshot);
  checkLedgerMatches(epic, ledger, paths.attemptLedger);
  return { epic, ledger: refreshStatuses(epic, ledger) };
}
async function mutateLedger(paths, change) {
  const epic = loadEpic(paths);
  let events = [];
  const result = await updateYaml(paths.attemptLedger, AttemptLedger, (current) => {
    checkLedgerMatches(epic, current, paths.attemptLedger);
    const outcome = change(epic, refreshStatuses(epic, current));
    events = outcome.events ?? [];
    return { next: outcome.ledger, result: outcome.result };
  }, paths.ledgerSnapshot);
  for (const event of events) appendEvent(paths.root, event);
  return result;
}
async function createEpic(paths, epic, ledger, opts) {
  await withLock(paths.attemptLedger, () => {
    const old = loadYamlIfExists(paths.attemptLedger, AttemptLedger);
    const attemptCount = old ? Object.values(old.attempts).reduce((n, list) => n + list.length, 0) : 0;
    if (attemptCount > 0 && !opts.force) {
      throw new RelayError(`${paths.attemptLedger}: the current epic has ${attemptCount} recorded attempts; pass --force to replace it (the old files are backed up)`);
    }
    for (const file of [paths.epic, paths.attemptLedger]) {
      if (existsSync(file)) writeFileAtomic(epicBackupFile(paths, opts.stamp, basename(file)), readFileSync(file));
    }
    writeYaml(paths.epic, epic, EPIC_HEADER, paths.epicSnapshot);
    writeYaml(paths.attemptLedger, ledger, LEDGER_HEADER, paths.ledgerSnapshot);
    writeFileAtomic(paths.cacheIgnore, "# derived data, rebuilt on demand\n*\n");
  });
}
async function updateEpic(paths, merge) {
  return withLock(paths.attemptLedger, () => {
    const { epic, ledger } = loadState(paths);
    const next = merge(epic, ledger);
    if (!next.changes.length) return [];
    const stamp = (/* @__PURE__ */ new Date()).toISOString().replace(/[:.]/g, "-");
    for (const file of [paths.epic, paths.attemptLedger]) writeFileAtomic(epicBackupFile(paths, stamp, basename(file)), readFileSync(file));
    writeYaml(paths.epic, next.epic, EPIC_HEADER, paths.epicSnapshot);
    writeYaml(paths.attemptLedger, next.ledger, LEDGER_HEADER, paths.ledgerSnapshot);
    return next.changes;
  });
}
function recoverAbandonedAttempts(paths) {
  return mutateLedger(paths, (epic, ledger) => {
    const { ledger: next, closed } = closeAbandonedAttempts(epic, ledger, (/* @__PURE__ */ new Date()).toISOString());
    return { ledger: next, result: closed, events: recoveryEvents(closed) };
  });
}
function recordAttemptStart(paths, taskId, startCommit, recalled) {
  return mutateLedger(paths, (epic, ledger) => {
    const started = startAttempt(epic, ledger, taskId, (/* @__PURE__ */ new Date()).toISOString(), startCommit, recalled);
    return { ledger: started.ledger, result: started.attempt, events: [attemptStartEvent(taskId, epic.tasks[taskId], started.attempt.id, startCommit)] };
  });
}
function recordAttemptEnd(paths, taskId, attemptId, outcome, settings) {
  return mutateLedger(paths, (epic, ledger) => {
    const next = { ...finishAttempt(epic, { ...ledger, settings }, taskId, attemptId, outcome, (/* @__PURE__ */ new Date()).toISOString()), settings: ledger.settings };
    const status = next.task_status[taskId];
    const gate = next.gated_tasks[taskId]?.reason;
    return { ledger: next, result: { status, gate, ledger: next }, events: attemptEndEvents(taskId, attemptId, outcome, status, gate) };
  });
}
function gateTaskByUser(paths, taskId, reason) {
  const gate = "user_blocked";
  return mutateLedger(paths, (epic, ledger) => ({
    ledger: gateTask(epic, ledger, taskId, gate, reason, (/* @__PURE__ */ new Date()).toISOString()),
    result: void 0,
    events: [{ agent: "relay", event: "task_result", task_id: taskId, source: "relay gate", summary: `${taskId} gated by user: ${reason}`, data: { action: "gate", reason: gate, detail: reason } }]
  }));
}
function ungateTaskByUser(paths, taskId) {
  return mutateLedger(paths, (epic, ledger) => {
    const previous = ledger.gated_tasks[taskId];
    const next = ungateTask(epic, ledger, taskId, (/* @__PURE__ */ new Date()).toISOString());
    return {
      ledger: next,
      result: next.task_status[taskId],
      events: [{ agent: "relay", event: "task_result", task_id: taskId, source: "relay ungate", summary: `${taskId} ungated (was ${previous?.reason})`, data: { action: "ungate", previous_reason: previous?.reason } }]
    };
  });
}
function consumeLearnings(paths, refs) {
  return mutateLedger(paths, (_epic, ledger) => {
    const known = new Set(ledger.promoted_learnings);
    return { ledger: { ...ledger, promoted_learnings: [...ledger.promoted_learnings, ...refs.filter((r) => !known.has(r))] }, result: void 0 };
  });
}
function loadLedgerIfExists(paths) {
  return loadYamlIfExists(paths.attemptLedger, AttemptLedger);
}

export {
  cutDiff,
  reviewPrompt,
  reviewJsonSchema,
  reviewVerdictOf,
  EXIT_INTERRUPTED,
  shouldVerify,
  shouldReview,
  concludeAttempt,
  withMergeConflict,
  attemptDetail,
  settledTask,
  runSummary,
  EXIT_ENVIRONMENT,
  apiRetryDelayMs,
  runExitCode,
  loadState,
  createEpic,
  updateEpic,
  recoverAbandonedAttempts,
  recordAttemptStart,
  recordAttemptEnd,
  gateTaskByUser,
  ungateTaskByUser,
  consumeLearnings,
  loadLedgerIfExists
};
