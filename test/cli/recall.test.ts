import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { projectPaths } from '../../scripts/core/shared/paths.ts';
import { recallForTask } from '../../scripts/adapters/anchor-context.ts';
import { loadState } from '../../scripts/adapters/state.ts';
import { relay, tempProject } from '../support/project.ts';
import { STUB_WORKER } from '../faults/support/stub-project.ts';

const BLUEPRINT = `# Checkout\nMake checkout reliable.\n\n## Tasks\n\n### T1: Fix the users API\n- Priority: p1\n- Points: 1\n- Files: src/api/users.ts\n\n### T2: Add login\n- Priority: p2\n- Points: 1\n\n### T3: Add signup\n- Priority: p2\n- Points: 1\n`;
const ERROR = 'users.test.ts:41 expected 200, got 500 from GET /users';
const LESSON = 'Seed the users table before running the API tests';

function attempt(id: number, result: 'success' | 'failure', receipt: Record<string, unknown>, day = '2026-05-0' + id) {
  return { id, started_at: `${day}T10:00:00.000Z`, ended_at: `${day}T10:30:00.000Z`, result, receipt: { summary: result, files_changed: [], pattern_tags: ['db'], quality_gate_findings: [], status: result, ...receipt } };
}

/** A project with an epic whose ledger holds receipts, an episodic ledger with an archive, a kb entry and AGENTS.md. */
function fixture(): string {
  const dir = tempProject();
  writeFileSync(join(dir, 'plan.md'), BLUEPRINT);
  expect(relay(dir, ['init', 'plan.md']).code).toBe(0);
  const file = join(dir, '.agents-os/relay/attempt-ledger.yml');
  const ledger = parse(readFileSync(file, 'utf8'));
  ledger.attempts = {
    T2: [attempt(1, 'failure', { error_category: 'test_failure', error_summary: ERROR.replace('41', '12'), learning: LESSON }), attempt(2, 'success', { learning: 'Seed the users table before the API tests run' })],
    T3: [attempt(3, 'failure', { error_category: 'test_failure', error_summary: ERROR.replace('41', '77'), learning: 'Run the API tests only after seeding the users table' }), attempt(4, 'success', { summary: 'seeded users first' })],
  };
  ledger.task_status = { T1: 'pending', T2: 'completed', T3: 'completed' };
  writeFileSync(file, stringify(ledger));
  mkdirSync(join(dir, 'progress/archive'), { recursive: true });
  writeFileSync(join(dir, 'progress/ledger.jsonl'), `${JSON.stringify({ id: 'e1', timestamp: '2026-05-03T00:00:00Z', type: 'incident', task_id: 'checkout-outage', root_cause: 'Redis connection timeout at peak', fix: 'Raise the pool size to 50' })}\n`);
  writeFileSync(join(dir, 'progress/archive/ledger-2026-Q1.jsonl'), `${JSON.stringify({ id: 'e0', timestamp: '2026-02-01T00:00:00Z', type: 'deployment', task_id: 'release-1', status: 'success', lesson_learned: 'Warm the cache before switching traffic' })}\n`);
  writeFileSync(join(dir, 'AGENTS.md'), '# Agents\n\nBe kind.\n\n## Key Learnings\n\n- Pin node 20 in CI\n\n## Tools\n\nnpm test\n');
  return dir;
}

