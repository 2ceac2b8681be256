/**
 * A file git left with conflict markers, taken apart into the versions it joined: ours, theirs
 * and, when the merge used the diff3 or zdiff3 style, the base. Text outside the conflicts
 * belongs to every version.
 */
export interface ConflictSides {
  ours: string;
  base: string | null;
  theirs: string;
  conflicts: number;
}

export function splitConflicts(text: string): ConflictSides | null {
  const ours: string[] = [];
  const base: string[] = [];
  const theirs: string[] = [];
  let state: 'common' | 'ours' | 'base' | 'theirs' = 'common';
  let conflicts = 0;
  let sawBase = false;
  for (const line of text.split('\n')) {
    const bare = line.replace(/\r$/, '');
    if (state === 'common' && /^<{7}( |$)/.test(bare)) {
      state = 'ours';
      conflicts++;
    } else if (state === 'ours' && /^\|{7}( |$)/.test(bare)) {
      state = 'base';
      sawBase = true;
    } else if ((state === 'ours' || state === 'base') && /^={7}$/.test(bare)) state = 'theirs';
    else if (state === 'theirs' && /^>{7}( |$)/.test(bare)) state = 'common';
    else if (state === 'common') {
      ours.push(line);
      base.push(line);
      theirs.push(line);
    } else if (state === 'ours') ours.push(line);
    else if (state === 'base') base.push(line);
    else theirs.push(line);
  }
  if (!conflicts || state !== 'common') return null;
  return { ours: ours.join('\n'), base: sawBase ? base.join('\n') : null, theirs: theirs.join('\n'), conflicts };
}
