import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  taskAnchor
} from "./chunk-TFYC5KUD.mjs";
import "./chunk-VXJX6DY4.mjs";
import "./chunk-7VSYMPFL.mjs";
import "./chunk-DTNDSN4R.mjs";
import "./chunk-VKTTB4DO.mjs";
import "./chunk-S34CIKNL.mjs";
import "./chunk-5UF4JJLB.mjs";
import {
  loadState
} from "./chunk-FR7GO5RT.mjs";
import "./chunk-527ECVZ2.mjs";
import "./chunk-ILGU4PTK.mjs";
import "./chunk-XT65XF4U.mjs";
import "./chunk-OTZ4R5UM.mjs";
import {
  nextReadyTask
} from "./chunk-5ONEAW3B.mjs";
import "./chunk-N2PVKL6F.mjs";
import "./chunk-ZYKQ7B5J.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  currentProject
} from "./chunk-LILIRR27.mjs";
import "./chunk-VV6U34AQ.mjs";
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
