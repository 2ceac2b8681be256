import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-3NNJAZC6.mjs";

// scripts/core/shared/schemas.ts
var TaskId = external_exports.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?$/, 'task id must start with a letter or digit and use only letters, digits, ".", "-" and "_" (max 64)');
var Priority = external_exports.enum(["p0", "p1", "p2", "p3"]);
var IsoTimestamp = external_exports.iso.datetime({ offset: true });
var Task = external_exports.object({
  title: external_exports.string().trim().min(1, "title must not be empty").describe("What the task achieves, in a line"),
  description: external_exports.string().optional().describe("The plan's prose about the task"),
  priority: Priority.default("p2").describe("p0 (most urgent) to p3; ready tasks run in priority order, then plan order"),
  points: external_exports.number().int().min(0).max(1e3).default(1).describe("Size estimate, for progress figures"),
  files: external_exports.array(external_exports.string().min(1)).default([]).describe("Files the task is expected to touch"),
  depends_on: external_exports.array(TaskId).default([]).describe("Task ids that must be completed first"),
  acceptance_criteria: external_exports.array(external_exports.string()).default([]).describe("What must hold when the task is done; the worker and the reviewer see them"),
  verify: external_exports.array(external_exports.string().min(1)).optional().describe("Shell commands relay runs after a claimed success; any non-zero exit fails the attempt"),
  /** The plan's own steps for the task (nested checklist items, subtasks). */
  steps: external_exports.array(external_exports.string()).optional().describe("The plan's own steps for the task (nested checklist items, subtasks)"),
  /** Requirement references the plan gives (Kiro's `_Requirements: 1.2_`, BMAD's AC numbers). */
  requirements: external_exports.array(external_exports.string()).optional().describe("Requirement references the plan gives (Kiro _Requirements_, BMAD AC numbers)"),
  /** Where the task is written in the plan it came from. */
  source_line: external_exports.number().int().min(1).optional().describe("Where the task is written in the plan it came from")
}).strict();
var Epic = external_exports.object({
  version: external_exports.literal(1).describe("File format version"),
  id: external_exports.string().min(1).describe("The epic id; the attempt ledger names it"),
  source: external_exports.string().describe("The plan file the epic was read from"),
  created_at: IsoTimestamp.describe("When relay init wrote it"),
  title: external_exports.string().trim().min(1, "title must not be empty").describe("The epic's title"),
  description: external_exports.string().default("").describe("The plan's introduction"),
  tasks: external_exports.record(TaskId, Task).describe("Tasks by id, in plan order")
}).strict();
var ReviewProvider = external_exports.enum(["claude", "command", "none"]);
var ReviewSettings = external_exports.object({
  enabled: external_exports.boolean().default(true).describe("Whether a reviewer checks a claimed success"),
  provider: ReviewProvider.default("none").describe("claude (a reviewer session), command (a shell command) or none"),
  /** Shell command for provider `command`; exit 0 approves, 3 blocks, anything else needs changes. */
  command: external_exports.string().optional().describe("Shell command for provider command: exit 0 approves, 3 blocks, anything else needs changes")
}).strict();
var Settings = external_exports.object({
  max_attempts_per_task: external_exports.number().int().min(1).max(100).default(3).describe("Attempts before a task is gated (max_attempts_exceeded)"),
  timeout_minutes: external_exports.number().positive().max(24 * 60).default(30).describe("Wall time a worker gets before its process tree is killed"),
  review: ReviewSettings.default({ enabled: true, provider: "none" }).describe("The quality gate after verify")
}).strict();
var TaskStatus = external_exports.enum(["pending", "in_progress", "completed", "blocked", "gated"]);
var ErrorCategory = external_exports.enum([
  "code_error",
  "test_failure",
  "timeout",
  "cli_error",
  "quality_gate",
  "missing_dependency",
  "merge_conflict"
]);
var Verdict = external_exports.enum(["APPROVED", "NEEDS CHANGES", "BLOCKED"]);
var WorkerReceipt = external_exports.object({
  status: external_exports.enum(["success", "failure"]).describe("What the worker claims"),
  summary: external_exports.string().describe("What was done, in one or two sentences"),
  files_changed: external_exports.array(external_exports.string()).default([]).describe("Files the worker says it changed (relay records git's own list beside it)"),
  tests_passed: external_exports.boolean().optional().describe("Whether the worker's tests passed"),
  error_category: ErrorCategory.optional().describe("Kind of failure: code_error, test_failure, timeout, cli_error, quality_gate, missing_dependency"),
  error_summary: external_exports.string().optional().describe("The failure, in a line or two (redacted)"),
  approach_taken: external_exports.string().optional().describe("What the worker tried"),
  suggestion: external_exports.string().optional().describe("What the next attempt should do differently"),
  learning: external_exports.string().optional().describe("A reusable lesson, specific enough to act on"),
  pattern_tags: external_exports.array(external_exports.string()).default([]).describe("Short tags for recall and lessons")
}).strict();
var Receipt = WorkerReceipt.extend({
  quality_gate_verdict: Verdict.optional().describe("The reviewer's verdict: APPROVED, NEEDS CHANGES or BLOCKED"),
  quality_gate_findings: external_exports.array(external_exports.string()).default([]).describe("What verify or the reviewer found")
});
var AttemptResult = external_exports.enum(["in_progress", "success", "failure", "interrupted"]);
var TokenUsage = external_exports.object({
  input: external_exports.number().int().min(0).describe("Input (prompt) tokens, cached ones included"),
  output: external_exports.number().int().min(0).describe("Output tokens, reasoning included"),
  cached: external_exports.number().int().min(0).nullable().default(null).describe("Input tokens served from the provider's cache, when the CLI says")
}).strict();
var Attempt = external_exports.object({
  id: external_exports.number().int().min(1).describe("1, 2, \u2026 per task, in start order"),
  started_at: IsoTimestamp.describe("When the attempt started"),
  ended_at: IsoTimestamp.nullable().default(null).describe("When it ended; null while it runs"),
  result: AttemptResult.describe("in_progress, success, failure or interrupted (interruptions never count toward a gate)"),
  receipt: Receipt.nullable().default(null).describe("The worker's receipt with relay's findings; null when there was none"),
  /** Normalised error hash; two equal ones in a row gate the task. */
  fingerprint: external_exports.string().nullable().default(null).describe("Normalised error hash; two equal ones in a row gate the task (repeated_failure)"),
  session_id: external_exports.string().nullable().default(null).describe("The worker's session: a Claude Code session, a Codex thread or a Gemini session id"),
  total_cost_usd: external_exports.number().nullable().default(null).describe("What the worker's CLI reported it cost"),
  num_turns: external_exports.number().int().nullable().default(null).describe("Model turns the worker took"),
  agent: external_exports.string().optional().describe("The worker agent CLI (claude, codex, gemini); absent in ledgers written before relay recorded it"),
  tokens: TokenUsage.nullable().optional().describe("Tokens the worker's CLI reported; absent or null when it reported none"),
  duration_ms: external_exports.number().nullable().default(null).describe("Worker wall time"),
  /** Facts read from git, stored beside the worker's claims. */
  git: external_exports.object({
    start_commit: external_exports.string().nullable().describe("HEAD when the attempt started"),
    end_commit: external_exports.string().nullable().describe("HEAD when it ended (a worker may commit)"),
    files_changed: external_exports.array(external_exports.string()).describe("Files that really changed between the two working-tree snapshots, relay's own state left out")
  }).nullable().default(null).describe("Facts read from git, stored beside the worker's claims"),
  flags: external_exports.array(external_exports.string()).default([]).describe("Notes relay adds (claimed_success_without_changes, abandoned, \u2026)"),
  /** Why an `interrupted` attempt stopped when it was not the user: the environment problem, in one line. */
  interrupted_by: external_exports.string().optional().describe("Why an interrupted attempt stopped when it was not the user"),
  /** Ids of the memories recall put in this attempt's prompt; later attempts get different ones. */
  recalled: external_exports.array(external_exports.string()).optional().describe("Ids of the memories recall put in this attempt's prompt")
}).strict();
var GateReason = external_exports.enum(["max_attempts_exceeded", "repeated_failure", "quality_gate_blocked", "user_blocked"]);
var Gate = external_exports.object({
  reason: GateReason.describe("max_attempts_exceeded, repeated_failure, quality_gate_blocked or user_blocked"),
  gated_at: IsoTimestamp.describe("When the gate was set"),
  detail: external_exports.string().optional().describe("Why, in words")
}).strict();
var AttemptLedger = external_exports.object({
  version: external_exports.literal(1).describe("File format version"),
  epic_id: external_exports.string().min(1).describe("The epic this ledger belongs to (epic.yml id)"),
  started_at: IsoTimestamp.describe("When relay init started the ledger"),
  settings: Settings.describe("Settings at init; .agents.yml is read live on top"),
  task_status: external_exports.record(TaskId, TaskStatus).describe("pending, blocked, in_progress, completed or gated, per task"),
  attempts: external_exports.record(TaskId, external_exports.array(Attempt)).default({}).describe("Every attempt per task, oldest first"),
  gated_tasks: external_exports.record(TaskId, Gate).default({}).describe("Tasks that will not be worked on until ungated, with why"),
  /** Attempts before this count are history, not part of the current failure streak (set by ungate). */
  streak_start: external_exports.record(TaskId, external_exports.number().int().min(0)).default({}).describe("Attempts before this count are history, not part of the current failure streak (set by ungate)"),
  /** When each task was last ungated: across branches, an ungate newer than the gate wins. */
  ungated_at: external_exports.record(TaskId, IsoTimestamp).optional().describe("When each task was last ungated: across branches, an ungate newer than the gate wins"),
  /** Learnings already promoted to AGENTS.md, so promotion never counts them twice. */
  promoted_learnings: external_exports.array(external_exports.string()).default([]).describe("Receipt refs (T3#2) already counted in AGENTS.md")
}).strict();
var MAX_JOBS = 16;
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
  /** Each completed task becomes one commit of its files with Relay-Epic/Task/Attempt trailers (always so with jobs > 1). */
  commit: external_exports.boolean().optional(),
  /** Tasks run at once, each in its own git worktree; `relay work --jobs` overrides it for one run. */
  jobs: external_exports.number().int().min(1).max(MAX_JOBS).optional(),
  /** The worker agent CLI; `relay work --agent` overrides it for one run. */
  agent: external_exports.string().min(1).optional(),
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
  TaskStatus,
  Verdict,
  WorkerReceipt,
  Receipt,
  Attempt,
  GateReason,
  AttemptLedger,
  MAX_JOBS,
  AgentsFile
};
