import { describe, expect, it } from 'vitest';
import { buildAnchor, MEMORY_BUDGET, type GitFacts, type Memory } from '../../scripts/core/epic/anchor.ts';
import { finishAttempt, newLedger, startAttempt } from '../../scripts/core/epic/attempts.ts';
import { Settings, type AttemptLedger, type Epic, type Receipt } from '../../scripts/core/shared/schemas.ts';

const NOW = '2026-11-22T10:00:00.000Z';
const epic: Epic = {
  version: 1, id: 'e', source: 's', created_at: NOW, title: 'Auth epic', description: 'Add sign-in.',
  tasks: {
    T1: { title: 'Users table', priority: 'p1', points: 2, files: ['db/schema.sql'], depends_on: [], acceptance_criteria: ['unique email'] },
    T2: { title: 'Password helper', priority: 'p1', points: 3, files: ['src/pw.js'], depends_on: ['T1'], acceptance_criteria: ['uses scrypt'], verify: ['npm test -- pw'] },
  },
};
const git: GitFacts = { branch: 'main', head: { sha: 'abcdef1234567890', subject: 'add users table' }, dirty: ['src/pw.js'], diffstat: ' src/pw.js | 3 +++', commitsSinceStart: [{ sha: 'abcdef1234567890', subject: 'add users table' }] };

function run(ledger: AttemptLedger, id: string, receipt: Receipt): AttemptLedger {
  const s = startAttempt(epic, ledger, id, NOW, null);
  return finishAttempt(epic, s.ledger, id, s.attempt.id, { result: receipt.status, receipt, git: { start_commit: null, end_commit: null, files_changed: ['db/schema.sql'] } }, NOW);
}

const done = run(newLedger(epic, Settings.parse({ max_attempts_per_task: 50 }), NOW), 'T1', { status: 'success', summary: 'created the users table', files_changed: ['db/schema.sql'], learning: 'citext makes email uniqueness case-insensitive', pattern_tags: [], quality_gate_findings: [] });
const word = (n: number) => String(n).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
const fail = (n: number): Receipt => ({ status: 'failure', summary: 'x', files_changed: [], pattern_tags: [], quality_gate_findings: [`finding ${word(n)}`], error_category: 'test_failure', error_summary: `assertion ${word(n)} failed: expected hash to verify`, approach_taken: `approach number ${n} `.repeat(8), suggestion: `try idea ${n}` });

describe('buildAnchor', () => {
  it('carries git state, epic, task, dependency receipts and the finish contract', () => {
    const text = buildAnchor({ epic, ledger: done, taskId: 'T2', git });
    for (const part of ['# relay task T2: Password helper', 'Branch `main` at abcdef1234 "add users table"', '- src/pw.js', 'Progress: 1/2 tasks, 2/5 points', 'Acceptance criteria:\n- uses scrypt', '- `npm test -- pw`', 'T1 (Users table), attempt 1: created the users table', 'citext makes email uniqueness', 'StructuredOutput']) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('Previous attempts');
  });

  it('gives each memory once: none the brief already tells, and no more than the memory budget holds', () => {
    const memory = (id: string, text: string): Memory => ({ id, source: 'kb', link: `docs/ops-knowledge/${id}.md:3`, text });
    const memories = [
      memory('dup', 'citext makes email uniqueness case-insensitive'),
      // A record of the dependency's completion, every part of which its receipt already says.
      memory('dup-parts', 'task_completion e-t1: summary: created the users table | lesson_learned: citext makes email uniqueness case-insensitive'),
      ...Array.from({ length: 8 }, (_, i) => memory(`m${i}`, `scrypt parameters for password ${word(i)} hashing need N=2^15 on the CI runners `.repeat(3))),
    ];
    const text = buildAnchor({ epic, ledger: done, taskId: 'T2', git, memories });
    const section = text.slice(text.indexOf('## Relevant memories'), text.indexOf('\n\n', text.indexOf('## Relevant memories')));
    expect(text.split('citext makes email uniqueness').length - 1).toBe(1);
    expect(section).not.toContain('(docs/ops-knowledge/dup.md:3)');
    expect(section).not.toContain('(docs/ops-knowledge/dup-parts.md:3)');
    expect(section).toContain('(docs/ops-knowledge/m0.md:3)');
    expect(section.length).toBeLessThanOrEqual(MEMORY_BUDGET);
    expect(section).not.toContain('(docs/ops-knowledge/m7.md:3)');
  });

  it('shows every earlier attempt and says what to do differently', () => {
    const ledger = run(done, 'T2', fail(1));
    const text = buildAnchor({ epic, ledger, taskId: 'T2', git });
    expect(text).toContain('### Attempt 1 — failure (test_failure)');
    expect(text).toContain('Error: assertion b failed');
    expect(text).toContain('Suggestion: try idea 1');
    expect(text).toContain('- finding b');
    expect(text).toMatch(/## What to do differently this time\nThis is attempt 2\./);
  });

  it('stays within the budget, trimming the oldest attempts first with a marker', () => {
    let ledger = done;
    for (let i = 1; i <= 30; i++) ledger = run(ledger, 'T2', fail(i));
    const text = buildAnchor({ epic, ledger, taskId: 'T2', git });
    expect(text.length).toBeLessThanOrEqual(8000);
    expect(text).toMatch(/\[… \d+ older attempt\(s\) trimmed to fit/);
    expect(text).toContain('### Attempt 30');
    expect(text).not.toContain('### Attempt 1 ');
    expect(text).toContain('StructuredOutput');
  });
});
