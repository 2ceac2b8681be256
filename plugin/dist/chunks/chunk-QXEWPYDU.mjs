import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  readServeInfo,
  runInfo
} from "./chunk-7ZSTW4DF.mjs";
import {
  agentRows,
  buildStatus,
  renderStatus
} from "./chunk-LRWOMVZP.mjs";
import {
  readAgentStatuses
} from "./chunk-3AOP4IRD.mjs";
import {
  painter,
  printJson,
  terminalWidth
} from "./chunk-HAHLE5FJ.mjs";
import {
  loadState
} from "./chunk-J73XRGZZ.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";

// scripts/cli/status.ts
function statusReport(paths, now = Date.now()) {
  const { epic, ledger } = loadState(paths);
  return buildStatus(epic, ledger, runInfo(paths), agentRows(readAgentStatuses(paths.root), now), now);
}
function statusCommand(opts) {
  const paths = currentProject();
  const report = statusReport(paths);
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
  statusReport,
  statusCommand
};
