import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  ungateTaskByUser
} from "./chunk-UR6ILX6G.mjs";
import "./chunk-MGNLMAAT.mjs";
import "./chunk-EQN2W7FY.mjs";
import "./chunk-XZOGJE6S.mjs";
import "./chunk-7AA73NGY.mjs";
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
