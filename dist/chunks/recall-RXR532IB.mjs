import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  listLearnings,
  promoteLearnings
} from "./chunk-F2OOBF6E.mjs";
import {
  describeHistory,
  openRecallIndex
} from "./chunk-5IKO7NHC.mjs";
import "./chunk-GJF3F6IP.mjs";
import {
  painter,
  printJson
} from "./chunk-HAHLE5FJ.mjs";
import "./chunk-GY4ZKKFQ.mjs";
import "./chunk-PH3F5M6G.mjs";
import "./chunk-YNRSTOJV.mjs";
import "./chunk-6IC42XJH.mjs";
import "./chunk-C7THR5JC.mjs";
import "./chunk-R5CMOSTG.mjs";
import "./chunk-KHAQNFQS.mjs";
import {
  currentProject
} from "./chunk-FBIE3MHA.mjs";
import "./chunk-WNAZAN7Z.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/recall.ts
import { relative, sep } from "node:path";
function recallCommand(query, opts) {
  const paths = currentProject();
  const index = openRecallIndex(paths);
  const hits = index.search(query, { limit: opts.limit, ...opts.sources ? { sources: opts.sources } : {} });
  const history = opts.sources ? null : index.history(query);
  if (opts.json) {
    printJson({
      query,
      results: hits.map((h, i) => ({ rank: i + 1, source: h.doc.source, title: h.doc.title, snippet: h.snippet, link: h.link, file: h.doc.file, score: h.score, tags: h.doc.tags })),
      error_history: history ? { ...history, summary: describeHistory(history) } : null,
      index: index.build,
      problems: index.problems
    });
  } else {
    const paint = painter();
    if (history) process.stdout.write(`${paint("bold", "This error:")} ${describeHistory(history)} (${history.links.slice(-3).join(", ")})

`);
    if (!hits.length) process.stdout.write(`no matches for "${query}" in ${index.build.sources} source file(s)
`);
    hits.forEach((h, i) => {
      process.stdout.write(`${i + 1}. ${paint("cyan", `[${h.doc.source}]`)} ${paint("bold", h.doc.title)}  ${paint("dim", `score ${h.score}`)}
   ${h.link}
   ${h.snippet}
`);
    });
  }
  if (index.problems.length) {
    process.stderr.write(`relay: ${index.problems.length} problem(s) reading the sources (indexed what could be read); first: ${index.problems[0]}
`);
  }
}
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
  const report = await promoteLearnings(paths);
  const written = report.written.map((f) => relative(paths.root, f).split(sep).join("/"));
  if (opts.json) return printJson({ ...report, written });
  if (!report.consumed && !report.demoted.length) {
    process.stdout.write("Nothing to promote: no learning has recurred 3 times since the last promotion.\n");
  }
  section("Promoted to AGENTS.md (## Key Learnings):", report.promoted);
  section("Reinforced (already in AGENTS.md):", report.reinforced);
  section("Demoted to the knowledge base (section over its size budget):", report.demoted);
  section("Emerging (seen twice; promoted at 3):", report.emerging);
  if (report.consumed) process.stdout.write(`Recorded ${report.consumed} receipt learning(s) as promoted in the attempt ledger.
`);
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
}
export {
  listCommand,
  promoteCommand,
  recallCommand
};
