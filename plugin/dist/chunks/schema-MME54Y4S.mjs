import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  writeSchemas
} from "./chunk-2AKPSBF2.mjs";
import "./chunk-JUJIEFSA.mjs";
import "./chunk-ZXQYJJBU.mjs";
import "./chunk-ZYKQ7B5J.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-DUPEDPRH.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-R5CMOSTG.mjs";
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
