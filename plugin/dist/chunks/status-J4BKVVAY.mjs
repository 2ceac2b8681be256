import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  runInfo
} from "./chunk-HKUEUAGR.mjs";
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
} from "./chunk-GUKOOEAT.mjs";
import "./chunk-R7325EED.mjs";
import {
  loadState
} from "./chunk-RCOKSNK6.mjs";
import "./chunk-S2CIFETD.mjs";
import "./chunk-O5UTFW2U.mjs";
import "./chunk-J372MWP3.mjs";
import "./chunk-WYQFOPQ6.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  currentProject
} from "./chunk-JFWOJU6D.mjs";
import "./chunk-6DSS6ZB5.mjs";
import "./chunk-DUPEDPRH.mjs";
import "./chunk-JTMS3PGF.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-62XEB27W.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/status.ts
function statusCommand(opts) {
  const paths = currentProject();
  const { epic, ledger } = loadState(paths);
  const report = buildStatus(epic, ledger, runInfo(paths), agentRows(readAgentStatuses(paths.root), Date.now()), Date.now());
  if (opts.json) printJson(report);
  else process.stdout.write(`${renderStatus(report, painter(), terminalWidth())}
`);
}
export {
  statusCommand
};
