// The recall cache under the conditions a first query meets: a cache folder that cannot be
// written, cache files that are damaged or gone, and the files a rebuild leaves behind.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { relay, tempProject } from '../support/project.ts';

const SYSTEMS = ['redis', 'postgres', 'kafka', 'nginx'];
const SYMPTOMS = ['connection timeout', 'pool exhausted', 'disk full', 'TLS handshake failure'];
const QUERIES = ['redis connection timeout', 'pool exhausted postgres', 'handshake', 'seed users table', 'warm cache traffic'];

/** Every kind of source: episodic ledger and archive, receipts, 80 ops-knowledge notes, AGENTS.md. */
function corpus(): string {
  const dir = tempProject();
  const records = Array.from({ length: 120 }, (_, i) => JSON.stringify({
    id: `r${i}`, timestamp: '2026-05-03T00:00:00Z', type: 'incident', task_id: `svc-${i % 7}`,
    root_cause: `${SYSTEMS[i % 4]} ${SYMPTOMS[(i * 3) % 4]} at peak ${i}`, fix: `raised the ${SYSTEMS[i % 4]} pool to ${i}`,
  }));
  mkdirSync(join(dir, 'progress/archive'), { recursive: true });
  writeFileSync(join(dir, 'progress/archive/ledger-2026-Q1.jsonl'), `${records.slice(0, 60).join('\n')}\n`);
  writeFileSync(join(dir, 'progress/ledger.jsonl'), `${records.slice(60).join('\n')}\n`);
  const attempts = Object.fromEntries(Array.from({ length: 12 }, (_, t) => [`T${t + 1}`, [1, 2].map((id) => ({
    id, started_at: '2026-05-01T10:00:00.000Z', ended_at: '2026-05-01T10:30:00.000Z', result: id === 1 ? 'failure' : 'success',
    receipt: {
      status: id === 1 ? 'failure' : 'success', summary: id === 1 ? `tests hit ${SYMPTOMS[t % 4]}` : 'seeded the users table first', files_changed: [`src/t${t}.ts`], pattern_tags: [SYSTEMS[t % 4]!],
      quality_gate_findings: [], ...(id === 1 ? { error_category: 'test_failure', error_summary: `${SYSTEMS[t % 4]} ${SYMPTOMS[t % 4]} in t${t}.test.ts` } : {}), learning: 'Seed the users table before the API tests',
    },
  }))]));
  mkdirSync(join(dir, '.agents-os/relay'), { recursive: true });
  writeFileSync(join(dir, '.agents-os/relay/attempt-ledger.yml'), stringify({ version: 1, epic_id: 'cache', started_at: '2026-05-01T10:00:00.000Z', attempts, promoted_learnings: [] }));
  for (let i = 0; i < 80; i++) {
    const folder = join(dir, 'docs/ops-knowledge', SYSTEMS[i % 4]!);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `note-${i}.md`), `# ${SYSTEMS[i % 4]} ${SYMPTOMS[i % 4]} ${i}\n\nSeen on the checkout path; warm the cache before switching traffic.\n\n- step ${i}: raise the pool\n`);
  }
  writeFileSync(join(dir, 'AGENTS.md'), '# Agents\n\n## Key Learnings\n\n- Warm the cache before switching traffic\n- Pin node 20 in CI\n');
  return dir;
}

const cacheDir = (dir: string) => join(dir, '.agents-os/cache/recall');

