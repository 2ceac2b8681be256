import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  runProcess
} from "./chunk-ZWANMXD7.mjs";
import {
  ReviewVerdict,
  failedReceipt,
  receiptJsonSchema,
  reviewJsonSchema
} from "./chunk-EWJVNYJJ.mjs";
import {
  relayPluginRoot
} from "./chunk-7NBSHMZE.mjs";
import {
  WorkerReceipt
} from "./chunk-F36T2232.mjs";
import {
  external_exports
} from "./chunk-R5CMOSTG.mjs";

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
function tail(text, max = 400) {
  const t = text.trim();
  return t.length > max ? `\u2026${t.slice(-max)}` : t;
}
function environmentProblem(run, message, command = "claude") {
  if (run.spawnError) {
    if (/ENOENT/.test(run.spawnError)) return { kind: "executor_missing", message: `${command} not found on PATH: install Claude Code, or set relay.executor in .agents.yml` };
    if (/EACCES/.test(run.spawnError)) return { kind: "bad_config", message: `${command} cannot be run (permission denied): fix relay.executor in .agents.yml` };
    return void 0;
  }
  const said = `${message?.is_error ? message.result ?? "" : ""}
${run.stderr}`;
  const status = typeof message?.api_error_status === "number" ? message.api_error_status : void 0;
  const quote = tail(message?.result ?? run.stderr, 160);
  if (/ENOSPC|no space left on device/i.test(said)) return { kind: "disk_full", message: `the disk is full (${quote}): free some space, then run relay work again` };
  if (!message?.is_error && !run.stderr) return void 0;
  if (status === 401 || status === 403 || /invalid api key|not logged in|please run \/login|oauth token (has )?expired|authentication_error/i.test(said)) {
    return { kind: "not_logged_in", message: `the worker is not logged in (${quote}): run claude and /login, or set ANTHROPIC_API_KEY; then relay work resumes` };
  }
  if (status === 429 || status === 529 || /rate.limit|overloaded/i.test(said)) return { kind: "rate_limited", message: `the model API is rate-limited or overloaded (${quote})` };
  if (/unable to connect to api|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|connection error/i.test(said)) {
    return { kind: "api_unreachable", message: `the model API cannot be reached (${quote}): check the network or ANTHROPIC_BASE_URL` };
  }
  return void 0;
}
function classifyWorkerRun(run, timeoutMinutes, command = "claude") {
  const message = parseResultMessage(run.stdout);
  const base = {
    session_id: message?.session_id ?? null,
    total_cost_usd: message?.total_cost_usd ?? null,
    num_turns: message?.num_turns ?? null,
    duration_ms: run.durationMs
  };
  const fail = (receipt2) => ({ ...base, result: "failure", receipt: receipt2 });
  if (run.interrupted) return { ...base, result: "interrupted", receipt: null };
  const environment = environmentProblem(run, message, command);
  if (environment) return { ...base, result: "interrupted", receipt: null, environment };
  if (run.spawnError) return fail(failedReceipt("cli_error", `the worker could not start: ${run.spawnError}`, { suggestion: "Check relay.executor in .agents.yml and that the CLI is installed." }));
  if (run.timedOut) return fail(failedReceipt("timeout", `the worker ran past the ${timeoutMinutes}-minute timeout and was killed`, { suggestion: "Split the task or do less per attempt; commit partial progress early." }));
  if (!message) return fail(failedReceipt("cli_error", `the worker exited with code ${run.exitCode} and printed no result${run.stderr.trim() ? `: ${tail(run.stderr)}` : ""}`));
  if (message.subtype === "error_max_budget_usd") return fail(failedReceipt("cli_error", "the worker stopped at its budget cap (--max-budget-usd)", { suggestion: "Do less per attempt or raise relay.max_budget_usd." }));
  if (message.subtype === "error_max_turns") return fail(failedReceipt("cli_error", "the worker ran out of turns (--max-turns)", { suggestion: "Do less per attempt or raise relay.max_turns." }));
  if (message.is_error) return fail(failedReceipt("cli_error", `the worker reported an error (${message.subtype ?? "is_error"}): ${tail(message.result ?? run.stderr)}`));
  if (run.exitCode !== 0) return fail(failedReceipt("cli_error", `the worker exited with code ${run.exitCode}: ${tail(run.stderr || (message.result ?? ""))}`));
  if (message.structured_output === void 0 || message.structured_output === null) {
    return fail(failedReceipt("cli_error", "the worker finished without a receipt (no StructuredOutput call)", { suggestion: "End by calling StructuredOutput with the receipt." }));
  }
  const parsed = WorkerReceipt.safeParse(message.structured_output);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(failedReceipt("cli_error", `the worker's receipt is invalid: ${issue.path.join(".") || "(root)"}: ${issue.message}`));
  }
  const receipt = { ...parsed.data, quality_gate_findings: [] };
  if (receipt.status === "failure") {
    return fail({ ...receipt, error_category: receipt.error_category ?? "code_error", error_summary: receipt.error_summary ?? receipt.summary });
  }
  return { ...base, result: "success", receipt };
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
    },
    async review(r) {
      const parsed = ReviewVerdict.safeParse(await this.ask(r, reviewJsonSchema()));
      if (parsed.success) return parsed.data;
      return { verdict: "NEEDS CHANGES", findings: ["the reviewer returned no valid verdict"] };
    }
  };
}

// scripts/agents/agent.ts
var AGENTS = {
  claude: claudeAgent
};
function workerAgent(config, name = "claude") {
  const make = AGENTS[name];
  if (!make) throw new Error(`unknown worker agent "${name}" (relay knows ${Object.keys(AGENTS).join(", ")})`);
  return make(config);
}

export {
  workerAgent
};
