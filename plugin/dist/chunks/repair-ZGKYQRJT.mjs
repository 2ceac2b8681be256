import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  mergeKindOf,
  mergeVersions
} from "./chunk-6NJWREHF.mjs";
import "./chunk-JUAYUJF3.mjs";
import "./chunk-7HUEV55X.mjs";
import {
  execa
} from "./chunk-5UF4JJLB.mjs";
import "./chunk-64IFK3RD.mjs";
import "./chunk-PEPFD4CA.mjs";
import "./chunk-RKO5KVIC.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-2VKVEHDW.mjs";
import "./chunk-3BMRPU2F.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-QMNJTYV7.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-3NNJAZC6.mjs";
import {
  withLock,
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/adapters/conflict-repair.ts
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";

// scripts/core/merge/conflict-markers.ts
function splitConflicts(text) {
  const ours = [];
  const base = [];
  const theirs = [];
  let state = "common";
  let conflicts = 0;
  let sawBase = false;
  for (const line of text.split("\n")) {
    const bare = line.replace(/\r$/, "");
    if (state === "common" && /^<{7}( |$)/.test(bare)) {
      state = "ours";
      conflicts++;
    } else if (state === "ours" && /^\|{7}( |$)/.test(bare)) {
      state = "base";
      sawBase = true;
    } else if ((state === "ours" || state === "base") && /^={7}$/.test(bare)) state = "theirs";
    else if (state === "theirs" && /^>{7}( |$)/.test(bare)) state = "common";
    else if (state === "common") {
      ours.push(line);
      base.push(line);
      theirs.push(line);
    } else if (state === "ours") ours.push(line);
    else if (state === "base") base.push(line);
    else theirs.push(line);
  }
  if (!conflicts || state !== "common") return null;
  return { ours: ours.join("\n"), base: sawBase ? base.join("\n") : null, theirs: theirs.join("\n"), conflicts };
}

// scripts/adapters/conflict-repair.ts
async function stage(root, n, rel) {
  const run = await execa("git", ["show", `:${n}:${rel}`], { cwd: root, reject: false, stripFinalNewline: false });
  return run.exitCode === 0 ? run.stdout : null;
}
async function indexSides(root, rel) {
  const [base, ours, theirs] = await Promise.all([stage(root, 1, rel), stage(root, 2, rel), stage(root, 3, rel)]);
  return ours !== null && theirs !== null ? { base, ours, theirs, conflicts: 1 } : null;
}
async function repairConflictedFile(paths, file) {
  const abs = resolve(file);
  const rel = relative(paths.root, abs).split("\\").join("/");
  const kind = mergeKindOf(rel);
  if (!kind) throw new RelayError(`${file}: not one of relay's files (attempt-ledger.yml, epic.yml, NOTES.md, AGENTS.md or a ledger .jsonl); settle its conflict by hand`, 2);
  if (!existsSync(abs)) throw new RelayError(`${file}: file not found`, 2);
  return withLock(abs, async () => {
    const text = readFileSync(abs, "utf8");
    const marked = splitConflicts(text);
    const fromIndex = await indexSides(paths.root, rel);
    const sides = fromIndex ?? marked;
    if (!sides) return null;
    const result = await mergeVersions(kind, rel, sides.base, sides.ours, sides.theirs);
    if (result.contradiction) throw new RelayError(result.contradiction, 1);
    writeFileAtomic(abs, result.text);
    return { file: rel, from: fromIndex ? "index" : "markers" };
  });
}

// scripts/cli/repair.ts
async function repairCommand(file) {
  const repaired = await repairConflictedFile(currentProject(), file);
  process.stdout.write(repaired ? `relay: merged both sides of ${repaired.file} (from git's ${repaired.from === "index" ? "index stages" : "conflict markers"}); check it, then: git add ${repaired.file}
` : `relay: ${file} has no conflict markers; nothing to repair
`);
}
export {
  repairCommand
};