/** Every query's answer, the first one building the index from nothing. */
function answers(dir: string) {
  rmSync(cacheDir(dir), { recursive: true, force: true });
  return QUERIES.map((q) => {
    const r = relay(dir, ['recall', q, '--json', '--limit', '8']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { results: unknown[]; error_history: unknown; index: { mode: string }; problems: string[] };
  });
}

/** Whether the current index.v8 names a cache file (its id appears in it). */
const namedByIndex = (dir: string, file: string) => readFileSync(join(cacheDir(dir), 'index.v8')).includes(Buffer.from(file.replace(/^\w+-|\.\w+$/g, '')));

const withoutBuild = (all: ReturnType<typeof answers>) => all.map(({ index: _index, ...rest }) => rest);

describe('the recall cache', () => {
  let dir: string;
  let expected: ReturnType<typeof answers>;
  beforeAll(() => {
    dir = corpus();
    expected = answers(dir);
  });

  it('builds from nothing, then answers from the cache', () => {
    expect(expected.map((a) => a.index.mode)).toEqual(['full', 'cached', 'cached', 'cached', 'cached']);
    expect(expected.flatMap((a) => a.results).length).toBeGreaterThan(30);
    expect(expected.every((a) => a.problems.length === 0)).toBe(true);
  });

  it('answers from memory, the same, where no cache folder can be written', () => {
    rmSync(join(dir, '.agents-os/cache'), { recursive: true, force: true });
    writeFileSync(join(dir, '.agents-os/cache'), 'a file where the cache folder would be\n');
    try {
      const all = QUERIES.map((q) => relay(dir, ['recall', q, '--json', '--limit', '8']));
      expect(all.map((r) => r.code)).toEqual(QUERIES.map(() => 0));
      expect(withoutBuild(all.map((r) => JSON.parse(r.stdout)))).toEqual(withoutBuild(expected));
      expect(JSON.parse(all[1]!.stdout).index.mode).toBe('full');
    } finally {
      rmSync(join(dir, '.agents-os/cache'), { force: true });
    }
  });

  it('builds again, to the same answers, when a file the index names is damaged or gone', () => {
    answers(dir);
    const named = (prefix: string) => readdirSync(cacheDir(dir)).filter((f) => f.startsWith(prefix) && namedByIndex(dir, f)).map((f) => join(cacheDir(dir), f));
    for (const damage of [() => truncateSync(named('post-')[0]!, 8), () => rmSync(named('seg-')[0]!), () => rmSync(named('facts-')[0]!)]) {
      damage();
      const again = relay(dir, ['recall', QUERIES[0]!, '--json', '--limit', '8']);
      expect(again.code, again.stderr).toBe(0);
      const out = JSON.parse(again.stdout);
      expect(out.index.mode).toBe('full');
      expect(withoutBuild([out])).toEqual(withoutBuild([expected[0]!]));
    }
  });

  it('removes the files a rebuild left behind once they are ten minutes old, and keeps every file the index names', () => {
    answers(dir);
    const before = readdirSync(cacheDir(dir));
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const f of before) utimesSync(join(cacheDir(dir), f), hourAgo, hourAgo);
    // A rewritten (not appended) source: read again, into a new segment; the index and its postings are written anew.
    const ledger = join(dir, 'progress/ledger.jsonl');
    writeFileSync(ledger, readFileSync(ledger, 'utf8').split('\n').reverse().join('\n'));
    const out = JSON.parse(relay(dir, ['recall', QUERIES[0]!, '--json', '--limit', '8']).stdout);
    expect(out.index).toMatchObject({ mode: 'incremental', reread: 1 });
    const after = readdirSync(cacheDir(dir));
    expect(before.filter((f) => f.startsWith('post-')).some((f) => after.includes(f))).toBe(false);
    expect(after.filter((f) => f.startsWith('post-'))).toHaveLength(1);
    // Every file left is named by the new index (the old segment still holds the sources that did not change).
    for (const f of after.filter((name) => /^(post|seg|facts)-/.test(name))) expect(namedByIndex(dir, f), f).toBe(true);
    expect(after.every((f) => statSync(join(cacheDir(dir), f)).isFile())).toBe(true);
  });
});

