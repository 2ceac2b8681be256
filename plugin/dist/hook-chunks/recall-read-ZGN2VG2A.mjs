import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  MAX_SOURCE_BYTES,
  readFailed,
  readJsonl,
  recallDoc
} from "./chunk-WO2ZOQB7.mjs";
import {
  keyLearningsLines,
  parseLesson
} from "./chunk-VCQTONN2.mjs";
import {
  errorKey
} from "./chunk-X5UYIVYH.mjs";
import {
  Attempt,
  external_exports,
  fastYamlValue,
  flatYamlMap,
  loadYamlSnapshot,
  parseYamlStrict
} from "./chunk-OYPHPF6D.mjs";
import "./chunk-6GERIIBB.mjs";
import "./chunk-CPXVIHDN.mjs";
import {
  redact
} from "./chunk-FOMAKOLI.mjs";
import "./chunk-VED6ZBSN.mjs";

// scripts/adapters/recall-read.ts
import { readFileSync } from "node:fs";

// scripts/core/knowledge/kb.ts
var KB_CATEGORIES = ["issue", "performance", "configuration", "deployment", "recovery", "monitoring", "maintenance"];
var SEVERITIES = ["critical", "high", "medium", "low"];
var ENTRY_FILE = /^ops-learning-\d{4}(-\d{2}){5}-[a-z]+-[a-z0-9-]+\.md$/;
var SECTIONS = {
  summary: { heading: "Issue summary", hint: "", required: true },
  context: { heading: "Context", hint: "What was happening: the system, the change or load that triggered it, who noticed and how.", required: true },
  root_cause: { heading: "Root cause analysis", hint: "The cause, not the symptom: what failed, why, and why nothing caught it earlier.", required: true },
  resolution: { heading: "Resolution steps", hint: "The steps that fixed it, in order, as a numbered list.", required: true },
  commands: { heading: "Commands used", hint: "Every command that was run, inside fenced code blocks (```bash \u2026 ```).", required: true },
  changes: { heading: "Code and configuration changes", hint: "Files, settings and commits changed (paths, PR links).", required: false },
  prevention: { heading: "Prevention", hint: "Measures that stop this happening again, one per list item.", required: true },
  learning: { heading: "Learning points", hint: "Specific, reusable lessons, one per list item.", required: true },
  monitoring: { heading: "Monitoring", hint: "Alerts or dashboards added or changed, with their thresholds.", required: false },
  automation: { heading: "Automation", hint: "What was (or should be) automated so nobody repeats these steps by hand.", required: false },
  testing: { heading: "Testing", hint: "Tests added so a regression is caught before release.", required: false },
  kb_updates: { heading: "Knowledge-base updates", hint: "Runbooks, docs or other entries updated or linked.", required: false },
  follow_ups: { heading: "Follow-ups", hint: 'One per item: - [ ] action, owner: @name, due: YYYY-MM-DD. Write "None" if there are none.', required: true },
  metrics: { heading: "Metrics", hint: "Quantified, with units: time to detect, time to resolve, error rate or latency before and after.", required: true },
  validation: { heading: "Validation", hint: "How the fix was confirmed (check, query, dashboard) and what it showed.", required: true },
  tags: { heading: "Tags", hint: "The frontmatter `tags:` list is what tools read; repeat or extend it here for people.", required: false }
};
var KbFrontmatter = external_exports.looseObject({
  title: external_exports.string().trim().min(1).optional().describe("The entry's title"),
  category: external_exports.enum(KB_CATEGORIES).describe("What kind of knowledge (issue, configuration, \u2026)"),
  severity: external_exports.enum(SEVERITIES).describe("How much it matters"),
  date: external_exports.union([external_exports.iso.datetime({ offset: true }), external_exports.iso.date()], "expected an ISO 8601 date, e.g. 2026-05-01T10:20:30Z").describe("When it was written"),
  services: external_exports.array(external_exports.string().min(1)).default([]).describe("Services it concerns"),
  tags: external_exports.array(external_exports.string().min(1)).default([]).describe("Free tags for search")
});
var FENCE = /^\s{0,3}(```|~~~)/;
var HEADING_KEYS = new Map(Object.entries(SECTIONS).map(([key, spec]) => [spec.heading.toLowerCase().replace(/[^a-z]/g, ""), key]));
function headingKey(text) {
  return HEADING_KEYS.get(text.toLowerCase().replace(/^[\d.\s]+/, "").replace(/[^a-z]/g, "")) ?? null;
}
function splitFrontmatter(text) {
  const firstEnd = text.indexOf("\n");
  if ((firstEnd < 0 ? text : text.slice(0, firstEnd)).replace(/^\uFEFF/, "").trimEnd() !== "---") {
    return { yaml: null, bodyLine: 1, problems: [{ line: 1, message: "frontmatter: missing (the entry must start with a --- line, then YAML, then ---)" }] };
  }
  const yamlStart = firstEnd + 1;
  for (let line = 2, start = firstEnd < 0 ? text.length + 1 : yamlStart; start <= text.length; line++) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    if (/^(---|\.\.\.)\s*$/.test(text.slice(start, end))) return { yaml: text.slice(yamlStart, start - 1), bodyLine: line + 1, problems: [] };
    start = end + 1;
  }
  return { yaml: null, bodyLine: 2, problems: [{ line: 1, message: "frontmatter: not closed (no second --- line)" }] };
}
function parseFrontmatter(yaml) {
  const fast = KbFrontmatter.safeParse(flatYamlMap(yaml) ?? fastYamlValue(yaml));
  if (fast.success) return { value: fast.data, problems: [] };
  const { doc, problem } = parseYamlStrict(yaml);
  if (problem) return { value: null, problems: [{ line: problem.line + 1, message: `frontmatter: invalid YAML: ${problem.message}` }] };
  let raw;
  try {
    raw = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    return { value: null, problems: [{ line: 2, message: `frontmatter: invalid YAML: ${err.message.split("\n")[0]}` }] };
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { value: null, problems: [{ line: 2, message: "frontmatter: expected a YAML mapping (key: value lines)" }] };
  const parsed = KbFrontmatter.safeParse(raw);
  if (parsed.success) return { value: parsed.data, problems: [] };
  const keyLine = (key) => {
    const idx = yaml.split("\n").findIndex((l) => l.startsWith(`${String(key)}:`));
    return idx < 0 ? 1 : idx + 2;
  };
  return {
    value: null,
    problems: parsed.error.issues.map((i) => ({
      line: keyLine(i.path[0]),
      message: `frontmatter: ${i.path.join(".")}: ${i.path.length === 1 && !(String(i.path[0]) in raw) ? "missing" : i.message}`
    }))
  };
}
function splitSections(body, bodyLine) {
  let title = null;
  const sections = [];
  let fenced = false;
  body.split("\n").forEach((text, i) => {
    const line = bodyLine + i;
    const fence = FENCE.test(text);
    if (!fenced && !fence && text.charCodeAt(0) === 35) {
      const h1 = /^#\s+(.+?)\s*#*\s*$/.exec(text);
      const h2 = /^##\s+(.+?)\s*#*\s*$/.exec(text);
      if (h1 && title === null) return void (title = h1[1]);
      if (h2) return void sections.push({ key: headingKey(h2[1]), heading: h2[1], line, lines: [] });
    }
    sections.at(-1)?.lines.push({ line, text, fenced: fenced || fence });
    if (fence) fenced = !fenced;
  });
  return { title, sections };
}
function linesFrom(text, line) {
  let at = 0;
  for (let n = 1; n < line; n++) {
    const newline = text.indexOf("\n", at);
    if (newline < 0) return "";
    at = newline + 1;
  }
  return text.slice(at);
}
function parseEntry(text) {
  const normal = text.replace(/\r\n?/g, "\n");
  const split = splitFrontmatter(normal);
  const fm = split.yaml === null ? { value: null, problems: [] } : parseFrontmatter(split.yaml);
  const body = linesFrom(normal, split.bodyLine);
  const { title, sections } = splitSections(body, split.bodyLine);
  return { frontmatter: fm.value, problems: [...split.problems, ...fm.problems], title: fm.value?.title ?? title, sections, bodyLine: split.bodyLine, body };
}
function contentLines(section) {
  let inComment = false;
  const out = [];
  for (let i = 0; i < section.lines.length; i++) {
    const l = section.lines[i];
    let text = l.text;
    if (!l.fenced) {
      let kept = "";
      let rest = text;
      while (rest) {
        if (inComment) {
          const end = rest.indexOf("-->");
          if (end < 0) {
            rest = "";
            break;
          }
          inComment = false;
          rest = rest.slice(end + 3);
        } else {
          const start = rest.indexOf("<!--");
          if (start < 0) {
            kept += rest;
            break;
          }
          kept += rest.slice(0, start);
          inComment = true;
          rest = rest.slice(start + 4);
        }
      }
      text = kept;
    }
    if (text.trim() && !(l.fenced && FENCE.test(text))) out.push({ ...l, text });
  }
  return out;
}
function isTemplateOnly(entry) {
  return entry.sections.every((s) => !s.key || s.key === "summary" || s.key === "tags" || contentLines(s).length === 0);
}
function bodyWithoutHints(entry) {
  const lines = entry.body.split("\n");
  for (let s = 0; s < entry.sections.length; s++) {
    const section = entry.sections[s];
    const kept = contentLines(section);
    for (let i = 0, k = 0; i < section.lines.length; i++) {
      const l = section.lines[i];
      lines[l.line - entry.bodyLine] = kept[k]?.line === l.line ? kept[k++].text : "";
    }
  }
  return lines.join("\n");
}

// scripts/core/knowledge/recall-docs.ts
var RECEIPT_PARTS = [["summary", "summary"], ["error", "error_summary"], ["tried", "approach_taken"], ["suggestion", "suggestion"], ["learning", "learning"]];
function receiptText(r) {
  const lines = [];
  for (let i = 0; i < RECEIPT_PARTS.length; i++) {
    const value = r[RECEIPT_PARTS[i][1]]?.trim();
    if (value) lines.push(`${RECEIPT_PARTS[i][0]}: ${value}`);
  }
  for (let i = 0; i < r.quality_gate_findings.length; i++) lines.push(`finding: ${r.quality_gate_findings[i]}`);
  return lines.join("\n");
}
function receiptDocs(file, ledger, lineOf, sink) {
  const out = { docs: [], facts: [], problems: [] };
  const put = sink ?? ((d) => void out.docs.push(d));
  const attempts = ledger?.attempts;
  if (!attempts || typeof attempts !== "object") return out;
  for (const [taskId, list] of Object.entries(attempts)) {
    if (!Array.isArray(list)) continue;
    const parsed = list.map((raw, i) => {
      const a = Attempt.safeParse(raw);
      const issue = a.error?.issues[0];
      if (issue) out.problems.push(`${file}:${lineOf(taskId, i)}: ${[`attempts.${taskId}[${i}]`, ...issue.path.map(String)].join(".")}: ${issue.message}`);
      return a.success ? a.data : null;
    });
    parsed.forEach((a, i) => {
      const r = a?.receipt;
      if (!a || !r) return;
      const line = lineOf(taskId, i);
      put(recallDoc({
        id: `${file}#${taskId}.${a.id}`,
        source: "receipt",
        file,
        line,
        task: taskId,
        tags: r.pattern_tags,
        verbatim: false,
        title: `${taskId} attempt ${a.id}: ${a.result}${r.error_category ? ` (${r.error_category})` : ""}`,
        text: receiptText(r)
      }));
      const fingerprint = a.result === "failure" ? errorKey(r.error_summary ?? r.quality_gate_findings.join(" ")) : null;
      if (!fingerprint) return;
      const fix = parsed.slice(i + 1).find((later) => later?.result === "success");
      const by = fix?.receipt ? `${taskId} attempt ${fix.id}: ${(fix.receipt.learning ?? fix.receipt.summary).trim()}` : void 0;
      out.facts.push({ fingerprint, link: `${file}:${line}`, task: taskId, ...by ? { resolvedBy: redact(by) } : {} });
    });
  }
  return out;
}
function kbDocs(file, text) {
  const entry = parseEntry(text);
  const fm = entry.frontmatter;
  const name = file.split("/").at(-1);
  const isEntry = ENTRY_FILE.test(name);
  if (isEntry && entry.sections.length && isTemplateOnly(entry)) return { docs: [], facts: [], problems: [] };
  const frontmatter = fm ? [] : text.replace(/\r\n?/g, "\n").split("\n").slice(0, entry.bodyLine - 1);
  return {
    docs: [recallDoc({
      source: "kb",
      file,
      line: fm ? entry.bodyLine : 1,
      verbatim: true,
      title: entry.title ?? name.replace(/\.md$/, ""),
      text: [...frontmatter, bodyWithoutHints(entry)].join("\n"),
      tags: fm ? [...fm.tags, ...fm.services, fm.category] : []
    })],
    facts: [],
    problems: isEntry ? entry.problems.map((p) => `${file}:${p.line}: ${p.message}`) : []
  };
}
function learningDocs(file, text) {
  const docs = keyLearningsLines(text).flatMap(({ line, text: raw }) => {
    if (!/^\s*[-*]\s+\S/.test(raw)) return [];
    const lesson = parseLesson(raw);
    return [recallDoc({
      source: "learning",
      file,
      line,
      verbatim: true,
      title: "Key Learnings",
      text: lesson ? `${lesson.text} (seen ${lesson.count} times, last ${lesson.lastSeen})` : raw.replace(/^\s*[-*]\s+/, ""),
      tags: lesson?.tags ?? []
    })];
  });
  return { docs, facts: [], problems: [] };
}

