import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  writeAgentStatus
} from "./chunk-IQDNE4NT.mjs";
import {
  record,
  text
} from "./chunk-HU4GBKGQ.mjs";
import "./chunk-CPXVIHDN.mjs";
import {
  redact,
  truncate
} from "./chunk-FOMAKOLI.mjs";
import "./chunk-VED6ZBSN.mjs";

// scripts/hooks/user-prompt.ts
var PROMPT_EXCERPT_CHARS = 200;
function onUserPrompt(ctx) {
  const prompt = text(ctx.payload.prompt) ?? "";
  const excerpt = truncate(redact(prompt), PROMPT_EXCERPT_CHARS);
  const line = record(ctx, "heartbeat", `prompt: ${truncate(excerpt.replace(/\s+/g, " "), 80)}`, {
    hook: "UserPromptSubmit",
    prompt: excerpt,
    prompt_chars: prompt.length
  });
  writeAgentStatus(ctx, "busy", line);
  return void 0;
}
export {
  onUserPrompt
};
