/**
 * Reads one of recall's sources (recall-sources.ts lists them) into documents: in full, or
 * only the lines appended since it was last read. Loaded only when a source changed.
 */
import { z } from 'zod';
import { episodicDocs, kbDocs, learningDocs, receiptDocs } from '../core/knowledge/recall-docs.ts';
import type { Extracted } from '../core/knowledge/recall.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import { loadYamlSnapshot } from './documents.ts';
import type { Appended, ReadSource, SourceFile } from './recall-sources.ts';
import { readRange, readTextBounded } from './store.ts';

const MAX_SOURCE_BYTES = 64 * 1024 * 1024;
const TAIL_BYTES = 64;

/**
 * The line of each attempt in attempt-ledger.yml, from the block layout relay writes
 * (`attempts:`, then `  T1:`, then `    - id: 1`), because parsing the YAML just for links
 * costs about a second per MB. A ledger laid out differently links to its first line.
 */
function attemptLines(text: string): (taskId: string, index: number) => number {
  const lines = new Map<string, number[]>();
  let inAttempts = false;
  let task: number[] | null = null;
  let itemIndent = -1;
  text.split('\n').forEach((line, i) => {
    if (/^\S/.test(line)) {
      inAttempts = /^attempts:\s*$/.test(line);
      return;
    }
    if (!inAttempts) return;
    const key = /^ {2}(["']?)([^\s"':#][^"':]*)\1:\s*$/.exec(line);
    if (key) {
      lines.set(key[2]!, (task = []));
      itemIndent = -1;
      return;
    }
    const item = /^( +)- /.exec(line);
    if (!task || !item) return;
    if (itemIndent < 0) itemIndent = item[1]!.length;
    if (item[1]!.length === itemIndent) task.push(i + 1);
  });
  return (taskId, index) => lines.get(taskId)?.[index] ?? 1;
}

/** Receipts come from relay's JSON snapshot of the ledger when it is fresh, else from the YAML. */
function attemptLedgerDocs(paths: ProjectPaths, rel: string, text: string): Extracted {
  let ledger: unknown;
  try {
    ledger = loadYamlSnapshot(paths.attemptLedger, z.unknown(), paths.ledgerSnapshot);
  } catch (err) {
    return { docs: [], facts: [], problems: [(err as Error).message] };
  }
  return receiptDocs(rel, ledger, attemptLines(text));
}

function countLines(bytes: Buffer): number {
  let lines = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
  return lines;
}

function readFailed(f: SourceFile, err: unknown): ReadSource {
  const problem = `${f.rel}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  return { kind: f.kind, mtimeMs: f.mtimeMs, size: f.size, docs: [], facts: [], problems: [problem] };
}

export function readSource(paths: ProjectPaths, f: SourceFile): ReadSource {
  try {
    if (f.kind === 'episodic') {
      const bytes = readRange(f.abs, 0, f.size, MAX_SOURCE_BYTES);
      const tail = bytes.subarray(-TAIL_BYTES).toString('base64');
      return { kind: f.kind, mtimeMs: f.mtimeMs, size: bytes.length, lines: countLines(bytes), tail, ...episodicDocs(f.rel, bytes.toString('utf8')) };
    }
    const text = readTextBounded(f.abs, MAX_SOURCE_BYTES);
    const extracted = f.kind === 'receipts' ? attemptLedgerDocs(paths, f.rel, text) : f.kind === 'kb' ? kbDocs(f.rel, text) : learningDocs(f.rel, text);
    return { kind: f.kind, mtimeMs: f.mtimeMs, size: f.size, ...extracted };
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
