import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  gateTaskByUser
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

// scripts/cli/gate.ts
async function gateCommand(taskId, opts) {
  await gateTaskByUser(currentProject(), taskId, opts.reason);
  process.stdout.write(`relay: ${taskId} gated (user_blocked): ${opts.reason}
`);
}
export {
  gateCommand
};
