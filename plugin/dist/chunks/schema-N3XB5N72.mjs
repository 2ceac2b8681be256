import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  writeSchemas
} from "./chunk-5WV6435V.mjs";
import "./chunk-6QK7G6I6.mjs";
import "./chunk-IV4PP3SH.mjs";
import "./chunk-2VKVEHDW.mjs";
import "./chunk-3BMRPU2F.mjs";
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

// scripts/cli/schema.ts
import { relative, resolve } from "node:path";
function schemaCommand(opts) {
  const dir = opts.out ? resolve(opts.out) : currentProject().schemaDir;
  for (const file of writeSchemas(dir)) process.stdout.write(`${relative(process.cwd(), file)}
`);
}
export {
  schemaCommand
};
