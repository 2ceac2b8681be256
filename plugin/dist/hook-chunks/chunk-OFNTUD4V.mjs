import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-INCCVPG3.mjs";

// scripts/core/knowledge/vague-lessons.ts
var NON_CONCRETE_WORDS = [
  // function words
  "a",
  "an",
  "the",
  "and",
  "or",
  "but",
  "if",
  "then",
  "so",
  "to",
  "of",
  "in",
  "on",
  "at",
  "for",
  "with",
  "by",
  "from",
  "as",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "being",
  "am",
  "it",
  "its",
  "it's",
  "this",
  "that",
  "these",
  "those",
  "we",
  "our",
  "us",
  "you",
  "your",
  "they",
  "them",
  "their",
  "i",
  "me",
  "my",
  "he",
  "she",
  "one",
  "do",
  "does",
  "did",
  "done",
  "doing",
  "have",
  "has",
  "had",
  "will",
  "would",
  "can",
  "could",
  "should",
  "shall",
  "may",
  "might",
  "must",
  "not",
  "no",
  "yes",
  "there",
  "here",
  "when",
  "where",
  "what",
  "which",
  "who",
  "why",
  "how",
  "than",
  "too",
  "very",
  "into",
  "onto",
  "over",
  "under",
  "about",
  "after",
  "before",
  "during",
  "until",
  "while",
  "up",
  "down",
  "out",
  "off",
  "all",
  "any",
  "each",
  "every",
  "some",
  "such",
  "only",
  "own",
  "same",
  "other",
  "more",
  "most",
  "less",
  "least",
  "few",
  "many",
  "much",
  "again",
  "also",
  "just",
  "really",
  "always",
  "never",
  "next",
  "time",
  "times",
  "way",
  "ways",
  "lot",
  "lots",
  "bit",
  "don't",
  "dont",
  "didn't",
  "didnt",
  // judgement and vague-advice vocabulary
  "careful",
  "carefully",
  "care",
  "better",
  "best",
  "good",
  "bad",
  "well",
  "properly",
  "correctly",
  "right",
  "wrong",
  "thing",
  "things",
  "stuff",
  "everything",
  "something",
  "anything",
  "code",
  "test",
  "tests",
  "testing",
  "tested",
  "quality",
  "improve",
  "improved",
  "improving",
  "improvement",
  "important",
  "make",
  "sure",
  "need",
  "needs",
  "needed",
  "lesson",
  "lessons",
  "learned",
  "learnt",
  "learn",
  "mistake",
  "mistakes",
  "issue",
  "issues",
  "problem",
  "problems",
  "work",
  "works",
  "worked",
  "working",
  "attention",
  "check",
  "checks",
  "checking",
  "review",
  "reviews",
  "thorough",
  "practice",
  "practices",
  "team",
  "process",
  "approach",
  "faster",
  "focus",
  "plan",
  "planning",
  "ensure",
  "remember",
  "try",
  "harder",
  "avoid",
  "bug",
  "bugs",
  "diligent",
  "rush",
  "simple",
  "think",
  "communicate",
  "communication",
  "documentation",
  "document",
  "future",
  "going",
  "forward",
  "now",
  "went",
  "go",
  "get",
  "got",
  "keep"
];

