/**
 * `relay setup`: readies a clone for relay's state. git never copies merge drivers into a
 * clone, so each clone registers its own; the .gitattributes rules and the ignore file for
 * machine-local state are checked too. Safe to run again.
 */
import { ensureMergeRules, ensureStateIgnored, registerMergeDriver } from '../adapters/git-setup.ts';
import { isRepo } from '../adapters/git.ts';
import { currentProject } from '../adapters/project.ts';
import { RelayError } from '../core/shared/errors.ts';

export async function setupCommand(): Promise<void> {
  const paths = currentProject();
  if (!(await isRepo(paths.root))) throw new RelayError(`${paths.root}: not a git repository; relay's merge driver lives in git's config (run git init first)`, 2);
  const rules = await ensureMergeRules(paths);
  const ignored = ensureStateIgnored(paths);
  const command = await registerMergeDriver(paths);
  process.stdout.write([
    `relay: merge driver registered in .git/config: ${command}`,
    rules ? 'relay: added merge rules for relay\'s files to .gitattributes (commit it)' : 'relay: .gitattributes already has relay\'s merge rules',
    ignored ? 'relay: wrote .agents-os/.gitignore for machine-local state (commit it)' : 'relay: .agents-os/.gitignore is up to date',
    '',
  ].join('\n'));
}
