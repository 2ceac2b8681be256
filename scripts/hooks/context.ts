/**
 * What every hook handler starts from: the payload Claude Code sent, which agent fired it,
 * which project it belongs to, and whether relay records anything there at all.
 * On the PostToolUse hot path, so it imports node built-ins and the event ledger only.
 */
import { existsSync } from 'node:fs';
import type { EventLine, EventType } from '../core/events/events.ts';
import { agentsOsDir, safeSegment } from '../core/shared/paths.ts';
import { appendEvent } from '../adapters/event-ledger.ts';
import { findProjectRoot } from '../adapters/project.ts';

/** The fields every hook's stdin carries that relay reads; each event adds its own. */
export interface HookPayload {
  hook_event_name?: unknown;
  session_id?: unknown;
  cwd?: unknown;
  /** Set on SubagentStop and on every hook fired inside a subagent; "" for Claude Code's internal agents. */
  agent_type?: unknown;
  [field: string]: unknown;
}

export interface HookContext {
  hookEvent: string;
  payload: HookPayload;
  root: string;
  /** `relay-worker`, a subagent type, or `claude`. */
  agent: string;
  sessionId?: string;
  /** Set for relay workers (RELAY_TASK_ID, RELAY_ATTEMPT in the hook's environment). */
  taskId?: string;
  attempt?: number;
}

/** JSON for Claude Code to read from stdout (only SessionStart returns any). */
export type HookOutput = Record<string, unknown>;
export type HookHandler = (ctx: HookContext) => Promise<HookOutput | undefined> | HookOutput | undefined;

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The ledger an event belongs to, as a path-safe name (a plugin's agent type
 * `my-plugin:reviewer` logs as `my-plugin-reviewer`). A subagent's own type wins, so a
 * worker's subagents do not pass their stops off as the worker's task result; Claude Code's
 * internal agents (compaction runs one with an empty type) are nobody's: undefined.
 */
export function agentName(payload: HookPayload, env: NodeJS.ProcessEnv): string | undefined {
  if (typeof payload.agent_type === 'string') return payload.agent_type ? safeSegment(payload.agent_type) : undefined;
  if (payload.hook_event_name === 'SubagentStop') return undefined;
  return env.RELAY_TASK_ID ? 'relay-worker' : 'claude';
}

/**
 * The context for one hook run, or undefined when relay stays out: a project without
 * `.agents-os/` (and not a relay worker) gets nothing written, so installing the plugin
 * never litters unrelated repositories. `mkdir .agents-os` opts a project in.
 */
export function hookContext(hookEvent: string, payload: HookPayload, env: NodeJS.ProcessEnv): HookContext | undefined {
  const agent = agentName(payload, env);
  if (!agent) return undefined;
  const root = findProjectRoot(text(payload.cwd) ?? process.cwd(), env);
  if (!env.RELAY_TASK_ID && !existsSync(agentsOsDir(root))) return undefined;
  const attempt = Number(env.RELAY_ATTEMPT);
  return {
    hookEvent,
    payload,
    root,
    agent,
    sessionId: text(payload.session_id),
    taskId: text(env.RELAY_TASK_ID),
    attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : undefined,
  };
}

/** Appends one event for this hook run, tagged with its session, task and attempt. */
export function record(ctx: HookContext, event: EventType, summary: string, data: Record<string, unknown>): EventLine {
  return appendEvent(ctx.root, {
    agent: ctx.agent,
    event,
    ...(ctx.taskId ? { task_id: ctx.taskId } : {}),
    ...(ctx.sessionId ? { session_id: ctx.sessionId } : {}),
    source: `hook:${ctx.hookEvent}`,
    summary,
    data: ctx.attempt ? { ...data, attempt: ctx.attempt } : data,
  });
}
