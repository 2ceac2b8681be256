/**
 * The bundle entry Claude Code runs for every relay hook (hooks/hooks.json):
 * `node "${CLAUDE_PLUGIN_ROOT}/dist/hook.mjs"` with the payload on stdin.
 * Kept tiny because it is parsed after every tool call. The one exit path always exits 0:
 * a relay hook records and re-anchors, it never blocks Claude.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runHook } from './hooks/run.ts';

function exit(problem?: unknown): never {
  if (problem !== undefined) process.stderr.write(`relay hook: ${problem instanceof Error ? problem.message : String(problem)}\n`);
  process.exit(0);
}

process.on('uncaughtException', exit);
process.on('unhandledRejection', exit);
// A relay worker is recorded by the relay that started it; another installed copy stays out, so no event lands twice.
const recordedBy = process.env.RELAY_PLUGIN_ROOT;
if (recordedBy && dirname(dirname(fileURLToPath(import.meta.url))) !== recordedBy) exit();
await runHook();
exit();
