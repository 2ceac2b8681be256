import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  AgentStatusSchema,
  EventLineSchema
} from "./chunk-RX76TI75.mjs";
import {
  KbFrontmatter
} from "./chunk-5LDUGFJ6.mjs";
import {
  EpisodicRecord,
  LedgerIndex
} from "./chunk-ZYKQ7B5J.mjs";
import {
  AgentsFile,
  AttemptLedger,
  Epic,
  Receipt,
  WorkerReceipt
} from "./chunk-7UBSZ7M4.mjs";
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
var SCHEMA_VERSION = 1;
var SCHEMAS = {
  "epic": { schema: Epic, title: ".agents-os/relay/epic.yml" },
  "attempt-ledger": { schema: AttemptLedger, title: ".agents-os/relay/attempt-ledger.yml" },
  "receipt": { schema: Receipt, title: "a receipt as stored in the attempt ledger" },
  "worker-receipt": { schema: WorkerReceipt, title: "what a worker returns through --json-schema" },
  "agents-config": { schema: AgentsFile, title: ".agents.yml and .agents.local.yml" },
  "event-line": { schema: EventLineSchema, title: "one line of .agents-os/ledger/<agent>/<YYYY-MM-DD>.jsonl" },
  "agent-status": { schema: AgentStatusSchema, title: ".agents-os/agents/<agent>/status.json" },
  "episodic-record": { schema: EpisodicRecord, title: "one line of progress/ledger.jsonl (and its archives)" },
  "ledger-index": { schema: LedgerIndex, title: "progress/ledger-index.json" },
  "kb-frontmatter": { schema: KbFrontmatter, title: "the frontmatter of a docs/ops-knowledge entry" }
};
var schemaId = (name) => `urn:relay:schema:${name}:v${SCHEMA_VERSION}`;
function jsonSchemas() {
  return Object.fromEntries(Object.entries(SCHEMAS).map(([name, { schema, title }]) => [
    `${name}.schema.json`,
    { $id: schemaId(name), title, "x-relay-schema-version": SCHEMA_VERSION, ...external_exports.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) }
  ]));
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
