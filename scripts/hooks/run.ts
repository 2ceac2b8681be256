/**
 * The hook contract shared by `node dist/hook.mjs` and `relay hook [EventName]`: read a
 * bounded JSON payload from stdin, dispatch on its event, print JSON on stdout only when a
 * handler has something for Claude Code to read, and fail open — every problem becomes one
 * stderr line and the process still exits 0, because none of relay's hooks exists to block.
 * PostToolUse is loaded eagerly (it runs after every tool call); every other handler, and
 * whatever it needs (zod, yaml, simple-git), is imported only when its event fires.
 */
import { fstatSync, readSync } from 'node:fs';
import { redact } from '../core/shared/redact.ts';
import { hookContext, text, type HookHandler, type HookOutput, type HookPayload } from './context.ts';
import { onToolUse } from './tool-use.ts';

/** Claude Code payloads are small; a Write of a huge file is the only big one, and is not worth more. */
const MAX_STDIN_BYTES = 8 * 1024 * 1024;

const HANDLERS = new Map<string, () => Promise<HookHandler>>([
  ['PostToolUse', async () => onToolUse],
  ['PostToolUseFailure', async () => onToolUse],
  ['SessionStart', async () => (await import('./session-start.ts')).onSessionStart],
  ['UserPromptSubmit', async () => (await import('./user-prompt.ts')).onUserPrompt],
  ['Stop', async () => (await import('./stop.ts')).onStop],
  ['SubagentStop', async () => (await import('./stop.ts')).onStop],
  ['StopFailure', async () => (await import('./stop.ts')).onStop],
  ['PreCompact', async () => (await import('./pre-compact.ts')).onPreCompact],
  ['SessionEnd', async () => (await import('./session-end.ts')).onSessionEnd],
]);

export const HOOK_EVENTS = [...HANDLERS.keys()];

const SLEEP = new Int32Array(new SharedArrayBuffer(4));

/**
 * Reads stdin synchronously: a process.stdin stream would load Node's stream machinery,
 * a real share of the hook's cost after every tool call. A terminal (or /dev/null) gives
 * no payload rather than a wait for Ctrl-D.
 */
function readStdin(): string {
  if (fstatSync(0).isCharacterDevice()) return '';
  const chunks: Buffer[] = [];
  const buffer = Buffer.allocUnsafe(64 * 1024);
  let size = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buffer, 0, buffer.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EOF') break; // Windows, at the end of a pipe
      if (code !== 'EAGAIN') throw err;
      Atomics.wait(SLEEP, 0, 0, 2); // a non-blocking pipe with nothing in it yet
      continue;
    }
    if (n === 0) break;
    size += n;
    if (size > MAX_STDIN_BYTES) throw new Error(`stdin is larger than ${MAX_STDIN_BYTES} bytes; ignored`);
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parsePayload(raw: string): HookPayload {
  if (!raw.trim()) throw new Error('stdin is empty; expected the hook payload as JSON');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error(`stdin is not JSON (${raw.length} bytes)`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('stdin is JSON but not an object');
  return value as HookPayload;
}

/** Runs one event's handler on a parsed payload. Throws on an unknown event; returns what stdout should carry. */
export async function handleHook(hookEvent: string, payload: HookPayload, env: NodeJS.ProcessEnv): Promise<HookOutput | undefined> {
  const load = HANDLERS.get(hookEvent);
  if (!load) throw new Error(`unknown hook event "${hookEvent}"; ignored`);
  const ctx = hookContext(hookEvent, { ...payload, hook_event_name: hookEvent }, env);
  return ctx && (await load())(ctx);
}

/** Another agent CLI's hook (`relay hook --agent NAME`): its payload in relay's terms, recorded, and the answer in its terms. */
async function handleAgentHook(agent: string, hookEvent: string, payload: HookPayload, env: NodeJS.ProcessEnv): Promise<HookOutput | undefined> {
  const { DIALECTS, dialectFor } = await import('../agents/dialect.ts');
  const dialect = dialectFor(agent);
  if (!dialect) throw new Error(`--agent: no hook dialect for "${agent}" (known: ${Object.keys(DIALECTS).join(', ')}); Claude Code needs no --agent`);
  const translated = dialect.translate(hookEvent, payload);
  if (!translated) return undefined;
  return dialect.answer(hookEvent, await handleHook(translated.event, translated.payload, env));
}

/**
 * The whole hook run. Never throws and never prints anything but JSON on stdout. A worker
 * relay started with its own inline hooks (`worker`) has RELAY_WORKER_HOOKS set; an installed
 * copy of the same hook then stays out, so no event lands twice.
 */
export async function runHook(eventArg?: string, agent?: string, worker = false): Promise<void> {
  if (agent && !worker && process.env.RELAY_WORKER_HOOKS === agent) return;
  let hookEvent = eventArg ?? '';
  try {
    const payload = parsePayload(readStdin());
    hookEvent ||= text(payload.hook_event_name) ?? '';
    if (!hookEvent) throw new Error('the payload has no hook_event_name; pass the event: relay hook <EventName>');
    const output = agent ? await handleAgentHook(agent, hookEvent, payload, process.env) : await handleHook(hookEvent, payload, process.env);
    if (output) process.stdout.write(`${JSON.stringify(output)}\n`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`relay hook${hookEvent ? ` ${hookEvent}` : ''}: ${redact(message).split('\n')[0]}\n`);
  }
}
