import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { spawnSync } from 'node:child_process';
import { RELAY_BUNDLE, blueprint, relay, tempProject } from '../support/project.ts';

function project(plan = blueprint(3, (i) => (i > 1 ? `- Depends on: T${i - 1}\n` : ''))) {
  const root = tempProject();
  writeFileSync(join(root, 'plan.md'), plan);
  return root;
}

describe('relay init', () => {
  it('writes epic.yml, a fresh ledger, schemas and union-merge rules', () => {
    const root = project();
    const r = relay(root, ['init', 'plan.md']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const epicText = readFileSync(join(root, '.agents-os/relay/epic.yml'), 'utf8');
    expect(epicText.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/epic.schema.json');
    expect(parse(epicText).tasks.T2.depends_on).toEqual(['T1']);
    const ledger = parse(readFileSync(join(root, '.agents-os/relay/attempt-ledger.yml'), 'utf8'));
    expect(ledger.task_status).toEqual({ T1: 'pending', T2: 'blocked', T3: 'blocked' });
    expect(JSON.parse(readFileSync(join(root, '.agents-os/relay/schema/epic.schema.json'), 'utf8')).type).toBe('object');
    expect(readFileSync(join(root, '.gitattributes'), 'utf8')).toContain('.agents-os/ledger/**/*.jsonl merge=union');
  });

  it('takes settings from .agents.yml, then .agents.local.yml, then flags', () => {
    const root = project();
    writeFileSync(join(root, '.agents.yml'), '# team config\nrelay:\n  max_attempts_per_task: 5\n  timeout_minutes: 20\n  review:\n    provider: command\n    command: ./review.sh\nother_tool: {kept: true}\n');
    writeFileSync(join(root, '.agents.local.yml'), 'relay:\n  timeout_minutes: 7\n');
    expect(relay(root, ['init', 'plan.md', '--max-attempts', '2']).code).toBe(0);
    const { settings } = parse(readFileSync(join(root, '.agents-os/relay/attempt-ledger.yml'), 'utf8'));
    expect(settings).toEqual({ max_attempts_per_task: 2, timeout_minutes: 7, review: { enabled: true, provider: 'command', command: './review.sh' } });
  });

  it('refuses to replace an epic with attempts unless --force, and backs it up when forced', () => {
    const root = project();
    expect(relay(root, ['init', 'plan.md']).code).toBe(0);
    const ledgerFile = join(root, '.agents-os/relay/attempt-ledger.yml');
    const text = readFileSync(ledgerFile, 'utf8').replace('attempts: {}', 'attempts:\n  T1:\n    - id: 1\n      started_at: 2026-11-22T10:00:00.000Z\n      result: interrupted\n');
    writeFileSync(ledgerFile, text);
    const refused = relay(root, ['init', 'plan.md']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/has 1 recorded attempts; pass --force/);
    expect(readFileSync(ledgerFile, 'utf8')).toBe(text);
    expect(relay(root, ['init', 'plan.md', '--force']).code).toBe(0);
    const backups = readdirSync(join(root, '.agents-os/relay/backup'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(root, '.agents-os/relay/backup', backups[0]!, 'attempt-ledger.yml'), 'utf8')).toBe(text);
  });

  it.each([
    ['a cycle', '# E\n\n## Tasks\n\n### T1: A\n- Depends on: T2\n\n### T2: B\n- Depends on: T1\n', /^relay: plan\.md:6: tasks\.T1\.depends_on: dependency cycle T1 → T2 → T1 \(T1 line 6, T2 line 9\); remove one of these dependencies$/],
    ['an unknown dependency', '# E\n\n## Tasks\n\n### T1: A\n- Depends on: T7\n', /unknown task "T7"/],
    ['no tasks', '# Prose only\n\nNothing structured.\n', /no tasks found/],
  ])('exits 2 with a one-line error naming the file and field for %s, and writes nothing', (_n, plan, message) => {
    const root = project(plan);
    const r = relay(root, ['init', 'plan.md']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.(ts|mjs):\d+/);
    expect(existsSync(join(root, '.agents-os'))).toBe(false);
  });

  it('reports a missing blueprint and a bad flag with exit 2', () => {
    const root = project();
    const missing = relay(root, ['init', 'nope.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('relay: nope.md: file not found\n');
    expect(relay(root, ['init', 'plan.md', '--max-attempts', 'zero']).code).toBe(2);
  });

  it('validates an epic.yml written by hand with --dry-run, naming the field', () => {
    const root = project();
    writeFileSync(join(root, 'epic.yml'), 'version: 1\nid: e\nsource: x\ncreated_at: 2026-11-22T10:00:00Z\ntitle: E\ntasks:\n  T1:\n    title: A\n    priority: p9\n');
    const r = relay(root, ['init', '--dry-run', 'epic.yml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('relay: epic.yml:9: tasks.T1.priority: Invalid option: expected one of "p0"|"p1"|"p2"|"p3" (got "p9")\n');
    writeFileSync(join(root, 'epic.yml'), 'version: 1\nid: e\nsource: x\ncreated_at: 2026-11-22T10:00:00Z\ntitle: E\ntasks:\n  T1:\n    title: A\n    colour: blue\n');
    expect(relay(root, ['init', '--dry-run', 'epic.yml']).stderr).toBe('relay: epic.yml:9: tasks.T1: unknown key "colour"\n');
  });

  it('lists every problem of a hand-edited epic.yml with its line, and names conflict markers', () => {
    const root = project();
    expect(relay(root, ['init', 'plan.md']).code).toBe(0);
    const file = join(root, '.agents-os/relay/epic.yml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/priority: p\d/g, 'priority: urgent'));
    const r = relay(root, ['status']);
    expect(r.code).toBe(2);
    // One line that lists every problem with its line.
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^relay: .*epic\.yml:\d+: tasks\.T1\.priority: .*\(got "urgent"\); line \d+: tasks\.T2\.priority: .*\(got "urgent"\); line \d+: tasks\.T3\.priority: /);
    writeFileSync(file, `${text}<<<<<<< HEAD\nx: 1\n=======\nx: 2\n>>>>>>> other\n`);
    const conflict = relay(root, ['status']);
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toMatch(/^relay: .*epic\.yml:\d+: merge conflict markers \("<<<<<<<"\): git left this file mid-merge; resolve it/);
  });

  it('answers an unknown option with one line and the way to the help', () => {
    const r = relay(project(), ['init', 'plan.md', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("relay: unknown option '--bogus'; add --help for the usage\n");
  });
});

describe('relay status, gate and ungate', () => {
  it('reports a missing epic with exit 2', () => {
    const r = relay(tempProject(), ['status']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/epic\.yml: no epic here; create one with: relay init/);
  });

  it('prints a stable JSON report and an aligned table without colour off a TTY', () => {
    const root = project();
    relay(root, ['init', 'plan.md']);
    const json = JSON.parse(relay(root, ['status', '--json']).stdout);
    expect(json.schema).toBe('relay.status/v1');
    expect(json.progress).toEqual({ done: 0, total: 3, points_done: 0, points_total: 2 + 3 + 4, percent: 0 });
    expect(json.next_ready).toBe('T1');
    expect(json.tasks.map((t: { id: string; status: string }) => `${t.id}:${t.status}`)).toEqual(['T1:pending', 'T2:blocked', 'T3:blocked']);
    expect(json.tasks[2].blocked_by).toEqual(['T2', 'T1']);
    const text = relay(root, ['status']).stdout;
    expect(text).not.toMatch(/\x1b\[/);
    const header = text.split('\n').find((l) => l.startsWith('ID'))!;
    const row = text.split('\n').find((l) => l.startsWith('T2 '))!;
    expect(row.indexOf('blocked')).toBe(header.indexOf('STATUS'));
    expect(text).toMatch(/Next ready: T1 — Task 1/);
  });

  it('colours the table on a terminal (and only there)', () => {
    const root = project();
    relay(root, ['init', 'plan.md']);
    // script(1) gives relay a pseudo-terminal as stdout.
    // Node itself turns colour off under CI=true and NO_COLOR; a user's terminal has neither.
    const { NO_COLOR: _noColor, FORCE_COLOR: _force, CI: _ci, ...env } = process.env;
    const tty = spawnSync('script', ['-qc', `${process.execPath} ${RELAY_BUNDLE} status`, '/dev/null'], { cwd: root, encoding: 'utf8', env: { ...env, TERM: 'xterm', RELAY_PROJECT_DIR: '', CLAUDE_PROJECT_DIR: '' } });
    expect(tty.stdout).toMatch(/\x1b\[\d+m/);
    expect(tty.stdout).toContain('Next ready: ');
    expect(relay(root, ['status']).stdout).not.toMatch(/\x1b\[/);
  });

  it('gates with a reason and ungates, keeping history and comments', () => {
    const root = project();
    relay(root, ['init', 'plan.md']);
    const gated = relay(root, ['gate', 'T1', '--reason', 'waiting for the schema review']);
    expect(gated.code).toBe(0);
    let json = JSON.parse(relay(root, ['status', '--json']).stdout);
    expect(json.gated).toEqual([expect.objectContaining({ id: 'T1', reason: 'user_blocked', detail: 'waiting for the schema review' })]);
    expect(json.next_ready).toBeNull();
    expect(readFileSync(join(root, '.agents-os/relay/attempt-ledger.yml'), 'utf8')).toMatch(/^# yaml-language-server/);
    expect(relay(root, ['ungate', 'T1']).code).toBe(0);
    json = JSON.parse(relay(root, ['status', '--json']).stdout);
    expect(json.gated).toEqual([]);
    expect(json.next_ready).toBe('T1');
    const again = relay(root, ['ungate', 'T1']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('relay: task T1 is not gated\n');
    expect(relay(root, ['gate', 'T9', '--reason', 'x']).code).toBe(2);
  });

  it('reports a hand-broken ledger with the file, line and field', () => {
    const root = project();
    relay(root, ['init', 'plan.md']);
    const file = join(root, '.agents-os/relay/attempt-ledger.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('max_attempts_per_task: 3', 'max_attempts_per_task: three'));
    const r = relay(root, ['status']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/attempt-ledger\.yml:\d+: settings\.max_attempts_per_task: .*\(got "three"\)$/m);
    writeFileSync(file, 'version: 1\n  bad: [indent\n');
    expect(relay(root, ['status']).stderr).toMatch(/attempt-ledger\.yml:\d+:\d+: invalid YAML/);
  });
});

describe('relay init reads the plans people already have', () => {
  const fixture = (name: string) => readFileSync(new URL(`../fixtures/plans/${name}`, import.meta.url), 'utf8');

  it('names what it read on the first line, prints the epic on --dry-run, and writes steps and requirements to epic.yml', () => {
    const root = project();
    writeFileSync(join(root, 'tasks.md'), fixture('spec-kit-tasks.md'));
    const dry = relay(root, ['init', 'tasks.md', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout.split('\n')[0]).toBe('relay: read tasks.md as spec-kit tasks.md: 8 tasks, 13 dependencies (phase dependencies expanded)');
    expect(dry.stdout).toMatch(/^ {2}T005:\n {4}title: Contract test for POST \/albums/m);
    expect(existsSync(join(root, '.agents-os'))).toBe(false);
    writeFileSync(join(root, 'kiro.md'), fixture('kiro-tasks.md'));
    expect(relay(root, ['init', 'kiro.md']).code).toBe(0);
    const epic = parse(readFileSync(join(root, '.agents-os/relay/epic.yml'), 'utf8'));
    expect(epic.tasks['2']).toMatchObject({ requirements: ['2.1', '2.2', '3.4'], source_line: 8 });
    expect(relay(root, ['anchor', '2']).stdout).toMatch(/Steps the plan gives:\n- 2\.1 Implement the email channel[\s\S]*Requirements: 2\.1, 2\.2, 3\.4/);
  });

  it('--format forces a reader; an unknown one is refused with the list', () => {
    const root = project();
    writeFileSync(join(root, 'plan.md'), fixture('checklist-numbered.md'));
    expect(relay(root, ['init', 'plan.md', '--format', 'kiro', '--dry-run']).stdout).toMatch(/^relay: read plan\.md as Kiro tasks\.md: 3 tasks/);
    const bad = relay(root, ['init', 'plan.md', '--format', 'trello']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^relay: --format: unknown format "trello"; relay reads taskmaster, spec-kit/);
  });

  it('--update merges a changed plan and keeps the history of the tasks that stay; removing one with attempts needs --force', async () => {
    const root = project();
    writeFileSync(join(root, 'todo.md'), fixture('checklist-todo.md'));
    expect(relay(root, ['init', 'todo.md']).code).toBe(0);
    const ledgerFile = join(root, '.agents-os/relay/attempt-ledger.yml');
    const ledger = parse(readFileSync(ledgerFile, 'utf8'));
    ledger.attempts = { L1: [{ id: 1, started_at: '2026-12-01T10:00:00Z', ended_at: '2026-12-01T10:05:00Z', result: 'success', receipt: null, flags: [] }], L3: [{ id: 1, started_at: '2026-12-01T10:00:00Z', ended_at: '2026-12-01T10:05:00Z', result: 'failure', receipt: null, flags: [] }] };
    ledger.task_status.L1 = 'completed';
    writeFileSync(ledgerFile, stringify(ledger));
    const edited = fixture('checklist-todo.md').replace('- [ ] **L3**: Turn on error reporting\n  - Files: src/sentry.ts\n', '').replace('Blocked By: L2, L3', 'Blocked By: L2').replace('Write the privacy policy page', 'Write the privacy and cookie policy page') + '- [ ] **L5**: Post-launch survey\n  - Depends on: L4\n';
    writeFileSync(join(root, 'todo.md'), edited);
    const refused = relay(root, ['init', 'todo.md', '--update']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/todo\.md: L3 \(1 attempts\) no longer in the plan; pass --force to remove it/);
    const r = relay(root, ['init', 'todo.md', '--update', '--force']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('relay: edited L1 (title)');
    expect(r.stdout).toContain('relay: edited L4 (depends_on)');
    expect(r.stdout).toContain('relay: added L5: Post-launch survey');
    expect(r.stdout).toContain('relay: removed L3 and its 1 attempts');
    const after = parse(readFileSync(ledgerFile, 'utf8'));
    expect(after.attempts.L1).toHaveLength(1);
    expect(after.task_status).toMatchObject({ L1: 'completed', L2: 'pending', L5: 'blocked' });
    expect(after.attempts.L3).toBeUndefined();
    expect(readdirSync(join(root, '.agents-os/relay/backup'))).toHaveLength(1);
  });
});
