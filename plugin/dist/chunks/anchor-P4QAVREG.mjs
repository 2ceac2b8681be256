import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  taskAnchor
} from "./chunk-2SO34UXQ.mjs";
import "./chunk-PWYQG4WT.mjs";
import "./chunk-VK7PDM2D.mjs";
import "./chunk-W3RUUZPZ.mjs";
import "./chunk-S34CIKNL.mjs";
import "./chunk-5UF4JJLB.mjs";
import "./chunk-ANTSAWYZ.mjs";
import {
  loadState
} from "./chunk-QYPUZSNH.mjs";
import "./chunk-OGTEJDDE.mjs";
import "./chunk-I4J4OVTF.mjs";
import {
  nextReadyTask
} from "./chunk-QE5CQRPQ.mjs";
import "./chunk-7X6BL4LV.mjs";
import "./chunk-FVFYLYMC.mjs";
import "./chunk-NUGR3OH5.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  currentProject
} from "./chunk-JDKDALLM.mjs";
import "./chunk-XT65XF4U.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-4WYSJDYU.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-62XEB27W.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
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
