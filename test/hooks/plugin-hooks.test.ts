// hooks/hooks.json wires every handled event to the committed bundle with a timeout, passes
// Claude Code's own strict validator, and the PostToolUse path stays free of heavy modules.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOOK_EVENTS } from '../../scripts/hooks/run.ts';
import { HOOK_BUNDLE, REPO, tempDir } from '../support/project.ts';
import { CLAUDE_BIN } from '../e2e/support/claude.ts';

const hooksJson = JSON.parse(readFileSync(join(REPO, 'hooks', 'hooks.json'), 'utf8'));

/** The files Node loads before the hook's first line runs: dist/hook.mjs and its static imports. */
function staticImportGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const m of readFileSync(entry, 'utf8').matchAll(/^import\s(?:[^;]*?\sfrom\s)?"(\.[^"]+)"/gm)) staticImportGraph(resolve(dirname(entry), m[1]!), seen);
  return seen;
}

describe('hooks/hooks.json', () => {
  it('runs the bundle with plain node, with a timeout, for exactly the events the hook handles', () => {
    expect(Object.keys(hooksJson.hooks).sort()).toEqual([...HOOK_EVENTS].sort());
    for (const groups of Object.values(hooksJson.hooks) as Array<Array<{ hooks: Array<Record<string, unknown>> }>>) {
      for (const hook of groups.flatMap((g) => g.hooks)) {
        expect(hook).toEqual({ type: 'command', command: 'node "${CLAUDE_PLUGIN_ROOT}/dist/hook.mjs"', timeout: expect.any(Number) });
      }
    }
    expect(hooksJson.hooks.PostToolUse[0].matcher).toBe('Edit|Write|MultiEdit|NotebookEdit|Bash');
    expect(hooksJson.hooks.PostToolUseFailure[0].matcher).toBe('Edit|Write|MultiEdit|NotebookEdit|Bash');
  });

  it('passes claude plugin validate --strict', () => {
    // At the repo root the validator checks the marketplace manifest; a copy without it checks the plugin and its hooks.
    const pluginCopy = (hooks: unknown) => {
      const dir = tempDir('relay-plugin-');
      mkdirSync(join(dir, '.claude-plugin'));
      mkdirSync(join(dir, 'hooks'));
      cpSync(join(REPO, '.claude-plugin', 'plugin.json'), join(dir, '.claude-plugin', 'plugin.json'));
      writeFileSync(join(dir, 'hooks', 'hooks.json'), JSON.stringify(hooks));
      return spawnSync(CLAUDE_BIN, ['plugin', 'validate', '--strict', dir], { encoding: 'utf8' });
    };
    const ours = pluginCopy(hooksJson);
    expect(ours.status, ours.stdout + ours.stderr).toBe(0);
    // The validator really reads hooks.json: the same file with a bad timeout fails.
    const broken = structuredClone(hooksJson);
    broken.hooks.Stop[0].hooks[0].timeout = 'soon';
    expect(pluginCopy(broken).status).toBe(1);
  });
});

it('the PostToolUse path of dist/hook.mjs loads no zod, yaml or simple-git', () => {
  const graph = [...staticImportGraph(HOOK_BUNDLE)];
  const source = graph.map((f) => readFileSync(f, 'utf8')).join('\n');
  expect(source).toContain('scripts/hooks/tool-use.ts');
  for (const heavy of ['node_modules/zod/', 'node_modules/yaml/', 'node_modules/simple-git/', 'scripts/adapters/state.ts']) expect(source).not.toContain(heavy);
  expect(source.length).toBeLessThan(64 * 1024);
});
