/**
 * Owner of the session summaries, `.agents-os/memory/<agent>/sessions/<date>-<session>.md`,
 * rebuilt whole from the session's events each time they are written: at PreCompact (a
 * snapshot, in case the session never reaches SessionEnd) and at SessionEnd.
 */
import { eventDay, type EventLine } from '../core/events/events.ts';
import { sessionSummaryFile } from '../core/shared/paths.ts';
import { renderSessionSummary, type SessionSummary } from '../core/events/session-summary.ts';
import { readSessionEvents } from './event-reader.ts';
import { writeFileAtomic } from './store.ts';

const DAY_MS = 86_400_000;

/** The session's events in today's and yesterday's ledger files (UTC days), so a session that crosses midnight stays whole. */
export function recentSessionEvents(root: string, sessionId: string, now = Date.now()): EventLine[] {
  const days = [now - DAY_MS, now].map((t) => eventDay(new Date(t).toISOString()));
  return readSessionEvents(root, sessionId, days);
}

export function writeSessionSummary(root: string, agent: string, summary: SessionSummary): string {
  const file = sessionSummaryFile(root, agent, eventDay(summary.startedAt || new Date().toISOString()), summary.sessionId);
  writeFileAtomic(file, renderSessionSummary(summary));
  return file;
}
