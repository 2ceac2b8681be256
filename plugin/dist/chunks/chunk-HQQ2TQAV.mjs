import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  appendEvent
} from "./chunk-BCWZON6A.mjs";
import {
  findProjectRoot
} from "./chunk-5AAKOZ27.mjs";
import {
  agentsOsDir,
  safeSegment
} from "./chunk-AV66IWWN.mjs";

// scripts/hooks/context.ts
import { existsSync } from "node:fs";
function text(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function agentName(payload, env) {
  if (typeof payload.agent_type === "string") return payload.agent_type ? safeSegment(payload.agent_type) : void 0;
  if (payload.hook_event_name === "SubagentStop") return void 0;
  return env.RELAY_TASK_ID ? "relay-worker" : "claude";
}
function hookContext(hookEvent, payload, env) {
  const agent = agentName(payload, env);
  if (!agent) return void 0;
  const root = findProjectRoot(text(payload.cwd) ?? process.cwd(), env);
  if (!env.RELAY_TASK_ID && !existsSync(agentsOsDir(root))) return void 0;
  const attempt = Number(env.RELAY_ATTEMPT);
  return {
    hookEvent,
    payload,
    root,
    agent,
    sessionId: text(payload.session_id),
    taskId: text(env.RELAY_TASK_ID),
    attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : void 0
  };
}
function record(ctx, event, summary, data) {
  return appendEvent(ctx.root, {
    agent: ctx.agent,
    event,
    ...ctx.taskId ? { task_id: ctx.taskId } : {},
    ...ctx.sessionId ? { session_id: ctx.sessionId } : {},
    source: `hook:${ctx.hookEvent}`,
    summary,
    data: ctx.attempt ? { ...data, attempt: ctx.attempt } : data
  });
}

export {
  text,
  hookContext,
  record
};
