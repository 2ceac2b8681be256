import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import "./chunk-VED6ZBSN.mjs";

// scripts/agents/codex.ts
var RECORDED = /* @__PURE__ */ new Set(["SessionStart", "UserPromptSubmit", "PostToolUse", "Stop"]);
var codexHooks = {
  name: "codex",
  events: ["SessionStart", "UserPromptSubmit", "PostToolUse", "Stop"],
  translate(event, payload) {
    if (!RECORDED.has(event)) return null;
    const base = { ...payload, agent_type: "codex" };
    if (event === "PostToolUse" && typeof payload.tool_response === "string") {
      return { event, payload: { ...base, tool_response: { stdout: payload.tool_response } } };
    }
    return { event, payload: base };
  },
  // Codex documents additionalContext for prompts and tools, not for SessionStart: say nothing.
  answer: () => void 0
};

// scripts/agents/copilot.ts
var EVENTS = {
  sessionStart: "SessionStart",
  userPromptSubmitted: "UserPromptSubmit",
  postToolUse: "PostToolUse",
  postToolUseFailure: "PostToolUseFailure",
  agentStop: "Stop",
  errorOccurred: "StopFailure",
  sessionEnd: "SessionEnd"
};
function argsOf(raw) {
  if (typeof raw !== "string") return raw ?? {};
  try {
    return JSON.parse(raw);
  } catch {
    return { command: raw };
  }
}
var messageOf = (value) => typeof value === "string" ? value : typeof value?.message === "string" ? value.message : void 0;
var copilotHooks = {
  name: "copilot",
  events: Object.keys(EVENTS),
  translate(event, payload) {
    const mapped = EVENTS[event];
    if (!mapped) return null;
    const base = { ...payload, agent_type: "copilot", session_id: payload.sessionId ?? payload.session_id, transcript_path: payload.transcriptPath };
    if (event === "sessionStart") return { event: mapped, payload: { ...base, source: payload.source === "new" ? "startup" : payload.source } };
    if (event === "postToolUse" || event === "postToolUseFailure") {
      const result = payload.toolResult ?? {};
      const tool = { ...base, tool_name: payload.toolName, tool_input: argsOf(payload.toolArgs) };
      const failed = event === "postToolUseFailure" || result.resultType !== void 0 && result.resultType !== "success";
      return failed ? { event: "PostToolUseFailure", payload: { ...tool, error: messageOf(payload.error) ?? (typeof result.textResultForLlm === "string" ? result.textResultForLlm : "failed") } } : { event: mapped, payload: { ...tool, tool_response: { stdout: typeof result.textResultForLlm === "string" ? result.textResultForLlm : "" } } };
    }
    if (event === "errorOccurred") return { event: mapped, payload: { ...base, error: messageOf(payload.error) ?? "error" } };
    return { event: mapped, payload: base };
  },
  answer: () => void 0
};

// scripts/agents/gemini.ts
var EVENTS2 = {
  SessionStart: "SessionStart",
  BeforeAgent: "UserPromptSubmit",
  AfterTool: "PostToolUse",
  AfterAgent: "Stop",
  SessionEnd: "SessionEnd"
};
function textOf(value) {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((part) => typeof part === "string" ? part : part?.text ?? "").join("");
  return void 0;
}
var geminiHooks = {
  name: "gemini",
  events: Object.keys(EVENTS2),
  translate(event, payload) {
    const mapped = EVENTS2[event];
    if (!mapped) return null;
    const base = { ...payload, agent_type: "gemini" };
    if (event === "AfterTool") {
      const response = payload.tool_response ?? {};
      const output = textOf(response.returnDisplay) ?? textOf(response.llmContent) ?? "";
      const error = response.error === void 0 || response.error === null ? void 0 : textOf(response.error.message ?? response.error) ?? "failed";
      return error ? { event: "PostToolUseFailure", payload: { ...base, error } } : { event: mapped, payload: { ...base, tool_response: { stdout: output } } };
    }
    if (event === "AfterAgent") return { event: mapped, payload: { ...base, last_assistant_message: payload.prompt_response } };
    return { event: mapped, payload: base };
  },
  answer: (event, output) => event === "SessionStart" ? output : void 0
};

// scripts/agents/dialect.ts
var DIALECTS = { codex: codexHooks, gemini: geminiHooks, copilot: copilotHooks };
function dialectFor(name) {
  return Object.hasOwn(DIALECTS, name) ? DIALECTS[name] : void 0;
}
export {
  DIALECTS,
  dialectFor
};
