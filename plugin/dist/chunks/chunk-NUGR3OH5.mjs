import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-R5CMOSTG.mjs";

// scripts/core/shared/schemas.ts
var TaskId = external_exports.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?$/, 'task id must start with a letter or digit and use only letters, digits, ".", "-" and "_" (max 64)');
var Priority = external_exports.enum(["p0", "p1", "p2", "p3"]);
var IsoTimestamp = external_exports.iso.datetime({ offset: true });
var Task = external_exports.object({
  title: external_exports.string().trim().min(1, "title must not be empty"),
  description: external_exports.string().optional(),
  priority: Priority.default("p2"),
  points: external_exports.number().int().min(0).max(1e3).default(1),
  files: external_exports.array(external_exports.string().min(1)).default([]),
  depends_on: external_exports.array(TaskId).default([]),
  acceptance_criteria: external_exports.array(external_exports.string()).default([]),
  verify: external_exports.array(external_exports.string().min(1)).optional(),
  /** The plan's own steps for the task (nested checklist items, subtasks). */
  steps: external_exports.array(external_exports.string()).optional(),
  /** Requirement references the plan gives (Kiro's `_Requirements: 1.2_`, BMAD's AC numbers). */
  requirements: external_exports.array(external_exports.string()).optional(),
  /** Where the task is written in the plan it came from. */
  source_line: external_exports.number().int().min(1).optional()
}).strict();
var Epic = external_exports.object({
  version: external_exports.literal(1),
  id: external_exports.string().min(1),
  source: external_exports.string(),
  created_at: IsoTimestamp,
  title: external_exports.string().trim().min(1, "title must not be empty"),
  description: external_exports.string().default(""),
  tasks: external_exports.record(TaskId, Task)
}).strict();
var ReviewProvider = external_exports.enum(["claude", "command", "none"]);
var ReviewSettings = external_exports.object({
  enabled: external_exports.boolean().default(true),
  provider: ReviewProvider.default("none"),
  /** Shell command for provider `command`; exit 0 approves, 3 blocks, anything else needs changes. */
  command: external_exports.string().optional()
}).strict();
var Settings = external_exports.object({
  max_attempts_per_task: external_exports.number().int().min(1).max(100).default(3),
  timeout_minutes: external_exports.number().positive().max(24 * 60).default(30),
  review: ReviewSettings.default({ enabled: true, provider: "none" })
}).strict();
var TaskStatus = external_exports.enum(["pending", "in_progress", "completed", "blocked", "gated"]);
var ErrorCategory = external_exports.enum([
  "code_error",
  "test_failure",
  "timeout",
  "cli_error",
  "quality_gate",
  "missing_dependency"
]);
var Verdict = external_exports.enum(["APPROVED", "NEEDS CHANGES", "BLOCKED"]);
var WorkerReceipt = external_exports.object({
  status: external_exports.enum(["success", "failure"]),
  summary: external_exports.string().describe("What was done, in one or two sentences"),
  files_changed: external_exports.array(external_exports.string()).default([]),
  tests_passed: external_exports.boolean().optional(),
  error_category: ErrorCategory.optional(),
  error_summary: external_exports.string().optional(),
  approach_taken: external_exports.string().optional(),
  suggestion: external_exports.string().optional().describe("What the next attempt should do differently"),
  learning: external_exports.string().optional().describe("A reusable lesson, specific enough to act on"),
  pattern_tags: external_exports.array(external_exports.string()).default([])
}).strict();
var Receipt = WorkerReceipt.extend({
  quality_gate_verdict: Verdict.optional(),
  quality_gate_findings: external_exports.array(external_exports.string()).default([])
});
var AttemptResult = external_exports.enum(["in_progress", "success", "failure", "interrupted"]);
var Attempt = external_exports.object({
  id: external_exports.number().int().min(1),
  started_at: IsoTimestamp,
  ended_at: IsoTimestamp.nullable().default(null),
  result: AttemptResult,
  receipt: Receipt.nullable().default(null),
  /** Normalised error hash; two equal ones in a row gate the task. */
  fingerprint: external_exports.string().nullable().default(null),
  session_id: external_exports.string().nullable().default(null),
  total_cost_usd: external_exports.number().nullable().default(null),
  num_turns: external_exports.number().int().nullable().default(null),
  duration_ms: external_exports.number().nullable().default(null),
  /** Facts read from git, stored beside the worker's claims. */
  git: external_exports.object({
    start_commit: external_exports.string().nullable(),
    end_commit: external_exports.string().nullable(),
    files_changed: external_exports.array(external_exports.string())
  }).nullable().default(null),
  flags: external_exports.array(external_exports.string()).default([]),
  /** Why an `interrupted` attempt stopped when it was not the user: the environment problem, in one line. */
  interrupted_by: external_exports.string().optional(),
  /** Ids of the memories recall put in this attempt's prompt; later attempts get different ones. */
  recalled: external_exports.array(external_exports.string()).optional()
}).strict();
var GateReason = external_exports.enum(["max_attempts_exceeded", "repeated_failure", "quality_gate_blocked", "user_blocked"]);
var Gate = external_exports.object({ reason: GateReason, gated_at: IsoTimestamp, detail: external_exports.string().optional() }).strict();
var AttemptLedger = external_exports.object({
  version: external_exports.literal(1),
  epic_id: external_exports.string().min(1),
  started_at: IsoTimestamp,
  settings: Settings,
  task_status: external_exports.record(TaskId, TaskStatus),
  attempts: external_exports.record(TaskId, external_exports.array(Attempt)).default({}),
  gated_tasks: external_exports.record(TaskId, Gate).default({}),
  /** Attempts before this count are history, not part of the current failure streak (set by ungate). */
  streak_start: external_exports.record(TaskId, external_exports.number().int().min(0)).default({}),
  /** When each task was last ungated: across branches, an ungate newer than the gate wins. */
  ungated_at: external_exports.record(TaskId, IsoTimestamp).optional(),
  /** Learnings already promoted to AGENTS.md, so promotion never counts them twice. */
  promoted_learnings: external_exports.array(external_exports.string()).default([])
}).strict();
var RelayConfig = external_exports.object({
  max_attempts_per_task: external_exports.number().int().min(1).max(100).optional(),
  timeout_minutes: external_exports.number().positive().max(24 * 60).optional(),
  review: ReviewSettings.partial().optional(),
  /** The worker command: a list (`["claude"]`), or a string split on spaces (`"claude --verbose"`). */
  executor: external_exports.union([external_exports.array(external_exports.string().min(1)).min(1), external_exports.string().trim().min(1).transform((s) => s.split(/\s+/))]).optional(),
  max_budget_usd: external_exports.number().positive().optional(),
  max_turns: external_exports.number().int().positive().optional(),
  permission_mode: external_exports.enum(["default", "acceptEdits", "bypassPermissions", "plan", "dontAsk"]).optional(),
  /** Tools a worker may use without asking, e.g. "Bash(npm test:*)": a headless worker cannot ask. */
  allowed_tools: external_exports.array(external_exports.string().min(1)).optional(),
  model: external_exports.string().optional(),
  recall: external_exports.object({ enabled: external_exports.boolean().default(true), limit: external_exports.number().int().min(0).max(20).default(3) }).partial().optional(),
  learnings: external_exports.object({ budget_chars: external_exports.number().int().min(200).default(4e3) }).partial().optional(),
  ledger: external_exports.object({ rotate_bytes: external_exports.number().int().positive().optional(), notes_max_bytes: external_exports.number().int().positive().optional() }).partial().optional(),
  /** A rate-limited, overloaded or unreachable API is waited out this many times (backoff doubling) before the run stops. */
  api_retry: external_exports.object({ attempts: external_exports.number().int().min(0).max(10).default(3), backoff_seconds: external_exports.number().positive().max(3600).default(30) }).partial().optional()
}).strict();
var AgentsFile = external_exports.object({ relay: RelayConfig.optional() }).passthrough();

export {
  TaskId,
  Task,
  Epic,
  Settings,
  Verdict,
  WorkerReceipt,
  Receipt,
  Attempt,
  AttemptLedger,
  AgentsFile
};
