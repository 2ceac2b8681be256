/**
 * Git facts through simple-git: what the anchor shows a worker, and what relay records
 * about an attempt (files really changed, HEAD movement) beside the worker's claims.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { simpleGit, type SimpleGit } from 'simple-git';
import { withoutKeyLearnings } from '../core/knowledge/learnings.ts';
import { isOwnState, OWN_STATE_DIRS, withoutMergeRules } from '../core/shared/bookkeeping.ts';
import type { GitFacts } from '../core/epic/anchor.ts';

function git(root: string): SimpleGit {
  return simpleGit({ baseDir: root, maxConcurrentProcesses: 4 });
}

/** Per process: a run asks for every attempt, and a folder does not stop being a repository mid-run. */
const repoAnswers = new Map<string, Promise<boolean>>();

export function isRepo(root: string): Promise<boolean> {
  let answer = repoAnswers.get(root);
  if (!answer) {
    answer = git(root).checkIsRepo().catch(() => false);
    repoAnswers.set(root, answer);
  }
  return answer;
}

const indexPaths = new Map<string, Promise<string>>();

/** The repository's real index file (a worktree has its own), asked of git once per process. */
function realIndexPath(root: string): Promise<string> {
  let path = indexPaths.get(root);
  if (!path) {
    path = execa('git', ['rev-parse', '--path-format=absolute', '--git-path', 'index'], { cwd: root }).then((r) => r.stdout.trim());
    indexPaths.set(root, path);
  }
  return path;
}

export async function headCommit(root: string): Promise<string | null> {
  try {
    return (await git(root).revparse(['HEAD'])).trim() || null;
  } catch {
    return null;
  }
}

export async function gitFacts(root: string, since: string): Promise<GitFacts | null> {
  if (!(await isRepo(root))) return null;
  const g = git(root);
  const [status, head] = await Promise.all([g.status(), headCommit(root)]);
  const dirty = status.files.map((f) => f.path).filter((p) => !isOwnState(p));
  let subject = '';
  let commitsSinceStart: GitFacts['commitsSinceStart'] = [];
  let diffstat = '';
  if (head) {
    const [log, since_] = await Promise.all([
      g.log({ maxCount: 1 }),
      g.log({ '--since': since, maxCount: 50 }).catch(() => ({ all: [] as Array<{ hash: string; message: string }> })),
    ]);
    subject = log.latest?.message ?? '';
    commitsSinceStart = since_.all.map((c) => ({ sha: c.hash, subject: c.message }));
    if (dirty.length) diffstat = (await g.diff(['--stat=100', 'HEAD', '--', '.', ':(exclude).agents-os', ':(exclude)progress']).catch(() => '')).trim();
  }
  return { branch: status.current ?? 'HEAD', head: head ? { sha: head, subject } : null, dirty, diffstat, commitsSinceStart };
}

/**
 * The project's working tree as a git tree object: tracked, staged, unstaged and untracked
 * (not ignored) files, with relay's bookkeeping taken out. Written through a temporary index
 * (a copy of the real one, so unchanged files are not re-read), never touching the user's
 * index, stash or branches. Two snapshots bound exactly one attempt's change.
 */
export async function snapshotTree(root: string): Promise<string | null> {
  if (!(await isRepo(root))) return null;
  const dir = mkdtempSync(join(tmpdir(), 'relay-index-'));
  const index = join(dir, 'index');
  try {
    const realIndex = await realIndexPath(root);
    if (existsSync(realIndex)) copyFileSync(realIndex, index);
    const env = { GIT_INDEX_FILE: index };
    const run = (args: string[], input?: string) => execa('git', args, { cwd: root, env, input });
    await run(['add', '-A', '--', '.']);
    await run(['rm', '-r', '-q', '--cached', '--ignore-unmatch', '--', ...OWN_STATE_DIRS]);
    await maskBookkeeping(root, run);
    return (await run(['write-tree'])).stdout.trim();
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type GitRun = (args: string[], input?: string) => Promise<{ stdout: string }>;

/** Stages .gitattributes and AGENTS.md as the user wrote them, without the parts relay keeps. */
async function maskBookkeeping(root: string, run: GitRun): Promise<void> {
  const masks: Array<[string, (text: string) => string]> = [['.gitattributes', withoutMergeRules], ['AGENTS.md', withoutKeyLearnings]];
  // One ls-files for both: "<mode> <blob> <stage>\t<path>" per staged file.
  const staged = new Map((await run(['ls-files', '-s', '--', ...masks.map(([file]) => file)])).stdout.split('\n').filter(Boolean).map((line) => [line.split('\t')[1]!, line.split(' ')[0]!]));
  for (const [file, mask] of masks) {
    const mode = staged.get(file);
    if (!mode) continue;
    const text = readFileSync(join(root, file), 'utf8');
    const masked = mask(text);
    if (masked === text) continue;
    const blob = (await run(['hash-object', '-w', '--stdin'], masked)).stdout.trim();
    await run(['update-index', '--cacheinfo', `${mode},${blob},${file}`]);
  }
}

/** Files that differ between two snapshots, renames as their new path. */
export async function changedFiles(root: string, from: string | null, to: string | null): Promise<string[]> {
  if (!from || !to) return [];
  const out = await execa('git', ['diff', '--name-only', '--no-renames', from, to], { cwd: root });
  return out.stdout.split('\n').filter(Boolean).sort();
}

/** The whole diff between two snapshots: renames as renames, binary files named, not dumped. */
export async function snapshotDiff(root: string, from: string | null, to: string | null): Promise<string> {
  if (!from || !to) return '';
  const out = await execa('git', ['-c', 'core.quotePath=false', 'diff', '--find-renames', '--no-color', '--no-ext-diff', from, to], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
  return out.stdout;
}
