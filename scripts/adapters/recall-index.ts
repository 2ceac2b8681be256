/**
 * Owner of the recall cache, `.agents-os/cache/recall/`, kept so that a warm query reads as
 * little as it can:
 * - `index.v8`: per source file its mtime and size (a source that did not change is not read
 *   again), its segments and problems; where each error fingerprint's facts are; and the
 *   MiniSearch index in the fast-loading form of core/knowledge/recall-state.ts, which stores
 *   per document only its source, task and `where` (segment, byte offset, length);
 * - `post-<id>.bin`: that index's postings, most of its bytes, read a term at a time as a query
 *   meets the term;
 * - `seg-<id>.jsonl`: the documents themselves, one JSON line each, read only for the hits a
 *   query returns (adapters/recall-segments.ts reads and writes them). Written whole and never
 *   changed: the sources read in one run share one new segment (a source that only grew adds
 *   one for its new lines);
 * - `facts-<id>.jsonl`: the error facts, one line per fingerprint, so an error's history
 *   reads one line.
 * Postings, segment and facts files are written before the index.v8 that names them, and removed only
 * once no index.v8 names them and they are ten minutes old, so a query that read the previous
 * index.v8, or another process writing the next one, never follows a name to nothing.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type MiniSearch from 'minisearch';
import {
  docRef, refOf, errorHistory, errorKey, searchDocs,
  type ErrorFact, type ErrorHistory, type IndexedDoc, type RecallDoc, type RecallHit, type SearchOptions,
} from '../core/knowledge/recall.ts';
import { indexState, restoreIndex, type IndexState } from '../core/knowledge/recall-state.ts';
import { StateBuilder } from '../core/knowledge/recall-builder.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import { listSources, type Appended, type Kind, type SourceFile } from './recall-sources.ts';
import type { SourceSink } from './recall-read-jsonl.ts';
import { fromLine, inFull, isLineRef, readSegments, readStored, Segment } from './recall-segments.ts';
import { ensureDir, randomName, readAt, readRange, readTextBounded, stageFile, writeFileAtomic } from './store.ts';

const CACHE_VERSION = 8;
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
  /** Each source file's path, kind, mtime and size as read, a line each in listing order: a listing with the same key changed nothing. */
  key: string;
  /** Every source's problems, in order, so an unchanged cache answers without reading `sources`. */
  problems: string[];
  /** The segment and facts files the index needs. */
  named: string[];
  /** Per source file what it yielded (JSON, parsed only when something changed). */
  sources: string;
  /** The facts file and, per fingerprint, its line's byte offset and length; null when no source had a fact. */
  facts: { id: string; at: Record<string, [number, number]> } | null;
  state: IndexState;
  /** The file holding the state's postings (the state's own array is then empty); null while it is only in memory. */
  postings: string | null;
}

/** On disk, the plain objects travel as JSON text inside the v8 clone: JSON.parse reads them faster than v8 does. */
interface CacheFileOnDisk extends Omit<CacheFile, 'facts' | 'problems'> {
  facts: string;
  problems: string;
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

const newId = () => randomName() + randomName();
const factsFile = (dir: string, id: string) => join(dir, `facts-${id}.jsonl`);
const postingsFile = (dir: string, id: string) => join(dir, `post-${id}.bin`);

/** Postings numbers `from` to `to` of a postings file (raw Uint32s: the cache is this machine's own). */
function readPostings(file: string, from: number, to: number): Uint32Array {
  const bytes = readRange(file, from * 4, to * 4, MAX_CACHE_BYTES);
  if (bytes.length !== (to - from) * 4) throw new Error(`${file} is shorter than its index says`);
  return bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, to - from) : new Uint32Array(Uint8Array.from(bytes).buffer);
}

/** Writes a state's postings to a file of their own, so a query reads only the terms it touches; returns the file's id. */
function writePostings(dir: string, state: IndexState): string {
  const id = newId();
  writeFileAtomic(postingsFile(dir, id), new Uint8Array(state.postings.buffer, state.postings.byteOffset, state.postings.byteLength));
  return id;
}
/** The source file a fact came from: its link is `<file>:<line>`. */
const factSource = (f: ErrorFact) => f.link.slice(0, f.link.lastIndexOf(':'));

