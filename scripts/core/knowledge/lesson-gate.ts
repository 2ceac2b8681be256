/**
 * The "specific lesson" gate of `relay ledger add`, also applied to worker learnings before
 * they count: its lists are data in ./vague-lessons.ts. Apart from episodic/records.ts, whose
 * schemas cost every importer their construction (recall reads learnings on a first query).
 */
import { MIN_CONCRETE_WORDS, MIN_LESSON_WORDS, NON_CONCRETE_WORDS, VAGUE_PHRASES } from './vague-lessons.ts';

const VAGUE = new Set(NON_CONCRETE_WORDS);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}._/:'@#-]*/gu;

function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/[._:'-]+$/, ''));
}

/** Why `lesson` is not specific enough to act on, or null when it is. */
export function lessonProblem(lesson: string): string | null {
  const all = words(lesson);
  let rest = ` ${all.join(' ')} `;
  const found = VAGUE_PHRASES.filter((phrase) => rest.includes(` ${words(phrase).join(' ')} `));
  for (const phrase of found) rest = rest.replaceAll(` ${words(phrase).join(' ')} `, ' ');
  const concrete = rest.split(' ').filter((w) => w && !VAGUE.has(w));
  const specific = concrete.length >= MIN_CONCRETE_WORDS;
  if (!specific && found.length) {
    return `"${lesson}" is too vague ("${found[0]}" is advice, not a lesson); name the file, command, error or setting involved and what to do differently`;
  }
  if (all.length < MIN_LESSON_WORDS) {
    return `"${lesson}" is shorter than a real sentence (${all.length} word${all.length === 1 ? '' : 's'}); say what happened, where, and what to do next time`;
  }
  return specific ? null : `"${lesson}" names nothing concrete; name the file, command, error, setting or number involved and what to do differently`;
}
