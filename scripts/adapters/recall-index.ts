/**
 * Owner of the recall cache, `.agents-os/cache/recall/`, kept so that a warm query reads as
 * little as it can:
 * - `index.v8`: per source file its mtime and size (a source that did not change is not read
 *   again), its segments and problems; where each error fingerprint's facts are; and the
 *   MiniSearch index in the fast-loading form of core/knowledge/recall-state.ts, which stores
 *   per document only its source, task and `where` (segment, byte offset, length);
 * - `seg-<id>.jsonl`: the documents themselves, one JSON line each, read only for the hits a
 *   query returns. Written whole and never changed: the sources read in one run share one new
 *   segment (a source that only grew adds one for its new lines);
 * - `facts-<id>.jsonl`: the error facts, one line per fingerprint, so an error's history
 *   reads one line.
 * Segment and facts files are written before the index.v8 that names them, and removed only
 * once no index.v8 names them and they are ten minutes old, so a query that read the previous
 * index.v8, or another process writing the next one, never follows a name to nothing.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type MiniSearch from 'minisearch';
import {
  buildIndex, docRef, errorHistory, errorKey, pickMemories, searchDocs, taskQuery,
  type ErrorFact, type ErrorHistory, type IndexedDoc, type RecallDoc, type RecallHit, type SearchOptions,
} from '../core/knowledge/recall.ts';
import { indexState, restoreIndex, type IndexState } from '../core/knowledge/recall-state.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import type { AttemptLedger, Epic } from '../core/shared/schemas.ts';
import { listSources, type Kind, type SourceFile } from './recall-sources.ts';
import { ensureDir, readRange, readTextBounded, writeFileAtomic } from './store.ts';
import type { Memory } from '../core/epic/anchor.ts';

const CACHE_VERSION = 5;
/** Past this share of discarded documents, a full rebuild is cheaper than carrying the dead weight. */
const MAX_DIRT = 0.25;
/** How long a file the index no longer names is kept for a query still reading the previous index. */
const GRACE_MS = 10 * 60_000;
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

interface CachedSource {
  kind: Kind;
  mtimeMs: number;
  size: number;
  lines?: number;
  tail?: string;
  segs: string[];
  problems: string[];
}

interface CacheFile {
  version: number;
  sources: Record<string, CachedSource>;
  /** The facts file and, per fingerprint, its line's byte offset and length; null when no source had a fact. */
  facts: { id: string; at: Record<string, [number, number]> } | null;
  state: IndexState;
}

/** On disk, the plain objects travel as JSON text inside the v8 clone: JSON.parse reads them faster than v8 does. */
interface CacheFileOnDisk extends Omit<CacheFile, 'sources' | 'facts'> {
  sources: string;
  facts: string;
}

export interface RecallIndex {
  problems: readonly string[];
  /** How the index was obtained: unchanged cache, some sources swapped in, or built from scratch. */
  build: { mode: 'cached' | 'incremental' | 'full'; sources: number; reread: number };
  search(query: string, opts: SearchOptions): RecallHit[];
  /** A document by id, read from its segment. */
  lookup(id: string): RecallDoc | undefined;
  history(errorText: string, exceptTask?: string): ErrorHistory | null;
}

const newId = () => randomBytes(6).toString('hex');
const segFile = (dir: string, seg: string) => join(dir, `seg-${seg}.jsonl`);
const factsFile = (dir: string, id: string) => join(dir, `facts-${id}.jsonl`);
/** The source file a fact came from: its link is `<file>:<line>`. */
const factSource = (f: ErrorFact) => f.link.slice(0, f.link.lastIndexOf(':'));

/** Writes `docs` as segment `seg`; returns them with where each is stored. */
function writeSegment(dir: string, seg: string, docs: readonly RecallDoc[]): IndexedDoc[] {
  const lines: string[] = [];
  const indexed: IndexedDoc[] = [];
  let offset = 0;
  for (const d of docs) {
    const line = JSON.stringify(d);
    const length = Buffer.byteLength(line);
    indexed.push({ ...d, where: `${seg}:${offset}:${length}` });
    lines.push(line);
    offset += length + 1;
  }
  writeFileAtomic(segFile(dir, seg), lines.length ? `${lines.join('\n')}\n` : '');
  return indexed;
}

function readAt(file: string, start: number, length: number): string {
  return readRange(file, start, start + length, length).toString('utf8');
}

function readDoc(dir: string, where: string): RecallDoc {
  const [seg, offset, length] = where.split(':');
  return JSON.parse(readAt(segFile(dir, seg!), Number(offset), Number(length))) as RecallDoc;
}

/** Every document of the given segments, with where it is stored. */
function readSegments(dir: string, segs: readonly string[]): IndexedDoc[] {
  return segs.flatMap((seg) => {
    let offset = 0;
    return readTextBounded(segFile(dir, seg), MAX_CACHE_BYTES).split('\n').flatMap((line) => {
      const at = offset;
      const length = Buffer.byteLength(line);
      offset += length + 1;
      return line ? [{ ...(JSON.parse(line) as RecallDoc), where: `${seg}:${at}:${length}` }] : [];
    });
  });
}

