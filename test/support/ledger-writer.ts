/**
 * A separate process that records attempts through the real ledger owner's verbs, used by
 * the concurrency and crash tests. Usage: ledger-writer.ts <root> <task> <count>
 */
import { projectPaths } from '../../scripts/core/shared/paths.ts';
import { loadState, recordAttemptEnd, recordAttemptStart } from '../../scripts/adapters/state.ts';

const [root, task, count] = process.argv.slice(2) as [string, string, string];
const paths = projectPaths(root);
const { settings } = loadState(paths).ledger;
for (let i = 0; i < Number(count); i++) {
  const attempt = await recordAttemptStart(paths, task, null, []);
  await recordAttemptEnd(paths, task, attempt.id, { result: 'interrupted', receipt: null, flags: [`writer-${process.pid}-${i}`] }, settings);
  // Lets a crash test kill this process while it is busy writing, not while it starts.
  process.stdout.write(`${i}\n`);
}
