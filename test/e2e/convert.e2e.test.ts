/**
 * `relay init --convert`: a free-form plan no reader recognises, rewritten by the real
 * Claude Code CLI (scripted model) as a relay blueprint, checked by the same validator, and
 * sent back once with the validator's message when it is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLAUDE_BIN, claudeEnv } from './support/claude.ts';
import { startFakeModel, structuredOutput, type FakeModel } from './support/fake-model.ts';
import { relayAsync, tempProject } from '../support/project.ts';

const FREE_FORM = `Notes from Tuesday's planning

We want people to be able to export their data. First we need a job that collects everything a user owns
into a zip. Then an endpoint to request the export, which starts the job. Finally an email with the link
when the zip is ready. The export must never include other users' data.
`;

const blueprint = (dep: string) => `# Data export
People can export their data.

## Tasks

### T1: Collect a user's data into a zip
- Priority: p1
- Points: 3
- Files: src/export/collect.ts
- Depends on: none
- Acceptance criteria:
  - the zip holds only the user's own data

### T2: Endpoint to request an export
- Priority: p1
- Points: 2
- Depends on: ${dep}

### T3: Email the link when the zip is ready
- Priority: p2
- Points: 1
- Depends on: T2
`;

let model: FakeModel;
let root: string;
let run: Awaited<ReturnType<typeof relayAsync>>;
const prompts: string[] = [];

beforeAll(async () => {
  root = tempProject();
  writeFileSync(join(root, 'notes.md'), FREE_FORM);
  model = await startFakeModel((req) => {
    prompts.push(req.firstUserText);
    // The first answer depends on a task that does not exist; the second is right.
    return { tools: [structuredOutput({ blueprint: blueprint(prompts.length === 1 ? 'T9' : 'T1') })] };
  });
  writeFileSync(join(root, '.agents.yml'), `relay:\n  executor: ["${CLAUDE_BIN}"]\n`);
  run = await relayAsync(root, ['init', '--convert', 'notes.md'], claudeEnv(model.url, mkdtempSync(join(tmpdir(), 'relay-home-'))));
}, 120_000);

afterAll(async () => {
  await model?.close();
});

describe('relay init --convert', () => {
  it('sends a refused answer back once with the validator\'s message, then writes notes.relay.md and the epic', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(prompts).toHaveLength(2);
    expect(prompts[0]).toContain('export their data');
    expect(prompts[1]).toMatch(/refused by relay's validator: notes\.relay\.md:\d+: tasks\.T2\.depends_on: unknown task "T9"/);
    expect(readFileSync(join(root, 'notes.relay.md'), 'utf8')).toBe(blueprint('T1'));
    expect(run.stdout).toMatch(/relay: read notes\.relay\.md as a relay blueprint: 3 tasks, 2 dependencies/);
    const epic = parse(readFileSync(join(root, '.agents-os/relay/epic.yml'), 'utf8'));
    expect(epic.tasks.T2.depends_on).toEqual(['T1']);
    expect(existsSync(join(root, 'notes.md'))).toBe(true);
  });
});
