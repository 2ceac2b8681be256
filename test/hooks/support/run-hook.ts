import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { EventLine } from '../../../scripts/core/events/events.ts';
import { ledgerFiles } from '../../../scripts/adapters/event-reader.ts';
import { HOOK_BUNDLE } from '../../support/project.ts';

/** The test run may itself live inside Claude Code or a relay worker; none of that may leak into the hook under test. */
export const CLEAN_HOOK_ENV = { CLAUDE_PROJECT_DIR: '', RELAY_PROJECT_DIR: '', RELAY_TASK_ID: '', RELAY_ATTEMPT: '', RELAY_EPIC_ID: '' };

/** Pipes a payload (an object, or raw text) into the built bundle, as Claude Code does. */
export function runHookBundle(payload: unknown, env: NodeJS.ProcessEnv = {}) {
  const input = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const r = spawnSync(process.execPath, [HOOK_BUNDLE], { input, encoding: 'utf8', env: { ...process.env, ...CLEAN_HOOK_ENV, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every line of every agent's ledger files, parsed, in time order. */
export function ledgerLines(root: string): EventLine[] {
  return ledgerFiles(root)
    .flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as EventLine))
    .sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}
