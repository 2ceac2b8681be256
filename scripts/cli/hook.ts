/** `relay hook [event]`: the hook entry Claude Code runs, the same code as dist/hook.mjs. */
export { runHook as hookCommand } from '../hooks/run.ts';
