/**
 * A separate process that records attempts through the real ledger owner (mutateLedger),
 * used by the concurrency and crash tests. Usage: ledger-writer.ts <root> <task> <count>
 */
import { finishAttempt, startAttempt } from '../../scripts/core/attempts.ts';
import { projectPaths } from '../../scripts/core/paths.ts';
import { mutateLedger } from '../../scripts/adapters/state.ts';

const [root, task, count] = process.argv.slice(2) as [string, string, string];
const paths = projectPaths(root);
for (let i = 0; i < Number(count); i++) {
  await mutateLedger(paths, (epic, ledger) => {
    const now = new Date().toISOString();
    const started = startAttempt(epic, ledger, task, now, null);
    return {
      ledger: finishAttempt(epic, started.ledger, task, started.attempt.id, { result: 'interrupted', receipt: null, flags: [`writer-${process.pid}-${i}`] }, now),
      result: undefined,
    };
  });
  // Lets a crash test kill this process while it is busy writing, not while it starts.
  process.stdout.write(`${i}\n`);
}
