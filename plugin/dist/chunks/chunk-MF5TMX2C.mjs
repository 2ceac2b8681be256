import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  DIALECTS
} from "./chunk-BKF7ZIAF.mjs";
import {
  relayCommandLine
} from "./chunk-5AAKOZ27.mjs";
import {
  agentHooksFile
} from "./chunk-AV66IWWN.mjs";
import {
  withLock,
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";

// scripts/adapters/agent-config.ts
import { existsSync, readFileSync } from "node:fs";
var WIRED_AGENTS = ["codex", "gemini", "copilot"];
var marker = (agent) => `hook --agent ${agent}`;
function entry(agent, event) {
  const command = relayCommandLine(`${marker(agent)} ${event}`);
  const hook = { type: "command", command };
  if (agent === "copilot") return { type: "command", bash: command, timeoutSec: 10 };
  return agent === "gemini" ? { ...event === "AfterTool" ? { matcher: ".*" } : {}, hooks: [{ ...hook, name: "relay", timeout: 1e4 }] } : { hooks: [{ ...hook, timeout: 10 }] };
}
var FILE_HEADER = { copilot: { version: 1 } };
function readConfig(file) {
  if (!existsSync(file)) return {};
  const text = readFileSync(file, "utf8");
  try {
    const value = JSON.parse(text || "{}");
    if (value && typeof value === "object" && !Array.isArray(value)) return value;
  } catch {
  }
  throw new RelayError(`${file}: not a JSON object; fix it, then run relay agents install again`, 2);
}
var isOurs = (agent) => (group) => typeof group.bash === "string" && group.bash.includes(marker(agent)) || !!group.hooks?.some((h) => typeof h.command === "string" && h.command.includes(marker(agent)));
function installAgentHooks(agent, base) {
  const file = agentHooksFile(base, agent);
  return withLock(file, () => {
    const config = readConfig(file);
    const hooks = config.hooks && typeof config.hooks === "object" ? config.hooks : {};
    const changed = [];
    for (const event of DIALECTS[agent].events) {
      const groups = Array.isArray(hooks[event]) ? [...hooks[event]] : [];
      const wanted = entry(agent, event);
      const at = groups.findIndex(isOurs(agent));
      if (at >= 0 && JSON.stringify(groups[at]) === JSON.stringify(wanted)) continue;
      if (at >= 0) groups[at] = wanted;
      else groups.push(wanted);
      hooks[event] = groups;
      changed.push(event);
    }
    if (changed.length) writeFileAtomic(file, `${JSON.stringify({ ...FILE_HEADER[agent], ...config, hooks }, null, 2)}
`);
    return { file, changed };
  });
}
function installedEvents(agent, base) {
  try {
    const hooks = readConfig(agentHooksFile(base, agent)).hooks ?? {};
    return Object.entries(hooks).filter(([, groups]) => Array.isArray(groups) && groups.some(isOurs(agent))).map(([event]) => event);
  } catch {
    return [];
  }
}

export {
  WIRED_AGENTS,
  installAgentHooks,
  installedEvents
};
