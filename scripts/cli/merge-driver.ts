/**
 * `relay merge-driver %O %A %B %P`: what git runs for a file marked merge=relay. Silent when
 * the file merged; one line and exit 1 (git then reports the conflict) on a true contradiction.
 */
import { runMergeDriver } from '../adapters/merge-driver.ts';

export async function mergeDriverCommand(base: string, ours: string, theirs: string, path: string): Promise<void> {
  const result = await runMergeDriver(base, ours, theirs, path);
  if (result.contradiction) {
    process.stderr.write(`relay: ${result.contradiction}\n`);
    process.exitCode = 1;
  }
}
