import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  gateTaskByUser
} from "./chunk-RCOKSNK6.mjs";
import "./chunk-S2CIFETD.mjs";
import "./chunk-O5UTFW2U.mjs";
import "./chunk-J372MWP3.mjs";
import "./chunk-WYQFOPQ6.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  currentProject
} from "./chunk-JFWOJU6D.mjs";
import "./chunk-6DSS6ZB5.mjs";
import "./chunk-DUPEDPRH.mjs";
import "./chunk-JTMS3PGF.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-62XEB27W.mjs";
import "./chunk-AZJUC4SK.mjs";
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
