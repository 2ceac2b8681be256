// Bundles the two entry points into dist/ with every dependency inlined, because a
// plugin installed from a marketplace is a bare copy of the repo: nobody runs npm there.
// Code splitting keeps the hook's hot path (PostToolUse) free of zod, yaml and friends,
// which are only loaded through dynamic import() by the events that need them.
// The bundle is built beside dist/ and swapped in, so a process running dist/ (a hook,
// a test) never sees it half-written or missing for the length of a build.
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';

const root = new URL('.', import.meta.url).pathname;
const staging = `${root}dist.build-${process.pid}`;
const retired = `${root}dist.old-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
const common = {
  outdir: staging,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // Some CommonJS dependencies call require() on node built-ins; ESM output needs a real require.
  banner: { js: "import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);" },
};
// Two builds, so the hook's own chunks are split only along its dynamic imports: the
// PostToolUse path (after every tool call) is then one file to load, not eight.
await build({ ...common, entryPoints: { relay: 'scripts/relay.ts' }, chunkNames: 'chunks/[name]-[hash]' });
await build({ ...common, entryPoints: { hook: 'scripts/hook.ts' }, chunkNames: 'hook-chunks/[name]-[hash]' });
try {
  renameSync(`${root}dist`, retired);
} catch (err) {
  if (err.code !== 'ENOENT') throw err;
}
renameSync(staging, `${root}dist`);
rmSync(retired, { recursive: true, force: true });