// scripts/adapters/recall-read.ts
function attemptLines(text) {
  const lines = /* @__PURE__ */ new Map();
  let inAttempts = false;
  let task = null;
  let item = null;
  for (let start = 0, n = 1; start <= text.length; n++) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    const at = start;
    start = end + 1;
    if (text.charCodeAt(at) !== 32) {
      const line = text.slice(at, end);
      if (/^\S/.test(line)) inAttempts = /^attempts:\s*$/.test(line);
      continue;
    }
    if (!inAttempts) continue;
    const third = text.charCodeAt(at + 2);
    if (text.charCodeAt(at + 1) === 32 && third !== 32 && third !== 9) {
      const key = /^ {2}(["']?)([^\s"':#][^"':]*)\1:\s*$/.exec(text.slice(at, end));
      if (key) {
        lines.set(key[2], task = []);
        item = null;
        continue;
      }
    }
    if (!task) continue;
    if (item === null) {
      const first = /^( +)- /.exec(text.slice(at, end));
      if (first) {
        item = `${first[1]}- `;
        task.push(n);
      }
    } else if (text.startsWith(item, at)) task.push(n);
  }
  return (taskId, index) => lines.get(taskId)?.[index] ?? 1;
}
function attemptLedgerDocs(paths, rel, text, sink) {
  let ledger;
  try {
    ledger = loadYamlSnapshot(paths.attemptLedger, external_exports.unknown(), paths.ledgerSnapshot);
  } catch (err) {
    return { docs: [], facts: [], problems: [err.message] };
  }
  return receiptDocs(rel, ledger, attemptLines(text), sink);
}
function readListed(f) {
  if (f.size > MAX_SOURCE_BYTES) throw Object.assign(new Error(`${f.rel}: file is ${f.size} bytes, more than the ${MAX_SOURCE_BYTES}-byte limit`), { code: "EFBIG" });
  return readFileSync(f.abs, "utf8");
}
function readSource(paths, f, sink) {
  try {
    if (f.kind === "episodic") return readJsonl(f, sink);
    const text = readListed(f);
    if (f.kind === "receipts") return { kind: f.kind, mtimeMs: f.mtimeMs, size: f.size, ...attemptLedgerDocs(paths, f.rel, text, sink) };
    const extracted = f.kind === "kb" ? kbDocs(f.rel, text) : learningDocs(f.rel, text);
    if (sink) {
      for (const d of extracted.docs) sink(d);
      extracted.docs = [];
    }
    return { kind: f.kind, mtimeMs: f.mtimeMs, size: f.size, ...extracted };
  } catch (err) {
    return readFailed(f, err);
  }
}
export {
  readSource
};
