/**
 * The learning processor as an agent step, with the real Claude Code CLI and a scripted model:
 * paraphrases of one lesson grouped into one sentence, a too-specific learning consumed but not
 * counted, and relay doing the counting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { CLAUDE_BIN, claudeEnv } from './support/claude.ts';
import { startFakeModel, structuredOutput, type FakeModel } from './support/fake-model.ts';
import { relayAsync, relay, tempProject } from '../support/project.ts';

const LEARNINGS: Record<string, string> = {
  T1: 'Seed the users table before the API tests run',
  T2: 'The API tests need the users table seeded first',
  T3: 'API tests fail on an empty users table: seed it before they start',
  T4: 'src/signup.js returns 409 for a taken email',
};

let model: FakeModel;
let root: string;
let run: Awaited<ReturnType<typeof relayAsync>>;
const prompts: string[] = [];

beforeAll(async () => {
  root = tempProject();
  writeFileSync(join(root, 'plan.md'), '# Users\n\n## Tasks\n\n### T1: a\n\n### T2: b\n\n### T3: c\n\n### T4: d\n');
  expect(relay(root, ['init', 'plan.md']).code).toBe(0);
  const file = join(root, '.agents-os/relay/attempt-ledger.yml');
  const ledger = parse(readFileSync(file, 'utf8'));
  for (const [task, learning] of Object.entries(LEARNINGS)) {
    ledger.attempts[task] = [{ id: 1, started_at: '2026-05-01T10:00:00.000Z', ended_at: '2026-05-01T10:30:00.000Z', result: 'success', receipt: { status: 'success', summary: 'done', files_changed: [], pattern_tags: ['db'], quality_gate_findings: [], learning } }];
    ledger.task_status[task] = 'completed';
  }
  writeFileSync(file, stringify(ledger));
  model = await startFakeModel((req) => {
    prompts.push(req.firstUserText);
    return { tools: [structuredOutput({
      groups: [{ ids: ['T1#1', 'T2#1', 'T3#1'], lesson: 'Seed the users table before running the API tests' }],
      verdicts: [{ id: 'T1#1', verdict: 'reusable' }, { id: 'T2#1', verdict: 'reusable' }, { id: 'T3#1', verdict: 'reusable' }, { id: 'T4#1', verdict: 'too_specific' }],
    })] };
  });
  writeFileSync(join(root, '.agents.yml'), `relay:\n  executor: ["${CLAUDE_BIN}"]\n`);
  run = await relayAsync(root, ['learnings', 'promote'], claudeEnv(model.url, mkdtempSync(join(tmpdir(), 'relay-home-'))));
}, 120_000);

afterAll(async () => {
  await model?.close();
});

describe('relay learnings promote with the worker agent', () => {
  it('sends every learning with its id, promotes the group relay counted, and consumes the noise', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(prompts).toHaveLength(1);
    for (const [task, learning] of Object.entries(LEARNINGS)) expect(prompts[0]).toContain(`- ${task}#1: ${learning}`);
    expect(run.stdout).toContain('Lessons grouped by the worker agent; relay counted them.');
    expect(run.stdout).toContain('(1 judged too specific or vague, not counted)');
    expect(readFileSync(join(root, 'AGENTS.md'), 'utf8')).toContain('- Seed the users table before running the API tests _(recommend: seen 3 times, last seen 2026-05-01; tags: db)_');
    expect(parse(readFileSync(join(root, '.agents-os/relay/attempt-ledger.yml'), 'utf8')).promoted_learnings.sort()).toEqual(['T1#1', 'T2#1', 'T3#1', 'T4#1']);
  });
});
