import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  AgentsFile,
  AttemptLedger,
  Epic,
  Receipt,
  WorkerReceipt
} from "./chunk-NUGR3OH5.mjs";
import {
  schemaFile
} from "./chunk-JDKDALLM.mjs";
import {
  external_exports
} from "./chunk-R5CMOSTG.mjs";
import {
  writeFileAtomic
} from "./chunk-62XEB27W.mjs";

// scripts/core/shared/json-schemas.ts
function jsonSchemas() {
  return {
    "epic.schema.json": external_exports.toJSONSchema(Epic, { io: "input" }),
    "attempt-ledger.schema.json": external_exports.toJSONSchema(AttemptLedger, { io: "input" }),
    "receipt.schema.json": external_exports.toJSONSchema(Receipt, { io: "input" }),
    "worker-receipt.schema.json": external_exports.toJSONSchema(WorkerReceipt, { io: "input" }),
    "agents-config.schema.json": external_exports.toJSONSchema(AgentsFile, { io: "input" })
  };
}

// scripts/adapters/schema-files.ts
function writeSchemas(schemaDir) {
  return Object.entries(jsonSchemas()).map(([name, schema]) => {
    const file = schemaFile(schemaDir, name);
    writeFileAtomic(file, `${JSON.stringify(schema, null, 2)}
`);
    return file;
  });
}

export {
  writeSchemas
};
