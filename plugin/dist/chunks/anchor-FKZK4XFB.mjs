import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  taskAnchor
} from "./chunk-STKBZHRK.mjs";
import "./chunk-XYJNSYRB.mjs";
import "./chunk-7JVEQ6U4.mjs";
import "./chunk-SIMASQHS.mjs";
import "./chunk-2FBDNVTN.mjs";
import {
  loadState
} from "./chunk-27N2NAGT.mjs";
import {
  nextReadyTask
} from "./chunk-MGNLMAAT.mjs";
import "./chunk-UUWVYSF5.mjs";
import "./chunk-ZBHZPL3D.mjs";
import "./chunk-S7C5I3I7.mjs";
import "./chunk-2OF5HFTW.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-7R37XQW5.mjs";
import "./chunk-R5CMOSTG.mjs";
import {
  currentProject
} from "./chunk-KXSSGPKY.mjs";
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
