/**
 * DORA and agent metrics over episodic records, as tallies: the adapter streams records through
 * `tallyRecord` (memory grows with deployments and incidents, never with the ledger's size) and
 * the finishing functions turn a tally into figures. No I/O.
 *
 * How the records map onto DORA (the skill documents this for whoever writes them):
 * - deployment frequency: `deployment` records per day and per week of the window;
 * - lead time for changes: `duration_minutes` of `deployment` records (first commit to production);
 * - change failure rate: failed changes / deployments, where a failed change is a `rollback`
 *   record or a `deployment` whose status is failed / rolled_back / reverted;
 * - time to restore: `duration_minutes` of `incident` and `rollback` records.
 */
import { timestampMs } from './records.ts';

export interface TimeWindow {
  sinceMs: number;
  untilMs: number;
}

export interface Tally {
  records: number;
  byType: Record<string, number>;
  deployments: number;
  failedChanges: number;
  leadTimes: number[];
  restoreTimes: number[];
  /** task_completion records that carry `attempts` (written by relay work): the fallback agent metrics. */
  tasks: { count: number; firstPass: number; attempts: number; costUsd: number; costed: number };
}

export function newTally(): Tally {
  return { records: 0, byType: {}, deployments: 0, failedChanges: 0, leadTimes: [], restoreTimes: [], tasks: { count: 0, firstPass: 0, attempts: 0, costUsd: 0, costed: 0 } };
}

/** A parsed ledger line as the metrics read it: any object, so a hand-edited line cannot crash a report. */
export type LedgerLine = Record<string, unknown>;

const FAILED_DEPLOYMENT = /^(?:failed|failure|rolled[ _-]?back|reverted)$/i;

function minutes(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function tallyRecord(tally: Tally, record: LedgerLine): void {
  const type = typeof record.type === 'string' ? record.type : 'unknown';
  tally.records++;
  tally.byType[type] = (tally.byType[type] ?? 0) + 1;
  const duration = minutes(record.duration_minutes);
  if (type === 'deployment') {
    tally.deployments++;
    if (typeof record.status === 'string' && FAILED_DEPLOYMENT.test(record.status)) tally.failedChanges++;
    if (duration !== undefined) tally.leadTimes.push(duration);
  } else if (type === 'rollback' || type === 'incident') {
    if (type === 'rollback') tally.failedChanges++;
    if (duration !== undefined) tally.restoreTimes.push(duration);
  } else if (type === 'task_completion' && typeof record.attempts === 'number' && record.attempts > 0) {
    const t = tally.tasks;
    t.count++;
    t.attempts += record.attempts;
    if (record.attempts === 1 && record.status === 'completed') t.firstPass++;
    if (typeof record.cost_usd === 'number') {
      t.costUsd += record.cost_usd;
      t.costed++;
    }
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Median (mean of the two middle values for an even count) and nearest-rank p90. */
export function spread(values: number[]): { median: number | null; p90: number | null; samples: number } {
  if (!values.length) return { median: null, p90: null, samples: 0 };
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  const p90 = s[Math.min(s.length - 1, Math.ceil(0.9 * s.length) - 1)]!;
  return { median: round(median, 1), p90: round(p90, 1), samples: s.length };
}

export interface DoraMetrics {
  deployments: number;
  deployment_frequency: { per_day: number; per_week: number };
  lead_time_minutes: ReturnType<typeof spread>;
  change_failure_rate: number | null;
  failed_changes: number;
  time_to_restore_minutes: ReturnType<typeof spread>;
}

export function doraMetrics(tally: Tally, window: TimeWindow): DoraMetrics {
  const days = Math.max(1, (window.untilMs - window.sinceMs) / 86_400_000);
  return {
    deployments: tally.deployments,
    deployment_frequency: { per_day: round(tally.deployments / days, 3), per_week: round((tally.deployments / days) * 7, 2) },
    lead_time_minutes: spread(tally.leadTimes),
    change_failure_rate: tally.deployments ? round(Math.min(1, tally.failedChanges / tally.deployments), 3) : null,
    failed_changes: tally.failedChanges,
    time_to_restore_minutes: spread(tally.restoreTimes),
  };
}

export interface AgentMetrics {
  /** Where the figures come from: the current epic's attempt ledger, or task_completion records. */
  source: 'attempt-ledger' | 'episodic-ledger';
  tasks: number;
  first_pass_success_rate: number | null;
  attempts_per_task: number | null;
  /** Averaged over the tasks whose cost is known (a custom executor may not report one). */
  cost_per_task_usd: number | null;
  total_cost_usd: number | null;
}

function agentFigures(source: AgentMetrics['source'], tasks: number, firstPass: number, attempts: number, cost: number, costed: number): AgentMetrics | null {
  if (!tasks) return null;
  return {
    source,
    tasks,
    first_pass_success_rate: round(firstPass / tasks, 3),
    attempts_per_task: round(attempts / tasks, 2),
    cost_per_task_usd: costed ? round(cost / costed, 4) : null,
    total_cost_usd: costed ? round(cost, 4) : null,
  };
}

/**
 * The one definition of the agent metrics, shared by `ledger stats`, `ledger report` and their
 * --json: over the task_completion records in the window (one per task that completed or was
 * gated), first-pass success is the share completed on their first finished attempt.
 */
export function agentMetricsFromTally(tally: Tally): AgentMetrics | null {
  const t = tally.tasks;
  return agentFigures('episodic-ledger', t.count, t.firstPass, t.attempts, t.costUsd, t.costed);
}

// ---------------------------------------------------------------------------------------------
// Hotspots: the files most often modified.

export interface Hotspot {
  file: string;
  count: number;
  last_modified: string;
}

export function tallyFiles(files: Map<string, Hotspot>, record: LedgerLine): void {
  if (!Array.isArray(record.files_modified)) return;
  const when = typeof record.timestamp === 'string' ? record.timestamp : '';
  for (const file of new Set(record.files_modified)) {
    if (typeof file !== 'string' || !file) continue;
    const spot = files.get(file);
    if (!spot) files.set(file, { file, count: 1, last_modified: when });
    else {
      spot.count++;
      if ((timestampMs(when) ?? 0) > (timestampMs(spot.last_modified) ?? 0)) spot.last_modified = when;
    }
  }
}

/** Most modified first; ties go to the most recently modified, then by name. */
export function topHotspots(files: Map<string, Hotspot>, limit: number): Hotspot[] {
  return [...files.values()]
    .sort((a, b) => b.count - a.count || (timestampMs(b.last_modified) ?? 0) - (timestampMs(a.last_modified) ?? 0) || a.file.localeCompare(b.file))
    .slice(0, limit);
}
