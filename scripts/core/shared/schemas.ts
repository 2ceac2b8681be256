import { z } from 'zod';

/**
 * Task ids stay as the plan wrote them (T1, T001, 1, 2.3, setup-db), and double as path
 * segments and YAML keys, so they are kept to a safe alphabet.
 */
export const TaskId = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?$/, 'task id must start with a letter or digit and use only letters, digits, ".", "-" and "_" (max 64)');

export const Priority = z.enum(['p0', 'p1', 'p2', 'p3']);
export type Priority = z.infer<typeof Priority>;

const IsoTimestamp = z.iso.datetime({ offset: true });

export const Task = z
  .object({
    title: z.string().trim().min(1, 'title must not be empty').describe('What the task achieves, in a line'),
    description: z.string().optional().describe('The plan\'s prose about the task'),
    priority: Priority.default('p2').describe('p0 (most urgent) to p3; ready tasks run in priority order, then plan order'),
    points: z.number().int().min(0).max(1000).default(1).describe('Size estimate, for progress figures'),
    files: z.array(z.string().min(1)).default([]).describe('Files the task is expected to touch'),
    depends_on: z.array(TaskId).default([]).describe('Task ids that must be completed first'),
    acceptance_criteria: z.array(z.string()).default([]).describe('What must hold when the task is done; the worker and the reviewer see them'),
    verify: z.array(z.string().min(1)).optional().describe('Shell commands relay runs after a claimed success; any non-zero exit fails the attempt'),
    /** The plan's own steps for the task (nested checklist items, subtasks). */
    steps: z.array(z.string()).optional().describe('The plan\'s own steps for the task (nested checklist items, subtasks)'),
    /** Requirement references the plan gives (Kiro's `_Requirements: 1.2_`, BMAD's AC numbers). */
    requirements: z.array(z.string()).optional().describe('Requirement references the plan gives (Kiro _Requirements_, BMAD AC numbers)'),
    /** Where the task is written in the plan it came from. */
    source_line: z.number().int().min(1).optional().describe('Where the task is written in the plan it came from'),
  })
  .strict();
export type Task = z.infer<typeof Task>;

export const Epic = z
  .object({
    version: z.literal(1).describe('File format version'),
    id: z.string().min(1).describe('The epic id; the attempt ledger names it'),
    source: z.string().describe('The plan file the epic was read from'),
    created_at: IsoTimestamp.describe('When relay init wrote it'),
    title: z.string().trim().min(1, 'title must not be empty').describe('The epic\'s title'),
    description: z.string().default('').describe('The plan\'s introduction'),
    tasks: z.record(TaskId, Task).describe('Tasks by id, in plan order'),
  })
  .strict();
export type Epic = z.infer<typeof Epic>;

export const ReviewProvider = z.enum(['claude', 'command', 'none']);

export const ReviewSettings = z
  .object({
    enabled: z.boolean().default(true).describe('Whether a reviewer checks a claimed success'),
    provider: ReviewProvider.default('none').describe('claude (a reviewer session), command (a shell command) or none'),
    /** Shell command for provider `command`; exit 0 approves, 3 blocks, anything else needs changes. */
    command: z.string().optional().describe('Shell command for provider command: exit 0 approves, 3 blocks, anything else needs changes'),
  })
  .strict();

