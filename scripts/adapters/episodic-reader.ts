/**
 * Reads the episodic ledger as one stream: the quarterly archives (oldest first, through
 * progress/ledger-index.json) and then progress/ledger.jsonl. Reading is by fixed-size chunks,
 * so memory stays flat whatever the size of the ledger, and a --grep skips JSON.parse for every
 * line the raw-text pre-filter rules out.
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { relative } from 'node:path';
import { LedgerIndex, recordProblem, timestampMs, type ArchiveEntry } from '../core/episodic/records.ts';
import type { CompiledQuery } from '../core/episodic/query.ts';
import type { LedgerLine } from '../core/episodic/metrics.ts';
import { progressArchiveFile, type ProjectPaths } from '../core/shared/paths.ts';
import { RelayError } from '../core/shared/errors.ts';

const CHUNK_BYTES = 1 << 16;
const ARCHIVE_NAME = /^ledger-(\d{4})-Q([1-4])\.jsonl$/;

/** Far above any record relay writes (256 KB), far below what would exhaust memory. */
const MAX_LINE_BYTES = 8 * 1024 * 1024;

/** A file's text in chunks of whole lines (no trailing newline). A missing file yields nothing. */
export function* readChunks(file: string): Generator<string> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    let buf = Buffer.allocUnsafe(CHUNK_BYTES);
    let carried = 0;
    for (;;) {
      if (carried === buf.length) {
        if (buf.length >= MAX_LINE_BYTES) {
          throw new RelayError(`${file}: a line longer than ${MAX_LINE_BYTES} bytes (records are at most 256 KB): the file is damaged; move it aside and restore it from git`, 1);
        }
        // One line longer than the buffer: grow rather than split it.
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, carried);
        buf = bigger;
      }
      const read = readSync(fd, buf, carried, buf.length - carried, null);
      if (read === 0) {
        if (carried) yield buf.toString('utf8', 0, carried);
        return;
      }
      const end = carried + read;
      const lastNewline = buf.lastIndexOf(10, end - 1);
      if (lastNewline === -1) {
        carried = end;
        continue;
      }
      yield buf.toString('utf8', 0, lastNewline);
      carried = end - lastNewline - 1;
      buf.copy(buf, 0, lastNewline + 1, end);
    }
  } finally {
    closeSync(fd);
  }
}

/** Every line with its 1-based number (blank lines included, so numbers match an editor's). */
export function* fileLines(file: string): Generator<{ text: string; line: number }> {
  let line = 0;
  for (const chunk of readChunks(file)) {
    for (const text of chunk.split('\n')) yield { text, line: ++line };
  }
}

export function endsWithNewline(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return true;
  }
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === 10;
  } finally {
    closeSync(fd);
  }
}

export interface IndexRead {
  index: LedgerIndex;
  /** Why the index on disk could not be used (readers then fall back to the archive folder). */
  problem?: string;
}

export function readIndex(paths: ProjectPaths): IndexRead {
  const empty: LedgerIndex = { version: 1, archives: [] };
  if (!existsSync(paths.ledgerIndex)) return { index: empty };
  try {
    const parsed = LedgerIndex.safeParse(JSON.parse(readFileSync(paths.ledgerIndex, 'utf8')));
    if (parsed.success) return { index: parsed.data };
    const issue = parsed.error.issues[0]!;
    return { index: empty, problem: `${issue.path.join('.') || '(root)'}: ${issue.message}` };
  } catch (err) {
    return { index: empty, problem: `invalid JSON: ${(err as Error).message}` };
  }
}

export interface LedgerFile {
  path: string;
  /** The archive's index entry; undefined for the live ledger and for an archive the index misses. */
  entry?: ArchiveEntry;
  archive: boolean;
}

/** The archives on disk, oldest quarter first, each with its index entry when the index has one. */
function archiveFiles(paths: ProjectPaths, index: LedgerIndex): LedgerFile[] {
  const names = existsSync(paths.progressArchive) ? readdirSync(paths.progressArchive).filter((n) => ARCHIVE_NAME.test(n)).sort() : [];
  const byFile = new Map(index.archives.map((e) => [e.file, e]));
  return names.map((name) => {
    const path = progressArchiveFile(paths, name);
    return { path, entry: byFile.get(relative(paths.progressDir, path)), archive: true };
  });
}

/** Archives that may hold records inside [sinceMs, untilMs], then the live ledger. */
export function ledgerFiles(paths: ProjectPaths, window: { sinceMs?: number; untilMs?: number } = {}): LedgerFile[] {
  const overlaps = (entry: ArchiveEntry | undefined) => {
    const from = entry?.from ? timestampMs(entry.from) : undefined;
    const to = entry?.to ? timestampMs(entry.to) : undefined;
    if (from === undefined || to === undefined) return true;
    return !(window.sinceMs !== undefined && to < window.sinceMs) && !(window.untilMs !== undefined && from > window.untilMs);
  };
  const archives = archiveFiles(paths, readIndex(paths).index).filter((f) => overlaps(f.entry));
  return [...archives, { path: paths.episodicLedger, archive: false }];
}

export interface ScanStats {
  files: number;
  /** Lines that are not a JSON object; `relay ledger validate` names them. */
  unreadable: number;
}

