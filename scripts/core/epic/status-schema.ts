/**
 * The zod schema of `relay status --json` (relay.status/v1), for the published JSON Schema and
 * the reference. `relay status` itself builds the plain StatusReport; `InSync` fails the type
 * check if the two drift apart.
 */
import { z } from 'zod';
import { GateReason, TaskStatus } from '../shared/schemas.ts';
import type { StatusReport } from './status.ts';
import type { Same } from '../events/schema.ts';

const GateSchema = z.object({
  reason: GateReason.describe('Why the task is gated'),
  gated_at: z.string().describe('When'),
  detail: z.string().optional().describe('Why, in words'),
});

export const StatusReportSchema = z.strictObject({
  schema: z.literal('relay.status/v1').describe('This document\'s format and version'),
  epic: z.strictObject({ id: z.string().describe('Epic id'), title: z.string().describe('Epic title'), source: z.string().describe('The plan it was read from') }).describe('The epic'),
  progress: z.strictObject({
    done: z.number().int().describe('Tasks completed'), total: z.number().int().describe('Tasks in the epic'),
    points_done: z.number().describe('Points of the completed tasks'), points_total: z.number().describe('Points of all tasks'), percent: z.number().describe('Tasks completed, in percent'),
  }).describe('How far the epic is'),
  counts: z.record(TaskStatus, z.number().int()).describe('Tasks per status'),
  next_ready: z.string().nullable().describe('The task relay work would run next'),
  tasks: z.array(z.strictObject({
    id: z.string().describe('Task id'), title: z.string().describe('Task title'), status: TaskStatus.describe('Its status'), priority: z.string().describe('p0–p3'), points: z.number().describe('Its points'),
    attempts: z.number().int().describe('Attempts so far'), last_result: z.string().nullable().describe('The last attempt\'s result'), last_error: z.string().nullable().describe('The last failure, in a line'),
    gate: GateSchema.nullable().describe('Its gate, if gated'), blocked_by: z.array(z.string()).nullable().describe('For a blocked task: the chain of unfinished dependencies'), cost_usd: z.number().describe('What its attempts cost'),
    running_s: z.number().int().nullable().describe('For a task in progress: seconds since its attempt started (several at once with --jobs)'),
  })).describe('Every task, in epic order'),
  gated: z.array(GateSchema.extend({ id: z.string().describe('Task id') })).describe('Gated tasks and how to lift each'),
  cost_usd: z.number().describe('What all attempts cost'),
  run: z.strictObject({
    running: z.boolean().describe('Whether a relay work is running now'), pid: z.number().int().nullable().describe('Its pid'), log: z.string().nullable().describe('run.log, when it exists'),
    last_lines: z.array(z.string()).describe('The last lines of run.log'),
    last_run: z.strictObject({ pid: z.number().int(), started_at: z.string(), last_seen: z.string() }).nullable().describe('What a run that died left'),
  }).nullable().describe('The live or last run'),
  agents: z.array(z.strictObject({
    agent: z.string().describe('Agent name (the folder under .agents-os/agents/)'), state: z.enum(['idle', 'busy', 'error']).describe('What its last event says it is doing'),
    current_task: z.string().nullable().describe('The relay task it works on'), last_seen: z.string().describe('When it was last heard of'), age_s: z.number().int().nullable().describe('Seconds since then'),
    stale: z.boolean().describe('Busy, but three promised heartbeats overdue (only agents that promise heartbeats, such as relay run, can go stale)'),
  })).describe('Every agent with a status.json in this project'),
  died: z.strictObject({ pid: z.number().int().nullable().describe('The dead run\'s pid'), last_seen: z.string().nullable().describe('When it was last heard of'), attempts: z.array(z.string()).describe('Attempts it left open') }).nullable().describe('Attempts a dead run left open; the next relay work closes them as interrupted'),
});

export const InSync: Same<z.infer<typeof StatusReportSchema>, StatusReport> = true;
