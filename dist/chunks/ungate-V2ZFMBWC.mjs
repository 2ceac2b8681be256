import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  ungateTaskByUser
} from "./chunk-X54MZ2ZR.mjs";
import "./chunk-VSDXJ7IH.mjs";
import "./chunk-5RV5R2HG.mjs";
import "./chunk-22OJE3EZ.mjs";
import "./chunk-7AA73NGY.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-TH26SPYC.mjs";
import "./chunk-R5CMOSTG.mjs";
import {
  currentProject
} from "./chunk-IBMD7ISE.mjs";
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
