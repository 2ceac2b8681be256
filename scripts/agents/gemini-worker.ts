/**
 * Google Gemini CLI as a worker and a reviewer: `gemini -p … --output-format stream-json`.
 * Gemini has no structured-output flag, so the prompt asks for the receipt as a fenced JSON
 * block at the end of the final message; an answer without a valid one gets one corrective
 * turn in the same session (`--resume`), then counts as the worker's failure.
 *
 * Gemini reads hooks only from settings files, so before its first worker relay makes sure its
 * hooks are in the project's .gemini/settings.json (what `relay agents install gemini` writes).
 * Kept apart from gemini.ts, the hook dialect, which runs after every tool call.
 */
import { randomUUID } from 'node:crypto';
import {
  environmentFromText, failedReceipt, jsonLines, receiptInText, receiptJsonSchema, spawnProblem, tail, verdictBeforeOutput, verdictFromReceipt, withoutNulls,
  type EnvironmentProblem, type RunFacts, type WorkerRun, type WorkerVerdict,
} from '../core/epic/worker.ts';
import type { RelayConfig } from '../core/shared/schemas.ts';
import { installAgentHooks, installedEvents } from '../adapters/agent-config.ts';
import { runProcess } from '../adapters/executor.ts';
import type { AgentRun, WorkerAgent } from './agent.ts';

const HINTS = { login: 'run gemini once to log in, or set GEMINI_API_KEY', endpoint: 'GOOGLE_GEMINI_BASE_URL' };

/** Gemini's own exit codes that say the machine or account is wrong, not the task. */
const EXIT_AUTH = 41;
const EXIT_CONFIG = 52;

export function answerInstruction(jsonSchema: string): string {
  return `\n\nWhen you are done, end your final message with one fenced \`\`\`json block holding a single JSON object that matches this JSON Schema (nothing after it):\n${jsonSchema}`;
}

export interface GeminiStream {
  facts: RunFacts;
  /** The assistant's text after its last tool call. */
  finalMessage: string;
  /** The error the result event (or an error event) carried. */
  failure: string | undefined;
}

export function readGeminiStream(stdout: string): GeminiStream {
  let session: string | null = null;
  let finalMessage = '';
  let failure: string | undefined;
  let tokens: RunFacts['tokens'] = null;
  for (const event of jsonLines(stdout)) {
    if (event.type === 'init' && typeof event.session_id === 'string') session = event.session_id;
    if (event.type === 'tool_use' || event.type === 'tool_result') finalMessage = '';
    if (event.type === 'message' && event.role === 'assistant' && typeof event.content === 'string') finalMessage += event.content;
    if (event.type === 'error' && event.severity === 'error' && typeof event.message === 'string') failure ??= event.message;
    if (event.type === 'result') {
      if (event.status === 'error') failure = String((event.error as { message?: unknown })?.message ?? 'error');
      const stats = (event.stats ?? {}) as { input_tokens?: unknown; output_tokens?: unknown; cached?: unknown };
      if (typeof stats.input_tokens === 'number' && typeof stats.output_tokens === 'number') {
        tokens = { input: stats.input_tokens, output: stats.output_tokens, cached: typeof stats.cached === 'number' ? stats.cached : null };
      }
    }
  }
  return { facts: { session_id: session, total_cost_usd: null, num_turns: null, tokens }, finalMessage, failure };
}

function environmentOf(run: WorkerRun, stream: GeminiStream): EnvironmentProblem | undefined {
  const missing = spawnProblem(run.spawnError, 'gemini', 'npm install -g @google/gemini-cli');
  if (missing) return missing;
  if (run.exitCode === 0 || run.exitCode === null) return undefined;
  const said = `${stream.failure ?? ''}\n${run.stderr}`;
  const quote = tail(stream.failure ?? run.stderr, 160);
  if (run.exitCode === EXIT_AUTH) return { kind: 'not_logged_in', message: `gemini is not logged in (${quote}): ${HINTS.login}; then relay work resumes` };
  if (run.exitCode === EXIT_CONFIG) return { kind: 'bad_config', message: `gemini rejected its configuration (${quote}): fix ~/.gemini/settings.json or .gemini/settings.json` };
  return environmentFromText(said, quote, HINTS);
}

