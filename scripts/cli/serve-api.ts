/**
 * The read-only JSON API behind `relay serve`, one function per endpoint, each the same data a
 * CLI command prints with --json (adapters read, core decides). /api/status is in serve.ts.
 */
import { doraMetrics, newTally, tallyRecord, type TimeWindow } from '../core/episodic/metrics.ts';
import { compileQuery, parseTypes } from '../core/episodic/query.ts';
import type { EventLine } from '../core/events/events.ts';
import { RelayError } from '../core/shared/errors.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import { scanLedger, type ScanStats } from '../adapters/episodic-reader.ts';
import { ledgerFiles, readEventFile } from '../adapters/event-reader.ts';
import { listLearnings } from '../adapters/key-learnings.ts';
import { openRecallIndex } from '../adapters/recall-index.ts';
import { recallReport } from '../core/knowledge/recall.ts';
import { loadState } from '../adapters/state.ts';

const DAY_MS = 86_400_000;
const MAX_PAGE = 500;

function count(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new RelayError(`${name}: expected a whole number, got "${raw}"`);
  return Math.min(n, max);
}

/** Events newest first, filtered by agent, type and time, one page at a time (100,000 events never travel at once). */
function events(paths: ProjectPaths, url: URL) {
  const agent = url.searchParams.get('agent') || undefined;
  const type = url.searchParams.get('type') || undefined;
  const since = url.searchParams.get('since') || undefined;
  if (since && Number.isNaN(Date.parse(since))) throw new RelayError(`since: expected an ISO date or time, got "${since}"`);
  const limit = count(url, 'limit', 100, MAX_PAGE);
  const offset = count(url, 'offset', 0, Number.MAX_SAFE_INTEGER);
  // A ledger file is <agent>/<day>.jsonl: the agent and the day prune files before any is read.
  const files = ledgerFiles(paths.root).filter((f) => (!agent || f.split('/').at(-2) === agent) && (!since || f.slice(-16, -6) >= since.slice(0, 10)));
  const all: EventLine[] = files.flatMap(readEventFile).filter((e) => (!type || e.event === type) && (!since || e.timestamp >= since));
  all.sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  const agents = [...new Set(ledgerFiles(paths.root).map((f) => f.split('/').at(-2)!))].sort();
  return { total: all.length, offset, limit, agents, events: all.slice(offset, offset + limit) };
}

function attempts(paths: ProjectPaths, task: string) {
  const { epic, ledger } = loadState(paths);
  if (!(task in epic.tasks)) throw new RelayError(`unknown task "${task}"`);
  return { task, title: epic.tasks[task]!.title, status: ledger.task_status[task], attempts: ledger.attempts[task] ?? [] };
}

async function recall(paths: ProjectPaths, url: URL) {
  const q = url.searchParams.get('q') ?? '';
  if (!q.trim()) return { query: q, results: [] };
  const index = await openRecallIndex(paths);
  return recallReport(q, index.search(q, { limit: count(url, 'limit', 10, 50) }), index.history(q), index);
}

function records(paths: ProjectPaths, url: URL) {
  const types = parseTypes(url.searchParams.get('type') || undefined);
  const limit = count(url, 'limit', 100, MAX_PAGE);
  const stats: ScanStats = { files: 0, unreadable: 0 };
  let kept: unknown[] = [];
  for (const { record } of scanLedger(paths, compileQuery({ types }), {}, stats)) {
    kept.push(record);
    if (kept.length > 2 * limit) kept = kept.slice(-limit);
  }
  return { records: kept.slice(-limit).reverse(), files: stats.files };
}

/** DORA metrics per week over the last eight weeks, oldest first, for the small charts. */
function dora(paths: ProjectPaths) {
  const now = Date.now();
  const weeks = Array.from({ length: 8 }, (_, i) => ({ sinceMs: now - (8 - i) * 7 * DAY_MS, untilMs: now - (7 - i) * 7 * DAY_MS }));
  const tallies = weeks.map(() => newTally());
  const stats: ScanStats = { files: 0, unreadable: 0 };
  const whole: TimeWindow = { sinceMs: weeks[0]!.sinceMs, untilMs: now };
  for (const { record } of scanLedger(paths, compileQuery(whole), whole, stats)) {
    const at = Date.parse(String(record.timestamp));
    const week = weeks.findIndex((w) => at >= w.sinceMs && at < w.untilMs);
    if (week >= 0) tallyRecord(tallies[week]!, record);
  }
  return { weeks: weeks.map((w, i) => ({ week_start: new Date(w.sinceMs).toISOString().slice(0, 10), ...doraMetrics(tallies[i]!, w) })) };
}

/** The endpoint's data, or undefined for a path that is not one. */
export async function dashboardData(paths: ProjectPaths, url: URL): Promise<unknown> {
  const attempt = /^\/api\/attempts\/([^/]+)$/.exec(url.pathname);
  if (attempt) return attempts(paths, decodeURIComponent(attempt[1]!));
  switch (url.pathname) {
    case '/api/events': return events(paths, url);
    case '/api/recall': return recall(paths, url);
    case '/api/learnings': return listLearnings(paths, 30);
    case '/api/ledger': return records(paths, url);
    case '/api/dora': return dora(paths);
    case '/api/epic/edges': return Object.fromEntries(Object.entries(loadState(paths).epic.tasks).map(([id, t]) => [id, t.depends_on]));
    default: return undefined;
  }
}
