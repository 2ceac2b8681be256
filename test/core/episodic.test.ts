import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkGates, doraProblem, monthWindows, parseRecord, parseTimeBound, quarterOf, suffixedId, timestampMs, toKebab,
  type EpisodicRecord,
} from '../../scripts/core/episodic/records.ts';
import { MIN_LESSON_WORDS, VAGUE_PHRASES } from '../../scripts/core/knowledge/vague-lessons.ts';
import { lessonProblem } from '../../scripts/core/knowledge/lesson-gate.ts';
import {
  agentMetricsFromTally, doraMetrics, newTally, spread, tallyFiles, tallyRecord, topHotspots, type Hotspot,
} from '../../scripts/core/episodic/metrics.ts';
import { compileQuery } from '../../scripts/core/episodic/query.ts';
import { renderMonthlyReport, renderNotesSection, renderTrendSvg } from '../../scripts/core/episodic/render.ts';

const T = '2026-01-05T10:30:00Z';
const base = { timestamp: T, type: 'incident', task_id: 'redis-pool-exhausted' };
const message = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
};

describe('record schema', () => {
  it('requires timestamp, type and a kebab-case task_id, naming the field', () => {
    expect(message(() => parseRecord({ type: 'incident', task_id: 'x' }, 'stdin'))).toBe('stdin: timestamp: required');
    expect(message(() => parseRecord({ ...base, type: 'meeting' }, 'stdin'))).toMatch(/^stdin: type: expected one of task_completion, .*lesson_learned$/);
    expect(message(() => parseRecord({ ...base, task_id: 'T3_Fix Redis' }, 'stdin'))).toMatch(/^stdin: task_id: "T3_Fix Redis" is not kebab-case .*did you mean "t3-fix-redis"\?$/);
    for (const type of ['task_completion', 'consensus_decision', 'deployment', 'incident', 'rollback']) {
      expect(parseRecord({ ...base, type }, 'x').type).toBe(type);
    }
  });

  it('reads nulls as absent, keeps unknown keys, and wants the lesson on a lesson_learned record', () => {
    const record = parseRecord({ ...base, root_cause: null, ticket: 'OPS-12' }, 'x');
    expect(record).toEqual({ ...base, ticket: 'OPS-12' });
    expect(message(() => parseRecord({ ...base, type: 'lesson_learned' }, 'x'))).toBe('x: lesson_learned: a lesson_learned record needs the lesson');
  });

  it('checks the optional seed fields', () => {
    expect(message(() => parseRecord({ ...base, severity: 'urgent' }, 'x'))).toMatch(/^x: severity: expected critical/);
    expect(message(() => parseRecord({ ...base, deployment_time: 'noon' }, 'x'))).toMatch(/^x: deployment_time: "noon" is not an ISO 8601/);
    expect(message(() => parseRecord({ ...base, lesson_learned: { what_went_wrong: 'x' } }, 'x'))).toMatch(/^x: lesson_learned/);
    expect(parseRecord({ ...base, lines_changed: { added: 3, removed: 1 }, tests_passed: 212, files_modified: ['a.ts'] }, 'x').lines_changed).toEqual({ added: 3, removed: 1 });
  });
});

describe('gate: ISO 8601 timestamp', () => {
  it.each([
    ['2026-01-05T10:30:00Z', Date.UTC(2026, 0, 5, 10, 30)],
    ['2026-01-05T10:30Z', Date.UTC(2026, 0, 5, 10, 30)],
    ['2026-01-05T11:30:00+01:00', Date.UTC(2026, 0, 5, 10, 30)],
    ['2026-01-05T05:00:00-0530', Date.UTC(2026, 0, 5, 10, 30)],
    ['2026-01-05T10:30:00.123456Z', Date.UTC(2026, 0, 5, 10, 30, 0, 123)],
    ['2026-01-05T10:30:00', Date.UTC(2026, 0, 5, 10, 30)],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
  ])('accepts %s', (text, ms) => {
    expect(timestampMs(text)).toBe(ms);
  });

  it.each(['yesterday', '2026-01-05', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-05T24:00:00Z', '2026-01-05 10:30:00Z', '1767609000'])('rejects %s', (text) => {
    expect(timestampMs(text)).toBeUndefined();
    expect(message(() => parseRecord({ ...base, timestamp: text }, 'stdin'))).toBe(`stdin: timestamp: "${text}" is not an ISO 8601 date-time; write it like 2026-01-05T10:30:00Z`);
  });
});

