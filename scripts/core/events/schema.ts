/**
 * The zod schema of an event ledger line, for `relay events validate`. The hook hot path
 * writes lines with the zod-free EventLine type in events.ts; `InSync` below fails the
 * type check if the two ever drift apart.
 */
import { z } from 'zod';
import { EVENT_TYPES, type EventLine } from './events.ts';

export const EventLineSchema = z.strictObject({
  id: z.string().min(1),
  timestamp: z.iso.datetime({ offset: true }),
  agent: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected a path-safe agent name (letters, digits, . _ -)'),
  event: z.enum(EVENT_TYPES),
  task_id: z.string().min(1).optional(),
  session_id: z.string().min(1).optional(),
  source: z.string().min(1),
  summary: z.string(),
  data: z.record(z.string(), z.unknown()),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const InSync: Same<z.infer<typeof EventLineSchema>, EventLine> = true;

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
