/**
 * The episodic ledger's records (progress/ledger.jsonl): the schema, and the gates that keep
 * records honest. Pure: no I/O. The adapter (scripts/adapters/episodic-store.ts) adds the one
 * gate that needs the disk, task_id uniqueness.
 */
import { z } from 'zod';
import { RelayError } from '../shared/errors.ts';
import { zodProblem } from '../shared/validate.ts';
import { lessonProblem } from '../knowledge/lesson-gate.ts';

export const RECORD_TYPES = ['task_completion', 'consensus_decision', 'deployment', 'incident', 'rollback', 'lesson_learned'] as const;
export const RecordType = z.enum(RECORD_TYPES, { error: (issue) => (issue.input === undefined ? 'required' : `expected one of ${RECORD_TYPES.join(', ')}`) });
export type RecordType = z.infer<typeof RecordType>;

// ---------------------------------------------------------------------------------------------
// Timestamps: ISO 8601 calendar date and time, to the minute or finer, with Z, ±hh:mm, ±hhmm or
// no offset (read as UTC, so that ordering never depends on the reader's time zone).

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Milliseconds since the epoch, or undefined when `text` is not a valid ISO 8601 date-time. */
export function timestampMs(text: string): number | undefined {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  const ms = Number(`0.${m[7] ?? '0'}`) * 1000;
  if (month! < 1 || month! > 12 || hour! > 23 || minute! > 59 || second! > 59) return undefined;
  const utc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, ms);
  if (new Date(utc).getUTCDate() !== day) return undefined; // 2026-02-30 rolls over into March
  const offset = m[8];
  if (!offset || offset === 'Z') return utc;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return minutes > 18 * 60 ? undefined : utc - sign * minutes * 60_000;
}

/** "required" for a missing field instead of zod's "expected string, received undefined". */
const requiredString = () => z.string({ error: (issue) => (issue.input === undefined ? 'required' : 'expected a string') });

const Timestamp = requiredString().superRefine((t, ctx) => {
  if (timestampMs(t) === undefined) ctx.addIssue({ code: 'custom', message: `"${t}" is not an ISO 8601 date-time; write it like 2026-01-05T10:30:00Z` });
});

// ---------------------------------------------------------------------------------------------
// Task ids

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID = 120;

/** "T3 Fix_Redis" → "t3-fix-redis". */
export function toKebab(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID)
    .replace(/-+$/, '');
}

const KebabId = requiredString().superRefine((id, ctx) => {
  if (id.length <= MAX_ID && KEBAB.test(id)) return;
  const hint = toKebab(id);
  ctx.addIssue({ code: 'custom', message: `"${id}" is not kebab-case (a-z, 0-9, single hyphens, max ${MAX_ID})${hint ? `; did you mean "${hint}"?` : ''}` });
});

/** `id-20260105-103000` from the record's time in UTC; `attempt` > 1 adds `-2`, `-3`… for ids that still collide. */
export function suffixedId(id: string, timestamp: string, attempt = 1): string {
  const stamp = new Date(timestampMs(timestamp) ?? Date.now()).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const suffix = `-${stamp}${attempt > 1 ? `-${attempt}` : ''}`;
  return `${id.slice(0, MAX_ID - suffix.length).replace(/-+$/, '')}${suffix}`;
}

// ---------------------------------------------------------------------------------------------
// The record

const Text = z.string().trim().min(1, 'must not be empty');

export const StructuredLesson = z
  .object({
    context: Text.optional().describe('Where it happened'),
    what_went_wrong: Text.optional().describe('What went wrong'),
    what_we_learned: Text.describe('The lesson, specific enough to act on (the gate refuses vague ones)'),
    action_items: z.array(Text).default([]).describe('What to do about it'),
    confidence: z.enum(['low', 'medium', 'high']).optional().describe('How sure the writer is'),
  })
  .strict();
export type StructuredLesson = z.infer<typeof StructuredLesson>;

const DoraImpact = z.union([Text, z.record(z.string().min(1), z.union([Text, z.number()]))]);

/**
 * One line of progress/ledger.jsonl. The seed's fields, plus `summary`, `verification`,
 * `follow_ups`, `attempts` and `cost_usd` (what NOTES.md and the agent metrics need). Unknown keys
 * are kept: records come from many hands and a stricter schema would only lose information.
 */
