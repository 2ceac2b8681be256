import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  RECORD_TYPES,
  timestampMs
} from "./chunk-2VKVEHDW.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";

// scripts/core/episodic/query.ts
var NOT_LITERAL = /[\\^$.*+?()[\]{}|"\u0000-\u001f]/;
function parseTypes(list) {
  if (!list) return void 0;
  const types = list.split(",").map((t) => t.trim()).filter(Boolean);
  const unknown = types.find((t) => !RECORD_TYPES.includes(t));
  if (unknown) throw new RelayError(`--type: "${unknown}" is not a record type (${RECORD_TYPES.join(", ")})`, 2);
  return types;
}
function valueAt(record, path) {
  let value = record;
  for (const key of path.split(".")) {
    if (!value || typeof value !== "object" || Array.isArray(value)) return void 0;
    value = value[key];
  }
  return value;
}
function textOf(value, out = []) {
  if (typeof value === "string") out.push(value);
  else if (typeof value === "number" || typeof value === "boolean") out.push(String(value));
  else if (value && typeof value === "object") for (const v of Object.values(value)) textOf(v, out);
  return out;
}
function present(value) {
  if (value === void 0 || value === null || value === "") return false;
  return !(Array.isArray(value) && value.length === 0);
}
function compileQuery(q) {
  let pattern;
  if (q.grep !== void 0) {
    try {
      pattern = new RegExp(q.grep, "i");
    } catch (err) {
      throw new RelayError(`--grep: ${err.message}`, 2);
    }
  }
  const types = q.types?.length ? new Set(q.types) : void 0;
  const fields = q.fields?.length ? q.fields : void 0;
  const timed = q.sinceMs !== void 0 || q.untilMs !== void 0;
  const prefilter = q.grep && !NOT_LITERAL.test(q.grep) ? new RegExp(`${q.grep}|\\\\[u/]`, "gi") : null;
  return {
    prefilter,
    matches(record) {
      if (types && !types.has(record.type)) return false;
      if (timed) {
        const at = typeof record.timestamp === "string" ? timestampMs(record.timestamp) : void 0;
        if (at === void 0 || q.sinceMs !== void 0 && at < q.sinceMs || q.untilMs !== void 0 && at > q.untilMs) return false;
      }
      const values = fields ? fields.map((f) => valueAt(record, f)) : [record];
      if (!pattern) return values.some(present);
      return values.some((v) => textOf(v).some((text) => pattern.test(text)));
    }
  };
}

export {
  parseTypes,
  compileQuery
};
