/**
 * Reads recall's JSONL sources (the episodic ledger and its archives) into documents: in
 * full, or only the lines appended since they were last read. It loads no parser but JSON, so
 * the usual change between two queries (records appended to the ledger) loads nothing more;
 * recall-read.ts reads the other sources.
 */
import { episodicDocs } from '../core/knowledge/recall-episodic.ts';
import type { Extracted, RecallDoc } from '../core/knowledge/recall.ts';
import { fnv1aBytes } from '../core/shared/fnv.ts';
import type { Appended, ReadSource, SourceFile } from './recall-sources.ts';
import { readRange } from './store.ts';

export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;
const TAIL_BYTES = 64;

function countLines(bytes: Buffer): number {
  let lines = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
  return lines;
}

/** Where a document's line is in its JSONL file: bytes `[at, at + length)`, whose FNV-1a is `hash`. */
export interface SourceLine {
  at: number;
  length: number;
  hash: number;
}

/** Takes each document read; `from` when the document is its line as read, so it can be read back from there. */
export type SourceSink = (d: RecallDoc, from?: SourceLine) => void;

/** Byte offset of each line's start, then one past the end as if the last line ended with a newline: line n is `[starts[n - 1], starts[n] - 1)`. */
function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) starts.push(i + 1);
  starts.push(bytes.length + 1);
  return starts;
}

export function readFailed(f: SourceFile, err: unknown): ReadSource {
  const problem = `${f.rel}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  return { kind: f.kind, mtimeMs: f.mtimeMs, size: f.size, docs: [], facts: [], problems: [problem] };
}

/** A JSONL source, whole; with a sink, its documents go to it as they are read. */
export function readJsonl(f: SourceFile, sink?: SourceSink): ReadSource {
  try {
    const bytes = readRange(f.abs, 0, f.size, MAX_SOURCE_BYTES);
    const tail = bytes.subarray(-TAIL_BYTES).toString('base64');
    const starts = lineStarts(bytes);
    const put = sink && ((d: RecallDoc, asRead?: boolean) => {
      if (!asRead) return sink(d);
      const at = starts[d.line - 1]!;
      const end = starts[d.line]! - 1;
      sink(d, { at, length: end - at, hash: fnv1aBytes(bytes, at, end) });
    });
    // `starts` has a start per newline, then its sentinel: the lines ended so far are one fewer.
    return { kind: f.kind, mtimeMs: f.mtimeMs, size: bytes.length, lines: starts.length - 2, tail, ...episodicDocs(f.rel, bytes.toString('utf8'), 1, put) };
  } catch (err) {
    return readFailed(f, err);
  }
}

/**
 * A JSONL source that only grew since it was read (the episodic ledger between rotations):
 * only its new lines are read. Null when it was rewritten, rotated or ended mid-line.
 */
export function readAppended(f: SourceFile, old: Omit<ReadSource, keyof Extracted>): Appended | null {
  if (f.kind !== 'episodic' || old.tail === undefined || old.lines === undefined || f.size <= old.size) return null;
  const tail = Buffer.from(old.tail, 'base64');
  if (!tail.length || tail.at(-1) !== 10) return null;
  let bytes: Buffer;
  try {
    bytes = readRange(f.abs, old.size - tail.length, f.size, MAX_SOURCE_BYTES);
  } catch {
    return null;
  }
  if (!bytes.subarray(0, tail.length).equals(tail)) return null;
  const grown = bytes.subarray(tail.length);
  const added = episodicDocs(f.rel, grown.toString('utf8'), old.lines + 1);
  return {
    kind: f.kind, mtimeMs: f.mtimeMs, size: old.size + grown.length, lines: old.lines + countLines(grown), tail: bytes.subarray(-TAIL_BYTES).toString('base64'),
    docs: [], facts: [], problems: [], added,
  };
}