/** Writes the facts grouped by fingerprint, one line each; returns where each fingerprint's line is. */
function writeFacts(dir: string, facts: readonly ErrorFact[]): CacheFile['facts'] {
  if (!facts.length) return null;
  const groups = new Map<string, ErrorFact[]>();
  for (const f of facts) (groups.get(f.fingerprint) ?? groups.set(f.fingerprint, []).get(f.fingerprint)!).push(f);
  const id = newId();
  const at: Record<string, [number, number]> = {};
  const lines: Buffer[] = [];
  let offset = 0;
  for (const [key, list] of groups) {
    const line = Buffer.from(`${JSON.stringify(list)}\n`);
    at[key] = [offset, line.length - 1];
    lines.push(line);
    offset += line.length;
  }
  writeFileAtomic(factsFile(dir, id), Buffer.concat(lines));
  return { id, at };
}

function readAllFacts(dir: string, facts: CacheFile['facts']): ErrorFact[] {
  if (!facts) return [];
  return readTextBounded(factsFile(dir, facts.id), MAX_CACHE_BYTES).split('\n').flatMap((line) => (line ? (JSON.parse(line) as ErrorFact[]) : []));
}

function readCache(dir: string): CacheFile | null {
  try {
    const disk = deserialize(readFileSync(join(dir, 'index.v8'))) as CacheFileOnDisk;
    if (disk?.version !== CACHE_VERSION || typeof disk.sources !== 'string' || !disk.state) return null;
    return { ...disk, sources: JSON.parse(disk.sources), facts: JSON.parse(disk.facts) };
  } catch {
    return null;
  }
}

const fresh = (old: CachedSource | undefined, f: SourceFile): boolean => !!old && old.kind === f.kind && old.mtimeMs === f.mtimeMs && old.size === f.size;

/** Whether a stored document is its source's current copy (a shared segment may still hold an older one). */
function isCurrent(sources: Record<string, CachedSource>, d: IndexedDoc): boolean {
  return sources[d.file]?.segs.includes(d.where.slice(0, d.where.indexOf(':'))) ?? false;
}

/** Documents in source order; an id seen twice (a record copied by a merge) keeps its first copy. */
function firstCopies(docs: IndexedDoc[]): IndexedDoc[] {
  const seen = new Set<string>();
  return docs.filter((d) => !seen.has(d.id) && seen.add(d.id));
}

function restore(cache: CacheFile, use: 'search' | 'update'): MiniSearch<IndexedDoc> {
  const index = restoreIndex(cache.state, use);
  if (!index) throw new Error('the recall cache holds an index of another shape');
  return index;
}

