/** `relay gate <task> --reason …`: a user stops a task from being worked on. */
import { currentProject } from '../adapters/project.ts';
import { gateTaskByUser } from '../adapters/state.ts';

export async function gateCommand(taskId: string, opts: { reason: string }): Promise<void> {
  await gateTaskByUser(currentProject(), taskId, opts.reason);
  process.stdout.write(`relay: ${taskId} gated (user_blocked): ${opts.reason}\n`);
}
