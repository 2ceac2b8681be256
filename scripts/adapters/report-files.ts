/**
 * Owner of the files a user asks a command to write where they choose (`relay ledger report
 * --out/--svg`). They are the user's files, not relay state, so nothing else reads them.
 */
import { writeFileAtomic } from './store.ts';

export function writeReportFile(file: string, text: string): void {
  writeFileAtomic(file, text);
}
