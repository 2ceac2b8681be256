/**
 * Owner of what makes git carry relay's state well: relay's lines in .gitattributes (union for
 * append-only ledgers, the relay driver for the YAML and notes), .agents-os/.gitignore (state
 * that belongs to one machine) and the `merge.relay` driver in the repository's git config,
 * which git never copies into a clone.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { execa } from 'execa';
import { MACHINE_LOCAL, MERGE_RULES, MERGE_RULES_COMMENT, OLD_MERGE_RULES } from '../core/shared/bookkeeping.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import { relayCommandLine } from './project.ts';
import { withLock, writeFileAtomic } from './store.ts';

const DRIVER_NAME = "relay: merges relay's ledgers, epic and notes by what they mean";

/** Adds relay's merge rules to .gitattributes (a user's own lines stay). Returns whether it added lines. */
export function ensureMergeRules(paths: ProjectPaths): Promise<boolean> {
  return withLock(paths.gitattributesLock, () => {
    const before = existsSync(paths.gitattributes) ? readFileSync(paths.gitattributes, 'utf8') : '';
    // Lines an earlier relay wrote give way to today's rules; the user's own lines stay.
    const current = before.split('\n').filter((l) => !OLD_MERGE_RULES.includes(l.replace(/\r$/, ''))).join('\n');
    const lines = current.split('\n').map((l) => l.replace(/\r$/, ''));
    const missing = MERGE_RULES.filter((l) => !lines.includes(l));
    if (!missing.length) {
      if (current !== before) writeFileAtomic(paths.gitattributes, current);
      return false;
    }
    const sep = current && !current.endsWith('\n') ? '\n' : '';
    const comment = lines.includes(MERGE_RULES_COMMENT) ? '' : `${MERGE_RULES_COMMENT}\n`;
    writeFileAtomic(paths.gitattributes, `${current}${sep}${comment}${missing.join('\n')}\n`);
    return true;
  });
}

/** Keeps one machine's state out of commits. Returns whether it wrote the file. */
export function ensureStateIgnored(paths: ProjectPaths): boolean {
  const wanted = `# relay: state that belongs to one machine; never commit it\n${MACHINE_LOCAL.join('\n')}\n`;
  if (existsSync(paths.stateIgnore) && readFileSync(paths.stateIgnore, 'utf8') === wanted) return false;
  writeFileAtomic(paths.stateIgnore, wanted);
  return true;
}

/** Registers the driver in the repository's config (all worktrees share it). Returns the command registered. */
export async function registerMergeDriver(paths: ProjectPaths): Promise<string> {
  const command = relayCommandLine('merge-driver %O %A %B %P');
  await execa('git', ['config', '--local', 'merge.relay.name', DRIVER_NAME], { cwd: paths.root });
  await execa('git', ['config', '--local', 'merge.relay.driver', command], { cwd: paths.root });
  return command;
}

/** The repository's shared git directory, read from files only (SessionStart cannot afford a git process). */
function commonGitDir(paths: ProjectPaths): string | null {
  try {
    if (statSync(paths.gitDirPointer).isDirectory()) return paths.gitDirPointer;
    const gitdir = /^gitdir:\s*(.+)$/m.exec(readFileSync(paths.gitDirPointer, 'utf8'))?.[1]?.trim();
    if (!gitdir) return null;
    const dir = isAbsolute(gitdir) ? gitdir : resolve(paths.root, gitdir);
    const common = existsSync(resolve(dir, 'commondir')) ? readFileSync(resolve(dir, 'commondir'), 'utf8').trim() : '.';
    return resolve(dir, common);
  } catch {
    return null;
  }
}

/**
 * Why relay's merge rules would fall back to line merges in this clone, or null when they will
 * not: the rules are in .gitattributes but the driver is not configured, or points at a relay
 * that is no longer there (a plugin update moves it).
 */
export function mergeDriverProblem(paths: ProjectPaths): string | null {
  if (!existsSync(paths.gitattributes) || !readFileSync(paths.gitattributes, 'utf8').includes('merge=relay')) return null;
  const gitDir = commonGitDir(paths);
  if (!gitDir) return null;
  let config = '';
  try {
    config = readFileSync(resolve(gitDir, 'config'), 'utf8');
  } catch {
    return null;
  }
  const section = /^\s*\[merge\s+"relay"\]([^[]*)/m.exec(config)?.[1] ?? '';
  const driver = /^\s*driver\s*=\s*(.+)$/m.exec(section)?.[1];
  if (!driver) return 'this clone has no merge driver for relay\'s files (git does not copy it into clones), so a merge of two branches\' relay state can conflict';
  const paths_ = [...driver.matchAll(/'([^']+)'/g)].map((m) => m[1]!).filter((p) => p.startsWith('/'));
  const gone = paths_.find((p) => !existsSync(p));
  return gone ? `the merge driver for relay's files points at ${gone}, which is gone (relay moved or was updated)` : null;
}

