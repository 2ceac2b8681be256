/**
 * Owner of the result file git hands its merge driver (%A): `relay merge-driver %O %A %B %P`
 * reads the three versions git staged in temporary files, merges them by meaning and writes
 * the result over %A. Exit 0 tells git the file merged; 1 leaves git's conflict for the user.
 */
import { readFileSync } from 'node:fs';
import { mergeKindOf } from '../core/merge/kinds.ts';
import { RelayError } from '../core/shared/errors.ts';
import { mergeText, mergeVersions, type MergeResult } from './relay-merge.ts';
import { writeFileAtomic } from './store.ts';

const readOr = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

export async function runMergeDriver(baseFile: string, oursFile: string, theirsFile: string, path: string): Promise<MergeResult> {
  const kind = mergeKindOf(path);
  if (!kind) throw new RelayError(`${path}: not one of relay's files; remove its merge=relay line from .gitattributes`, 1);
  const [base, ours, theirs] = [readOr(baseFile), readFileSync(oursFile, 'utf8'), readFileSync(theirsFile, 'utf8')];
  let result: MergeResult;
  try {
    result = await mergeVersions(kind, path, base, ours, theirs);
  } catch (err) {
    // A side relay cannot read (a hand edit gone wrong): leave git's markers for a person, and say why.
    if (!(err instanceof RelayError)) throw err;
    result = { text: (await mergeText(base, ours, theirs)).text, contradiction: err.message };
  }
  writeFileAtomic(oursFile, result.text);
  return result;
}
