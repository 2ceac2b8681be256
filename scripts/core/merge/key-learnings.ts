/**
 * AGENTS.md across branches. A person's prose merges as text (git merge-file, in the adapter);
 * relay's Key Learnings section merges by lesson: counts both branches added are added up, the
 * later last-seen date and every tag kept, and a lesson one branch demoted or deleted stays out.
 */
import { isDeepStrictEqual } from 'node:util';
import { readKeyLearnings, replaceKeyLearnings, sameLesson, type KeyLearnings, type Lesson } from '../knowledge/learnings.ts';

const EMPTY: KeyLearnings = { manual: [], lessons: [] };

/** The document with its Key Learnings section emptied (heading and note kept), so text merging never meets two sides' lessons. */
export function withEmptyKeyLearnings(doc: string): string {
  return withKeyLearnings(doc, EMPTY, readKeyLearnings(doc));
}

function find(list: Lesson[], lesson: Lesson): Lesson | undefined {
  return list.find((l) => sameLesson(l, lesson));
}

export function mergeKeyLearnings(base: KeyLearnings, ours: KeyLearnings, theirs: KeyLearnings): KeyLearnings {
  const lessons: Lesson[] = [];
  for (const lesson of [...ours.lessons, ...theirs.lessons]) {
    if (find(lessons, lesson)) continue;
    const [b, o, t] = [find(base.lessons, lesson), find(ours.lessons, lesson), find(theirs.lessons, lesson)];
    // Present before the branches split and missing on one of them: that branch demoted or deleted it.
    if (b && (!o || !t)) continue;
    if (o && t) {
      const added = o.count + t.count - (b?.count ?? 0);
      lessons.push({ text: o.text, tags: [...new Set([...o.tags, ...t.tags])], count: Math.max(added, o.count, t.count), lastSeen: o.lastSeen > t.lastSeen ? o.lastSeen : t.lastSeen, refs: [] });
    } else lessons.push(o ?? t!);
  }
  const manual = isDeepStrictEqual(ours.manual, base.manual) ? theirs.manual : isDeepStrictEqual(theirs.manual, base.manual) ? ours.manual : [...new Set([...ours.manual, ...theirs.manual])];
  return { manual, lessons };
}

/**
 * The document with `section` put where the document keeps it. A document with no section and
 * nothing to put there (`current` empty too) is left exactly as it is.
 */
export function withKeyLearnings(doc: string, section: KeyLearnings, current: KeyLearnings = section): string {
  return isDeepStrictEqual(current, EMPTY) && !/^##\s+Key Learnings/im.test(doc) ? doc : replaceKeyLearnings(doc, section);
}

