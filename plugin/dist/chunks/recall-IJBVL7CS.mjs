import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  openRecallIndex
} from "./chunk-KXSVJWNL.mjs";
import "./chunk-FLZRZ666.mjs";
import {
  describeHistory,
  recallReport
} from "./chunk-GTO7XDNX.mjs";
import "./chunk-7HUEV55X.mjs";
import {
  painter,
  printJson
} from "./chunk-HAHLE5FJ.mjs";
import "./chunk-PEPFD4CA.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-JTFCDVB4.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/recall.ts
async function recallCommand(query, opts) {
  const paths = currentProject();
  const index = await openRecallIndex(paths);
  const hits = index.search(query, { limit: opts.limit, ...opts.sources ? { sources: opts.sources } : {} });
  const history = opts.sources ? null : index.history(query);
  if (opts.json) {
    printJson(recallReport(query, hits, history, index));
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
  process.stdout.write("", () => process.exit());
}
export {
  recallCommand
};
