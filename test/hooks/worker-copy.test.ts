// A relay worker loads relay's hooks with --plugin-dir; when the user has relay installed too,
// both copies' hooks fire. Only the copy that started the worker (RELAY_PLUGIN_ROOT) records.
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { HOOK_BUNDLE, tempDir, tempProject } from '../support/project.ts';
import { hookPayloads } from './support/payloads.ts';
import { runHookBundle } from './support/run-hook.ts';

const OWN_ROOT = dirname(dirname(realpathSync(HOOK_BUNDLE)));

it('records a worker\'s events only in the relay that started it', () => {
  const root = tempProject();
  mkdirSync(join(root, '.agents-os'));
  const worker = { CLAUDE_PROJECT_DIR: root, RELAY_TASK_ID: 'T1', RELAY_ATTEMPT: '1' };
  const ledger = join(root, '.agents-os', 'ledger', 'relay-worker');

  const other = runHookBundle(hookPayloads(root).bash('npm test', 'ok'), { ...worker, RELAY_PLUGIN_ROOT: tempDir('relay-other-copy-') });
  expect(other.code).toBe(0);
  expect(existsSync(ledger)).toBe(false);

  const own = runHookBundle(hookPayloads(root).bash('npm test', 'ok'), { ...worker, RELAY_PLUGIN_ROOT: OWN_ROOT });
  expect(own.code).toBe(0);
  expect(existsSync(ledger)).toBe(true);
});
