import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  mergeKindOf,
  mergeText,
  mergeVersions
} from "./chunk-6NJWREHF.mjs";
import "./chunk-JUAYUJF3.mjs";
import "./chunk-7HUEV55X.mjs";
import "./chunk-5UF4JJLB.mjs";
import "./chunk-64IFK3RD.mjs";
import "./chunk-PEPFD4CA.mjs";
import "./chunk-RKO5KVIC.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-2VKVEHDW.mjs";
import "./chunk-3BMRPU2F.mjs";
import "./chunk-QMNJTYV7.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-3NNJAZC6.mjs";
import {
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/adapters/merge-driver.ts
import { readFileSync } from "node:fs";
var readOr = (file) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
};
async function runMergeDriver(baseFile, oursFile, theirsFile, path) {
  const kind = mergeKindOf(path);
  if (!kind) throw new RelayError(`${path}: not one of relay's files; remove its merge=relay line from .gitattributes`, 1);
  const [base, ours, theirs] = [readOr(baseFile), readFileSync(oursFile, "utf8"), readFileSync(theirsFile, "utf8")];
  let result;
  try {
    result = await mergeVersions(kind, path, base, ours, theirs);
  } catch (err) {
    if (!(err instanceof RelayError)) throw err;
    result = { text: (await mergeText(base, ours, theirs)).text, contradiction: err.message };
  }
  writeFileAtomic(oursFile, result.text);
  return result;
}

// scripts/cli/merge-driver.ts
async function mergeDriverCommand(base, ours, theirs, path) {
  const result = await runMergeDriver(base, ours, theirs, path);
  if (result.contradiction) {
    process.stderr.write(`relay: ${result.contradiction}
`);
    process.exitCode = 1;
  }
}
export {
  mergeDriverCommand
};
