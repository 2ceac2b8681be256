/**
 * A deliberately small English stemmer (plural -s, -ing, -ed): enough for "seeding" to meet
 * "seed" and "migrations" to meet "migration", without a dependency. Lower-case input.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  // "running" → "runn" → "run"; "stopped" → "stopp" → "stop".
  return w !== word && /([b-df-hj-np-tv-z])\1$/.test(w) ? w.slice(0, -1) : w;
}
