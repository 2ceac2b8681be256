/**
 * Git facts through simple-git: what the anchor shows a worker, and what relay records
 * about an attempt (files really changed, HEAD movement) beside the worker's claims.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import type { GitFacts } from '../core/epic/anchor.ts';

/** relay's own state is not part of a task's work. */
const OWN_STATE = /^(\.agents-os\/|progress\/)/;

function git(root: string): SimpleGit {
  return simpleGit({ baseDir: root, maxConcurrentProcesses: 4 });
}

export async function isRepo(root: string): Promise<boolean> {
  try {
    return await git(root).checkIsRepo();
  } catch {
    return false;
  }
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
  const dirty = status.files.map((f) => f.path).filter((p) => !OWN_STATE.test(p));
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

function contentHash(root: string, file: string): string {
  try {
    return createHash('sha1').update(readFileSync(join(root, file))).digest('hex');
  } catch {
    return 'absent';
  }
}

/** Content hashes of the files that are already dirty before an attempt starts. */
export async function dirtySnapshot(root: string): Promise<Map<string, string>> {
  if (!(await isRepo(root))) return new Map();
  const status = await git(root).status();
  return new Map(status.files.filter((f) => !OWN_STATE.test(f.path)).map((f) => [f.path, contentHash(root, f.path)]));
}

/**
 * Files the attempt really changed: differing from `startCommit` (committed or not) or new,
 * minus files that were already dirty at the start and are byte-for-byte unchanged since.
 */
export async function filesChangedSince(root: string, startCommit: string | null, before: Map<string, string>): Promise<string[]> {
  if (!(await isRepo(root))) return [];
  const g = git(root);
  const changed = new Set<string>();
  if (startCommit) {
    const diff = await g.diff(['--name-only', startCommit]).catch(() => '');
    for (const f of diff.split('\n')) if (f) changed.add(f);
  }
  const status = await g.status();
  for (const f of status.files) changed.add(f.path);
  return [...changed].filter((f) => !OWN_STATE.test(f) && before.get(f) !== contentHash(root, f)).sort();
}

/** The real diff of an attempt, from its start commit to the working tree, capped. */
export async function diffSince(root: string, startCommit: string | null, maxChars: number): Promise<string> {
  if (!startCommit || !(await isRepo(root))) return '';
  const g = git(root);
  const tracked = await g.diff([startCommit, '--', '.', ':(exclude).agents-os', ':(exclude)progress']).catch(() => '');
  // Untracked files are shown by content rather than by touching the user's index.
  const untracked = (await g.status()).not_added.filter((f) => !OWN_STATE.test(f)).slice(0, 20);
  const added = untracked.map((f) => {
    let body: string;
    try {
      body = readFileSync(join(root, f), 'utf8').slice(0, 4000);
    } catch {
      body = '(unreadable)';
    }
    return `new file ${f}\n${body.split('\n').map((l) => `+${l}`).join('\n')}`;
  });
  const diff = [tracked, ...added].filter(Boolean).join('\n');
  return diff.length > maxChars ? `${diff.slice(0, maxChars)}\n[… diff truncated at ${maxChars} characters]` : diff;
}
