// Bad input everywhere relay reads: blueprints, epic.yml, attempt-ledger.yml, hook stdin, episodic
// ledger lines and ops-learning frontmatter. Hand-written cases (hand edits, merge debris, YAML
// bombs, deep nesting, huge files) plus fast-check generated ones. Every one must end in a clear
// one-line error that names the location (exit 2 for bad input to a command, 1 for a check that
// found problems), never a stack trace, and never a hang: every process runs under a timeout.
import { mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBlueprint } from '../../scripts/core/epic/blueprint.ts';
import { epicFromBlueprint } from '../../scripts/core/epic/epic.ts';
import { RelayError } from '../../scripts/core/shared/errors.ts';
import { Epic } from '../../scripts/core/shared/schemas.ts';
import { projectPaths } from '../../scripts/core/shared/paths.ts';
import { loadState } from '../../scripts/adapters/state.ts';
import { parse, stringify } from 'yaml';
import { tempProject } from '../support/project.ts';
import { hookPayloads } from '../hooks/support/payloads.ts';
import { EPIC_YAML_CASES, HOOK_GARBAGE, LEDGER_YAML_CASES, YAML_BOMB, deepFlow, deepMaps, manyKeys, manySmallMaps, type YamlCase } from './support/bad-inputs.ts';
import { expectCleanError, expectFailOpen, hook, pool, relay } from './support/proc.ts';
import { faultSeed } from './support/seed.ts';
import { chainedBlueprint, stubProject } from './support/stub-project.ts';

/** Nothing relay reads should take this long; a case that does is a hang waiting for a bigger file. */
const SLOW_MS = 10_000;
const SEED = faultSeed('bad-input');

function relayDir(root: string): string {
  return join(root, '.agents-os', 'relay');
}

describe('the blueprint parser (in process, fast-check)', () => {
  const meta = { id: 'fuzz-20260101', source: 'plan.md', createdAt: '2026-01-01T00:00:00.000Z' };

  /** Parses to a valid epic, or throws a RelayError (exit 2) whose one-line message starts with the file. */
  function parsesOrExplains(md: string): void {
    const started = Date.now();
    try {
      const epic = epicFromBlueprint(parseBlueprint(md, 'plan.md'), meta, 'plan.md');
      expect(Epic.safeParse(epic).success).toBe(true);
    } catch (err) {
      if (!(err instanceof RelayError)) throw new Error(`not a RelayError: ${(err as Error)?.stack ?? String(err)}\ninput: ${JSON.stringify(md).slice(0, 500)}`);
      expect(err.exitCode).toBe(2);
      expect(err.message.startsWith('plan.md'), err.message).toBe(true);
      // The one deliberate exception: "no tasks found" shows the expected format after its first line.
      if (!/^plan\.md: no tasks found/.test(err.message)) expect(err.message, 'a one-line message').not.toContain('\n');
    }
    expect(Date.now() - started, 'parse time').toBeLessThan(2_000);
  }

  const odd = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('', ' ', '\t', '\u0000', '\r', '\u202e', '🔑', '../../etc/passwd', '/etc/passwd', '`rm -rf /`', 'none', 'n/a', 'T1, T2', 'T1;T1', 'T1,,', 'p0', 'p3', 'p9', 'P1',
      '-1', '0', '1e309', 'NaN', '3.5', '1001', '9'.repeat(400), 'x'.repeat(600), '**bold**', '[link](http://x)', '<b>', '&amp;', 'line one\nline two', '  - nested'),
  );
  const taskId = fc.oneof(fc.constantFrom('T1', 'T2', 'T3', 'task-a', 'A', `T${'x'.repeat(70)}`, '1T', '../T', 'T 1', 'T\u0000'), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/));
  const label = fc.constantFrom('Priority', 'Points', 'Story points', 'Files', 'File', 'Depends on', 'Dependencies', 'depends_on', 'Verify', 'Verification', 'Acceptance criteria', 'Acceptance', '**Priority**', 'Owner');
  const field = fc.tuple(label, odd, fc.array(odd, { maxLength: 3 })).map(([l, value, nested]) => `- ${l}: ${value}\n${nested.map((n) => `  - ${n}\n`).join('')}`);
  const task = fc.tuple(fc.integer({ min: 2, max: 6 }), taskId, fc.constantFrom(':', '.', ')', ' -', ' —', ''), odd, fc.array(field, { maxLength: 6 }), fc.option(odd))
    .map(([depth, id, sep, title, fields, prose]) => `${'#'.repeat(depth)} ${id}${sep} ${title}\n${fields.join('')}${prose ?? ''}\n`);
  const blueprintDoc = fc.tuple(fc.option(odd), fc.option(odd), fc.constantFrom('## Tasks', '## Implementation Tasks', '## tasks', '### Tasks', '## TODO', ''), fc.array(task, { maxLength: 8 }), fc.boolean())
    .map(([title, description, section, tasks, crlf]) => {
      const md = `${title === null ? '' : `# ${title}\n`}${description ?? ''}\n\n${section}\n\n${tasks.join('\n')}`;
      return crlf ? md.replace(/\n/g, '\r\n') : md;
    });

  it('turns any generated blueprint into an epic or a one-line error naming plan.md', () => {
    fc.assert(fc.property(blueprintDoc, (md) => parsesOrExplains(md)), { seed: SEED, numRuns: 400 });
  });

  it('does the same for arbitrary text and bytes', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 2000 }), fc.string({ unit: 'grapheme', maxLength: 2000 })), (md) => parsesOrExplains(md)), { seed: SEED + 1, numRuns: 300 });
  });
});