/** The verdict, or `correct` when the run went well but its answer held no valid receipt. */
export function classifyGeminiRun(run: WorkerRun, timeoutMinutes: number): { verdict: WorkerVerdict; correct?: string } {
  const stream = readGeminiStream(run.stdout);
  const early = verdictBeforeOutput(run, stream.facts, timeoutMinutes, environmentOf(run, stream));
  if (early) return { verdict: early };
  const fail = (summary: string): WorkerVerdict => ({ ...stream.facts, duration_ms: run.durationMs, result: 'failure', receipt: failedReceipt('cli_error', summary) });
  if (stream.failure) return { verdict: fail(`gemini reported an error: ${tail(stream.failure)}`) };
  if (run.exitCode !== 0) return { verdict: fail(`gemini exited with code ${run.exitCode}: ${tail(run.stderr)}`) };
  const value = receiptInText(stream.finalMessage);
  const verdict = verdictFromReceipt(stream.facts, run.durationMs, withoutNulls(value));
  if (value === undefined) {
    const problem = 'your final message held no JSON receipt';
    return { verdict: fail(`gemini finished without a receipt (${tail(stream.finalMessage, 160) || 'no final message'})`), correct: problem };
  }
  const invalid = verdict.receipt?.summary.startsWith("the worker's receipt is invalid") ? verdict.receipt.summary : undefined;
  return invalid ? { verdict, correct: invalid } : { verdict };
}

function addFacts(a: RunFacts, b: RunFacts): RunFacts {
  const tokens = a.tokens && b.tokens ? { input: a.tokens.input + b.tokens.input, output: a.tokens.output + b.tokens.output, cached: (a.tokens.cached ?? 0) + (b.tokens.cached ?? 0) } : a.tokens ?? b.tokens ?? null;
  return { session_id: a.session_id ?? b.session_id, total_cost_usd: null, num_turns: null, tokens };
}

export function geminiAgent(config: RelayConfig): WorkerAgent {
  // --skip-trust alone lets the run start but still disables project hooks; the variable trusts the folder for this run only.
  const run = (r: AgentRun, args: string[], timeoutMs = r.timeoutMs) =>
    runProcess('gemini', [...args, '--output-format', 'stream-json', '--skip-trust', ...(config.model ? ['-m', config.model] : [])], {
      cwd: r.cwd, env: { ...r.env, GEMINI_CLI_TRUST_WORKSPACE: 'true' }, timeoutMs, signal: r.signal, mark: r.mark, onSpawn: r.onSpawn,
    });
  return {
    name: 'gemini',
    async prepare(root) {
      if (installedEvents('gemini', root).length) return undefined;
      const { file } = await installAgentHooks('gemini', root);
      return `relay's hooks are now in ${file}, so the Gemini workers' tool calls reach the event ledger`;
    },
    async runTask(r) {
      const session = randomUUID();
      const first = await run(r, ['-p', r.prompt + answerInstruction(receiptJsonSchema()), '--approval-mode', 'yolo', '--session-id', session]);
      const judged = classifyGeminiRun(first, r.timeoutMs / 60_000);
      const left = r.timeoutMs - first.durationMs;
      if (!judged.correct || left <= 0 || r.signal?.aborted) return judged.verdict;
      const prompt = `${judged.correct}. Do not change any file. Reply with only the receipt for the work you just did.${answerInstruction(receiptJsonSchema())}`;
      const second = await run(r, ['-p', prompt, '--approval-mode', 'plan', '--resume', session], left);
      const retried = classifyGeminiRun(second, r.timeoutMs / 60_000).verdict;
      return { ...retried, ...addFacts(judged.verdict, retried), duration_ms: first.durationMs + second.durationMs };
    },
    async ask(r, jsonSchema) {
      const { finalMessage } = readGeminiStream((await run(r, ['-p', r.prompt + answerInstruction(jsonSchema), '--approval-mode', 'plan'])).stdout);
      return withoutNulls(receiptInText(finalMessage));
    },
  };
}
