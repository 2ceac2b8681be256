// Bundles the two entry points into dist/ with every dependency inlined, because a
// plugin installed from a marketplace is a bare copy of the repo: nobody runs npm there.
// Code splitting keeps the hook's hot path (PostToolUse) free of zod, yaml and friends,
// which are only loaded through dynamic import() by the events that need them.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { relay: 'scripts/relay.ts', hook: 'scripts/hook.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // Some CommonJS dependencies call require() on node built-ins; ESM output needs a real require.
  banner: { js: "import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);" },
});
