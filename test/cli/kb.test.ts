import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { relay, tempProject } from '../support/project.ts';

const DATE = '2026-05-01T10:20:30Z';

function fill(text: string): string {
  return text
    .replace('<!-- how long it lasted, e.g. 45 minutes -->', '45 minutes')
    .replace('<!-- who or what was affected, and how much -->', '12% of checkouts failed')
    .replace(/## Context\n.*\n/, '## Context\nBlack Friday load.\n')
    .replace(/## Root cause analysis\n.*\n/, '## Root cause analysis\nThe Redis pool held 10 connections.\n')
    .replace(/## Resolution steps\n.*\n/, '## Resolution steps\n1. Raised the pool to 50.\n')
    .replace(/## Commands used\n.*\n/, '## Commands used\n```bash\nkubectl rollout restart deploy/api\n```\n')
    .replace(/## Prevention\n.*\n/, '## Prevention\n- Alert at 80% pool use.\n')
    .replace(/## Learning points\n.*\n/, '## Learning points\n- Size pools from peak concurrency.\n')
    .replace(/## Follow-ups\n.*\n/, '## Follow-ups\n- Load test, owner: @dana, due: 2026-06-01\n')
    .replace(/## Metrics\n.*\n/, '## Metrics\n- Time to resolve: 45 minutes\n')
    .replace(/## Validation\n.*\n/, '## Validation\nError rate under 0.1% for 24 hours.\n');
}

describe('relay kb new', () => {
  it('creates the entry in its category folder and prints the path', () => {
    const dir = tempProject();
    const r = relay(dir, ['kb', 'new', '--category', 'issue', '--title', 'Redis pool exhausted', '--service', 'api', '--severity', 'high', '--tags', 'redis,pool', '--date', DATE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('docs/ops-knowledge/issues/api/ops-learning-2026-05-01-10-20-30-issue-redis-pool-exhausted.md');
    const text = readFileSync(join(dir, r.stdout.trim()), 'utf8');
    expect(text).toMatch(/^---\ntitle: "Redis pool exhausted"\ncategory: issue\nseverity: high\ndate: 2026-05-01T10:20:30Z\nservices: \["api"\]\ntags: \["redis", "pool"\]\n---\n/);
    const again = relay(dir, ['kb', 'new', '--category', 'issue', '--title', 'Redis pool exhausted', '--service', 'api', '--date', DATE]);
    expect(again.stdout.trim()).toMatch(/-redis-pool-exhausted-2\.md$/);
  });

  it('keeps traversal, absolute paths and very long names inside docs/ops-knowledge', () => {
    const dir = tempProject();
    const cases: Array<[string[], RegExp]> = [
      [['--title', '../../../etc/passwd', '--service', '../../..'], /^docs\/ops-knowledge\/issues\/general\/ops-learning-[\d-]+-issue-etc-passwd\.md$/],
      [['--title', '/etc/shadow', '--service', '/root/.ssh'], /^docs\/ops-knowledge\/issues\/root-ssh\/ops-learning-[\d-]+-issue-etc-shadow\.md$/],
      [['--title', 'y'.repeat(5000)], /^docs\/ops-knowledge\/issues\/general\/ops-learning-[\d-]+-issue-y{60}\.md$/],
    ];
    for (const [flags, expected] of cases) {
      const r = relay(dir, ['kb', 'new', '--category', 'issue', ...flags]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toMatch(expected);
      expect(existsSync(join(dir, r.stdout.trim()))).toBe(true);
    }
  });

  it('files the other categories in their folders', () => {
    const dir = tempProject();
    const r = relay(dir, ['kb', 'new', '--category', 'recovery', '--title', 'Restore from backup']);
    expect(r.stdout).toMatch(/^docs\/ops-knowledge\/procedures\/recovery\/ops-learning-[\d-]+-recovery-restore-from-backup\.md\n$/);
  });

  it('rejects bad input with exit 2 naming the flag', () => {
    const dir = tempProject();
    expect(relay(dir, ['kb', 'new', '--category', 'outage', '--title', 'x'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^relay: --category: expected one of issue, performance/) });
    expect(relay(dir, ['kb', 'new', '--category', 'issue', '--title', 'x', '--severity', 'sev1'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--severity/) });
    expect(relay(dir, ['kb', 'new', '--category', 'issue', '--title', 'x', '--date', 'yesterday'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--date/) });
    expect(relay(dir, ['kb', 'new', '--category', 'issue', '--title', '   '])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--title/) });
  });

  it('redacts a secret pasted into a flag before it reaches the disk or the file name', () => {
    const dir = tempProject();
    const r = relay(dir, ['kb', 'new', '--category', 'issue', '--title', 'Leaked ghp_abcdefghijklmnopqrstuvwxyz0123456789', '--impact', 'password=hunter2hunter2']);
    expect(r.stdout).not.toContain('ghp_');
    const text = readFileSync(join(dir, r.stdout.trim()), 'utf8');
    expect(text).not.toMatch(/ghp_abc|hunter2/);
  });
});

describe('relay kb check', () => {
  it('reports what each entry lacks as file:line and exits 1; a complete entry passes', () => {
    const dir = tempProject();
    const fresh = relay(dir, ['kb', 'new', '--category', 'issue', '--title', 'Fresh', '--service', 'api', '--tags', 'x', '--date', DATE]).stdout.trim();
    const done = relay(dir, ['kb', 'new', '--category', 'issue', '--title', 'Done', '--service', 'api', '--tags', 'x', '--date', DATE]).stdout.trim();
    writeFileSync(join(dir, done), fill(readFileSync(join(dir, done), 'utf8')));
    const r = relay(dir, ['kb', 'check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${done}: complete`);
    expect(r.stdout).toMatch(new RegExp(`^${fresh.replace(/[.]/g, '\\.')}:\\d+: Root cause analysis: empty$`, 'm'));
    expect(r.stdout).toMatch(new RegExp(`^${fresh.replace(/[.]/g, '\\.')}:\\d+: template only: nothing is filled in yet`, 'm'));
    expect(r.stderr).toMatch(/^relay: 12 problem\(s\) in 1 of 2 entries/);
    expect(relay(dir, ['kb', 'check', done])).toMatchObject({ code: 0, stdout: `${done}: complete\n` });
  });

  it('lists an entry with invalid YAML as a problem instead of dropping it', () => {
    const dir = tempProject();
    const file = relay(dir, ['kb', 'new', '--category', 'issue', '--title', 'Broken', '--service', 'api', '--tags', 'x', '--date', DATE]).stdout.trim();
    writeFileSync(join(dir, file), fill(readFileSync(join(dir, file), 'utf8')).replace('severity: medium', 'severity: [medium'));
    const r = relay(dir, ['kb', 'check', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.entries).toHaveLength(1);
    expect(out.entries[0].findings[0].message).toMatch(/^frontmatter: invalid YAML/);
    const found = JSON.parse(relay(dir, ['recall', 'Redis pool held', '--json']).stdout);
    expect(found.results[0].file).toBe(file);
  });

  it('exits 2 for a file that does not exist', () => {
    const dir = tempProject();
    expect(relay(dir, ['kb', 'check', 'nope.md'])).toMatchObject({ code: 2, stderr: 'relay: nope.md: file not found\n' });
  });
});

describe('relay kb search', () => {
  it('searches the knowledge base only', () => {
    const dir = tempProject();
    const file = relay(dir, ['kb', 'new', '--category', 'performance', '--title', 'Slow checkout queries', '--tags', 'postgres', '--date', DATE]).stdout.trim();
    writeFileSync(join(dir, file), fill(readFileSync(join(dir, file), 'utf8')));
    writeFileSync(join(dir, 'progress.jsonl'), '');
    writeFileSync(join(dir, 'AGENTS.md'), '## Key Learnings\n\n- Slow checkout queries need an index\n');
    const r = relay(dir, ['kb', 'search', 'slow', 'checkout', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results.map((x: { source: string }) => x.source)).toEqual(['kb']);
    expect(out.results[0].link).toBe(`${file}:9`);
  });
});
