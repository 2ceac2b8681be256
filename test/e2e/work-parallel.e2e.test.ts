/**
 * `relay work --jobs 2` with real Claude Code workers in their default permission mode
 * (acceptEdits): each edits its own worktree, and both changes end up merged on the branch.
 * Claude Code refuses edits under a .git folder in that mode, so this is also where the
 * worktrees are checked to live outside one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLAUDE_BIN, claudeEnv } from './support/claude.ts';
import { startFakeModel, structuredOutput, type FakeModel, type ModelRequest, type Turn } from './support/fake-model.ts';
import { relay, relayAsync, tempProject } from '../support/project.ts';
import type { AttemptLedger } from '../../scripts/core/shared/schemas.ts';

let model: FakeModel | undefined;
afterAll(async () => model?.close());

describe('relay work --jobs with real Claude Code workers', () => {
  it('lets each worker edit its own worktree in acceptEdits mode, and merges both', async () => {
    const cwds: string[] = [];
    model = await startFakeModel((req: ModelRequest): Turn => {
      const task = /# relay task (T\d+):/.exec(req.firstUserText)?.[1] ?? 'T0';
      const cwd = /Primary working directory: (\S+)/.exec(req.system)?.[1] ?? '.';
      if (req.turnIndex === 0) {
        cwds.push(cwd);
        return { tools: [{ name: 'Write', input: { file_path: join(cwd, `${task}.txt`), content: `${task}\n` } }] };
      }
      return { tools: [structuredOutput({ status: 'success', summary: `wrote ${task}.txt`, files_changed: [`${task}.txt`], pattern_tags: [] })] };
    });
    const root = tempProject();
    const env = claudeEnv(model.url, mkdtempSync(join(tmpdir(), 'relay-home-')));
    writeFileSync(join(root, 'plan.md'), '# Two at once\n\n## Tasks\n\n### T1: One\n- Files: T1.txt\n\n### T2: Two\n- Files: T2.txt\n');
    writeFileSync(join(root, '.agents.yml'), `relay:\n  executor: ["${CLAUDE_BIN}"]\n  review:\n    enabled: false\n`);
    expect(relay(root, ['init', 'plan.md'], undefined, env).code).toBe(0);
    const run = await relayAsync(root, ['work', '--jobs', '2'], env);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const ledger = parse(readFileSync(join(root, '.agents-os/relay/attempt-ledger.yml'), 'utf8')) as AttemptLedger;
    expect(ledger.task_status).toEqual({ T1: 'completed', T2: 'completed' });
    expect(readFileSync(join(root, 'T1.txt'), 'utf8')).toBe('T1\n');
    expect(readFileSync(join(root, 'T2.txt'), 'utf8')).toBe('T2\n');
    expect(cwds).toHaveLength(2);
    for (const cwd of cwds) {
      expect(cwd).not.toContain('/.git/');
      expect(cwd.startsWith(root)).toBe(false);
    }
    // The workers' hooks recorded into the project, not their worktrees.
    const dir = join(root, '.agents-os', 'ledger', 'relay-worker');
    const events = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l)));
    expect(new Set(events.filter((e) => e.event === 'tool_use').map((e) => e.task_id))).toEqual(new Set(['T1', 'T2']));
  }, 120_000);
});
