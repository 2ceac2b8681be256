import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseBlueprint } from '../../scripts/core/epic/blueprint.ts';
import { epicFromBlueprint } from '../../scripts/core/epic/epic.ts';

const meta = { id: 'e1', source: 'plan.md', createdAt: '2026-11-22T10:00:00.000Z' };
const epicOf = (md: string) => epicFromBlueprint(parseBlueprint(md, 'plan.md'), meta, 'plan.md');

const SAMPLE = `# Add user authentication
Users sign in.

## Tasks

### T1: Create users migration
- Priority: p1
- Points: 2
- Files: db/migrate/001_users.rb, app/models/user.rb
- Depends on: none
- Verify: \`npm test -- users\`
- Acceptance criteria:
  - Migration creates users table with email and password_digest
  - Email column has unique index

### T2: Login endpoint
- Depends on: T1
- Verify: \`curl -sf localhost:3000/login | grep "ok"\`
`;

describe('parseBlueprint', () => {
  it('reads every field of the design format', () => {
    const epic = epicOf(SAMPLE);
    expect(epic.title).toBe('Add user authentication');
    expect(epic.description).toBe('Users sign in.');
    expect(epic.tasks.T1).toEqual({
      title: 'Create users migration',
      priority: 'p1',
      points: 2,
      files: ['db/migrate/001_users.rb', 'app/models/user.rb'],
      depends_on: [],
      acceptance_criteria: ['Migration creates users table with email and password_digest', 'Email column has unique index'],
      verify: ['npm test -- users'],
      source_line: 6,
    });
    expect(epic.tasks.T2!.verify).toEqual(['curl -sf localhost:3000/login | grep "ok"']);
  });

  it('fills defaults for tasks without optional fields', () => {
    const epic = epicOf('# E\n\n## Tasks\n\n### T1: Only a title\n');
    expect(epic.tasks.T1).toEqual({ title: 'Only a title', priority: 'p2', points: 1, files: [], depends_on: [], acceptance_criteria: [], source_line: 5 });
  });

  it('parses CRLF line endings the same as LF', () => {
    expect(epicOf(SAMPLE.replace(/\n/g, '\r\n'))).toEqual(epicOf(SAMPLE));
  });

  it.each([2, 3, 4, 5])('accepts task headings at level %i', (level) => {
    const h = '#'.repeat(level);
    const md = level === 2 ? `# E\n\n${h} T1: A\n\n${h} T2: B\n- Depends on: T1\n` : `# E\n\n## Implementation Tasks\n\n${h} T1: A\n\n${h} T2: B\n- Depends on: T1\n`;
    const epic = epicOf(md);
    expect(Object.keys(epic.tasks)).toEqual(['T1', 'T2']);
    expect(epic.tasks.T2!.depends_on).toEqual(['T1']);
  });

  it('accepts the majestic "## Implementation Tasks" heading; later sections only yield T-shaped task headings', () => {
    const epic = epicOf('# E\n\n## Implementation Tasks\n\n### setup-db: A\n\n## Risks\n\n### Rollback: revert the migration\n\n## Task details\n\n##### T2: B\n- Depends on: setup-db\n');
    expect(Object.keys(epic.tasks)).toEqual(['setup-db', 'T2']);
    expect(epic.tasks.T2!.depends_on).toEqual(['setup-db']);
  });

  it('reads a majestic blueprint: summary table, bold labels joined by |, checkbox criteria', () => {
    const md = [
      '# User authentication', 'Blueprint for sign-in.', '',
      '## Implementation Tasks', '',
      '| ID | Task | Points | Dependencies | Status |', '|----|------|--------|--------------|--------|',
      '| T1 | Setup auth middleware | 2 | - | ⏳ |', '| T2 | Create login endpoint | 3 | T1 | ⏳ |', '| T3 | Logout | 1 | T2 | ⏳ |', '',
      '### Phase 1: Foundation', '',
      '##### T1: Setup auth middleware', '- **Priority:** p1 | **Points:** 2', '- **Files:** app/middleware/auth.rb', '- **Depends on:** —', '',
      '**Acceptance Criteria:**', '- [ ] Rejects requests without a session', '- [x] Loads the current user', '',
      '##### T2: Create login endpoint', '- **Priority:** p0 | **Points:** 3', '- **Depends on:** T1', '',
    ].join('\n');
    const epic = epicOf(md);
    expect(Object.keys(epic.tasks)).toEqual(['T1', 'T2', 'T3']);
    expect(epic.tasks.T1).toEqual({
      title: 'Setup auth middleware', priority: 'p1', points: 2, files: ['app/middleware/auth.rb'], depends_on: [],
      acceptance_criteria: ['Rejects requests without a session', 'Loads the current user'],
      source_line: expect.any(Number),
    });
    expect(epic.tasks.T2).toMatchObject({ priority: 'p0', points: 3, depends_on: ['T1'] });
    expect(epic.tasks.T3).toMatchObject({ title: 'Logout', points: 1, depends_on: ['T2'] });
  });

  it('parses a plan of 200 tasks', () => {
    const parts = ['# Big\n\n## Tasks\n'];
    for (let i = 1; i <= 200; i++) parts.push(`### T${i}: Task ${i}\n- Priority: p${i % 4}\n- Points: ${i % 5}\n- Depends on: ${i > 1 ? `T${i - 1}` : 'none'}\n`);
    const epic = epicOf(parts.join('\n'));
    expect(Object.keys(epic.tasks)).toHaveLength(200);
    expect(epic.tasks.T200!.depends_on).toEqual(['T199']);
    expect(epic.tasks.T7!.priority).toBe('p3');
  });

  it('parses the shipped example plan', () => {
    const epic = epicOf(readFileSync(new URL('../../examples/auth-plan.md', import.meta.url), 'utf8'));
    expect(Object.keys(epic.tasks)).toEqual(['T1', 'T2', 'T3', 'T4']);
  });
});

