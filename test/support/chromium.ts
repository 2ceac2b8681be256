// Chromium from Debian's packages for the dashboard's browser tests: found on PATH, or, on a
// Debian machine where the tests run as root, installed once with apt-get (`.ci/run` does the
// same first, to time it). Never a user dependency; playwright-core drives it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string | undefined {
  return [process.env.RELAY_TEST_CHROMIUM, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));
}

export function ensureChromium(): string | undefined {
  const found = chromiumPath();
  if (found || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return found;
  execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return chromiumPath();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const had = chromiumPath();
  const path = ensureChromium();
  process.stdout.write(`chromium for the dashboard tests: ${path ? `${path}${had ? ' (already installed)' : ` installed in ${((Date.now() - started) / 1000).toFixed(1)} s`}` : 'not available'}\n`);
}
