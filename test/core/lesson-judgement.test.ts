// The learning processor's answer, checked before relay trusts it: relay counts, the model only groups and judges.
import { describe, expect, it } from 'vitest';
import { clustersFromJudgement } from '../../scripts/core/knowledge/lesson-judgement.ts';
import { planPromotion, readKeyLearnings, type LearningOccurrence } from '../../scripts/core/knowledge/learnings.ts';

const at = (ref: string, text: string, day: string): LearningOccurrence => ({ ref, text, tags: ['db'], seenAt: `2026-05-${day}T10:00:00.000Z` });
const occurrences = [
  at('T1#1', 'Seed the users table before the API tests run', '01'),
  at('T2#1', 'The API tests need the users table seeded first', '02'),
  at('T3#1', 'API tests fail on an empty users table: seed it before they start', '03'),
  at('T4#1', 'src/signup.js now returns 409', '04'),
];
const DOC = '# Agents\n\n## Key Learnings\n\n- Pin node 20 in CI _(recommend: seen 3 times, last seen 2026-04-01)_\n';

describe('clustersFromJudgement', () => {
  const answer = {
    groups: [{ ids: ['T1#1', 'T2#1', 'T3#1'], lesson: 'Seed the users table before running the API tests' }],
    verdicts: [{ id: 'T1#1', verdict: 'reusable' }, { id: 'T2#1', verdict: 'reusable' }, { id: 'T3#1', verdict: 'reusable' }, { id: 'T4#1', verdict: 'too_specific' }],
  };

  it('turns groups and verdicts into counted lessons: paraphrases merge, the too-specific one is consumed uncounted', () => {
    const judged = clustersFromJudgement(occurrences, readKeyLearnings(DOC), answer)!;
    expect(judged.clusters).toEqual([{ text: 'Seed the users table before running the API tests', tags: ['db'], count: 3, lastSeen: '2026-05-03', refs: ['T1#1', 'T2#1', 'T3#1'] }]);
    expect(judged.noise).toEqual(['T4#1']);
    const plan = planPromotion(readKeyLearnings(DOC), occurrences, 4000, judged);
    expect(plan.promoted.map((l) => [l.text, l.count])).toEqual([['Seed the users table before running the API tests', 3]]);
    expect(plan.consumed.sort()).toEqual(['T1#1', 'T2#1', 'T3#1', 'T4#1']);
  });

  it('a group that repeats an AGENTS.md lesson reinforces it in place, in its own words', () => {
    const judged = clustersFromJudgement(occurrences.slice(0, 1), readKeyLearnings(DOC), { groups: [{ ids: ['L1', 'T1#1'], lesson: 'whatever' }], verdicts: [{ id: 'T1#1', verdict: 'reusable' }] })!;
    const plan = planPromotion(readKeyLearnings(DOC), occurrences.slice(0, 1), 4000, judged);
    expect(plan.reinforced.map((l) => [l.text, l.count])).toEqual([['Pin node 20 in CI', 4]]);
  });

  it.each([
    ['an answer of the wrong shape', { groups: 'all of them' }],
    ['a learning with no verdict', { ...answer, verdicts: answer.verdicts.slice(1) }],
    ['an id it was never given', { ...answer, groups: [{ ids: ['T9#9'], lesson: 'x' }] }],
    ['a learning in two groups', { ...answer, groups: [...answer.groups, { ids: ['T1#1'], lesson: 'again' }] }],
    ['a reusable learning left out of every group', { ...answer, groups: [{ ids: ['T1#1', 'T2#1'], lesson: 'x' }] }],
    ['an AGENTS.md lesson that does not exist', { ...answer, groups: [{ ids: ['L7', 'T1#1', 'T2#1', 'T3#1'], lesson: 'x' }] }],
  ])('refuses %s, so the rules decide', (_name, bad) => {
    expect(clustersFromJudgement(occurrences, readKeyLearnings(DOC), bad)).toBeNull();
  });
});
