import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  printJson
} from "./chunk-HAHLE5FJ.mjs";
import {
  updateYaml
} from "./chunk-RKO5KVIC.mjs";
import {
  redact
} from "./chunk-OTZ4R5UM.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import {
  external_exports
} from "./chunk-3NNJAZC6.mjs";
import {
  readTextBounded,
  withLock,
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/redact.ts
import { relative } from "node:path";

// scripts/adapters/redact-files.ts
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
var MAX_FILE_BYTES = 256 * 1024 * 1024;
var SKIP_DIRS = /* @__PURE__ */ new Set([".git", "node_modules"]);
function filesUnder(paths) {
  const out = [];
  const visit = (path) => {
    const st = statSync(path);
    if (st.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!SKIP_DIRS.has(name)) visit(join(path, name));
    } else if (st.isFile()) out.push(path);
  };
  for (const p of paths) visit(p);
  return out;
}
function readText(file) {
  const text = readTextBounded(file, MAX_FILE_BYTES);
  return text.slice(0, 8192).includes("\0") ? void 0 : text;
}
var MARKERS = /\[REDACTED:([a-z0-9-]+)\]/g;
function scanFile(file) {
  const text = readText(file);
  if (text === void 0) return [];
  const findings = [];
  const redacted = redact(text);
  if (redacted === text) return findings;
  text.split("\n").forEach((line, i) => {
    const out = redact(line);
    if (out === line) return;
    const before = new Set([...line.matchAll(MARKERS)].map((m) => m[1]));
    const kinds = [...new Set([...out.matchAll(MARKERS)].map((m) => m[1]))].filter((k) => !before.has(k));
    findings.push({ file, line: i + 1, kinds: kinds.length ? kinds : ["secret"] });
  });
  if (!findings.length) findings.push({ file, line: 1, kinds: [...new Set([...redacted.matchAll(MARKERS)].map((m) => m[1]))] });
  return findings;
}
async function fixFile(file) {
  if (/\.ya?ml$/i.test(file)) {
    const before = readText(file);
    if (before === void 0 || redact(before) === before) return false;
    await updateYaml(file, external_exports.unknown(), (current) => ({ next: current, result: void 0 }));
    return true;
  }
  return withLock(file, () => {
    for (; ; ) {
      const text = readText(file);
      if (text === void 0) return false;
      const size = statSync(file).size;
      const fixed = /\.jsonl$/i.test(file) ? text.split("\n").map(redact).join("\n") : redact(text);
      if (fixed === text) return false;
      if (statSync(file).size !== size) continue;
      writeFileAtomic(file, fixed);
      return true;
    }
  });
}

// scripts/cli/redact.ts
async function stdinText() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
function files(paths) {
  try {
    return filesUnder(paths);
  } catch (err) {
    const e = err;
    throw new RelayError(`${e.path ?? paths.join(" ")}: ${e.code === "ENOENT" ? "not found" : `cannot read (${e.code})`}`);
  }
}
async function redactCommand(paths, opts) {
  if (!opts.check && !opts.fix) {
    if (paths.length) throw new RelayError("relay redact reads stdin; to audit files pass --check, to rewrite them --fix");
    process.stdout.write(redact(await stdinText()));
    return;
  }
  if (!paths.length) throw new RelayError(`--${opts.fix ? "fix" : "check"}: name the files or folders (for example .agents-os progress docs/ops-knowledge)`);
  const all = files(paths);
  const shown = (f) => relative(process.cwd(), f) || f;
  if (opts.fix) {
    const fixed = [];
    for (const file of all) if (await fixFile(file)) fixed.push(shown(file));
    if (opts.json) return printJson({ files: all.length, fixed });
    for (const f of fixed) process.stdout.write(`relay: redacted ${f}
`);
    process.stdout.write(`relay: ${fixed.length} of ${all.length} file(s) held a secret${fixed.length ? " and were rewritten" : ""}
`);
    return;
  }
  const findings = all.flatMap(scanFile);
  if (opts.json) printJson({ files: all.length, findings: findings.map((f) => ({ ...f, file: shown(f.file) })) });
  else for (const f of findings) process.stdout.write(`${shown(f.file)}:${f.line}: ${f.kinds.join(", ")}
`);
  if (findings.length) throw new RelayError(`${findings.length} secret(s) in ${new Set(findings.map((f) => f.file)).size} file(s); rewrite them with: relay redact --fix ${paths.join(" ")}`, 1);
  if (!opts.json) process.stdout.write(`relay: no secrets in ${all.length} file(s)
`);
}
export {
  redactCommand
};
