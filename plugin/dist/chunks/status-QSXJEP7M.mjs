import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  readServeInfo,
  runInfo
} from "./chunk-7ZSTW4DF.mjs";
import {
  agentRows,
  buildStatus,
  renderStatus
} from "./chunk-6GUHQ74E.mjs";
import {
  painter,
  printJson,
  terminalWidth
} from "./chunk-HAHLE5FJ.mjs";
import {
  readAgentStatuses
} from "./chunk-3AOP4IRD.mjs";
import "./chunk-R7325EED.mjs";
import {
  loadState
} from "./chunk-S75EP2KK.mjs";
import "./chunk-S2CIFETD.mjs";
import "./chunk-BCWZON6A.mjs";
import "./chunk-J372MWP3.mjs";
import "./chunk-CHTOITIP.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-DUPEDPRH.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-JTFCDVB4.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/status.ts
function statusCommand(opts) {
  const paths = currentProject();
  const { epic, ledger } = loadState(paths);
  const report = buildStatus(epic, ledger, runInfo(paths), agentRows(readAgentStatuses(paths.root), Date.now()), Date.now());
  if (opts.json) printJson(report);
  else {
    const serve = readServeInfo(paths);
    process.stdout.write(`${renderStatus(report, painter(), terminalWidth())}
${serve ? `
Dashboard: ${serve.url} (relay serve, pid ${serve.pid})
` : ""}`);
  }
}
export {
  statusCommand
};
