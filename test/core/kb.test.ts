import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { categoryFolder, checkEntry, entryRelativePath, kbSlug, parseEntry, renderEntry, SLUG_MAX, type NewEntry } from '../../scripts/core/knowledge/kb.ts';

const DATE = new Date('2026-05-01T10:20:30Z');
const base: NewEntry = { category: 'issue', title: 'Redis pool exhausted under load', severity: 'high', services: ['api'], tags: ['redis'], date: DATE };

/** A template filled in completely, so each test can break exactly one thing. */
function complete(): string {
  return renderEntry({ ...base, duration: '45 minutes', impact: '12% of checkout requests failed' })
    .replace(/## Context\n.*\n/, '## Context\nBlack Friday load on the api service.\n')
    .replace(/## Root cause analysis\n.*\n/, '## Root cause analysis\nThe pool size was 10, below peak concurrency.\n')
    .replace(/## Resolution steps\n.*\n/, '## Resolution steps\n1. Raised the pool to 50.\n')
    .replace(/## Commands used\n.*\n/, '## Commands used\n```bash\nkubectl rollout restart deploy/api\n```\n')
    .replace(/## Prevention\n.*\n/, '## Prevention\n- Alert at 80% pool use.\n')
    .replace(/## Learning points\n.*\n/, '## Learning points\n- Size pools from measured peak concurrency.\n')
    .replace(/## Follow-ups\n.*\n/, '## Follow-ups\n- [ ] Load test the pool, owner: @dana, due: 2026-06-01\n')
    .replace(/## Metrics\n.*\n/, '## Metrics\n- Time to resolve: 45 minutes\n- Error rate: 12% before, 0.1% after\n')
    .replace(/## Validation\n.*\n/, '## Validation\nError rate back under 0.1% for 24 hours.\n');
}

const messages = (text: string) => checkEntry(parseEntry(text)).map((f) => `${f.line}: ${f.message}`);

describe('entry names and folders', () => {
  it('maps every category to its folder', () => {
    expect(categoryFolder('issue', 'Payments API')).toBe('issues/payments-api');
    expect(categoryFolder('issue')).toBe('issues/general');
    expect(categoryFolder('performance')).toBe('performance/optimizations');
    expect(categoryFolder('configuration')).toBe('configurations/changes');
    expect(categoryFolder('deployment')).toBe('procedures/deployments');
    expect(categoryFolder('recovery')).toBe('procedures/recovery');
    expect(categoryFolder('monitoring')).toBe('monitoring/alerts');
    expect(categoryFolder('maintenance')).toBe('maintenance/routines');
  });

  it('names the file ops-learning-<UTC stamp>-<category>-<slug>.md', () => {
    expect(entryRelativePath(base)).toBe('issues/api/ops-learning-2026-05-01-10-20-30-issue-redis-pool-exhausted-under-load.md');
    expect(entryRelativePath(base, '-2')).toMatch(/-under-load-2\.md$/);
  });

  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['/etc/shadow', 'etc-shadow'],
    ['C:\\Windows\\system32', 'c-windows-system32'],
    ['nul\u0000byte', 'nul-byte'],
    ['..', 'entry'],
    ['', 'entry'],
    ['Café crème: déjà vu!', 'cafe-creme-deja-vu'],
    ['x'.repeat(500), 'x'.repeat(SLUG_MAX)],
  ])('makes a safe slug from %j', (title, slug) => {
    expect(kbSlug(title)).toBe(slug);
  });

  it('keeps every path inside its folder, whatever the title and service', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (title, service) => {
      const rel = entryRelativePath({ ...base, title, services: [service] });
      const parts = rel.split('/');
      expect(parts).toHaveLength(3);
      expect(parts[0]).toBe('issues');
      for (const part of parts) expect(part).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
      expect(parts[2]!.length).toBeLessThanOrEqual(100);
      expect(rel).not.toContain('..');
    }));
  });
});

describe('the template', () => {
  it('has frontmatter and every section of the seed template', () => {
    const entry = parseEntry(renderEntry(base));
    expect(entry.problems).toEqual([]);
    expect(entry.frontmatter).toMatchObject({ category: 'issue', severity: 'high', services: ['api'], tags: ['redis'], date: '2026-05-01T10:20:30Z' });
    expect(entry.sections.map((s) => s.heading)).toEqual([
      'Issue summary', 'Context', 'Root cause analysis', 'Resolution steps', 'Commands used', 'Code and configuration changes', 'Prevention',
      'Learning points', 'Monitoring', 'Automation', 'Testing', 'Knowledge-base updates', 'Follow-ups', 'Metrics', 'Validation', 'Tags',
    ]);
  });

  it('keeps a quote or a colon in the title from breaking the YAML', () => {
    expect(parseEntry(renderEntry({ ...base, title: 'Error: "quoted" # not a comment' })).frontmatter?.title).toBe('Error: "quoted" # not a comment');
  });
});

describe('bad frontmatter is reported with its line, and the body is still read', () => {
  it('reports invalid YAML at its line', () => {
    const text = complete().replace('severity: high', 'severity: [high');
    const entry = parseEntry(text);
    expect(entry.frontmatter).toBeNull();
    expect(entry.problems[0]!.message).toMatch(/^frontmatter: invalid YAML/);
    expect(entry.problems[0]!.line).toBeGreaterThanOrEqual(4);
    expect(entry.body).toContain('Raised the pool to 50');
    expect(entry.sections.length).toBe(16);
  });

  it('reports a missing frontmatter, an unclosed one, a missing field and a bad value', () => {
    expect(messages('# Title\n')).toContain('1: frontmatter: missing (the entry must start with a --- line, then YAML, then ---)');
    expect(messages('---\ncategory: issue\n# Title\n')).toContain('1: frontmatter: not closed (no second --- line)');
    expect(messages(complete().replace('severity: high\n', ''))).toContain('1: frontmatter: severity: missing');
    expect(messages(complete().replace('severity: high', 'severity: urgent'))[0]).toMatch(/^4: frontmatter: severity: /);
    expect(messages(complete().replace('date: 2026-05-01T10:20:30Z', 'date: last tuesday'))[0]).toMatch(/^5: frontmatter: date: expected an ISO 8601 date/);
    expect(messages('---\n- a list\n---\n# T\n')).toContain('2: frontmatter: expected a YAML mapping (key: value lines)');
  });
});

describe('the completion checklist', () => {
  it('passes a complete entry', () => {
    expect(messages(complete())).toEqual([]);
  });

  it('reports every empty required part of a fresh template', () => {
    const found = messages(renderEntry(base));
    expect(found).toEqual(expect.arrayContaining([
      expect.stringMatching(/Issue summary: Duration is empty/),
      expect.stringMatching(/Issue summary: Impact is empty/),
      expect.stringMatching(/Root cause analysis: empty/),
      expect.stringMatching(/Prevention: no prevention measures listed/),
      expect.stringMatching(/Follow-ups: empty/),
      expect.stringMatching(/Metrics: empty/),
    ]));
    expect(found.join('\n')).not.toMatch(/Monitoring|Automation|Testing/);
  });

  it('wants commands in code blocks', () => {
    const text = complete().replace('```bash\nkubectl rollout restart deploy/api\n```', 'kubectl rollout restart deploy/api').replace('1. Raised', '$ kubectl scale deploy/api --replicas=4\n1. Raised');
    const found = messages(text);
    expect(found).toContainEqual(expect.stringMatching(/Commands used: no fenced code block/));
    expect(found).toContainEqual(expect.stringMatching(/command outside a code block/));
  });

  it('wants follow-ups with an owner and a deadline, or an explicit None', () => {
    const found = messages(complete().replace('- [ ] Load test the pool, owner: @dana, due: 2026-06-01', '- [ ] Load test the pool'));
    expect(found).toContainEqual(expect.stringMatching(/follow-up has no owner/));
    expect(found).toContainEqual(expect.stringMatching(/follow-up has no deadline/));
    expect(messages(complete().replace('- [ ] Load test the pool, owner: @dana, due: 2026-06-01', 'None.'))).toEqual([]);
  });

  it('wants metrics quantified and tags present', () => {
    const found = messages(complete().replace('- Error rate: 12% before, 0.1% after', '- Error rate: much better').replace('tags: ["redis"]', 'tags: []'));
    expect(found).toContainEqual(expect.stringMatching(/Metrics: metric is not quantified/));
    expect(found).toContain('1: frontmatter: tags: add at least one tag');
  });

  it('reports a missing section and a leftover placeholder', () => {
    const found = messages(complete().replace(/## Validation\n.*\n/, '').replace('Black Friday', 'TODO Black Friday'));
    expect(found).toContainEqual(expect.stringMatching(/missing section "## Validation"/));
    expect(found).toContainEqual(expect.stringMatching(/placeholder left in/));
  });
});
