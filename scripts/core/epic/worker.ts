/**
 * What any worker agent's run comes to, whichever CLI ran it: the process facts, and the
 * verdict an agent adapter (scripts/agents/) reads from them. Also the receipt's JSON
 * Schema as an agent's structured-output flag takes it.
 */
import { z } from 'zod';
import { WorkerReceipt, type ErrorCategory, type Receipt } from '../shared/schemas.ts';

export interface WorkerRun {
  exitCode: number | null;
  timedOut: boolean;
  interrupted: boolean;
  stdout: string;
  stderr: string;
  durationMs: number;
  spawnError?: string;
  /** The signal that ended the child, when one did. */
  signal?: string;
}

/**
 * Why a worker could not work at all: a problem of the machine or the account, never of the
 * task. It stops the run instead of burning the task's attempts; a busy API is waited out first.
 */
export interface EnvironmentProblem {
  kind: 'executor_missing' | 'not_logged_in' | 'api_unreachable' | 'rate_limited' | 'disk_full' | 'bad_config';
  /** One line: what is wrong and what to do. */
  message: string;
}

/** Problems that pass by themselves: retried with backoff before the run stops. */
export function isTransient(problem: EnvironmentProblem): boolean {
  return problem.kind === 'rate_limited' || problem.kind === 'api_unreachable';
}

export interface WorkerVerdict {
  result: 'success' | 'failure' | 'interrupted';
  /** Set when the run could not work at all; the result is then `interrupted`. */
  environment?: EnvironmentProblem;
  receipt: Receipt | null;
  session_id: string | null;
  total_cost_usd: number | null;
  num_turns: number | null;
  duration_ms: number;
}

/**
 * A zod schema as the JSON Schema string `--json-schema` takes. Claude Code silently drops
 * the StructuredOutput tool when the schema carries a `$schema` draft URI, so it is removed.
 */
export function toolJsonSchema(schema: z.ZodType): string {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  return JSON.stringify(rest);
}

export function receiptJsonSchema(): string {
  return toolJsonSchema(WorkerReceipt);
}

/** A failure receipt relay writes for the worker when the worker could not write its own. */
export function failedReceipt(category: ErrorCategory, summary: string, extra: Partial<Receipt> = {}): Receipt {
  return { status: 'failure', summary, files_changed: [], pattern_tags: [], quality_gate_findings: [], error_category: category, error_summary: summary, ...extra };
}