describe('relay init on bad blueprints', () => {
  const TASKS_HEAD = '# Epic\n\n## Tasks\n\n';
  const cases: [string, string | Buffer, string | RegExp, number?][] = [
    ['a self-dependency', `${TASKS_HEAD}### T1: a\n- Depends on: T1\n`, 'plan.md:6: tasks.T1.depends_on'],
    ['a cycle', `${TASKS_HEAD}### T1: a\n- Depends on: T2\n\n### T2: b\n- Depends on: T1\n`, 'plan.md:6: tasks.T1.depends_on: dependency cycle'],
    ['an unknown dependency', `${TASKS_HEAD}### T1: a\n- Depends on: T9\n`, 'plan.md:6: tasks.T1.depends_on: unknown task "T9"'],
    ['a duplicate id', `${TASKS_HEAD}### T1: a\n\n### T1: b\n`, 'plan.md:7: tasks.T1: duplicate task id'],
    ['a bad priority', `${TASKS_HEAD}### T1: a\n- Priority: urgent\n`, 'plan.md:6: tasks.T1.priority'],
    ['points that are not a number', `${TASKS_HEAD}### T1: a\n- Points: many\n`, 'plan.md:6: tasks.T1.points'],
    ['binary', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 97 + 13) % 256)), 'plan.md: no tasks found', 20],
    ['an empty file', '', 'plan.md: no tasks found', 20],
    ['blockquotes nested 50,000 deep', `${TASKS_HEAD}### T1: a\n${'>'.repeat(50_000)} deep\n`, /^relay: plan\.md/],
    // ~1.96 MB, just under the parser's 2 MB bound: any blueprint the bound lets through must parse in time.
    ['lists nested 1,400 deep', `${TASKS_HEAD}### T1: a\n${Array.from({ length: 1400 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')}\n`, /^relay: plan\.md/],
  ];
  it.each(cases)('%s: exit 2 and one line naming plan.md', async (_name, content, where, lines = 1) => {
    const root = tempProject();
    writeFileSync(join(root, 'plan.md'), content);
    const r = await relay(root, ['init', 'plan.md', '--dry-run'], { timeoutMs: 120_000 });
    expect(r.ms, `${_name}: relay init took ${r.ms} ms`).toBeLessThan(SLOW_MS);
    if (r.code === 0 && typeof where !== 'string') return; // deep nesting the parser copes with is fine too
    expectCleanError(r, 2, where, _name, lines);
  });

  it('a path that is a folder or missing: exit 2 naming it', async () => {
    const root = tempProject();
    mkdirSync(join(root, 'plans'));
    expectCleanError(await relay(root, ['init', 'plans']), 2, 'plans: ');
    expectCleanError(await relay(root, ['init', 'nowhere.md']), 2, 'nowhere.md: file not found');
  });
});

