/**
 * Owner of the recall index cache; reads recall's sources on disk and indexes them. Sources: the episodic ledger and
 * its archives, the attempt ledger's receipts, every markdown file under docs/ops-knowledge,
 * and AGENTS.md's Key Learnings. The cache (.agents-os/cache/recall-index.json) keeps each
 * source's documents keyed by the file's mtime and size, plus the serialised index: a source
 * that did not change is not read again, and a changed one is swapped in without rebuilding
 * the rest of the index.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import type MiniSearch from 'minisearch';
import type { Memory } from '../core/epic/anchor.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import {
  buildIndex, episodicDocs, errorHistory, errorKey, kbDocs, learningDocs, loadIndex, pickMemories, receiptDocs, searchDocs, taskQuery,
  type ErrorFact, type ErrorHistory, type Extracted, type RecallDoc, type RecallHit, type SavedIndex, type SearchOptions,
} from '../core/knowledge/recall.ts';
import type { AttemptLedger, Epic } from '../core/shared/schemas.ts';
import { loadRelayConfig } from './config.ts';
import { loadYamlSnapshot } from './documents.ts';
import { readRange, readTextBounded, writeFileAtomic } from './store.ts';

const CACHE_VERSION = 1;
const MAX_SOURCE_BYTES = 64 * 1024 * 1024;
/** Past this share of discarded documents, a full rebuild is cheaper than carrying the dead weight. */
const MAX_DIRT = 0.25;
const TAIL_BYTES = 64;

type Kind = 'episodic' | 'receipts' | 'kb' | 'learning';

interface SourceFile {
  rel: string;
  abs: string;
  kind: Kind;
  mtimeMs: number;
  size: number;
}

interface CachedSource extends Extracted {
  kind: Kind;
  mtimeMs: number;
  size: number;
  /** JSONL only: lines read and the file's last bytes (base64), to recognise a file that was only appended to. */
  lines?: number;
  tail?: string;
}

interface CacheFile {
  version: number;
  sources: Record<string, CachedSource>;
  index: SavedIndex;
}

export interface RecallIndex {
  docs: ReadonlyMap<string, RecallDoc>;
  facts: readonly ErrorFact[];
  problems: readonly string[];
  /** How the index was obtained: unchanged cache, some sources swapped in, or built from scratch. */
  build: { mode: 'cached' | 'incremental' | 'full'; sources: number; reread: number };
  search(query: string, opts: SearchOptions): RecallHit[];
  history(errorText: string, exceptTask?: string): ErrorHistory | null;
}

function statFile(abs: string): { mtimeMs: number; size: number } | null {
  try {
    const st = statSync(abs);
    return st.isFile() ? { mtimeMs: st.mtimeMs, size: st.size } : null;
  } catch {
    return null;
  }
}

/** Markdown files under `dir`; symlinks and dot-folders are skipped so a loop cannot trap the walk. */
export function markdownFiles(dir: string, depth = 0): string[] {
  if (depth > 12) return [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    if (e.name.startsWith('.')) return [];
    if (e.isDirectory()) return markdownFiles(join(dir, e.name), depth + 1);
    return e.isFile() && e.name.endsWith('.md') ? [join(dir, e.name)] : [];
  }).sort();
}

function listSources(paths: ProjectPaths): SourceFile[] {
  let archives: string[] = [];
  try {
    archives = readdirSync(paths.progressArchive).filter((n) => /^ledger-.*\.jsonl$/.test(n)).sort().map((n) => join(paths.progressArchive, n));
  } catch { /* no archive yet */ }
  const candidates: Array<[string, Kind]> = [
    ...archives.map((f): [string, Kind] => [f, 'episodic']),
    [paths.episodicLedger, 'episodic'],
    [paths.attemptLedger, 'receipts'],
    ...markdownFiles(paths.opsKnowledge).map((f): [string, Kind] => [f, 'kb']),
    [paths.agentsMd, 'learning'],
  ];
  return candidates.flatMap(([abs, kind]) => {
    const st = statFile(abs);
    return st ? [{ abs, kind, rel: relative(paths.root, abs).split(sep).join('/'), ...st }] : [];
  });
}

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

