import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  listLearnings,
  promoteLessons
} from "./chunk-U4LYT7JS.mjs";
import "./chunk-JUAYUJF3.mjs";
import "./chunk-7HUEV55X.mjs";
import {
  workerAgent
} from "./chunk-UA3TJQ7U.mjs";
import "./chunk-EVSQAD4J.mjs";
import "./chunk-5UF4JJLB.mjs";
import "./chunk-MF5TMX2C.mjs";
import "./chunk-BKF7ZIAF.mjs";
import {
  loadRelayConfig
} from "./chunk-CIQRNYIC.mjs";
import {
  printJson
} from "./chunk-HAHLE5FJ.mjs";
import "./chunk-R7325EED.mjs";
import "./chunk-J73XRGZZ.mjs";
import "./chunk-R5VAHXD7.mjs";
import "./chunk-BCWZON6A.mjs";
import "./chunk-64IFK3RD.mjs";
import "./chunk-PEPFD4CA.mjs";
import "./chunk-RKO5KVIC.mjs";
import "./chunk-OTZ4R5UM.mjs";
import "./chunk-3BMRPU2F.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-QMNJTYV7.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-3NNJAZC6.mjs";
import "./chunk-JTFCDVB4.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/learnings.ts
import { relative, sep } from "node:path";
function lessonLine(l) {
  return `  - ${l.text} (seen ${l.count}\xD7, last ${l.lastSeen}${l.tags.length ? `; ${l.tags.join(", ")}` : ""})
`;
}
function section(title, lessons) {
  if (lessons.length) process.stdout.write(`${title}
${lessons.map(lessonLine).join("")}`);
}
async function promoteCommand(opts) {
  const paths = currentProject();
  const report = await promoteLessons(paths, workerAgent(loadRelayConfig(paths)));
  const written = report.written.map((f) => relative(paths.root, f).split(sep).join("/"));
  if (opts.json) return printJson({ ...report, written });
  if (!report.consumed && !report.demoted.length) {
    process.stdout.write("Nothing to promote: no learning has recurred 3 times since the last promotion.\n");
  }
  section("Promoted to AGENTS.md (## Key Learnings):", report.promoted);
  section("Reinforced (already in AGENTS.md):", report.reinforced);
  section("Demoted to the knowledge base (section over its size budget):", report.demoted);
  section("Emerging (seen twice; promoted at 3):", report.emerging);
  if (report.consumed) process.stdout.write(`Recorded ${report.consumed} receipt learning(s) as consumed in the attempt ledger${report.noise ? ` (${report.noise} judged too specific or vague, not counted)` : ""}.
`);
  process.stdout.write(report.judged_by === "agent" ? "Lessons grouped by the worker agent; relay counted them.\n" : "Lessons grouped by relay's conservative rules (the worker agent gave no usable answer).\n");
  if (written.length) process.stdout.write(`Wrote ${written.join(", ")}
`);
}
function listCommand(opts) {
  const overview = listLearnings(currentProject(), opts.staleDays);
  if (opts.json) return printJson({ ...overview, stale_days: opts.staleDays });
  section("Emerging (seen twice; one more sighting promotes them):", overview.emerging);
  section("Ready to promote (run: relay learnings promote):", overview.ready);
  section(`Stale (in AGENTS.md, not seen for ${opts.staleDays}+ days):`, overview.stale);
  if (!overview.emerging.length && !overview.ready.length && !overview.stale.length) {
    process.stdout.write(`No emerging or stale learnings (${overview.promoted.length} promoted in AGENTS.md).
`);
  }
  if (overview.held_back.length) {
    process.stdout.write(`Held back, not counted (receipts keep them):
${overview.held_back.map((h) => `  - ${h.ref}: ${h.reason}
`).join("")}`);
  }
}
export {
  listCommand,
  promoteCommand
};
