import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  projectPaths
} from "./chunk-AV66IWWN.mjs";
import {
  readTextBounded
} from "./chunk-JTFCDVB4.mjs";

// scripts/adapters/event-reader.ts
import { readdirSync } from "node:fs";
import { join } from "node:path";
var MAX_LEDGER_FILE_BYTES = 128 * 1024 * 1024;
function subdirectories(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch (err) {
    if (err.code === "ENOENT") return [];
    throw err;
  }
}
function ledgerFiles(root, days) {
  const dir = projectPaths(root).eventLedgerDir;
  const files = [];
  for (const agent of subdirectories(dir)) {
    for (const name of readdirSync(join(dir, agent))) {
      if (name.endsWith(".jsonl") && (!days || days.includes(name.slice(0, 10)))) files.push(join(dir, agent, name));
    }
  }
  return files.sort();
}
function isEvent(value) {
  const e = value;
  return typeof e === "object" && e !== null && typeof e.id === "string" && typeof e.timestamp === "string" && typeof e.event === "string" && typeof e.agent === "string" && typeof e.summary === "string" && typeof e.data === "object" && e.data !== null;
}
function readLedgerText(file) {
  return readTextBounded(file, MAX_LEDGER_FILE_BYTES);
}
function readEventFile(file) {
  const events = [];
  for (const line of readLedgerText(file).split("\n")) {
    if (!line) continue;
    try {
      const value = JSON.parse(line);
      if (isEvent(value)) events.push(value);
    } catch {
    }
  }
  return events;
}
function readSessionEvents(root, sessionId, days) {
  const seen = /* @__PURE__ */ new Set();
  const events = [];
  for (const file of ledgerFiles(root, days)) {
    for (const e of readEventFile(file)) {
      if (e.session_id !== sessionId || seen.has(e.id)) continue;
      seen.add(e.id);
      events.push(e);
    }
  }
  return events;
}

export {
  ledgerFiles,
  readLedgerText,
  readEventFile,
  readSessionEvents
};
