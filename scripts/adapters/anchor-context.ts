/**
 * The re-anchoring text for a task as relay hands it to a worker: the pure anchor builder
 * fed with git facts and the memories recall finds. `relay anchor`, `relay work` and the
 * SessionStart hook all call this, so they all show the same brief.
 */
import { buildAnchor, type AnchorInput, type Memory } from '../core/epic/anchor.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import type { AttemptLedger, Epic } from '../core/shared/schemas.ts';
import { gitFacts } from './git.ts';
import { pickMemories, taskQuery } from '../core/knowledge/recall.ts';
import { openRecallIndex } from './recall-index.ts';

export interface TaskAnchor {
  text: string;
  memories: Memory[];
}

export interface AnchorOptions extends Pick<AnchorInput, 'budget' | 'audience'> {
  /** Memories this session was already given (an earlier SessionStart): never given twice. */
  given?: ReadonlySet<string>;
  /** Where the worker works, for the git facts (a task worktree with --jobs); the project root otherwise. */
  cwd?: string;
}

export async function taskAnchor(paths: ProjectPaths, epic: Epic, ledger: AttemptLedger, taskId: string, options: AnchorOptions = {}): Promise<TaskAnchor> {
  const { given, cwd, ...anchorOptions } = options;
  const [git, recalled] = await Promise.all([gitFacts(cwd ?? paths.root, ledger.started_at), recallForTask(paths, epic, ledger, taskId, given)]);
  const text = buildAnchor({ epic, ledger, taskId, git, memories: recalled, ...anchorOptions });
  // The brief leaves out memories it already tells otherwise or that pass its budget; record only what it holds.
  return { text, memories: recalled.filter((m) => text.includes(`(${m.link})`)) };
}

/**
 * The top few memories for a task's next attempt: its title, files and last error as the
 * query, its own receipts left out (the re-anchoring text already shows them), and nothing
 * an earlier attempt of the task was shown (their ids are in `attempt.recalled`).
 * [] when `relay.recall.enabled` is false or nothing matches.
 */
export async function recallForTask(paths: ProjectPaths, epic: Epic, ledger: AttemptLedger, taskId: string, given: ReadonlySet<string> = new Set()): Promise<Memory[]> {
  const config = (await import('./config.ts')).loadRelayConfig(paths).recall;
  const limit = config?.limit ?? 3;
  const task = epic.tasks[taskId];
  if (config?.enabled === false || limit < 1 || !task) return [];
  const attempts = ledger.attempts[taskId] ?? [];
  const lastError = [...attempts].reverse().find((a) => a.result === 'failure')?.receipt?.error_summary ?? null;
  const shown = new Set([...attempts.flatMap((a) => a.recalled ?? []), ...given]);
  // The brief shows this task's attempts and its dependencies' receipts itself.
  const told = new Set([taskId, ...task.depends_on]);
  try {
    const index = await openRecallIndex(paths);
    const hits = index.search(taskQuery(task, lastError), { limit: limit * 3 + shown.size, exclude: (d) => d.source === 'receipt' && told.has(d.task ?? '') });
    const history = lastError ? index.history(lastError, taskId) : null;
    return pickMemories(hits, history, shown, (id) => index.lookup(id), limit);
  } catch (err) {
    // Memories help a worker; they must never stop one from starting.
    process.stderr.write(`relay: recall skipped: ${(err as Error).message}\n`);
    return [];
  }
}
