/**
 * Owner of `.agents-os/agents/<agent>/status.json`: what an agent is doing now, for
 * `relay status`, dashboards and other agents. Written whole (temp, fsync, rename) so a
 * reader never sees half a file; concurrent hooks of one agent simply last-writer-win.
 */
import type { EventLine } from '../core/events/events.ts';
import { agentStatusFile } from '../core/shared/paths.ts';
import { writeFileAtomic } from './store.ts';

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
