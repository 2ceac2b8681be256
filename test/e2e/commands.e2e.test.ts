/** The plugin's commands as Claude Code expands them: `!` lines run relay before the model sees the prompt. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headlessArgs, runClaude } from './support/claude.ts';
import { startFakeModel, type FakeModel } from './support/fake-model.ts';
import { REPO, blueprint, relay, tempProject } from '../support/project.ts';

let model: FakeModel;
let root: string;

beforeAll(async () => {
  root = tempProject();
  writeFileSync(join(root, 'plan.md'), blueprint(3, (i) => (i > 1 ? `- Depends on: T${i - 1}\n` : '')));
  expect(relay(root, ['init', 'plan.md']).code).toBe(0);
  model = await startFakeModel(() => ({ text: 'summarised' }));
});

afterAll(async () => {
  await model?.close();
});

describe('/relay:status inside real Claude Code', () => {
  it('runs relay status before the model is asked, and the table reaches the first request', async () => {
    const run = await runClaude({ cwd: root, modelUrl: model.url, pluginDir: REPO, args: headlessArgs('/relay:status') });
    expect(run.exitCode).toBe(0);
    const first = model.requests[0]!;
    expect(first.allUserText).toMatch(/Generated epic/);
    expect(first.allUserText).toMatch(/0\/3 tasks · 0\/9 points/);
    expect(first.allUserText).toMatch(/T3\s+blocked/);
    expect(first.allUserText).toMatch(/Next ready: T1/);
    expect(first.allUserText).not.toContain('!`node');
  }, 60_000);
});
