import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { relay as run, tempDir } from '../support/project.ts';

function project(): { dir: string; relay: (args: string[], input?: string) => ReturnType<typeof run> } {
  const dir = tempDir('relay-ledger-cli-');
  return { dir, relay: (args, input) => run(dir, args, input, { RELAY_PROJECT_DIR: dir }) };
}

const incident = {
  timestamp: '2026-01-05T10:30:00Z',
  type: 'incident',
  task_id: 'redis-pool-exhausted',
  summary: 'API 500s for 40 minutes',
  root_cause: 'Redis connection pool exhausted: maxclients defaulted to 100',
  fix: 'Raised maxclients to 500 in infra/redis.conf',
  severity: 'high',
  duration_minutes: 42,
  files_modified: ['infra/redis.conf', 'api/cache.ts'],
  lesson_learned: { what_we_learned: 'Redis maxclients defaults to 100; size it from API replicas times pool size', action_items: ['Alert at 80% of maxclients'] },
  dora_impact: { time_to_restore: '42 min' },
};

describe('relay ledger add', () => {
  it('takes a record on stdin or --json and writes ledger.jsonl and NOTES.md', () => {
    const { dir, relay } = project();
    const added = relay(['ledger', 'add'], JSON.stringify(incident));
    expect(added).toMatchObject({ code: 0, stdout: 'relay: recorded incident "redis-pool-exhausted" in progress/ledger.jsonl and progress/NOTES.md\n' });
    expect(relay(['ledger', 'add', '--json', JSON.stringify({ ...incident, task_id: 'second' })]).code).toBe(0);
    const stored = readFileSync(join(dir, 'progress', 'ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(stored.map((r) => r.task_id)).toEqual(['redis-pool-exhausted', 'second']);
    expect(stored[0]).toEqual(incident);
    expect(readFileSync(join(dir, 'progress', 'NOTES.md'), 'utf8')).toContain('### Root cause\nRedis connection pool exhausted');
  });

  it.each([
    ['an invalid timestamp', { timestamp: '2026-02-30T10:00:00Z' }, /^relay: stdin: timestamp: "2026-02-30T10:00:00Z" is not an ISO 8601 date-time/],
    ['a vague lesson', { lesson_learned: 'Be more careful next time.' }, /^relay: stdin: lesson_learned: "Be more careful next time\." is too vague/],
    ['a vague structured lesson', { lesson_learned: { what_we_learned: 'test more' } }, /^relay: stdin: lesson_learned\.what_we_learned: "test more"/],
    ['an unquantified DORA impact', { dora_impact: 'improved lead time' }, /^relay: stdin: dora_impact: "improved lead time" is not quantified/],
    ['a task_id that is not kebab-case', { task_id: 'Fix_Redis' }, /^relay: stdin: task_id: "Fix_Redis" is not kebab-case/],
  ])('exits 2 with one line and writes nothing for %s', (_label, change, expected) => {
    const { dir, relay } = project();
    const r = relay(['ledger', 'add'], JSON.stringify({ ...incident, ...change }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'progress'))).toBe(false);
  });

  it('refuses a duplicate task_id unless --suffix-timestamp, and says so on one line', () => {
    const { dir, relay } = project();
    relay(['ledger', 'add'], JSON.stringify(incident));
    const before = readFileSync(join(dir, 'progress', 'ledger.jsonl'), 'utf8');
    const dup = relay(['ledger', 'add'], JSON.stringify(incident));
    expect(dup).toMatchObject({ code: 2, stderr: 'relay: stdin: task_id: "redis-pool-exhausted" is already in the ledger; choose another id or pass --suffix-timestamp\n' });
    expect(readFileSync(join(dir, 'progress', 'ledger.jsonl'), 'utf8')).toBe(before);
    const suffixed = relay(['ledger', 'add', '--suffix-timestamp'], JSON.stringify(incident));
    expect(suffixed.stdout).toContain('"redis-pool-exhausted-20260105-103000"');
  });

  it('rejects input that is not one JSON object', () => {
    const { relay } = project();
    expect(relay(['ledger', 'add'], '{nope')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^relay: stdin: invalid JSON: /) });
    expect(relay(['ledger', 'add'], '[]')).toMatchObject({ code: 2, stderr: 'relay: stdin: expected one JSON object (a record)\n' });
    expect(relay(['ledger', 'add'], '')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^relay: stdin: empty/) });
  });
});

