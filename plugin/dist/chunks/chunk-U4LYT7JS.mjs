import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  appendProvenance,
  archiveLessons,
  heldBackLearnings,
  learningOccurrences,
  learningsOverview,
  planPromotion,
  provenanceOf,
  provenanceSection,
  readKeyLearnings,
  replaceKeyLearnings
} from "./chunk-JUAYUJF3.mjs";
import {
  workerEnv
} from "./chunk-EVSQAD4J.mjs";
import {
  loadRelayConfig
} from "./chunk-CIQRNYIC.mjs";
import {
  consumeLearnings,
  loadLedgerIfExists
} from "./chunk-J73XRGZZ.mjs";
import {
  toolJsonSchema
} from "./chunk-R5VAHXD7.mjs";
import {
  redact
} from "./chunk-OTZ4R5UM.mjs";
import {
  external_exports
} from "./chunk-3NNJAZC6.mjs";
import {
  readTextBounded,
  withLock,
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";

// scripts/adapters/key-learnings.ts
import { existsSync } from "node:fs";

// scripts/core/knowledge/lesson-judgement.ts
var LessonJudgement = external_exports.object({
  groups: external_exports.array(external_exports.object({
    ids: external_exports.array(external_exports.string()).min(1).describe("learning ids (T3#2) that state the same lesson, and the id (L1) of an AGENTS.md lesson it repeats, if any"),
    lesson: external_exports.string().min(1).max(300).describe("the lesson in one sentence: what to do, where, and why")
  }).strict()),
  verdicts: external_exports.array(external_exports.object({
    id: external_exports.string(),
    verdict: external_exports.enum(["reusable", "too_specific", "vague"])
  }).strict()).describe("one per learning id")
}).strict();
var MAX_JUDGED = 200;
function judgementPrompt(occurrences, current) {
  return [
    "# Consolidate the lessons an epic taught",
    "Below are learnings that workers wrote in their receipts, each with an id, and the lessons already in AGENTS.md (ids L1, L2, \u2026).",
    "Group the learnings that state the same reusable lesson (include an L id when a group repeats an existing lesson), write one sentence per group, and give every learning a verdict: reusable (a future task elsewhere in this repository would act on it), too_specific (true only of one task or file), or vague (no concrete action). Do not count anything: relay counts the ids.",
    "Answer with the StructuredOutput tool.",
    `## Learnings
${occurrences.map((o) => `- ${o.ref}: ${redact(o.text)}${o.tags.length ? ` [tags: ${o.tags.join(", ")}]` : ""}`).join("\n")}`,
    current.lessons.length ? `## Already in AGENTS.md
${current.lessons.map((l, i) => `- L${i + 1}: ${l.text}`).join("\n")}` : ""
  ].filter(Boolean).join("\n\n");
}
function clustersFromJudgement(occurrences, current, answer) {
  const parsed = LessonJudgement.safeParse(answer);
  if (!parsed.success) return null;
  const byRef = new Map(occurrences.map((o) => [o.ref, o]));
  const verdict = new Map(parsed.data.verdicts.map((v) => [v.id, v.verdict]));
  if (verdict.size !== occurrences.length || [...verdict.keys()].some((id) => !byRef.has(id))) return null;
  const grouped = /* @__PURE__ */ new Set();
  const clusters = [];
  for (const group of parsed.data.groups) {
    const existing = group.ids.filter((id) => /^L\d+$/.test(id)).map((id) => current.lessons[Number(id.slice(1)) - 1]);
    const refs = group.ids.filter((id) => !/^L\d+$/.test(id));
    if (existing.some((l) => l === void 0) || existing.length > 1 || refs.some((r) => !byRef.has(r) || grouped.has(r))) return null;
    refs.forEach((r) => grouped.add(r));
    const counted = refs.filter((r) => verdict.get(r) === "reusable").map((r) => byRef.get(r));
    if (!counted.length) continue;
    clusters.push({
      text: existing[0]?.text ?? redact(group.lesson.replace(/\s+/g, " ").trim()),
      tags: [...new Set(counted.flatMap((o) => o.tags.map(redact)))],
      count: counted.length,
      lastSeen: counted.map((o) => o.seenAt.slice(0, 10)).sort().at(-1),
      refs: counted.map((o) => o.ref)
    });
  }
  if (occurrences.some((o) => verdict.get(o.ref) === "reusable" && !grouped.has(o.ref))) return null;
  return { clusters: clusters.sort((a, b) => b.count - a.count), noise: occurrences.filter((o) => verdict.get(o.ref) !== "reusable").map((o) => o.ref) };
}

// scripts/adapters/key-learnings.ts
var MAX_AGENTS_MD_BYTES = 16 * 1024 * 1024;
var DEFAULT_BUDGET_CHARS = 4e3;
function readIfExists(file) {
  return existsSync(file) ? readTextBounded(file, MAX_AGENTS_MD_BYTES) : null;
}
var NOTHING = { promoted: [], reinforced: [], demoted: [], emerging: [], skipped: 0, consumed: 0, written: [], judged_by: "rules", noise: 0 };
var JUDGE_TIMEOUT_MS = 10 * 6e4;
async function judge(paths, agent) {
  const ledger = loadLedgerIfExists(paths);
  if (!agent || !ledger) return null;
  const occurrences = learningOccurrences(ledger);
  if (!occurrences.length || occurrences.length > MAX_JUDGED) return null;
  const current = readKeyLearnings(readIfExists(paths.agentsMd));
  const answer = await agent.ask({ prompt: judgementPrompt(occurrences, current), cwd: paths.root, env: workerEnv({}), timeoutMs: JUDGE_TIMEOUT_MS }, toolJsonSchema(LessonJudgement));
  const judged = clustersFromJudgement(occurrences, current, answer);
  return judged ? { refs: occurrences.map((o) => o.ref).join(","), judged } : null;
}
async function promoteLessons(paths, agent) {
  if (!existsSync(paths.attemptLedger)) return NOTHING;
  const budget = loadRelayConfig(paths).learnings?.budget_chars ?? DEFAULT_BUDGET_CHARS;
  const asked = await judge(paths, agent);
  return withLock(paths.keyLearningsLock, async () => {
    const ledger = loadLedgerIfExists(paths);
    if (!ledger) return NOTHING;
    const agentsMd = readIfExists(paths.agentsMd);
    const occurrences = learningOccurrences(ledger);
    const judged = asked && asked.refs === occurrences.map((o) => o.ref).join(",") ? asked.judged : void 0;
    const plan = planPromotion(readKeyLearnings(agentsMd), occurrences, budget, judged);
    const report = { ...NOTHING, emerging: plan.emerging, skipped: plan.skipped, written: [], judged_by: judged ? "agent" : "rules", noise: judged?.noise.length ?? 0 };
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
    if (plan.promoted.length || plan.reinforced.length) {
      const section = provenanceSection(ledger.epic_id, (/* @__PURE__ */ new Date()).toISOString(), report.judged_by, plan.promoted, plan.reinforced);
      writeFileAtomic(paths.learningsProvenance, appendProvenance(readIfExists(paths.learningsProvenance), section));
      report.written.push(paths.learningsProvenance);
    }
    if (plan.consumed.length) await consumeLearnings(paths, plan.consumed);
    return { ...report, promoted: plan.promoted, reinforced: plan.reinforced, demoted: plan.demoted, consumed: plan.consumed.length };
  });
}
function listLearnings(paths, staleDays, today = (/* @__PURE__ */ new Date()).toISOString().slice(0, 10)) {
  const ledger = loadLedgerIfExists(paths) ?? null;
  const overview = learningsOverview(readKeyLearnings(readIfExists(paths.agentsMd)), ledger ? learningOccurrences(ledger) : [], today, staleDays, ledger ? heldBackLearnings(ledger) : []);
  const provenance = readIfExists(paths.learningsProvenance) ?? "";
  return { ...overview, promoted: overview.promoted.map((l) => ({ ...l, provenance: provenanceOf(provenance, l.text) })) };
}

export {
  promoteLessons,
  listLearnings
};
