import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  EVENT_TYPES
} from "./chunk-4WRLVYEW.mjs";
import {
  external_exports
} from "./chunk-3NNJAZC6.mjs";

// scripts/core/events/schema.ts
var EventLineSchema = external_exports.strictObject({
  id: external_exports.string().min(1).describe("A random UUID; readers count each id once (a union merge may repeat a line)"),
  timestamp: external_exports.iso.datetime({ offset: true }).describe("When it happened, ISO 8601; the UTC day names the file"),
  agent: external_exports.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "expected a path-safe agent name (letters, digits, . _ -)").describe("Who reported it; the folder under .agents-os/ledger/"),
  event: external_exports.enum(EVENT_TYPES).describe("What kind of event"),
  task_id: external_exports.string().min(1).optional().describe("The relay task the agent was working on, when it was one"),
  session_id: external_exports.string().min(1).optional().describe("The agent's session id"),
  source: external_exports.string().min(1).describe("What wrote it: hook:<Event>, relay work, relay ungate, \u2026"),
  summary: external_exports.string().describe("One line for people, redacted"),
  data: external_exports.record(external_exports.string(), external_exports.unknown()).describe("Facts of this kind of event (tool, exit code, attempt, \u2026), redacted")
});
var AgentStatusSchema = external_exports.strictObject({
  agent: external_exports.string().min(1).describe("The agent this file is about"),
  state: external_exports.enum(["idle", "busy", "error"]).describe("busy: on a prompt; idle: waiting or ended; error: the last turn died on an API error"),
  updated_at: external_exports.iso.datetime({ offset: true }).describe("The time of the last event"),
  current_task: external_exports.string().nullable().describe("The relay task it works on, if any"),
  attempt: external_exports.number().int().min(1).nullable().describe("That task's attempt number"),
  session_id: external_exports.string().nullable().describe("The agent's session id"),
  heartbeat_s: external_exports.number().positive().optional().describe("Seconds between the heartbeats a busy agent promised (relay run --heartbeat); three missed make it stale"),
  last_event: EventLineSchema.pick({ id: true, event: true, summary: true, timestamp: true }).describe("The event that wrote this file")
});
function ledgerPlacement(path) {
  const match = /(?:^|[\\/])ledger[\\/]([^\\/]+)[\\/](\d{4}-\d{2}-\d{2})\.jsonl$/.exec(path);
  return match ? { agent: match[1], day: match[2] } : {};
}
function issueText(issue) {
  const path = issue.path.map(String).join(".");
  const message = issue.code === "unrecognized_keys" ? `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}` : issue.message;
  return path ? `${path}: ${message}` : message;
}
function checkLedgerText(file, text, seen) {
  const problems = [];
  const lines = text.split("\n");
  const complete = lines.at(-1) === "";
  if (complete) lines.pop();
  lines.forEach((raw, index) => {
    const where = `${file.label}:${index + 1}`;
    const report = (problem) => problems.push(`${where}: ${problem}`);
    if (!complete && index === lines.length - 1) report("no newline at the end of the file: the last line may be torn");
    if (!raw.trim()) return report("empty line");
    let value;
    try {
      value = JSON.parse(raw);
    } catch {
      return report("not valid JSON (a torn or hand-edited line)");
    }
    const parsed = EventLineSchema.safeParse(value);
    if (!parsed.success) return parsed.error.issues.forEach((issue) => report(issueText(issue)));
    const event = parsed.data;
    if (file.agent && event.agent !== file.agent) report(`agent: "${event.agent}" is in the ledger folder of "${file.agent}"`);
    const day = new Date(event.timestamp).toISOString().slice(0, 10);
    if (file.day && day !== file.day) report(`timestamp: ${event.timestamp} belongs in ${day}.jsonl, not ${file.day}.jsonl`);
    const first = seen.get(event.id);
    if (!first) seen.set(event.id, { where, raw });
    else if (first.raw === raw) report(`id: duplicate of ${first.where} (an identical line, as a git union merge leaves; readers count it once)`);
    else report(`id: "${event.id}" is already used by a different event at ${first.where}`);
  });
  return problems;
}

export {
  EventLineSchema,
  AgentStatusSchema,
  ledgerPlacement,
  checkLedgerText
};