async function openWith(paths: ProjectPaths, cache: CacheFile | null): Promise<RecallIndex> {
  const dir = paths.recallCacheDir;
  const files = listSources(paths);
  const sources: Record<string, CachedSource> = {};
  /** Documents and facts read now; the documents are all stored in one new segment. */
  const read: RecallDoc[] = [];
  const readFacts: ErrorFact[] = [];
  const replaced: string[] = [];
  let appended = 0;
  const changed = !cache || files.some((f) => !fresh(cache.sources[f.rel], f));
  // Reading a source loads the parsers (yaml, zod, the kb format); a warm query needs none of them.
  const { readAppended, readSource } = changed ? await import('./recall-read.ts') : { readAppended: null, readSource: null };
  const seg = newId();
  for (const f of files) {
    const old = cache?.sources[f.rel];
    if (old && fresh(old, f)) {
      sources[f.rel] = old;
      continue;
    }
    const grown = old && old.kind === f.kind ? readAppended!(f, old) : null;
    if (grown && old) {
      appended++;
      const { added: more, docs: _d, facts: _f, problems: _p, ...meta } = grown;
      sources[f.rel] = { ...meta, segs: [...old.segs, seg], problems: [...old.problems, ...more.problems] };
      read.push(...more.docs);
      readFacts.push(...more.facts);
      continue;
    }
    replaced.push(f.rel);
    const { docs, facts, problems, ...meta } = readSource!(paths, f);
    sources[f.rel] = { ...meta, segs: [seg], problems };
    read.push(...docs);
    readFacts.push(...facts);
  }
  const removed = Object.keys(cache?.sources ?? {}).filter((rel) => !(rel in sources));
  const order = files.map((f) => f.rel);
  let factsAt = cache?.facts ?? null;
  let index: MiniSearch<IndexedDoc>;
  let mode: RecallIndex['build']['mode'];
  if (cache && !replaced.length && !appended && !removed.length) {
    index = restore(cache, 'search');
    mode = 'cached';
  } else {
    ensureDir(dir);
    const added = writeSegment(dir, seg, read);
    const gone = new Set([...replaced, ...removed]);
    if (cache) {
      index = restore(cache, 'update');
      mode = 'incremental';
      // Segments are shared by the sources read together: only the changed sources' documents go.
      const segs = new Set([...gone].flatMap((rel) => cache.sources[rel]?.segs ?? []));
      for (const d of readSegments(dir, [...segs])) if (gone.has(d.file) && index.has(d.id)) index.discard(d.id);
      for (const d of added) if (!index.has(d.id)) index.add(d);
      if (index.dirtFactor > MAX_DIRT) {
        index = buildIndex(firstCopies(readSegments(dir, [...new Set(order.flatMap((rel) => sources[rel]!.segs))]).filter((d) => isCurrent(sources, d))));
        mode = 'full';
      }
    } else {
      index = buildIndex(firstCopies(added));
      mode = 'full';
    }
    // Facts keep source order, and line order within a source (appended lines come last).
    const rank = new Map(order.map((rel, i) => [rel, i]));
    const kept = cache ? readAllFacts(dir, cache.facts).filter((f) => !gone.has(factSource(f))) : [];
    const facts = [...kept, ...readFacts].map((f, i) => ({ f, i })).sort((a, b) => (rank.get(factSource(a.f)) ?? 0) - (rank.get(factSource(b.f)) ?? 0) || a.i - b.i).map(({ f }) => f);
    try {
      factsAt = writeFacts(dir, facts);
      writeFileAtomic(join(dir, 'index.v8'), serialize({ version: CACHE_VERSION, sources: JSON.stringify(sources), facts: JSON.stringify(factsAt), state: indexState(index) } satisfies CacheFileOnDisk));
      for (const file of unreferenced(dir, sources, factsAt?.id ?? null, Date.now() - GRACE_MS)) rmSync(file, { force: true });
      rmSync(paths.legacyRecallIndex, { force: true });
    } catch {
      // The cache only saves time; a read-only checkout still answers queries.
    }
  }
  const factsOf = (key: string): ErrorFact[] => {
    const at = factsAt?.at[key];
    return factsAt && at ? (JSON.parse(readAt(factsFile(dir, factsAt.id), at[0], at[1])) as ErrorFact[]) : [];
  };
  return {
    problems: order.flatMap((rel) => sources[rel]!.problems),
    build: { mode, sources: files.length, reread: replaced.length + appended },
    search: (query, opts) => searchDocs(index, (where) => readDoc(dir, where), query, opts),
    lookup: (id) => {
      const ref = docRef(index, id);
      return ref ? readDoc(dir, ref.where) : undefined;
    },
    history: (errorText, exceptTask) => {
      const key = errorKey(errorText);
      return key ? errorHistory(factsOf(key), key, exceptTask) : null;
    },
  };
}

/** Segment and facts files the new index.v8 does not name, written before `before`. */
function unreferenced(dir: string, sources: Record<string, CachedSource>, factsId: string | null, before: number): string[] {
  const kept = new Set([...Object.values(sources).flatMap((s) => s.segs.map((seg) => `seg-${seg}.jsonl`)), ...(factsId ? [`facts-${factsId}.jsonl`] : [])]);
  return readdirSync(dir).filter((name) => /^(seg-|facts-)/.test(name) && !kept.has(name)).map((name) => join(dir, name)).filter((file) => {
    try {
      return statSync(file).mtimeMs < before;
    } catch {
      return false;
    }
  });
}

/**
 * The index over every source, from the cache where the sources have not changed. A cache
 * written by another version, or damaged, is dropped and the index built again.
 */
export async function openRecallIndex(paths: ProjectPaths): Promise<RecallIndex> {
  const cache = readCache(paths.recallCacheDir);
  try {
    return await openWith(paths, cache);
  } catch (err) {
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
  const config = (await import('./config.ts')).loadRelayConfig(paths).recall;
  const limit = config?.limit ?? 3;
  const task = epic.tasks[taskId];
  if (config?.enabled === false || limit < 1 || !task) return [];
  const attempts = ledger.attempts[taskId] ?? [];
  const lastError = [...attempts].reverse().find((a) => a.result === 'failure')?.receipt?.error_summary ?? null;
  const shown = new Set([...attempts.flatMap((a) => a.recalled ?? []), ...given]);
  // The brief shows this task's attempts and its dependencies' receipts itself.
  const told = new Set([taskId, ...task.depends_on]);
  try {
    const index = await openRecallIndex(paths);
    const hits = index.search(taskQuery(task, lastError), { limit: limit * 3 + shown.size, exclude: (d) => d.source === 'receipt' && told.has(d.task ?? '') });
    const history = lastError ? index.history(lastError, taskId) : null;
    return pickMemories(hits, history, shown, (id) => index.lookup(id), limit);
  } catch (err) {
    // Memories help a worker; they must never stop one from starting.
    process.stderr.write(`relay: recall skipped: ${(err as Error).message}\n`);
    return [];
  }
}
