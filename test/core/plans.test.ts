// Every plan format relay reads: detection, what reaches the epic, and refusals that name the line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { epicFromBlueprint } from '../../scripts/core/epic/epic.ts';
import { detectReader, READERS, readPlan } from '../../scripts/core/epic/plans/index.ts';
import { RelayError } from '../../scripts/core/shared/errors.ts';
import { largePlan, type LargeFormat } from '../fixtures/plans/large.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/plans/${name}`, import.meta.url), 'utf8');
const epicOf = (text: string, file: string, format?: string) => {
  const { reader, draft } = readPlan(text, file, format);
  return { reader: reader.name, notes: draft.notes ?? [], epic: epicFromBlueprint(draft, { id: 'e', source: file, createdAt: '2026-12-01T00:00:00Z' }, file) };
};
const deps = (epic: { tasks: Record<string, { depends_on: string[] }> }) => Object.values(epic.tasks).reduce((n, t) => n + t.depends_on.length, 0);

describe('each format, read from fixtures written from its documentation', () => {
  it('majestic task breakdown: groups of checklist items with nested fields; Total checked; matrix ignored', () => {
    const { reader, epic } = epicOf(fixture('majestic-breakdown.md'), 'breakdown.md');
    expect(reader).toBe('majestic-breakdown');
    expect(Object.keys(epic.tasks)).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(epic.tasks.T1).toMatchObject({ priority: 'p0', points: 3, files: ['db/migrate/004_invitations.sql'], depends_on: [], acceptance_criteria: ['invitations has email, team_id, token and expires_at', 'token is unique'], source_line: 7 });
    expect(epic.tasks.T3).toMatchObject({ files: ['src/mail/invite.ts', 'src/mail/templates/invite.html'], depends_on: ['T2'] });
    expect(epic.title).toBe('Team invitations');
  });

  it('spec-kit: [P] and [USn] are metadata; phase dependencies expanded; a story statement is finer than its phase', () => {
    const { reader, epic, notes } = epicOf(fixture('spec-kit-tasks.md'), 'tasks.md');
    expect(reader).toBe('spec-kit');
    expect(notes).toEqual(['phase dependencies expanded']);
    expect(epic.tasks.T002).toMatchObject({ title: 'Add the image library dependency in package.json', files: ['package.json'], depends_on: [] });
    expect(epic.tasks.T003!.depends_on).toEqual(['T001', 'T002']);
    expect(epic.tasks.T005).toMatchObject({ title: 'Contract test for POST /albums in tests/contract/albums.test.ts', requirements: ['US1'], priority: 'p1', depends_on: ['T003', 'T004'] });
    // User Story 2 waits for User Story 1 (its own statement), not only for the foundation.
    expect(epic.tasks.T007!.depends_on).toEqual(['T005', 'T006']);
    expect(epic.tasks.T008!.depends_on).toEqual(['T005', 'T006', 'T007']);
    expect(deps(epic)).toBe(2 + 2 + 2 + 2 + 2 + 3);
  });

  it('Kiro: numbered tasks, N.M items are steps, requirements kept, tasks in order', () => {
    const { reader, epic, notes } = epicOf(fixture('kiro-tasks.md'), 'tasks.md');
    expect(reader).toBe('kiro');
    expect(Object.keys(epic.tasks)).toEqual(['1', '2', '3']);
    expect(epic.tasks['2']).toMatchObject({ title: 'Implement delivery channels', steps: ['2.1 Implement the email channel', 'Send through the SMTP relay with retries', '2.2 Implement the webhook channel', 'Sign each payload with the channel secret'], requirements: ['2.1', '2.2', '3.4'], depends_on: ['1'] });
    expect(epic.tasks['3']!.steps).toEqual(['3.1 Route each notification to its user\'s channels', '3.2 Write integration tests for routing']);
    expect(notes).toEqual(['tasks run in order: each depends on the one before']);
  });

  it('superpowers: Task N sections, files from Create/Modify/Test, steps, in order because the header says so', () => {
    const { reader, epic } = epicOf(fixture('superpowers-plan.md'), 'plan.md');
    expect(reader).toBe('superpowers');
    expect(epic.title).toBe('Rate Limiter');
    expect(epic.description).toBe('Limit each API key to 100 requests per minute.');
    expect(epic.tasks['1']).toMatchObject({ title: 'Token bucket', files: ['src/limits/bucket.ts', 'tests/limits/bucket.test.ts'], depends_on: [] });
    expect(epic.tasks['1']!.steps).toEqual(['Step 1: Write the failing test for a bucket that refills at 100 per minute', 'Step 2: Run it to see it fail', 'Run: `npx vitest run tests/limits/bucket.test.ts`', 'Step 3: Implement the bucket']);
    expect(epic.tasks['2']).toMatchObject({ files: ['src/limits/store.ts', 'src/limits/bucket.ts'], depends_on: ['1'] });
    expect(epic.tasks['3']).toMatchObject({ steps: ['Step 1: Return 429 with Retry-After when a key is over its limit'], depends_on: ['2'] });
  });

  it('Taskmaster legacy and tagged: dependencies, details, testStrategy, priorities, subtasks as steps', () => {
    const legacy = epicOf(fixture('taskmaster-legacy.json'), 'tasks.json');
    expect(legacy.reader).toBe('taskmaster');
    expect(legacy.epic.tasks['1']).toMatchObject({ priority: 'p1', description: 'Tables for plans, subscriptions and invoices.\n\nUse numeric(12,2) for money columns.', acceptance_criteria: ['Test strategy: Migration runs up and down on an empty database.'], steps: ['1.1 Plans table: name, price, interval', '1.2 Subscriptions table: user, plan, state'] });
    expect(legacy.epic.tasks['3']).toMatchObject({ priority: 'p3', depends_on: ['2'], source_line: 29 });
    const tagged = epicOf(fixture('taskmaster-tagged.json'), 'tasks.json');
    expect(Object.keys(tagged.epic.tasks)).toEqual(['1', '2']);
    expect(tagged.notes).toEqual(['tag "master"']);
    expect(tagged.epic.tasks['2']).toMatchObject({ depends_on: ['1'], steps: ['2.1 Pagination: cursor based'] });
  });

  it('BMAD story: tasks cite their acceptance criteria, subtasks are steps', () => {
    const { reader, epic } = epicOf(fixture('bmad-story.md'), 'story.md');
    expect(reader).toBe('bmad');
    expect(epic.title).toBe('Story 2.3: Password reset');
    expect(epic.tasks['1']).toMatchObject({ title: 'Add the reset token table and model', requirements: ['AC1', 'AC2'], acceptance_criteria: ['A reset request sends an email with a single-use link.', 'The link expires after 30 minutes.'], steps: ['Migration for password_resets with expires_at', 'Model with a consume() that marks the token used'] });
    expect(epic.tasks['3']).toMatchObject({ requirements: ['AC1', 'AC2', 'AC3'], depends_on: ['2'] });
  });

  it('generic checklists: bold ids or numbers, with Depends on / Dependencies / Blocked By inside an item', () => {
    const todo = epicOf(fixture('checklist-todo.md'), 'todo.md');
    expect(todo.reader).toBe('checklist');
    expect(todo.epic.tasks.L4!.depends_on).toEqual(['L2', 'L3']);
    expect(todo.epic.tasks.L3!.files).toEqual(['src/sentry.ts']);
    const numbered = epicOf(fixture('checklist-numbered.md'), 'plan.md');
    expect(numbered.epic.tasks['2']).toMatchObject({ depends_on: ['1'], steps: ['check the frost dates table'] });
  });
});

