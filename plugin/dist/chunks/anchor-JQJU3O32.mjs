import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  taskAnchor
} from "./chunk-GEXHU2Q7.mjs";
import "./chunk-GEYB4T5C.mjs";
import "./chunk-5JTAO5IW.mjs";
import "./chunk-DAYFJSSM.mjs";
import "./chunk-6F2JI5J6.mjs";
import "./chunk-5UF4JJLB.mjs";
import "./chunk-5LTPGVTQ.mjs";
import {
  loadState
} from "./chunk-G4S3WMUY.mjs";
import {
  nextReadyTask
} from "./chunk-MGNLMAAT.mjs";
import "./chunk-TYUKDADT.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-7R37XQW5.mjs";
import {
  currentProject
} from "./chunk-Z5OR6ZI7.mjs";
import "./chunk-J5Z6A5SY.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-4UMD7KWD.mjs";
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
