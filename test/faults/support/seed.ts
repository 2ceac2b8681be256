/**
 * Seeded randomness for the fault suite. FAULT_SEED=<n> replays a run's choices (kill points,
 * sleeps, fuzz cases); without it each run picks a fresh seed and prints it, so CI explores
 * new points every time and a failure can still be replayed.
 */
export function faultSeed(name: string): number {
  const given = process.env.FAULT_SEED;
  const seed = given !== undefined && given !== '' ? Number(given) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
  process.stderr.write(`[faults] ${name}: seed ${seed} (replay with FAULT_SEED=${seed} npm run test:faults)\n`);
  return seed;
}

/** mulberry32: tiny, fast and plenty for choosing delays and cases. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function between(random: () => number, min: number, max: number): number {
  return Math.floor(min + random() * (max - min + 1));
}
