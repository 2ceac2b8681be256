/**
 * Owner of recall's segment files, `.agents-os/cache/recall/seg-<id>.jsonl`: the documents the
 * index points at, one JSON line each, read only for the hits a query returns. Written whole
 * and never changed (adapters/recall-index.ts names and removes them). An episodic document that
 * is its ledger line as read (redaction changed nothing) keeps only where that line is, and is
 * read back from the ledger, so a first query does not serialise most of the ledgers again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { episodicDocAsRead } from '../core/knowledge/episodic-line.ts';
import type { IndexedDoc, RecallDoc } from '../core/knowledge/recall.ts';
import { RelayError } from '../core/shared/errors.ts';
import { fnv1aBytes } from '../core/shared/fnv.ts';
import type { SourceLine } from './recall-read-jsonl.ts';
import { readAt, readTextBounded, stageFile, type StagedFile } from './store.ts';

const MAX_SEGMENT_BYTES = 512 * 1024 * 1024;
const segFile = (dir: string, seg: string) => join(dir, `seg-${seg}.jsonl`);

/**
 * A new segment, written as documents are read (`append` says where each is stored) and put
 * in place by `commit`. With no cache folder to write to, the documents stay in memory.
 */
export class Segment {
  readonly #file: StagedFile | null;
  readonly #memory = new Map<string, RecallDoc>();
  #offset = 0;

  constructor(dir: string | null, readonly id: string) {
    this.#file = dir === null ? null : stageFile(segFile(dir, id), 'replace');
  }

  /** `from`: the document is its source line as read, so only where that line is gets written. */
  append(d: RecallDoc, from?: SourceLine): string {
    if (!this.#file) {
      const where = `${this.id}:${this.#memory.size}:0`;
      this.#memory.set(where, d);
      return where;
    }
    const length = this.#file.write(JSON.stringify(from ? ({ id: d.id, file: d.file, line: d.line, from: [from.at, from.length, from.hash] } satisfies LineRef) : d));
    this.#file.write('\n');
    const where = `${this.id}:${this.#offset}:${length}`;
    this.#offset += length + 1;
    return where;
  }

  commit(): void {
    this.#file?.commit();
  }

  abort(): void {
    this.#file?.abort();
  }

  /** A document of this segment that is only in memory. */
  held(where: string): RecallDoc | undefined {
    return this.#memory.get(where);
  }
}

/** What a segment keeps of an episodic document that is its ledger line as read: where that line is, and its FNV-1a. */
export interface LineRef {
  id: string;
  file: string;
  line: number;
  from: [at: number, length: number, hash: number];
}
export type Stored = RecallDoc | LineRef;

export const isLineRef = (s: Stored): s is LineRef => 'from' in s;

/**
 * A document read back from its ledger line. The line must be the bytes indexed (same length and
 * FNV-1a, same record id): a ledger rewritten with its size and mtime kept, which the listing
 * cannot tell, is refused rather than shown, and the caller drops the index.
 */
export function fromLine(root: string, ref: LineRef, bytes?: Buffer): RecallDoc {
  const [at, length, hash] = ref.from;
  let line: Buffer | null;
  try {
    line = bytes ? bytes.subarray(at, at + length) : readAt(join(root, ref.file), at, length);
  } catch {
    line = null;
  }
  const doc = line?.length === length && fnv1aBytes(line, 0, length) === hash ? episodicDocAsRead(ref.file, line.toString('utf8'), ref.line) : null;
  if (doc?.id !== ref.id) throw new RelayError(`${ref.file}:${ref.line} changed since recall indexed it; run the query again to index it anew`, 1);
  return doc;
}

export function readStored(dir: string, where: string): Stored {
  const [seg, offset, length] = where.split(':');
  return JSON.parse(readAt(segFile(dir, seg!), Number(offset), Number(length)).toString('utf8')) as Stored;
}

/** Every document of the given segments as stored (a ledger line's only by where it is), with where it is stored. */
export function readSegments(dir: string, segs: readonly string[]): Array<Stored & { where: string }> {
  return segs.flatMap((seg) => {
    let offset = 0;
    return readTextBounded(segFile(dir, seg), MAX_SEGMENT_BYTES).split('\n').flatMap((line) => {
      const at = offset;
      const length = Buffer.byteLength(line);
      offset += length + 1;
      return line ? [{ ...(JSON.parse(line) as Stored), where: `${seg}:${at}:${length}` }] : [];
    });
  });
}

/** Stored documents in full, each ledger read once for all its lines. */
export function inFull(root: string, stored: ReadonlyArray<Stored & { where: string }>): IndexedDoc[] {
  const files = new Map<string, Buffer>();
  const fileOf = (rel: string) => files.get(rel) ?? files.set(rel, readFileSync(join(root, rel))).get(rel)!;
  return stored.map((s) => (isLineRef(s) ? { ...fromLine(root, s, fileOf(s.file)), where: s.where } : s));
}
