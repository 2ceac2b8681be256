/**
 * Claude Code as a worker and a reviewer: the `claude -p` arguments relay passes, and the
 * classification of what came back. The result object is parsed, never grepped: exit code,
 * timeout, `is_error`, the result subtype and the schema-checked `structured_output` all count.
 */
import { z } from 'zod';
import { ReviewVerdict, reviewJsonSchema } from '../core/epic/review.ts';
import { failedReceipt, receiptJsonSchema, type EnvironmentProblem, type WorkerRun, type WorkerVerdict } from '../core/epic/worker.ts';
import { WorkerReceipt, type Receipt, type RelayConfig } from '../core/shared/schemas.ts';
import { runProcess } from '../adapters/executor.ts';
import { relayPluginRoot } from '../adapters/project.ts';
import type { AgentRun, WorkerAgent } from './agent.ts';

const ResultMessage = z
  .object({
    type: z.literal('result'),
    subtype: z.string().optional(),
    is_error: z.boolean().optional(),
    result: z.string().optional(),
    session_id: z.string().optional(),
    num_turns: z.number().optional(),
    duration_ms: z.number().optional(),
    total_cost_usd: z.number().optional(),
    structured_output: z.unknown().optional(),
  })
  .passthrough();
type ResultMessage = z.infer<typeof ResultMessage>;

export function workerArgs(prompt: string, config: RelayConfig, jsonSchema: string): string[] {
  const args = ['-p', prompt, '--output-format', 'json', '--json-schema', jsonSchema, '--permission-mode', config.permission_mode ?? 'acceptEdits'];
  if (config.max_turns) args.push('--max-turns', String(config.max_turns));
  if (config.max_budget_usd) args.push('--max-budget-usd', String(config.max_budget_usd));
  if (config.model) args.push('--model', config.model);
  if (config.allowed_tools?.length) args.push('--allowedTools', ...config.allowed_tools);
  return args;
}

/** The last `{"type":"result"}` object on stdout (stream formats print several lines). */
export function parseResultMessage(stdout: string): ResultMessage | undefined {
  const candidates = [stdout.trim(), ...stdout.trim().split('\n').reverse()];
  for (const text of candidates) {
    if (!text.startsWith('{')) continue;
    try {
      const parsed = ResultMessage.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // not this line
    }
  }
  return undefined;
}

function tail(text: string, max = 400): string {
  const t = text.trim();
  return t.length > max ? `…${t.slice(-max)}` : t;
}

/** A run that says nothing about the task: the CLI is missing, logged out, cut off, throttled, or the disk is full. */
export function environmentProblem(run: WorkerRun, message: ResultMessage | undefined, command = 'claude'): EnvironmentProblem | undefined {
  if (run.spawnError) {
    if (/ENOENT/.test(run.spawnError)) return { kind: 'executor_missing', message: `${command} not found on PATH: install Claude Code, or set relay.executor in .agents.yml` };
    if (/EACCES/.test(run.spawnError)) return { kind: 'bad_config', message: `${command} cannot be run (permission denied): fix relay.executor in .agents.yml` };
    return undefined;
  }
  const said = `${message?.is_error ? message.result ?? '' : ''}\n${run.stderr}`;
  const status = typeof message?.api_error_status === 'number' ? message.api_error_status : undefined;
  const quote = tail(message?.result ?? run.stderr, 160);
  if (/ENOSPC|no space left on device/i.test(said)) return { kind: 'disk_full', message: `the disk is full (${quote}): free some space, then run relay work again` };
  if (!message?.is_error && !run.stderr) return undefined;
  if (status === 401 || status === 403 || /invalid api key|not logged in|please run \/login|oauth token (has )?expired|authentication_error/i.test(said)) {
    return { kind: 'not_logged_in', message: `the worker is not logged in (${quote}): run claude and /login, or set ANTHROPIC_API_KEY; then relay work resumes` };
  }
  if (status === 429 || status === 529 || /rate.limit|overloaded/i.test(said)) return { kind: 'rate_limited', message: `the model API is rate-limited or overloaded (${quote})` };
  if (/unable to connect to api|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|connection error/i.test(said)) {
    return { kind: 'api_unreachable', message: `the model API cannot be reached (${quote}): check the network or ANTHROPIC_BASE_URL` };
  }
  return undefined;
}

