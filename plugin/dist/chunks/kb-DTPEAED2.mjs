import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  markdownFiles
} from "./chunk-FLZRZ666.mjs";
import {
  printJson
} from "./chunk-HAHLE5FJ.mjs";
import {
  redact
} from "./chunk-OTZ4R5UM.mjs";
import {
  ENTRY_FILE,
  KB_CATEGORIES,
  SEVERITIES,
  checkEntry,
  entryRelativePath,
  parseEntry,
  renderEntry
} from "./chunk-IV4PP3SH.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-3NNJAZC6.mjs";
import {
  readTextBounded,
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/kb.ts
import { existsSync as existsSync2, statSync } from "node:fs";
import { basename, relative, resolve as resolve2, sep as sep2 } from "node:path";

// scripts/adapters/ops-knowledge.ts
import { existsSync } from "node:fs";
import { resolve, sep } from "node:path";
function createEntry(paths, entry) {
  const root = resolve(paths.opsKnowledge);
  let file = "";
  for (let n = 1; !file || existsSync(file); n++) file = resolve(root, entryRelativePath(entry, n === 1 ? "" : `-${n}`));
  if (!file.startsWith(root + sep)) throw new RelayError(`--title: the entry path would leave ${paths.opsKnowledge}`);
  writeFileAtomic(file, redact(renderEntry(entry)));
  return file;
}

// scripts/cli/kb.ts
var MAX_ENTRY_BYTES = 16 * 1024 * 1024;
function oneOf(flag, value, allowed) {
  if (!allowed.includes(value)) throw new RelayError(`${flag}: expected one of ${allowed.join(", ")}, got "${value}"`);
  return value;
}
function list(value) {
  return [...new Set((value ?? "").split(",").map((s) => redact(s.trim())).filter(Boolean))];
}
function parseDate(value) {
  if (value === void 0) return /* @__PURE__ */ new Date();
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) throw new RelayError(`--date: expected an ISO 8601 date such as 2026-05-01T10:20:30Z, got "${value}"`);
  return date;
}
function kbNewCommand(opts) {
  const paths = currentProject();
  const title = redact(opts.title.replace(/\s+/g, " ").trim());
  if (!title) throw new RelayError("--title: must not be empty");
  const entry = {
    category: oneOf("--category", opts.category, KB_CATEGORIES),
    severity: oneOf("--severity", opts.severity, SEVERITIES),
    title,
    services: list(opts.service),
    tags: list(opts.tags),
    date: parseDate(opts.date),
    ...opts.duration ? { duration: redact(opts.duration) } : {},
    ...opts.impact ? { impact: redact(opts.impact) } : {}
  };
  const file = createEntry(paths, entry);
  process.stdout.write(`${relative(paths.root, file).split(sep2).join("/")}
`);
}
function kbCheckCommand(files, opts) {
  const paths = currentProject();
  for (const f of files) {
    if (!existsSync2(f)) throw new RelayError(`${f}: file not found`);
    if (!statSync(f).isFile()) throw new RelayError(`${f}: not a file`);
  }
  const targets = files.length ? files.map((f) => resolve2(f)) : markdownFiles(paths.opsKnowledge).filter((f) => ENTRY_FILE.test(basename(f)));
  const show = (abs) => relative(process.cwd(), abs).split(sep2).join("/") || abs;
  const reports = targets.map((abs) => ({ file: show(abs), findings: checkEntry(parseEntry(readTextBounded(abs, MAX_ENTRY_BYTES))) }));
  const incomplete = reports.filter((r) => r.findings.length);
  const problems = incomplete.reduce((n, r) => n + r.findings.length, 0);
  if (opts.json) {
    printJson({ entries: reports.map((r) => ({ file: r.file, complete: !r.findings.length, findings: r.findings })), checked: reports.length, incomplete: incomplete.length });
  } else {
    for (const r of reports) {
      if (!r.findings.length) process.stdout.write(`${r.file}: complete
`);
      for (const f of r.findings) process.stdout.write(`${r.file}:${f.line}: ${f.message}
`);
    }
    if (!reports.length) process.stdout.write(`no ops-learning entries under ${show(paths.opsKnowledge)}; create one with: relay kb new
`);
  }
  if (incomplete.length) throw new RelayError(`${problems} problem(s) in ${incomplete.length} of ${reports.length} entr${reports.length === 1 ? "y" : "ies"}`, 1);
}
async function kbSearchCommand(query, opts) {
  await (await import("./recall-IJBVL7CS.mjs")).recallCommand(query, { ...opts, sources: ["kb"] });
}
export {
  kbCheckCommand,
  kbNewCommand,
  kbSearchCommand
};
