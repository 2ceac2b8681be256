// A clone gets no merge driver from git: relay init registers it where the epic is made,
// relay setup in every other clone, and SessionStart tells the person when it is missing.
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELAY_BUNDLE, relay, tempDir, tempProject } from '../support/project.ts';
import { hookPayloads } from '../hooks/support/payloads.ts';
import { runHookBundle } from '../hooks/support/run-hook.ts';

const git = (root: string, ...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

function initialised(): string {
  const root = tempProject();
  writeFileSync(join(root, 'plan.md'), '# E\nx\n\n## Tasks\n\n### T1: One\n- Priority: p1\n');
  const init = relay(root, ['init', 'plan.md']);
  expect(init.code, init.stderr).toBe(0);
  expect(init.stdout).toMatch(/registered the merge driver/);
  return root;
}

const sessionStart = (root: string) => JSON.parse(runHookBundle(hookPayloads(root).sessionStart()).stdout);

describe('the merge driver in a clone', () => {
  it('relay init registers it, with rules in .gitattributes and machine-local state ignored', () => {
    const root = initialised();
    expect(git(root, 'config', 'merge.relay.driver')).toContain(`'${realpathSync(RELAY_BUNDLE)}' merge-driver %O %A %B %P`);
    expect(readFileSync(join(root, '.gitattributes'), 'utf8')).toMatch(/^\.agents-os\/relay\/attempt-ledger\.yml merge=relay$/m);
    git(root, 'add', '-A');
    const staged = git(root, 'diff', '--cached', '--name-only').split('\n');
    expect(staged).toContain('.agents-os/relay/attempt-ledger.yml');
    expect(staged.filter((f) => /run-state\.json|status\.json|\/cache\//.test(f))).toEqual([]);
    expect(sessionStart(root).systemMessage).toBeUndefined();
  });

  it('SessionStart names the one command when a clone lacks it or it points at a relay that moved; relay setup fixes both', () => {
    const root = initialised();
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'relay state');
    const clone = join(tempDir('relay-clone-'), 'c');
    git(root, 'clone', '-q', root, clone);
    const missing = sessionStart(clone);
    expect(missing.systemMessage).toMatch(/no merge driver for relay's files.*Run once in this clone: relay setup/);
    expect(missing.hookSpecificOutput.additionalContext).toContain('relay setup');

    const setup = relay(clone, ['setup']);
    expect(setup.code, setup.stderr).toBe(0);
    expect(sessionStart(clone).systemMessage).toBeUndefined();

    // A plugin update moves relay: the registered path is gone.
    const moved = join(tempDir('relay-moved-'), 'relay.mjs');
    git(clone, 'config', 'merge.relay.driver', `'${process.execPath}' '${moved}' merge-driver %O %A %B %P`);
    expect(sessionStart(clone).systemMessage).toMatch(/points at .*relay\.mjs, which is gone/);
  });

  it('relay setup replaces the rules an earlier relay wrote and keeps the user\'s own lines', () => {
    const root = tempProject();
    writeFileSync(join(root, '.gitattributes'), '*.png binary\n# relay: append-only ledgers merge line by line; readers dedupe by event id\n.agents-os/ledger/**/*.jsonl merge=union\nprogress/ledger.jsonl merge=union\n');
    expect(relay(root, ['setup']).code).toBe(0);
    const rules = readFileSync(join(root, '.gitattributes'), 'utf8').split('\n');
    expect(rules[0]).toBe('*.png binary');
    expect(rules).not.toContain('progress/ledger.jsonl merge=union');
    expect(rules).toContain('progress/ledger.jsonl merge=relay');
    expect(rules.filter((l) => l === '.agents-os/ledger/**/*.jsonl merge=union')).toHaveLength(1);
  });

  it('relay setup outside a git repository: one line, exit 2', () => {
    const r = relay(tempDir(), ['setup']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not a git repository/);
  });
});

