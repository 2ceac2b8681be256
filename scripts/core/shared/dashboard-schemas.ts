/** The documents of `relay serve`'s JSON API beyond `relay status --json`: one schema each, published with the rest. */
import { z } from 'zod';
import { EventLineSchema } from '../events/schema.ts';
import { Attempt, TaskStatus } from './schemas.ts';

export const DashboardEvents = z.strictObject({
  total: z.number().int().min(0).describe('Events that match the filters, over every page'),
  offset: z.number().int().min(0).describe('Where this page starts, newest first'),
  limit: z.number().int().min(0).describe('The page size asked for (at most 500)'),
  agents: z.array(z.string()).describe('Every agent with an event ledger, for the filter'),
  events: z.array(EventLineSchema).describe('This page of events, newest first'),
});

export const DashboardAttempts = z.strictObject({
  task: z.string().describe('Task id'),
  title: z.string().describe('Task title'),
  status: TaskStatus.describe('The task\'s status now'),
  attempts: z.array(Attempt).describe('Every attempt, oldest first, as the attempt ledger holds them'),
});
export type DashboardAttempts = z.infer<typeof DashboardAttempts>;