describe('epic.yml and attempt-ledger.yml, read by relay status', () => {
  /** One project per file kind; each case rewrites the file, runs status, and puts the original back. */
  async function statusCases(file: 'epic.yml' | 'attempt-ledger.yml', cases: YamlCase[]) {
    const root = stubProject({ blueprint: chainedBlueprint(4) });
    const path = join(relayDir(root), file);
    const valid = readFileSync(path, 'utf8');
    // Sequential: the cases share one project (a fresh project per case would cost more than the check).
    for (const [name, transform, mayLoad] of cases) {
      const content = transform(valid);
      expect(content.toString() === valid, `case "${name}" did not change the file`).toBe(false);
      writeFileSync(path, content);
      rmSync(join(root, '.agents-os', 'cache'), { recursive: true, force: true });
      const r = await relay(root, ['status'], { timeoutMs: 60_000 });
      if (!(mayLoad && r.code === 0)) expectCleanError(r, 2, path, `${file}: ${name}`);
      expect(r.ms, `${file}: ${name} took ${r.ms} ms`).toBeLessThan(SLOW_MS);
    }
    writeFileSync(path, valid);
    expect((await relay(root, ['status'])).code).toBe(0);
  }

  it('epic.yml: every hand-written bad case is one line naming the file, exit 2', async () => {
    await statusCases('epic.yml', EPIC_YAML_CASES);
  });

  it('attempt-ledger.yml: every hand-written bad case is one line naming the file, exit 2', async () => {
    await statusCases('attempt-ledger.yml', LEDGER_YAML_CASES);
  });

  it('a !!js/function tag stays inert text', async () => {
    const root = stubProject({ blueprint: chainedBlueprint(2) });
    const path = join(relayDir(root), 'epic.yml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: (.*)$/m, 'title: !!js/function "function () { return 1 }"'));
    const r = await relay(root, ['status']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^function \(\) \{ return 1 \}/);
  });

  it('parse time grows with size, not with the square of a map\'s key count (40,000 keys, 1 MB)', async () => {
    // Control: the same entries and bytes in maps of 100 keys. A quadratic duplicate-key check
    // (yaml's `uniqueKeys` compares each new key with every earlier one) makes one big map far slower.
    const root = stubProject({ blueprint: chainedBlueprint(2) });
    const path = join(relayDir(root), 'epic.yml');
    writeFileSync(path, manySmallMaps(40_000));
    const control = await relay(root, ['status'], { timeoutMs: 120_000 });
    expectCleanError(control, 2, path, '400 maps of 100 keys');
    writeFileSync(path, manyKeys(40_000));
    const big = await relay(root, ['status'], { timeoutMs: 120_000 });
    expectCleanError(big, 2, path, 'one map of 40,000 keys');
    expect(big.ms / control.ms, `one map: ${big.ms} ms; the same bytes in small maps: ${control.ms} ms`).toBeLessThan(3);
  });

  /** Every path into a parsed document, for mutations. */
  function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    if (value === null || typeof value !== 'object') return [prefix];
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    return [prefix, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...prefix, k]))];
  }

  function mutate(doc: unknown, pick: number, op: 'set' | 'delete' | 'add', value: unknown, key: string): unknown {
    const copy = structuredClone(doc);
    const all = paths(copy).filter((p) => p.length > 0);
    const path = all[pick % all.length]!;
    const parent = path.slice(0, -1).reduce((o: any, k) => o[k], copy) as any;
    const last = path.at(-1)!;
    if (op === 'set') parent[last] = value;
    else if (op === 'delete') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
    else if (parent && typeof parent === 'object' && !Array.isArray(parent)) parent[key] = value;
    return copy;
  }

  it('fast-check mutations of both files load or fail with a one-line RelayError naming the file (in process)', () => {
    const root = stubProject({ blueprint: chainedBlueprint(4) });
    const p = projectPaths(root);
    const originals = { epic: readFileSync(p.epic, 'utf8'), ledger: readFileSync(p.attemptLedger, 'utf8') };
    const docs = { epic: parse(originals.epic), ledger: parse(originals.ledger) };
    const mutation = fc.record({
      which: fc.constantFrom('epic' as const, 'ledger' as const),
      pick: fc.nat(),
      op: fc.constantFrom('set' as const, 'delete' as const, 'add' as const),
      value: fc.jsonValue({ maxDepth: 3 }),
      key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', '../x', 'T1')),
    });
    try {
      fc.assert(fc.property(mutation, ({ which, pick, op, value, key }) => {
        const file = which === 'epic' ? p.epic : p.attemptLedger;
        writeFileSync(p.epic, originals.epic);
        writeFileSync(p.attemptLedger, originals.ledger);
        writeFileSync(file, stringify(mutate(docs[which], pick, op, value, key)));
        rmSync(p.cacheDir, { recursive: true, force: true });
        try {
          loadState(p);
        } catch (err) {
          if (!(err instanceof RelayError)) throw new Error(`not a RelayError: ${(err as Error)?.stack ?? String(err)}`);
          expect(err.message.includes(which === 'epic' ? 'epic.yml' : 'attempt-ledger.yml') || err.message.startsWith(p.epic), err.message).toBe(true);
          expect(err.message, 'a one-line message').not.toContain('\n');
        }
      }), { seed: SEED + 2, numRuns: 250 });
    } finally {
      writeFileSync(p.epic, originals.epic);
      writeFileSync(p.attemptLedger, originals.ledger);
    }
  });
});

