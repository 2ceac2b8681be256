/**
 * The quality gate with the real Claude Code CLI as both worker and reviewer: two independent
 * tasks, nothing committed between them. The reviewer must see only its own attempt's change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLAUDE_BIN, claudeEnv } from './support/claude.ts';
import { startFakeModel, structuredOutput, type FakeModel, type ModelRequest, type Turn } from './support/fake-model.ts';
import { relay, relayAsync, tempProject } from '../support/project.ts';
import type { AttemptLedger } from '../../scripts/core/shared/schemas.ts';

const PLAN = `# Review scope epic

## Tasks

### T1: Write the secret-handling note
- Priority: p0
- Files: t1.txt
- Acceptance criteria:
  - t1.txt exists

### T2: Write the greeting
- Priority: p1
- Files: t2.txt
- Acceptance criteria:
  - t2.txt says hello
`;

const write = (path: string, content: string) => ({ name: 'Write', input: { file_path: path, content } });
const receipt = (file: string) => structuredOutput({ status: 'success', summary: `wrote ${file}`, files_changed: [file], pattern_tags: [] });

let model: FakeModel;
let root: string;
let ledger: AttemptLedger;
let code: number | null;
const reviews: Record<string, string> = {};

function script(req: ModelRequest): Turn {
  const review = /^# Review of relay task (T\d+)/m.exec(req.firstUserText);
  if (review) {
    const task = review[1]!;
    reviews[task] = req.firstUserText;
    // Blocks whatever holds T1's content; so T2 passes only if its review never sees t1.txt.
    const blocked = req.firstUserText.includes('t1.txt');
    return { tools: [structuredOutput(blocked ? { verdict: 'BLOCKED', findings: ['t1.txt holds a secret-handling note that needs a person'] } : { verdict: 'APPROVED', findings: [] })] };
  }
  const task = /# relay task (T\d+):/.exec(req.firstUserText)?.[1];
  const file = task === 'T1' ? 't1.txt' : 't2.txt';
  return [{ tools: [write(join(root, file), task === 'T1' ? 'handle secrets with care\n' : 'hello\n')] }, { tools: [receipt(file)] }][req.turnIndex] ?? { text: 'done' };
}

beforeAll(async () => {
  root = tempProject();
  model = await startFakeModel(script);
  const env = claudeEnv(model.url, mkdtempSync(join(tmpdir(), 'relay-home-')));
  writeFileSync(join(root, 'plan.md'), PLAN);
  writeFileSync(join(root, '.agents.yml'), `relay:\n  executor: ["${CLAUDE_BIN}"]\n  permission_mode: bypassPermissions\n  max_attempts_per_task: 2\n  review:\n    enabled: true\n    provider: claude\n  recall:\n    enabled: false\n`);
  expect(relay(root, ['init', 'plan.md'], undefined, env).code).toBe(0);
  code = (await relayAsync(root, ['work'], env)).code;
  ledger = parse(readFileSync(join(root, '.agents-os/relay/attempt-ledger.yml'), 'utf8')) as AttemptLedger;
}, 180_000);

afterAll(async () => {
  await model?.close();
});

describe('the claude reviewer sees exactly the attempt\'s own change', () => {
  it('gates T1 on its BLOCKED review, and only T1', () => {
    expect(code).toBe(1);
    expect(ledger.gated_tasks.T1?.reason).toBe('quality_gate_blocked');
    expect(ledger.attempts.T1).toHaveLength(1);
  });

  it('reviews T2 on its own file while t1.txt is still uncommitted, and completes it', () => {
    expect(reviews.T2).toContain('+hello');
    expect(reviews.T2).not.toContain('t1.txt');
    expect(reviews.T2).not.toContain('.gitattributes');
    expect(reviews.T2).toContain('- t2.txt says hello');
    expect(ledger.task_status.T2).toBe('completed');
    expect(ledger.attempts.T2![0]!.receipt!.quality_gate_verdict).toBe('APPROVED');
  });
});
