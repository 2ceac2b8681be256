import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  readKeyLearnings,
  replaceKeyLearnings,
  sameLesson
} from "./chunk-JUAYUJF3.mjs";
import {
  execa
} from "./chunk-5UF4JJLB.mjs";
import {
  checkEpic
} from "./chunk-64IFK3RD.mjs";
import {
  parseYamlText,
  restateYamlText
} from "./chunk-RKO5KVIC.mjs";
import {
  LedgerIndex
} from "./chunk-2VKVEHDW.mjs";
import {
  AttemptLedger
} from "./chunk-QMNJTYV7.mjs";
import {
  parseWith
} from "./chunk-4UMD7KWD.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";

// scripts/core/merge/kinds.ts
function mergeKindOf(path) {
  const p = path.replace(/\\/g, "/").replace(/^\.\//, "");
  if (p === ".agents-os/relay/attempt-ledger.yml") return "attempt-ledger";
  if (p === ".agents-os/relay/epic.yml") return "epic";
  if (p === "progress/NOTES.md" || /^progress\/archive\/NOTES-\d{4}\.md$/.test(p) || p === "docs/ops-knowledge/learnings/key-learnings-provenance.md") return "notes";
  if (p === "AGENTS.md") return "key-learnings";
  if (p === "progress/ledger-index.json") return "ledger-index";
  if (p.endsWith(".jsonl")) return "jsonl";
  return null;
}
function lineKey(line) {
  try {
    const record = JSON.parse(line);
    const id = typeof record.id === "string" ? record.id : record.task_id;
    if (typeof id === "string") return `id:${id}`;
  } catch {
  }
  return line;
}
var keyed = (text) => new Map(text.split("\n").filter((l) => l.trim()).map((l) => [lineKey(l), l]));
function mergeJsonl(base, ours, theirs) {
  const [b, o, t] = [keyed(base), keyed(ours), keyed(theirs)];
  const merged = /* @__PURE__ */ new Map();
  for (const [key, line] of [...o, ...t]) {
    if (b.has(key) && !(o.has(key) && t.has(key))) continue;
    if (!merged.has(key)) merged.set(key, line);
  }
  return merged.size ? `${[...merged.values()].join("\n")}
` : "";
}

// scripts/adapters/relay-merge.ts
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// scripts/core/merge/attempt-ledger.ts
import { isDeepStrictEqual as isDeepStrictEqual2 } from "node:util";

// scripts/core/merge/three-way.ts
import { isDeepStrictEqual } from "node:util";
function isMap(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
var ABSENT = void 0;
function mergeValues(base, ours, theirs, path = []) {
  if (isDeepStrictEqual(ours, theirs)) return { value: ours, contradictions: [] };
  if (isDeepStrictEqual(base, ours)) return { value: theirs, contradictions: [] };
  if (isDeepStrictEqual(base, theirs)) return { value: ours, contradictions: [] };
  if (isMap(ours) && isMap(theirs)) {
    const b = isMap(base) ? base : {};
    const value = {};
    const contradictions = [];
    for (const key of /* @__PURE__ */ new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
      const m = mergeValues(b[key] ?? ABSENT, ours[key] ?? ABSENT, theirs[key] ?? ABSENT, [...path, key]);
      contradictions.push(...m.contradictions);
      if (m.value !== ABSENT) value[key] = m.value;
    }
    return { value, contradictions };
  }
  return { value: ours, contradictions: [{ path: path.join("."), ours, theirs }] };
}

// scripts/core/merge/attempt-ledger.ts
var attemptKey = (a) => a.started_at;
function progress(a) {
  return a.result === "in_progress" ? 0 : 1;
}
function pickAttempt(base, ours, theirs) {
  if (!ours) return theirs;
  if (!theirs || isDeepStrictEqual2(ours, theirs)) return ours;
  if (base && isDeepStrictEqual2(base, ours)) return theirs;
  if (base && isDeepStrictEqual2(base, theirs)) return ours;
  return progress(theirs) > progress(ours) || progress(theirs) === progress(ours) && (theirs.ended_at ?? "") > (ours.ended_at ?? "") ? theirs : ours;
}
function mergeTaskAttempts(base, ours, theirs) {
  const byKey = (list2) => new Map(list2.map((a) => [attemptKey(a), a]));
  const [b, o, t] = [byKey(base), byKey(ours), byKey(theirs)];
  const keys = [.../* @__PURE__ */ new Set([...o.keys(), ...t.keys()])].sort();
  const list = keys.map((key, i) => ({ ...pickAttempt(b.get(key), o.get(key), t.get(key)), id: i + 1 }));
  const newId = new Map(keys.map((key, i) => [key, i + 1]));
  const mapOf = (side) => new Map(side.map((a) => [a.id, newId.get(attemptKey(a))]));
  return { list, renumber: { ours: mapOf(ours), theirs: mapOf(theirs) } };
}
function mergeGate(task, ours, theirs) {
  const candidates = [ours, theirs].flatMap((side) => side.gated_tasks[task] ? [side.gated_tasks[task]] : []);
  const ungated = [ours, theirs].map((side) => side.ungated_at?.[task] ?? "").sort().at(-1) ?? "";
  const standing = candidates.filter((g) => g.gated_at > ungated).sort((x, y) => x.gated_at.localeCompare(y.gated_at));
  return standing.at(-1);
}
function mergeStreakStart(task, side, renumber) {
  const start = side.streak_start[task] ?? 0;
  const boundary = (side.attempts[task] ?? [])[start - 1];
  return boundary ? renumber.get(boundary.id) : 0;
}
function mergeStatus(attempts, gated, ours, theirs) {
  if (gated) return "gated";
  if ((ours === "completed" || theirs === "completed") && attempts.some((a) => a.result === "success")) return "completed";
  if (attempts.some((a) => a.result === "in_progress")) return "in_progress";
  return ours === "blocked" && theirs === "blocked" ? "blocked" : "pending";
}
function renumberRef(ref, renumber) {
  const m = /^(.+)#(\d+)$/.exec(ref);
  const moved = m ? renumber.get(m[1])?.get(Number(m[2])) : void 0;
  return m && moved ? `${m[1]}#${moved}` : ref;
}
function mergeAttemptLedgers(base, ours, theirs, file) {
  if (ours.epic_id !== theirs.epic_id) {
    throw new RelayError(`${file}: the branches hold different epics (${ours.epic_id} and ${theirs.epic_id}); keep one side (git checkout --ours or --theirs) and re-run relay init for the other plan`, 1);
  }
  const tasks = [.../* @__PURE__ */ new Set([...Object.keys(ours.task_status), ...Object.keys(theirs.task_status), ...Object.keys(ours.attempts), ...Object.keys(theirs.attempts)])];
  const attempts = {};
  const gated_tasks = {};
  const streak_start = {};
  const task_status = {};
  const ungated_at = {};
  const renumberOurs = /* @__PURE__ */ new Map();
  const renumberTheirs = /* @__PURE__ */ new Map();
  for (const task of tasks) {
    const merged = mergeTaskAttempts(base?.attempts[task] ?? [], ours.attempts[task] ?? [], theirs.attempts[task] ?? []);
    renumberOurs.set(task, merged.renumber.ours);
    renumberTheirs.set(task, merged.renumber.theirs);
    if (merged.list.length || ours.attempts[task] || theirs.attempts[task]) attempts[task] = merged.list;
    const gate = mergeGate(task, ours, theirs);
    if (gate) gated_tasks[task] = gate;
    const streak = Math.max(mergeStreakStart(task, ours, merged.renumber.ours), mergeStreakStart(task, theirs, merged.renumber.theirs));
    if (streak || ours.streak_start[task] !== void 0 || theirs.streak_start[task] !== void 0) streak_start[task] = streak;
    const lastUngate = [ours.ungated_at?.[task], theirs.ungated_at?.[task]].filter(Boolean).sort().at(-1);
    if (lastUngate) ungated_at[task] = lastUngate;
    task_status[task] = mergeStatus(merged.list, Boolean(gate), ours.task_status[task], theirs.task_status[task]);
  }
  const promoted = [
    ...ours.promoted_learnings.map((r) => renumberRef(r, renumberOurs)),
    ...theirs.promoted_learnings.map((r) => renumberRef(r, renumberTheirs))
  ];
  const settings = mergeValues(base?.settings, ours.settings, theirs.settings).value;
  return {
    version: 1,
    epic_id: ours.epic_id,
    started_at: [ours.started_at, theirs.started_at].sort()[0],
    settings,
    task_status,
    attempts,
    gated_tasks,
    streak_start,
    ...Object.keys(ungated_at).length ? { ungated_at } : {},
    promoted_learnings: [...new Set(promoted)]
  };
}

// scripts/core/merge/epic.ts
var shown = (v) => v === void 0 ? "(removed)" : JSON.stringify(v).slice(0, 80);
function mergeEpics(base, ours, theirs, file) {
  const { value, contradictions } = mergeValues(base, ours, theirs);
  if (contradictions.length) {
    const list = contradictions.map((c) => `${c.path || "(whole file)"}: ours ${shown(c.ours)}, theirs ${shown(c.theirs)}`).join("; ");
    throw new RelayError(`${file}: both branches changed the same field of the epic: ${list}; edit the file to the value you want, then git add it`, 1);
  }
  return checkEpic(value, file);
}

// scripts/core/merge/notes.ts
var RECORD_HEADING = /^## .+ · .+ · .+$/;
function splitNotes(text) {
  const lines = text.split("\n");
  const sections = /* @__PURE__ */ new Map();
  let head = [];
  let heading = null;
  let body = [];
  const close = () => {
    if (heading !== null) sections.set(heading, body.join("\n"));
  };
  for (const line of lines) {
    if (RECORD_HEADING.test(line.replace(/\r$/, ""))) {
      close();
      heading = line;
      body = [line];
    } else if (heading === null) head.push(line);
    else body.push(line);
  }
  close();
  if (heading === null) head = lines;
  return { head: head.join("\n"), sections };
}
var sectionTime = (heading) => heading.slice(3).split(" \xB7 ")[0];
var withNewline = (text) => text.endsWith("\n") ? text : `${text}
`;
function mergeNotes(base, ours, theirs) {
  if (ours === theirs || base === theirs) return ours;
  if (base === ours) return theirs;
  const [b, o, t] = [splitNotes(base), splitNotes(ours), splitNotes(theirs)];
  const archived = (key) => b.sections.has(key) && !(o.sections.has(key) && t.sections.has(key));
  const keys = [.../* @__PURE__ */ new Set([...o.sections.keys(), ...t.sections.keys()])].filter((k) => !archived(k));
  keys.sort((x, y) => sectionTime(x).localeCompare(sectionTime(y)) || x.localeCompare(y));
  const head = o.head === b.head ? t.head : o.head;
  const body = keys.map((k) => withNewline(o.sections.get(k) ?? t.sections.get(k)));
  return [withNewline(head), ...body].join("").replace(/\n*$/, "\n");
}

// scripts/core/merge/key-learnings.ts
import { isDeepStrictEqual as isDeepStrictEqual3 } from "node:util";
var EMPTY = { manual: [], lessons: [] };
function withEmptyKeyLearnings(doc) {
  return withKeyLearnings(doc, EMPTY, readKeyLearnings(doc));
}
function find(list, lesson) {
  return list.find((l) => sameLesson(l, lesson));
}
function mergeKeyLearnings(base, ours, theirs) {
  const lessons = [];
  for (const lesson of [...ours.lessons, ...theirs.lessons]) {
    if (find(lessons, lesson)) continue;
    const [b, o, t] = [find(base.lessons, lesson), find(ours.lessons, lesson), find(theirs.lessons, lesson)];
    if (b && (!o || !t)) continue;
    if (o && t) {
      const added = o.count + t.count - (b?.count ?? 0);
      lessons.push({ text: o.text, tags: [.../* @__PURE__ */ new Set([...o.tags, ...t.tags])], count: Math.max(added, o.count, t.count), lastSeen: o.lastSeen > t.lastSeen ? o.lastSeen : t.lastSeen, refs: [] });
    } else lessons.push(o ?? t);
  }
  const manual = isDeepStrictEqual3(ours.manual, base.manual) ? theirs.manual : isDeepStrictEqual3(theirs.manual, base.manual) ? ours.manual : [.../* @__PURE__ */ new Set([...ours.manual, ...theirs.manual])];
  return { manual, lessons };
}
function withKeyLearnings(doc, section, current = section) {
  return isDeepStrictEqual3(current, EMPTY) && !/^##\s+Key Learnings/im.test(doc) ? doc : replaceKeyLearnings(doc, section);
}

// scripts/core/merge/ledger-index.ts
var minOf = (...xs) => xs.filter((x) => Boolean(x)).sort()[0] ?? null;
var maxOf = (...xs) => xs.filter((x) => Boolean(x)).sort().at(-1) ?? null;
function mergeLedgerIndex(base, ours, theirs, file) {
  const read = (text, side) => text.trim() ? parseWith(LedgerIndex, JSON.parse(text), `${file} (${side})`) : { version: 1, archives: [] };
  const [b, o, t] = [read(base, "base"), read(ours, "ours"), read(theirs, "theirs")];
  const byFile = (index) => new Map(index.archives.map((e) => [e.file, e]));
  const [bf, of, tf] = [byFile(b), byFile(o), byFile(t)];
  const archives = [];
  for (const name of /* @__PURE__ */ new Set([...of.keys(), ...tf.keys()])) {
    const [be, oe, te] = [bf.get(name), of.get(name), tf.get(name)];
    if (!oe || !te) {
      archives.push(oe ?? te);
      continue;
    }
    const count = oe.count + te.count - (be?.count ?? 0);
    archives.push({ ...oe, count: Math.max(count, oe.count, te.count), from: minOf(oe.from, te.from), to: maxOf(oe.to, te.to) });
  }
  const merged = { version: 1, archives: archives.sort((x, y) => x.quarter.localeCompare(y.quarter)) };
  return `${JSON.stringify(merged, null, 2)}
`;
}

// scripts/adapters/relay-merge.ts
async function mergeText(base, ours, theirs) {
  const dir = mkdtempSync(join(tmpdir(), "relay-merge-"));
  try {
    const [o, b, t] = ["ours", "base", "theirs"].map((n) => join(dir, n));
    writeFileSync(o, ours);
    writeFileSync(b, base);
    writeFileSync(t, theirs);
    const run = await execa("git", ["merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs", o, b, t], { reject: false, stripFinalNewline: false });
    if (run.exitCode === void 0 || run.exitCode < 0 || run.exitCode > 127) throw new RelayError(`git merge-file failed: ${run.stderr.split("\n")[0]}`);
    return { text: run.stdout, conflicted: run.exitCode > 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
function ledgerOf(text, file, side) {
  return parseWith(AttemptLedger, parseYamlText(text, `${file} (${side})`), `${file} (${side})`);
}
async function mergeVersions(kind, file, base, ours, theirs) {
  switch (kind) {
    case "attempt-ledger": {
      const merged = mergeAttemptLedgers(base?.trim() ? ledgerOf(base, file, "base") : null, ledgerOf(ours, file, "ours"), ledgerOf(theirs, file, "theirs"), file);
      return { text: restateYamlText(ours, merged, file) };
    }
    case "epic": {
      const value = (text, side) => text?.trim() ? parseYamlText(text, `${file} (${side})`) : void 0;
      try {
        return { text: restateYamlText(ours, mergeEpics(value(base, "base"), value(ours, "ours"), value(theirs, "theirs"), file), file) };
      } catch (err) {
        if (!(err instanceof RelayError)) throw err;
        return { text: (await mergeText(base ?? "", ours, theirs)).text, contradiction: err.message };
      }
    }
    case "notes":
      return { text: mergeNotes(base ?? "", ours, theirs) };
    case "key-learnings": {
      const prose = await mergeText(withEmptyKeyLearnings(base ?? ""), withEmptyKeyLearnings(ours), withEmptyKeyLearnings(theirs));
      const section = mergeKeyLearnings(readKeyLearnings(base ?? ""), readKeyLearnings(ours), readKeyLearnings(theirs));
      const text = withKeyLearnings(prose.text, section);
      return prose.conflicted ? { text, contradiction: `${file}: both branches changed the same lines of the prose; the Key Learnings section is merged, settle the marked lines by hand` } : { text };
    }
    case "jsonl":
      return { text: mergeJsonl(base ?? "", ours, theirs) };
    case "ledger-index":
      return { text: mergeLedgerIndex(base ?? "", ours, theirs, file) };
  }
}

export {
  mergeKindOf,
  mergeText,
  mergeVersions
};