// scripts/core/episodic/records.ts
var RECORD_TYPES = ["task_completion", "consensus_decision", "deployment", "incident", "rollback", "lesson_learned"];
var RecordType = external_exports.enum(RECORD_TYPES, { error: (issue) => issue.input === void 0 ? "required" : `expected one of ${RECORD_TYPES.join(", ")}` });
var ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
function timestampMs(text) {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return void 0;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number);
  const ms = Number(`0.${m[7] ?? "0"}`) * 1e3;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return void 0;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (new Date(utc).getUTCDate() !== day) return void 0;
  const offset = m[8];
  if (!offset || offset === "Z") return utc;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
  return minutes > 18 * 60 ? void 0 : utc - sign * minutes * 6e4;
}
var requiredString = () => external_exports.string({ error: (issue) => issue.input === void 0 ? "required" : "expected a string" });
var Timestamp = requiredString().superRefine((t, ctx) => {
  if (timestampMs(t) === void 0) ctx.addIssue({ code: "custom", message: `"${t}" is not an ISO 8601 date-time; write it like 2026-01-05T10:30:00Z` });
});
var KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
var MAX_ID = 120;
function toKebab(text) {
  return text.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, MAX_ID).replace(/-+$/, "");
}
var KebabId = requiredString().superRefine((id, ctx) => {
  if (id.length <= MAX_ID && KEBAB.test(id)) return;
  const hint = toKebab(id);
  ctx.addIssue({ code: "custom", message: `"${id}" is not kebab-case (a-z, 0-9, single hyphens, max ${MAX_ID})${hint ? `; did you mean "${hint}"?` : ""}` });
});
var Text = external_exports.string().trim().min(1, "must not be empty");
var StructuredLesson = external_exports.object({
  context: Text.optional().describe("Where it happened"),
  what_went_wrong: Text.optional().describe("What went wrong"),
  what_we_learned: Text.describe("The lesson, specific enough to act on (the gate refuses vague ones)"),
  action_items: external_exports.array(Text).default([]).describe("What to do about it"),
  confidence: external_exports.enum(["low", "medium", "high"]).optional().describe("How sure the writer is")
}).strict();
var DoraImpact = external_exports.union([Text, external_exports.record(external_exports.string().min(1), external_exports.union([Text, external_exports.number()]))]);
var EpisodicRecord = external_exports.looseObject({
  timestamp: Timestamp.describe("When it happened, ISO 8601"),
  type: RecordType.describe("task_completion, consensus_decision, deployment, incident, rollback or lesson_learned"),
  task_id: KebabId.describe("Unique kebab-case id of the record"),
  summary: Text.optional().describe("What happened, in a sentence or two"),
  status: Text.max(64).optional().describe("Outcome in a word (completed, gated, resolved, \u2026)"),
  skills_used: external_exports.array(Text).optional().describe("Skills or tools that helped"),
  files_modified: external_exports.array(Text).optional().describe("Files the work touched"),
  lines_changed: external_exports.union([external_exports.number().int().min(0), external_exports.object({ added: external_exports.number().int().min(0).describe("Lines added"), removed: external_exports.number().int().min(0).describe("Lines removed") }).strict()]).optional().describe("Lines changed: a number, or added and removed"),
  tests_passed: external_exports.union([external_exports.boolean(), external_exports.number().int().min(0)]).optional().describe("Whether tests passed, or how many"),
  root_cause: Text.optional().describe("Why it happened (incidents, rollbacks)"),
  fix: Text.optional().describe("What fixed it"),
  verification: Text.optional().describe("How the fix was checked"),
  lesson_learned: external_exports.union([Text, StructuredLesson]).optional().describe("The lesson: a sentence, or context / what went wrong / what we learned / action items"),
  follow_ups: external_exports.array(Text).optional().describe("Work left to do"),
  dora_impact: DoraImpact.optional().describe("Effect on the DORA metrics, quantified"),
  severity: external_exports.string().regex(/^(?:critical|high|medium|low|sev[0-5]|p[0-4])$/i, "expected critical, high, medium, low, sev0\u2013sev5 or p0\u2013p4").optional().describe("critical, high, medium, low, sev0\u2013sev5 or p0\u2013p4"),
  duration_minutes: external_exports.number().min(0).optional().describe("How long it took (lead time for deployments, time to restore for incidents)"),
  deployment_time: Timestamp.optional().describe("When it was deployed"),
  attempts: external_exports.number().int().min(0).optional().describe("Attempts relay work needed"),
  cost_usd: external_exports.number().min(0).optional().describe("What the attempts cost")
}).superRefine((record, ctx) => {
  if (record.type === "lesson_learned" && record.lesson_learned === void 0) {
    ctx.addIssue({ code: "custom", path: ["lesson_learned"], message: "a lesson_learned record needs the lesson" });
  }
});
var VAGUE = new Set(NON_CONCRETE_WORDS);
var UNITS = [
  "%",
  "pp",
  "percentage points?",
  "x",
  "\xD7",
  "ms",
  "milliseconds?",
  "s",
  "secs?",
  "seconds?",
  "m",
  "mins?",
  "minutes?",
  "h",
  "hrs?",
  "hours?",
  "d",
  "days?",
  "w",
  "wks?",
  "weeks?",
  "months?",
  "deploys?",
  "deployments?",
  "releases?",
  "incidents?",
  "failures?",
  "rollbacks?",
  "changes?",
  "outages?"
];
var QUANTIFIED = new RegExp(`[-+\u2212]?\\d+(?:[.,]\\d+)?\\s*(?:${UNITS.join("|")})(?![\\p{L}])|\\d\\s*(?:/|per\\s)\\s*(?:day|week|month|hour|deploy)`, "iu");
var ArchiveEntry = external_exports.object({
  /** Relative to progress/, e.g. archive/ledger-2026-Q1.jsonl. */
  file: external_exports.string().min(1).describe("The archive, relative to progress/"),
  quarter: external_exports.string().regex(/^\d{4}-Q[1-4]$/).describe("The quarter its records fall in (2026-Q1)"),
  from: external_exports.string().nullable().describe("Earliest record time in it"),
  to: external_exports.string().nullable().describe("Latest record time in it"),
  count: external_exports.number().int().min(0).describe("Records it holds")
}).strict();
var LedgerIndex = external_exports.object({ version: external_exports.literal(1).describe("File format version"), archives: external_exports.array(ArchiveEntry).describe("One entry per quarterly archive, oldest first") }).strict();

// scripts/core/knowledge/learnings.ts
var STOPWORDS = new Set("a after an and are as at be before by for from has have in into is it its of on only or so that the their then this to was were when with".split(" "));
var LESSON_LINE = /^- (.+?) _\((?:skip|emerging|recommend|strong): seen (\d+) times?, last seen (\d{4}-\d{2}-\d{2})(?:; tags: ([^)]*))?\)_\s*$/;
function parseLesson(line) {
  const m = LESSON_LINE.exec(line.replace(/\r$/, ""));
  if (!m) return null;
  return { text: m[1], count: Number(m[2]), lastSeen: m[3], tags: m[4] ? m[4].split(",").map((t) => t.trim()).filter(Boolean) : [], refs: [] };
}
var HEADING = /^##\s+Key Learnings\s*#*\s*$/i;
function splitDoc(doc) {
  const lines = doc.split("\n");
  const eol = doc.includes("\r\n") ? "\r\n" : "\n";
  let fenced = false;
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    if (start < 0 && HEADING.test(line)) start = i;
    else if (start >= 0 && /^#{1,2}\s/.test(line)) return { lines, range: [start, i], eol };
  }
  return { lines, range: start < 0 ? null : [start, lines.length], eol };
}
function keyLearningsLines(doc) {
  const split = splitDoc(doc);
  if (!split.range) return [];
  return split.lines.slice(split.range[0] + 1, split.range[1]).map((text, i) => ({ line: split.range[0] + 2 + i, text: text.replace(/\r$/, "") }));
}

export {
  parseLesson,
  keyLearningsLines
};
