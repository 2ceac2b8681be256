import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  isRepo
} from "./chunk-LKQRVWEA.mjs";
import "./chunk-JUAYUJF3.mjs";
import "./chunk-7HUEV55X.mjs";
import {
  ensureMergeRules,
  ensureStateIgnored,
  registerMergeDriver
} from "./chunk-3MPKPLF3.mjs";
import "./chunk-QXN5FNU5.mjs";
import "./chunk-5UF4JJLB.mjs";
import "./chunk-PEPFD4CA.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-3BMRPU2F.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/setup.ts
async function setupCommand() {
  const paths = currentProject();
  if (!await isRepo(paths.root)) throw new RelayError(`${paths.root}: not a git repository; relay's merge driver lives in git's config (run git init first)`, 2);
  const rules = await ensureMergeRules(paths);
  const ignored = ensureStateIgnored(paths);
  const command = await registerMergeDriver(paths);
  process.stdout.write([
    `relay: merge driver registered in .git/config: ${command}`,
    rules ? "relay: added merge rules for relay's files to .gitattributes (commit it)" : "relay: .gitattributes already has relay's merge rules",
    ignored ? "relay: wrote .agents-os/.gitignore for machine-local state (commit it)" : "relay: .agents-os/.gitignore is up to date",
    ""
  ].join("\n"));
}
export {
  setupCommand
};