/** Writes the facts grouped by fingerprint, one line each; returns where each fingerprint's line is. */
function writeFacts(dir: string, facts: readonly ErrorFact[]): CacheFile['facts'] {
  if (!facts.length) return null;
  const groups = new Map<string, ErrorFact[]>();
  for (const f of facts) (groups.get(f.fingerprint) ?? groups.set(f.fingerprint, []).get(f.fingerprint)!).push(f);
  const id = newId();
  const at: Record<string, [number, number]> = {};
  const file = stageFile(factsFile(dir, id), 'replace');
  try {
    let offset = 0;
    for (const [key, list] of groups) {
      const length = file.write(JSON.stringify(list));
      file.write('\n');
      at[key] = [offset, length];
      offset += length + 1;
    }
    file.commit();
  } catch (err) {
    file.abort();
    throw err;
  }
  return { id, at };
}

function readAllFacts(dir: string, facts: CacheFile['facts']): ErrorFact[] {
  if (!facts) return [];
  return readTextBounded(factsFile(dir, facts.id), MAX_CACHE_BYTES).split('\n').flatMap((line) => (line ? (JSON.parse(line) as ErrorFact[]) : []));
}

function readCache(dir: string): CacheFile | null {
  try {
    const disk = deserialize(readFileSync(join(dir, 'index.v8'))) as CacheFileOnDisk;
    if (disk?.version !== CACHE_VERSION || typeof disk.sources !== 'string' || typeof disk.key !== 'string' || !Array.isArray(disk.named) || !disk.state || typeof disk.postings !== 'string') return null;
    // A postings file of another length than the index says is not the one it was written with.
    if (statSync(postingsFile(dir, disk.postings)).size !== (disk.state.postingsAt?.at(-1) ?? -1) * 4) return null;
    // A file the index names and that is gone (a cleaned folder, a copy of half the cache) means building again, not failing mid-query.
    if (!disk.named.every((name) => existsSync(join(dir, name)))) return null;
    return { ...disk, problems: JSON.parse(disk.problems), facts: JSON.parse(disk.facts) };
  } catch {
    return null;
  }
}

/** The key of a listing (or of the sources as they were read): path, kind, mtime and size per file. */
const listingKey = (files: ReadonlyArray<Pick<SourceFile, 'rel' | 'kind' | 'mtimeMs' | 'size'>>): string => files.map((f) => `${f.rel}\t${f.kind}\t${f.mtimeMs}\t${f.size}`).join('\n');

const fresh = (old: CachedSource | undefined, f: SourceFile): boolean => !!old && old.kind === f.kind && old.mtimeMs === f.mtimeMs && old.size === f.size;

/** Whether a stored document is its source's current copy (a shared segment may still hold an older one). */
function isCurrent(sources: Record<string, CachedSource>, d: { file: string; where: string }): boolean {
  return sources[d.file]?.segs.includes(d.where.slice(0, d.where.indexOf(':'))) ?? false;
}

function restore(dir: string, { state, postings }: Pick<CacheFile, 'state' | 'postings'>, use: 'search' | 'update'): MiniSearch<IndexedDoc> {
  const file = postings === null ? null : postingsFile(dir, postings);
  const index = restoreIndex(state, use, file ? (from, to) => readPostings(file, from, to) : undefined);
  if (!index) throw new Error('the recall cache holds an index of another shape');
  return index;
}

interface Opened {
  dir: string;
  /** The project root, which ledger paths are relative to. */
  root: string;
  problems: string[];
  index: MiniSearch<IndexedDoc>;
  build: RecallIndex['build'];
  /** The facts of one fingerprint. */
  factsOf(key: string): ErrorFact[];
  /** A document only in memory (no cache folder), else undefined. */
  held(where: string): RecallDoc | undefined;
}

