/**
 * The bundle entry Claude Code runs for every relay hook (hooks/hooks.json):
 * `node "${CLAUDE_PLUGIN_ROOT}/dist/hook.mjs"` with the payload on stdin.
 * Kept tiny because it is parsed after every tool call. The one exit path always exits 0:
 * a relay hook records and re-anchors, it never blocks Claude.
 */
import { runHook } from './hooks/run.ts';

function exit(problem?: unknown): never {
  if (problem !== undefined) process.stderr.write(`relay hook: ${problem instanceof Error ? problem.message : String(problem)}\n`);
  process.exit(0);
}

process.on('uncaughtException', exit);
process.on('unhandledRejection', exit);
await runHook();
exit();
