import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  taskAnchor
} from "./chunk-U4GTKJHB.mjs";
import "./chunk-7QFRTO23.mjs";
import "./chunk-J6GPZFMM.mjs";
import "./chunk-6F2JI5J6.mjs";
import "./chunk-WGAXRR3Z.mjs";
import {
  loadState
} from "./chunk-X54MZ2ZR.mjs";
import "./chunk-VSDXJ7IH.mjs";
import {
  nextReadyTask
} from "./chunk-5RV5R2HG.mjs";
import "./chunk-22OJE3EZ.mjs";
import "./chunk-7AA73NGY.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-TH26SPYC.mjs";
import "./chunk-R5CMOSTG.mjs";
import {
  currentProject
} from "./chunk-IBMD7ISE.mjs";
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
