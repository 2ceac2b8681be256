import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  runProcess,
  runProcessWithFile
} from "./chunk-EVSQAD4J.mjs";
import {
  installAgentHooks,
  installedEvents
} from "./chunk-MF5TMX2C.mjs";
import {
  codexHooks
} from "./chunk-BKF7ZIAF.mjs";
import {
  environmentFromText,
  failedReceipt,
  jsonLines,
  receiptInText,
  receiptJsonSchema,
  spawnProblem,
  strictJsonSchema,
  tail,
  verdictBeforeOutput,
  verdictFromReceipt,
  withoutNulls
} from "./chunk-R5VAHXD7.mjs";
import {
  relayCommandLine,
  relayPluginRoot
} from "./chunk-5AAKOZ27.mjs";
import {
  external_exports
} from "./chunk-3NNJAZC6.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";

// scripts/agents/claude.ts
var ResultMessage = external_exports.object({
  type: external_exports.literal("result"),
  subtype: external_exports.string().optional(),
  is_error: external_exports.boolean().optional(),
  result: external_exports.string().optional(),
  session_id: external_exports.string().optional(),
  num_turns: external_exports.number().optional(),
  duration_ms: external_exports.number().optional(),
  total_cost_usd: external_exports.number().optional(),
  structured_output: external_exports.unknown().optional()
}).passthrough();
function workerArgs(prompt, config, jsonSchema) {
  const args = ["-p", prompt, "--output-format", "json", "--json-schema", jsonSchema, "--permission-mode", config.permission_mode ?? "acceptEdits"];
  if (config.max_turns) args.push("--max-turns", String(config.max_turns));
  if (config.max_budget_usd) args.push("--max-budget-usd", String(config.max_budget_usd));
  if (config.model) args.push("--model", config.model);
  if (config.allowed_tools?.length) args.push("--allowedTools", ...config.allowed_tools);
  return args;
}
function parseResultMessage(stdout) {
  const candidates = [stdout.trim(), ...stdout.trim().split("\n").reverse()];
  for (const text of candidates) {
    if (!text.startsWith("{")) continue;
    try {
      const parsed = ResultMessage.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
    }
  }
  return void 0;
}
var HINTS = { login: "run claude and /login, or set ANTHROPIC_API_KEY", endpoint: "ANTHROPIC_BASE_URL" };
function environmentProblem(run, message, command = "claude") {
  if (run.spawnError) return spawnProblem(run.spawnError, command, "install Claude Code, or set relay.executor in .agents.yml");
  const said = `${message?.is_error ? message.result ?? "" : ""}
${run.stderr}`;
  if (!message?.is_error && !run.stderr) return void 0;
  const status = typeof message?.api_error_status === "number" ? message.api_error_status : void 0;
  return environmentFromText(said, tail(message?.result ?? run.stderr, 160), HINTS, status);
}
function tokensOf(message) {
  const usage = message?.usage;
  if (typeof usage?.input_tokens !== "number" || typeof usage.output_tokens !== "number") return null;
  const cached = typeof usage.cache_read_input_tokens === "number" ? usage.cache_read_input_tokens : null;
  return { input: usage.input_tokens + (cached ?? 0), output: usage.output_tokens, cached };
}
function classifyWorkerRun(run, timeoutMinutes, command = "claude") {
  const message = parseResultMessage(run.stdout);
  const facts = {
    session_id: message?.session_id ?? null,
    total_cost_usd: message?.total_cost_usd ?? null,
    num_turns: message?.num_turns ?? null,
    tokens: tokensOf(message)
  };
  const early = verdictBeforeOutput(run, facts, timeoutMinutes, environmentProblem(run, message, command));
  if (early) return early;
  const fail = (receipt) => ({ ...facts, duration_ms: run.durationMs, result: "failure", receipt });
  if (!message) return fail(failedReceipt("cli_error", `the worker exited with code ${run.exitCode} and printed no result${run.stderr.trim() ? `: ${tail(run.stderr)}` : ""}`));
  if (message.subtype === "error_max_budget_usd") return fail(failedReceipt("cli_error", "the worker stopped at its budget cap (--max-budget-usd)", { suggestion: "Do less per attempt or raise relay.max_budget_usd." }));
  if (message.subtype === "error_max_turns") return fail(failedReceipt("cli_error", "the worker ran out of turns (--max-turns)", { suggestion: "Do less per attempt or raise relay.max_turns." }));
  if (message.is_error) return fail(failedReceipt("cli_error", `the worker reported an error (${message.subtype ?? "is_error"}): ${tail(message.result ?? run.stderr)}`));
  if (run.exitCode !== 0) return fail(failedReceipt("cli_error", `the worker exited with code ${run.exitCode}: ${tail(run.stderr || (message.result ?? ""))}`));
  if (message.structured_output === void 0 || message.structured_output === null) {
    return fail(failedReceipt("cli_error", "the worker finished without a receipt (no StructuredOutput call)", { suggestion: "End by calling StructuredOutput with the receipt." }));
  }
  return verdictFromReceipt(facts, run.durationMs, message.structured_output);
}
var READ_ONLY = ["--disallowedTools", "Edit Write MultiEdit NotebookEdit Bash"];
function claudeAgent(config) {
  const [command, ...prefix] = config.executor ?? ["claude"];
  const run = (args, r) => runProcess(command, [...prefix, ...args], { cwd: r.cwd, env: r.env, timeoutMs: r.timeoutMs, signal: r.signal, mark: r.mark, onSpawn: r.onSpawn });
  return {
    name: "claude",
    async runTask(r) {
      const pluginDir = relayPluginRoot();
      const args = [...workerArgs(r.prompt, config, receiptJsonSchema()), ...pluginDir ? ["--plugin-dir", pluginDir] : []];
      const env = pluginDir ? { ...r.env, RELAY_PLUGIN_ROOT: pluginDir } : r.env;
      return classifyWorkerRun(await run(args, { ...r, env }), r.timeoutMs / 6e4, command);
    },
    async ask(r, jsonSchema) {
      const args = ["-p", r.prompt, "--output-format", "json", "--json-schema", jsonSchema, ...READ_ONLY];
      if (config.model) args.push("--model", config.model);
      return parseResultMessage((await run(args, r)).stdout)?.structured_output;
    }
  };
}

