import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { agentsOsDir, projectPaths, type ProjectPaths } from '../core/shared/paths.ts';

/**
 * The project root: RELAY_PROJECT_DIR or CLAUDE_PROJECT_DIR when set, else the nearest
 * ancestor of `cwd` holding relay state or a git repo, else `cwd` itself.
 */
export function findProjectRoot(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const forced = env.RELAY_PROJECT_DIR || env.CLAUDE_PROJECT_DIR;
  if (forced) return resolve(forced);
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(agentsOsDir(dir)) || existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(cwd);
    dir = parent;
  }
}

export function currentProject(): ProjectPaths {
  return projectPaths(findProjectRoot());
}

/**
 * The plugin folder this relay runs from (the parent of dist/ holding .claude-plugin/plugin.json),
 * so a worker can load relay's hooks with --plugin-dir; undefined when relay runs from source.
 */
export function relayPluginRoot(entry = process.argv[1]): string | undefined {
  try {
    const pluginRoot = dirname(dirname(realpathSync(entry!)));
    return existsSync(join(pluginRoot, '.claude-plugin', 'plugin.json')) ? pluginRoot : undefined;
  } catch {
    return undefined;
  }
}

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** A shell command that runs this very relay by absolute paths, for tools that call relay outside an agent's PATH (git, other agent CLIs). */
export function relayCommandLine(args: string): string {
  return `${quote(process.execPath)} ${quote(realpathSync(process.argv[1]!))} ${args}`;
}

