/**
 * A changed plan merged into the running epic (`relay init --update`): tasks added, edited
 * or removed, with the attempt history of every task that stays. A task with recorded
 * attempts is removed only on request, since its history would go with it.
 */
import { RelayError } from '../shared/errors.ts';
import type { AttemptLedger, Epic, Task } from '../shared/schemas.ts';
import { refreshStatuses } from './attempts.ts';
import { checkEpic } from './epic.ts';

export interface EpicMerge {
  epic: Epic;
  ledger: AttemptLedger;
  /** One line per change, for the user: "added T4: …", "edited T2 (depends_on, files)", "removed T3". */
  changes: string[];
}

function changedFields(a: Task, b: Task): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => k !== 'source_line'));
  return [...keys].filter((k) => JSON.stringify(a[k as keyof Task]) !== JSON.stringify(b[k as keyof Task])).sort();
}

export function mergeEpic(current: Epic, ledger: AttemptLedger, next: Epic, opts: { force?: boolean } = {}): EpicMerge {
  const changes: string[] = [];
  const removed = Object.keys(current.tasks).filter((id) => !(id in next.tasks));
  const withHistory = removed.filter((id) => (ledger.attempts[id] ?? []).length);
  if (withHistory.length && !opts.force) {
    throw new RelayError(`${next.source}: ${withHistory.map((id) => `${id} (${ledger.attempts[id]!.length} attempts)`).join(', ')} no longer in the plan; pass --force to remove ${withHistory.length === 1 ? 'it' : 'them'} with ${withHistory.length === 1 ? 'its' : 'their'} history (epic.yml and the ledger are backed up first)`);
  }
  for (const [id, task] of Object.entries(next.tasks)) {
    const before = current.tasks[id];
    if (!before) changes.push(`added ${id}: ${task.title}`);
    else {
      const fields = changedFields(before, task);
      if (fields.length) changes.push(`edited ${id} (${fields.join(', ')})`);
    }
  }
  for (const id of removed) changes.push(`removed ${id}${withHistory.includes(id) ? ` and its ${ledger.attempts[id]!.length} attempts` : ''}`);
  const epic = checkEpic({ ...next, id: current.id, created_at: current.created_at }, next.source);
  const keep = <V>(record: Record<string, V>) => Object.fromEntries(Object.entries(record).filter(([id]) => id in epic.tasks));
  const merged = refreshStatuses(epic, {
    ...ledger,
    task_status: keep(ledger.task_status),
    attempts: keep(ledger.attempts),
    gated_tasks: keep(ledger.gated_tasks),
    streak_start: keep(ledger.streak_start),
  });
  return { epic, ledger: merged, changes };
}
