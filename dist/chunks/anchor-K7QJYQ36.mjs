import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  taskAnchor
} from "./chunk-GLAFHBL4.mjs";
import "./chunk-PKB3JLUL.mjs";
import "./chunk-UMAYZUKK.mjs";
import {
  loadState
} from "./chunk-FCFDE2NO.mjs";
import {
  nextReadyTask
} from "./chunk-4NJLASVQ.mjs";
import "./chunk-YNRSTOJV.mjs";
import "./chunk-DU5TI4NN.mjs";
import "./chunk-C7THR5JC.mjs";
import "./chunk-R5CMOSTG.mjs";
import {
  RelayError
} from "./chunk-WNAZAN7Z.mjs";
import "./chunk-KHAQNFQS.mjs";
import {
  currentProject
} from "./chunk-G3KEO4B4.mjs";
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
