import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  agentsOsDir,
  eventLedgerFile,
  safeSegment
} from "./chunk-CPXVIHDN.mjs";
import {
  appendLine,
  redactValue
} from "./chunk-FOMAKOLI.mjs";

// scripts/hooks/context.ts
import { existsSync as existsSync2 } from "node:fs";

// scripts/adapters/event-ledger.ts
import { randomUUID } from "node:crypto";

// scripts/core/events/events.ts
function eventDay(timestamp) {
  return timestamp.slice(0, 10);
}

// scripts/adapters/event-ledger.ts
function appendEvent(root, event) {
  const timestamp = event.timestamp ?? (/* @__PURE__ */ new Date()).toISOString();
  const line = redactValue({ ...event, id: randomUUID(), timestamp, agent: safeSegment(event.agent, "unknown") });
  appendLine(eventLedgerFile(root, line.agent, eventDay(timestamp)), JSON.stringify(line));
  return line;
}

// scripts/adapters/project.ts
import { existsSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
function findProjectRoot(cwd = process.cwd(), env = process.env) {
  const forced = env.RELAY_PROJECT_DIR || env.CLAUDE_PROJECT_DIR;
  if (forced) return resolve(forced);
  let dir = resolve(cwd);
  for (; ; ) {
    if (existsSync(agentsOsDir(dir)) || existsSync(join(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(cwd);
    dir = parent;
  }
}

// scripts/hooks/context.ts
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
  if (!env.RELAY_TASK_ID && !existsSync2(agentsOsDir(root))) return void 0;
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
  eventDay,
  text,
  hookContext,
  record
};