export const Settings = z
  .object({
    max_attempts_per_task: z.number().int().min(1).max(100).default(3).describe('Attempts before a task is gated (max_attempts_exceeded)'),
    timeout_minutes: z.number().positive().max(24 * 60).default(30).describe('Wall time a worker gets before its process tree is killed'),
    review: ReviewSettings.default({ enabled: true, provider: 'none' }).describe('The quality gate after verify'),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

export const TaskStatus = z.enum(['pending', 'in_progress', 'completed', 'blocked', 'gated']);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const ErrorCategory = z.enum([
  'code_error',
  'test_failure',
  'timeout',
  'cli_error',
  'quality_gate',
  'missing_dependency',
  'merge_conflict',
]);
export type ErrorCategory = z.infer<typeof ErrorCategory>;

export const Verdict = z.enum(['APPROVED', 'NEEDS CHANGES', 'BLOCKED']);
export type Verdict = z.infer<typeof Verdict>;

/** What a worker must return through `--json-schema`: the fields of both seed receipt shapes. */
export const WorkerReceipt = z
  .object({
    status: z.enum(['success', 'failure']).describe('What the worker claims'),
    summary: z.string().describe('What was done, in one or two sentences'),
    files_changed: z.array(z.string()).default([]).describe('Files the worker says it changed (relay records git\'s own list beside it)'),
    tests_passed: z.boolean().optional().describe('Whether the worker\'s tests passed'),
    error_category: ErrorCategory.optional().describe('Kind of failure: code_error, test_failure, timeout, cli_error, quality_gate, missing_dependency'),
    error_summary: z.string().optional().describe('The failure, in a line or two (redacted)'),
    approach_taken: z.string().optional().describe('What the worker tried'),
    suggestion: z.string().optional().describe('What the next attempt should do differently'),
    learning: z.string().optional().describe('A reusable lesson, specific enough to act on'),
    pattern_tags: z.array(z.string()).default([]).describe('Short tags for recall and lessons'),
  })
  .strict();
export type WorkerReceipt = z.infer<typeof WorkerReceipt>;

/** The receipt as stored: the worker's claims plus what relay measured itself. */
export const Receipt = WorkerReceipt.extend({
  quality_gate_verdict: Verdict.optional().describe('The reviewer\'s verdict: APPROVED, NEEDS CHANGES or BLOCKED'),
  quality_gate_findings: z.array(z.string()).default([]).describe('What verify or the reviewer found'),
});
export type Receipt = z.infer<typeof Receipt>;

export const AttemptResult = z.enum(['in_progress', 'success', 'failure', 'interrupted']);
export type AttemptResult = z.infer<typeof AttemptResult>;

/** What a worker's CLI reported it used; every CLI names these three. */
export const TokenUsage = z
  .object({
    input: z.number().int().min(0).describe('Input (prompt) tokens, cached ones included'),
    output: z.number().int().min(0).describe('Output tokens, reasoning included'),
    cached: z.number().int().min(0).nullable().default(null).describe('Input tokens served from the provider\'s cache, when the CLI says'),
  })
  .strict();
export type TokenUsage = z.infer<typeof TokenUsage>;

export const Attempt = z
  .object({
    id: z.number().int().min(1).describe('1, 2, … per task, in start order'),
    started_at: IsoTimestamp.describe('When the attempt started'),
    ended_at: IsoTimestamp.nullable().default(null).describe('When it ended; null while it runs'),
    result: AttemptResult.describe('in_progress, success, failure or interrupted (interruptions never count toward a gate)'),
    receipt: Receipt.nullable().default(null).describe('The worker\'s receipt with relay\'s findings; null when there was none'),
    /** Normalised error hash; two equal ones in a row gate the task. */
    fingerprint: z.string().nullable().default(null).describe('Normalised error hash; two equal ones in a row gate the task (repeated_failure)'),
    session_id: z.string().nullable().default(null).describe('The worker\'s session: a Claude Code session, a Codex thread or a Gemini session id'),
    total_cost_usd: z.number().nullable().default(null).describe('What the worker\'s CLI reported it cost'),
    num_turns: z.number().int().nullable().default(null).describe('Model turns the worker took'),
    agent: z.string().optional().describe('The worker agent CLI (claude, codex, gemini); absent in ledgers written before relay recorded it'),
    tokens: TokenUsage.nullable().optional().describe('Tokens the worker\'s CLI reported; absent or null when it reported none'),
    duration_ms: z.number().nullable().default(null).describe('Worker wall time'),
    /** Facts read from git, stored beside the worker's claims. */
    git: z
      .object({
        start_commit: z.string().nullable().describe('HEAD when the attempt started'),
        end_commit: z.string().nullable().describe('HEAD when it ended (a worker may commit)'),
        files_changed: z.array(z.string()).describe('Files that really changed between the two working-tree snapshots, relay\'s own state left out'),
      })
      .nullable()
      .default(null)
      .describe('Facts read from git, stored beside the worker\'s claims'),
    flags: z.array(z.string()).default([]).describe('Notes relay adds (claimed_success_without_changes, abandoned, …)'),
    /** Why an `interrupted` attempt stopped when it was not the user: the environment problem, in one line. */
    interrupted_by: z.string().optional().describe('Why an interrupted attempt stopped when it was not the user'),
    /** Ids of the memories recall put in this attempt's prompt; later attempts get different ones. */
    recalled: z.array(z.string()).optional().describe('Ids of the memories recall put in this attempt\'s prompt'),
  })
  .strict();
export type Attempt = z.infer<typeof Attempt>;

export const GateReason = z.enum(['max_attempts_exceeded', 'repeated_failure', 'quality_gate_blocked', 'user_blocked']);
export type GateReason = z.infer<typeof GateReason>;

export const Gate = z
  .object({
    reason: GateReason.describe('max_attempts_exceeded, repeated_failure, quality_gate_blocked or user_blocked'),
    gated_at: IsoTimestamp.describe('When the gate was set'),
    detail: z.string().optional().describe('Why, in words'),
  })
  .strict();
export type Gate = z.infer<typeof Gate>;

export const AttemptLedger = z
  .object({
    version: z.literal(1).describe('File format version'),
    epic_id: z.string().min(1).describe('The epic this ledger belongs to (epic.yml id)'),
    started_at: IsoTimestamp.describe('When relay init started the ledger'),
    settings: Settings.describe('Settings at init; .agents.yml is read live on top'),
    task_status: z.record(TaskId, TaskStatus).describe('pending, blocked, in_progress, completed or gated, per task'),
    attempts: z.record(TaskId, z.array(Attempt)).default({}).describe('Every attempt per task, oldest first'),
    gated_tasks: z.record(TaskId, Gate).default({}).describe('Tasks that will not be worked on until ungated, with why'),
    /** Attempts before this count are history, not part of the current failure streak (set by ungate). */
    streak_start: z.record(TaskId, z.number().int().min(0)).default({}).describe('Attempts before this count are history, not part of the current failure streak (set by ungate)'),
    /** When each task was last ungated: across branches, an ungate newer than the gate wins. */
    ungated_at: z.record(TaskId, IsoTimestamp).optional().describe('When each task was last ungated: across branches, an ungate newer than the gate wins'),
    /** Learnings already promoted to AGENTS.md, so promotion never counts them twice. */
    promoted_learnings: z.array(z.string()).default([]).describe('Receipt refs (T3#2) already counted in AGENTS.md'),
  })
  .strict();
export type AttemptLedger = z.infer<typeof AttemptLedger>;

/** More parallel workers than this is a typo, not a plan: each is an agent process with its own model session. */
export const MAX_JOBS = 16;

/** `.agents.yml` / `.agents.local.yml`: only the `relay` key is ours; other tools own the rest. */
export const RelayConfig = z
  .object({
    max_attempts_per_task: z.number().int().min(1).max(100).optional(),
    timeout_minutes: z.number().positive().max(24 * 60).optional(),
    review: ReviewSettings.partial().optional(),
    /** The worker command: a list (`["claude"]`), or a string split on spaces (`"claude --verbose"`). */
    executor: z
      .union([z.array(z.string().min(1)).min(1), z.string().trim().min(1).transform((s) => s.split(/\s+/))])
      .optional(),
    max_budget_usd: z.number().positive().optional(),
    max_turns: z.number().int().positive().optional(),
    permission_mode: z.enum(['default', 'acceptEdits', 'bypassPermissions', 'plan', 'dontAsk']).optional(),
    /** Tools a worker may use without asking, e.g. "Bash(npm test:*)": a headless worker cannot ask. */
    allowed_tools: z.array(z.string().min(1)).optional(),
    model: z.string().optional(),
    /** Each completed task becomes one commit of its files with Relay-Epic/Task/Attempt trailers (always so with jobs > 1). */
    commit: z.boolean().optional(),
    /** Tasks run at once, each in its own git worktree; `relay work --jobs` overrides it for one run. */
    jobs: z.number().int().min(1).max(MAX_JOBS).optional(),
    /** The worker agent CLI; `relay work --agent` overrides it for one run. */
    agent: z.string().min(1).optional(),
    recall: z.object({ enabled: z.boolean().default(true), limit: z.number().int().min(0).max(20).default(3) }).partial().optional(),
    learnings: z.object({ budget_chars: z.number().int().min(200).default(4000) }).partial().optional(),
    ledger: z.object({ rotate_bytes: z.number().int().positive().optional(), notes_max_bytes: z.number().int().positive().optional() }).partial().optional(),
    /** A rate-limited, overloaded or unreachable API is waited out this many times (backoff doubling) before the run stops. */
    api_retry: z.object({ attempts: z.number().int().min(0).max(10).default(3), backoff_seconds: z.number().positive().max(3600).default(30) }).partial().optional(),
  })
  .strict();
export type RelayConfig = z.infer<typeof RelayConfig>;

export const AgentsFile = z.object({ relay: RelayConfig.optional() }).passthrough();