describe('episodic documents in the recall cache', () => {
  const SECRET = `ghp_${'a1B2c3D4e5'.repeat(3)}x9Y8z7`;
  const record = (i: number, extra: Record<string, unknown> = {}) => JSON.stringify({ id: `e${i}`, timestamp: '2026-05-03T00:00:00Z', type: 'incident', task_id: `svc-${i}`, root_cause: `kafka consumer lag zone${i}`, fix: `rebalanced partition zone${i}`, ...extra });
  const segments = (dir: string) => readdirSync(cacheDir(dir)).filter((f) => f.startsWith('seg-')).map((f) => readFileSync(join(cacheDir(dir), f), 'utf8')).join('');
  const recall = (dir: string, q: string) => relay(dir, ['recall', q, '--json', '--limit', '3']);

  it('keeps only where a record\'s line is, reads it back from the ledger, and keeps a redacted record whole', () => {
    const dir = tempProject();
    mkdirSync(join(dir, 'progress'), { recursive: true });
    writeFileSync(join(dir, 'progress/ledger.jsonl'), `${[record(1), record(2, { lesson_learned: `the token ${SECRET} leaked in a log` }), record(3)].join('\n')}\n`);
    const first = JSON.parse(recall(dir, 'rebalanced partition zone3').stdout);
    expect(first.results[0]).toMatchObject({ link: 'progress/ledger.jsonl:3', snippet: 'fix: rebalanced partition zone3' });
    const stored = segments(dir);
    expect(stored).not.toContain('rebalanced partition zone3');
    expect(stored).toContain('"from":[');
    // A record redaction changed is kept whole, redacted: the ledger's line is not what the index holds.
    expect(stored).toContain('[REDACTED:');
    expect(stored).not.toContain(SECRET);
    const warm = JSON.parse(recall(dir, 'rebalanced partition zone3').stdout);
    expect(warm.index.mode).toBe('cached');
    expect(warm.results).toEqual(first.results);
    const leaked = JSON.parse(recall(dir, 'token leaked log').stdout).results[0];
    expect(leaked.snippet).toContain('[REDACTED:');
    expect(JSON.stringify(leaked)).not.toContain(SECRET);
  });

  it('refuses a line that changed under a cache that still looks current, then builds again', () => {
    const dir = tempProject();
    mkdirSync(join(dir, 'progress'), { recursive: true });
    const ledger = join(dir, 'progress/ledger.jsonl');
    writeFileSync(ledger, `${[record(1), record(2), record(3)].join('\n')}\n`);
    expect(recall(dir, 'rebalanced partition zone2').code).toBe(0);
    // Same size and mtime (a copy that kept its time): the listing cannot tell, the line's hash can.
    const before = statSync(ledger);
    // touch -r keeps the nanoseconds (utimes from JavaScript rounds them).
    execFileSync('touch', ['-r', ledger, `${ledger}.time`]);
    writeFileSync(ledger, readFileSync(ledger, 'utf8').replace('rebalanced partition zone2', 'reassigned partition zone2'));
    execFileSync('touch', ['-r', `${ledger}.time`, ledger]);
    rmSync(`${ledger}.time`);
    expect([statSync(ledger).mtimeMs, statSync(ledger).size]).toEqual([before.mtimeMs, before.size]);
    const stale = recall(dir, 'partition zone2');
    expect(stale.code).toBe(1);
    expect(stale.stderr.trim().split('\n')).toHaveLength(1);
    expect(stale.stderr).toMatch(/^relay: progress\/ledger\.jsonl:2 changed since recall indexed it; run the query again to index it anew\n$/);
    const again = JSON.parse(recall(dir, 'partition zone2').stdout);
    expect(again.index.mode).toBe('full');
    expect(again.results[0].snippet).toContain('reassigned partition zone2');
  });

  it('reads every line back when too many documents were discarded and the index is built again from the cache', () => {
    const dir = tempProject();
    mkdirSync(join(dir, 'progress/archive'), { recursive: true });
    writeFileSync(join(dir, 'progress/archive/ledger-2026-Q1.jsonl'), `${Array.from({ length: 20 }, (_, i) => record(i)).join('\n')}\n`);
    writeFileSync(join(dir, 'progress/ledger.jsonl'), `${Array.from({ length: 20 }, (_, i) => record(100 + i)).join('\n')}\n`);
    expect(recall(dir, 'partition zone5').code).toBe(0);
    // The live ledger rewritten: its 20 documents discarded and 20 new ones added, a third of the index dirty.
    writeFileSync(join(dir, 'progress/ledger.jsonl'), `${Array.from({ length: 20 }, (_, i) => record(200 + i)).join('\n')}\n`);
    const out = JSON.parse(recall(dir, 'rebalanced partition zone7').stdout);
    expect(out.index.mode).toBe('full');
    expect(out.results.map((r: { link: string }) => r.link)).toContain('progress/archive/ledger-2026-Q1.jsonl:8');
    expect(out.results[0].snippet).toContain('partition zone7');
  });
});
