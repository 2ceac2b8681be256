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

// scripts/hooks/stop.ts
var MESSAGE_EXCERPT_CHARS = 500;
function onStop(ctx) {
  const { payload, hookEvent } = ctx;
  const message = text(payload.last_assistant_message);
  const lastMessage = message === void 0 ? null : truncate(redact(message), MESSAGE_EXCERPT_CHARS);
  if (hookEvent === "StopFailure") {
    const error = text(payload.error) ?? "unknown";
    const line2 = record(ctx, "error", `turn failed: ${error}`, { hook: hookEvent, error, error_details: payload.error_details ?? null, last_message: lastMessage });
    writeAgentStatus(ctx, "error", line2);
    return void 0;
  }
  const common = { hook: hookEvent, stop_hook_active: payload.stop_hook_active === true, last_message: lastMessage };
  const line = hookEvent === "Stop" && ctx.taskId ? record(ctx, "task_result", `${ctx.taskId}${ctx.attempt ? ` attempt ${ctx.attempt}` : ""}: worker turn finished`, common) : record(ctx, "heartbeat", hookEvent === "SubagentStop" ? `subagent ${ctx.agent} finished` : "turn finished", {
    ...common,
    ...text(payload.agent_id) ? { agent_id: payload.agent_id } : {}
  });
  writeAgentStatus(ctx, "idle", line);
  return void 0;
}
export {
  onStop
};
