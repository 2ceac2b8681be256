/**
 * The learning processor's agent step: the worker agent groups the epic's learnings that state
 * the same reusable lesson, writes one sentence per group, and judges each learning reusable,
 * too specific or vague. relay counts and applies the thresholds itself, so the model never
 * invents a count; an answer that does not account for every learning exactly once is refused,
 * and the conservative rules in ./learnings.ts decide instead.
 */
import { z } from 'zod';
import { redact } from '../shared/redact.ts';
import type { KeyLearnings, LearningOccurrence, Lesson } from './learnings.ts';

export const LessonJudgement = z
  .object({
    groups: z.array(z.object({
      ids: z.array(z.string()).min(1).describe('learning ids (T3#2) that state the same lesson, and the id (L1) of an AGENTS.md lesson it repeats, if any'),
      lesson: z.string().min(1).max(300).describe('the lesson in one sentence: what to do, where, and why'),
    }).strict()),
    verdicts: z.array(z.object({
      id: z.string(),
      verdict: z.enum(['reusable', 'too_specific', 'vague']),
    }).strict()).describe('one per learning id'),
  })
  .strict();
export type LessonJudgement = z.infer<typeof LessonJudgement>;

/** More than this many learnings at once and the rules decide: a prompt must stay readable. */
export const MAX_JUDGED = 200;

export function judgementPrompt(occurrences: LearningOccurrence[], current: KeyLearnings): string {
  return [
    '# Consolidate the lessons an epic taught',
    'Below are learnings that workers wrote in their receipts, each with an id, and the lessons already in AGENTS.md (ids L1, L2, …).',
    'Group the learnings that state the same reusable lesson (include an L id when a group repeats an existing lesson), write one sentence per group, and give every learning a verdict: reusable (a future task elsewhere in this repository would act on it), too_specific (true only of one task or file), or vague (no concrete action). Do not count anything: relay counts the ids.',
    'Answer with the StructuredOutput tool.',
    `## Learnings\n${occurrences.map((o) => `- ${o.ref}: ${redact(o.text)}${o.tags.length ? ` [tags: ${o.tags.join(', ')}]` : ''}`).join('\n')}`,
    current.lessons.length ? `## Already in AGENTS.md\n${current.lessons.map((l, i) => `- L${i + 1}: ${l.text}`).join('\n')}` : '',
  ].filter(Boolean).join('\n\n');
}

export interface Judged {
  /** One per group with at least one reusable learning; a group that repeats an AGENTS.md lesson keeps its words. */
  clusters: Lesson[];
  /** Learnings judged too specific or vague: consumed, never counted. */
  noise: string[];
}

/** The clusters a judgement gives, or null when it does not account for every learning exactly once. */
export function clustersFromJudgement(occurrences: LearningOccurrence[], current: KeyLearnings, answer: unknown): Judged | null {
  const parsed = LessonJudgement.safeParse(answer);
  if (!parsed.success) return null;
  const byRef = new Map(occurrences.map((o) => [o.ref, o]));
  const verdict = new Map(parsed.data.verdicts.map((v) => [v.id, v.verdict]));
  if (verdict.size !== occurrences.length || [...verdict.keys()].some((id) => !byRef.has(id))) return null;
  const grouped = new Set<string>();
  const clusters: Lesson[] = [];
  for (const group of parsed.data.groups) {
    const existing = group.ids.filter((id) => /^L\d+$/.test(id)).map((id) => current.lessons[Number(id.slice(1)) - 1]);
    const refs = group.ids.filter((id) => !/^L\d+$/.test(id));
    if (existing.some((l) => l === undefined) || existing.length > 1 || refs.some((r) => !byRef.has(r) || grouped.has(r))) return null;
    refs.forEach((r) => grouped.add(r));
    const counted = refs.filter((r) => verdict.get(r) === 'reusable').map((r) => byRef.get(r)!);
    if (!counted.length) continue;
    clusters.push({
      text: existing[0]?.text ?? redact(group.lesson.replace(/\s+/g, ' ').trim()),
      tags: [...new Set(counted.flatMap((o) => o.tags.map(redact)))],
      count: counted.length,
      lastSeen: counted.map((o) => o.seenAt.slice(0, 10)).sort().at(-1)!,
      refs: counted.map((o) => o.ref),
    });
  }
  // A reusable learning left out of every group is an answer that lost something.
  if (occurrences.some((o) => verdict.get(o.ref) === 'reusable' && !grouped.has(o.ref))) return null;
  return { clusters: clusters.sort((a, b) => b.count - a.count), noise: occurrences.filter((o) => verdict.get(o.ref) !== 'reusable').map((o) => o.ref) };
}
