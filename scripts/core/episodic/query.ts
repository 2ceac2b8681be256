/**
 * `relay ledger query` as a pure matcher over parsed ledger lines, plus the raw-line pre-filter
 * that lets the reader skip JSON.parse for lines that cannot match (most of them, for a --grep).
 */
import { RelayError } from '../shared/errors.ts';
import { RECORD_TYPES, timestampMs, type RecordType } from './records.ts';
import type { LedgerLine } from './metrics.ts';

export interface QueryOptions {
  /** A case-insensitive regular expression, matched against the record's text or the chosen fields. */
  grep?: string;
  /** Dotted paths (root_cause, lesson_learned.what_we_learned); with no --grep, records that have one. */
  fields?: string[];
  types?: RecordType[];
  sinceMs?: number;
  untilMs?: number;
}

export interface CompiledQuery {
  /**
   * A global regex that finds every candidate line in a chunk of raw JSONL, or null when each line
   * must be parsed. A line that matches the query always contains a hit.
   */
  prefilter: RegExp | null;
  matches(record: LedgerLine): boolean;
}

/** Characters that make a --grep more than a literal, or that JSON may write escaped (quote, backslash, controls). */
const NOT_LITERAL = /[\\^$.*+?()[\]{}|"\u0000-\u001f]/;

export function parseTypes(list: string | undefined): RecordType[] | undefined {
  if (!list) return undefined;
  const types = list.split(',').map((t) => t.trim()).filter(Boolean);
  const unknown = types.find((t) => !(RECORD_TYPES as readonly string[]).includes(t));
  if (unknown) throw new RelayError(`--type: "${unknown}" is not a record type (${RECORD_TYPES.join(', ')})`, 2);
  return types as RecordType[];
}

function valueAt(record: LedgerLine, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Every string, number and boolean under `value`, one per line: what --grep searches (keys excluded). */
function textOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
  else if (value && typeof value === 'object') for (const v of Object.values(value)) textOf(v, out);
  return out;
}

function present(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

export function compileQuery(q: QueryOptions): CompiledQuery {
  let pattern: RegExp | undefined;
  if (q.grep !== undefined) {
    try {
      pattern = new RegExp(q.grep, 'i');
    } catch (err) {
      throw new RelayError(`--grep: ${(err as Error).message}`, 2);
    }
  }
  const types = q.types?.length ? new Set<string>(q.types) : undefined;
  const fields = q.fields?.length ? q.fields : undefined;
  const timed = q.sinceMs !== undefined || q.untilMs !== undefined;

  // A literal can only match a decoded string if it occurs in the raw line, unless the line spells
  // characters as \uXXXX or \/ escapes (legal JSON that JSON.stringify never writes): those lines go through too.
  const prefilter = q.grep && !NOT_LITERAL.test(q.grep)
    ? new RegExp(`${q.grep}|\\\\[u/]`, 'gi')
    : null;

  return {
    prefilter,
    matches(record) {
      if (types && !types.has(record.type as string)) return false;
      if (timed) {
        const at = typeof record.timestamp === 'string' ? timestampMs(record.timestamp) : undefined;
        if (at === undefined || (q.sinceMs !== undefined && at < q.sinceMs) || (q.untilMs !== undefined && at > q.untilMs)) return false;
      }
      const values = fields ? fields.map((f) => valueAt(record, f)) : [record];
      if (!pattern) return values.some(present);
      return values.some((v) => textOf(v).some((text) => pattern.test(text)));
    },
  };
}
