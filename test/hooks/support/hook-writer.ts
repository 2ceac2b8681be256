/**
 * One of many concurrent writers, for the concurrency test and the append benchmark.
 * Usage: hook-writer.ts <root> <count> <hook|baseline> [startAtEpochMs]
 * - hook: runs the real PostToolUse handler <count> times, each exactly what one
 *   `dist/hook.mjs` run does after reading stdin (context, redaction, one O_APPEND write);
 * - baseline: appendFileSync of one constant line (the payload as JSON, about the size of an
 *   event line) to <root>/baseline.jsonl: the cost of appending alone.
 * Waits until startAtEpochMs so every writer's loop overlaps, then prints {"start","end"}.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { handleHook } from '../../../scripts/hooks/run.ts';
import { hookPayloads } from './payloads.ts';

const [root, count, mode, startAt] = process.argv.slice(2) as [string, string, 'hook' | 'baseline', string | undefined];
const payload = hookPayloads(root, `writer-${process.pid}`).bash('npm test -- --reporter dot', 'ok 12 tests passed', '');
const env = { ...process.env, CLAUDE_PROJECT_DIR: root, RELAY_TASK_ID: '', RELAY_ATTEMPT: '' };
const constantLine = `${JSON.stringify({ ...payload, id: '00000000-0000-4000-8000-000000000000' })}\n`;

while (startAt && Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 2));
const start = Date.now();
for (let i = 0; i < Number(count); i++) {
  if (mode === 'hook') await handleHook('PostToolUse', payload, env);
  else appendFileSync(join(root, 'baseline.jsonl'), constantLine);
}
process.stdout.write(`${JSON.stringify({ start, end: Date.now() })}\n`);
