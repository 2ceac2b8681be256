/**
 * `.agents-os/agents/<agent>/status.json`: what an agent is doing now, for `relay status`,
 * dashboards and other agents. Written whole (temp, fsync, rename) so a reader never sees
 * half a file; concurrent hooks of one agent simply last-writer-win.
 */
import { join } from 'node:path';
import type { EventLine } from '../core/events.ts';
import { projectPaths, safeSegment } from '../core/paths.ts';
import { writeFileAtomic } from '../adapters/store.ts';
import type { HookContext } from './context.ts';

/** busy: working on a prompt; idle: waiting for one (or ended); error: the last turn died on an API error. */
export type AgentState = 'idle' | 'busy' | 'error';

export interface AgentStatus {
  agent: string;
  state: AgentState;
  updated_at: string;
  current_task: string | null;
  attempt: number | null;
  session_id: string | null;
  last_event: Pick<EventLine, 'id' | 'event' | 'summary' | 'timestamp'>;
}

export function agentStatusFile(root: string, agent: string): string {
  return join(projectPaths(root).agentsDir, safeSegment(agent), 'status.json');
}

export function writeAgentStatus(ctx: HookContext, state: AgentState, last: EventLine): void {
  const status: AgentStatus = {
    agent: ctx.agent,
    state,
    updated_at: last.timestamp,
    current_task: ctx.taskId ?? null,
    attempt: ctx.attempt ?? null,
    session_id: ctx.sessionId ?? null,
    last_event: { id: last.id, event: last.event, summary: last.summary, timestamp: last.timestamp },
  };
  writeFileAtomic(agentStatusFile(ctx.root, ctx.agent), `${JSON.stringify(status, null, 2)}\n`);
}
