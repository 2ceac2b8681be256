/**
 * Owner of relay's git worktrees and task branches for parallel runs (`relay work --jobs N`):
 * `~/.cache/relay/worktrees/<repo>-<hash>/<task>` on branches `relay/<epic>/<task>`. Outside the
 * repository, so the user's test runners, linters and editors never see copies of the project;
 * and outside .git, where Claude Code refuses edits ("a sensitive file") unless every permission
 * is bypassed. It creates one per attempt from a given
 * commit, commits a finished attempt's change with relay's trailers, merges the branch into
 * the user's branch (or reports the conflicting files without leaving anything mid-merge), and
 * removes what a run, or a killed run, left behind.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { execa } from 'execa';
import { isOwnState } from '../core/shared/bookkeeping.ts';
import { safeSegment } from '../core/shared/paths.ts';

export interface TaskWorktree {
  taskId: string;
  path: string;
  branch: string;
}

async function git(cwd: string, args: string[], input?: string) {
  return execa('git', args, { cwd, reject: false, input, env: { GIT_TERMINAL_PROMPT: '0' } });
}

async function gitOut(cwd: string, args: string[]): Promise<string> {
  const r = await git(cwd, args);
  if (r.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${(r.stderr || r.stdout).trim().split('\n')[0]}`);
  return r.stdout.trim();
}

/** Whether `root` is a git work tree with a commit to branch from; else why not, as what to do. */
export async function worktreeProblem(root: string): Promise<string | undefined> {
  const inside = await git(root, ['rev-parse', '--is-inside-work-tree', '--is-bare-repository']);
  if (inside.exitCode !== 0) return 'this project is not a git repository, and parallel tasks run in git worktrees: run git init and commit, or leave out --jobs';
  if (inside.stdout.split('\n')[1]?.trim() === 'true' || inside.stdout.split('\n')[0]?.trim() !== 'true') return 'this is a bare repository: run relay work in a checkout, or leave out --jobs';
  if ((await git(root, ['rev-parse', '--verify', '-q', 'HEAD'])).exitCode !== 0) return 'the repository has no commit yet, and a worktree starts from one: commit first, or leave out --jobs';
  if ((await git(root, ['symbolic-ref', '-q', 'HEAD'])).exitCode !== 0) return 'HEAD is detached, and finished tasks are merged into the current branch: check out a branch, or leave out --jobs';
  return undefined;
}

/** One folder per repository (its git directory names it), under XDG_CACHE_HOME or ~/.cache. */
async function worktreesDir(root: string): Promise<string> {
  const gitDir = await gitOut(root, ['rev-parse', '--path-format=absolute', '--git-common-dir']);
  const key = createHash('sha256').update(gitDir).digest('hex').slice(0, 10);
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'relay', 'worktrees', `${safeSegment(basename(dirname(gitDir)))}-${key}`);
}

const branchPrefix = (epicId: string) => `relay/${safeSegment(epicId)}/`;

/** Uncommitted changes (staged, unstaged or untracked) in `files`, relay's own state left out. */
export async function uncommittedIn(root: string, files: readonly string[]): Promise<string[]> {
  if (!files.length) return [];
  const status = await gitOut(root, ['status', '--porcelain', '-z', '--untracked-files=all', '--', ...files]);
  return status.split('\0').filter(Boolean).map((entry) => entry.slice(3)).filter((file) => !isOwnState(file));
}

export async function createTaskWorktree(root: string, epicId: string, taskId: string, base: string): Promise<TaskWorktree> {
  const dir = await worktreesDir(root);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, safeSegment(taskId));
  const branch = `${branchPrefix(epicId)}${safeSegment(taskId)}`;
  // A run stopped with --keep-worktrees, or killed, may have left this task's tree and branch.
  await removeTaskWorktree(root, { taskId, path, branch });
  await gitOut(root, ['worktree', 'add', '--quiet', '-b', branch, path, base]);
  return { taskId, path, branch };
}

