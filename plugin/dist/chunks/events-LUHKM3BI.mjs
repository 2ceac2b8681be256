import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  renderSessionSummary,
  summarizeSession
} from "./chunk-ODGWY6BQ.mjs";
import {
  ledgerFiles,
  readLedgerText,
  readSessionEvents
} from "./chunk-HRINFOH6.mjs";
import {
  checkLedgerText,
  ledgerPlacement
} from "./chunk-6QK7G6I6.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-3NNJAZC6.mjs";
import "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/events.ts
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
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
async function summaryCommand(opts) {
  if (!opts.session) return (await import("./agents-2IFIGHYI.mjs")).agentsStatusCommand(opts);
  const { root } = currentProject();
  const events = readSessionEvents(root, opts.session);
  if (!events.length) throw new RelayError(`no events recorded for session "${opts.session}" under .agents-os/ledger`, 1);
  process.stdout.write(renderSessionSummary(summarizeSession(opts.session, events)));
}
export {
  summaryCommand,
  validateCommand
};
