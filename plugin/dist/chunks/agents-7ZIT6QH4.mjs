import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  DIALECTS
} from "./chunk-RQKDJYWV.mjs";
import {
  ageText,
  agentRows
} from "./chunk-47FIMMWG.mjs";
import {
  readAgentStatuses
} from "./chunk-5DFCKFJ2.mjs";
import "./chunk-QE5CQRPQ.mjs";
import {
  agentHooksFile,
  agentsOsDir,
  currentProject,
  relayCommandLine
} from "./chunk-7NBSHMZE.mjs";
import {
  printJson
} from "./chunk-HAHLE5FJ.mjs";
import {
  withLock,
  writeFileAtomic
} from "./chunk-62XEB27W.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/agents.ts
import { existsSync as existsSync2, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { relative } from "node:path";

// scripts/adapters/agent-config.ts
import { existsSync, readFileSync } from "node:fs";
var WIRED_AGENTS = ["codex", "gemini"];
var marker = (agent) => `hook --agent ${agent}`;
function entry(agent, event) {
  const hook = { type: "command", command: relayCommandLine(`${marker(agent)} ${event}`) };
  return agent === "gemini" ? { ...event === "AfterTool" ? { matcher: ".*" } : {}, hooks: [{ ...hook, name: "relay", timeout: 1e4 }] } : { hooks: [{ ...hook, timeout: 10 }] };
}
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
var isOurs = (agent) => (group) => group.hooks?.some((h) => typeof h.command === "string" && h.command.includes(marker(agent)));
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
    if (changed.length) writeFileAtomic(file, `${JSON.stringify({ ...config, hooks }, null, 2)}
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

// scripts/cli/agents.ts
var NEXT_STEP = {
  codex: "Codex skips a hook it has not trusted, silently: start codex in this project once and trust relay's hooks; automation (codex exec) can pass --dangerously-bypass-hook-trust",
  gemini: "Gemini runs project hooks only in a trusted folder: trust this folder in gemini, or set GEMINI_CLI_TRUST_WORKSPACE=true for headless runs"
};
async function agentsInstallCommand(agent, opts) {
  if (!WIRED_AGENTS.includes(agent)) throw new RelayError(`agents install: unknown agent "${agent}" (known: ${WIRED_AGENTS.join(", ")}; Claude Code uses the plugin)`, 2);
  const paths = currentProject();
  const { file, changed } = await installAgentHooks(agent, opts.user ? homedir() : paths.root);
  const shown = relative(process.cwd(), file) || file;
  const lines = [changed.length ? `relay: wrote relay's hooks for ${changed.join(", ")} into ${shown}` : `relay: ${shown} already has relay's hooks; nothing changed`, `relay: next: ${NEXT_STEP[agent]}`];
  if (!existsSync2(agentsOsDir(paths.root))) lines.push("relay: this project has no .agents-os/ yet, so nothing is recorded until you create it (mkdir .agents-os or relay init)");
  process.stdout.write(`${lines.join("\n")}
`);
}
function agentsStatusCommand(opts) {
  const paths = currentProject();
  const names = /* @__PURE__ */ new Set();
  for (const dir of [paths.agentsDir, paths.eventLedgerDir]) if (existsSync2(dir)) {
    for (const d of readdirSync(dir, { withFileTypes: true })) if (d.isDirectory()) names.add(d.name);
  }
  const statuses = new Map(readAgentStatuses(paths.root).map((st) => [st.agent, st]));
  const rows = [...names].sort().map((agent) => {
    const st = statuses.get(agent);
    const row = st ? agentRows([st], Date.now())[0] : void 0;
    return { agent, state: row?.state ?? "unknown", task: row?.current_task ?? null, last_event: st?.last_event?.summary ?? null, last_seen: row?.last_seen ?? null, age_s: row?.age_s ?? null };
  });
  const wired = Object.fromEntries(WIRED_AGENTS.map((a) => [a, { project: installedEvents(a, paths.root), user: installedEvents(a, homedir()) }]));
  if (opts.json) return printJson({ agents: rows, wired });
  const table = [["AGENT", "STATE", "TASK", "LAST HEARD", "LAST EVENT"], ...rows.map((r) => [r.agent, r.state, r.task ?? "-", ageText(r.age_s), r.last_event ?? "-"])];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const out = rows.length ? table.map((row) => row.map((cell, i) => i === row.length - 1 ? cell : cell.padEnd(widths[i])).join("  ").trimEnd()) : ["No agent has written to this project's ledger yet."];
  out.push("", ...WIRED_AGENTS.map((a) => `${a}: ${wired[a].project.length ? `hooks in the project (${wired[a].project.join(", ")})` : wired[a].user.length ? "hooks in your home config" : `not wired in (relay agents install ${a})`}`));
  process.stdout.write(`${out.join("\n")}
`);
}
export {
  agentsInstallCommand,
  agentsStatusCommand
};
