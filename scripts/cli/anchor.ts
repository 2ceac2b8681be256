import { nextReadyTask } from '../core/epic/attempts.ts';
import { RelayError } from '../core/shared/errors.ts';
import { taskAnchor } from '../adapters/anchor-context.ts';
import { currentProject } from '../adapters/project.ts';
import { loadState } from '../adapters/state.ts';

export async function anchorCommand(taskArg: string | undefined): Promise<void> {
  const paths = currentProject();
  const { epic, ledger } = loadState(paths);
  const taskId = taskArg ?? nextReadyTask(epic, ledger);
  if (!taskId) throw new RelayError('no task is ready; name one: relay anchor <TASK_ID>', 1);
  if (!(taskId in epic.tasks)) throw new RelayError(`unknown task "${taskId}" (epic has ${Object.keys(epic.tasks).join(', ')})`);
  process.stdout.write(`${(await taskAnchor(paths, epic, ledger, taskId)).text}\n`);
}