export function classifyWorkerRun(run: WorkerRun, timeoutMinutes: number, command = 'claude'): WorkerVerdict {
  const message = parseResultMessage(run.stdout);
  const base = {
    session_id: message?.session_id ?? null,
    total_cost_usd: message?.total_cost_usd ?? null,
    num_turns: message?.num_turns ?? null,
    duration_ms: run.durationMs,
  };
  const fail = (receipt: Receipt): WorkerVerdict => ({ ...base, result: 'failure', receipt });
  if (run.interrupted) return { ...base, result: 'interrupted', receipt: null };
  const environment = environmentProblem(run, message, command);
  if (environment) return { ...base, result: 'interrupted', receipt: null, environment };
  if (run.spawnError) return fail(failedReceipt('cli_error', `the worker could not start: ${run.spawnError}`, { suggestion: 'Check relay.executor in .agents.yml and that the CLI is installed.' }));
  if (run.timedOut) return fail(failedReceipt('timeout', `the worker ran past the ${timeoutMinutes}-minute timeout and was killed`, { suggestion: 'Split the task or do less per attempt; commit partial progress early.' }));
  if (!message) return fail(failedReceipt('cli_error', `the worker exited with code ${run.exitCode} and printed no result${run.stderr.trim() ? `: ${tail(run.stderr)}` : ''}`));
  if (message.subtype === 'error_max_budget_usd') return fail(failedReceipt('cli_error', 'the worker stopped at its budget cap (--max-budget-usd)', { suggestion: 'Do less per attempt or raise relay.max_budget_usd.' }));
  if (message.subtype === 'error_max_turns') return fail(failedReceipt('cli_error', 'the worker ran out of turns (--max-turns)', { suggestion: 'Do less per attempt or raise relay.max_turns.' }));
  if (message.is_error) return fail(failedReceipt('cli_error', `the worker reported an error (${message.subtype ?? 'is_error'}): ${tail(message.result ?? run.stderr)}`));
  if (run.exitCode !== 0) return fail(failedReceipt('cli_error', `the worker exited with code ${run.exitCode}: ${tail(run.stderr || (message.result ?? ''))}`));
  if (message.structured_output === undefined || message.structured_output === null) {
    return fail(failedReceipt('cli_error', 'the worker finished without a receipt (no StructuredOutput call)', { suggestion: 'End by calling StructuredOutput with the receipt.' }));
  }
  const parsed = WorkerReceipt.safeParse(message.structured_output);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(failedReceipt('cli_error', `the worker's receipt is invalid: ${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const receipt: Receipt = { ...parsed.data, quality_gate_findings: [] };
  if (receipt.status === 'failure') {
    return fail({ ...receipt, error_category: receipt.error_category ?? 'code_error', error_summary: receipt.error_summary ?? receipt.summary });
  }
  return { ...base, result: 'success', receipt };
}

const READ_ONLY = ['--disallowedTools', 'Edit Write MultiEdit NotebookEdit Bash'];

/** `relay.executor` (default `claude`) is the command; its extra words come before relay's flags. */
export function claudeAgent(config: RelayConfig): WorkerAgent {
  const [command, ...prefix] = config.executor ?? ['claude'];
  const run = (args: string[], r: AgentRun) => runProcess(command!, [...prefix, ...args], { cwd: r.cwd, env: r.env, timeoutMs: r.timeoutMs, signal: r.signal, mark: r.mark, onSpawn: r.onSpawn });
  return {
    name: 'claude',
    async runTask(r) {
      // relay's own hooks in the worker, so its tool calls reach the event ledger; RELAY_PLUGIN_ROOT
      // tells a second, installed copy of relay to stay out and not record every event twice.
      const pluginDir = relayPluginRoot();
      const args = [...workerArgs(r.prompt, config, receiptJsonSchema()), ...(pluginDir ? ['--plugin-dir', pluginDir] : [])];
      const env = pluginDir ? { ...r.env, RELAY_PLUGIN_ROOT: pluginDir } : r.env;
      return classifyWorkerRun(await run(args, { ...r, env }), r.timeoutMs / 60_000, command);
    },
    async ask(r, jsonSchema) {
      const args = ['-p', r.prompt, '--output-format', 'json', '--json-schema', jsonSchema, ...READ_ONLY];
      if (config.model) args.push('--model', config.model);
      return parseResultMessage((await run(args, r)).stdout)?.structured_output;
    },
    async review(r) {
      const parsed = ReviewVerdict.safeParse(await this.ask(r, reviewJsonSchema()));
      if (parsed.success) return parsed.data;
      return { verdict: 'NEEDS CHANGES', findings: ['the reviewer returned no valid verdict'] };
    },
  };
}
