import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  lessonProblem
} from "./chunk-3BMRPU2F.mjs";
import {
  zodProblem
} from "./chunk-4UMD7KWD.mjs";
import {
  external_exports
} from "./chunk-3NNJAZC6.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";

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
function suffixedId(id, timestamp, attempt = 1) {
  const stamp = new Date(timestampMs(timestamp) ?? Date.now()).toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const suffix = `-${stamp}${attempt > 1 ? `-${attempt}` : ""}`;
  return `${id.slice(0, MAX_ID - suffix.length).replace(/-+$/, "")}${suffix}`;
}
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
function dropNulls(value) {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}
function parseRecord(value, source) {
  const parsed = EpisodicRecord.safeParse(dropNulls(value));
  if (!parsed.success) throw zodProblem(source, parsed.error);
  return parsed.data;
}
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
var UNIT_KEY = /_(?:ms|s|sec|seconds|min|mins|minutes|h|hours|d|days|w|weeks|pct|percent|per_day|per_week|per_month|count|rate)$/;
function doraProblem(impact) {
  const example = 'give a number with a unit, e.g. "lead time -35 min" or "+2 deploys/week"';
  if (typeof impact === "string") {
    return QUANTIFIED.test(impact) ? null : { field: "dora_impact", problem: `"${impact}" is not quantified; ${example}` };
  }
  const entries = Object.entries(impact);
  if (!entries.length) return { field: "dora_impact", problem: `is empty; ${example}` };
  for (const [key, value] of entries) {
    const field = `dora_impact.${key}`;
    if (typeof value === "number" && !UNIT_KEY.test(key)) {
      return { field, problem: `${value} has no unit; put it in a string ("${value} min") or name the unit in the key (${key}_minutes)` };
    }
    if (typeof value === "string" && !QUANTIFIED.test(value)) return { field, problem: `"${value}" is not quantified; ${example}` };
  }
  return null;
}
function lessonText(lesson) {
  if (typeof lesson === "string") return lesson;
  const learned = lesson?.what_we_learned;
  return typeof learned === "string" ? learned : void 0;
}
function checkGates(record, source) {
  const lesson = lessonText(record.lesson_learned);
  const problem = lesson === void 0 ? null : lessonProblem(lesson);
  if (problem) throw new RelayError(`${source}: lesson_learned${typeof record.lesson_learned === "string" ? "" : ".what_we_learned"}: ${problem}`, 2);
  if (record.dora_impact !== void 0) {
    const dora = doraProblem(record.dora_impact);
    if (dora) throw new RelayError(`${source}: ${dora.field}: ${dora.problem}`, 2);
  }
}
var DAY_MS = 864e5;
function parseTimeBound(value, now, bound, flag) {
  const relative = /^(\d+)([hdw])$/.exec(value);
  if (relative) return now - Number(relative[1]) * { h: 36e5, d: DAY_MS, w: 7 * DAY_MS }[relative[2]];
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = timestampMs(`${value}T00:00:00Z`);
    if (start !== void 0) return bound === "since" ? start : start + DAY_MS - 1;
  }
  const ms = timestampMs(value);
  if (ms === void 0) throw new RelayError(`${flag}: "${value}" is not a date (2026-01-05), a date-time (2026-01-05T10:30:00Z) or a span (12h, 30d, 2w)`, 2);
  return ms;
}
function quarterOf(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}
function monthWindows(month, count) {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new RelayError(`--month: "${month}" is not a month; write it as YYYY-MM (2026-01)`, 2);
  const year = Number(m[1]);
  const index = Number(m[2]) - 1;
  return Array.from({ length: count }, (_, i) => {
    const start = Date.UTC(year, index - (count - 1 - i), 1);
    const d = new Date(start);
    return {
      month: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`,
      sinceMs: start,
      untilMs: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1
    };
  });
}
function recordProblem(value) {
  const parsed = EpisodicRecord.safeParse(dropNulls(value));
  return parsed.success ? null : zodProblem("", parsed.error).message.replace(/^: /, "");
}
var ArchiveEntry = external_exports.object({
  /** Relative to progress/, e.g. archive/ledger-2026-Q1.jsonl. */
  file: external_exports.string().min(1).describe("The archive, relative to progress/"),
  quarter: external_exports.string().regex(/^\d{4}-Q[1-4]$/).describe("The quarter its records fall in (2026-Q1)"),
  from: external_exports.string().nullable().describe("Earliest record time in it"),
  to: external_exports.string().nullable().describe("Latest record time in it"),
  count: external_exports.number().int().min(0).describe("Records it holds")
}).strict();
var LedgerIndex = external_exports.object({ version: external_exports.literal(1).describe("File format version"), archives: external_exports.array(ArchiveEntry).describe("One entry per quarterly archive, oldest first") }).strict();
function extendEntry(entry, ms) {
  entry.count++;
  if (ms === void 0) return;
  const iso = new Date(ms).toISOString();
  if (entry.from === null || ms < (timestampMs(entry.from) ?? Infinity)) entry.from = iso;
  if (entry.to === null || ms > (timestampMs(entry.to) ?? -Infinity)) entry.to = iso;
}

export {
  RECORD_TYPES,
  timestampMs,
  toKebab,
  suffixedId,
  EpisodicRecord,
  parseRecord,
  lessonText,
  checkGates,
  parseTimeBound,
  quarterOf,
  monthWindows,
  recordProblem,
  LedgerIndex,
  extendEntry
};
