import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  AgentStatusSchema,
  EventLineSchema
} from "./chunk-6QK7G6I6.mjs";
import {
  KbFrontmatter
} from "./chunk-IV4PP3SH.mjs";
import {
  EpisodicRecord,
  LedgerIndex
} from "./chunk-2VKVEHDW.mjs";
import {
  schemaFile
} from "./chunk-AV66IWWN.mjs";
import {
  AgentsFile,
  Attempt,
  AttemptLedger,
  Epic,
  GateReason,
  Receipt,
  TaskStatus,
  WorkerReceipt
} from "./chunk-QMNJTYV7.mjs";
import {
  external_exports
} from "./chunk-3NNJAZC6.mjs";
import {
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";

// scripts/core/epic/status-schema.ts
var GateSchema = external_exports.object({
  reason: GateReason.describe("Why the task is gated"),
  gated_at: external_exports.string().describe("When"),
  detail: external_exports.string().optional().describe("Why, in words")
});
var StatusReportSchema = external_exports.strictObject({
  schema: external_exports.literal("relay.status/v1").describe("This document's format and version"),
  epic: external_exports.strictObject({ id: external_exports.string().describe("Epic id"), title: external_exports.string().describe("Epic title"), source: external_exports.string().describe("The plan it was read from") }).describe("The epic"),
  progress: external_exports.strictObject({
    done: external_exports.number().int().describe("Tasks completed"),
    total: external_exports.number().int().describe("Tasks in the epic"),
    points_done: external_exports.number().describe("Points of the completed tasks"),
    points_total: external_exports.number().describe("Points of all tasks"),
    percent: external_exports.number().describe("Tasks completed, in percent")
  }).describe("How far the epic is"),
  counts: external_exports.record(TaskStatus, external_exports.number().int()).describe("Tasks per status"),
  next_ready: external_exports.string().nullable().describe("The task relay work would run next"),
  tasks: external_exports.array(external_exports.strictObject({
    id: external_exports.string().describe("Task id"),
    title: external_exports.string().describe("Task title"),
    status: TaskStatus.describe("Its status"),
    priority: external_exports.string().describe("p0\u2013p3"),
    points: external_exports.number().describe("Its points"),
    attempts: external_exports.number().int().describe("Attempts so far"),
    last_result: external_exports.string().nullable().describe("The last attempt's result"),
    last_error: external_exports.string().nullable().describe("The last failure, in a line"),
    gate: GateSchema.nullable().describe("Its gate, if gated"),
    blocked_by: external_exports.array(external_exports.string()).nullable().describe("For a blocked task: the chain of unfinished dependencies"),
    cost_usd: external_exports.number().describe("What its attempts cost"),
    running_s: external_exports.number().int().nullable().describe("For a task in progress: seconds since its attempt started (several at once with --jobs)")
  })).describe("Every task, in epic order"),
  gated: external_exports.array(GateSchema.extend({ id: external_exports.string().describe("Task id") })).describe("Gated tasks and how to lift each"),
  cost_usd: external_exports.number().describe("What all attempts cost"),
  run: external_exports.strictObject({
    running: external_exports.boolean().describe("Whether a relay work is running now"),
    pid: external_exports.number().int().nullable().describe("Its pid"),
    log: external_exports.string().nullable().describe("run.log, when it exists"),
    last_lines: external_exports.array(external_exports.string()).describe("The last lines of run.log"),
    last_run: external_exports.strictObject({ pid: external_exports.number().int(), started_at: external_exports.string(), last_seen: external_exports.string() }).nullable().describe("What a run that died left")
  }).nullable().describe("The live or last run"),
  agents: external_exports.array(external_exports.strictObject({
    agent: external_exports.string().describe("Agent name (the folder under .agents-os/agents/)"),
    state: external_exports.enum(["idle", "busy", "error"]).describe("What its last event says it is doing"),
    current_task: external_exports.string().nullable().describe("The relay task it works on"),
    last_seen: external_exports.string().describe("When it was last heard of"),
    age_s: external_exports.number().int().nullable().describe("Seconds since then"),
    stale: external_exports.boolean().describe("Busy, but three promised heartbeats overdue (only agents that promise heartbeats, such as relay run, can go stale)")
  })).describe("Every agent with a status.json in this project"),
  died: external_exports.strictObject({ pid: external_exports.number().int().nullable().describe("The dead run's pid"), last_seen: external_exports.string().nullable().describe("When it was last heard of"), attempts: external_exports.array(external_exports.string()).describe("Attempts it left open") }).nullable().describe("Attempts a dead run left open; the next relay work closes them as interrupted")
});

// scripts/core/shared/dashboard-schemas.ts
var DashboardEvents = external_exports.strictObject({
  total: external_exports.number().int().min(0).describe("Events that match the filters, over every page"),
  offset: external_exports.number().int().min(0).describe("Where this page starts, newest first"),
  limit: external_exports.number().int().min(0).describe("The page size asked for (at most 500)"),
  agents: external_exports.array(external_exports.string()).describe("Every agent with an event ledger, for the filter"),
  events: external_exports.array(EventLineSchema).describe("This page of events, newest first")
});
var DashboardAttempts = external_exports.strictObject({
  task: external_exports.string().describe("Task id"),
  title: external_exports.string().describe("Task title"),
  status: TaskStatus.describe("The task's status now"),
  attempts: external_exports.array(Attempt).describe("Every attempt, oldest first, as the attempt ledger holds them")
});

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
  "kb-frontmatter": { schema: KbFrontmatter, title: "the frontmatter of a docs/ops-knowledge entry" },
  "status-report": { schema: StatusReportSchema, title: "what `relay status --json` prints (relay.status/v1), and the dashboard's /api/status" },
  "dashboard-events": { schema: DashboardEvents, title: "the dashboard's /api/events: one page of event lines" },
  "dashboard-attempts": { schema: DashboardAttempts, title: "the dashboard's /api/attempts/:task" }
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
