/**
 * A project whose `relay work` runs test/support/stub-worker.mjs instead of `claude -p`, so
 * an attempt costs a node start and a few ledger writes, and the fault suite can afford many.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { REPO, relay, tempProject } from '../../support/project.ts';

export const STUB_WORKER = join(REPO, 'test', 'support', 'stub-worker.mjs');

/** A blueprint of `n` tasks; every third depends on the one before, so work is not a flat list. */
export function chainedBlueprint(n: number): string {
  const tasks = Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    const deps = i % 3 === 0 ? `- Depends on: T${i - 1}\n` : '';
    return `### T${i}: Task ${i}\n- Priority: p${i % 3}\n- Files: T${i}.out\n${deps}`;
  });
  return `# Fault epic\nAn epic for the fault suite.\n\n## Tasks\n\n${tasks.join('\n')}`;
}

export interface StubProjectOptions {
  blueprint: string;
  maxAttempts?: number;
  /** Extra YAML lines under `relay:` in .agents.yml. */
  config?: string[];
}

/** A git repo with `.agents.yml` pointing relay at the stub worker, and `relay init` done. */
export function stubProject(opts: StubProjectOptions): string {
  const root = tempProject();
  writeFileSync(join(root, 'plan.md'), opts.blueprint);
  writeFileSync(join(root, '.agents.yml'), [
    'relay:',
    `  executor: [${JSON.stringify(process.execPath)}, ${JSON.stringify(STUB_WORKER)}]`,
    `  max_attempts_per_task: ${opts.maxAttempts ?? 3}`,
    // Recall would only add index builds to every attempt; it has its own tests.
    '  recall:',
    '    enabled: false',
    ...(opts.config ?? []).map((l) => `  ${l}`),
    '',
  ].join('\n'));
  const init = relay(root, ['init', 'plan.md']);
  expect(init.code, init.stderr).toBe(0);
  return root;
}
