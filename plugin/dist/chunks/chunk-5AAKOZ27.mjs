import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  agentsOsDir,
  projectPaths
} from "./chunk-AV66IWWN.mjs";

// scripts/adapters/project.ts
import { existsSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
function findProjectRoot(cwd = process.cwd(), env = process.env) {
  const forced = env.RELAY_PROJECT_DIR || env.CLAUDE_PROJECT_DIR;
  if (forced) return resolve(forced);
  let dir = resolve(cwd);
  for (; ; ) {
    if (existsSync(agentsOsDir(dir)) || existsSync(join(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(cwd);
    dir = parent;
  }
}
function currentProject() {
  return projectPaths(findProjectRoot());
}
function relayPluginRoot(entry = process.argv[1]) {
  try {
    const pluginRoot = dirname(dirname(realpathSync(entry)));
    return existsSync(join(pluginRoot, ".claude-plugin", "plugin.json")) ? pluginRoot : void 0;
  } catch {
    return void 0;
  }
}
var quote = (s) => `'${s.replace(/'/g, "'\\''")}'`;
function relayCommandLine(args) {
  return `${quote(process.execPath)} ${quote(realpathSync(process.argv[1]))} ${args}`;
}

export {
  findProjectRoot,
  currentProject,
  relayPluginRoot,
  relayCommandLine
};