function recallIndex({ dir, root, problems, index, build, factsOf, held }: Opened): RecallIndex {
  const read = (where: string) => {
    const kept = held(where);
    if (kept) return kept;
    const stored = readStored(dir, where);
    if (!isLineRef(stored)) return stored;
    try {
      return fromLine(root, stored);
    } catch (err) {
      // The next query builds the index again rather than meet the same line.
      rmSync(join(dir, 'index.v8'), { force: true });
      throw err;
    }
  };
  return {
    problems,
    build,
    search: (query, opts) => searchDocs(index, read, query, opts),
    lookup: (id) => {
      const ref = docRef(index, id);
      return ref ? read(ref.where) : undefined;
    },
    history: (errorText, exceptTask) => {
      const key = errorKey(errorText);
      return key ? errorHistory(factsOf(key), key, exceptTask) : null;
    },
  };
}

function factsReader(dir: string, factsAt: CacheFile['facts']): (key: string) => ErrorFact[] {
  return (key) => {
    const at = factsAt?.at[key];
    return factsAt && at ? (JSON.parse(readAt(factsFile(dir, factsAt.id), at[0], at[1]).toString('utf8')) as ErrorFact[]) : [];
  };
}

/**
 * The index, from the cache where the sources have not changed. `writable` false: no cache
 * folder can be written, so everything is read and held in memory for this one query.
 */
