import { describe, expect, it } from 'vitest';
import { buildIndex, describeHistory, errorHistory, errorKey, pickMemories, searchDocs, taskQuery, type RecallDoc } from '../../scripts/core/knowledge/recall.ts';
import { kbDocs, learningDocs, receiptDocs } from '../../scripts/core/knowledge/recall-docs.ts';
import { episodicDocs } from '../../scripts/core/knowledge/recall-episodic.ts';
import { renderEntry } from '../../scripts/core/knowledge/kb.ts';

/** The index over `docs`, each stored at its position in the list (the cache stores a segment and offset). */
function searcher(docs: RecallDoc[]) {
  const index = buildIndex(docs.map((d, i) => ({ ...d, where: String(i) })));
  return (query: string, limit = 10) => searchDocs(index, (where) => docs[Number(where)]!, query, { limit });
}

function kbEntry(file: string, title: string, body: string): RecallDoc {
  return kbDocs(file, `---\ntitle: ${JSON.stringify(title)}\ncategory: issue\nseverity: low\ndate: 2026-05-01\nservices: [api]\ntags: []\n---\n# ${title}\n\n${body}\n`).docs[0]!;
}

describe('sources become documents with file:line', () => {
  it('reads the episodic ledger record by record, reporting a bad line and keeping the rest', () => {
    const text = [
      JSON.stringify({ id: 'r1', timestamp: '2026-05-01T10:00:00Z', type: 'incident', task_id: 'redis-outage', root_cause: 'Redis pool exhausted at 10 connections', fix: 'Raised the pool to 50', lesson_learned: { what_we_learned: 'Size pools from peak load' } }),
      '{not json',
      JSON.stringify({ id: 'r1', type: 'incident', task_id: 'redis-outage' }),
      JSON.stringify({ type: 'deployment', task_id: 'release-2', status: 'success' }),
    ].join('\n');
    const out = episodicDocs('progress/ledger.jsonl', text);
    expect(out.problems).toEqual([expect.stringMatching(/^progress\/ledger\.jsonl:2: invalid JSON/)]);
    expect(out.docs.map((d) => [d.id, d.line])).toEqual([['episodic#r1', 1], ['progress/ledger.jsonl:4', 4]]);
    expect(out.docs[0]!.text).toContain('what_we_learned: Size pools from peak load');
    expect(out.facts).toEqual([{ fingerprint: errorKey('Redis pool exhausted at 10 connections'), link: 'progress/ledger.jsonl:1', resolvedBy: 'redis-outage: Raised the pool to 50' }]);
  });

  it('reads receipts attempt by attempt, and learns what resolved a failure', () => {
    const failure = (n: number) => ({ id: n, started_at: '2026-05-01T10:00:00Z', result: 'failure', receipt: { status: 'failure', summary: 'failed', error_category: 'test_failure', error_summary: `users.test.ts:${n} expected 200, got 500` } });
    const success = { id: 3, started_at: '2026-05-01T11:00:00Z', result: 'success', receipt: { status: 'success', summary: 'fixed', learning: 'Seed the users table before the API tests' } };
    const out = receiptDocs('.agents-os/relay/attempt-ledger.yml', { attempts: { T1: [failure(1), failure(2), success, { id: 'bad' }] } }, (task, i) => 10 + i * 5);
    expect(out.docs.map((d) => [d.id, d.line, d.task])).toEqual([
      ['.agents-os/relay/attempt-ledger.yml#T1.1', 10, 'T1'], ['.agents-os/relay/attempt-ledger.yml#T1.2', 15, 'T1'], ['.agents-os/relay/attempt-ledger.yml#T1.3', 20, 'T1'],
    ]);
    expect(out.problems).toEqual([expect.stringMatching(/^\.agents-os\/relay\/attempt-ledger\.yml:25: attempts\.T1\[3\]\.id: Invalid input/)]);
    const history = errorHistory(out.facts, errorKey('users.test.ts:40 expected 200, got 500')!)!;
    expect(describeHistory(history)).toBe('seen twice, resolved twice by T1 attempt 3: Seed the users table before the API tests');
  });

  it('indexes an entry with broken frontmatter from its body, and reports the problem', () => {
    const text = renderEntry({ category: 'issue', title: 'Kafka lag', severity: 'high', services: ['ingest'], tags: ['kafka'], date: new Date('2026-05-01T00:00:00Z') })
      .replace('severity: high', 'severity: [high')
      .replace(/## Root cause analysis\n.*\n/, '## Root cause analysis\nConsumer rebalancing storms after each deploy.\n');
    const out = kbDocs('docs/ops-knowledge/issues/ingest/ops-learning-2026-05-01-00-00-00-issue-kafka-lag.md', text);
    expect(out.problems).toEqual([expect.stringMatching(/ops-learning-2026-05-01-00-00-00-issue-kafka-lag\.md:\d+: frontmatter: invalid YAML/)]);
    const [hit] = searcher(out.docs)('rebalancing storms');
    expect(hit?.link).toBe(`${out.docs[0]!.file}:${text.split('\n').findIndex((l) => l.includes('rebalancing')) + 1}`);
  });

  it('reads the Key Learnings bullets of AGENTS.md with their lines', () => {
    const text = '# A\n\n## Key Learnings\n\n- Pin node in CI _(recommend: seen 3 times, last seen 2026-05-01; tags: ci)_\n- Hand-written lesson\n\n## Other\n- not a learning\n';
    const out = learningDocs('AGENTS.md', text);
    expect(out.docs.map((d) => [d.line, d.text, d.tags])).toEqual([[5, 'Pin node in CI (seen 3 times, last 2026-05-01)', ['ci']], [6, 'Hand-written lesson', []]]);
  });
});

describe('ranking', () => {
  // A long runbook says "connection" and "timeout" over and over; the one entry about the
  // actual problem says each word once or twice, and alone says "redis".
  const relevant = kbEntry('docs/ops-knowledge/issues/api/redis.md', 'Checkout stalls under load', 'Every checkout call hit a Redis connection timeout once the pool was exhausted. Raising the pool size fixed it.');
  const runbook = kbEntry('docs/ops-knowledge/procedures/recovery/postgres.md', 'Postgres failover runbook', Array.from({ length: 6 }, () => 'Check the connection string, the connection limit and the connection timeout; a connection timeout during failover is expected.').join('\n'));
  const deploy = episodicDocs('progress/ledger.jsonl', JSON.stringify({ type: 'deployment', task_id: 'cache-warmup', fix: 'Warm the redis cache before switching traffic' })).docs[0]!;
  const docs = [runbook, deploy, relevant];
  const query = 'redis connection timeout';

  it('substring counting ranks the wrong entry first (the fixture is fair)', () => {
    const words = query.split(' ');
    const substringScore = (d: RecallDoc) => words.reduce((n, w) => n + (`${d.title}\n${d.text}`.toLowerCase().split(w).length - 1), 0);
    expect([...docs].sort((a, b) => substringScore(b) - substringScore(a))[0]).toBe(runbook);
  });

  it('puts the most relevant entry first', () => {
    const hits = searcher(docs)(query);
    expect(hits[0]!.doc).toBe(relevant);
    expect(hits[0]!.snippet).toContain('Redis connection timeout');
    expect(hits.map((h) => h.doc)).toContain(runbook);
  });

  it('finds word forms and near-misses: plural, -ing, a typo', () => {
    const find = searcher(docs);
    expect(find('timeouts')[0]).toBeDefined();
    expect(find('exhausting pools')[0]!.doc).toBe(relevant);
    expect(find('chekout')[0]!.doc).toBe(relevant);
    expect(find('the and of')).toEqual([]);
  });
});

describe('memories for a task', () => {
  const docs = [
    kbEntry('docs/ops-knowledge/a.md', 'Users API returns 500', 'Seed the users table before the API tests.'),
    kbEntry('docs/ops-knowledge/b.md', 'Users API returns 500 (copy)', 'Seed the users table before the API tests.'),
    kbEntry('docs/ops-knowledge/c.md', 'Users migration order', 'Run the users migration first.'),
  ];
  const map = new Map(docs.map((d) => [d.id, d]));
  const hits = searcher(docs)(taskQuery({ title: 'Fix the users API', files: ['src/api/users.ts'] }, 'expected 200, got 500'));

  it('builds the query from title, file names and the last error', () => {
    expect(taskQuery({ title: 'Fix login', files: ['src/auth/login.ts', 'test/auth/login.test.ts'] }, 'boom')).toBe('Fix login src auth login test boom');
  });

  it('never repeats a memory word for word across attempts', () => {
    const first = pickMemories(hits, null, new Set(), (id) => map.get(id), 2);
    expect(first).toHaveLength(2);
    // The two entries with the same body count as one memory.
    expect(new Set(first.map((m) => m.text.split(': ').slice(1).join(': '))).size).toBe(2);
    const second = pickMemories(hits, null, new Set(first.map((m) => m.id)), (id) => map.get(id), 2);
    expect(second.map((m) => m.id)).not.toContain(first[0]!.id);
    expect(second.every((m) => !first.some((f) => f.text === m.text))).toBe(true);
  });

  it('leads with the error history, bounded in size', () => {
    const history = { fingerprint: 'unknown:1', seen: 3, resolved: 2, resolvedBy: `T2 attempt 2: ${'x'.repeat(1000)}`, links: ['a:1'] };
    const memories = pickMemories(hits, history, new Set(), (id) => map.get(id), 3);
    expect(memories[0]!.text).toMatch(/^This error was seen 3 times, resolved twice by T2 attempt 2/);
    for (const m of memories) expect(m.text.length).toBeLessThanOrEqual(300);
  });
});
