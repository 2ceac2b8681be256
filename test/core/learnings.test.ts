import { describe, expect, it } from 'vitest';
import {
  appendProvenance, provenanceOf, provenanceSection,
  archiveLessons, clusterLearnings, heldBackLearnings, learningOccurrences, learningsOverview, levelFor, parseLesson, planPromotion, readKeyLearnings,
  renderLesson, replaceKeyLearnings, sameLesson, type LearningOccurrence,
} from '../../scripts/core/knowledge/learnings.ts';
import type { AttemptLedger, Receipt } from '../../scripts/core/shared/schemas.ts';

let n = 0;
function seen(text: string, tags: string[], day = '2026-05-01'): LearningOccurrence {
  n++;
  return { ref: `T${n}#1`, text, tags, seenAt: `${day}T10:00:00.000Z` };
}
const MIGRATE = 'Run the migrations before seeding the test database';
const times = (count: number, text = MIGRATE, tags = ['db']) => Array.from({ length: count }, (_, i) => seen(text, tags, `2026-05-0${i + 1}`));

const DOC = '# Project\n\nIntro text.\n\n## Key Learnings\n\n- Hand-written: never force-push main.\n\n## Build\n\nnpm run build\n';

describe('thresholds and consolidation', () => {
  it('applies the seed thresholds', () => {
    expect([1, 2, 3, 4, 9].map(levelFor)).toEqual(['skip', 'emerging', 'recommend', 'strong', 'strong']);
  });

  it('merges paraphrases of one lesson: near-identical words once stop words and endings are dropped', () => {
    expect(sameLesson({ text: MIGRATE }, { text: 'Run migrations before seeding the test database (took 12s)' })).toBe(true);
    expect(sameLesson({ text: 'Seed the test database only after running migrations' }, { text: MIGRATE })).toBe(true);
    expect(sameLesson({ text: 'Mock redis in the `checkout` tests to avoid ECONNREFUSED' }, { text: 'Mocking Redis in the `checkout` tests avoids ECONNREFUSED' })).toBe(true);
  });

  it('never merges lessons about different files, code names, errors or numbers, however alike the wording', () => {
    const about = (file: string) => `${file} follows the schema in db/schema.sql and must be migrated first`;
    expect(sameLesson({ text: about('src/password.js') }, { text: about('src/signup.js') })).toBe(false);
    expect(sameLesson({ text: 'Retry `fetchOrders` on ETIMEDOUT' }, { text: 'Retry `fetchInvoices` on ETIMEDOUT' })).toBe(false);
    expect(sameLesson({ text: 'Raise the pool size to 50 when checkout times out' }, { text: 'Raise the pool size to 20 when checkout times out' })).toBe(false);
    expect(sameLesson({ text: 'Catch TypeError from the parser' }, { text: 'Catch RangeError from the parser' })).toBe(false);
    // Half the words shared is a different lesson, whatever the tags say.
    expect(sameLesson({ text: 'Seed the test database from fixtures' }, { text: MIGRATE })).toBe(false);
  });

  it('holds back vague worker learnings: the receipt keeps them, the count ignores them, and says why', () => {
    const receipt = (learning: string): Receipt => ({ status: 'success', summary: 'ok', files_changed: [], pattern_tags: [], quality_gate_findings: [], learning });
    const attempt = (id: number, learning: string) => ({ id, started_at: '2026-05-01T10:00:00.000Z', ended_at: '2026-05-01T11:00:00.000Z', result: 'success' as const, receipt: receipt(learning), fingerprint: null, session_id: null, total_cost_usd: null, num_turns: null, duration_ms: null, git: null, flags: [] });
    const boiler = ['db/schema.sql', 'src/password.js', 'src/signup.js', 'src/session.js'].map((f, i) => attempt(i + 1, `${f} follows the plan's acceptance criteria`));
    const ledger = { attempts: { T1: [...boiler, attempt(9, 'Be careful'), attempt(10, 'All tests pass'), attempt(11, MIGRATE)] }, promoted_learnings: [] } as unknown as AttemptLedger;
    expect(learningOccurrences(ledger).map((o) => o.text)).toEqual([MIGRATE]);
    expect(heldBackLearnings(ledger).map((h) => h.ref)).toEqual(['T1#1', 'T1#2', 'T1#3', 'T1#4', 'T1#9', 'T1#10']);
    expect(heldBackLearnings(ledger)[0]!.reason).toMatch(/too vague \("follows the plan's acceptance criteria" is advice, not a lesson\)/);
    // The demo's "strong" lesson of four different files is no lesson at all now.
    expect(clusterLearnings(learningOccurrences(ledger)).every((l) => l.count === 1)).toBe(true);
  });

  it('counts each receipt once and keeps the last-seen date', () => {
    const [lesson] = clusterLearnings([...times(3), seen('Pin the node version in CI', ['ci'])]);
    expect(lesson).toMatchObject({ text: MIGRATE, count: 3, lastSeen: '2026-05-03', tags: ['db'] });
  });

  it('reads learnings from the ledger, skipping receipts already promoted', () => {
    const receipt = (learning: string): Receipt => ({ status: 'success', summary: 'ok', files_changed: [], pattern_tags: ['db'], quality_gate_findings: [], learning });
    const attempt = (id: number, learning: string) => ({ id, started_at: '2026-05-01T10:00:00.000Z', ended_at: '2026-05-01T11:00:00.000Z', result: 'success' as const, receipt: receipt(learning), fingerprint: null, session_id: null, total_cost_usd: null, num_turns: null, duration_ms: null, git: null, flags: [] });
    const ledger = { attempts: { T1: [attempt(1, MIGRATE), attempt(2, '  ')], T2: [attempt(1, MIGRATE)] }, promoted_learnings: ['T2#1'] } as unknown as AttemptLedger;
    expect(learningOccurrences(ledger)).toEqual([{ ref: 'T1#1', text: MIGRATE, tags: ['db'], seenAt: '2026-05-01T11:00:00.000Z' }]);
  });
});

