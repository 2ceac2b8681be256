import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  record,
  text
} from "./chunk-HQQ2TQAV.mjs";
import {
  writeAgentStatus
} from "./chunk-3AOP4IRD.mjs";
import "./chunk-BCWZON6A.mjs";
import {
  redact,
  truncate
} from "./chunk-OTZ4R5UM.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-JTFCDVB4.mjs";
import "./chunk-NZBZCSN3.mjs";

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
