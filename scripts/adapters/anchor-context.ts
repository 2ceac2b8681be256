/**
 * The re-anchoring text for a task as relay hands it to a worker: the pure anchor builder
 * fed with git facts and the memories recall finds. `relay anchor`, `relay work` and the
 * SessionStart hook all call this, so they all show the same brief.
 */
import { buildAnchor, type AnchorInput, type Memory } from '../core/epic/anchor.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import type { AttemptLedger, Epic } from '../core/shared/schemas.ts';
import { gitFacts } from './git.ts';
import { recallForTask } from './recall-index.ts';

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
