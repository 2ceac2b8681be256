import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  archiveLessons,
  learningOccurrences,
  learningsOverview,
  planPromotion,
  readKeyLearnings,
  replaceKeyLearnings
} from "./chunk-5IKO7NHC.mjs";
import {
  loadRelayConfig
} from "./chunk-GJF3F6IP.mjs";
import {
  mutateLedger
} from "./chunk-GY4ZKKFQ.mjs";
import {
  AttemptLedger,
  loadYaml
} from "./chunk-PH3F5M6G.mjs";
import {
  readTextBounded,
  withLock,
  writeFileAtomic
} from "./chunk-FBIE3MHA.mjs";

// scripts/adapters/key-learnings.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
var MAX_AGENTS_MD_BYTES = 16 * 1024 * 1024;
var DEFAULT_BUDGET_CHARS = 4e3;
function learningsArchivePath(paths) {
  return join(paths.opsKnowledge, "learnings", "key-learnings-archive.md");
}
function readIfExists(file) {
  return existsSync(file) ? readTextBounded(file, MAX_AGENTS_MD_BYTES) : null;
}
var NOTHING = { promoted: [], reinforced: [], demoted: [], emerging: [], skipped: 0, consumed: 0, written: [] };
async function promoteLearnings(paths) {
  if (!existsSync(paths.attemptLedger)) return NOTHING;
  const budget = loadRelayConfig(paths).learnings?.budget_chars ?? DEFAULT_BUDGET_CHARS;
  return withLock(
    join(paths.relayDir, "key-learnings"),
    () => mutateLedger(paths, (_epic, ledger) => {
      const agentsMd = readIfExists(paths.agentsMd);
      const plan = planPromotion(readKeyLearnings(agentsMd), learningOccurrences(ledger), budget);
      const report = { ...NOTHING, emerging: plan.emerging, skipped: plan.skipped, written: [] };
      if (!plan.consumed.length && !plan.demoted.length) return { ledger, result: report };
      if (plan.demoted.length) {
        const archive = learningsArchivePath(paths);
        writeFileAtomic(archive, archiveLessons(readIfExists(archive), plan.demoted));
        report.written.push(archive);
      }
      const next = replaceKeyLearnings(agentsMd, plan.section);
      if (next !== agentsMd) {
        writeFileAtomic(paths.agentsMd, next);
        report.written.push(paths.agentsMd);
      }
      return {
        ledger: { ...ledger, promoted_learnings: [...ledger.promoted_learnings, ...plan.consumed] },
        result: { ...report, promoted: plan.promoted, reinforced: plan.reinforced, demoted: plan.demoted, consumed: plan.consumed.length }
      };
    })
  );
}
function listLearnings(paths, staleDays, today = (/* @__PURE__ */ new Date()).toISOString().slice(0, 10)) {
  const ledger = existsSync(paths.attemptLedger) ? loadYaml(paths.attemptLedger, AttemptLedger) : null;
  return learningsOverview(readKeyLearnings(readIfExists(paths.agentsMd)), ledger ? learningOccurrences(ledger) : [], today, staleDays);
}

export {
  promoteLearnings,
  listLearnings
};
