import { z } from 'zod';
import { AgentsFile, AttemptLedger, Epic, Receipt, WorkerReceipt } from './schemas.ts';
import { AgentStatusSchema, EventLineSchema } from '../events/schema.ts';
import { EpisodicRecord, LedgerIndex } from '../episodic/records.ts';
import { KbFrontmatter } from '../knowledge/kb.ts';
import { StatusReportSchema } from '../epic/status-schema.ts';
import { DashboardAttempts, DashboardEvents } from './dashboard-schemas.ts';

/** Bumped when a file's shape changes incompatibly; the $id carries it, so a consumer can pin one. */
export const SCHEMA_VERSION = 1;

/** Every file relay reads or writes that has a JSON shape, by schema file name. */
export const SCHEMAS = {
  'epic': { schema: Epic, title: '.agents-os/relay/epic.yml' },
  'attempt-ledger': { schema: AttemptLedger, title: '.agents-os/relay/attempt-ledger.yml' },
  'receipt': { schema: Receipt, title: 'a receipt as stored in the attempt ledger' },
  'worker-receipt': { schema: WorkerReceipt, title: "what a worker returns through --json-schema" },
  'agents-config': { schema: AgentsFile, title: '.agents.yml and .agents.local.yml' },
  'event-line': { schema: EventLineSchema, title: 'one line of .agents-os/ledger/<agent>/<YYYY-MM-DD>.jsonl' },
  'agent-status': { schema: AgentStatusSchema, title: '.agents-os/agents/<agent>/status.json' },
  'episodic-record': { schema: EpisodicRecord, title: 'one line of progress/ledger.jsonl (and its archives)' },
  'ledger-index': { schema: LedgerIndex, title: 'progress/ledger-index.json' },
  'kb-frontmatter': { schema: KbFrontmatter, title: 'the frontmatter of a docs/ops-knowledge entry' },
  'status-report': { schema: StatusReportSchema, title: 'what `relay status --json` prints (relay.status/v1), and the dashboard\'s /api/status' },
  'dashboard-events': { schema: DashboardEvents, title: 'the dashboard\'s /api/events: one page of event lines' },
  'dashboard-attempts': { schema: DashboardAttempts, title: 'the dashboard\'s /api/attempts/:task' },
} as const;

export type SchemaName = keyof typeof SCHEMAS;

export const schemaId = (name: string) => `urn:relay:schema:${name}:v${SCHEMA_VERSION}`;

/** JSON Schemas generated from the zod schemas, so editors, other agents and relay validate the same shapes. */
export function jsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(SCHEMAS).map(([name, { schema, title }]) => [
    `${name}.schema.json`,
    { $id: schemaId(name), title, 'x-relay-schema-version': SCHEMA_VERSION, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) },
  ]));
}
