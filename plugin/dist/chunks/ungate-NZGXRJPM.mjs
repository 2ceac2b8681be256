import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  ungateTaskByUser
} from "./chunk-27N2NAGT.mjs";
import "./chunk-MGNLMAAT.mjs";
import "./chunk-UUWVYSF5.mjs";
import "./chunk-ZBHZPL3D.mjs";
import "./chunk-S7C5I3I7.mjs";
import "./chunk-2OF5HFTW.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-7R37XQW5.mjs";
import "./chunk-R5CMOSTG.mjs";
import {
  currentProject
} from "./chunk-KXSSGPKY.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/ungate.ts
async function ungateCommand(taskId) {
  const status = await ungateTaskByUser(currentProject(), taskId);
  process.stdout.write(`relay: ${taskId} ungated; it is ${status} with a fresh failure streak (history kept)
`);
}
export {
  ungateCommand
};
