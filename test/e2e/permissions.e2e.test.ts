/**
 * Every slash command under Claude Code's default permission mode, as a user's session runs
 * it (the other end-to-end tests use bypassPermissions, which would hide a refusal).
 * The scripted model issues exactly the tool calls each command tells Claude to make.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runClaude } from './support/claude.ts';
import { startFakeModel, type FakeModel, type Turn } from './support/fake-model.ts';
import { REPO, blueprint, relay, tempProject } from '../support/project.ts';

const RELAY = `node ${REPO}/dist/relay.mjs`;
const bash = (command: string) => ({ name: 'Bash', input: { command } });
let model: FakeModel | undefined;

afterEach(async () => {
  await model?.close();
  model = undefined;
});

async function slash(root: string, prompt: string, steps: Turn[] = []) {
  model = await startFakeModel((req) => steps[req.turnIndex] ?? { text: 'done' });
  const run = await runClaude({ cwd: root, modelUrl: model.url, pluginDir: REPO, args: ['-p', prompt, '--output-format', 'json', '--permission-mode', 'default', '--no-session-persistence'] });
  expect(run.exitCode, run.stderr).toBe(0);
  expect(run.json?.permission_denials ?? []).toEqual([]);
  return { run, requests: model.requests };
}

function epicProject(): string {
  const root = tempProject();
  writeFileSync(join(root, 'plan.md'), blueprint(2));
  expect(relay(root, ['init', 'plan.md']).code).toBe(0);
  return root;
}

describe('slash commands under the default permission mode', () => {
  it('/relay:ledger-update writes the record through the Write tool and --file, and leaves no file behind', async () => {
    const root = epicProject();
    const record = { timestamp: '2026-11-30T09:15:00Z', type: 'incident', task_id: 'fix-queue-stall', severity: 'high', summary: 'the worker queue stalled for 40 min', root_cause: 'a consumer held a lock it didn\'t release', fix: 'release the lock in a finally block', duration_minutes: 40 };
    const inbox = join(root, '.agents-os/inbox/record.json');
    const { run } = await slash(root, '/relay:ledger-update incident the queue stalled', [
      { tools: [{ name: 'Write', input: { file_path: inbox, content: JSON.stringify(record) } }] },
      { tools: [bash(`${RELAY} ledger add --file .agents-os/inbox/record.json`)] },
    ]);
    const lines = readFileSync(join(root, 'progress/ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((r) => r.task_id === 'fix-queue-stall')).toMatchObject({ type: 'incident', root_cause: record.root_cause });
    expect(existsSync(inbox)).toBe(false);
    expect(run.json?.is_error).toBe(false);
  }, 90_000);

  it('/relay:status and /relay:recall run their relay lines before the model is asked', async () => {
    const root = epicProject();
    const status = await slash(root, '/relay:status');
    expect(status.requests[0]!.allUserText).toMatch(/Next ready: T1/);
    const recall = await slash(root, '/relay:recall queue stall');
    expect(recall.requests[0]!.allUserText).toMatch(/no matches for "queue stall"/);
  }, 90_000);

  it('/relay:init runs relay init and status', async () => {
    const root = tempProject();
    writeFileSync(join(root, 'plan.md'), blueprint(2));
    await slash(root, '/relay:init plan.md', [{ tools: [bash(`${RELAY} init plan.md`)] }, { tools: [bash(`${RELAY} status`)] }]);
    expect(existsSync(join(root, '.agents-os/relay/epic.yml'))).toBe(true);
  }, 90_000);

  it('/relay:kb creates and checks an entry', async () => {
    const root = epicProject();
    await slash(root, '/relay:kb issue the queue stalled', [{ tools: [bash(`${RELAY} kb new --category issue --title "Queue stalled on a held lock" --service worker`)] }]);
    expect(readdirSync(join(root, 'docs/ops-knowledge/issues/worker'))).toHaveLength(1);
  }, 90_000);

  it('/relay:work starts a detached run', async () => {
    const root = epicProject();
    writeFileSync(join(root, '.agents.yml'), `relay:\n  executor: [${JSON.stringify(process.execPath)}, ${JSON.stringify(join(REPO, 'test/support/stub-worker.mjs'))}]\n  recall:\n    enabled: false\n`);
    const { requests } = await slash(root, '/relay:work');
    expect(requests[0]!.allUserText).toMatch(/work started in the background/);
    for (let i = 0; i < 100 && !/done: 2\/2/.test(existsSync(join(root, '.agents-os/relay/run.log')) ? readFileSync(join(root, '.agents-os/relay/run.log'), 'utf8') : ''); i++) await new Promise((r) => setTimeout(r, 100));
    expect(readFileSync(join(root, '.agents-os/relay/run.log'), 'utf8')).toMatch(/done: 2\/2 tasks completed/);
  }, 90_000);
});
