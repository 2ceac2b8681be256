/**
 * Owner of `.agents-os/agents/<agent>/status.json`: what an agent is doing now, for
 * `relay status`, dashboards and other agents. Written whole (temp, fsync, rename) so a
 * reader never sees half a file; concurrent hooks of one agent simply last-writer-win.
 */
import type { AgentState, AgentStatus, EventLine } from '../core/events/events.ts';
import { agentStatusFile } from '../core/shared/paths.ts';
import { writeFileAtomic } from './store.ts';

/** Who is reporting: the fields of a hook's context that status.json records. */
export interface StatusSource {
  root: string;
  agent: string;
  taskId?: string;
  attempt?: number;
  sessionId?: string;
}

export function writeAgentStatus(source: StatusSource, state: AgentState, last: EventLine): void {
  const status: AgentStatus = {
    agent: source.agent,
    state,
    updated_at: last.timestamp,
    current_task: source.taskId ?? null,
    attempt: source.attempt ?? null,
    session_id: source.sessionId ?? null,
    last_event: { id: last.id, event: last.event, summary: last.summary, timestamp: last.timestamp },
  };
  writeFileAtomic(agentStatusFile(source.root, source.agent), `${JSON.stringify(status, null, 2)}\n`);
}
