import { execFileSync } from 'node:child_process';

/**
 * Tests that run `dist/` (hooks inside real Claude Code, the CLI bundle) need it current.
 * The staleness test compares the committed bundle separately, so building here hides nothing.
 */
export default function setup(): void {
  if (process.env.RELAY_SKIP_BUILD) return;
  execFileSync(process.execPath, ['build.mjs'], { cwd: new URL('..', import.meta.url).pathname, stdio: 'inherit' });
}
