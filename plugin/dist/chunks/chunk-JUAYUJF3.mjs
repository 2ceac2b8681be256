import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  stem
} from "./chunk-7HUEV55X.mjs";
import {
  normaliseError
} from "./chunk-PEPFD4CA.mjs";
import {
  redact
} from "./chunk-OTZ4R5UM.mjs";
import {
  lessonProblem
} from "./chunk-3BMRPU2F.mjs";

// scripts/core/knowledge/learnings.ts
function levelFor(count) {
  if (count >= 4) return "strong";
  if (count === 3) return "recommend";
  return count === 2 ? "emerging" : "skip";
}
var MAX_LESSON_CHARS = 300;
function receiptLearnings(ledger) {
  const used = new Set(ledger.promoted_learnings);
  return Object.entries(ledger.attempts).flatMap(
    ([taskId, attempts]) => attempts.flatMap((a) => {
      const ref = `${taskId}#${a.id}`;
      const text = a.receipt?.learning?.replace(/\s+/g, " ").trim();
      if (!text || used.has(ref)) return [];
      return [{ ref, text, tags: a.receipt.pattern_tags, seenAt: a.ended_at ?? a.started_at, problem: lessonProblem(text) }];
    })
  );
}
function learningOccurrences(ledger) {
  return receiptLearnings(ledger).filter((o) => o.problem === null).map(({ problem: _p, ...o }) => o);
}
function heldBackLearnings(ledger) {
  return receiptLearnings(ledger).flatMap((o) => o.problem === null ? [] : [{ ref: o.ref, text: redact(o.text), reason: o.problem }]);
}
var STOPWORDS = new Set("a after an and are as at be before by for from has have in into is it its of on only or so that the their then this to was were when with".split(" "));
function learningTokens(text) {
  return normaliseError(text).split(/[^a-z0-9<>]+/).filter((w) => w.length > 1 && !w.includes("<") && !STOPWORDS.has(w)).map(stem);
}
function jaccard(a, b) {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union ? shared / union : 0;
}
function lessonSubjects(text) {
  const found = /* @__PURE__ */ new Set();
  const add = (s) => found.add(s.toLowerCase());
  for (const m of text.matchAll(/`([^`]+)`/g)) add(m[1]);
  for (const m of text.matchAll(/(?:[\w.-]+\/)+[\w.-]+|\b[\w-]+\.[a-z][a-z0-9]{0,4}\b/gi)) add(m[0]);
  for (const m of text.matchAll(/\b\w*(?:Error|Exception)\b|\bE[A-Z]{3,}\b/g)) add(m[0]);
  for (const m of text.matchAll(/\b[a-z]+[A-Z]\w*\b|\b[A-Za-z0-9]+_[A-Za-z0-9_]+\b/g)) add(m[0]);
  for (const m of text.matchAll(/(?<![\w.])\d+(?:\.\d+)?(?![\w.])/g)) add(m[0]);
  return [...found].sort();
}
function sameLesson(a, b) {
  if (lessonSubjects(a.text).join("\n") !== lessonSubjects(b.text).join("\n")) return false;
  return jaccard(new Set(learningTokens(a.text)), new Set(learningTokens(b.text))) >= 0.8;
}
function day(iso) {
  return iso.slice(0, 10);
}
function clusterLearnings(occurrences) {
  const lessons = [];
  for (const o of [...occurrences].sort((x, y) => x.seenAt.localeCompare(y.seenAt))) {
    const text = redact(o.text).slice(0, MAX_LESSON_CHARS);
    const match = lessons.find((l) => sameLesson(l, o));
    if (match) {
      match.count++;
      match.lastSeen = day(o.seenAt) > match.lastSeen ? day(o.seenAt) : match.lastSeen;
      match.tags = [.../* @__PURE__ */ new Set([...match.tags, ...o.tags.map(redact)])];
      match.refs.push(o.ref);
    } else {
      lessons.push({ text, tags: [...new Set(o.tags.map(redact))], count: 1, lastSeen: day(o.seenAt), refs: [o.ref] });
    }
  }
  return lessons.sort(byRecurrence);
}
function byRecurrence(a, b) {
  return b.count - a.count || b.lastSeen.localeCompare(a.lastSeen);
}
var LESSON_LINE = /^- (.+?) _\((?:skip|emerging|recommend|strong): seen (\d+) times?, last seen (\d{4}-\d{2}-\d{2})(?:; tags: ([^)]*))?\)_\s*$/;
function renderLesson(l) {
  const tags = l.tags.length ? `; tags: ${l.tags.map((t) => t.replace(/[(),;]/g, " ").trim()).join(", ")}` : "";
  return `- ${l.text} _(${levelFor(l.count)}: seen ${l.count} time${l.count === 1 ? "" : "s"}, last seen ${l.lastSeen}${tags})_`;
}
function parseLesson(line) {
  const m = LESSON_LINE.exec(line.replace(/\r$/, ""));
  if (!m) return null;
  return { text: m[1], count: Number(m[2]), lastSeen: m[3], tags: m[4] ? m[4].split(",").map((t) => t.trim()).filter(Boolean) : [], refs: [] };
}
function merge(into, from) {
  return {
    text: into.text,
    tags: [.../* @__PURE__ */ new Set([...into.tags, ...from.tags])],
    count: into.count + from.count,
    lastSeen: from.lastSeen > into.lastSeen ? from.lastSeen : into.lastSeen,
    refs: [...into.refs, ...from.refs]
  };
}
var KEY_LEARNINGS_HEADING = "## Key Learnings";
var HEADING = /^##\s+Key Learnings\s*#*\s*$/i;
var INTRO = "<!-- Maintained by `relay learnings promote`: lessons that recurred in relay receipts (recommend: seen 3 times, strong: 4 or more). When this section outgrows its budget, the least-recurring move to docs/ops-knowledge/learnings/key-learnings-archive.md. -->";
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
function withoutKeyLearnings(doc) {
  const split = splitDoc(doc);
  if (!split.range) return doc;
  const [start, end] = split.range;
  return [...split.lines.slice(0, start), ...split.lines.slice(end)].join("\n");
}
function readKeyLearnings(doc) {
  const split = splitDoc(doc ?? "");
  if (!split.range) return { manual: [], lessons: [] };
  const manual = [];
  const lessons = [];
  for (const line of split.lines.slice(split.range[0] + 1, split.range[1])) {
    const lesson = parseLesson(line);
    if (lesson) lessons.push(lesson);
    else if (line.replace(/\r$/, "") !== INTRO) manual.push(line.replace(/\r$/, ""));
  }
  while (manual.length && !manual[0].trim()) manual.shift();
  while (manual.length && !manual.at(-1).trim()) manual.pop();
  return { manual, lessons };
}
function keyLearningsLines(doc) {
  const split = splitDoc(doc);
  if (!split.range) return [];
  return split.lines.slice(split.range[0] + 1, split.range[1]).map((text, i) => ({ line: split.range[0] + 2 + i, text: text.replace(/\r$/, "") }));
}
function renderSection(section) {
  const lessons = [...section.lessons].sort(byRecurrence).map(renderLesson);
  return [KEY_LEARNINGS_HEADING, "", INTRO, "", ...section.manual.length ? [...section.manual, ""] : [], ...lessons];
}
function replaceKeyLearnings(doc, section) {
  const split = splitDoc(doc ?? "");
  const eol = split.eol;
  const rendered = renderSection(section).map((l) => eol === "\r\n" ? `${l}\r` : l);
  if (!split.range) {
    const base = doc ?? "";
    const sep = !base ? "" : base.endsWith(`${eol}${eol}`) ? "" : base.endsWith(eol) ? eol : `${eol}${eol}`;
    return `${base}${sep}${rendered.join("\n")}${eol}`;
  }
  const [start, end] = split.range;
  const after = split.lines.slice(end);
  const tail = after.length ? [eol === "\r\n" ? "\r" : "", ...after] : [""];
  return [...split.lines.slice(0, start), ...rendered, ...tail].join("\n");
}
function sectionChars(section) {
  return renderSection(section).join("\n").length;
}
var BULLET = /^\s*[-*]\s+/;
function planPromotion(current, occurrences, budgetChars, judged) {
  const lessons = current.lessons.map((l) => ({ ...l, refs: [] }));
  const manual = [...current.manual];
  const plan = { section: current, promoted: [], reinforced: [], demoted: [], emerging: [], skipped: 0, consumed: [...judged?.noise ?? []] };
  for (const cluster of judged?.clusters ?? clusterLearnings(occurrences)) {
    const index = lessons.findIndex((l) => sameLesson(l, cluster));
    if (index >= 0) {
      lessons[index] = merge(lessons[index], cluster);
      plan.consumed.push(...cluster.refs);
      continue;
    }
    const level = levelFor(cluster.count);
    if (level === "recommend" || level === "strong") {
      const adopted = manual.findIndex((line) => BULLET.test(line) && sameLesson({ text: line.replace(BULLET, "") }, cluster));
      lessons.push(adopted < 0 ? cluster : { ...cluster, text: manual.splice(adopted, 1)[0].replace(BULLET, "").trim() });
      plan.consumed.push(...cluster.refs);
    } else if (level === "emerging") plan.emerging.push(cluster);
    else plan.skipped++;
  }
  let section = { manual, lessons: lessons.sort(byRecurrence) };
  while (sectionChars(section) > budgetChars && section.lessons.length) {
    plan.demoted.push(section.lessons.at(-1));
    section = { ...section, lessons: section.lessons.slice(0, -1) };
  }
  const isNew = (l) => !current.lessons.some((c) => c.text === l.text);
  plan.section = section;
  plan.promoted = section.lessons.filter((l) => l.refs.length && isNew(l));
  plan.reinforced = section.lessons.filter((l) => l.refs.length && !isNew(l));
  return plan;
}
var ARCHIVE_HEADER = [
  "# Key learnings archive",
  "",
  "<!-- `relay learnings promote` moves the least-recurring lessons here when the Key Learnings section of AGENTS.md outgrows its budget. Nothing here is deleted; a lesson demoted twice has its counts added up. -->",
  ""
];
function archiveLessons(archive, demoted) {
  const lines = archive ? archive.replace(/\n$/, "").split("\n") : [...ARCHIVE_HEADER];
  for (const lesson of demoted) {
    const at = lines.findIndex((line) => {
      const existing = parseLesson(line);
      return existing !== null && sameLesson(existing, lesson);
    });
    if (at >= 0) lines[at] = renderLesson(merge(parseLesson(lines[at]), lesson));
    else lines.push(renderLesson(lesson));
  }
  return `${lines.join("\n")}
`;
}
function staleLessons(lessons, today, staleDays) {
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - staleDays * 864e5).toISOString().slice(0, 10);
  return lessons.filter((l) => l.lastSeen < cutoff);
}
function learningsOverview(current, occurrences, today, staleDays, heldBack = []) {
  const fresh = clusterLearnings(occurrences).filter((c) => !current.lessons.some((l) => sameLesson(l, c)));
  return {
    emerging: fresh.filter((c) => levelFor(c.count) === "emerging"),
    ready: fresh.filter((c) => c.count >= 3),
    stale: staleLessons(current.lessons, today, staleDays),
    promoted: current.lessons,
    held_back: heldBack
  };
}
var PROVENANCE_HEADER = [
  "# Key learnings provenance",
  "",
  "<!-- `relay learnings promote` appends one section per promotion: the receipts (task#attempt in the named epic's attempt ledger) behind each lesson it added to or reinforced in AGENTS.md. Find a lesson by its words. -->",
  ""
];
var quoted = (text) => `"${text.length > 120 ? `${text.slice(0, 119)}\u2026` : text}"`;
function provenanceSection(epicId, at, judgedBy, promoted, reinforced) {
  const line = (verb, l) => `- ${verb} ${quoted(l.text)} (seen ${l.count} time${l.count === 1 ? "" : "s"}) \u2190 ${l.refs.join(", ")}`;
  return [
    `## ${at.slice(0, 19).replace("T", " ")} UTC \xB7 epic ${epicId} \xB7 grouped by ${judgedBy === "agent" ? "the worker agent" : "relay's rules"}`,
    "",
    ...promoted.map((l) => line("promoted", l)),
    ...reinforced.map((l) => line("reinforced", l)),
    ""
  ].join("\n");
}
function provenanceOf(text, lesson) {
  const wanted = quoted(lesson);
  const out = [];
  let heading = "";
  for (const line of text.split("\n")) {
    if (line.startsWith("## ")) heading = line.slice(3).trim();
    const entry = /^- (promoted|reinforced) (".*") \(seen \d+ times?\) ← (.*)$/.exec(line);
    if (entry && entry[2] === wanted) out.push(`${heading}: ${entry[1]} \u2190 ${entry[3]}`);
  }
  return out;
}
function appendProvenance(current, section) {
  const base = current ?? `${PROVENANCE_HEADER.join("\n")}
`;
  return `${base}${base.endsWith("\n\n") ? "" : "\n"}${section}`;
}

export {
  learningOccurrences,
  heldBackLearnings,
  sameLesson,
  parseLesson,
  withoutKeyLearnings,
  readKeyLearnings,
  keyLearningsLines,
  replaceKeyLearnings,
  planPromotion,
  archiveLessons,
  learningsOverview,
  provenanceSection,
  provenanceOf,
  appendProvenance
};
