/**
 * The zod schema of an event ledger line, for `relay events validate`. The hook hot path
 * writes lines with the zod-free EventLine type in events.ts; `InSync` below fails the
 * type check if the two ever drift apart.
 */
import { z } from 'zod';
import { EVENT_TYPES, type AgentStatus, type EventLine } from './events.ts';

export const EventLineSchema = z.strictObject({
  id: z.string().min(1).describe('A random UUID; readers count each id once (a union merge may repeat a line)'),
  timestamp: z.iso.datetime({ offset: true }).describe('When it happened, ISO 8601; the UTC day names the file'),
  agent: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected a path-safe agent name (letters, digits, . _ -)').describe('Who reported it; the folder under .agents-os/ledger/'),
  event: z.enum(EVENT_TYPES).describe('What kind of event'),
  task_id: z.string().min(1).optional().describe('The relay task the agent was working on, when it was one'),
  session_id: z.string().min(1).optional().describe("The agent's session id"),
  source: z.string().min(1).describe('What wrote it: hook:<Event>, relay work, relay ungate, …'),
  summary: z.string().describe('One line for people, redacted'),
  data: z.record(z.string(), z.unknown()).describe('Facts of this kind of event (tool, exit code, attempt, …), redacted'),
});

/** True when two types are the same both ways: the check that a zod schema and a plain interface never drift apart. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const InSync: Same<z.infer<typeof EventLineSchema>, EventLine> = true;

export const AgentStatusSchema = z.strictObject({
  agent: z.string().min(1).describe('The agent this file is about'),
  state: z.enum(['idle', 'busy', 'error']).describe('busy: on a prompt; idle: waiting or ended; error: the last turn died on an API error'),
  updated_at: z.iso.datetime({ offset: true }).describe('The time of the last event'),
  current_task: z.string().nullable().describe('The relay task it works on, if any'),
  attempt: z.number().int().min(1).nullable().describe("That task's attempt number"),
  session_id: z.string().nullable().describe("The agent's session id"),
  heartbeat_s: z.number().positive().optional().describe('Seconds between the heartbeats a busy agent promised (relay run --heartbeat); three missed make it stale'),
  last_event: EventLineSchema.pick({ id: true, event: true, summary: true, timestamp: true }).describe('The event that wrote this file'),
});
export const StatusInSync: Same<z.infer<typeof AgentStatusSchema>, AgentStatus> = true;

/** Where a line was read from; `agent` and `day` are known when the file sits at ledger/<agent>/<YYYY-MM-DD>.jsonl. */
export interface LedgerFile {
  label: string;
  agent?: string;
  day?: string;
}

/** First sighting of each id across the files checked together: `label:line` and the raw line. */
export type SeenIds = Map<string, { where: string; raw: string }>;

export function ledgerPlacement(path: string): Pick<LedgerFile, 'agent' | 'day'> {
  const match = /(?:^|[\\/])ledger[\\/]([^\\/]+)[\\/](\d{4}-\d{2}-\d{2})\.jsonl$/.exec(path);
  return match ? { agent: match[1], day: match[2] } : {};
}

function issueText(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  const message = issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
  return path ? `${path}: ${message}` : message;
}

/** Every problem in one ledger file's text, as `label:line: problem`. Pure: `seen` carries ids across files. */
export function checkLedgerText(file: LedgerFile, text: string, seen: SeenIds): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  const complete = lines.at(-1) === '';
  if (complete) lines.pop();
  lines.forEach((raw, index) => {
    const where = `${file.label}:${index + 1}`;
    const report = (problem: string) => problems.push(`${where}: ${problem}`);
    if (!complete && index === lines.length - 1) report('no newline at the end of the file: the last line may be torn');
    if (!raw.trim()) return report('empty line');
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return report('not valid JSON (a torn or hand-edited line)');
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