// scripts/agents/codex-worker.ts
var HINTS2 = { login: "run codex login, or set OPENAI_API_KEY", endpoint: "the model provider in ~/.codex/config.toml" };
var WORKER_HOOKS_ENV = "RELAY_WORKER_HOOKS";
var tomlString = (s) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
function inlineHookArgs(commandFor) {
  return codexHooks.events.flatMap((event) => ["-c", `hooks.${event}=[{hooks=[{type="command",command=${tomlString(commandFor(event))},timeout=10}]}]`]);
}
function readCodexStream(stdout) {
  let session = null;
  let tokens = null;
  let finalMessage;
  let failure;
  for (const event of jsonLines(stdout)) {
    if (event.type === "thread.started" && typeof event.thread_id === "string") session = event.thread_id;
    if (event.type === "turn.completed") {
      const usage = event.usage ?? {};
      tokens = {
        input: (tokens?.input ?? 0) + (usage.input_tokens ?? 0),
        output: (tokens?.output ?? 0) + (usage.output_tokens ?? 0),
        cached: (tokens?.cached ?? 0) + (usage.cached_input_tokens ?? 0)
      };
    }
    if (event.type === "turn.failed") failure = String(event.error?.message ?? "turn failed");
    if (event.type === "error" && failure === void 0) failure = String(event.message ?? "error");
    const item = event.item;
    if (event.type === "item.completed" && item?.type === "agent_message" && typeof item.text === "string") finalMessage = item.text;
  }
  return { facts: { session_id: session, total_cost_usd: null, num_turns: null, tokens }, finalMessage, failure };
}
function apiMessage(failure) {
  try {
    const body = JSON.parse(failure);
    if (typeof body.error?.message === "string") return body.error.message;
  } catch {
  }
  return failure;
}
function classifyCodexRun(run, timeoutMinutes, command = "codex") {
  const stream = readCodexStream(run.stdout);
  const said = `${stream.failure ?? ""}
${run.exitCode === 0 ? "" : run.stderr}`;
  const environment = spawnProblem(run.spawnError, command, "npm install -g @openai/codex") ?? (stream.failure || run.exitCode ? environmentFromText(said, tail(stream.failure ?? run.stderr, 160), HINTS2) : void 0);
  const early = verdictBeforeOutput(run, stream.facts, timeoutMinutes, environment);
  if (early) return early;
  const fail = (summary, suggestion) => ({ ...stream.facts, duration_ms: run.durationMs, result: "failure", receipt: failedReceipt("cli_error", summary, suggestion ? { suggestion } : {}) });
  if (stream.failure) return fail(`codex reported a failed turn: ${tail(apiMessage(stream.failure))}`);
  if (run.exitCode !== 0) return fail(`codex exited with code ${run.exitCode}: ${tail(run.stderr)}`);
  if (stream.finalMessage === void 0) return fail("codex finished without a final message (no receipt)", "End with the receipt as the final message.");
  let value;
  try {
    value = JSON.parse(stream.finalMessage);
  } catch {
    return fail(`codex's final message is not the JSON receipt: ${tail(stream.finalMessage, 200)}`, "End with the receipt as JSON, nothing else.");
  }
  return verdictFromReceipt(stream.facts, run.durationMs, withoutNulls(value));
}
function codexAgent(config) {
  const exec = (r, jsonSchema, sandbox, extra = []) => runProcessWithFile("codex", strictJsonSchema(jsonSchema), (schemaFile) => ["exec", "--json", "--output-schema", schemaFile, "-s", sandbox, "--skip-git-repo-check", ...extra, ...config.model ? ["-m", config.model] : [], r.prompt], {
    cwd: r.cwd,
    env: r.env,
    timeoutMs: r.timeoutMs,
    signal: r.signal,
    mark: r.mark,
    onSpawn: r.onSpawn
  });
  return {
    name: "codex",
    async runTask(r) {
      const hooks = ["--dangerously-bypass-hook-trust", ...inlineHookArgs((event) => relayCommandLine(`hook --agent codex --worker ${event}`))];
      const run = await exec({ ...r, env: { ...r.env, [WORKER_HOOKS_ENV]: "codex" } }, receiptJsonSchema(), "workspace-write", hooks);
      return classifyCodexRun(run, r.timeoutMs / 6e4);
    },
    async ask(r, jsonSchema) {
      const { finalMessage } = readCodexStream((await exec(r, jsonSchema, "read-only")).stdout);
      try {
        return finalMessage === void 0 ? void 0 : withoutNulls(JSON.parse(finalMessage));
      } catch {
        return void 0;
      }
    }
  };
}

