import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  gateTaskByUser
} from "./chunk-FR7GO5RT.mjs";
import "./chunk-527ECVZ2.mjs";
import "./chunk-ILGU4PTK.mjs";
import "./chunk-XT65XF4U.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-5ONEAW3B.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  currentProject
} from "./chunk-LILIRR27.mjs";
import "./chunk-VV6U34AQ.mjs";
import "./chunk-4WYSJDYU.mjs";
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