describe('hook stdin', () => {
  it('garbage, binary, huge or deeply nested stdin: exit 0 with at most one stderr line', async () => {
    const root = stubProject({ blueprint: chainedBlueprint(2) });
    const runs = await pool(3, HOOK_GARBAGE.map(([name, input]) => async () => ({ name, r: await hook(input, { cwd: root }) })));
    for (const { name, r } of runs) {
      expectFailOpen(r, name);
      expect(r.stderr, name).toMatch(/^relay hook/);
      expect(r.ms, `${name} took ${r.ms} ms`).toBeLessThan(SLOW_MS);
    }
  });

  it('fast-check payloads with every field of the wrong type: exit 0, at most one stderr line, JSON or nothing on stdout', async () => {
    const root = stubProject({ blueprint: chainedBlueprint(2) });
    const anyJson = fc.jsonValue({ maxDepth: 3 });
    const payload = fc.record({
      hook_event_name: fc.oneof(fc.constantFrom('PostToolUse', 'PostToolUseFailure', 'SessionStart', 'UserPromptSubmit', 'Stop', 'SubagentStop', 'StopFailure', 'PreCompact', 'SessionEnd', 'Teleport', '', '__proto__', 'constructor'), anyJson),
      session_id: fc.oneof(fc.string({ maxLength: 40 }), anyJson),
      cwd: fc.constantFrom(root, '', 42, null, ['x'], '/nonexistent/relay-fuzz', `${root}/../..`),
      agent_type: fc.oneof(fc.string({ maxLength: 40 }), anyJson),
      tool_name: fc.oneof(fc.constantFrom('Bash', 'Write', 'Edit', 'MultiEdit', 'NotebookEdit'), anyJson),
      tool_input: anyJson,
      tool_response: anyJson,
      tool_use_id: anyJson,
      duration_ms: anyJson,
      error: anyJson,
      prompt: anyJson,
      source: anyJson,
      reason: anyJson,
      trigger: anyJson,
      last_assistant_message: anyJson,
    }, { requiredKeys: ['hook_event_name'] });
    const samples = fc.sample(payload, { seed: SEED + 3, numRuns: 36 });
    const runs = await pool(3, samples.map((s) => async () => ({ s, r: await hook(s, { cwd: root }) })));
    for (const { s, r } of runs) {
      expectFailOpen(r, JSON.stringify(s).slice(0, 400));
      expect(r.ms).toBeLessThan(SLOW_MS);
    }
    // The ledger the valid-looking ones wrote is still all valid lines.
    const validate = await relay(root, ['events', 'validate']);
    expect([0, 1]).toContain(validate.code);
    expect(validate.stdout).not.toMatch(/not valid JSON|torn/);
  });

  it('a SessionStart in a project whose epic is an alias bomb answers in time, with valid JSON', async () => {
    const root = stubProject({ blueprint: chainedBlueprint(2) });
    writeFileSync(join(relayDir(root), 'epic.yml'), YAML_BOMB);
    const r = await hook(hookPayloads(root).sessionStart(), { cwd: root });
    expectFailOpen(r, 'SessionStart with a bomb epic');
    expect(r.ms).toBeLessThan(SLOW_MS);
  });
});