function parseLine(text: string, stats: ScanStats): LedgerLine | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as LedgerLine;
  } catch {
    // counted below
  }
  stats.unreadable++;
  return undefined;
}

/** Candidate lines of one chunk: all of them, or only those the pre-filter finds a hit in. */
function* candidates(chunk: string, prefilter: RegExp | null): Generator<string> {
  if (!prefilter) {
    yield* chunk.split('\n');
    return;
  }
  prefilter.lastIndex = 0;
  for (let hit = prefilter.exec(chunk); hit; hit = prefilter.exec(chunk)) {
    const start = chunk.lastIndexOf('\n', hit.index) + 1;
    const end = chunk.indexOf('\n', hit.index);
    yield chunk.slice(start, end === -1 ? undefined : end);
    if (end === -1) return;
    prefilter.lastIndex = end + 1;
  }
}

/**
 * Every record the query matches, in ledger order, with its raw line (what `--json` prints, so
 * output costs no re-serialisation). Lines that are not JSON objects are counted in `stats`.
 */
export function* scanLedger(paths: ProjectPaths, query: CompiledQuery, window: { sinceMs?: number; untilMs?: number }, stats: ScanStats): Generator<{ record: LedgerLine; raw: string }> {
  for (const file of ledgerFiles(paths, window)) {
    stats.files++;
    for (const chunk of readChunks(file.path)) {
      for (const line of candidates(chunk, query.prefilter)) {
        const raw = line.trim();
        if (!raw) continue;
        const record = parseLine(raw, stats);
        if (record && query.matches(record)) yield { record, raw };
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Validation: every stored line must be a valid record with a task_id seen nowhere before it.

export interface LineProblem {
  file: string;
  /** 0 for a problem with the file as a whole (an index entry). */
  line: number;
  reason: string;
}

export interface FileSummary {
  file: LedgerFile;
  /** Valid records, and their time range (what the index should say about an archive). */
  count: number;
  fromMs?: number;
  toMs?: number;
  badLines: Set<number>;
}

/**
 * Checks every line of every ledger file, in order, remembering where each task_id first
 * appeared, so duplicates (a union merge, a crash during rotation) are caught across files.
 * `display` turns a path into the form messages show ("first at progress/ledger.jsonl:2").
 */
export function inspectLedger(paths: ProjectPaths, display: (file: string) => string): { problems: LineProblem[]; files: FileSummary[]; lines: number } {
  const { index, problem: indexProblem } = readIndex(paths);
  const problems: LineProblem[] = indexProblem ? [{ file: paths.ledgerIndex, line: 0, reason: indexProblem }] : [];
  const seen = new Map<string, string>();
  const files: FileSummary[] = [];
  let lines = 0;
  for (const file of [...archiveFiles(paths, index), { path: paths.episodicLedger, archive: false }]) {
    const summary: FileSummary = { file, count: 0, badLines: new Set() };
    for (const { text, line } of fileLines(file.path)) {
      if (!text.trim()) continue;
      lines++;
      const checked = checkLine(text, seen, `${display(file.path)}:${line}`);
      if ('reason' in checked) {
        problems.push({ file: file.path, line, reason: checked.reason });
        summary.badLines.add(line);
        continue;
      }
      summary.count++;
      const ms = timestampMs(checked.timestamp);
      if (ms !== undefined) {
        summary.fromMs = Math.min(summary.fromMs ?? ms, ms);
        summary.toMs = Math.max(summary.toMs ?? ms, ms);
      }
    }
    files.push(summary);
  }
  problems.push(...indexProblems(paths, index, files));
  return { problems, files, lines };
}

function checkLine(text: string, seen: Map<string, string>, location: string): { reason: string } | { timestamp: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { reason: `invalid JSON: ${(err as Error).message}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { reason: 'not a JSON object' };
  const problem = recordProblem(value);
  if (problem) return { reason: problem };
  const { task_id: id, timestamp } = value as { task_id: string; timestamp: string };
  const first = seen.get(id);
  if (first) return { reason: `duplicate task_id "${id}" (first at ${first})` };
  seen.set(id, location);
  return { timestamp };
}

function indexProblems(paths: ProjectPaths, index: LedgerIndex, files: FileSummary[]): LineProblem[] {
  const problems: LineProblem[] = [];
  const onDisk = new Set(files.filter((f) => f.file.archive).map((f) => relative(paths.progressDir, f.file.path)));
  for (const entry of index.archives) {
    if (!onDisk.has(entry.file)) problems.push({ file: paths.ledgerIndex, line: 0, reason: `${entry.file}: listed but missing` });
  }
  for (const f of files.filter((s) => s.file.archive)) {
    const name = relative(paths.progressDir, f.file.path);
    if (!f.file.entry) problems.push({ file: paths.ledgerIndex, line: 0, reason: `${name}: archive not listed` });
    else if (f.file.entry.count !== f.count + f.badLines.size) {
      problems.push({ file: paths.ledgerIndex, line: 0, reason: `${name}: count is ${f.file.entry.count} but the archive holds ${f.count + f.badLines.size} lines` });
    }
  }
  return problems;
}
