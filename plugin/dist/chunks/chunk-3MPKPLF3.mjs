import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  MACHINE_LOCAL,
  MERGE_RULES,
  MERGE_RULES_COMMENT,
  OLD_MERGE_RULES
} from "./chunk-QXN5FNU5.mjs";
import {
  execa
} from "./chunk-5UF4JJLB.mjs";
import {
  relayCommandLine
} from "./chunk-5AAKOZ27.mjs";
import {
  withLock,
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";

// scripts/adapters/git-setup.ts
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
var DRIVER_NAME = "relay: merges relay's ledgers, epic and notes by what they mean";
function ensureMergeRules(paths) {
  return withLock(paths.gitattributesLock, () => {
    const before = existsSync(paths.gitattributes) ? readFileSync(paths.gitattributes, "utf8") : "";
    const current = before.split("\n").filter((l) => !OLD_MERGE_RULES.includes(l.replace(/\r$/, ""))).join("\n");
    const lines = current.split("\n").map((l) => l.replace(/\r$/, ""));
    const missing = MERGE_RULES.filter((l) => !lines.includes(l));
    if (!missing.length) {
      if (current !== before) writeFileAtomic(paths.gitattributes, current);
      return false;
    }
    const sep = current && !current.endsWith("\n") ? "\n" : "";
    const comment = lines.includes(MERGE_RULES_COMMENT) ? "" : `${MERGE_RULES_COMMENT}
`;
    writeFileAtomic(paths.gitattributes, `${current}${sep}${comment}${missing.join("\n")}
`);
    return true;
  });
}
function ensureStateIgnored(paths) {
  const wanted = `# relay: state that belongs to one machine; never commit it
${MACHINE_LOCAL.join("\n")}
`;
  if (existsSync(paths.stateIgnore) && readFileSync(paths.stateIgnore, "utf8") === wanted) return false;
  writeFileAtomic(paths.stateIgnore, wanted);
  return true;
}
async function registerMergeDriver(paths) {
  const command = relayCommandLine("merge-driver %O %A %B %P");
  await execa("git", ["config", "--local", "merge.relay.name", DRIVER_NAME], { cwd: paths.root });
  await execa("git", ["config", "--local", "merge.relay.driver", command], { cwd: paths.root });
  return command;
}
function commonGitDir(paths) {
  try {
    if (statSync(paths.gitDirPointer).isDirectory()) return paths.gitDirPointer;
    const gitdir = /^gitdir:\s*(.+)$/m.exec(readFileSync(paths.gitDirPointer, "utf8"))?.[1]?.trim();
    if (!gitdir) return null;
    const dir = isAbsolute(gitdir) ? gitdir : resolve(paths.root, gitdir);
    const common = existsSync(resolve(dir, "commondir")) ? readFileSync(resolve(dir, "commondir"), "utf8").trim() : ".";
    return resolve(dir, common);
  } catch {
    return null;
  }
}
function mergeDriverProblem(paths) {
  if (!existsSync(paths.gitattributes) || !readFileSync(paths.gitattributes, "utf8").includes("merge=relay")) return null;
  const gitDir = commonGitDir(paths);
  if (!gitDir) return null;
  let config = "";
  try {
    config = readFileSync(resolve(gitDir, "config"), "utf8");
  } catch {
    return null;
  }
  const section = /^\s*\[merge\s+"relay"\]([^[]*)/m.exec(config)?.[1] ?? "";
  const driver = /^\s*driver\s*=\s*(.+)$/m.exec(section)?.[1];
  if (!driver) return "this clone has no merge driver for relay's files (git does not copy it into clones), so a merge of two branches' relay state can conflict";
  const paths_ = [...driver.matchAll(/'([^']+)'/g)].map((m) => m[1]).filter((p) => p.startsWith("/"));
  const gone = paths_.find((p) => !existsSync(p));
  return gone ? `the merge driver for relay's files points at ${gone}, which is gone (relay moved or was updated)` : null;
}

export {
  ensureMergeRules,
  ensureStateIgnored,
  registerMergeDriver,
  mergeDriverProblem
};
