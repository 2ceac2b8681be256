import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  archiveLessons,
  heldBackLearnings,
  learningOccurrences,
  learningsOverview,
  planPromotion,
  readKeyLearnings,
  replaceKeyLearnings
} from "./chunk-GHJQJDFO.mjs";
import {
  loadRelayConfig
} from "./chunk-5LTPGVTQ.mjs";
import {
  consumeLearnings,
  loadLedgerIfExists
} from "./chunk-GSVEXZFA.mjs";
import {
  readTextBounded,
  withLock,
  writeFileAtomic
} from "./chunk-62XEB27W.mjs";

// scripts/adapters/key-learnings.ts
import { existsSync } from "node:fs";
var MAX_AGENTS_MD_BYTES = 16 * 1024 * 1024;
var DEFAULT_BUDGET_CHARS = 4e3;
function readIfExists(file) {
  return existsSync(file) ? readTextBounded(file, MAX_AGENTS_MD_BYTES) : null;
}
var NOTHING = { promoted: [], reinforced: [], demoted: [], emerging: [], skipped: 0, consumed: 0, written: [] };
async function promoteLessons(paths) {
  if (!existsSync(paths.attemptLedger)) return NOTHING;
  const budget = loadRelayConfig(paths).learnings?.budget_chars ?? DEFAULT_BUDGET_CHARS;
  return withLock(paths.keyLearningsLock, async () => {
    const ledger = loadLedgerIfExists(paths);
    if (!ledger) return NOTHING;
    const agentsMd = readIfExists(paths.agentsMd);
    const plan = planPromotion(readKeyLearnings(agentsMd), learningOccurrences(ledger), budget);
    const report = { ...NOTHING, emerging: plan.emerging, skipped: plan.skipped, written: [] };
    if (!plan.consumed.length && !plan.demoted.length) return report;
    if (plan.demoted.length) {
      writeFileAtomic(paths.learningsArchive, archiveLessons(readIfExists(paths.learningsArchive), plan.demoted));
      report.written.push(paths.learningsArchive);
    }
    const next = replaceKeyLearnings(agentsMd, plan.section);
    if (next !== agentsMd) {
      writeFileAtomic(paths.agentsMd, next);
      report.written.push(paths.agentsMd);
    }
    if (plan.consumed.length) await consumeLearnings(paths, plan.consumed);
    return { ...report, promoted: plan.promoted, reinforced: plan.reinforced, demoted: plan.demoted, consumed: plan.consumed.length };
  });
}
function listLearnings(paths, staleDays, today = (/* @__PURE__ */ new Date()).toISOString().slice(0, 10)) {
  const ledger = loadLedgerIfExists(paths) ?? null;
  return learningsOverview(readKeyLearnings(readIfExists(paths.agentsMd)), ledger ? learningOccurrences(ledger) : [], today, staleDays, ledger ? heldBackLearnings(ledger) : []);
}

export {
  promoteLessons,
  listLearnings
};