describe('episodic ledger lines (relay ledger validate)', () => {
  function goodRecord(i: number): string {
    return JSON.stringify({ timestamp: `2026-01-0${1 + (i % 9)}T10:00:00Z`, type: 'task_completion', task_id: `good-record-${i}`, summary: `Record ${i}`, status: 'completed' });
  }
  const HAND_BAD = [
    'not json', '{"timestamp":', '[]', '42', 'null', '"a string"', '{}', '\u0000\u0000\u0000',
    JSON.stringify({ timestamp: '2026-01-01T10:00:00Z', type: 'nope', task_id: 'bad-type' }),
    JSON.stringify({ timestamp: '2026-13-45T99:00:00Z', type: 'task_completion', task_id: 'bad-time' }),
    JSON.stringify({ timestamp: 'yesterday', type: 'task_completion', task_id: 'bad-time-2' }),
    JSON.stringify({ timestamp: '2026-01-01T10:00:00Z', type: 'task_completion', task_id: 'Not Kebab' }),
    JSON.stringify({ timestamp: '2026-01-01T10:00:00Z', type: 'task_completion', task_id: '../../etc/passwd' }),
    JSON.stringify({ timestamp: '2026-01-01T10:00:00Z', type: 'task_completion' }),
    JSON.stringify({ timestamp: '2026-01-01T10:00:00Z', type: 'task_completion', task_id: 'bad-tests', tests_passed: 'yes' }),
    JSON.stringify({ timestamp: '2026-01-01T10:00:00Z', type: 'task_completion', task_id: 'bad-files', files_modified: 'a.ts' }),
    JSON.stringify({ timestamp: '2026-01-01T10:00:00Z', type: 'incident', task_id: 'bad-severity', severity: 'apocalyptic' }),
    JSON.stringify({ timestamp: '2026-01-01T10:00:00Z', type: 'lesson_learned', task_id: 'bad-lesson', lesson_learned: {} }),
  ];

  it('reports exactly the bad lines, by number, in one run (hand-written and generated)', async () => {
    const notJson = fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).filter((s) => !s.includes('\n') && !s.includes('\r') && s.trim() !== '' && (() => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    })());
    const wrongType = fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 20 })).map(([i, t]) => JSON.stringify({ timestamp: '2026-02-01T00:00:00Z', type: `x-${t}`, task_id: `wrong-type-${i}` }));
    const generatedBad = fc.sample(fc.oneof(notJson, wrongType), { seed: SEED + 4, numRuns: 60 });
    const lines: string[] = [];
    const bad = new Set<number>();
    let good = 0;
    for (const line of [...HAND_BAD, ...generatedBad]) {
      lines.push(goodRecord(good++));
      lines.push(line);
      bad.add(lines.length);
    }
    const root = tempProject();
    mkdirSync(join(root, 'progress'));
    writeFileSync(join(root, 'progress', 'ledger.jsonl'), `${lines.join('\n')}\n`);

    const r = await relay(root, ['ledger', 'validate']);
    expectCleanError(r, 1, /^relay: \d+ problems? in the episodic ledger/, 'ledger validate');
    const reported = new Set(r.stdout.split('\n').filter(Boolean).map((l) => {
      const m = /^progress\/ledger\.jsonl:(\d+): \S/.exec(l);
      expect(m, `not a file:line: reason line: ${l.slice(0, 300)}`).not.toBeNull();
      return Number(m![1]);
    }));
    expect([...reported].sort((a, b) => a - b)).toEqual([...bad].sort((a, b) => a - b));

    // Readers skip what they cannot read, say so in one line, and still answer.
    const query = await relay(root, ['ledger', 'query']);
    expect(query.code, query.stderr).toBe(0);
    expect(query.stderr).toMatch(/^relay: skipped \d+ unreadable lines?; see: relay ledger validate\n$/);
    expect((await relay(root, ['ledger', 'stats'])).code).toBe(0);
  });
});

