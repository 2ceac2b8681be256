/**
 * Owner of the event ledger, `.agents-os/ledger/<agent>/<day>.jsonl`. Its one verb,
 * `appendEvent`, is on the hook's hot path, so this module stays free of zod and yaml.
 */
import { randomUUID } from 'node:crypto';
import { redactValue } from '../core/shared/redact.ts';
import { eventDay, type EventLine, type NewEventLine } from '../core/events/events.ts';
import { eventLedgerFile, safeSegment } from '../core/shared/paths.ts';
import { appendLine } from './store.ts';

/**
 * Appends one event: redacted before it is serialised, one line, one write().
 * The random id lets readers drop the duplicates a union merge in git can leave.
 */
export function appendEvent(root: string, event: NewEventLine): EventLine {
  const timestamp = event.timestamp ?? new Date().toISOString();
  const line: EventLine = redactValue({ ...event, id: randomUUID(), timestamp, agent: safeSegment(event.agent, 'unknown') });
  appendLine(eventLedgerFile(root, line.agent, eventDay(timestamp)), JSON.stringify(line));
  return line;
}