// scripts/agents/gemini-worker.ts
import { randomUUID } from "node:crypto";
var HINTS3 = { login: "run gemini once to log in, or set GEMINI_API_KEY", endpoint: "GOOGLE_GEMINI_BASE_URL" };
var EXIT_AUTH = 41;
var EXIT_CONFIG = 52;
function answerInstruction(jsonSchema) {
  return `

When you are done, end your final message with one fenced \`\`\`json block holding a single JSON object that matches this JSON Schema (nothing after it):
${jsonSchema}`;
}
function readGeminiStream(stdout) {
  let session = null;
  let finalMessage = "";
  let failure;
  let tokens = null;
  for (const event of jsonLines(stdout)) {
    if (event.type === "init" && typeof event.session_id === "string") session = event.session_id;
    if (event.type === "tool_use" || event.type === "tool_result") finalMessage = "";
    if (event.type === "message" && event.role === "assistant" && typeof event.content === "string") finalMessage += event.content;
    if (event.type === "error" && event.severity === "error" && typeof event.message === "string") failure ??= event.message;
    if (event.type === "result") {
      if (event.status === "error") failure = String(event.error?.message ?? "error");
      const stats = event.stats ?? {};
      if (typeof stats.input_tokens === "number" && typeof stats.output_tokens === "number") {
        tokens = { input: stats.input_tokens, output: stats.output_tokens, cached: typeof stats.cached === "number" ? stats.cached : null };
      }
    }
  }
  return { facts: { session_id: session, total_cost_usd: null, num_turns: null, tokens }, finalMessage, failure };
}
function environmentOf(run, stream) {
  const missing = spawnProblem(run.spawnError, "gemini", "npm install -g @google/gemini-cli");
  if (missing) return missing;
  if (run.exitCode === 0 || run.exitCode === null) return void 0;
  const said = `${stream.failure ?? ""}
${run.stderr}`;
  const quote = tail(stream.failure ?? run.stderr, 160);
  if (run.exitCode === EXIT_AUTH) return { kind: "not_logged_in", message: `gemini is not logged in (${quote}): ${HINTS3.login}; then relay work resumes` };
  if (run.exitCode === EXIT_CONFIG) return { kind: "bad_config", message: `gemini rejected its configuration (${quote}): fix ~/.gemini/settings.json or .gemini/settings.json` };
  return environmentFromText(said, quote, HINTS3);
}
function classifyGeminiRun(run, timeoutMinutes) {
  const stream = readGeminiStream(run.stdout);
  const early = verdictBeforeOutput(run, stream.facts, timeoutMinutes, environmentOf(run, stream));
  if (early) return { verdict: early };
  const fail = (summary) => ({ ...stream.facts, duration_ms: run.durationMs, result: "failure", receipt: failedReceipt("cli_error", summary) });
  if (stream.failure) return { verdict: fail(`gemini reported an error: ${tail(stream.failure)}`) };
  if (run.exitCode !== 0) return { verdict: fail(`gemini exited with code ${run.exitCode}: ${tail(run.stderr)}`) };
  const value = receiptInText(stream.finalMessage);
  const verdict = verdictFromReceipt(stream.facts, run.durationMs, withoutNulls(value));
  if (value === void 0) {
    const problem = "your final message held no JSON receipt";
    return { verdict: fail(`gemini finished without a receipt (${tail(stream.finalMessage, 160) || "no final message"})`), correct: problem };
  }
  const invalid = verdict.receipt?.summary.startsWith("the worker's receipt is invalid") ? verdict.receipt.summary : void 0;
  return invalid ? { verdict, correct: invalid } : { verdict };
}
function addFacts(a, b) {
  const tokens = a.tokens && b.tokens ? { input: a.tokens.input + b.tokens.input, output: a.tokens.output + b.tokens.output, cached: (a.tokens.cached ?? 0) + (b.tokens.cached ?? 0) } : a.tokens ?? b.tokens ?? null;
  return { session_id: a.session_id ?? b.session_id, total_cost_usd: null, num_turns: null, tokens };
}
function geminiAgent(config) {
  const run = (r, args, timeoutMs = r.timeoutMs) => runProcess("gemini", [...args, "--output-format", "stream-json", "--skip-trust", ...config.model ? ["-m", config.model] : []], {
    cwd: r.cwd,
    env: { ...r.env, GEMINI_CLI_TRUST_WORKSPACE: "true" },
    timeoutMs,
    signal: r.signal,
    mark: r.mark,
    onSpawn: r.onSpawn
  });
  return {
    name: "gemini",
    async prepare(root) {
      if (installedEvents("gemini", root).length) return void 0;
      const { file } = await installAgentHooks("gemini", root);
      return `relay's hooks are now in ${file}, so the Gemini workers' tool calls reach the event ledger`;
    },
    async runTask(r) {
      const session = randomUUID();
      const first = await run(r, ["-p", r.prompt + answerInstruction(receiptJsonSchema()), "--approval-mode", "yolo", "--session-id", session]);
      const judged = classifyGeminiRun(first, r.timeoutMs / 6e4);
      const left = r.timeoutMs - first.durationMs;
      if (!judged.correct || left <= 0 || r.signal?.aborted) return judged.verdict;
      const prompt = `${judged.correct}. Do not change any file. Reply with only the receipt for the work you just did.${answerInstruction(receiptJsonSchema())}`;
      const second = await run(r, ["-p", prompt, "--approval-mode", "plan", "--resume", session], left);
      const retried = classifyGeminiRun(second, r.timeoutMs / 6e4).verdict;
      return { ...retried, ...addFacts(judged.verdict, retried), duration_ms: first.durationMs + second.durationMs };
    },
    async ask(r, jsonSchema) {
      const { finalMessage } = readGeminiStream((await run(r, ["-p", r.prompt + answerInstruction(jsonSchema), "--approval-mode", "plan"])).stdout);
      return withoutNulls(receiptInText(finalMessage));
    }
  };
}

// scripts/agents/agent.ts
var AGENTS = {
  claude: claudeAgent,
  codex: codexAgent,
  gemini: geminiAgent
};
var WORKER_AGENTS = Object.keys(AGENTS);
function workerAgent(config, name = config.agent ?? "claude") {
  const make = Object.hasOwn(AGENTS, name) ? AGENTS[name] : void 0;
  if (!make) throw new RelayError(`unknown worker agent "${name}" (${config.agent === name ? ".agents.yml relay.agent" : "--agent"}): use one of ${WORKER_AGENTS.join(", ")}`, 2);
  return make(config);
}

export {
  workerAgent
};
