import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  hookContext,
  record,
  text
} from "./hook-chunks/chunk-HU4GBKGQ.mjs";
import "./hook-chunks/chunk-CPXVIHDN.mjs";
import {
  redact,
  truncate
} from "./hook-chunks/chunk-FOMAKOLI.mjs";
import "./hook-chunks/chunk-VED6ZBSN.mjs";

// scripts/hook.ts
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

// scripts/hooks/run.ts
import { fstatSync, readSync } from "node:fs";

// scripts/hooks/tool-use.ts
import { isAbsolute, relative } from "node:path";
var OUTPUT_CHARS = 2048;
var COMMAND_CHARS = 2e3;
var SUMMARY_TARGET_CHARS = 120;
function excerpt(value, max) {
  const s = text(value);
  return s === void 0 ? void 0 : truncate(redact(s), max);
}
function fields(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}
function projectPath(root, path) {
  const rel = relative(root, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}
var KINDS = {
  Bash: "shell",
  exec_command: "shell",
  run_shell_command: "shell",
  shell: "shell",
  Write: "write",
  write_file: "write",
  Edit: "edit",
  MultiEdit: "edit",
  NotebookEdit: "edit",
  replace: "edit",
  apply_patch: "edit",
  Read: "read",
  read_file: "read",
  read_many_files: "read",
  Grep: "search",
  Glob: "search",
  search_file_content: "search",
  glob: "search",
  WebFetch: "web",
  WebSearch: "web",
  web_fetch: "web",
  google_web_search: "web",
  Task: "agent",
  // Copilot CLI's own names
  bash: "shell",
  create: "write",
  edit: "edit",
  view: "read",
  str_replace_editor: "edit"
};
function exitCodeOf(error) {
  const match = /^Exit code (\d+)/.exec(error ?? "");
  return match ? Number(match[1]) : void 0;
}
function onToolUse(ctx) {
  const { payload } = ctx;
  const tool = text(payload.tool_name) ?? "unknown";
  const input = fields(payload.tool_input);
  const response = fields(payload.tool_response);
  const failed = ctx.hookEvent === "PostToolUseFailure";
  const error = failed ? text(payload.error) ?? "failed" : void 0;
  const interrupted = payload.is_interrupt === true || response.interrupted === true;
  const exitCode = exitCodeOf(error);
  const rawPath = text(input.file_path) ?? text(input.notebook_path);
  const filePath = rawPath && projectPath(ctx.root, redact(rawPath));
  const command = excerpt(input.command, COMMAND_CHARS);
  const callFacts = {
    tool,
    kind: KINDS[tool] ?? "other",
    ...text(payload.tool_use_id) ? { tool_use_id: payload.tool_use_id } : {},
    ...filePath ? { file_path: filePath } : {},
    ...command ? { command } : {},
    ...exitCode !== void 0 ? { exit_code: exitCode } : {},
    interrupted
  };
  const status = interrupted ? "interrupted" : exitCode !== void 0 ? `exit ${exitCode}` : failed ? "failed" : "ok";
  const what = `${tool} ${truncate(filePath ?? command ?? "", SUMMARY_TARGET_CHARS)}`.trim();
  const bashOutput = KINDS[tool] === "shell" && !failed ? { stdout: excerpt(response.stdout, OUTPUT_CHARS) ?? "", stderr: excerpt(response.stderr, OUTPUT_CHARS) ?? "" } : {};
  record(ctx, "tool_use", `${what} (${status})`, {
    ...callFacts,
    ok: !failed && !interrupted,
    duration_ms: typeof payload.duration_ms === "number" ? payload.duration_ms : null,
    ...text(input.description) ? { description: excerpt(input.description, 200) } : {},
    ...bashOutput
  });
  if (failed) record(ctx, "error", `${what} failed (${status})`, { ...callFacts, error: excerpt(error, OUTPUT_CHARS) });
  return void 0;
}

// scripts/hooks/run.ts
var MAX_STDIN_BYTES = 8 * 1024 * 1024;
var HANDLERS = /* @__PURE__ */ new Map([
  ["PostToolUse", async () => onToolUse],
  ["PostToolUseFailure", async () => onToolUse],
  ["SessionStart", async () => (await import("./hook-chunks/session-start-V4RSQLCD.mjs")).onSessionStart],
  ["UserPromptSubmit", async () => (await import("./hook-chunks/user-prompt-NTRC5IGI.mjs")).onUserPrompt],
  ["Stop", async () => (await import("./hook-chunks/stop-NYQ67R26.mjs")).onStop],
  ["SubagentStop", async () => (await import("./hook-chunks/stop-NYQ67R26.mjs")).onStop],
  ["StopFailure", async () => (await import("./hook-chunks/stop-NYQ67R26.mjs")).onStop],
  ["PreCompact", async () => (await import("./hook-chunks/pre-compact-J5BMBHAF.mjs")).onPreCompact],
  ["SessionEnd", async () => (await import("./hook-chunks/session-end-HZ4FU6OR.mjs")).onSessionEnd]
]);
var HOOK_EVENTS = [...HANDLERS.keys()];
var SLEEP = new Int32Array(new SharedArrayBuffer(4));
function readStdin() {
  if (fstatSync(0).isCharacterDevice()) return "";
  const chunks = [];
  const buffer = Buffer.allocUnsafe(64 * 1024);
  let size = 0;
  for (; ; ) {
    let n;
    try {
      n = readSync(0, buffer, 0, buffer.length, null);
    } catch (err) {
      const code = err.code;
      if (code === "EOF") break;
      if (code !== "EAGAIN") throw err;
      Atomics.wait(SLEEP, 0, 0, 2);
      continue;
    }
    if (n === 0) break;
    size += n;
    if (size > MAX_STDIN_BYTES) throw new Error(`stdin is larger than ${MAX_STDIN_BYTES} bytes; ignored`);
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString("utf8");
}
function parsePayload(raw) {
  if (!raw.trim()) throw new Error("stdin is empty; expected the hook payload as JSON");
  let value;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error(`stdin is not JSON (${raw.length} bytes)`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("stdin is JSON but not an object");
  return value;
}
async function handleHook(hookEvent, payload, env) {
  const load = HANDLERS.get(hookEvent);
  if (!load) throw new Error(`unknown hook event "${hookEvent}"; ignored`);
  const ctx = hookContext(hookEvent, { ...payload, hook_event_name: hookEvent }, env);
  return ctx && (await load())(ctx);
}
async function handleAgentHook(agent, hookEvent, payload, env) {
  const { DIALECTS, dialectFor } = await import("./hook-chunks/dialect-KKAF6FQ2.mjs");
  const dialect = dialectFor(agent);
  if (!dialect) throw new Error(`--agent: no hook dialect for "${agent}" (known: ${Object.keys(DIALECTS).join(", ")}); Claude Code needs no --agent`);
  const translated = dialect.translate(hookEvent, payload);
  if (!translated) return void 0;
  return dialect.answer(hookEvent, await handleHook(translated.event, translated.payload, env));
}
async function runHook(eventArg, agent, worker = false) {
  if (agent && !worker && process.env.RELAY_WORKER_HOOKS === agent) return;
  let hookEvent = eventArg ?? "";
  try {
    const payload = parsePayload(readStdin());
    hookEvent ||= text(payload.hook_event_name) ?? "";
    if (!hookEvent) throw new Error("the payload has no hook_event_name; pass the event: relay hook <EventName>");
    const output = agent ? await handleAgentHook(agent, hookEvent, payload, process.env) : await handleHook(hookEvent, payload, process.env);
    if (output) process.stdout.write(`${JSON.stringify(output)}
`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`relay hook${hookEvent ? ` ${hookEvent}` : ""}: ${redact(message).split("\n")[0]}
`);
  }
}

// scripts/hook.ts
function exit(problem) {
  if (problem !== void 0) process.stderr.write(`relay hook: ${problem instanceof Error ? problem.message : String(problem)}
`);
  process.exit(0);
}
process.on("uncaughtException", exit);
process.on("unhandledRejection", exit);
var recordedBy = process.env.RELAY_PLUGIN_ROOT;
if (recordedBy && dirname(dirname(fileURLToPath(import.meta.url))) !== recordedBy) exit();
await runHook();
exit();