describe('ops-learning frontmatter (relay kb check)', () => {
  const FRONTMATTER_CASES: [string, string | Buffer][] = [
    ['unclosed', '---\ncategory: issue\n# Title\n'],
    ['invalid YAML', '---\ncategory: [unclosed\n---\n# Title\n'],
    ['an alias bomb', `---\n${YAML_BOMB}---\n# Title\n`],
    ['flow nesting 5000 deep', `---\n${deepFlow(5000)}---\n# Title\n`],
    ['map nesting 3000 deep', `---\n${deepMaps(3000)}---\n# Title\n`],
    ['wrong types', '---\ncategory: 5\nseverity: [high]\ntags: nope\ndate: tomorrow\n---\n# Title\n'],
    ['a duplicate key', '---\ncategory: issue\ncategory: performance\n---\n# Title\n'],
    ['a list instead of a map', '---\n- category\n- issue\n---\n# Title\n'],
    ['no frontmatter', '# Title\n\n## Issue summary\n'],
    ['binary', Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 53 + 11) % 256))],
    ['empty', ''],
  ];

  it('reports every bad entry with file:line, none dropped, exit 1', async () => {
    const root = tempProject();
    const dir = join(root, 'docs', 'ops-knowledge', 'issues', 'fuzz');
    mkdirSync(dir, { recursive: true });
    const files = FRONTMATTER_CASES.map(([, content], i) => {
      const name = `ops-learning-2026-01-01-00-00-${String(i).padStart(2, '0')}-issue-case-${i}.md`;
      writeFileSync(join(dir, name), content);
      return `docs/ops-knowledge/issues/fuzz/${name}`;
    });
    const r = await relay(root, ['kb', 'check'], { timeoutMs: 60_000 });
    expectCleanError(r, 1, /^relay: \d+ problem\(s\) in \d+ of \d+ entries/, 'kb check');
    expect(r.ms).toBeLessThan(SLOW_MS);
    FRONTMATTER_CASES.forEach(([name], i) => {
      expect(r.stdout, `${name}: no frontmatter finding for ${files[i]}`).toMatch(new RegExp(`^${files[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: (frontmatter|title)`, 'm'));
    });
  });

  it('frontmatter parse time grows with size, not with the square of a map\'s key count (40,000 keys)', async () => {
    const root = tempProject();
    const dir = join(root, 'docs', 'ops-knowledge', 'issues', 'fuzz');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'ops-learning-2026-01-01-00-00-00-issue-keys.md');
    writeFileSync(file, `---\n${manySmallMaps(40_000)}---\n# Title\n`);
    const control = await relay(root, ['kb', 'check'], { timeoutMs: 120_000 });
    writeFileSync(file, `---\n${manyKeys(40_000)}---\n# Title\n`);
    const big = await relay(root, ['kb', 'check'], { timeoutMs: 120_000 });
    expect([control.code, big.code]).toEqual([1, 1]);
    expect(big.ms / control.ms, `one map: ${big.ms} ms; the same bytes in small maps: ${control.ms} ms`).toBeLessThan(3);
  });
});

