// The agent CLIs the worker e2e tests run, pinned, installed outside the project's
// dependencies (users who never run the tests never download them): into
// node_modules/.cache/relay-agent-clis, once. `.ci/run` runs this file (tsx) to time the install;
// the vitest global setup runs it too, so `npm ci && npm test` works on a fresh machine.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const AGENT_CLIS = { codex: '@openai/codex@0.171.0', gemini: '@google/gemini-cli@0.61.0', copilot: '@github/copilot@1.0.102' };
export const AGENT_CLI_DIR = fileURLToPath(new URL('../../node_modules/.cache/relay-agent-clis', import.meta.url));
export const AGENT_CLI_BIN = join(AGENT_CLI_DIR, 'node_modules', '.bin');

function installed(): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(AGENT_CLI_DIR, 'package.json'), 'utf8'));
    return Object.values(AGENT_CLIS).every((spec) => {
      const at = spec.lastIndexOf('@');
      return manifest.dependencies?.[spec.slice(0, at)] === spec.slice(at + 1);
    }) && Object.keys(AGENT_CLIS).every((bin) => existsSync(join(AGENT_CLI_BIN, bin)));
  } catch {
    return false;
  }
}

export function ensureAgentClis(): boolean {
  if (installed()) return false;
  mkdirSync(AGENT_CLI_DIR, { recursive: true });
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--save-exact', '--prefix', AGENT_CLI_DIR, ...Object.values(AGENT_CLIS)], { stdio: ['ignore', 'ignore', 'inherit'] });
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const did = ensureAgentClis();
  process.stdout.write(`agent CLIs for the e2e tests (${Object.values(AGENT_CLIS).join(', ')}): ${did ? `installed in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'already installed'}\n`);
}