export const EpisodicRecord = z.looseObject({
  timestamp: Timestamp.describe('When it happened, ISO 8601'),
  type: RecordType.describe('task_completion, consensus_decision, deployment, incident, rollback or lesson_learned'),
  task_id: KebabId.describe('Unique kebab-case id of the record'),
  summary: Text.optional().describe('What happened, in a sentence or two'),
  status: Text.max(64).optional().describe('Outcome in a word (completed, gated, resolved, …)'),
  skills_used: z.array(Text).optional().describe('Skills or tools that helped'),
  files_modified: z.array(Text).optional().describe('Files the work touched'),
  lines_changed: z.union([z.number().int().min(0), z.object({ added: z.number().int().min(0).describe('Lines added'), removed: z.number().int().min(0).describe('Lines removed') }).strict()]).optional().describe('Lines changed: a number, or added and removed'),
  tests_passed: z.union([z.boolean(), z.number().int().min(0)]).optional().describe('Whether tests passed, or how many'),
  root_cause: Text.optional().describe('Why it happened (incidents, rollbacks)'),
  fix: Text.optional().describe('What fixed it'),
  verification: Text.optional().describe('How the fix was checked'),
  lesson_learned: z.union([Text, StructuredLesson]).optional().describe('The lesson: a sentence, or context / what went wrong / what we learned / action items'),
  follow_ups: z.array(Text).optional().describe('Work left to do'),
  dora_impact: DoraImpact.optional().describe('Effect on the DORA metrics, quantified'),
  severity: z.string().regex(/^(?:critical|high|medium|low|sev[0-5]|p[0-4])$/i, 'expected critical, high, medium, low, sev0–sev5 or p0–p4').optional().describe('critical, high, medium, low, sev0–sev5 or p0–p4'),
  duration_minutes: z.number().min(0).optional().describe('How long it took (lead time for deployments, time to restore for incidents)'),
  deployment_time: Timestamp.optional().describe('When it was deployed'),
  attempts: z.number().int().min(0).optional().describe('Attempts relay work needed'),
  cost_usd: z.number().min(0).optional().describe('What the attempts cost'),
}).superRefine((record, ctx) => {
  if (record.type === 'lesson_learned' && record.lesson_learned === undefined) {
    ctx.addIssue({ code: 'custom', path: ['lesson_learned'], message: 'a lesson_learned record needs the lesson' });
  }
});
export type EpisodicRecord = z.infer<typeof EpisodicRecord>;

