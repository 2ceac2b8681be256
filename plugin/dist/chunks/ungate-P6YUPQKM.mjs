import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  ungateTaskByUser
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

// scripts/cli/ungate.ts
async function ungateCommand(taskId) {
  const status = await ungateTaskByUser(currentProject(), taskId);
  process.stdout.write(`relay: ${taskId} ungated; it is ${status} with a fresh failure streak (history kept)
`);
}
export {
  ungateCommand
};
