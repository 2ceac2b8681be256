import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  WorkerReceipt
} from "./chunk-QMNJTYV7.mjs";
import {
  external_exports
} from "./chunk-3NNJAZC6.mjs";

// scripts/core/epic/worker.ts
function environmentFromText(said, quote, hints, status) {
  if (/ENOSPC|no space left on device/i.test(said)) return { kind: "disk_full", message: `the disk is full (${quote}): free some space, then run relay work again` };
  if (status === 401 || status === 403 || /invalid api key|not logged in|please run \/login|oauth token (has )?expired|authentication_error|unauthorized|UNAUTHENTICATED|PERMISSION_DENIED|missing environment variable/i.test(said)) {
    return { kind: "not_logged_in", message: `the worker is not logged in (${quote}): ${hints.login}; then relay work resumes` };
  }
  if (status === 429 || status === 529 || status === 503 || /rate.limit|overloaded|RESOURCE_EXHAUSTED|too many requests|\b429\b/i.test(said)) return { kind: "rate_limited", message: `the model API is rate-limited or overloaded (${quote})` };
  if (/unable to connect to api|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|connection error|error sending request|stream disconnected|fetch failed/i.test(said)) {
    return { kind: "api_unreachable", message: `the model API cannot be reached (${quote}): check the network or ${hints.endpoint}` };
  }
  return void 0;
}
function spawnProblem(spawnError, command, install) {
  if (!spawnError) return void 0;
  if (/ENOENT/.test(spawnError)) return { kind: "executor_missing", message: `${command} not found on PATH: ${install}` };
  if (/EACCES/.test(spawnError)) return { kind: "bad_config", message: `${command} cannot be run (permission denied): check the install or relay.executor in .agents.yml` };
  return void 0;
}
function tail(text, max = 400) {
  const t = text.trim();
  return t.length > max ? `\u2026${t.slice(-max)}` : t;
}
function jsonLines(stdout) {
  const lines = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const value = JSON.parse(line);
      if (value && typeof value === "object" && !Array.isArray(value)) lines.push(value);
    } catch {
    }
  }
  return lines;
}
function isTransient(problem) {
  return problem.kind === "rate_limited" || problem.kind === "api_unreachable";
}
function toolJsonSchema(schema) {
  const { $schema: _draft, ...rest } = external_exports.toJSONSchema(schema, { io: "input" });
  return JSON.stringify(rest);
}
function receiptJsonSchema() {
  return toolJsonSchema(WorkerReceipt);
}
function failedReceipt(category, summary, extra = {}) {
  return { status: "failure", summary, files_changed: [], pattern_tags: [], quality_gate_findings: [], error_category: category, error_summary: summary, ...extra };
}
function verdictBeforeOutput(run, facts, timeoutMinutes, environment) {
  const base = { ...facts, duration_ms: run.durationMs };
  if (run.interrupted) return { ...base, result: "interrupted", receipt: null };
  if (environment) return { ...base, result: "interrupted", receipt: null, environment };
  const fail = (receipt) => ({ ...base, result: "failure", receipt });
  if (run.spawnError) return fail(failedReceipt("cli_error", `the worker could not start: ${run.spawnError}`, { suggestion: "Check relay.executor in .agents.yml and that the CLI is installed." }));
  if (run.timedOut) return fail(failedReceipt("timeout", `the worker ran past the ${timeoutMinutes}-minute timeout and was killed`, { suggestion: "Split the task or do less per attempt; commit partial progress early." }));
  return void 0;
}
function verdictFromReceipt(facts, durationMs, value) {
  const base = { ...facts, duration_ms: durationMs };
  const parsed = WorkerReceipt.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ...base, result: "failure", receipt: failedReceipt("cli_error", `the worker's receipt is invalid: ${issue.path.join(".") || "(root)"}: ${issue.message}`) };
  }
  const receipt = { ...parsed.data, quality_gate_findings: [] };
  if (receipt.status === "failure") {
    return { ...base, result: "failure", receipt: { ...receipt, error_category: receipt.error_category ?? "code_error", error_summary: receipt.error_summary ?? receipt.summary } };
  }
  return { ...base, result: "success", receipt };
}
function strictNode(node) {
  const { default: _default, ...rest } = node;
  if (rest.items) rest.items = strictNode(rest.items);
  if (!rest.properties) return rest;
  const required = new Set(rest.required ?? []);
  const properties = Object.fromEntries(
    Object.entries(rest.properties).map(([key, prop]) => {
      const strict = strictNode(prop);
      return [key, required.has(key) ? strict : { anyOf: [strict, { type: "null" }] }];
    })
  );
  return { ...rest, properties, required: Object.keys(properties), additionalProperties: false };
}
function strictJsonSchema(json) {
  return JSON.stringify(strictNode(JSON.parse(json)));
}
function withoutNulls(value) {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}
function receiptInText(text) {
  const fenced = [...text.matchAll(/```(?:json)?\s*\n([\s\S]*?)```/g)].map((m) => m[1]);
  const candidates = [...fenced.reverse(), text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)];
  for (const candidate of candidates) {
    try {
      const value = JSON.parse(candidate.trim());
      if (value && typeof value === "object" && !Array.isArray(value)) return value;
    } catch {
    }
  }
  return void 0;
}

export {
  environmentFromText,
  spawnProblem,
  tail,
  jsonLines,
  isTransient,
  toolJsonSchema,
  receiptJsonSchema,
  failedReceipt,
  verdictBeforeOutput,
  verdictFromReceipt,
  strictJsonSchema,
  withoutNulls,
  receiptInText
};
