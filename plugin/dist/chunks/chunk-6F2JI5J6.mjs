import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);

// scripts/core/shared/bookkeeping.ts
var OWN_STATE_DIRS = [".agents-os", "progress"];
var MERGE_RULES_COMMENT = "# relay: append-only ledgers merge line by line; readers dedupe by event id";
var MERGE_RULES = [".agents-os/ledger/**/*.jsonl merge=union", "progress/ledger.jsonl merge=union"];
function isOwnState(path) {
  return OWN_STATE_DIRS.some((d) => path === d || path.startsWith(`${d}/`));
}
function withoutMergeRules(text) {
  const own = /* @__PURE__ */ new Set([MERGE_RULES_COMMENT, ...MERGE_RULES]);
  return text.split("\n").filter((l) => !own.has(l.replace(/\r$/, ""))).join("\n");
}

export {
  OWN_STATE_DIRS,
  MERGE_RULES_COMMENT,
  MERGE_RULES,
  isOwnState,
  withoutMergeRules
};
