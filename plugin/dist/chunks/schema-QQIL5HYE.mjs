import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  writeSchemas
} from "./chunk-XD2OM4FH.mjs";
import "./chunk-NUGR3OH5.mjs";
import {
  currentProject
} from "./chunk-JDKDALLM.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-62XEB27W.mjs";
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
