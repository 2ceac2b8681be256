/**
 * OpenAI Codex CLI as a worker and a reviewer: `codex exec --json` with the receipt schema as
 * `--output-schema`, so the final agent message is the receipt as JSON. Kept apart from
 * codex.ts, the hook dialect, which runs after every tool call and must stay free of zod.
 *
 * relay's hooks reach the worker inline (`-c hooks.<Event>=…`): a project's own
 * .codex/hooks.json is read only in a trusted project, and trust is Codex's to give. Inline
 * hooks still need `--dangerously-bypass-hook-trust`; RELAY_WORKER_HOOKS tells an installed
 * copy of relay's hooks to stay out, so no event lands twice.
 */
import {
  environmentFromText, failedReceipt, jsonLines, receiptJsonSchema, spawnProblem, strictJsonSchema, tail, verdictBeforeOutput, verdictFromReceipt, withoutNulls,
  type RunFacts, type WorkerRun, type WorkerVerdict,
} from '../core/epic/worker.ts';
import type { RelayConfig, TokenUsage } from '../core/shared/schemas.ts';
import { runProcessWithFile } from '../adapters/executor.ts';
import { relayCommandLine } from '../adapters/project.ts';
import type { AgentRun, WorkerAgent } from './agent.ts';
import { codexHooks } from './codex.ts';

const HINTS = { login: 'run codex login, or set OPENAI_API_KEY', endpoint: 'the model provider in ~/.codex/config.toml' };
const WORKER_HOOKS_ENV = 'RELAY_WORKER_HOOKS';

const tomlString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** `-c` overrides that run relay's hook for each event Codex fires. */
export function inlineHookArgs(commandFor: (event: string) => string): string[] {
  return codexHooks.events.flatMap((event) => ['-c', `hooks.${event}=[{hooks=[{type="command",command=${tomlString(commandFor(event))},timeout=10}]}]`]);
}

export interface CodexStream {
  facts: RunFacts;
  /** The last agent message: with --output-schema, the answer as JSON text. */
  finalMessage: string | undefined;
  /** What turn.failed or an error event said. */
  failure: string | undefined;
}

export function readCodexStream(stdout: string): CodexStream {
  let session: string | null = null;
  let tokens = null as TokenUsage | null;
  let finalMessage: string | undefined;
  let failure: string | undefined;
  for (const event of jsonLines(stdout)) {
    if (event.type === 'thread.started' && typeof event.thread_id === 'string') session = event.thread_id;
    if (event.type === 'turn.completed') {
      const usage = (event.usage ?? {}) as { input_tokens?: number; output_tokens?: number; cached_input_tokens?: number };
      tokens = {
        input: (tokens?.input ?? 0) + (usage.input_tokens ?? 0),
        output: (tokens?.output ?? 0) + (usage.output_tokens ?? 0),
        cached: (tokens?.cached ?? 0) + (usage.cached_input_tokens ?? 0),
      };
    }
    if (event.type === 'turn.failed') failure = String((event.error as { message?: unknown })?.message ?? 'turn failed');
    if (event.type === 'error' && failure === undefined) failure = String(event.message ?? 'error');
    const item = event.item as { type?: string; text?: unknown } | undefined;
    if (event.type === 'item.completed' && item?.type === 'agent_message' && typeof item.text === 'string') finalMessage = item.text;
  }
  // Codex reports tokens but no cost, and no count of model turns.
  return { facts: { session_id: session, total_cost_usd: null, num_turns: null, tokens }, finalMessage, failure };
}

/** The error message inside Codex's quoted API error body, when it is one. */
function apiMessage(failure: string): string {
  try {
    const body = JSON.parse(failure) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return body.error.message;
  } catch {
    // plain text
  }
  return failure;
}

export function classifyCodexRun(run: WorkerRun, timeoutMinutes: number, command = 'codex'): WorkerVerdict {
  const stream = readCodexStream(run.stdout);
  const said = `${stream.failure ?? ''}\n${run.exitCode === 0 ? '' : run.stderr}`;
  const environment = spawnProblem(run.spawnError, command, 'npm install -g @openai/codex') ?? (stream.failure || run.exitCode ? environmentFromText(said, tail(stream.failure ?? run.stderr, 160), HINTS) : undefined);
  const early = verdictBeforeOutput(run, stream.facts, timeoutMinutes, environment);
  if (early) return early;
  const fail = (summary: string, suggestion?: string): WorkerVerdict => ({ ...stream.facts, duration_ms: run.durationMs, result: 'failure', receipt: failedReceipt('cli_error', summary, suggestion ? { suggestion } : {}) });
  if (stream.failure) return fail(`codex reported a failed turn: ${tail(apiMessage(stream.failure))}`);
  if (run.exitCode !== 0) return fail(`codex exited with code ${run.exitCode}: ${tail(run.stderr)}`);
  if (stream.finalMessage === undefined) return fail('codex finished without a final message (no receipt)', 'End with the receipt as the final message.');
  let value: unknown;
  try {
    value = JSON.parse(stream.finalMessage);
  } catch {
    return fail(`codex's final message is not the JSON receipt: ${tail(stream.finalMessage, 200)}`, 'End with the receipt as JSON, nothing else.');
  }
  return verdictFromReceipt(stream.facts, run.durationMs, withoutNulls(value));
}

/** `relay.executor` stays Claude's; Codex is found on PATH. */
export function codexAgent(config: RelayConfig): WorkerAgent {
  const exec = (r: AgentRun, jsonSchema: string, sandbox: 'workspace-write' | 'read-only', extra: string[] = []): Promise<WorkerRun> =>
    runProcessWithFile('codex', strictJsonSchema(jsonSchema), (schemaFile) => ['exec', '--json', '--output-schema', schemaFile, '-s', sandbox, '--skip-git-repo-check', ...extra, ...(config.model ? ['-m', config.model] : []), r.prompt], {
      cwd: r.cwd, env: r.env, timeoutMs: r.timeoutMs, signal: r.signal, mark: r.mark, onSpawn: r.onSpawn,
    });
  return {
    name: 'codex',
    async runTask(r) {
      const hooks = ['--dangerously-bypass-hook-trust', ...inlineHookArgs((event) => relayCommandLine(`hook --agent codex --worker ${event}`))];
      const run = await exec({ ...r, env: { ...r.env, [WORKER_HOOKS_ENV]: 'codex' } }, receiptJsonSchema(), 'workspace-write', hooks);
      return classifyCodexRun(run, r.timeoutMs / 60_000);
    },
    async ask(r, jsonSchema) {
      const { finalMessage } = readCodexStream((await exec(r, jsonSchema, 'read-only')).stdout);
      try {
        return finalMessage === undefined ? undefined : withoutNulls(JSON.parse(finalMessage));
      } catch {
        return undefined;
      }
    },
  };
}