describe('blueprint errors name the file, line, task and field', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['unknown dependency', '# E\n\n## Tasks\n\n### T1: A\n- Depends on: T9\n', /^plan\.md:6: tasks\.T1\.depends_on: unknown task "T9" \(did you mean T1\?\); the epic has T1$/],
    ['unknown dependency, near an id', '# E\n\n## Tasks\n\n### T1: A\n\n### T2: B\n- Depends on: T11\n', /^plan\.md:8: tasks\.T2\.depends_on: unknown task "T11" \(did you mean T1\?\); the epic has T1, T2$/],
    ['cycle', '# E\n\n## Tasks\n\n### T1: A\n- Depends on: T3\n\n### T2: B\n- Depends on: T1\n\n### T3: C\n- Depends on: T2\n', /^plan\.md:6: tasks\.T1\.depends_on: dependency cycle T1 → T3 → T2 → T1 \(T1 line 6, T3 line 12, T2 line 9\); remove one of these dependencies$/],
    ['self dependency', '# E\n\n## Tasks\n\n### T1: A\n- Depends on: T1\n', /^plan\.md:6: tasks\.T1\.depends_on: T1 depends on itself; remove "T1" from its dependencies$/],
    ['a dependency that is not an id', '# E\n\n## Tasks\n\n### T1: A\n\n### T2: B\n\n### T3: C\n- Depends on: T1 and T2\n', /^plan\.md:10: tasks\.T3\.depends_on: "T1 and T2" is not a task id; list ids separated by commas, such as "T1, T2"$/],
    ['a misspelt field', '# E\n\n## Tasks\n\n### T1: A\n\n### T2: B\n- Points: 2\n- Depend on: T1\n', /^plan\.md:9: unknown field "Depend on" \(did you mean "Depends on"\?\); fix the label, or reword the line if it is prose$/],
    ['a misspelt field among bold labels', '# E\n\n## Tasks\n\n### T1: A\n- **Priorty:** p0 | **Points:** 2\n', /^plan\.md:6: unknown field "Priorty" \(did you mean "Priority"\?\)/],
    ['duplicate id', '# E\n\n## Tasks\n\n### T1: A\n\n### T1: B\n', /plan\.md:7: tasks\.T1: duplicate task id T1 \(first defined on line 5\)/],
    ['empty title', '# E\n\n## Tasks\n\n### T1:\n', /plan\.md:5: tasks\.T1\.title: task T1 has an empty title/],
    ['bad priority', '# E\n\n## Tasks\n\n### T1: A\n- Priority: urgent\n', /^plan\.md:6: tasks\.T1\.priority: "urgent" is not a priority \(use p0, p1, p2 or p3\)$/],
    ['bad points', '# E\n\n## Tasks\n\n### T1: A\n- Points: lots\n', /^plan\.md:6: tasks\.T1\.points: "lots" is not a whole number of points/],
  ];
  it.each(cases)('%s', (_name, md, message) => {
    expect(() => epicOf(md)).toThrow(message);
  });

  it('keeps a prose label that is no field\'s misspelling in the description', () => {
    expect(epicOf('# E\n\n## Tasks\n\n### T1: A\n- Note: the legacy importer stays\n').tasks.T1!.description).toContain('Note: the legacy importer stays');
  });

  it('refuses a plan with no tasks and shows the expected format', () => {
    expect(() => epicOf('# Just prose\n\nWe should add auth somehow.\n')).toThrow(/no tasks found[\s\S]*### T1: Create users migration/);
  });

  it('refuses a malformed plan (task list outside any heading) without crashing', () => {
    expect(() => epicOf('- Priority: p1\n- Depends on: T2\n```\nunclosed')).toThrow(/no tasks found/);
  });
});
