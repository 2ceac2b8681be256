import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);

// scripts/adapters/recall-sources.ts
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
function statFile(abs) {
  try {
    const st = statSync(abs);
    return st.isFile() ? { mtimeMs: st.mtimeMs, size: st.size } : null;
  } catch {
    return null;
  }
}
function markdownFiles(dir, depth = 0) {
  if (depth > 12) return [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    if (e.name.startsWith(".")) return [];
    if (e.isDirectory()) return markdownFiles(dir + sep + e.name, depth + 1);
    return e.isFile() && e.name.endsWith(".md") ? [dir + sep + e.name] : [];
  }).sort();
}
function listSources(paths) {
  let archives = [];
  try {
    archives = readdirSync(paths.progressArchive).filter((n) => /^ledger-.*\.jsonl$/.test(n)).sort().map((n) => join(paths.progressArchive, n));
  } catch {
  }
  const candidates = [
    ...archives.map((f) => [f, "episodic"]),
    [paths.episodicLedger, "episodic"],
    [paths.attemptLedger, "receipts"],
    ...markdownFiles(paths.opsKnowledge).map((f) => [f, "kb"]),
    [paths.agentsMd, "learning"]
  ];
  const under = paths.root + sep;
  const posix = (p) => sep === "/" ? p : p.split(sep).join("/");
  const rel = (abs) => posix(abs.startsWith(under) ? abs.slice(under.length) : relative(paths.root, abs));
  const files = [];
  for (const [abs, kind] of candidates) {
    const st = statFile(abs);
    if (st) files.push({ abs, kind, rel: rel(abs), mtimeMs: st.mtimeMs, size: st.size });
  }
  return files;
}

export {
  markdownFiles,
  listSources
};
