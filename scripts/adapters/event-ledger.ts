import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { redactValue } from '../core/redact.ts';
import { eventDay, type EventLine } from '../core/events.ts';
import { safeSegment } from '../core/paths.ts';
import { appendLine } from './store.ts';

export type NewEvent = Omit<EventLine, 'id' | 'timestamp'> & { timestamp?: string };

export function eventLedgerFile(root: string, agent: string, timestamp: string): string {
  return join(root, '.agents-os', 'ledger', safeSegment(agent, 'unknown'), `${eventDay(timestamp)}.jsonl`);
}

/**
 * Appends one event: redacted before it is serialised, one line, one write().
 * The random id lets readers drop the duplicates a union merge in git can leave.
 */
export function appendEvent(root: string, event: NewEvent): EventLine {
  const timestamp = event.timestamp ?? new Date().toISOString();
  const line: EventLine = redactValue({ ...event, id: randomUUID(), timestamp, agent: safeSegment(event.agent, 'unknown') });
  appendLine(eventLedgerFile(root, line.agent, timestamp), JSON.stringify(line));
  return line;
}
