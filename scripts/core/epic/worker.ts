/**
 * What any worker agent's run comes to, whichever CLI ran it: the process facts, and the
 * verdict an agent adapter (scripts/agents/) reads from them. Also the receipt's JSON
 * Schema as an agent's structured-output flag takes it.
 */
import { z } from 'zod';
import { WorkerReceipt, type ErrorCategory, type Receipt, type TokenUsage } from '../shared/schemas.ts';

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

/** What each CLI tells its user to do when it is logged out or cannot reach its API. */
export interface EnvironmentHints {
  login: string;
  endpoint: string;
}

/**
 * The environment problem a CLI's own error text names, if any: a full disk, a login, a busy
 * API, no network. `status` is the HTTP status when the CLI reports it. Anything else is the task's failure.
 */
export function environmentFromText(said: string, quote: string, hints: EnvironmentHints, status?: number): EnvironmentProblem | undefined {
  if (/ENOSPC|no space left on device/i.test(said)) return { kind: 'disk_full', message: `the disk is full (${quote}): free some space, then run relay work again` };
  if (status === 401 || status === 403 || /invalid api key|not logged in|please run \/login|oauth token (has )?expired|authentication_error|unauthorized|UNAUTHENTICATED|PERMISSION_DENIED|missing environment variable/i.test(said)) {
    return { kind: 'not_logged_in', message: `the worker is not logged in (${quote}): ${hints.login}; then relay work resumes` };
  }
  if (status === 429 || status === 529 || status === 503 || /rate.limit|overloaded|RESOURCE_EXHAUSTED|too many requests|\b429\b/i.test(said)) return { kind: 'rate_limited', message: `the model API is rate-limited or overloaded (${quote})` };
  if (/unable to connect to api|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|connection error|error sending request|stream disconnected|fetch failed/i.test(said)) {
    return { kind: 'api_unreachable', message: `the model API cannot be reached (${quote}): check the network or ${hints.endpoint}` };
  }
  return undefined;
}

/** A CLI that is not on PATH, or cannot be run, stops the run with what to install or fix. */
export function spawnProblem(spawnError: string | undefined, command: string, install: string): EnvironmentProblem | undefined {
  if (!spawnError) return undefined;
  if (/ENOENT/.test(spawnError)) return { kind: 'executor_missing', message: `${command} not found on PATH: ${install}` };
  if (/EACCES/.test(spawnError)) return { kind: 'bad_config', message: `${command} cannot be run (permission denied): check the install or relay.executor in .agents.yml` };
  return undefined;
}

/** The end of a CLI's output, for a one-line failure summary. */
export function tail(text: string, max = 400): string {
  const t = text.trim();
  return t.length > max ? `…${t.slice(-max)}` : t;
}

/** Every line of a JSON-lines stream that parses to an object; the rest (banners, warnings) is skipped. */
export function jsonLines(stdout: string): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const value = JSON.parse(line);
      if (value && typeof value === 'object' && !Array.isArray(value)) lines.push(value);
    } catch {
      // not a JSON line
    }
  }
  return lines;
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
  /** Tokens the CLI reported, when it did. */
  tokens?: TokenUsage | null;
}

/** What a CLI's output said about the run itself, beside the receipt. */
export type RunFacts = Pick<WorkerVerdict, 'session_id' | 'total_cost_usd' | 'num_turns' | 'tokens'>;

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

/** The verdicts every CLI shares before its output is read: relay stopped it, the environment, no start, the timeout. */
export function verdictBeforeOutput(run: WorkerRun, facts: RunFacts, timeoutMinutes: number, environment: EnvironmentProblem | undefined): WorkerVerdict | undefined {
  const base = { ...facts, duration_ms: run.durationMs };
  if (run.interrupted) return { ...base, result: 'interrupted', receipt: null };
  if (environment) return { ...base, result: 'interrupted', receipt: null, environment };
  const fail = (receipt: Receipt): WorkerVerdict => ({ ...base, result: 'failure', receipt });
  if (run.spawnError) return fail(failedReceipt('cli_error', `the worker could not start: ${run.spawnError}`, { suggestion: 'Check relay.executor in .agents.yml and that the CLI is installed.' }));
  if (run.timedOut) return fail(failedReceipt('timeout', `the worker ran past the ${timeoutMinutes}-minute timeout and was killed`, { suggestion: 'Split the task or do less per attempt; commit partial progress early.' }));
  return undefined;
}

/** A worker's structured answer as its verdict: an invalid receipt is the worker's failure, never a success. */
export function verdictFromReceipt(facts: RunFacts, durationMs: number, value: unknown): WorkerVerdict {
  const base = { ...facts, duration_ms: durationMs };
  const parsed = WorkerReceipt.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ...base, result: 'failure', receipt: failedReceipt('cli_error', `the worker's receipt is invalid: ${issue.path.join('.') || '(root)'}: ${issue.message}`) };
  }
  const receipt: Receipt = { ...parsed.data, quality_gate_findings: [] };
  if (receipt.status === 'failure') {
    return { ...base, result: 'failure', receipt: { ...receipt, error_category: receipt.error_category ?? 'code_error', error_summary: receipt.error_summary ?? receipt.summary } };
  }
  return { ...base, result: 'success', receipt };
}

type JsonSchema = { type?: unknown; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; default?: unknown; [key: string]: unknown };

function strictNode(node: JsonSchema): JsonSchema {
  const { default: _default, ...rest } = node;
  if (rest.items) rest.items = strictNode(rest.items);
  if (!rest.properties) return rest;
  const required = new Set(rest.required ?? []);
  const properties = Object.fromEntries(
    Object.entries(rest.properties).map(([key, prop]) => {
      const strict = strictNode(prop);
      return [key, required.has(key) ? strict : { anyOf: [strict, { type: 'null' }] }];
    }),
  );
  return { ...rest, properties, required: Object.keys(properties), additionalProperties: false };
}

/**
 * A JSON Schema in the form OpenAI's strict structured outputs demand (Codex's --output-schema):
 * every property required, the optional ones nullable instead. `withoutNulls` reads such an
 * answer back into the original shape.
 */
export function strictJsonSchema(json: string): string {
  return JSON.stringify(strictNode(JSON.parse(json) as JsonSchema));
}

export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

/** The receipt written as the last JSON object of a free-text answer (a fenced ```json block, or bare). */
export function receiptInText(text: string): unknown {
  const fenced = [...text.matchAll(/```(?:json)?\s*\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const candidates = [...fenced.reverse(), text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)];
  for (const candidate of candidates) {
    try {
      const value = JSON.parse(candidate.trim());
      if (value && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      // the next candidate
    }
  }
  return undefined;
}
