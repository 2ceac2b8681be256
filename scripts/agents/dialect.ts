/**
 * How another agent CLI's native hooks reach relay: `relay hook --agent NAME` reads the CLI's own
 * payload and a dialect turns it into the Claude Code-shaped payload relay's handlers already
 * record, or drops an event relay has no use for. One file per CLI (codex.ts, gemini.ts, copilot.ts);
 * `DIALECTS` lists them. Kept free of zod and the worker code: this runs after every tool call.
 */
import type { HookOutput, HookPayload } from '../hooks/context.ts';
import { codexHooks } from './codex.ts';
import { copilotHooks } from './copilot.ts';
import { geminiHooks } from './gemini.ts';

export interface Translated {
  /** The Claude Code hook event whose handler records it. */
  event: string;
  payload: HookPayload;
}

export interface HookDialect {
  name: string;
  /** The CLI's events relay records, in the order the CLI fires them (what `relay agents install` registers). */
  events: readonly string[];
  translate(event: string, payload: HookPayload): Translated | null;
  /** What to print back to the CLI for a handler's output, or undefined to print nothing. */
  answer(event: string, output: HookOutput | undefined): HookOutput | undefined;
}

export const DIALECTS: Record<string, HookDialect> = { codex: codexHooks, gemini: geminiHooks, copilot: copilotHooks };

export function dialectFor(name: string): HookDialect | undefined {
  return Object.hasOwn(DIALECTS, name) ? DIALECTS[name] : undefined;
}
