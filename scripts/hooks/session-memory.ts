/**
 * Session summaries in `.agents-os/memory/<agent>/sessions/<date>-<session>.md`, rebuilt
 * whole from the session's events each time they are written: at PreCompact (a snapshot,
 * in case the session never reaches SessionEnd) and at SessionEnd.
 */
import { join } from 'node:path';
import { eventDay, type EventLine } from '../core/events.ts';
import { projectPaths, safeSegment } from '../core/paths.ts';
import { renderSessionSummary, type SessionSummary } from '../core/session-summary.ts';
import { readSessionEvents } from '../adapters/event-reader.ts';
import { writeFileAtomic } from '../adapters/store.ts';

const DAY_MS = 86_400_000;

/** The session's events in today's and yesterday's ledger files (UTC days), so a session that crosses midnight stays whole. */
export function recentSessionEvents(root: string, sessionId: string, now = Date.now()): EventLine[] {
  const days = [now - DAY_MS, now].map((t) => eventDay(new Date(t).toISOString()));
  return readSessionEvents(root, sessionId, days);
}

/** Named by the day the session started, so the snapshot and the final summary are one file. */
export function sessionSummaryFile(root: string, agent: string, summary: SessionSummary): string {
  const day = eventDay(summary.startedAt || new Date().toISOString());
  return join(projectPaths(root).memoryDir, safeSegment(agent), 'sessions', `${day}-${safeSegment(summary.sessionId)}.md`);
}

export function writeSessionSummary(root: string, agent: string, summary: SessionSummary): string {
  const file = sessionSummaryFile(root, agent, summary);
  writeFileAtomic(file, renderSessionSummary(summary));
  return file;
}
