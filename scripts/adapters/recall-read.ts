/**
 * Reads one of recall's sources (recall-sources.ts lists them) into documents, whole. Loaded
 * only when a source changed; it brings the YAML and schema parsers the attempt ledger and the
 * ops-knowledge entries need.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { kbDocs, learningDocs, receiptDocs } from '../core/knowledge/recall-docs.ts';
import type { Extracted, RecallDoc } from '../core/knowledge/recall.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import { loadYamlSnapshot } from './documents.ts';
import { MAX_SOURCE_BYTES, readFailed, readJsonl, type SourceSink } from './recall-read-jsonl.ts';
import type { ReadSource, SourceFile } from './recall-sources.ts';


/**
 * The line of each attempt in attempt-ledger.yml, from the block layout relay writes
 * (`attempts:`, then `  T1:`, then `    - id: 1`), because parsing the YAML just for links
 * costs about a second per MB. A ledger laid out differently links to its first line.
 */
function attemptLines(text: string): (taskId: string, index: number) => number {
  const lines = new Map<string, number[]>();
  let inAttempts = false;
  let task: number[] | null = null;
  // The indent and dash of the current task's attempts, once its first is seen.
  let item: string | null = null;
  // Line by line without splitting, and a regex only where a line can match it: a ledger has
  // tens of thousands of lines, nearly all of them an attempt's fields.
  for (let start = 0, n = 1; start <= text.length; n++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const at = start;
    start = end + 1;
    if (text.charCodeAt(at) !== 32) {
      const line = text.slice(at, end);
      if (/^\S/.test(line)) inAttempts = /^attempts:\s*$/.test(line);
      continue;
    }
    if (!inAttempts) continue;
    const third = text.charCodeAt(at + 2);
    if (text.charCodeAt(at + 1) === 32 && third !== 32 && third !== 9) {
      const key = /^ {2}(["']?)([^\s"':#][^"':]*)\1:\s*$/.exec(text.slice(at, end));
      if (key) {
        lines.set(key[2]!, (task = []));
        item = null;
        continue;
      }
    }
    if (!task) continue;
    if (item === null) {
      const first = /^( +)- /.exec(text.slice(at, end));
      if (first) {
        item = `${first[1]}- `;
        task.push(n);
      }
    } else if (text.startsWith(item, at)) task.push(n);
  }
  return (taskId, index) => lines.get(taskId)?.[index] ?? 1;
}

/** Receipts come from relay's JSON snapshot of the ledger when it is fresh, else from the YAML. */
function attemptLedgerDocs(paths: ProjectPaths, rel: string, text: string, sink?: (d: RecallDoc) => void): Extracted {
  let ledger: unknown;
  try {
    ledger = loadYamlSnapshot(paths.attemptLedger, z.unknown(), paths.ledgerSnapshot);
  } catch (err) {
    return { docs: [], facts: [], problems: [(err as Error).message] };
  }
  return receiptDocs(rel, ledger, attemptLines(text), sink);
}

/**
 * A listed source's text in one call (open, read and close in one go: 1,500 ops-knowledge
 * entries are 1,500 round trips), bounded by the size it was listed with.
 */
function readListed(f: SourceFile): string {
  if (f.size > MAX_SOURCE_BYTES) throw Object.assign(new Error(`${f.rel}: file is ${f.size} bytes, more than the ${MAX_SOURCE_BYTES}-byte limit`), { code: 'EFBIG' });
  return readFileSync(f.abs, 'utf8');
}

/** One source, whole; with a sink, its documents go to it as they are read (`docs` is then empty). */
export function readSource(paths: ProjectPaths, f: SourceFile, sink?: SourceSink): ReadSource {
  try {
    if (f.kind === 'episodic') return readJsonl(f, sink);
    const text = readListed(f);
    if (f.kind === 'receipts') return { kind: f.kind, mtimeMs: f.mtimeMs, size: f.size, ...attemptLedgerDocs(paths, f.rel, text, sink) };
    const extracted = f.kind === 'kb' ? kbDocs(f.rel, text) : learningDocs(f.rel, text);
    if (sink) {
      for (const d of extracted.docs) sink(d);
      extracted.docs = [];
    }
    return { kind: f.kind, mtimeMs: f.mtimeMs, size: f.size, ...extracted };
  } catch (err) {
    return readFailed(f, err);
  }
}
