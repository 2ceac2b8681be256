// Names that end up in paths — agent names (a subagent's agent_type), session ids, task ids,
// knowledge-base titles and services — carrying `../`, absolute paths, NUL bytes or 500
// characters. The project sits three folders deep in a sandbox with a sentinel folder beside it;
// afterwards the sandbox outside the project must be byte-for-byte unchanged, and every new
// file in the project must sit in the folder its kind belongs to, one safe segment per name.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relay as relaySync, tempDir, tempProject } from '../support/project.ts';
import { hookPayloads } from '../hooks/support/payloads.ts';
import { walk } from './support/ledgers.ts';
import { expectFailOpen, hook, pool, relay, type Ran } from './support/proc.ts';

/** Names an attacker, a buggy tool or an unlucky paste could put where relay builds a path. */
function hostileNames(sandbox: string): string[] {
  return [
    '../../../outside/pwned',
    '../../../../../../../../outside/pwned',
    '..',
    '.',
    '..\\..\\..\\outside\\pwned',
    `${sandbox}/outside/absolute`,
    '/etc/cron.d/relay',
    '~/.ssh/authorized_keys',
    'nested/dir/name',
    'nul\u0000byte/../../outside',
    `${'x'.repeat(500)}`,
    `${'../'.repeat(60)}outside/deep`,
    '%2e%2e%2f%2e%2e%2foutside',
    '.agents-os',
  ];
}

/** Allowed homes for new files, one pattern per kind of file relay writes. */
const SAFE = '[A-Za-z0-9._-]{1,64}';
const ALLOWED = [
  new RegExp(`^\\.agents-os/ledger/${SAFE}/\\d{4}-\\d{2}-\\d{2}\\.jsonl$`),
  new RegExp(`^\\.agents-os/agents/${SAFE}/status\\.json$`),
  new RegExp(`^\\.agents-os/memory/${SAFE}/sessions/\\d{4}-\\d{2}-\\d{2}-${SAFE}\\.md$`),
  new RegExp(`^docs/ops-knowledge/issues/${SAFE}/ops-learning-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-issue-[a-z0-9-]{1,64}\\.md$`),
  /^\.agents-os\/cache\/[^/]+$/,
  /^\.agents-os\/relay\/run-state\.json$/,
];

function sandboxProject(): { sandbox: string; root: string; outside: string } {
  const sandbox = tempDir('relay-paths-');
  const outside = join(sandbox, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'sentinel.txt'), 'must not change\n');
  const root = tempProject(join(sandbox, 'a', 'b', 'project'));
  writeFileSync(join(root, 'plan.md'), '# Paths\n\n## Tasks\n\n### T1: one\n\n### T2: two\n');
  const init = relaySync(root, ['init', 'plan.md']);
  expect(init.code, init.stderr).toBe(0);
  return { sandbox, root, outside };
}

/** Every file under `dir` except inside `skip`, with its bytes. */
function tree(dir: string, skip: string): Map<string, string> {
  return new Map(walk(dir).filter((f) => !f.startsWith(skip + sep)).map((f) => [relative(dir, f), readFileSync(f, 'latin1')]));
}

describe('hostile names never write outside their folders', () => {
  it('agent names, session ids, task ids, kb titles and services with ../, absolute paths, NUL and 500 characters', async () => {
    const { sandbox, root } = sandboxProject();
    const outsideBefore = tree(sandbox, root);
    const projectBefore = new Set(walk(root).map((f) => relative(root, f)));
    const names = hostileNames(sandbox);

    const hookRuns: (() => Promise<Ran>)[] = [];
    for (const name of names) {
      const p = hookPayloads(root, name);
      const asAgent = <T extends object>(payload: T) => ({ ...payload, agent_type: name });
      hookRuns.push(
        () => hook(asAgent(p.bash('ls', 'a', ''))),
        () => hook(asAgent(p.userPrompt('go'))),
        () => hook(asAgent(p.preCompact())),
        () => hook(asAgent(p.sessionEnd())),
        () => hook(p.subagentStop(name)),
      );
      // A worker's task id comes from the environment, which cannot carry a NUL.
      if (!name.includes('\u0000')) hookRuns.push(() => hook(p.stop('done'), { env: { RELAY_TASK_ID: name, RELAY_ATTEMPT: '1' } }));
    }
    for (const [k, r] of (await pool(3, hookRuns)).entries()) expectFailOpen(r, `hook run ${k}`);

    const argvNames = names.filter((n) => !n.includes('\u0000'));
    const cliRuns = await pool(2, [
      ...argvNames.map((name) => () => relay(root, ['kb', 'new', '--category', 'issue', '--title', name, '--service', name])),
      ...argvNames.slice(0, 6).flatMap((name) => [
        () => relay(root, ['gate', name, '--reason', name]),
        () => relay(root, ['ungate', name]),
        () => relay(root, ['work', name]),
        () => relay(root, ['anchor', name]),
        () => relay(root, ['events', 'summary', '--session', name]),
      ]),
      ...names.map((name) => () => relay(root, ['ledger', 'add'], { input: JSON.stringify({ timestamp: '2026-01-01T00:00:00Z', type: 'task_completion', task_id: name, summary: 'x' }) })),
    ]);
    for (const r of cliRuns) {
      expect(r.timedOut).toBe(false);
      expect(r.stderr).not.toMatch(/^\s+at |unexpected error/m);
    }

    // Outside the project: nothing added, removed or changed.
    expect(tree(sandbox, root)).toEqual(outsideBefore);
    // Inside: every new file is where its kind belongs.
    const added = walk(root).map((f) => relative(root, f).split(sep).join('/')).filter((f) => !projectBefore.has(f) && !f.startsWith('.git/'));
    const misplaced = added.filter((f) => !ALLOWED.some((re) => re.test(f)));
    expect(misplaced).toEqual([]);
    expect(added.some((f) => f.startsWith('.agents-os/memory/')), 'session summaries were written').toBe(true);
    expect(added.some((f) => f.startsWith('docs/ops-knowledge/issues/')), 'kb entries were written').toBe(true);
    // The hostile task ids were refused, not filed: the episodic ledger stays empty.
    expect(added.filter((f) => f.startsWith('progress/'))).toEqual([]);
  });
});