describe('size bounds: a file over its limit gets a clear error, not a slow read', () => {
  /** A sparse file: as big as asked, instantly, with no disk used. */
  function sparse(path: string, bytes: number): void {
    writeFileSync(path, '');
    truncateSync(path, bytes);
  }
  const TOO_BIG = /\d+ bytes, more than the \d+-byte limit/;

  it('epic.yml and attempt-ledger.yml over 64 MB: exit 2 naming the file and the limit', async () => {
    const root = stubProject({ blueprint: chainedBlueprint(2) });
    for (const file of ['epic.yml', 'attempt-ledger.yml']) {
      const path = join(relayDir(root), file);
      const valid = readFileSync(path);
      sparse(path, 70 * 1024 * 1024);
      const r = await relay(root, ['status']);
      expectCleanError(r, 2, path, file);
      expect(r.stderr).toMatch(TOO_BIG);
      writeFileSync(path, valid);
    }
  });

  it('a blueprint over its limit: exit 2 naming the file and the limit', async () => {
    const root = tempProject();
    sparse(join(root, 'plan.md'), 5 * 1024 * 1024);
    const r = await relay(root, ['init', 'plan.md', '--dry-run']);
    expectCleanError(r, 2, 'plan.md', 'blueprint');
    expect(r.stderr).toMatch(TOO_BIG);
  });

  it('ledger add with more than 1 MB on stdin: exit 2', async () => {
    const root = tempProject();
    expectCleanError(await relay(root, ['ledger', 'add'], { input: `{"summary":"${'x'.repeat(2 * 1024 * 1024)}"}` }), 2, 'stdin: more than');
  });

  it('ledger add reads a record that reaches stdin late (a slow producer on the pipe)', async () => {
    // What `some-command | relay ledger add` looks like when the command takes a moment.
    const root = tempProject();
    const input = JSON.stringify({ timestamp: '2026-01-01T00:00:00Z', type: 'task_completion', task_id: 'slow-producer', summary: 'Recorded from a pipe whose writer was slow' });
    const r = await relay(root, ['ledger', 'add'], { input, inputDelayMs: 500 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('an event ledger file over 128 MB: events validate names it in one line', async () => {
    const root = tempProject();
    const dir = join(root, '.agents-os', 'ledger', 'claude');
    mkdirSync(dir, { recursive: true });
    sparse(join(dir, '2026-01-01.jsonl'), 130 * 1024 * 1024);
    const r = await relay(root, ['events', 'validate']);
    expectCleanError(r, 1, /^relay: .*2026-01-01\.jsonl/, 'events validate');
    expect(r.stderr).toMatch(TOO_BIG);
  });

  it('an ops-learning entry over 16 MB: kb check names it in one line', async () => {
    const root = tempProject();
    const dir = join(root, 'docs', 'ops-knowledge', 'issues', 'big');
    mkdirSync(dir, { recursive: true });
    sparse(join(dir, 'ops-learning-2026-01-01-00-00-00-issue-big.md'), 17 * 1024 * 1024);
    const r = await relay(root, ['kb', 'check']);
    expectCleanError(r, 1, /^relay: .*ops-learning-2026-01-01-00-00-00-issue-big\.md/, 'kb check');
    expect(r.stderr).toMatch(TOO_BIG);
  });

  it('a 600 MB line in progress/ledger.jsonl: ledger validate names the file in one line, in bounded time', async () => {
    // The episodic reader grows its buffer to hold any line, so one runaway line is read whole.
    const root = tempProject();
    mkdirSync(join(root, 'progress'));
    sparse(join(root, 'progress', 'ledger.jsonl'), 600 * 1024 * 1024);
    const r = await relay(root, ['ledger', 'validate'], { timeoutMs: 120_000 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(`${r.stdout}${r.stderr}`).toMatch(/progress\/ledger\.jsonl(:1)?: /);
    expect(r.stderr).not.toMatch(/unexpected error/);
  });
});
