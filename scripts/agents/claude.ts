/**
 * Claude Code as a worker and a reviewer: the `claude -p` arguments relay passes, and the
 * classification of what came back. The result object is parsed, never grepped: exit code,
 * timeout, `is_error`, the result subtype and the schema-checked `structured_output` all count.
 */
import { z } from 'zod';
import { environmentFromText, failedReceipt, receiptJsonSchema, spawnProblem, tail, verdictBeforeOutput, verdictFromReceipt, type EnvironmentProblem, type WorkerRun, type WorkerVerdict } from '../core/epic/worker.ts';
import type { Receipt, RelayConfig, TokenUsage } from '../core/shared/schemas.ts';
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

const HINTS = { login: 'run claude and /login, or set ANTHROPIC_API_KEY', endpoint: 'ANTHROPIC_BASE_URL' };

/** A run that says nothing about the task: the CLI is missing, logged out, cut off, throttled, or the disk is full. */
export function environmentProblem(run: WorkerRun, message: ResultMessage | undefined, command = 'claude'): EnvironmentProblem | undefined {
  if (run.spawnError) return spawnProblem(run.spawnError, command, 'install Claude Code, or set relay.executor in .agents.yml');
  const said = `${message?.is_error ? message.result ?? '' : ''}\n${run.stderr}`;
  if (!message?.is_error && !run.stderr) return undefined;
  const status = typeof message?.api_error_status === 'number' ? message.api_error_status : undefined;
  return environmentFromText(said, tail(message?.result ?? run.stderr, 160), HINTS, status);
}

/** Claude's `usage` block as relay's token counts (cache reads count as input, as they do for the other CLIs). */
function tokensOf(message: ResultMessage | undefined): TokenUsage | null {
  const usage = message?.usage as { input_tokens?: unknown; output_tokens?: unknown; cache_read_input_tokens?: unknown } | undefined;
  if (typeof usage?.input_tokens !== 'number' || typeof usage.output_tokens !== 'number') return null;
  const cached = typeof usage.cache_read_input_tokens === 'number' ? usage.cache_read_input_tokens : null;
  return { input: usage.input_tokens + (cached ?? 0), output: usage.output_tokens, cached };
}

export function classifyWorkerRun(run: WorkerRun, timeoutMinutes: number, command = 'claude'): WorkerVerdict {
  const message = parseResultMessage(run.stdout);
  const facts = {
    session_id: message?.session_id ?? null,
    total_cost_usd: message?.total_cost_usd ?? null,
    num_turns: message?.num_turns ?? null,
    tokens: tokensOf(message),
  };
  const early = verdictBeforeOutput(run, facts, timeoutMinutes, environmentProblem(run, message, command));
  if (early) return early;
  const fail = (receipt: Receipt): WorkerVerdict => ({ ...facts, duration_ms: run.durationMs, result: 'failure', receipt });
  if (!message) return fail(failedReceipt('cli_error', `the worker exited with code ${run.exitCode} and printed no result${run.stderr.trim() ? `: ${tail(run.stderr)}` : ''}`));
  if (message.subtype === 'error_max_budget_usd') return fail(failedReceipt('cli_error', 'the worker stopped at its budget cap (--max-budget-usd)', { suggestion: 'Do less per attempt or raise relay.max_budget_usd.' }));
  if (message.subtype === 'error_max_turns') return fail(failedReceipt('cli_error', 'the worker ran out of turns (--max-turns)', { suggestion: 'Do less per attempt or raise relay.max_turns.' }));
  if (message.is_error) return fail(failedReceipt('cli_error', `the worker reported an error (${message.subtype ?? 'is_error'}): ${tail(message.result ?? run.stderr)}`));
  if (run.exitCode !== 0) return fail(failedReceipt('cli_error', `the worker exited with code ${run.exitCode}: ${tail(run.stderr || (message.result ?? ''))}`));
  if (message.structured_output === undefined || message.structured_output === null) {
    return fail(failedReceipt('cli_error', 'the worker finished without a receipt (no StructuredOutput call)', { suggestion: 'End by calling StructuredOutput with the receipt.' }));
  }
  return verdictFromReceipt(facts, run.durationMs, message.structured_output);
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
  };
}
