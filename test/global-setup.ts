import { execFileSync } from 'node:child_process';
import { ensureAgentClis } from './support/agent-clis.ts';
import { ensureChromium } from './support/chromium.ts';

/**
 * Tests that run `dist/` (hooks inside real Claude Code, the CLI bundle) need it current.
 * The staleness test compares the committed bundle separately, so building here hides nothing.
 * The worker e2e tests need the pinned Codex and Gemini CLIs, the dashboard's Chromium from
 * Debian: installed once, outside the project's dependencies (`.ci/run` installs them first, to time it).
 */
export default function setup(): void {
  ensureAgentClis();
  ensureChromium();
  if (process.env.RELAY_SKIP_BUILD) return;
  execFileSync(process.execPath, ['build.mjs'], { cwd: new URL('..', import.meta.url).pathname, stdio: 'inherit' });
}
