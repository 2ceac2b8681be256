/** `relay stop`: ends the project's run from another terminal, and what a dead run left. */
import { currentProject } from '../adapters/project.ts';
import { existsSync } from 'node:fs';
import { stopRun } from '../adapters/run-control.ts';
import { recoverAbandonedAttempts } from '../adapters/state.ts';

export async function stopCommand(): Promise<void> {
  const paths = currentProject();
  const outcome = await stopRun(paths, async () => (existsSync(paths.epic) ? recoverAbandonedAttempts(paths) : []));
  if ('stopped' in outcome) process.stdout.write(`relay: stopped relay work (pid ${outcome.stopped}); its workers are ended and each open attempt is recorded as interrupted; relay work resumes\n`);
  else if ('cleaned' in outcome) process.stdout.write(`relay: the last run had died; ended ${outcome.cleaned.length} worker process tree(s) it left and recorded its open attempt as interrupted; relay work resumes\n`);
  else process.stdout.write('relay: no relay work is running here\n');
}