async function openWith(paths: ProjectPaths, files: readonly SourceFile[], cache: CacheFile | null, writable: boolean): Promise<RecallIndex> {
  const dir = paths.recallCacheDir;
  if (cache && cache.key === listingKey(files)) {
    const build = { mode: 'cached' as const, sources: files.length, reread: 0 };
    return recallIndex({ dir, root: paths.root, problems: cache.problems, index: restore(dir, cache, 'search'), build, factsOf: factsReader(dir, cache.facts), held: () => undefined });
  }
  const cached = cache ? (JSON.parse(cache.sources) as Record<string, CachedSource>) : null;
  const order = files.map((f) => f.rel);
  const listed = new Set(order);
  const removed = Object.keys(cached ?? {}).filter((rel) => !listed.has(rel));
  // Reading a source loads parsers (JSON, then yaml, zod and the kb format); a warm query needs none of them.
  const { readAppended, readJsonl } = await import('./recall-read-jsonl.ts');
  const grown = new Map<string, Appended>();
  const whole: SourceFile[] = [];
  for (const f of files) {
    const old = cached?.[f.rel];
    if (old && fresh(old, f)) continue;
    const more = old && old.kind === f.kind ? readAppended(f, old) : null;
    if (more) grown.set(f.rel, more);
    else whole.push(f);
  }
  if (writable) ensureDir(dir);
  const segment = new Segment(writable ? dir : null, newId());
  // Built from scratch, documents go into the index as they are read and are not kept.
  const builder = cache ? null : new StateBuilder();
  const added: IndexedDoc[] = [];
  const take: SourceSink = (d, from) => {
    const where = segment.append(d, from);
    if (builder) builder.add(d, refOf(d, where));
    else added.push({ ...d, where });
  };
  const sources: Record<string, CachedSource> = {};
  const readFacts: ErrorFact[] = [];
  const replaced = whole.map((f) => f.rel);
  // Only the JSONL ledgers changed (appends, the usual case): the YAML and schema parsers stay unloaded.
  const { readSource } = whole.some((f) => f.kind !== 'episodic') ? await import('./recall-read.ts') : { readSource: (_: ProjectPaths, f: SourceFile, sink: SourceSink) => readJsonl(f, sink) };
  try {
    for (const f of files) {
      const old = cached?.[f.rel];
      const more = grown.get(f.rel);
      if (old && more) {
        const { added: extra, docs: _d, facts: _f, problems: _p, ...meta } = more;
        sources[f.rel] = { ...meta, segs: [...old.segs, segment.id], problems: [...old.problems, ...extra.problems] };
        for (const d of extra.docs) take(d);
        readFacts.push(...extra.facts);
      } else if (old && fresh(old, f)) {
        sources[f.rel] = old;
      } else {
        const read = readSource(paths, f, take);
        // Named fields, not a rest and a spread of them: this runs cold for each of thousands of sources.
        const entry: CachedSource = { kind: read.kind, mtimeMs: read.mtimeMs, size: read.size, segs: [segment.id], problems: read.problems };
        if (read.lines !== undefined && read.tail !== undefined) {
          entry.lines = read.lines;
          entry.tail = read.tail;
        }
        sources[f.rel] = entry;
        for (let i = 0; i < read.facts.length; i++) readFacts.push(read.facts[i]!);
      }
    }
    segment.commit();
  } catch (err) {
    segment.abort();
    throw err;
  }
  const appended = grown.size;
  const gone = new Set([...replaced, ...removed]);
  let index: MiniSearch<IndexedDoc> | undefined;
  let state: IndexState;
  let mode: RecallIndex['build']['mode'] = 'full';
  if (builder) state = builder.state();
  else {
    const updated = restore(dir, cache!, 'update');
    // Segments are shared by the sources read together: only the changed sources' documents go.
    const segs = new Set([...gone].flatMap((rel) => cached![rel]?.segs ?? []));
    for (const d of readSegments(dir, [...segs])) if (gone.has(d.file) && updated.has(d.id)) updated.discard(d.id);
    for (const d of added) if (!updated.has(d.id)) updated.add(d);
    if (updated.dirtFactor > MAX_DIRT) {
      const rebuilt = new StateBuilder();
      const current = inFull(paths.root, readSegments(dir, [...new Set(order.flatMap((rel) => sources[rel]!.segs))]).filter((d) => isCurrent(sources, d)));
      for (const d of current) rebuilt.add(d, refOf(d, d.where));
      state = rebuilt.state();
    } else {
      index = updated;
      state = indexState(updated);
      mode = 'incremental';
    }
  }
  // Facts keep source order, and line order within a source (appended lines come last). Read
  // from nothing, they already are: sources are read in listing order.
  const rank = new Map(order.map((rel, i) => [rel, i]));
  const kept = cache ? readAllFacts(dir, cache.facts).filter((f) => !gone.has(factSource(f))) : [];
  const facts = cache
    ? [...kept, ...readFacts].map((f, i) => ({ f, i, at: rank.get(factSource(f)) ?? 0 })).sort((a, b) => a.at - b.at || a.i - b.i).map(({ f }) => f)
    : readFacts;
  let factsOf = (key: string) => facts.filter((f) => f.fingerprint === key);
  const problems = order.flatMap((rel) => sources[rel]!.problems);
  if (writable) {
    const factsAt = writeFacts(dir, facts);
    const postings = writePostings(dir, state);
    const named = [...new Set(order.flatMap((rel) => sources[rel]!.segs))].map((seg) => `seg-${seg}.jsonl`).concat(factsAt ? [`facts-${factsAt.id}.jsonl`] : []);
    const key = listingKey(files.map((f) => ({ ...sources[f.rel]!, rel: f.rel })));
    writeFileAtomic(join(dir, 'index.v8'), serialize({
      version: CACHE_VERSION, key, problems: JSON.stringify(problems), named, sources: JSON.stringify(sources), facts: JSON.stringify(factsAt), state: { ...state, postings: new Uint32Array(0) }, postings,
    } satisfies CacheFileOnDisk));
    for (const file of unreferenced(dir, [...named, `post-${postings}.bin`], Date.now() - GRACE_MS)) rmSync(file, { force: true });
    rmSync(paths.legacyRecallIndex, { force: true });
    factsOf = factsReader(dir, factsAt);
  }
  // Only now: the index takes the state's tree over.
  index ??= restore(dir, { state, postings: null }, 'search');
  const build = { mode, sources: files.length, reread: replaced.length + appended };
  return recallIndex({ dir, root: paths.root, problems, index, build, factsOf, held: (where) => segment.held(where) });
}

/** Postings, segment and facts files the new index.v8 does not name, written before `before`. */
function unreferenced(dir: string, named: readonly string[], before: number): string[] {
  const kept = new Set(named);
  return readdirSync(dir).filter((name) => /^(seg-|facts-|post-)/.test(name) && !kept.has(name)).map((name) => join(dir, name)).filter((file) => {
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
  const files = listSources(paths);
  if (cache) {
    try {
      return await openWith(paths, files, cache, true);
    } catch {
      // A cache that does not hold what it says is built again.
    }
  }
  try {
    return await openWith(paths, files, null, true);
  } catch (err) {
    // The cache only saves time: a checkout where it cannot be written still answers, from memory.
    if (typeof (err as NodeJS.ErrnoException)?.syscall !== 'string') throw err;
    return openWith(paths, files, null, false);
  }
}
