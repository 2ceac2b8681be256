import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecord } from '../../scripts/core/episodic/records.ts';
import { compileQuery } from '../../scripts/core/episodic/query.ts';
import { projectPaths, type ProjectPaths } from '../../scripts/core/shared/paths.ts';
import { fileLines, inspectLedger, readChunks, readIndex, scanLedger, type ScanStats } from '../../scripts/adapters/episodic-reader.ts';
import { appendRecord, recordTaskOutcome, repairLedger, rotateLedger } from '../../scripts/adapters/episodic-store.ts';
import { tempDir } from '../support/project.ts';

function project(config?: string): ProjectPaths {
  const root = tempDir('relay-episodic-');
  if (config) writeFileSync(join(root, '.agents.yml'), config);
  return projectPaths(root);
}

const rec = (task_id: string, timestamp: string, extra: Record<string, unknown> = {}) =>
  parseRecord({ timestamp, type: 'task_completion', task_id, ...extra }, 'test');

function all(paths: ProjectPaths, query = compileQuery({}), window = {}): { ids: string[]; stats: ScanStats } {
  const stats: ScanStats = { files: 0, unreadable: 0 };
  const ids = [...scanLedger(paths, query, window, stats)].map((m) => m.record.task_id as string);
  return { ids, stats };
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);
const shown = (file: string) => file.replace(/^.*\/progress\//, 'progress/');

describe('append', () => {
  it('writes one redacted line and a NOTES.md section', async () => {
    const paths = project();
    await appendRecord(paths, rec('deploy-api', '2026-01-05T10:30:00Z', { summary: 'Deployed with DATABASE_URL=postgres://app:hunter2secret@db/app' }));
    const [line] = lines(paths.episodicLedger);
    expect(line).not.toContain('hunter2secret');
    expect(JSON.parse(line!)).toMatchObject({ task_id: 'deploy-api', summary: expect.stringContaining('[REDACTED:') });
    const notes = readFileSync(paths.notes, 'utf8');
    expect(notes).toMatch(/^# Notes\n/);
    expect(notes).toContain('## 2026-01-05 10:30 UTC · task completion · deploy-api');
    expect(notes).not.toContain('hunter2secret');
  });

  it('refuses a task_id already in the ledger or an archive, writing nothing', async () => {
    const paths = project();
    await appendRecord(paths, rec('fix-redis', '2025-11-01T00:00:00Z'));
    await rotateLedger(paths, { force: true });
    const before = [readFileSync(paths.episodicLedger, 'utf8'), readFileSync(paths.notes, 'utf8')];
    await expect(appendRecord(paths, rec('fix-redis', '2026-01-05T10:30:00Z'), { source: 'stdin' }))
      .rejects.toThrow('stdin: task_id: "fix-redis" is already in the ledger; choose another id or pass --suffix-timestamp');
    expect([readFileSync(paths.episodicLedger, 'utf8'), readFileSync(paths.notes, 'utf8')]).toEqual(before);
  });

  it('makes a taken id unique with a timestamp suffix, and a counter when that is taken too', async () => {
    const paths = project();
    const at = '2026-01-05T10:30:00Z';
    await appendRecord(paths, rec('fix-redis', at));
    const first = await appendRecord(paths, rec('fix-redis', at), { taskIdPolicy: 'suffix' });
    const second = await appendRecord(paths, rec('fix-redis', at), { taskIdPolicy: 'suffix' });
    expect([first.record.task_id, second.record.task_id]).toEqual(['fix-redis-20260105-103000', 'fix-redis-20260105-103000-2']);
    expect(inspectLedger(paths, shown).problems).toEqual([]);
  });

  it('writes nothing on a dry run', async () => {
    const paths = project();
    const result = await appendRecord(paths, rec('fix-redis', '2026-01-05T10:30:00Z'), { dryRun: true });
    expect(result.record.task_id).toBe('fix-redis');
    expect(existsSync(paths.progressDir)).toBe(false);
  });

  it('starts a new line when a hand edit left the last one unterminated', async () => {
    const paths = project();
    mkdirSync(paths.progressDir);
    writeFileSync(paths.episodicLedger, JSON.stringify(rec('by-hand', '2026-01-01T00:00:00Z')));
    await appendRecord(paths, rec('by-relay', '2026-01-02T00:00:00Z'));
    expect(all(paths).ids).toEqual(['by-hand', 'by-relay']);
  });
});

describe('automatic task outcomes (relay work)', () => {
  it('records a kebab-case id that carries its time (two branches settling one task never share it), with attempts, files and a terse learning that skips the gates', async () => {
    const paths = project();
    const outcome = { epicId: 'add-auth-20260105', taskId: 'T3', status: 'completed' as const, attempts: 2, filesModified: ['app/user.rb', ''], learning: 'test more', costUsd: 0.42 };
    const first = await recordTaskOutcome(paths, { ...outcome, timestamp: '2026-01-05T10:30:00Z' });
    expect(first).toMatchObject({ type: 'task_completion', task_id: 'add-auth-20260105-t3-20260105-103000', status: 'completed', attempts: 2, files_modified: ['app/user.rb'], lesson_learned: 'test more', cost_usd: 0.42 });
    const again = await recordTaskOutcome(paths, { ...outcome, status: 'gated', gateReason: 'max_attempts_exceeded', timestamp: '2026-01-06T08:00:00Z' });
    expect(again).toMatchObject({ task_id: 'add-auth-20260105-t3-20260106-080000', status: 'gated', root_cause: 'max_attempts_exceeded' });
    expect(again.summary).toBe('T3 gated (max_attempts_exceeded) after 2 attempts');
  });
});

describe('rotation', () => {
  it('splits the ledger by record quarter across a year boundary and indexes each archive', async () => {
    const paths = project();
    await appendRecord(paths, rec('q4-last-second', '2025-12-31T23:59:59Z'));
    await appendRecord(paths, rec('q1-first-second', '2026-01-01T00:00:00Z'));
    await appendRecord(paths, rec('q4-by-offset', '2026-01-01T00:30:00+01:00'));
    await appendRecord(paths, rec('q1-later', '2026-03-31T12:00:00Z'));
    const { rotation } = await rotateLedger(paths, { force: true });
    expect(rotation).toEqual({ lines: 4, archives: [{ file: 'archive/ledger-2025-Q4.jsonl', added: 2 }, { file: 'archive/ledger-2026-Q1.jsonl', added: 2 }] });
    expect(readFileSync(paths.episodicLedger, 'utf8')).toBe('');
    expect(lines(join(paths.progressArchive, 'ledger-2025-Q4.jsonl')).map((l) => JSON.parse(l).task_id)).toEqual(['q4-last-second', 'q4-by-offset']);
    expect(readIndex(paths)).toEqual({
      index: {
        version: 1,
        archives: [
          { file: 'archive/ledger-2025-Q4.jsonl', quarter: '2025-Q4', from: '2025-12-31T23:30:00.000Z', to: '2025-12-31T23:59:59.000Z', count: 2 },
          { file: 'archive/ledger-2026-Q1.jsonl', quarter: '2026-Q1', from: '2026-01-01T00:00:00.000Z', to: '2026-03-31T12:00:00.000Z', count: 2 },
        ],
      },
    });

    // A second rotation appends to the quarter's archive and widens its index entry.
    await appendRecord(paths, rec('q1-again', '2026-02-01T00:00:00Z'));
    await appendRecord(paths, rec('q2-first', '2026-04-01T00:00:00Z'));
    await rotateLedger(paths, { force: true });
    expect(readIndex(paths).index.archives.map((a) => [a.quarter, a.count])).toEqual([['2025-Q4', 2], ['2026-Q1', 3], ['2026-Q2', 1]]);
    expect(inspectLedger(paths, shown).problems).toEqual([]);
  });

  it('rotates on append once ledger.jsonl passes relay.ledger.rotate_bytes', async () => {
    const paths = project('relay:\n  ledger:\n    rotate_bytes: 600\n');
    let rotated = 0;
    for (let i = 0; i < 8; i++) {
      const { rotation } = await appendRecord(paths, rec(`task-${i}`, `2026-01-0${i + 1}T00:00:00Z`, { summary: 'x'.repeat(100) }));
      if (rotation) rotated++;
    }
    expect(rotated).toBeGreaterThan(0);
    expect(readdirSync(paths.progressArchive)).toEqual(['ledger-2026-Q1.jsonl']);
    expect(all(paths).ids).toEqual(['task-0', 'task-1', 'task-2', 'task-3', 'task-4', 'task-5', 'task-6', 'task-7']);
  });

  it('leaves a ledger under its limit alone unless forced', async () => {
    const paths = project();
    await appendRecord(paths, rec('small', '2026-01-01T00:00:00Z'));
    expect((await rotateLedger(paths)).rotation).toBeNull();
    expect((await rotateLedger(paths, { maxBytes: 10 })).rotation?.lines).toBe(1);
  });

  it('archives NOTES.md past relay.ledger.notes_max_bytes to NOTES-<year>.md', async () => {
    const paths = project('relay:\n  ledger:\n    notes_max_bytes: 1500\n');
    const now = new Date('2026-03-01T00:00:00Z');
    const archived: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { notesArchive } = await appendRecord(paths, rec(`task-${i}`, '2026-01-01T00:00:00Z', { summary: `summary ${i} ${'y'.repeat(300)}` }), { now });
      if (notesArchive) archived.push(notesArchive);
    }
    expect(archived.length).toBeGreaterThan(0);
    const archive = readFileSync(join(paths.progressArchive, 'NOTES-2026.md'), 'utf8');
    const notes = readFileSync(paths.notes, 'utf8');
    expect(notes).toContain('Earlier notes: archive/NOTES-2026.md');
    expect(notes).toContain('· task-7\n');
    for (let i = 0; i < 8; i++) expect(`${archive}${notes}`).toContain(`summary ${i} `);
  });
});

describe('reading across archives', () => {
  async function rotatedProject(): Promise<ProjectPaths> {
    const paths = project();
    await appendRecord(paths, rec('redis-2025', '2025-11-03T00:00:00Z', { root_cause: 'Redis maxclients at 100' }));
    await appendRecord(paths, rec('pg-2025', '2025-12-03T00:00:00Z', { root_cause: 'Postgres pool exhausted' }));
    await appendRecord(paths, rec('redis-2026', '2026-02-03T00:00:00Z', { root_cause: 'Redis eviction dropped sessions' }));
    await rotateLedger(paths, { force: true });
    await appendRecord(paths, rec('redis-live', '2026-04-03T00:00:00Z', { root_cause: 'redis TLS certificate expired' }));
    return paths;
  }

  it('answers a query from every archive and the live ledger, oldest first', async () => {
    const paths = await rotatedProject();
    const { ids, stats } = all(paths, compileQuery({ grep: 'redis', fields: ['root_cause'] }));
    expect(ids).toEqual(['redis-2025', 'redis-2026', 'redis-live']);
    expect(stats.files).toBe(3);
  });

  it('skips archives outside the time window, using the index', async () => {
    const paths = await rotatedProject();
    const window = { sinceMs: Date.UTC(2026, 0, 1) };
    const { ids, stats } = all(paths, compileQuery({ grep: 'redis', ...window }), window);
    expect(ids).toEqual(['redis-2026', 'redis-live']);
    expect(stats.files).toBe(2);
  });

  it('still reads an archive the index lost', async () => {
    const paths = await rotatedProject();
    writeFileSync(paths.ledgerIndex, '{"version":1,"archives":[]}');
    expect(all(paths, compileQuery({ grep: 'redis' })).ids).toEqual(['redis-2025', 'redis-2026', 'redis-live']);
    expect(inspectLedger(paths, shown).problems.map((p) => p.reason)).toEqual([
      'archive/ledger-2025-Q4.jsonl: archive not listed',
      'archive/ledger-2026-Q1.jsonl: archive not listed',
    ]);
  });

  it('reads lines longer than a chunk, CRLF endings and a last line with no newline', () => {
    const paths = project();
    mkdirSync(paths.progressDir);
    const long = JSON.stringify(rec('long', '2026-01-01T00:00:00Z', { summary: 'z'.repeat(200_000) }));
    writeFileSync(paths.episodicLedger, `${long}\r\n${JSON.stringify(rec('last', '2026-01-02T00:00:00Z'))}`);
    expect(all(paths).ids).toEqual(['long', 'last']);
    expect([...readChunks(paths.episodicLedger)].join('\n').length).toBe(readFileSync(paths.episodicLedger, 'utf8').length);
  });
});

describe('validate and repair', () => {
  it('reports every bad line with file:line, then sets them aside and keeps the good ones', async () => {
    const paths = project();
    await appendRecord(paths, rec('kept-in-archive', '2025-12-01T00:00:00Z'));
    await rotateLedger(paths, { force: true });
    const archive = join(paths.progressArchive, 'ledger-2025-Q4.jsonl');
    writeFileSync(archive, `${readFileSync(archive, 'utf8')}{"torn":\n`);
    const good = JSON.stringify(rec('good', '2026-01-01T00:00:00Z'));
    const original = [
      good,
      '{"timestamp":"2026-13-01T00:00:00Z","type":"incident","task_id":"bad-time"}',
      '',
      '[1,2]',
      JSON.stringify(rec('kept-in-archive', '2026-01-02T00:00:00Z')),
      JSON.stringify(rec('also-good', '2026-01-03T00:00:00Z')),
    ];
    writeFileSync(paths.episodicLedger, `${original.join('\n')}\n`);

    const { problems } = inspectLedger(paths, shown);
    expect(problems.map((p) => `${shown(p.file)}${p.line ? `:${p.line}` : ''}: ${p.reason}`)).toEqual([
      expect.stringMatching(/^progress\/archive\/ledger-2025-Q4\.jsonl:2: invalid JSON: /),
      'progress/ledger.jsonl:2: timestamp: "2026-13-01T00:00:00Z" is not an ISO 8601 date-time; write it like 2026-01-05T10:30:00Z',
      'progress/ledger.jsonl:4: not a JSON object',
      'progress/ledger.jsonl:5: duplicate task_id "kept-in-archive" (first at progress/archive/ledger-2025-Q4.jsonl:1)',
      'progress/ledger-index.json: archive/ledger-2025-Q4.jsonl: count is 1 but the archive holds 2 lines',
    ]);

    const repaired = await repairLedger(paths, shown);
    expect(repaired.rejected.map(shown)).toEqual(['progress/archive/ledger-2025-Q4.jsonl.rejected', 'progress/ledger.jsonl.rejected']);
    expect(repaired.indexRewritten).toBe(true);
    expect(lines(paths.episodicLedger)).toEqual([original[0], original[5]]);
    expect(lines(`${paths.episodicLedger}.rejected`)).toEqual([original[1], original[3], original[4]]);
    expect(lines(`${archive}.rejected`)).toEqual(['{"torn":']);
    expect(inspectLedger(paths, shown).problems).toEqual([]);
    expect(readIndex(paths).index.archives[0]).toMatchObject({ count: 1, from: '2025-12-01T00:00:00.000Z' });
    expect([...fileLines(archive)].filter((l) => l.text).length).toBe(1);
  });

  it('reports an index that is not JSON, and rebuilds it on repair', async () => {
    const paths = project();
    await appendRecord(paths, rec('a', '2026-01-01T00:00:00Z'));
    await rotateLedger(paths, { force: true });
    writeFileSync(paths.ledgerIndex, '{oops');
    expect(inspectLedger(paths, shown).problems[0]?.reason).toMatch(/^invalid JSON: /);
    await repairLedger(paths, shown);
    expect(readIndex(paths).index.archives).toEqual([{ file: 'archive/ledger-2026-Q1.jsonl', quarter: '2026-Q1', from: '2026-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z', count: 1 }]);
  });
});