function readFailed(f: SourceFile, err: unknown): CachedSource {
  const problem = `${f.rel}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  return { kind: f.kind, mtimeMs: f.mtimeMs, size: f.size, docs: [], facts: [], problems: [problem] };
}

function extract(paths: ProjectPaths, f: SourceFile): CachedSource {
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
 * A JSONL source that only grew since it was cached (the episodic ledger between rotations):
 * only its new lines are read. Null when it was rewritten, rotated or ended mid-line.
 */
function extractAppended(f: SourceFile, old: CachedSource): CachedSource | null {
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
  const more = episodicDocs(f.rel, grown.toString('utf8'), old.lines + 1);
  return {
    ...old, mtimeMs: f.mtimeMs, size: old.size + grown.length, lines: old.lines + countLines(grown), tail: bytes.subarray(-TAIL_BYTES).toString('base64'),
    docs: [...old.docs, ...more.docs], facts: [...old.facts, ...more.facts], problems: [...old.problems, ...more.problems],
  };
}

function readCache(file: string): CacheFile | null {
  try {
    const cache = JSON.parse(readTextBounded(file, 512 * 1024 * 1024)) as CacheFile;
    return cache.version === CACHE_VERSION && cache.sources && cache.index ? cache : null;
  } catch {
    return null;
  }
}

/** Documents in source order; an id seen twice (a record copied by a merge) keeps its first copy. */
function docMap(sources: CachedSource[]): Map<string, RecallDoc> {
  const docs = new Map<string, RecallDoc>();
  for (const s of sources) for (const d of s.docs) if (!docs.has(d.id)) docs.set(d.id, d);
  return docs;
}

function openWith(paths: ProjectPaths, cache: CacheFile | null): RecallIndex {
  const files = listSources(paths);
  const sources: Record<string, CachedSource> = {};
  /** Sources read again in full: their old documents leave the index. */
  const replaced: string[] = [];
  let appended = 0;
  for (const f of files) {
    const old = cache?.sources[f.rel];
    if (old && old.kind === f.kind && old.mtimeMs === f.mtimeMs && old.size === f.size) {
      sources[f.rel] = old;
      continue;
    }
    const grown = old?.kind === f.kind ? extractAppended(f, old) : null;
    if (grown) appended++;
    else replaced.push(f.rel);
    sources[f.rel] = grown ?? extract(paths, f);
  }
  const removed = Object.keys(cache?.sources ?? {}).filter((rel) => !(rel in sources));
  const all = Object.values(sources);
  const docs = docMap(all);

  let index: MiniSearch<RecallDoc>;
  let mode: RecallIndex['build']['mode'];
  if (cache && !replaced.length && !appended && !removed.length) {
    index = loadIndex(cache.index);
    mode = 'cached';
  } else {
    index = cache ? loadIndex(cache.index) : buildIndex(docs.values());
    mode = cache ? 'incremental' : 'full';
    if (cache) {
      for (const rel of [...replaced, ...removed]) for (const d of cache.sources[rel]?.docs ?? []) if (index.has(d.id)) index.discard(d.id);
      for (const d of docs.values()) if (!index.has(d.id)) index.add(d);
      if (index.dirtFactor > MAX_DIRT) {
        index = buildIndex(docs.values());
        mode = 'full';
      }
    }
    try {
      writeFileAtomic(paths.recallIndex, JSON.stringify({ version: CACHE_VERSION, sources, index: index.toJSON() } satisfies CacheFile));
    } catch {
      // The cache only saves time; a read-only checkout still answers queries.
    }
  }
  const facts = all.flatMap((s) => s.facts);
  return {
    docs,
    facts,
    problems: all.flatMap((s) => s.problems),
    build: { mode, sources: files.length, reread: replaced.length + appended },
    search: (query, opts) => searchDocs(index, docs, query, opts),
    history: (errorText, exceptTask) => {
      const key = errorKey(errorText);
      return key ? errorHistory(facts, key, exceptTask) : null;
    },
  };
}

/** The index over every source, from the cache where the sources have not changed. */
export function openRecallIndex(paths: ProjectPaths): RecallIndex {
  const cache = readCache(paths.recallIndex);
  try {
    return openWith(paths, cache);
  } catch (err) {
    // A cache written by another version (or damaged) must not break recall: start over without it.
    if (!cache) throw err;
    return openWith(paths, null);
  }
}

/**
 * The top few memories for a task's next attempt: its title, files and last error as the
 * query, its own receipts left out (the re-anchoring text already shows them), and nothing
 * an earlier attempt of the task was shown (their ids are in `attempt.recalled`).
 * [] when `relay.recall.enabled` is false or nothing matches.
 */
export async function recallForTask(paths: ProjectPaths, epic: Epic, ledger: AttemptLedger, taskId: string, given: ReadonlySet<string> = new Set()): Promise<Memory[]> {
  const config = loadRelayConfig(paths).recall;
  const limit = config?.limit ?? 3;
  const task = epic.tasks[taskId];
  if (config?.enabled === false || limit < 1 || !task) return [];
  const attempts = ledger.attempts[taskId] ?? [];
  const lastError = [...attempts].reverse().find((a) => a.result === 'failure')?.receipt?.error_summary ?? null;
  const shown = new Set([...attempts.flatMap((a) => a.recalled ?? []), ...given]);
  // The brief shows this task's attempts and its dependencies' receipts itself.
  const told = new Set([taskId, ...task.depends_on]);
  try {
    const index = openRecallIndex(paths);
    const hits = index.search(taskQuery(task, lastError), { limit: limit * 3 + shown.size, exclude: (d) => d.source === 'receipt' && told.has(d.task ?? '') });
    const history = lastError ? index.history(lastError, taskId) : null;
    return pickMemories(hits, history, shown, index.docs, limit);
  } catch (err) {
    // Memories help a worker; they must never stop one from starting.
    process.stderr.write(`relay: recall skipped: ${(err as Error).message}\n`);
    return [];
  }
}
