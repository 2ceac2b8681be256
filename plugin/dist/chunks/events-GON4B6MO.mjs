import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  renderSessionSummary,
  summarizeSession
} from "./chunk-ODGWY6BQ.mjs";
import {
  ledgerFiles,
  readLedgerText,
  readSessionEvents
} from "./chunk-TS6TNCTL.mjs";
import {
  EVENT_TYPES
} from "./chunk-4WRLVYEW.mjs";
import {
  currentProject
} from "./chunk-JDKDALLM.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import {
  external_exports
} from "./chunk-R5CMOSTG.mjs";
import "./chunk-62XEB27W.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/events.ts
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";

// scripts/core/events/schema.ts
var EventLineSchema = external_exports.strictObject({
  id: external_exports.string().min(1),
  timestamp: external_exports.iso.datetime({ offset: true }),
  agent: external_exports.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "expected a path-safe agent name (letters, digits, . _ -)"),
  event: external_exports.enum(EVENT_TYPES),
  task_id: external_exports.string().min(1).optional(),
  session_id: external_exports.string().min(1).optional(),
  source: external_exports.string().min(1),
  summary: external_exports.string(),
  data: external_exports.record(external_exports.string(), external_exports.unknown())
});
function ledgerPlacement(path) {
  const match = /(?:^|[\\/])ledger[\\/]([^\\/]+)[\\/](\d{4}-\d{2}-\d{2})\.jsonl$/.exec(path);
  return match ? { agent: match[1], day: match[2] } : {};
}
function issueText(issue) {
  const path = issue.path.map(String).join(".");
  const message = issue.code === "unrecognized_keys" ? `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}` : issue.message;
  return path ? `${path}: ${message}` : message;
}
function checkLedgerText(file, text, seen) {
  const problems = [];
  const lines = text.split("\n");
  const complete = lines.at(-1) === "";
  if (complete) lines.pop();
  lines.forEach((raw, index) => {
    const where = `${file.label}:${index + 1}`;
    const report = (problem) => problems.push(`${where}: ${problem}`);
    if (!complete && index === lines.length - 1) report("no newline at the end of the file: the last line may be torn");
    if (!raw.trim()) return report("empty line");
    let value;
    try {
      value = JSON.parse(raw);
    } catch {
      return report("not valid JSON (a torn or hand-edited line)");
    }
    const parsed = EventLineSchema.safeParse(value);
    if (!parsed.success) return parsed.error.issues.forEach((issue) => report(issueText(issue)));
    const event = parsed.data;
    if (file.agent && event.agent !== file.agent) report(`agent: "${event.agent}" is in the ledger folder of "${file.agent}"`);
    const day = new Date(event.timestamp).toISOString().slice(0, 10);
    if (file.day && day !== file.day) report(`timestamp: ${event.timestamp} belongs in ${day}.jsonl, not ${file.day}.jsonl`);
    const first = seen.get(event.id);
    if (!first) seen.set(event.id, { where, raw });
    else if (first.raw === raw) report(`id: duplicate of ${first.where} (an identical line, as a git union merge leaves; readers count it once)`);
    else report(`id: "${event.id}" is already used by a different event at ${first.where}`);
  });
  return problems;
}

// scripts/cli/events.ts
function validateCommand(files) {
  for (const f of files) if (!existsSync(f)) throw new RelayError(`${f}: file not found`);
  const paths = files.length ? files.map((f) => resolve(f)) : ledgerFiles(currentProject().root);
  if (!paths.length) {
    process.stdout.write("no event ledger files under .agents-os/ledger\n");
    return;
  }
  const seen = /* @__PURE__ */ new Map();
  const problems = [];
  let lines = 0;
  for (const path of paths) {
    const text = readLedgerText(path);
    lines += text.split("\n").filter(Boolean).length;
    problems.push(...checkLedgerText({ label: relative(process.cwd(), path) || path, ...ledgerPlacement(path) }, text, seen));
  }
  if (problems.length) {
    process.stdout.write(`${problems.join("\n")}
`);
    throw new RelayError(`${problems.length} problem(s) in ${paths.length} ledger file(s), ${lines} line(s)`, 1);
  }
  process.stdout.write(`ok: ${lines} event(s) in ${paths.length} file(s)
`);
}
function summaryCommand(opts) {
  const { root } = currentProject();
  const events = readSessionEvents(root, opts.session);
  if (!events.length) throw new RelayError(`no events recorded for session "${opts.session}" under .agents-os/ledger`, 1);
  process.stdout.write(renderSessionSummary(summarizeSession(opts.session, events)));
}
export {
  summaryCommand,
  validateCommand
};