describe('large plans in every format', () => {
  const formats: LargeFormat[] = ['blueprint', 'majestic-breakdown', 'spec-kit', 'kiro', 'superpowers', 'taskmaster', 'bmad', 'checklist'];
  it.each(formats)('%s: 300 tasks, detected and read whole', (format) => {
    const { reader, epic } = epicOf(largePlan(format, 300), format === 'taskmaster' ? 'tasks.json' : 'plan.md');
    expect(reader).toBe(format);
    expect(Object.keys(epic.tasks)).toHaveLength(300);
    expect(deps(epic)).toBeGreaterThan(0);
  });
});

describe('never wrong in silence', () => {
  const refusals: Array<[string, string, string | undefined, RegExp]> = [
    ['a stated total that disagrees', fixture('majestic-breakdown.md').replace('(4 tasks)', '(5 tasks)'), undefined, /^plan\.md:3: the plan states 5 tasks but relay read 4/],
    ['stated points that disagree', fixture('majestic-breakdown.md').replace('9 Story Points', '19 Story Points'), undefined, /^plan\.md:3: the plan states 19 story points but its tasks add up to 9/],
    ['a task-shaped line the reader cannot use', `${fixture('spec-kit-tasks.md')}\n- [ ] TODO tidy up later\n`, undefined, /^plan\.md:\d+: "- \[ \] TODO tidy up later" looks like a task, but spec-kit tasks\.md has no place for it here/],
    ['a repeated id', fixture('kiro-tasks.md').replace('- [ ] 3. Wire', '- [ ] 2. Wire'), undefined, /^plan\.md:\d+: tasks\.2: duplicate task id 2 \(first defined on line 8\)/],
    ['a dependency on an unknown id', fixture('checklist-todo.md').replace('Depends on: L1', 'Depends on: L9'), undefined, /^plan\.md:9: tasks\.L2\.depends_on: unknown task "L9"/],
    ['a cycle', fixture('checklist-todo.md').replace('- [ ] **L1**: Write the privacy policy page', '- [ ] **L1**: Write the privacy policy page\n  - Depends on: L4'), undefined, /dependency cycle L1 → L4 → L2 → L1/],
    ['a misspelt field in a checklist item', fixture('majestic-breakdown.md').replace('  - Depends on: T1', '  - Depend on: T1'), undefined, /^plan\.md:\d+: unknown field "depend on" \(did you mean "Depends on"\?\)/],
    ['a phase dependency that names no phase', fixture('spec-kit-tasks.md').replace('**Polish (Final Phase)**', '**Deployment (Phase 9)**'), undefined, /^plan\.md:\d+: phase dependency for "Deployment \(Phase 9\)" names no phase of this plan/],
    ['an unknown --format', fixture('kiro-tasks.md'), 'trello', /^--format: unknown format "trello"; relay reads /],
    ['prose no reader recognises', '# Ideas\n\nWe should add auth at some point, and maybe billing.\n', undefined, /^plan\.md: no tasks found in any plan format relay reads .*relay init --convert plan\.md$/],
  ];
  it.each(refusals)('%s', (_name, text, format, message) => {
    expect(() => epicOf(text, 'plan.md', format)).toThrow(message);
  });

  it('--format forces a reader over detection', () => {
    expect(detectReader(fixture('checklist-numbered.md'), 'plan.md')?.name).toBe('checklist');
    expect(epicOf(fixture('checklist-numbered.md'), 'plan.md', 'kiro').reader).toBe('kiro');
  });

  it('no reader crashes, hangs or half-reads on arbitrary text: it returns an epic or a RelayError', () => {
    const pieces = ['# Title', '## Tasks', '## Phase 1: Setup', '## Tasks / Subtasks', '### Task 1: x', '#### Group A', '### Total: 3 tasks', '- [ ] T001 [P] a in src/a.ts', '- [ ] 1. a', '- [ ] 1.1 b', '- [ ] **T1**: a', '  - Depends on: T1', '  - Priority: p9', '  - Acceptance:', '    - ok', '_Requirements: 1.1_', '**Files:**', '- Create: `a.ts`', '- **Setup (Phase 1)**: No dependencies', '### Phase Dependencies', '{"tasks": [{"id": 1}]}', '```', '', 'prose'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.constantFrom(...READERS.map((r) => r.name), undefined), (lines, format) => {
      const started = Date.now();
      try {
        epicOf(lines.join('\n'), 'plan.md', format);
      } catch (err) {
        if (!(err instanceof RelayError)) throw err;
        expect(err.message.split('\n')[0]).toMatch(/^(plan\.md|--format)/);
      }
      expect(Date.now() - started).toBeLessThan(1000);
    }), { numRuns: 400 });
  });
});
