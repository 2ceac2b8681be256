import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  MAX_SOURCE_BYTES,
  readFailed,
  readJsonl,
  recallDoc
} from "./chunk-LX34HPGB.mjs";
import {
  keyLearningsLines,
  parseLesson
} from "./chunk-JUAYUJF3.mjs";
import {
  errorKey
} from "./chunk-GTO7XDNX.mjs";
import "./chunk-7HUEV55X.mjs";
import "./chunk-PEPFD4CA.mjs";
import {
  loadYamlSnapshot
} from "./chunk-RKO5KVIC.mjs";
import {
  redact
} from "./chunk-OTZ4R5UM.mjs";
import {
  ENTRY_FILE,
  bodyWithoutHints,
  isTemplateOnly,
  parseEntry
} from "./chunk-IV4PP3SH.mjs";
import "./chunk-3BMRPU2F.mjs";
import "./chunk-AV66IWWN.mjs";
import {
  Attempt
} from "./chunk-QMNJTYV7.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import {
  external_exports
} from "./chunk-3NNJAZC6.mjs";
import "./chunk-JTFCDVB4.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/adapters/recall-read.ts
import { readFileSync } from "node:fs";

// scripts/core/knowledge/recall-docs.ts
function receiptText(r) {
  const parts = [
    ["summary", r.summary],
    ["error", r.error_summary],
    ["tried", r.approach_taken],
    ["suggestion", r.suggestion],
    ["learning", r.learning]
  ];
  return [...parts.filter(([, v]) => v?.trim()).map(([k, v]) => `${k}: ${v.trim()}`), ...r.quality_gate_findings.map((f) => `finding: ${f}`)].join("\n");
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
      extracted.docs.forEach(sink);
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
