import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  WIRED_AGENTS,
  installAgentHooks,
  installedEvents
} from "./chunk-MF5TMX2C.mjs";
import "./chunk-BKF7ZIAF.mjs";
import {
  ageText,
  agentRows
} from "./chunk-LRWOMVZP.mjs";
import {
  readAgentStatuses
} from "./chunk-3AOP4IRD.mjs";
import {
  printJson
} from "./chunk-HAHLE5FJ.mjs";
import "./chunk-PEPFD4CA.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";
import {
  agentsOsDir
} from "./chunk-AV66IWWN.mjs";
import "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/agents.ts
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { relative } from "node:path";
var NEXT_STEP = {
  codex: "Codex skips a hook it has not trusted, silently: start codex in this project once and trust relay's hooks; automation (codex exec) can pass --dangerously-bypass-hook-trust",
  gemini: "Gemini runs project hooks only in a trusted folder: trust this folder in gemini, or set GEMINI_CLI_TRUST_WORKSPACE=true for headless runs",
  copilot: "Copilot loads repository hooks only in a trusted folder: trust it when copilot asks, or set COPILOT_ALLOW_ALL=true for headless runs; commit .github/hooks/relay.json to share it"
};
async function agentsInstallCommand(agent, opts) {
  if (!WIRED_AGENTS.includes(agent)) throw new RelayError(`agents install: unknown agent "${agent}" (known: ${WIRED_AGENTS.join(", ")}; Claude Code uses the plugin)`, 2);
  if (agent === "copilot" && opts.user) throw new RelayError("agents install copilot: Copilot reads hooks from the repository's .github/hooks/, not your home folder; run it without --user", 2);
  const paths = currentProject();
  const { file, changed } = await installAgentHooks(agent, opts.user ? homedir() : paths.root);
  const shown = relative(process.cwd(), file) || file;
  const lines = [changed.length ? `relay: wrote relay's hooks for ${changed.join(", ")} into ${shown}` : `relay: ${shown} already has relay's hooks; nothing changed`, `relay: next: ${NEXT_STEP[agent]}`];
  if (!existsSync(agentsOsDir(paths.root))) lines.push("relay: this project has no .agents-os/ yet, so nothing is recorded until you create it (mkdir .agents-os or relay init)");
  process.stdout.write(`${lines.join("\n")}
`);
}
function agentsStatusCommand(opts) {
  const paths = currentProject();
  const names = /* @__PURE__ */ new Set();
  for (const dir of [paths.agentsDir, paths.eventLedgerDir]) if (existsSync(dir)) {
    for (const d of readdirSync(dir, { withFileTypes: true })) if (d.isDirectory()) names.add(d.name);
  }
  const statuses = new Map(readAgentStatuses(paths.root).map((st) => [st.agent, st]));
  const rows = [...names].sort().map((agent) => {
    const st = statuses.get(agent);
    const row = st ? agentRows([st], Date.now())[0] : void 0;
    return { agent, state: row?.stale ? "stale" : row?.state ?? "unknown", task: row?.current_task ?? null, last_event: st?.last_event?.summary ?? null, last_seen: row?.last_seen ?? null, age_s: row?.age_s ?? null };
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
