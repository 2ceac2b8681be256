import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  taskAnchor
} from "./chunk-32EGGEPP.mjs";
import "./chunk-M3KUXUDQ.mjs";
import "./chunk-4HXH72RY.mjs";
import "./chunk-SIMASQHS.mjs";
import "./chunk-XYS5QNKM.mjs";
import {
  loadState
} from "./chunk-QNQB2VWV.mjs";
import {
  nextReadyTask
} from "./chunk-MGNLMAAT.mjs";
import "./chunk-UMZD3SBR.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-7R37XQW5.mjs";
import {
  currentProject
} from "./chunk-Z5OR6ZI7.mjs";
import "./chunk-7UCCQEVB.mjs";
import "./chunk-XPP3UWGA.mjs";
import "./chunk-2OF5HFTW.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-62XEB27W.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/anchor.ts
async function anchorCommand(taskArg) {
  const paths = currentProject();
  const { epic, ledger } = loadState(paths);
  const taskId = taskArg ?? nextReadyTask(epic, ledger);
  if (!taskId) throw new RelayError("no task is ready; name one: relay anchor <TASK_ID>", 1);
  if (!(taskId in epic.tasks)) throw new RelayError(`unknown task "${taskId}" (epic has ${Object.keys(epic.tasks).join(", ")})`);
  process.stdout.write(`${(await taskAnchor(paths, epic, ledger, taskId)).text}
`);
}
export {
  anchorCommand
};
