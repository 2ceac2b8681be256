/**
 * The event ledger line (docs/architecture.md). Kept free of zod so the hook hot path can build
 * and serialise events without loading a schema library; `relay events validate` checks
 * lines with the zod schema in events-schema.ts.
 */
export const EVENT_TYPES = ['task_start', 'task_result', 'error', 'heartbeat', 'tool_use', 'session_start', 'session_end'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface EventLine {
  id: string;
  timestamp: string;
  agent: string;
  event: EventType;
  task_id?: string;
  session_id?: string;
  source: string;
  summary: string;
  data: Record<string, unknown>;
}

/** busy: working on a prompt; idle: waiting for one (or ended); error: the last turn died on an API error. */
export type AgentState = 'idle' | 'busy' | 'error';

/** `.agents-os/agents/<agent>/status.json`: what an agent is doing now, derived from its last event. */
export interface AgentStatus {
  agent: string;
  state: AgentState;
  updated_at: string;
  current_task: string | null;
  attempt: number | null;
  session_id: string | null;
  /** Seconds between the heartbeats a busy agent promised (`relay run --heartbeat`); absent for hook-driven agents, which promise none. */
  heartbeat_s?: number;
  last_event: Pick<EventLine, 'id' | 'event' | 'summary' | 'timestamp'>;
}

/** An event before the ledger gives it an id and (when it has none) a timestamp. */
export type NewEventLine = Omit<EventLine, 'id' | 'timestamp'> & { timestamp?: string };

/** The UTC day that names the ledger file an event belongs to. */
export function eventDay(timestamp: string): string {
  return timestamp.slice(0, 10);
}
