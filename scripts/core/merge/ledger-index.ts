/**
 * progress/ledger-index.json across branches: it describes the quarterly archives, which merge
 * record by record, so each archive's entry adds up what each side added since the base (the
 * records are distinct by id) and widens its time range.
 */
import { LedgerIndex, type ArchiveEntry } from '../episodic/records.ts';
import { parseWith } from '../shared/validate.ts';

const minOf = (...xs: (string | null | undefined)[]) => xs.filter((x): x is string => Boolean(x)).sort()[0] ?? null;
const maxOf = (...xs: (string | null | undefined)[]) => xs.filter((x): x is string => Boolean(x)).sort().at(-1) ?? null;

export function mergeLedgerIndex(base: string, ours: string, theirs: string, file: string): string {
  const read = (text: string, side: string): LedgerIndex => (text.trim() ? parseWith(LedgerIndex, JSON.parse(text), `${file} (${side})`) : { version: 1, archives: [] });
  const [b, o, t] = [read(base, 'base'), read(ours, 'ours'), read(theirs, 'theirs')];
  const byFile = (index: LedgerIndex) => new Map(index.archives.map((e) => [e.file, e]));
  const [bf, of, tf] = [byFile(b), byFile(o), byFile(t)];
  const archives: ArchiveEntry[] = [];
  for (const name of new Set([...of.keys(), ...tf.keys()])) {
    const [be, oe, te] = [bf.get(name), of.get(name), tf.get(name)];
    if (!oe || !te) {
      archives.push((oe ?? te)!);
      continue;
    }
    const count = oe.count + te.count - (be?.count ?? 0);
    archives.push({ ...oe, count: Math.max(count, oe.count, te.count), from: minOf(oe.from, te.from), to: maxOf(oe.to, te.to) });
  }
  const merged: LedgerIndex = { version: 1, archives: archives.sort((x, y) => x.quarter.localeCompare(y.quarter)) };
  return `${JSON.stringify(merged, null, 2)}\n`;
}