/** Nulls mean "not known" to the people and models writing records; the schema reads them as absent. */
function dropNulls(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

/** Schema validation only (what every stored line must pass). `source` names the input in errors. */
export function parseRecord(value: unknown, source: string): EpisodicRecord {
  const parsed = EpisodicRecord.safeParse(dropNulls(value));
  if (!parsed.success) throw zodProblem(source, parsed.error);
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// The interactive gates: a specific lesson (knowledge/lesson-gate.ts), a quantified DORA impact.

const UNITS = [
  '%', 'pp', 'percentage points?', 'x', '×', 'ms', 'milliseconds?', 's', 'secs?', 'seconds?', 'm', 'mins?', 'minutes?',
  'h', 'hrs?', 'hours?', 'd', 'days?', 'w', 'wks?', 'weeks?', 'months?', 'deploys?', 'deployments?', 'releases?',
  'incidents?', 'failures?', 'rollbacks?', 'changes?', 'outages?',
];
const QUANTIFIED = new RegExp(`[-+−]?\\d+(?:[.,]\\d+)?\\s*(?:${UNITS.join('|')})(?![\\p{L}])|\\d\\s*(?:/|per\\s)\\s*(?:day|week|month|hour|deploy)`, 'iu');
const UNIT_KEY = /_(?:ms|s|sec|seconds|min|mins|minutes|h|hours|d|days|w|weeks|pct|percent|per_day|per_week|per_month|count|rate)$/;

/** Why a DORA impact is not quantified (a number with a unit), or null when it is. */
export function doraProblem(impact: unknown): { field: string; problem: string } | null {
  const example = 'give a number with a unit, e.g. "lead time -35 min" or "+2 deploys/week"';
  if (typeof impact === 'string') {
    return QUANTIFIED.test(impact) ? null : { field: 'dora_impact', problem: `"${impact}" is not quantified; ${example}` };
  }
  const entries = Object.entries(impact as Record<string, string | number>);
  if (!entries.length) return { field: 'dora_impact', problem: `is empty; ${example}` };
  for (const [key, value] of entries) {
    const field = `dora_impact.${key}`;
    if (typeof value === 'number' && !UNIT_KEY.test(key)) {
      return { field, problem: `${value} has no unit; put it in a string ("${value} min") or name the unit in the key (${key}_minutes)` };
    }
    if (typeof value === 'string' && !QUANTIFIED.test(value)) return { field, problem: `"${value}" is not quantified; ${example}` };
  }
  return null;
}

/** The lesson's text, from either form; anything else (a hand-edited line) gives undefined. */
export function lessonText(lesson: unknown): string | undefined {
  if (typeof lesson === 'string') return lesson;
  const learned = (lesson as { what_we_learned?: unknown } | null | undefined)?.what_we_learned;
  return typeof learned === 'string' ? learned : undefined;
}

/** The gates for a record a person or a model wrote (automatic records from relay work skip them). */
export function checkGates(record: EpisodicRecord, source: string): void {
  const lesson = lessonText(record.lesson_learned);
  const problem = lesson === undefined ? null : lessonProblem(lesson);
  if (problem) throw new RelayError(`${source}: lesson_learned${typeof record.lesson_learned === 'string' ? '' : '.what_we_learned'}: ${problem}`, 2);
  if (record.dora_impact !== undefined) {
    const dora = doraProblem(record.dora_impact);
    if (dora) throw new RelayError(`${source}: ${dora.field}: ${dora.problem}`, 2);
  }
}

// ---------------------------------------------------------------------------------------------
// Time windows for queries and metrics

const DAY_MS = 86_400_000;

/**
 * `--since` / `--until`: an ISO date (a whole day: since its start, until its end), an ISO
 * date-time, or a span back from now such as 12h, 30d, 2w.
 */
export function parseTimeBound(value: string, now: number, bound: 'since' | 'until', flag: string): number {
  const relative = /^(\d+)([hdw])$/.exec(value);
  if (relative) return now - Number(relative[1]) * { h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS }[relative[2] as 'h' | 'd' | 'w'];
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = timestampMs(`${value}T00:00:00Z`);
    if (start !== undefined) return bound === 'since' ? start : start + DAY_MS - 1;
  }
  const ms = timestampMs(value);
  if (ms === undefined) throw new RelayError(`${flag}: "${value}" is not a date (2026-01-05), a date-time (2026-01-05T10:30:00Z) or a span (12h, 30d, 2w)`, 2);
  return ms;
}

/** "2026-Q1" for a time in ms (quarters in UTC). */
export function quarterOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** The calendar month `month` (YYYY-MM) and the `count - 1` months before it, oldest first, in UTC. */
export function monthWindows(month: string, count: number): { month: string; sinceMs: number; untilMs: number }[] {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new RelayError(`--month: "${month}" is not a month; write it as YYYY-MM (2026-01)`, 2);
  const year = Number(m[1]);
  const index = Number(m[2]) - 1;
  return Array.from({ length: count }, (_, i) => {
    const start = Date.UTC(year, index - (count - 1 - i), 1);
    const d = new Date(start);
    return {
      month: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`,
      sinceMs: start,
      untilMs: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1,
    };
  });
}

/** Why a stored value is not a valid record ("timestamp: required"), or null when it is one. */
export function recordProblem(value: unknown): string | null {
  const parsed = EpisodicRecord.safeParse(dropNulls(value));
  return parsed.success ? null : zodProblem('', parsed.error).message.replace(/^: /, '');
}

// ---------------------------------------------------------------------------------------------
// progress/ledger-index.json: one entry per archive, so readers can skip archives outside a window.

export const ArchiveEntry = z
  .object({
    /** Relative to progress/, e.g. archive/ledger-2026-Q1.jsonl. */
    file: z.string().min(1).describe('The archive, relative to progress/'),
    quarter: z.string().regex(/^\d{4}-Q[1-4]$/).describe('The quarter its records fall in (2026-Q1)'),
    from: z.string().nullable().describe('Earliest record time in it'),
    to: z.string().nullable().describe('Latest record time in it'),
    count: z.number().int().min(0).describe('Records it holds'),
  })
  .strict();
export type ArchiveEntry = z.infer<typeof ArchiveEntry>;

export const LedgerIndex = z.object({ version: z.literal(1).describe('File format version'), archives: z.array(ArchiveEntry).describe('One entry per quarterly archive, oldest first') }).strict();
export type LedgerIndex = z.infer<typeof LedgerIndex>;

/** Widens an archive entry by one record at `ms` (undefined for a line with no readable time). */
export function extendEntry(entry: ArchiveEntry, ms: number | undefined): void {
  entry.count++;
  if (ms === undefined) return;
  const iso = new Date(ms).toISOString();
  if (entry.from === null || ms < (timestampMs(entry.from) ?? Infinity)) entry.from = iso;
  if (entry.to === null || ms > (timestampMs(entry.to) ?? -Infinity)) entry.to = iso;
}

/** What `relay work` knows of a task that completed or was gated, for its task_completion record. */
export interface TaskOutcome {
  epicId: string;
  /** The epic's task key (T3); the record's task_id becomes `<epic-id>-t3`, suffixed if taken. */
  taskId: string;
  status: 'completed' | 'gated';
  /** Finished attempts (interrupted ones excluded). */
  attempts: number;
  filesModified: string[];
  summary?: string;
  /** The receipt's `learning`, when the worker gave one. */
  learning?: string | null;
  /** The gate reason, for a gated task. */
  gateReason?: string;
  testsPassed?: boolean;
  costUsd?: number | null;
  durationMinutes?: number;
  timestamp?: string;
}
