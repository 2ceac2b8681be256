/** `relay hook [event] [--agent NAME]`: the hook entry Claude Code runs (the same code as dist/hook.mjs), and other agent CLIs' with --agent. */
import { runHook } from '../hooks/run.ts';

export function hookCommand(event: string | undefined, opts: { agent?: string; worker?: boolean }): Promise<void> {
  return runHook(event, opts.agent, opts.worker);
}