describe('relay recall', () => {
  let dir: string;
  beforeAll(() => {
    dir = fixture();
  });

  it('searches every source and links each result to file:line', () => {
    const r = relay(dir, ['recall', 'warm', 'cache', 'traffic', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results[0]).toMatchObject({ source: 'episodic', link: 'progress/archive/ledger-2026-Q1.jsonl:1', snippet: 'lesson_learned: Warm the cache before switching traffic' });
    expect(out.index.mode).toBe('full');
    const receipt = JSON.parse(relay(dir, ['recall', 'seed users table', '--json']).stdout).results.find((x: { source: string }) => x.source === 'receipt');
    const [file, line] = receipt.link.split(':');
    expect(readFileSync(join(dir, file), 'utf8').split('\n')[Number(line) - 1]).toMatch(/^ {4}- id: \d+$/);
    const sources = (q: string) => JSON.parse(relay(dir, ['recall', q, '--json']).stdout).results.map((x: { source: string }) => x.source);
    expect(sources('pin node')).toEqual(['learning']);
    expect(relay(dir, ['recall', 'pin', 'node']).stdout).toMatch(/^1\. \[learning\] Key Learnings {2}score [\d.]+\n {3}AGENTS\.md:7\n {3}Pin node 20 in CI\n$/);
  });

  it('answers "have we seen this error before?" with its fingerprint history', () => {
    const out = JSON.parse(relay(dir, ['recall', ERROR, '--json']).stdout);
    expect(out.error_history).toMatchObject({ seen: 2, resolved: 2 });
    expect(out.error_history.summary).toMatch(/^seen twice, resolved twice by T3 attempt 4: seeded users first$/);
  });

  it('serves an unchanged project from the cache and re-reads only what changed', () => {
    relay(dir, ['recall', 'anything']);
    expect(JSON.parse(relay(dir, ['recall', 'cache', '--json']).stdout).index).toMatchObject({ mode: 'cached', reread: 0 });
    const file = join(dir, 'progress/ledger.jsonl');
    writeFileSync(file, `${readFileSync(file, 'utf8')}${JSON.stringify({ id: 'e2', type: 'incident', task_id: 'dns', root_cause: 'Stale DNS entries in the resolver cache' })}\n`);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const out = JSON.parse(relay(dir, ['recall', 'stale', 'dns', '--json']).stdout);
    expect(out.index).toMatchObject({ mode: 'incremental', reread: 1 });
    expect(out.results[0].link).toBe('progress/ledger.jsonl:2');
    // Rotation: the live file moves to the archive and starts again; nothing stale is left behind.
    writeFileSync(join(dir, 'progress/archive/ledger-2026-Q2.jsonl'), readFileSync(file, 'utf8'));
    writeFileSync(file, `${JSON.stringify({ id: 'e3', type: 'deployment', task_id: 'release-3' })}\n`);
    const links = JSON.parse(relay(dir, ['recall', 'stale', 'dns', '--json']).stdout).results.map((x: { link: string }) => x.link);
    expect(links).toEqual(['progress/archive/ledger-2026-Q2.jsonl:2']);
  });

  it('rejects a bad --limit with exit 2', () => {
    expect(relay(dir, ['recall', 'x', '--limit', '0'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--limit/) });
  });
});

describe('recallForTask', () => {
  it('gives a task memories from other tasks and its error history, and new ones on the next attempt', async () => {
    const dir = fixture();
    const paths = projectPaths(dir);
    const { epic, ledger } = loadState(paths);
    ledger.attempts.T1 = [{ ...ledger.attempts.T2![0]!, id: 1, fingerprint: null, recalled: [] }];
    ledger.attempts.T1[0]!.receipt!.error_summary = ERROR;
    const first = await recallForTask(paths, epic, ledger, 'T1');
    expect(first).toHaveLength(3);
    expect(first[0]!.text).toMatch(/^This error was seen twice, resolved twice by/);
    expect(first.map((m) => m.text).join('\n')).toMatch(/Seed the users table/);
    expect(first.every((m) => m.text.length <= 300 && m.link)).toBe(true);
    ledger.attempts.T1[0]!.recalled = first.map((m) => m.id);
    const second = await recallForTask(paths, epic, ledger, 'T1');
    expect(second.some((m) => first.some((f) => f.id === m.id || f.text === m.text))).toBe(false);
  });

  it('returns nothing when recall is turned off', async () => {
    const dir = fixture();
    writeFileSync(join(dir, '.agents.yml'), 'relay:\n  recall:\n    enabled: false\n');
    const paths = projectPaths(dir);
    const { epic, ledger } = loadState(paths);
    expect(await recallForTask(paths, epic, ledger, 'T1')).toEqual([]);
  });
});

describe('relay learnings', () => {
  it('promotes a lesson seen 3 times into AGENTS.md once, with its count, leaving the rest of the file alone', () => {
    const dir = fixture();
    // A worker agent that answers with something other than a judgement: relay's rules decide.
    writeFileSync(join(dir, '.agents.yml'), `relay:\n  executor: [${JSON.stringify(process.execPath)}, ${JSON.stringify(STUB_WORKER)}]\n`);
    expect(relay(dir, ['learnings', 'list']).stdout).toMatch(/Ready to promote[^\n]*\n {2}- Seed the users table before running the API tests \(seen 3×, last 2026-05-03; db\)/);
    const r = relay(dir, ['learnings', 'promote', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ promoted: [{ text: LESSON, count: 3, lastSeen: '2026-05-03' }], consumed: 3, written: ['AGENTS.md', 'docs/ops-knowledge/learnings/key-learnings-provenance.md'], judged_by: 'rules' });
    // Where the lesson came from, traceable without a word of it in AGENTS.md.
    const provenance = readFileSync(join(dir, 'docs/ops-knowledge/learnings/key-learnings-provenance.md'), 'utf8');
    const epicId = parse(readFileSync(join(dir, '.agents-os/relay/attempt-ledger.yml'), 'utf8')).epic_id;
    expect(provenance).toMatch(new RegExp(`^## \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC · epic ${epicId} · grouped by relay's rules$`, 'm'));
    expect(provenance).toContain(`- promoted "${LESSON}" (seen 3 times) ← T2#1, T2#2, T3#3`);
    const agents = readFileSync(join(dir, 'AGENTS.md'), 'utf8');
    expect(agents.startsWith('# Agents\n\nBe kind.\n\n## Key Learnings\n')).toBe(true);
    expect(agents.endsWith('\n\n## Tools\n\nnpm test\n')).toBe(true);
    expect(agents).toContain(`- Pin node 20 in CI\n\n- ${LESSON} _(recommend: seen 3 times, last seen 2026-05-03; tags: db)_\n`);
    expect(parse(readFileSync(join(dir, '.agents-os/relay/attempt-ledger.yml'), 'utf8')).promoted_learnings).toEqual(['T2#1', 'T2#2', 'T3#3']);
    expect(relay(dir, ['learnings', 'promote']).stdout).toMatch(/^Nothing to promote/);
    expect(readFileSync(join(dir, 'AGENTS.md'), 'utf8')).toBe(agents);
  });
});

describe('an ops-knowledge entry made from the template and never filled in', () => {
  it('never ranks in recall, and kb check flags it', () => {
    const dir = tempProject();
    const made = relay(dir, ['kb', 'new', '--category', 'configuration', '--title', 'Redis connection timeout at peak', '--tags', 'redis']);
    expect(made.code).toBe(0);
    mkdirSync(join(dir, 'progress'), { recursive: true });
    writeFileSync(join(dir, 'progress/ledger.jsonl'), `${JSON.stringify({ id: 'e1', timestamp: '2026-05-03T00:00:00Z', type: 'incident', task_id: 'checkout-outage', root_cause: 'Redis connection timeout at peak', fix: 'Raise the pool size to 50' })}\n`);
    const results = JSON.parse(relay(dir, ['recall', 'redis connection timeout', '--json']).stdout).results;
    expect(results.map((r: { source: string }) => r.source)).toEqual(['episodic']);
    const check = relay(dir, ['kb', 'check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(new RegExp(`${made.stdout.trim().replace(/[.]/g, '\\.')}:\\d+: template only: nothing is filled in yet \\(recall skips it\\)`));
    // Once a section has words in it, the entry is a memory like any other.
    const file = join(dir, made.stdout.trim());
    writeFileSync(file, readFileSync(file, 'utf8').replace(/## Context\n<!--[^\n]*-->/, '## Context\nThe checkout Redis pool hit its connection timeout at the evening peak.'));
    expect(JSON.parse(relay(dir, ['recall', 'redis connection timeout', '--json']).stdout).results.map((r: { source: string }) => r.source)).toContain('kb');
  });
});