describe('gate: specific lesson (the rejection list is data)', () => {
  it.each(VAGUE_PHRASES.map((p) => [p]))('rejects "%s" on its own and padded with filler', (phrase) => {
    expect(lessonProblem(phrase)).toMatch(/too vague|shorter than a real sentence|names nothing concrete/);
    expect(lessonProblem(`Next time we should really ${phrase} about everything.`)).toMatch(/too vague/);
  });

  it.each(VAGUE_PHRASES.map((p) => [p]))('accepts "%s" once the lesson names what and where', (phrase) => {
    expect(lessonProblem(`${phrase}: run prisma migrate diff before editing schema.prisma in CI`)).toBeNull();
  });

  it('rejects lessons shorter than a sentence or with nothing concrete', () => {
    expect(lessonProblem('Fixed Redis.')).toMatch(/shorter than a real sentence \(2 words\)/);
    expect(MIN_LESSON_WORDS).toBeGreaterThan(2);
    expect(lessonProblem('We learned that testing is really important for quality')).toMatch(/names nothing concrete/);
  });

  it('accepts specific lessons', () => {
    for (const lesson of [
      'Redis maxclients defaults to 100; size it from replicas times pool size',
      'Use pnpm install --frozen-lockfile in CI so the lockfile cannot drift',
      'Migration 042 locked the orders table for 9 minutes; add columns with defaults in two steps',
    ]) expect(lessonProblem(lesson)).toBeNull();
  });

  it('gates the string form and the structured form, naming the field', () => {
    const vague = parseRecord({ ...base, lesson_learned: 'be more careful' }, 'stdin');
    expect(message(() => checkGates(vague, 'stdin'))).toMatch(/^stdin: lesson_learned: "be more careful" is too vague/);
    const structured = parseRecord({ ...base, lesson_learned: { what_we_learned: 'test more', action_items: [] } }, 'stdin');
    expect(message(() => checkGates(structured, 'stdin'))).toMatch(/^stdin: lesson_learned\.what_we_learned: "test more"/);
  });
});

describe('gate: quantified DORA impact', () => {
  it.each(['lead time -35 min', '+2 deploys/week', 'CFR down 5%', 'restore 1.5 h faster', '3x more deployments', 'MTTR 40 minutes', '2 per week'])('accepts "%s"', (text) => {
    expect(doraProblem(text)).toBeNull();
  });

  it.each(['improved', 'much faster deploys', 'reduced by 30', 'better'])('rejects "%s"', (text) => {
    expect(doraProblem(text)?.problem).toMatch(/is not quantified; give a number with a unit/);
  });

  it('checks each entry of the object form; a bare number needs a unit in its key', () => {
    expect(doraProblem({ lead_time: '-35 min', time_to_restore_minutes: 42 })).toBeNull();
    expect(doraProblem({ lead_time: 'improved' })).toEqual({ field: 'dora_impact.lead_time', problem: expect.stringMatching(/not quantified/) });
    expect(doraProblem({ lead_time: 35 })?.problem).toMatch(/has no unit/);
    expect(doraProblem({})?.problem).toMatch(/is empty/);
    const record = parseRecord({ ...base, dora_impact: { deployment_frequency: 'more' } }, 'stdin');
    expect(message(() => checkGates(record, 'stdin'))).toMatch(/^stdin: dora_impact\.deployment_frequency: "more" is not quantified/);
  });
});

