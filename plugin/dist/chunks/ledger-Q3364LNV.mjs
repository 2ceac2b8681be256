import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  shown
} from "./chunk-AAJBM5WH.mjs";
import {
  appendRecord,
  repairLedger,
  rotateLedger
} from "./chunk-5WU5RJQC.mjs";
import "./chunk-DTV5SS4C.mjs";
import "./chunk-BCDHJ4YU.mjs";
import {
  inspectLedger
} from "./chunk-HIYGOJAB.mjs";
import "./chunk-CIQRNYIC.mjs";
import {
  printJson
} from "./chunk-HAHLE5FJ.mjs";
import "./chunk-RKO5KVIC.mjs";
import "./chunk-OTZ4R5UM.mjs";
import {
  checkGates,
  parseRecord
} from "./chunk-2VKVEHDW.mjs";
import "./chunk-3BMRPU2F.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-QMNJTYV7.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-3NNJAZC6.mjs";
import {
  readTextBounded
} from "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/ledger.ts
import { isatty } from "node:tty";

// scripts/adapters/inbox.ts
import { rmSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
function takeRecordFile(paths, file, maxBytes) {
  const abs = resolve(file);
  try {
    return readTextBounded(abs, maxBytes);
  } finally {
    const rel = relative(resolve(paths.inboxDir), abs);
    if (rel && !rel.startsWith("..") && !rel.includes(`..${sep}`)) rmSync(abs, { force: true });
  }
}

// scripts/cli/ledger.ts
var MAX_INPUT_BYTES = 1024 * 1024;
async function readInput(paths, opts) {
  if (opts.json !== void 0 && opts.file !== void 0) throw new RelayError("--json and --file: give the record one way, not both", 2);
  if (opts.json !== void 0) return { text: opts.json, source: "--json" };
  if (opts.file !== void 0) {
    try {
      return { text: takeRecordFile(paths, opts.file, MAX_INPUT_BYTES), source: opts.file };
    } catch (err) {
      const code = err.code;
      throw new RelayError(code === "EFBIG" ? `${opts.file}: more than ${MAX_INPUT_BYTES} bytes; a record is a summary, not a log` : `${opts.file}: ${code === "ENOENT" ? "file not found" : `cannot read (${code})`}`, 2);
    }
  }
  if (isatty(0)) throw new RelayError("no record given: pipe one JSON object on stdin or pass --json '{\u2026}'", 2);
  const chunks = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += chunk.length;
    if (size > MAX_INPUT_BYTES) throw new RelayError(`stdin: more than ${MAX_INPUT_BYTES} bytes; a record is a summary, not a log`, 2);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw new RelayError("stdin: empty; pipe one JSON object on stdin or pass --json '{\u2026}'", 2);
  return { text, source: "stdin" };
}
async function addCommand(opts) {
  const paths = currentProject();
  const { text, source } = await readInput(paths, opts);
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new RelayError(`${source}: invalid JSON: ${err.message}`, 2);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new RelayError(`${source}: expected one JSON object (a record)`, 2);
  const record = parseRecord(value, source);
  checkGates(record, source);
  const result = await appendRecord(paths, record, { source, taskIdPolicy: opts.suffixTimestamp ? "suffix" : "refuse", dryRun: opts.dryRun });
  const what = `${result.record.type} "${result.record.task_id}"`;
  if (opts.dryRun) {
    process.stdout.write(`relay: ${what} passes every gate (dry run; nothing written)
`);
    return;
  }
  const lines = [`relay: recorded ${what} in ${shown(paths.episodicLedger)} and ${shown(paths.notes)}`];
  if (result.notesArchive) lines.push(`relay: NOTES.md passed its size limit; earlier notes moved to ${shown(result.notesArchive)}`);
  if (result.rotation) lines.push(`relay: ledger.jsonl passed its size limit; rotated ${result.rotation.lines} lines into ${result.rotation.archives.map((a) => a.file).join(", ")}`);
  process.stdout.write(`${lines.join("\n")}
`);
}
async function rotateCommand(opts) {
  const paths = currentProject();
  const { rotation, notesArchive } = await rotateLedger(paths, opts);
  if (rotation) {
    process.stdout.write(`relay: rotated ${rotation.lines} lines: ${rotation.archives.map((a) => `${a.file} (+${a.added})`).join(", ")}; index: ${shown(paths.ledgerIndex)}
`);
  } else {
    process.stdout.write(`relay: ${shown(paths.episodicLedger)} is under its size limit; nothing rotated (--force rotates anyway)
`);
  }
  if (notesArchive) process.stdout.write(`relay: NOTES.md moved to ${shown(notesArchive)}
`);
}
async function validateCommand(opts) {
  const paths = currentProject();
  const { problems, files, lines } = inspectLedger(paths, shown);
  const located = problems.map((p) => ({ file: shown(p.file), line: p.line, reason: p.reason }));
  if (opts.json) printJson({ schema: "relay.ledger.validate/v1", files: files.length, lines, problems: located });
  else for (const p of located) process.stdout.write(`${p.file}${p.line ? `:${p.line}` : ""}: ${p.reason}
`);
  if (problems.length) throw new RelayError(`${problems.length} problem${problems.length === 1 ? "" : "s"} in the episodic ledger; fix the lines or run: relay ledger repair`, 1);
  if (!opts.json) process.stdout.write(`relay: ${lines} records in ${files.length} file${files.length === 1 ? "" : "s"}, all valid
`);
}
async function repairCommand() {
  const paths = currentProject();
  const { problems, rejected, indexRewritten } = await repairLedger(paths, shown);
  if (!problems.length) {
    process.stdout.write("relay: nothing to repair\n");
    return;
  }
  for (const p of problems) process.stdout.write(`${shown(p.file)}${p.line ? `:${p.line}` : ""}: ${p.reason}
`);
  const setAside = problems.filter((p) => p.line > 0).length;
  if (setAside) process.stdout.write(`relay: set ${setAside} bad line${setAside === 1 ? "" : "s"} aside in ${rejected.map(shown).join(", ")}
`);
  if (indexRewritten) process.stdout.write(`relay: rewrote ${shown(paths.ledgerIndex)} from the archives on disk
`);
}
export {
  addCommand,
  repairCommand,
  rotateCommand,
  validateCommand
};
