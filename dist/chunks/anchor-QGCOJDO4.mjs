import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  taskAnchor
} from "./chunk-GNKYOIEN.mjs";
import "./chunk-5IKO7NHC.mjs";
import "./chunk-GJF3F6IP.mjs";
import {
  loadState
} from "./chunk-GY4ZKKFQ.mjs";
import {
  nextReadyTask
} from "./chunk-PH3F5M6G.mjs";
import "./chunk-YNRSTOJV.mjs";
import "./chunk-6IC42XJH.mjs";
import "./chunk-C7THR5JC.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-KHAQNFQS.mjs";
import {
  currentProject
} from "./chunk-FBIE3MHA.mjs";
import {
  RelayError
} from "./chunk-WNAZAN7Z.mjs";
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
