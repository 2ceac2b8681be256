import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  ungateTaskByUser
} from "./chunk-J73XRGZZ.mjs";
import "./chunk-R5VAHXD7.mjs";
import "./chunk-BCWZON6A.mjs";
import "./chunk-64IFK3RD.mjs";
import "./chunk-PEPFD4CA.mjs";
import "./chunk-RKO5KVIC.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-QMNJTYV7.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-3NNJAZC6.mjs";
import "./chunk-JTFCDVB4.mjs";
import "./chunk-AZJUC4SK.mjs";
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
