import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  gateTaskByUser
} from "./chunk-KQBF6EMD.mjs";
import "./chunk-BSF6SWF2.mjs";
import "./chunk-W73ZBQLV.mjs";
import "./chunk-ZUOK4QTJ.mjs";
import "./chunk-7AA73NGY.mjs";
import "./chunk-2OF5HFTW.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-RN6VYTR2.mjs";
import "./chunk-R5CMOSTG.mjs";
import {
  currentProject
} from "./chunk-TFDMC74X.mjs";
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
