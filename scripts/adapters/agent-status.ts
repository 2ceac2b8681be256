/**
 * Owner of `.agents-os/agents/<agent>/status.json`: what an agent is doing now, for
 * `relay status`, dashboards and other agents. Written whole (temp, fsync, rename) so a
 * reader never sees half a file; concurrent hooks of one agent simply last-writer-win.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AgentState, AgentStatus, EventLine } from '../core/events/events.ts';
import { agentStatusFile, projectPaths } from '../core/shared/paths.ts';
import { writeFileAtomic } from './store.ts';

/** Who is reporting: the fields of a hook's context that status.json records. */
export interface StatusSource {
  root: string;
  agent: string;
  taskId?: string;
  attempt?: number;
  sessionId?: string;
  /** The heartbeat interval a busy agent promises, in seconds. */
  heartbeatS?: number;
}

export function writeAgentStatus(source: StatusSource, state: AgentState, last: EventLine): void {
  const status: AgentStatus = {
    agent: source.agent,
    state,
    updated_at: last.timestamp,
    current_task: source.taskId ?? null,
    attempt: source.attempt ?? null,
    session_id: source.sessionId ?? null,
    ...(source.heartbeatS ? { heartbeat_s: source.heartbeatS } : {}),
    last_event: { id: last.id, event: last.event, summary: last.summary, timestamp: last.timestamp },
  };
  writeFileAtomic(agentStatusFile(source.root, source.agent), `${JSON.stringify(status, null, 2)}\n`);
}

/** Every agent's status.json in the project; a file that cannot be read is left out rather than guessed at. */
export function readAgentStatuses(root: string): AgentStatus[] {
  const dir = projectPaths(root).agentsDir;
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => {
    try {
      const status = JSON.parse(readFileSync(agentStatusFile(root, d.name), 'utf8')) as AgentStatus;
      return typeof status?.agent === 'string' && typeof status.updated_at === 'string' ? [status] : [];
    } catch {
      return [];
    }
  });
}