describe('ids and time', () => {
  it('makes ids kebab-case and suffixes them from the record time in UTC', () => {
    expect(toKebab('Add user-auth: T3 (v2)')).toBe('add-user-auth-t3-v2');
    expect(suffixedId('fix-redis', '2026-01-05T11:30:00+01:00')).toBe('fix-redis-20260105-103000');
    expect(suffixedId('fix-redis', T, 2)).toBe('fix-redis-20260105-103000-2');
    expect(suffixedId('x'.repeat(120), T)).toHaveLength(120);
  });

  it('reads --since/--until as dates, date-times or spans', () => {
    const now = Date.UTC(2026, 0, 31);
    expect(parseTimeBound('2026-01-05', now, 'since', '--since')).toBe(Date.UTC(2026, 0, 5));
    expect(parseTimeBound('2026-01-05', now, 'until', '--until')).toBe(Date.UTC(2026, 0, 6) - 1);
    expect(parseTimeBound('2026-01-05T10:30:00Z', now, 'since', '--since')).toBe(Date.UTC(2026, 0, 5, 10, 30));
    expect(parseTimeBound('30d', now, 'since', '--since')).toBe(now - 30 * 86_400_000);
    expect(parseTimeBound('12h', now, 'since', '--since')).toBe(now - 12 * 3_600_000);
    expect(message(() => parseTimeBound('last week', now, 'since', '--since'))).toMatch(/^--since: "last week" is not a date/);
  });

  it('puts times in UTC quarters and months', () => {
    expect(quarterOf(Date.UTC(2025, 11, 31, 23, 59, 59))).toBe('2025-Q4');
    expect(quarterOf(Date.UTC(2026, 0, 1))).toBe('2026-Q1');
    expect(quarterOf(timestampMs('2026-01-01T00:30:00+01:00')!)).toBe('2025-Q4');
    const months = monthWindows('2026-02', 3);
    expect(months.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(months[2]!.untilMs).toBe(Date.UTC(2026, 2, 1) - 1);
    expect(message(() => monthWindows('2026-2', 1))).toMatch(/^--month: "2026-2" is not a month/);
  });
});

describe('DORA and agent metrics', () => {
  const window = { sinceMs: Date.UTC(2026, 0, 1), untilMs: Date.UTC(2026, 0, 29) }; // 28 days
  const records = [
    { type: 'deployment', status: 'success', duration_minutes: 30 },
    { type: 'deployment', status: 'success', duration_minutes: 60 },
    { type: 'deployment', status: 'failed', duration_minutes: 90 },
    { type: 'deployment', status: 'success', duration_minutes: 600 },
    { type: 'rollback', duration_minutes: 20 },
    { type: 'incident', duration_minutes: 40, severity: 'high' },
    { type: 'task_completion', status: 'completed', attempts: 1, cost_usd: 0.5 },
    { type: 'task_completion', status: 'completed', attempts: 3, cost_usd: 1.5 },
    { type: 'lesson_learned' },
  ];

  it('computes frequency, lead time median and p90, change failure rate and time to restore', () => {
    const tally = newTally();
    for (const r of records) tallyRecord(tally, r);
    expect(doraMetrics(tally, window)).toEqual({
      deployments: 4,
      deployment_frequency: { per_day: 0.143, per_week: 1 },
      lead_time_minutes: { median: 75, p90: 600, samples: 4 },
      change_failure_rate: 0.5,
      failed_changes: 2,
      time_to_restore_minutes: { median: 30, p90: 40, samples: 2 },
    });
    expect(tally.byType).toMatchObject({ deployment: 4, rollback: 1, incident: 1, task_completion: 2, lesson_learned: 1 });
    expect(agentMetricsFromTally(tally)).toEqual({
      source: 'episodic-ledger', tasks: 2, first_pass_success_rate: 0.5, attempts_per_task: 2, cost_per_task_usd: 1, total_cost_usd: 2,
    });
  });

  it('reports nulls, not zeros, when there is nothing to measure', () => {
    const dora = doraMetrics(newTally(), window);
    expect(dora.change_failure_rate).toBeNull();
    expect(dora.lead_time_minutes).toEqual({ median: null, p90: null, samples: 0 });
    expect(agentMetricsFromTally(newTally())).toBeNull();
    expect(spread([5])).toEqual({ median: 5, p90: 5, samples: 1 });
  });

  it('ranks hotspots by changes, then recency', () => {
    const files = new Map<string, Hotspot>();
    tallyFiles(files, { timestamp: '2026-01-01T00:00:00Z', files_modified: ['a.ts', 'b.ts', 'a.ts'] });
    tallyFiles(files, { timestamp: '2026-01-03T00:00:00Z', files_modified: ['b.ts', 'c.ts'] });
    tallyFiles(files, { timestamp: '2026-01-02T00:00:00Z', files_modified: ['a.ts'] });
    expect(topHotspots(files, 2)).toEqual([
      { file: 'b.ts', count: 2, last_modified: '2026-01-03T00:00:00Z' },
      { file: 'a.ts', count: 2, last_modified: '2026-01-02T00:00:00Z' },
    ]);
  });
});

describe('query matching', () => {
  const record = { ...base, root_cause: 'Redis pool exhausted', lesson_learned: { what_we_learned: 'Size the Postgres pool', action_items: [] } };

  it('matches a regex case-insensitively in the chosen fields, or anywhere', () => {
    expect(compileQuery({ grep: 'redis', fields: ['root_cause'] }).matches(record)).toBe(true);
    expect(compileQuery({ grep: 'postgres', fields: ['root_cause'] }).matches(record)).toBe(false);
    expect(compileQuery({ grep: 'postgres', fields: ['lesson_learned.what_we_learned'] }).matches(record)).toBe(true);
    expect(compileQuery({ grep: 'postgres' }).matches(record)).toBe(true);
    expect(compileQuery({ grep: 'what_we_learned' }).matches(record)).toBe(false); // keys are not text
    expect(compileQuery({ grep: 'redis|memcached' }).prefilter).toBeNull();
    expect(message(() => compileQuery({ grep: '(' }))).toMatch(/^--grep: /);
  });

  it('filters by type, presence of a field, and time', () => {
    expect(compileQuery({ types: ['deployment'] }).matches(record)).toBe(false);
    expect(compileQuery({ fields: ['fix'] }).matches(record)).toBe(false);
    expect(compileQuery({ fields: ['root_cause'] }).matches(record)).toBe(true);
    expect(compileQuery({ sinceMs: Date.UTC(2026, 0, 6) }).matches(record)).toBe(false);
    expect(compileQuery({ untilMs: Date.UTC(2026, 0, 6) }).matches(record)).toBe(true);
  });

  it('never lets the raw-line pre-filter drop a line that matches', () => {
    const literal = fc.stringMatching(/^[a-zA-Z0-9 _:/@=-]{1,6}$/);
    fc.assert(fc.property(literal, fc.array(fc.string({ unit: 'binary' }), { maxLength: 4 }), (grep, texts) => {
      const query = compileQuery({ grep });
      const rec = { ...base, summary: texts.join(grep.toUpperCase()), root_cause: texts.join('') };
      const line = JSON.stringify(rec);
      const re = query.prefilter!;
      re.lastIndex = 0;
      return !query.matches(rec) || re.test(line);
    }), { numRuns: 500 });
  });

  it('lets escaped characters through the pre-filter', () => {
    const query = compileQuery({ grep: 'redis' });
    const line = '{"timestamp":"2026-01-05T10:30:00Z","type":"incident","task_id":"x","root_cause":"\\u0052edis down"}';
    expect(query.matches(JSON.parse(line))).toBe(true);
    query.prefilter!.lastIndex = 0;
    expect(query.prefilter!.test(line)).toBe(true);
  });
});

describe('NOTES.md section and report', () => {
  const full: EpisodicRecord = parseRecord({
    ...base, summary: 'API 500s for 40 minutes', status: 'resolved', severity: 'high', duration_minutes: 42,
    root_cause: 'Redis maxclients defaulted to 100', fix: 'Raised maxclients to 500', verification: 'Load test at 2x traffic',
    tests_passed: true, files_modified: ['infra/redis.conf'], deployment_time: '2026-01-05T11:00:00Z',
    lesson_learned: { context: 'Black Friday', what_we_learned: 'Size maxclients from replicas times pool size', action_items: ['Alert at 80% of maxclients'], confidence: 'high' },
    follow_ups: ['Review other Redis defaults'], dora_impact: { time_to_restore: '42 min' },
  }, 'x');

  it('renders the seed sections in order, leaving out empty ones', () => {
    const section = renderNotesSection(full);
    const headings = [...section.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['Summary', 'Root cause', 'Fix', 'Verification', 'Deployment', 'Lessons', 'Follow-ups', 'DORA']);
    expect(section).toMatch(/^## 2026-01-05 10:30 UTC · incident · redis-pool-exhausted/);
    expect(section).toContain('- [ ] Alert at 80% of maxclients\n- [ ] Review other Redis defaults');
    const bare = renderNotesSection(parseRecord(base, 'x'));
    expect(bare).not.toContain('###');
  });

  it('renders a monthly trend report and an SVG chart', () => {
    const months = monthWindows('2026-01', 2).map((m) => ({ ...m, tally: newTally() }));
    for (const r of [{ type: 'deployment', duration_minutes: 30 }, { type: 'rollback', duration_minutes: 10 }]) tallyRecord(months[0]!.tally, r);
    for (const r of [{ type: 'deployment', duration_minutes: 20 }, { type: 'deployment', duration_minutes: 40 }]) tallyRecord(months[1]!.tally, r);
    const md = renderMonthlyReport({ months, generatedAt: T, incidents: [], lessons: [{ task_id: 'x', text: 'Pin Redis to 7.2' }], hotspots: [], chart: 'chart.svg' });
    expect(md).toMatch(/^# Episodic ledger report: 2026-01/);
    expect(md).toContain('| Change failure rate | 0.0% | 100.0% | ▼ better |');
    expect(md).toContain('| Lead time (median) | 30 min | 30 min | = |');
    expect(md).toContain('| 2025-12 | 1 | 30 min | 100.0% | 10 min | 0 | 0 | — |');
    expect(md).toContain('![Deployments and failed changes per month](chart.svg)');
    expect(md).toContain('- Pin Redis to 7.2 (x)');
    const svg = renderTrendSvg(months);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<rect /g)).toHaveLength(4);
  });
});
