import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";

// scripts/core/shared/validate.ts
function zodProblem(file, error, prefix = []) {
  const issue = error.issues[0];
  const path = [...prefix, ...issue.path.map(String)].join(".");
  let message = issue.message;
  if (issue.code === "unrecognized_keys") message = `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? "s" : ""})` : "";
  return new RelayError(`${file}: ${path || "(root)"}: ${message}${more}`, 2);
}
function parseWith(schema, value, file, prefix = []) {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodProblem(file, parsed.error, prefix);
  return parsed.data;
}

export {
  zodProblem,
  parseWith
};
