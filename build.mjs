// Builds plugin/, the folder a marketplace install copies: the manifest, commands, skills,
// hooks, bin and the bundle in plugin/dist, and nothing else. It has no package.json and no
// lockfile on purpose: Claude Code runs `npm ci` in an installed plugin that has one, which
// would download every devDependency (a second Claude Code among them).
// The bundle inlines every dependency. Code splitting keeps the hook's hot path (PostToolUse)
// free of zod, yaml and friends, which are only loaded through dynamic import() by the
// events that need them. The repository root stays a plugin too (`claude --plugin-dir .`):
// its dist is a symlink to plugin/dist.
// Everything is built beside plugin/ and swapped in, so a process running the bundle (a
// hook, a test) never sees it half-written or missing for the length of a build.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';

const root = new URL('.', import.meta.url).pathname;
const staging = `${root}plugin.build-${process.pid}`;
const retired = `${root}plugin.old-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
// commander loads node:child_process (and with it node:net) as it starts, only to run external
// subcommands, which relay has none of: about 10 ms of every relay command's start. It is
// loaded on first use instead. A commander that no longer has that line fails the build here.
const lazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager)) throw new Error(`${args.path}: commander no longer requires node:child_process as build.mjs expects; update lazyChildProcess`);
      return { contents: text.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), loader: 'js' };
    });
  },
};
// zod's namespace export carries every locale's error messages (about 340 KB of source, 45% of
// zod in the bundle), evaluated on every import of zod; relay reports in English only, so
// only `en` is bundled. A zod whose locale index no longer exports `en` fails the build here.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => {
      const english = 'export { default as en } from "./en.js";';
      if (!readFileSync(args.path, 'utf8').includes(english)) throw new Error(`${args.path}: zod's locale index no longer exports en as build.mjs expects; update zodEnglishOnly`);
      return { contents: english, loader: 'js', resolveDir: args.path.replace(/[\\/][^\\/]*$/, '') };
    });
  },
};
const BUNDLED_YAML = '../vendor/yaml.cjs';
const common = {
  plugins: [lazyChildProcess, zodEnglishOnly],
  define: { RELAY_BUNDLED_YAML: JSON.stringify(BUNDLED_YAML) },
  outdir: `${staging}/dist`,
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
// The CLI's bundle is minified, whitespace and syntax only: V8 reads every byte of a module it
// loads, and this is a quarter less to read on every command (one loads 0.3–1.5 MB of it);
// names stay as written, so stack traces still read. The hook's bundle keeps esbuild's
// per-module comments, which test/hooks/plugin-hooks.test.ts reads to prove its hot path light.
await build({ ...common, minifyWhitespace: true, minifySyntax: true, entryPoints: { relay: 'scripts/relay.ts' }, chunkNames: 'chunks/[name]-[hash]' });
await build({ ...common, entryPoints: { hook: 'scripts/hook.ts' }, chunkNames: 'hook-chunks/[name]-[hash]' });
// The yaml library as one CommonJS file, which scripts/core/shared/yaml-lib.ts requires the
// first time YAML needs it (most commands never do). The path is relative to the chunk the
// loader lands in; a loader bundled anywhere but a chunk folder fails the build here.
await build({ stdin: { contents: "module.exports = require('yaml');", resolveDir: root }, outfile: `${staging}/dist/vendor/yaml.cjs`, bundle: true, format: 'cjs', platform: 'node', target: 'node20', minifyWhitespace: true, minifySyntax: true, legalComments: 'none', logLevel: 'warning' });
for (const dir of ['.', 'chunks', 'hook-chunks']) {
  for (const name of readdirSync(`${staging}/dist/${dir}`).filter((n) => n.endsWith('.mjs'))) {
    const text = readFileSync(`${staging}/dist/${dir}/${name}`, 'utf8');
    if (text.includes('node_modules/yaml/')) throw new Error(`dist/${dir}/${name} bundles the yaml library; it must come from dist/vendor/yaml.cjs through yaml-lib.ts`);
    if (dir === '.' && text.includes(BUNDLED_YAML)) throw new Error(`dist/${name} holds yaml-lib.ts, whose path to dist/vendor/yaml.cjs holds only from a chunk folder`);
  }
}
// The dashboard `relay serve` hands a browser: its script (the graph and chart libraries
// bundled in, so the page works offline), page and style.
await build({ entryPoints: ['scripts/dashboard/app.ts'], outfile: `${staging}/dist/dashboard/app.js`, bundle: true, format: 'iife', platform: 'browser', target: 'es2022', minify: true, legalComments: 'none', logLevel: 'warning' });
for (const file of ['index.html', 'app.css']) cpSync(`${root}scripts/dashboard/${file}`, `${staging}/dist/dashboard/${file}`);
cpSync(`${root}node_modules/uplot/dist/uPlot.min.css`, `${staging}/dist/dashboard/uplot.css`);
mkdirSync(`${staging}/.claude-plugin`, { recursive: true });
cpSync(`${root}.claude-plugin/plugin.json`, `${staging}/.claude-plugin/plugin.json`);
for (const dir of ['commands', 'skills', 'hooks', 'bin']) cpSync(`${root}${dir}`, `${staging}/${dir}`, { recursive: true });
cpSync(`${root}LICENSE`, `${staging}/LICENSE`);
try {
  renameSync(`${root}plugin`, retired);
} catch (err) {
  if (err.code !== 'ENOENT') throw err;
}
renameSync(staging, `${root}plugin`);
rmSync(retired, { recursive: true, force: true });
