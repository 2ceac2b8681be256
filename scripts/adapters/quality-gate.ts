/**
 * The quality gate's processes: a task's verify commands, and the reviewer, either a
 * command the user names or the worker agent in read-only mode. What they mean for the
 * attempt is decided in core/epic/review.ts and core/epic/attempt-flow.ts.
 */
import type { WorkerAgent } from '../agents/agent.ts';
import { cutDiff, reviewJsonSchema, reviewPrompt, reviewVerdictOf, type ReviewVerdict, type VerifyResult } from '../core/epic/review.ts';
import { RelayError } from '../core/shared/errors.ts';
import { redact, truncate } from '../core/shared/redact.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import type { Epic, Receipt, Settings } from '../core/shared/schemas.ts';
import { runShell, workerEnv } from './executor.ts';
import { snapshotDiff } from './git.ts';

const VERIFY_TIMEOUT_MS = 10 * 60_000;
const REVIEW_DIFF_CHARS = 60_000;

/** Runs each verify command in turn; stops early only when relay is interrupted. */
/** The task's verify commands, run where the attempt worked (`cwd`). */
export async function runVerify(cwd: string, commands: string[], signal: AbortSignal): Promise<VerifyResult[]> {
  const results: VerifyResult[] = [];
  for (const command of commands) {
    const run = await runShell(command, { cwd, env: workerEnv({}), timeoutMs: VERIFY_TIMEOUT_MS, signal });
    results.push({ command, exitCode: run.timedOut ? null : run.exitCode, timedOut: run.timedOut, output: truncate(redact(`${run.stdout}${run.stderr}`.trim()), 1500) });
    if (signal.aborted) break;
  }
  return results;
}

export interface ReviewRequest {
  epic: Epic;
  taskId: string;
  attemptId: number;
  /** The snapshots (tree ids) that bound the attempt: the same ones its files_changed came from. */
  before: string | null;
  after: string | null;
  receipt: Receipt;
  verify: VerifyResult[];
  settings: Settings;
  agent: WorkerAgent;
  signal: AbortSignal;
  /** Where the attempt worked: the project root, or its task worktree. */
  cwd: string;
}

/**
 * The reviewer's verdict on the attempt's own change (settings.review.provider is not
 * "none"). A command reviewer gets the diff on stdin and the task in its environment.
 */
export async function reviewAttempt(paths: ProjectPaths, req: ReviewRequest): Promise<ReviewVerdict> {
  const { review } = req.settings;
  const task = req.epic.tasks[req.taskId]!;
  const diff = cutDiff(await snapshotDiff(req.cwd, req.before, req.after), REVIEW_DIFF_CHARS);
  const env = workerEnv({
    RELAY_TASK_ID: req.taskId,
    RELAY_ATTEMPT: String(req.attemptId),
    RELAY_REVIEW: '1',
    RELAY_DIFF_BASE: req.before ?? '',
    RELAY_TASK_TITLE: task.title,
    RELAY_TASK_FILES: task.files.join('\n'),
    RELAY_TASK_CRITERIA: task.acceptance_criteria.join('\n'),
    RELAY_DIFF_OMITTED: diff.omitted.join('\n'),
  });
  const timeoutMs = req.settings.timeout_minutes * 60_000;
  if (review.provider === 'command') {
    if (!review.command) throw new RelayError(`${paths.config}: relay.review.command: required when review.provider is "command"`);
    const run = await runShell(review.command, { cwd: req.cwd, env, timeoutMs, signal: req.signal, input: diff.text });
    const findings = `${run.stdout}`.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 20).map((l) => truncate(redact(l), 300));
    const verdict = run.exitCode === 0 ? 'APPROVED' : run.exitCode === 3 ? 'BLOCKED' : 'NEEDS CHANGES';
    return { verdict, findings };
  }
  // The worker agent answers read-only with the verdict's schema; an unusable answer is NEEDS CHANGES, never an approval.
  return reviewVerdictOf(await req.agent.ask({ prompt: reviewPrompt(req.epic, req.taskId, req.receipt, diff, req.verify), cwd: req.cwd, env, timeoutMs, signal: req.signal }, reviewJsonSchema()));
}
