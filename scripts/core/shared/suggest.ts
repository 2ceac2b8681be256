/** "Did you mean" for misspelt names: the closest known name within a small edit distance. */
import { RelayError } from './errors.ts';

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The known name `name` is most likely a misspelling of, or undefined when none is close. */
export function closest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const k of known) {
    const distance = editDistance(lower, k.toLowerCase());
    // One edit per four letters, at least one and at most three.
    const allowed = Math.min(3, Math.max(1, Math.floor(k.length / 4)));
    if (distance <= allowed && (!best || distance < best.distance)) best = { name: k, distance };
  }
  return best?.name;
}

/**
 * A plan's field label that is no field but is one misspelt ("Depend on", "Priorty") is refused,
 * never dropped into the description; a label no field resembles is prose, and passes.
 */
export function refuseMisspeltField(label: string, spellings: readonly string[], file: string, line: number): void {
  const near = closest(label, spellings);
  if (near) throw new RelayError(`${file}:${line}: unknown field "${label}" (did you mean "${near}"?); fix the label, or reword the line if it is prose`);
}
