// Hooks fail open: whatever goes wrong, the bundle prints one stderr line, nothing that is
// not JSON on stdout, and exits 0. And a repository relay was never set up in stays untouched.
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../support/project.ts';
import { hookPayloads } from './support/payloads.ts';
import { runHookBundle } from './support/run-hook.ts';

function expectOneStderrLine(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
}

function optedInProject(): string {
  const root = tempProject();
  mkdirSync(join(root, '.agents-os'));
  return root;
}

describe('hook bundle fails open', () => {
  it.each([
    ['garbage', 'not json {', /^relay hook: stdin is not JSON/],
    ['empty stdin', '', /^relay hook: stdin is empty/],
    ['a JSON array', '[1,2]', /^relay hook: stdin is JSON but not an object/],
    ['no event name', '{"session_id":"s"}', /^relay hook: the payload has no hook_event_name/],
    ['an unknown event', '{"hook_event_name":"Teleport","session_id":"s"}', /^relay hook Teleport: unknown hook event "Teleport"; ignored/],
  ])('on %s', (_name, input, pattern) => {
    expectOneStderrLine(runHookBundle(input), pattern);
  });

  it('on a payload larger than the stdin bound', () => {
    const root = optedInProject();
    const huge = hookPayloads(root).write(join(root, 'big.txt'), 'x'.repeat(9 * 1024 * 1024));
    expectOneStderrLine(runHookBundle(huge), /stdin is larger than \d+ bytes; ignored/);
    expect(existsSync(join(root, '.agents-os', 'ledger'))).toBe(false);
  });

  it('on an unwritable ledger (a file where its folder should be)', () => {
    const root = optedInProject();
    writeFileSync(join(root, '.agents-os', 'ledger'), 'not a directory');
    expectOneStderrLine(runHookBundle(hookPayloads(root).bash('ls', 'a\nb', '')), /^relay hook PostToolUse: .*(ENOTDIR|EEXIST)/);
  });

  it('on a full disk', () => {
    const root = optedInProject();
    const dir = join(root, '.agents-os', 'ledger', 'claude');
    mkdirSync(dir, { recursive: true });
    symlinkSync('/dev/full', join(dir, `${new Date().toISOString().slice(0, 10)}.jsonl`));
    expectOneStderrLine(runHookBundle(hookPayloads(root).edit(join(root, 'a.ts'), 'a', 'b')), /^relay hook PostToolUse: .*ENOSPC/);
  });

  it('on a broken epic, SessionStart still answers with valid JSON that says where the problem is', () => {
    const root = optedInProject();
    mkdirSync(join(root, '.agents-os', 'relay'));
    writeFileSync(join(root, '.agents-os', 'relay', 'epic.yml'), 'tasks: [unclosed\n');
    const r = runHookBundle(hookPayloads(root).sessionStart());
    expect(r.code).toBe(0);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout).hookSpecificOutput.additionalContext).toMatch(/^relay: this project has an epic, but it could not be read: .*epic\.yml/);
  });
});

describe('a repository without .agents-os', () => {
  it('gets no context and no files from any hook', () => {
    const root = tempProject();
    const p = hookPayloads(root);
    for (const payload of [p.sessionStart(), p.userPrompt('hi'), p.write(join(root, 'a.txt'), 'a'), p.bashFailure('false', 1, ''), p.stop(), p.preCompact(), p.sessionEnd()]) {
      expect(runHookBundle(payload)).toEqual({ code: 0, stdout: '', stderr: '' });
    }
    expect(readdirSync(root).sort()).toEqual(['.git', 'README.md']);
  });
});
