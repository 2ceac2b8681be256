import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";

// scripts/core/shared/validate.ts
var MAX_LISTED = 8;
function showValue(value) {
  const text = JSON.stringify(value);
  return text === void 0 ? "" : text.length > 60 ? `${text.slice(0, 57)}\u2026` : text;
}
function valueAt(root, path) {
  let v = root;
  for (const key of path) v = v && typeof v === "object" ? v[key] : void 0;
  return v;
}
function zodProblem(file, error, prefix = [], value, locate) {
  const parts = error.issues.slice(0, MAX_LISTED).map((issue, i) => {
    const fullPath = [...prefix, ...issue.path];
    const path = fullPath.map(String).join(".");
    let message = issue.message;
    if (issue.code === "unrecognized_keys") message = `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    const bad = issue.code === "unrecognized_keys" ? void 0 : valueAt(value, issue.path);
    const line = locate?.(issue.code === "unrecognized_keys" ? [...fullPath, issue.keys[0]] : fullPath);
    const where = i === 0 ? `${file}${line ? `:${line}` : ""}` : line ? `line ${line}` : "";
    return `${where ? `${where}: ` : ""}${path || "(root)"}: ${message}${bad !== void 0 && typeof bad !== "object" ? ` (got ${showValue(bad)})` : ""}`;
  });
  const more = error.issues.length - parts.length;
  return new RelayError(`${parts.join("; ")}${more > 0 ? `; \u2026 and ${more} more problem${more > 1 ? "s" : ""}` : ""}`, 2);
}
function parseWith(schema, value, file, prefix = [], locate) {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodProblem(file, parsed.error, prefix, value, locate);
  return parsed.data;
}

export {
  zodProblem,
  parseWith
};
