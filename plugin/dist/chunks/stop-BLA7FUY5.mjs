import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  stopRun
} from "./chunk-7ZSTW4DF.mjs";
import "./chunk-R7325EED.mjs";
import {
  recoverAbandonedAttempts
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

// scripts/cli/stop.ts
import { existsSync } from "node:fs";
async function stopCommand() {
  const paths = currentProject();
  const outcome = await stopRun(paths, async () => existsSync(paths.epic) ? recoverAbandonedAttempts(paths) : []);
  if ("stopped" in outcome) process.stdout.write(`relay: stopped relay work (pid ${outcome.stopped}); its workers are ended and each open attempt is recorded as interrupted; relay work resumes
`);
  else if ("cleaned" in outcome) process.stdout.write(`relay: the last run had died; ended ${outcome.cleaned.length} worker process tree(s) it left and recorded its open attempt as interrupted; relay work resumes
`);
  else process.stdout.write("relay: no relay work is running here\n");
}
export {
  stopCommand
};
