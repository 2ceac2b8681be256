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
    title: z.string().trim().min(1, 'title must not be empty'),
    description: z.string().optional(),
    priority: Priority.default('p2'),
    points: z.number().int().min(0).max(1000).default(1),
    files: z.array(z.string().min(1)).default([]),
    depends_on: z.array(TaskId).default([]),
    acceptance_criteria: z.array(z.string()).default([]),
    verify: z.array(z.string().min(1)).optional(),
    /** The plan's own steps for the task (nested checklist items, subtasks). */
    steps: z.array(z.string()).optional(),
    /** Requirement references the plan gives (Kiro's `_Requirements: 1.2_`, BMAD's AC numbers). */
    requirements: z.array(z.string()).optional(),
    /** Where the task is written in the plan it came from. */
    source_line: z.number().int().min(1).optional(),
  })
  .strict();
export type Task = z.infer<typeof Task>;

export const Epic = z
  .object({
    version: z.literal(1),
    id: z.string().min(1),
    source: z.string(),
    created_at: IsoTimestamp,
    title: z.string().trim().min(1, 'title must not be empty'),
    description: z.string().default(''),
    tasks: z.record(TaskId, Task),
  })
  .strict();
export type Epic = z.infer<typeof Epic>;

export const ReviewProvider = z.enum(['claude', 'command', 'none']);

export const ReviewSettings = z
  .object({
    enabled: z.boolean().default(true),
    provider: ReviewProvider.default('none'),
    /** Shell command for provider `command`; exit 0 approves, 3 blocks, anything else needs changes. */
    command: z.string().optional(),
  })
  .strict();

export const Settings = z
  .object({
    max_attempts_per_task: z.number().int().min(1).max(100).default(3),
    timeout_minutes: z.number().positive().max(24 * 60).default(30),
    review: ReviewSettings.default({ enabled: true, provider: 'none' }),
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
]);
export type ErrorCategory = z.infer<typeof ErrorCategory>;

export const Verdict = z.enum(['APPROVED', 'NEEDS CHANGES', 'BLOCKED']);
export type Verdict = z.infer<typeof Verdict>;

/** What a worker must return through `--json-schema`: the fields of both seed receipt shapes. */
export const WorkerReceipt = z
  .object({
    status: z.enum(['success', 'failure']),
    summary: z.string().describe('What was done, in one or two sentences'),
    files_changed: z.array(z.string()).default([]),
    tests_passed: z.boolean().optional(),
    error_category: ErrorCategory.optional(),
    error_summary: z.string().optional(),
    approach_taken: z.string().optional(),
    suggestion: z.string().optional().describe('What the next attempt should do differently'),
    learning: z.string().optional().describe('A reusable lesson, specific enough to act on'),
    pattern_tags: z.array(z.string()).default([]),
  })
  .strict();
export type WorkerReceipt = z.infer<typeof WorkerReceipt>;

/** The receipt as stored: the worker's claims plus what relay measured itself. */
export const Receipt = WorkerReceipt.extend({
  quality_gate_verdict: Verdict.optional(),
  quality_gate_findings: z.array(z.string()).default([]),
});
export type Receipt = z.infer<typeof Receipt>;

export const AttemptResult = z.enum(['in_progress', 'success', 'failure', 'interrupted']);
export type AttemptResult = z.infer<typeof AttemptResult>;

export const Attempt = z
  .object({
    id: z.number().int().min(1),
    started_at: IsoTimestamp,
    ended_at: IsoTimestamp.nullable().default(null),
    result: AttemptResult,
    receipt: Receipt.nullable().default(null),
    /** Normalised error hash; two equal ones in a row gate the task. */
    fingerprint: z.string().nullable().default(null),
    session_id: z.string().nullable().default(null),
    total_cost_usd: z.number().nullable().default(null),
    num_turns: z.number().int().nullable().default(null),
    duration_ms: z.number().nullable().default(null),
    /** Facts read from git, stored beside the worker's claims. */
    git: z
      .object({
        start_commit: z.string().nullable(),
        end_commit: z.string().nullable(),
        files_changed: z.array(z.string()),
      })
      .nullable()
      .default(null),
    flags: z.array(z.string()).default([]),
    /** Why an `interrupted` attempt stopped when it was not the user: the environment problem, in one line. */
    interrupted_by: z.string().optional(),
    /** Ids of the memories recall put in this attempt's prompt; later attempts get different ones. */
    recalled: z.array(z.string()).optional(),
  })
  .strict();
export type Attempt = z.infer<typeof Attempt>;

export const GateReason = z.enum(['max_attempts_exceeded', 'repeated_failure', 'quality_gate_blocked', 'user_blocked']);
export type GateReason = z.infer<typeof GateReason>;

export const Gate = z
  .object({ reason: GateReason, gated_at: IsoTimestamp, detail: z.string().optional() })
  .strict();
export type Gate = z.infer<typeof Gate>;

export const AttemptLedger = z
  .object({
    version: z.literal(1),
    epic_id: z.string().min(1),
    started_at: IsoTimestamp,
    settings: Settings,
    task_status: z.record(TaskId, TaskStatus),
    attempts: z.record(TaskId, z.array(Attempt)).default({}),
    gated_tasks: z.record(TaskId, Gate).default({}),
    /** Attempts before this count are history, not part of the current failure streak (set by ungate). */
    streak_start: z.record(TaskId, z.number().int().min(0)).default({}),
    /** When each task was last ungated: across branches, an ungate newer than the gate wins. */
    ungated_at: z.record(TaskId, IsoTimestamp).optional(),
    /** Learnings already promoted to AGENTS.md, so promotion never counts them twice. */
    promoted_learnings: z.array(z.string()).default([]),
  })
  .strict();
export type AttemptLedger = z.infer<typeof AttemptLedger>;

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
    recall: z.object({ enabled: z.boolean().default(true), limit: z.number().int().min(0).max(20).default(3) }).partial().optional(),
    learnings: z.object({ budget_chars: z.number().int().min(200).default(4000) }).partial().optional(),
    ledger: z.object({ rotate_bytes: z.number().int().positive().optional(), notes_max_bytes: z.number().int().positive().optional() }).partial().optional(),
    /** A rate-limited, overloaded or unreachable API is waited out this many times (backoff doubling) before the run stops. */
    api_retry: z.object({ attempts: z.number().int().min(0).max(10).default(3), backoff_seconds: z.number().positive().max(3600).default(30) }).partial().optional(),
  })
  .strict();
export type RelayConfig = z.infer<typeof RelayConfig>;

export const AgentsFile = z.object({ relay: RelayConfig.optional() }).passthrough();