/** Five records written straight to ledger.jsonl (the add path has its own tests; this keeps spawns few). */
function seed(dir: string): void {
  const records = [
    { timestamp: '2025-11-20T09:00:00Z', type: 'incident', task_id: 'old-redis', root_cause: 'Redis eviction dropped session keys', duration_minutes: 30, files_modified: ['api/session.ts'] },
    { timestamp: '2025-12-01T09:00:00Z', type: 'deployment', task_id: 'deploy-1', status: 'success', duration_minutes: 120, files_modified: ['api/session.ts', 'api/cache.ts'] },
    { timestamp: '2026-01-03T09:00:00Z', type: 'deployment', task_id: 'deploy-2', status: 'failed', duration_minutes: 60, files_modified: ['api/cache.ts'] },
    { timestamp: '2026-01-04T09:00:00Z', type: 'rollback', task_id: 'rollback-2', duration_minutes: 15, summary: 'Rolled back deploy-2' },
    { timestamp: '2026-01-06T09:00:00Z', type: 'task_completion', task_id: 'auth-t1', status: 'completed', attempts: 1, cost_usd: 0.3, files_modified: ['api/session.ts'] },
  ];
  mkdirSync(join(dir, 'progress'));
  writeFileSync(join(dir, 'progress', 'ledger.jsonl'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
}

describe('relay ledger query, hotspots, stats, report', () => {
  it('searches a field across archives and the live ledger, as JSON or a table', () => {
    const { dir, relay } = project();
    seed(dir);
    expect(relay(['ledger', 'rotate', '--force']).stdout).toMatch(/rotated 5 lines: archive\/ledger-2025-Q4\.jsonl \(\+2\), archive\/ledger-2026-Q1\.jsonl \(\+3\)/);
    relay(['ledger', 'add'], JSON.stringify(incident));
    const json = relay(['ledger', 'query', '--grep', 'redis', '--field', 'root_cause', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).map((r: { task_id: string }) => r.task_id)).toEqual(['old-redis', 'redis-pool-exhausted']);
    const table = relay(['ledger', 'query', '--grep', 'REDIS', '--field', 'root_cause']).stdout.split('\n');
    expect(table[0]).toMatch(/^WHEN \(UTC\)\s+TYPE\s+TASK\s+STATUS\s+ROOT_CAUSE$/);
    expect(table[1]).toMatch(/^2025-11-20 09:00 {2}incident {2}old-redis\s+Redis eviction dropped session keys$/);
    expect(table[3]).toBe('2 records');
  });

  it('filters by type, time and count', () => {
    const { dir, relay } = project();
    seed(dir);
    const ids = (args: string[]) => JSON.parse(relay(['ledger', 'query', ...args, '--json']).stdout).map((r: { task_id: string }) => r.task_id);
    expect(ids(['--type', 'deployment,rollback'])).toEqual(['deploy-1', 'deploy-2', 'rollback-2']);
    expect(ids(['--since', '2026-01-01', '--until', '2026-01-04'])).toEqual(['deploy-2', 'rollback-2']);
    expect(ids(['--limit', '2'])).toEqual(['rollback-2', 'auth-t1']);
    expect(ids(['--grep', 'nothing-like-this'])).toEqual([]);
    expect(relay(['ledger', 'query', '--type', 'meeting'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^relay: --type: "meeting" is not a record type/) });
  });

  it('lists hotspots and computes DORA and agent metrics over a window', () => {
    const { dir, relay } = project();
    seed(dir);
    const hot = JSON.parse(relay(['ledger', 'hotspots', '--json']).stdout);
    expect(hot.hotspots).toEqual([
      { file: 'api/session.ts', count: 3, last_modified: '2026-01-06T09:00:00Z' },
      { file: 'api/cache.ts', count: 2, last_modified: '2026-01-03T09:00:00Z' },
    ]);
    const stats = JSON.parse(relay(['ledger', 'stats', '--since', '2025-11-01', '--until', '2026-01-31', '--json']).stdout);
    expect(stats).toMatchObject({
      schema: 'relay.ledger.stats/v1',
      window: { since: '2025-11-01T00:00:00.000Z', until: '2026-01-31T23:59:59.999Z' },
      records: { total: 5 },
      dora: { deployments: 2, lead_time_minutes: { median: 90, p90: 120, samples: 2 }, change_failure_rate: 1, failed_changes: 2, time_to_restore_minutes: { median: 22.5, samples: 2 } },
      agent: { source: 'episodic-ledger', tasks: 1, first_pass_success_rate: 1, attempts_per_task: 1, cost_per_task_usd: 0.3 },
    });
    const text = relay(['ledger', 'stats', '--since', '2025-11-01', '--until', '2026-01-31']).stdout;
    expect(text).toMatch(/Change failure rate\s+100\.0% \(2 of 2\)/);
    expect(text).toMatch(/First-pass success\s+100\.0% of 1 task/);
  });

  it('writes a monthly trend report with an SVG chart', () => {
    const { dir, relay } = project();
    seed(dir);
    const out = join(dir, 'reports', 'ledger-2026-01.md');
    mkdirSync(join(dir, 'reports'));
    expect(relay(['ledger', 'report', '--month', '2026-01', '--out', out]).code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^# Episodic ledger report: 2026-01/);
    expect(md).toContain('![Deployments and failed changes per month](ledger-2026-01.svg)');
    expect(md).toContain('| 2025-12 | 1 | 2.0 h |');
    expect(readFileSync(join(dir, 'reports', 'ledger-2026-01.svg'), 'utf8')).toMatch(/^<svg /);
    expect(relay(['ledger', 'report', '--month', '2026-1']).code).toBe(2);
  });
});

describe('relay ledger validate and repair', () => {
  it('prints file:line: reason for each bad line and exits 1; repair sets them aside', () => {
    const { dir, relay } = project();
    seed(dir);
    const ledger = join(dir, 'progress', 'ledger.jsonl');
    writeFileSync(ledger, `${readFileSync(ledger, 'utf8')}not json\n{"timestamp":"2026-01-07T00:00:00Z","type":"incident"}\n`);
    const bad = relay(['ledger', 'validate']);
    expect(bad.code).toBe(1);
    expect(bad.stdout.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^progress\/ledger\.jsonl:6: invalid JSON: /),
      'progress/ledger.jsonl:7: task_id: required',
    ]);
    expect(bad.stderr).toBe('relay: 2 problems in the episodic ledger; fix the lines or run: relay ledger repair\n');
    expect(JSON.parse(relay(['ledger', 'validate', '--json']).stdout)).toMatchObject({ schema: 'relay.ledger.validate/v1', files: 1, lines: 7, problems: [{ file: 'progress/ledger.jsonl', line: 6 }, { line: 7 }] });

    const repaired = relay(['ledger', 'repair']);
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toContain('relay: set 2 bad lines aside in progress/ledger.jsonl.rejected');
    expect(readFileSync(`${ledger}.rejected`, 'utf8')).toBe('not json\n{"timestamp":"2026-01-07T00:00:00Z","type":"incident"}\n');
    expect(relay(['ledger', 'validate'])).toMatchObject({ code: 0, stdout: 'relay: 5 records in 1 file, all valid\n' });
    expect(relay(['ledger', 'repair']).stdout).toBe('relay: nothing to repair\n');
  });

  it('rotates by size from the CLI and keeps queries whole', () => {
    const { dir, relay } = project();
    seed(dir);
    expect(relay(['ledger', 'rotate']).stdout).toMatch(/under its size limit; nothing rotated/);
    expect(relay(['ledger', 'rotate', '--max-bytes', '100']).code).toBe(0);
    expect(readdirSync(join(dir, 'progress', 'archive')).sort()).toEqual(['ledger-2025-Q4.jsonl', 'ledger-2026-Q1.jsonl']);
    expect(JSON.parse(readFileSync(join(dir, 'progress', 'ledger-index.json'), 'utf8')).archives).toHaveLength(2);
    expect(JSON.parse(relay(['ledger', 'query', '--json']).stdout)).toHaveLength(5);
    expect(relay(['ledger', 'validate']).code).toBe(0);
  });
});
