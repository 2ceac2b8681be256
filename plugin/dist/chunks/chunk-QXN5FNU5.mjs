import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);

// scripts/core/shared/bookkeeping.ts
var OWN_STATE_DIRS = [".agents-os", "progress"];
var MERGE_RULES_COMMENT = "# relay: event ledgers merge line by line (readers dedupe by id); the rest merges by meaning (relay setup registers the driver)";
var MERGE_RULES = [
  ".agents-os/ledger/**/*.jsonl merge=union",
  "progress/ledger.jsonl merge=relay",
  "progress/archive/*.jsonl merge=relay",
  "progress/ledger-index.json merge=relay",
  ".agents-os/relay/attempt-ledger.yml merge=relay",
  ".agents-os/relay/epic.yml merge=relay",
  "progress/NOTES.md merge=relay",
  "progress/archive/NOTES-*.md merge=relay",
  "AGENTS.md merge=relay",
  "docs/ops-knowledge/learnings/key-learnings-provenance.md merge=relay"
];
var OLD_MERGE_RULES = ["# relay: append-only ledgers merge line by line; readers dedupe by event id", "progress/ledger.jsonl merge=union"];
var MACHINE_LOCAL = ["agents/*/status.json", "relay/run.log", "relay/run-state.json", "relay/serve.json", "relay/backup/", "inbox/", "cache/", "*.lock", "*.tmp"];
function isOwnState(path) {
  return OWN_STATE_DIRS.some((d) => path === d || path.startsWith(`${d}/`));
}
function withoutMergeRules(text) {
  const own = /* @__PURE__ */ new Set([MERGE_RULES_COMMENT, ...OLD_MERGE_RULES, ...MERGE_RULES]);
  return text.split("\n").filter((l) => !own.has(l.replace(/\r$/, ""))).join("\n");
}

export {
  OWN_STATE_DIRS,
  MERGE_RULES_COMMENT,
  MERGE_RULES,
  OLD_MERGE_RULES,
  MACHINE_LOCAL,
  isOwnState,
  withoutMergeRules
};
