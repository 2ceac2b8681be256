/** `relay repair <file>`: rebuilds one of relay's files that a merge left with conflict markers, from both sides. */
import { repairConflictedFile } from '../adapters/conflict-repair.ts';
import { currentProject } from '../adapters/project.ts';

export async function repairCommand(file: string): Promise<void> {
  const repaired = await repairConflictedFile(currentProject(), file);
  process.stdout.write(repaired
    ? `relay: merged both sides of ${repaired.file} (from git's ${repaired.from === 'index' ? 'index stages' : 'conflict markers'}); check it, then: git add ${repaired.file}\n`
    : `relay: ${file} has no conflict markers; nothing to repair\n`);
}
