/** `relay ungate <task>`: lifts a gate; the failure streak restarts, the history stays. */
import { currentProject } from '../adapters/project.ts';
import { ungateTaskByUser } from '../adapters/state.ts';

export async function ungateCommand(taskId: string): Promise<void> {
  const status = await ungateTaskByUser(currentProject(), taskId);
  process.stdout.write(`relay: ${taskId} ungated; it is ${status} with a fresh failure streak (history kept)\n`);
}