describe('the Key Learnings section of AGENTS.md', () => {
  it('replaces only that section: every other byte stays', () => {
    const plan = planPromotion(readKeyLearnings(DOC), times(3), 4000);
    const out = replaceKeyLearnings(DOC, plan.section);
    expect(out.startsWith('# Project\n\nIntro text.\n\n## Key Learnings\n')).toBe(true);
    expect(out.endsWith('\n\n## Build\n\nnpm run build\n')).toBe(true);
    expect(out).toContain('- Hand-written: never force-push main.');
    expect(out).toContain(`- ${MIGRATE} _(recommend: seen 3 times, last seen 2026-05-03; tags: db)_`);
  });

  it('keeps CRLF files CRLF and untouched outside the section', () => {
    const crlf = DOC.replace(/\n/g, '\r\n');
    const out = replaceKeyLearnings(crlf, planPromotion(readKeyLearnings(crlf), times(4), 4000).section);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out.startsWith('# Project\r\n\r\nIntro text.\r\n\r\n## Key Learnings\r\n')).toBe(true);
    expect(out.endsWith('\r\n\r\n## Build\r\n\r\nnpm run build\r\n')).toBe(true);
  });

  it('appends the section when there is none, and ignores a heading inside a code fence', () => {
    const doc = '# Project\n```md\n## Key Learnings\n```\n';
    const out = replaceKeyLearnings(doc, planPromotion(readKeyLearnings(doc), times(3), 4000).section);
    expect(out.startsWith(`${doc}\n## Key Learnings\n`)).toBe(true);
    expect(replaceKeyLearnings(null, planPromotion(readKeyLearnings(null), times(3), 4000).section)).toMatch(/^## Key Learnings\n/);
  });

  it('adds no duplicate: a lesson seen again is reinforced in place with its new count and date', () => {
    const first = replaceKeyLearnings(DOC, planPromotion(readKeyLearnings(DOC), times(3), 4000).section);
    const plan = planPromotion(readKeyLearnings(first), [seen('Run migrations before seeding the test database', ['db'], '2026-06-10')], 4000);
    expect(plan.promoted).toEqual([]);
    expect(plan.reinforced).toHaveLength(1);
    const second = replaceKeyLearnings(first, plan.section);
    expect(second.match(/Run the migrations/g)).toHaveLength(1);
    expect(second).toContain('_(strong: seen 4 times, last seen 2026-06-10; tags: db)_');
    expect(replaceKeyLearnings(second, readKeyLearnings(second))).toBe(second);
  });

  it('adopts a lesson a person already wrote in, instead of adding a duplicate', () => {
    const doc = DOC.replace('- Hand-written: never force-push main.', '- Always run the migrations before seeding the test database.');
    const out = replaceKeyLearnings(doc, planPromotion(readKeyLearnings(doc), times(3), 4000).section);
    expect(out.match(/migrations before seeding/g)).toHaveLength(1);
    expect(out).toContain('- Always run the migrations before seeding the test database. _(recommend: seen 3 times');
  });

  it('leaves emerging and one-off learnings in the ledger', () => {
    const plan = planPromotion(readKeyLearnings(DOC), [...times(2), seen('Pin the node version in CI', ['ci'])], 4000);
    expect(plan.emerging.map((l) => l.count)).toEqual([2]);
    expect(plan.skipped).toBe(1);
    expect(plan.consumed).toEqual([]);
  });

  it('demotes the least-recurring lessons to fit the budget, never the hand-written lines', () => {
    const occurrences = [
      ...times(6, 'Pin the node version in CI with an .nvmrc file', ['ci']),
      ...times(3, MIGRATE),
      ...times(4, 'Mock the payment gateway in unit tests', ['payments']),
    ];
    const roomy = planPromotion(readKeyLearnings(DOC), occurrences, 4000);
    const budget = replaceKeyLearnings(null, roomy.section).length - 40;
    const plan = planPromotion(readKeyLearnings(DOC), occurrences, budget);
    expect(plan.demoted.map((l) => l.text)).toEqual([MIGRATE]);
    expect(plan.section.manual).toEqual(['- Hand-written: never force-push main.']);
    expect(plan.consumed).toHaveLength(13);
  });

  it('keeps demoted lessons in the archive, merging a lesson demoted twice', () => {
    const lesson = clusterLearnings(times(3))[0]!;
    const once = archiveLessons(null, [lesson]);
    expect(once).toMatch(/^# Key learnings archive\n/);
    const twice = archiveLessons(once, [{ ...lesson, count: 3, lastSeen: '2026-07-01' }]);
    expect(twice.match(/Run the migrations/g)).toHaveLength(1);
    expect(twice).toContain('strong: seen 6 times, last seen 2026-07-01');
  });

  it('round-trips a lesson line', () => {
    const lesson = { text: MIGRATE, tags: ['db', 'tests'], count: 4, lastSeen: '2026-05-01', refs: [] };
    expect(parseLesson(renderLesson(lesson))).toEqual(lesson);
  });

  it('lists emerging, ready and stale lessons', () => {
    const doc = replaceKeyLearnings(DOC, planPromotion(readKeyLearnings(DOC), times(3), 4000).section);
    const overview = learningsOverview(readKeyLearnings(doc), [...times(2, 'Mock the payment gateway', ['payments']), seen(MIGRATE, ['db'])], '2026-09-01', 90);
    expect(overview.emerging.map((l) => l.text)).toEqual(['Mock the payment gateway']);
    expect(overview.ready).toEqual([]);
    expect(overview.stale.map((l) => l.text)).toEqual([MIGRATE]);
  });
});

describe('provenanceOf', () => {
  it('finds every promotion and reinforcement of a lesson in the provenance file, and nothing of other lessons', () => {
    const lesson = { text: 'Run migrations before seeding', tags: [], count: 3, lastSeen: '2026-12-01', refs: ['T1#1', 'T4#2', 'T7#1'] };
    const other = { ...lesson, text: 'Run migrations before seeding the test database', refs: ['T9#1'] };
    let file = appendProvenance(null, provenanceSection('auth-1', '2026-12-01T10:00:00.000Z', 'rules', [lesson], [other]));
    file = appendProvenance(file, provenanceSection('auth-2', '2026-12-02T11:30:00.000Z', 'agent', [], [{ ...lesson, count: 4, refs: ['T2#1'] }]));
    expect(provenanceOf(file, lesson.text)).toEqual([
      '2026-12-01 10:00:00 UTC · epic auth-1 · grouped by relay\'s rules: promoted ← T1#1, T4#2, T7#1',
      '2026-12-02 11:30:00 UTC · epic auth-2 · grouped by the worker agent: reinforced ← T2#1',
    ]);
    expect(provenanceOf(file, 'Never seen')).toEqual([]);
  });
});