/**
 * One commit of an attempt's change with relay's trailers: everything in a task worktree, or
 * only `paths` in the user's own tree (relay.commit), whatever else they have staged left
 * as it was. The new commit, or null when there was nothing to commit.
 */
export async function commitAttempt(cwd: string, message: string, trailers: Record<string, string>, paths?: readonly string[]): Promise<string | null> {
  const only = paths ? ['--', ...paths] : [];
  await gitOut(cwd, ['add', '-A', ...only]);
  if ((await git(cwd, ['diff', '--cached', '--quiet', ...only])).exitCode === 0) return null;
  const body = `${message}\n\n${Object.entries(trailers).map(([k, v]) => `${k}: ${v}`).join('\n')}\n`;
  const commit = await git(cwd, ['commit', '--quiet', '--no-verify', '-F', '-', ...only], body);
  if (commit.exitCode !== 0) throw new Error(`git commit in ${cwd}: ${(commit.stderr || commit.stdout).trim().split('\n')[0]}`);
  return gitOut(cwd, ['rev-parse', 'HEAD']);
}

export type MergeResult = { merged: true; commit: string } | { merged: false; files: string[]; reason: string };

/**
 * Merges the task branch into the branch checked out at `root`. Conflicts are found first
 * with `git merge-tree`, which touches nothing; only a clean merge runs `git merge`, and a
 * merge git still refuses (say, a local change the merge would overwrite) is aborted, so the
 * user's working tree is never left mid-merge.
 */
export async function mergeTaskBranch(root: string, wt: TaskWorktree, message: string): Promise<MergeResult> {
  const trial = await git(root, ['merge-tree', '--write-tree', '--name-only', '--no-messages', 'HEAD', wt.branch]);
  if (trial.exitCode === 1) {
    const files = trial.stdout.split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
    return { merged: false, files, reason: `merging ${wt.branch} conflicts in ${files.join(', ')}` };
  }
  if (trial.exitCode !== 0) return { merged: false, files: [], reason: `git merge-tree failed: ${(trial.stderr || trial.stdout).trim().split('\n')[0]}` };
  const merge = await git(root, ['merge', '--no-ff', '--no-edit', '--quiet', '-m', message, wt.branch]);
  if (merge.exitCode !== 0) {
    if ((await git(root, ['rev-parse', '-q', '--verify', 'MERGE_HEAD'])).exitCode === 0) await git(root, ['merge', '--abort']);
    const said = `${merge.stderr}\n${merge.stdout}`;
    const files = [...said.matchAll(/^\s+(\S.*)$/gm)].map((m) => m[1]!.trim()).filter((f) => !/^(Please|Aborting|Merge)/.test(f));
    return { merged: false, files, reason: `git merge refused: ${said.trim().split('\n')[0]}` };
  }
  return { merged: true, commit: await gitOut(root, ['rev-parse', 'HEAD']) };
}

export async function removeTaskWorktree(root: string, wt: TaskWorktree): Promise<void> {
  if (existsSync(wt.path)) {
    await git(root, ['worktree', 'remove', '--force', '--force', wt.path]);
    rmSync(wt.path, { recursive: true, force: true });
  }
  await git(root, ['worktree', 'prune']);
  await git(root, ['branch', '-D', '--quiet', wt.branch]);
}

/** Worktrees and task branches of `epicId` that no run is using (the caller holds the run lock): removed, and listed. */
export async function removeStaleWorktrees(root: string, epicId: string): Promise<string[]> {
  const dir = await worktreesDir(root);
  const branches = (await gitOut(root, ['for-each-ref', '--format=%(refname:short)', `refs/heads/${branchPrefix(epicId)}`])).split('\n').filter(Boolean);
  const removed: string[] = [];
  for (const branch of branches) {
    const taskId = branch.slice(branchPrefix(epicId).length);
    await removeTaskWorktree(root, { taskId, branch, path: join(dir, taskId) });
    removed.push(taskId);
  }
  return removed;
}
