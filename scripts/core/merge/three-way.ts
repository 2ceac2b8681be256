/**
 * A three-way merge of plain JSON values (parsed YAML): a side that left a value as the base
 * had it takes the other side's change; maps merge key by key; anything else both sides changed
 * differently is a contradiction, reported with its path, never settled by a guess.
 */
import { isDeepStrictEqual } from 'node:util';

export interface Contradiction {
  path: string;
  ours: unknown;
  theirs: unknown;
}

export interface Merged<T> {
  value: T;
  contradictions: Contradiction[];
}

type Plain = Record<string, unknown>;

function isMap(v: unknown): v is Plain {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const ABSENT = undefined;

export function mergeValues(base: unknown, ours: unknown, theirs: unknown, path: string[] = []): Merged<unknown> {
  if (isDeepStrictEqual(ours, theirs)) return { value: ours, contradictions: [] };
  if (isDeepStrictEqual(base, ours)) return { value: theirs, contradictions: [] };
  if (isDeepStrictEqual(base, theirs)) return { value: ours, contradictions: [] };
  if (isMap(ours) && isMap(theirs)) {
    const b = isMap(base) ? base : {};
    const value: Plain = {};
    const contradictions: Contradiction[] = [];
    // Ours' key order first, then keys only theirs added.
    for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
      const m = mergeValues(b[key] ?? ABSENT, ours[key] ?? ABSENT, theirs[key] ?? ABSENT, [...path, key]);
      contradictions.push(...m.contradictions);
      if (m.value !== ABSENT) value[key] = m.value;
    }
    return { value, contradictions };
  }
  return { value: ours, contradictions: [{ path: path.join('.'), ours, theirs }] };
}
