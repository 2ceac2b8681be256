/**
 * epic.yml across branches: edits to different tasks or fields combine; the same field changed
 * two ways is a contradiction the user settles, named by task and field.
 */
import type { Epic } from '../shared/schemas.ts';
import { checkEpic } from '../epic/epic.ts';
import { RelayError } from '../shared/errors.ts';
import { mergeValues } from './three-way.ts';

const shown = (v: unknown) => (v === undefined ? '(removed)' : JSON.stringify(v).slice(0, 80));

export function mergeEpics(base: unknown, ours: unknown, theirs: unknown, file: string): Epic {
  const { value, contradictions } = mergeValues(base, ours, theirs);
  if (contradictions.length) {
    const list = contradictions.map((c) => `${c.path || '(whole file)'}: ours ${shown(c.ours)}, theirs ${shown(c.theirs)}`).join('; ');
    throw new RelayError(`${file}: both branches changed the same field of the epic: ${list}; edit the file to the value you want, then git add it`, 1);
  }
  // Two sound sides can still merge into an unsound epic (each adds half of a dependency cycle).
  return checkEpic(value, file);
}
