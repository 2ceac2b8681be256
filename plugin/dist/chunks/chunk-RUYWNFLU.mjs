import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);

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

// scripts/agents/gemini.ts
var EVENTS = {
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
  events: Object.keys(EVENTS),
  translate(event, payload) {
    const mapped = EVENTS[event];
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
var DIALECTS = { codex: codexHooks, gemini: geminiHooks };
function dialectFor(name) {
  return Object.hasOwn(DIALECTS, name) ? DIALECTS[name] : void 0;
}

export {
  codexHooks,
  DIALECTS,
  dialectFor
};
