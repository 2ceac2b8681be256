import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  taskAnchor
} from "./chunk-VNHUZ5QV.mjs";
import "./chunk-VHLMDJYF.mjs";
import "./chunk-SETXO2KF.mjs";
import {
  loadState
} from "./chunk-TZA6GJ7M.mjs";
import {
  nextReadyTask
} from "./chunk-GWG7IXD5.mjs";
import "./chunk-DU5TI4NN.mjs";
import "./chunk-C7THR5JC.mjs";
import "./chunk-XLTFVQCG.mjs";
import {
  RelayError
} from "./chunk-WNAZAN7Z.mjs";
import "./chunk-KHAQNFQS.mjs";
import {
  currentProject
} from "./chunk-G3KEO4B4.mjs";
import "./chunk-6J2SBI3A.mjs";

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
