import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  redactValue
} from "./chunk-OTZ4R5UM.mjs";
import {
  fastYamlValue,
  parseYamlStrict,
  require_dist,
  yamlLocator
} from "./chunk-HVA2SMNT.mjs";
import {
  parseWith
} from "./chunk-4UMD7KWD.mjs";
import {
  readTextBounded,
  withLock,
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import {
  __toESM
} from "./chunk-NZBZCSN3.mjs";

// scripts/adapters/documents.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readFileSync, statSync } from "node:fs";
function parseRead(schema, value, file) {
  try {
    return parseWith(schema, value, file);
  } catch (err) {
    if (!(err instanceof RelayError) || !existsSync(file)) throw err;
    return parseWith(schema, value, file, [], yamlLocator(readFileSync(file, "utf8")));
  }
}
var MAX_YAML_BYTES = 64 * 1024 * 1024;
var CONFLICT_MARKER = /^(<{7}|={7}|>{7})(?: |$)/m;
function refuseConflictMarkers(text, file) {
  const marker = CONFLICT_MARKER.exec(text);
  if (marker) {
    const line = text.slice(0, marker.index).split("\n").length;
    throw new RelayError(`${file}:${line}: merge conflict markers ("${marker[1]}"): git left this file mid-merge; resolve it (keep both sides' entries) or take one side with git checkout --ours/--theirs -- ${file}, then run relay status`);
  }
}
function parseText(text, file) {
  refuseConflictMarkers(text, file);
  const { doc, problem } = parseYamlStrict(text);
  if (problem) throw new RelayError(`${file}:${problem.line}:${problem.col}: invalid YAML: ${problem.message}`);
  return doc;
}
function readText(file) {
  try {
    return readTextBounded(file, MAX_YAML_BYTES);
  } catch (err) {
    const e = err;
    if (e.code === "ENOENT") throw new RelayError(`${file}: file not found`);
    throw new RelayError(e.code === "EFBIG" ? e.message : `${file}: cannot read (${e.code ?? e.message})`);
  }
}
function readDocument(file) {
  return parseText(readText(file), file);
}
function parseYamlText(text, file) {
  refuseConflictMarkers(text, file);
  return fastYamlValue(text) ?? toJS(parseText(text, file), file);
}
function restateYamlText(text, value, file) {
  const doc = parseText(text, file);
  doc.contents = syncNode(doc, doc.contents, redactValue(JSON.parse(JSON.stringify(value))));
  return doc.toString({ lineWidth: 0 });
}
function toJS(doc, file) {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new RelayError(`${file}: invalid YAML: ${err.message.split("\n")[0]}`);
  }
}
function loadYamlValue(file) {
  return parseYamlText(readText(file), file);
}
function loadYaml(file, schema) {
  return parseRead(schema, loadYamlValue(file), file);
}
function fileKey(file) {
  try {
    const st = statSync(file);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return void 0;
  }
}
function writeSnapshot(file, snapshotFile, data, owned) {
  const key = fileKey(file);
  if (!key) return;
  try {
    writeFileAtomic(snapshotFile, JSON.stringify({ key, data, ...owned ? { owned } : {} }));
  } catch {
  }
}
function freshSnapshot(file, snapshotFile) {
  const key = fileKey(file);
  if (!key) return void 0;
  try {
    const snap = JSON.parse(readFileSync(snapshotFile, "utf8"));
    return snap.key === key ? snap : void 0;
  } catch {
    return void 0;
  }
}
function loadYamlSnapshot(file, schema, snapshotFile) {
  const snap = freshSnapshot(file, snapshotFile);
  if (snap) return parseRead(schema, snap.data, file);
  const value = loadYamlValue(file);
  const parsed = parseRead(schema, value, file);
  writeSnapshot(file, snapshotFile, value);
  return parsed;
}
function loadYamlIfExists(file, schema) {
  return existsSync(file) ? loadYaml(file, schema) : void 0;
}
function syncNode(doc, node, value) {
  if ((0, import_yaml.isMap)(node) && value && typeof value === "object" && !Array.isArray(value)) {
    const obj = value;
    if (node.flow && Object.keys(obj).length) node.flow = false;
    for (const pair of [...node.items]) {
      const key = String(pair.key?.value ?? pair.key);
      if (!(key in obj)) node.delete(pair.key);
    }
    for (const [key, v] of Object.entries(obj)) {
      if (v === void 0) continue;
      const current = node.get(key, true);
      if (current === void 0) node.set(key, doc.createNode(v));
      else node.set(key, syncNode(doc, current, v));
    }
    return node;
  }
  if ((0, import_yaml.isSeq)(node) && Array.isArray(value)) {
    const items = node.items;
    const prefixSame = items.length <= value.length && items.every((item, i) => JSON.stringify(item?.toJSON?.() ?? item?.value ?? item) === JSON.stringify(value[i]));
    if (prefixSame) {
      if (node.flow && value.length && value.some((v) => v !== null && typeof v === "object")) node.flow = false;
      for (const v of value.slice(items.length)) node.add(doc.createNode(v));
      return node;
    }
    return doc.createNode(value);
  }
  const scalar = node;
  if (scalar && typeof scalar === "object" && "value" in scalar && scalar.value === value) return node;
  return doc.createNode(value);
}
function hasInnerComments(doc) {
  let found = false;
  (0, import_yaml.visit)(doc, (_key, node) => {
    const n = node;
    if (n && (n.comment || n.commentBefore)) {
      found = true;
      return import_yaml.visit.BREAK;
    }
    return void 0;
  });
  return found;
}
function serializeYaml(value, header) {
  const doc = (0, import_yaml.parseDocument)("{}");
  doc.contents = doc.createNode(redactValue(value));
  if (header) doc.commentBefore = header;
  return doc.toString({ lineWidth: 0 });
}
function writeYaml(file, value, header, snapshotFile) {
  writeFileAtomic(file, serializeYaml(value, header));
  if (snapshotFile) writeSnapshot(file, snapshotFile, redactValue(value), { header: header ?? null });
}
async function updateYaml(file, schema, mutate, snapshotFile) {
  return withLock(file, () => {
    const snap = snapshotFile ? freshSnapshot(file, snapshotFile) : void 0;
    const doc = snap?.owned ? void 0 : readDocument(file);
    const current = parseRead(schema, snap?.owned ? snap.data : toJS(doc, file), file);
    const { next, result } = mutate(current);
    const checked = parseWith(schema, next, file);
    const plain = redactValue(JSON.parse(JSON.stringify(checked)));
    if (doc) {
      doc.contents = syncNode(doc, doc.contents, plain);
      writeFileAtomic(file, doc.toString({ lineWidth: 0 }));
      if (snapshotFile) writeSnapshot(file, snapshotFile, plain, doc.comment || hasInnerComments(doc) ? void 0 : { header: doc.commentBefore ?? null });
    } else {
      writeFileAtomic(file, serializeYaml(plain, snap.owned.header ?? void 0));
      writeSnapshot(file, snapshotFile, plain, snap.owned);
    }
    return result;
  });
}

export {
  parseYamlText,
  restateYamlText,
  loadYamlSnapshot,
  loadYamlIfExists,
  serializeYaml,
  writeYaml,
  updateYaml
};
