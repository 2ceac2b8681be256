/**
 * Owner of the episodic ledger (progress/ledger.jsonl, NOTES.md, archives, the index): appends (under the ledger lock, after the uniqueness gate),
 * the NOTES.md section, rotation into quarterly archives, NOTES archiving, and repair.
 * Every writer holds the same lock (progress/ledger.jsonl.lock), so rotation never races an append.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import {
  extendEntry, parseRecord, quarterOf, suffixedId, timestampMs, toKebab, type ArchiveEntry, type EpisodicRecord, type LedgerIndex, type TaskOutcome,
} from '../core/episodic/records.ts';
import { NOTES_HEADER, renderNotesSection } from '../core/episodic/render.ts';
import { RelayError } from '../core/shared/errors.ts';
import { redactValue } from '../core/shared/redact.ts';
import { progressArchiveFile, type ProjectPaths } from '../core/shared/paths.ts';
import { loadRelayConfig } from './config.ts';
import { endsWithNewline, fileLines, inspectLedger, readIndex, scanLedger, type LineProblem } from './episodic-reader.ts';
import { appendLine, stageFile, withLock, writeFileAtomic, type StagedFile } from './store.ts';

const DEFAULT_ROTATE_BYTES = 10 * 1024 * 1024;
const DEFAULT_NOTES_MAX_BYTES = 1024 * 1024;
/** A record is a summary with pointers; a bigger one is a pasted log, and it would bloat every scan. */
const MAX_RECORD_BYTES = 256 * 1024;

function ledgerLimits(paths: ProjectPaths): { rotateBytes: number; notesMaxBytes: number } {
  const ledger = loadRelayConfig(paths).ledger;
  return { rotateBytes: ledger?.rotate_bytes ?? DEFAULT_ROTATE_BYTES, notesMaxBytes: ledger?.notes_max_bytes ?? DEFAULT_NOTES_MAX_BYTES };
}

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/** Task ids in the ledger (archives included) that start with `base`. */
function takenIds(paths: ProjectPaths, base: string): Set<string> {
  const taken = new Set<string>();
  const query = {
    prefilter: new RegExp(`${base}|\\\\[u/]`, 'g'),
    matches: (r: Record<string, unknown>) => typeof r.task_id === 'string' && r.task_id.startsWith(base),
  };
  for (const { record } of scanLedger(paths, query, {}, { files: 0, unreadable: 0 })) taken.add(record.task_id as string);
  return taken;
}

/** What to do when the task_id is taken: refuse (the gate), or add a timestamp suffix always or only then. */
export type TaskIdPolicy = 'refuse' | 'suffix' | 'suffix-when-taken';

function uniqueTaskId(paths: ProjectPaths, record: EpisodicRecord, source: string, policy: TaskIdPolicy): string {
  const taken = takenIds(paths, record.task_id);
  if (policy !== 'suffix' && !taken.has(record.task_id)) return record.task_id;
  if (policy === 'refuse') {
    throw new RelayError(`${source}: task_id: "${record.task_id}" is already in the ledger; choose another id or pass --suffix-timestamp`, 2);
  }
  for (let attempt = 1; ; attempt++) {
    const id = suffixedId(record.task_id, record.timestamp, attempt);
    if (!taken.has(id)) return id;
  }
}

export interface AppendOptions {
  /** Default 'refuse'. A suffix is the record's time (`-20260105-103000`), plus a counter if still taken. */
  taskIdPolicy?: TaskIdPolicy;
  /** Names the input in error messages ("stdin", "--json"). */
  source?: string;
  /** Run every check, including uniqueness, and write nothing. */
  dryRun?: boolean;
  now?: Date;
}

export interface AppendResult {
  record: EpisodicRecord;
  rotation: RotationResult | null;
  notesArchive: string | null;
}

/**
 * Appends a validated record: redacted, re-validated (a redaction must not break the schema),
 * given a unique task_id, then written to ledger.jsonl and NOTES.md, rotating either if too big.
 * Throws before writing anything when a check fails.
 */
export async function appendRecord(paths: ProjectPaths, record: EpisodicRecord, opts: AppendOptions = {}): Promise<AppendResult> {
  const source = opts.source ?? 'record';
  const clean = parseRecord(redactValue(record), `${source} (after secret redaction)`);
  const size = Buffer.byteLength(JSON.stringify(clean));
  if (size > MAX_RECORD_BYTES) {
    throw new RelayError(`${source}: record is ${size} bytes, over the ${MAX_RECORD_BYTES}-byte limit; summarise and point to logs instead of pasting them`, 2);
  }
  const limits = ledgerLimits(paths);
  const now = opts.now ?? new Date();
  const withUniqueId = (): EpisodicRecord => ({ ...clean, task_id: uniqueTaskId(paths, clean, source, opts.taskIdPolicy ?? 'refuse') });
  if (opts.dryRun) return { record: withUniqueId(), rotation: null, notesArchive: null };
  return withLock(paths.episodicLedger, () => {
    const stored = withUniqueId();
    const line = JSON.stringify(stored);
    appendLine(paths.episodicLedger, endsWithNewline(paths.episodicLedger) ? line : `\n${line}`);
    const notesArchive = appendNotes(paths, stored, limits.notesMaxBytes, now);
    const rotation = sizeOf(paths.episodicLedger) > limits.rotateBytes ? rotateUnlocked(paths, now) : null;
    return { record: stored, rotation, notesArchive };
  });
}

/**
 * The task_completion record `relay work` appends when it completes or gates a task. It skips the
 * interactive gates (a worker's learning may be terse) but is schema-checked and redacted like any record.
 */
export async function recordTaskOutcome(paths: ProjectPaths, outcome: TaskOutcome): Promise<EpisodicRecord> {
  const timestamp = outcome.timestamp ?? new Date().toISOString();
  const files = outcome.filesModified.filter((f) => f.trim());
  const what = outcome.status === 'gated' && outcome.gateReason ? `gated (${outcome.gateReason})` : outcome.status;
  const summary = outcome.summary?.trim() || `${outcome.taskId} ${what} after ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}`;
  const record = parseRecord({
    timestamp,
    type: 'task_completion',
    task_id: toKebab(`${outcome.epicId}-${outcome.taskId}`) || 'task',
    summary,
    status: outcome.status,
    attempts: outcome.attempts,
    files_modified: files.length ? files : undefined,
    tests_passed: outcome.testsPassed,
    root_cause: outcome.gateReason,
    lesson_learned: outcome.learning?.trim() || undefined,
    cost_usd: outcome.costUsd ?? undefined,
    duration_minutes: outcome.durationMinutes,
  }, 'relay work outcome');
  // Always suffixed with its time: two branches that each settle the same task must not claim one id.
  const { record: stored } = await appendRecord(paths, record, { source: 'relay work outcome', taskIdPolicy: 'suffix' });
  return stored;
}

// ---------------------------------------------------------------------------------------------
// NOTES.md

function appendNotes(paths: ProjectPaths, record: EpisodicRecord, maxBytes: number, now: Date): string | null {
  const section = renderNotesSection(record);
  const size = sizeOf(paths.notes);
  const archive = size > 0 && size + Buffer.byteLength(section) > maxBytes ? archiveNotes(paths, now) : null;
  if (!existsSync(paths.notes) || archive) {
    const pointer = archive ? `\nEarlier notes: ${relative(paths.progressDir, archive)}\n` : '';
    writeFileAtomic(paths.notes, `${NOTES_HEADER}${pointer}`);
  }
  appendLine(paths.notes, `\n${section}`);
  return archive;
}

/** Moves NOTES.md's content onto the end of progress/archive/NOTES-<year>.md. */
function archiveNotes(paths: ProjectPaths, now: Date): string {
  const target = progressArchiveFile(paths, `NOTES-${now.getUTCFullYear()}.md`);
  const staged = stageFile(target, 'keep');
  try {
    if (!endsWithNewline(target)) staged.write('\n');
    staged.write(readFileSync(paths.notes, 'utf8'));
    staged.commit();
  } catch (err) {
    staged.abort();
    throw err;
  }
  return target;
}

// ---------------------------------------------------------------------------------------------
// Rotation

export interface RotationResult {
  /** Archives written, relative to progress/, with how many lines each received. */
  archives: { file: string; added: number }[];
  lines: number;
}

function archiveEntryFor(paths: ProjectPaths, index: LedgerIndex, quarter: string): { path: string; entry: ArchiveEntry } {
  const path = progressArchiveFile(paths, `ledger-${quarter}.jsonl`);
  const file = relative(paths.progressDir, path);
  const listed = index.archives.find((e) => e.file === file);
  if (listed) return { path, entry: { ...listed } };
  // An archive the index lost (a crash between the two writes): count it again.
  const entry: ArchiveEntry = { file, quarter, from: null, to: null, count: 0 };
  for (const { text } of fileLines(path)) if (text.trim()) extendEntry(entry, lineTime(text));
  return { path, entry };
}

function lineTime(text: string): number | undefined {
  try {
    const value = JSON.parse(text) as { timestamp?: unknown };
    return typeof value?.timestamp === 'string' ? timestampMs(value.timestamp) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Moves every line of ledger.jsonl to the archive of its record's quarter (a line with no readable
 * time follows the line before it). Archives are appended by copy-and-rename, the index is
 * rewritten, and only then is ledger.jsonl emptied: a crash can duplicate lines (validate finds
 * them, repair sets them aside) but never lose one.
 */
function rotateUnlocked(paths: ProjectPaths, now: Date): RotationResult | null {
  if (sizeOf(paths.episodicLedger) === 0) return null;
  const { index } = readIndex(paths);
  const open = new Map<string, { staged: StagedFile; entry: ArchiveEntry; added: number }>();
  let quarter = quarterOf(now.getTime());
  let lines = 0;
  try {
    for (const { text } of fileLines(paths.episodicLedger)) {
      if (!text.trim()) continue;
      const ms = lineTime(text);
      if (ms !== undefined) quarter = quarterOf(ms);
      let target = open.get(quarter);
      if (!target) {
        const { path, entry } = archiveEntryFor(paths, index, quarter);
        const staged = stageFile(path, 'keep');
        if (!endsWithNewline(path)) staged.write('\n');
        target = { staged, entry, added: 0 };
        open.set(quarter, target);
      }
      target.staged.write(`${text.trimEnd()}\n`);
      extendEntry(target.entry, ms);
      target.added++;
      lines++;
    }
    for (const { staged } of open.values()) staged.commit();
  } catch (err) {
    for (const { staged } of open.values()) staged.abort();
    throw err;
  }
  const entries = new Map(index.archives.map((e) => [e.file, e]));
  for (const { entry } of open.values()) entries.set(entry.file, entry);
  writeIndex(paths, [...entries.values()]);
  writeFileAtomic(paths.episodicLedger, '');
  return { archives: [...open.values()].map((t) => ({ file: t.entry.file, added: t.added })), lines };
}

function writeIndex(paths: ProjectPaths, archives: ArchiveEntry[]): void {
  const index: LedgerIndex = { version: 1, archives: [...archives].sort((a, b) => a.quarter.localeCompare(b.quarter)) };
  writeFileAtomic(paths.ledgerIndex, `${JSON.stringify(index, null, 2)}\n`);
}

/** `relay ledger rotate`: rotates when ledger.jsonl is over the limit (or always with `force`), and archives a NOTES.md over its limit. */
export async function rotateLedger(paths: ProjectPaths, opts: { force?: boolean; maxBytes?: number; now?: Date } = {}): Promise<{ rotation: RotationResult | null; notesArchive: string | null }> {
  const limits = ledgerLimits(paths);
  const now = opts.now ?? new Date();
  return withLock(paths.episodicLedger, () => {
    const due = opts.force || sizeOf(paths.episodicLedger) > (opts.maxBytes ?? limits.rotateBytes);
    const rotation = due ? rotateUnlocked(paths, now) : null;
    let notesArchive: string | null = null;
    if (sizeOf(paths.notes) > limits.notesMaxBytes) {
      notesArchive = archiveNotes(paths, now);
      writeFileAtomic(paths.notes, `${NOTES_HEADER}\nEarlier notes: ${relative(paths.progressDir, notesArchive)}\n`);
    }
    return { rotation, notesArchive };
  });
}

// ---------------------------------------------------------------------------------------------
// Repair

export interface RepairResult {
  problems: LineProblem[];
  /** `.rejected` files that received bad lines. */
  rejected: string[];
  indexRewritten: boolean;
}

/**
 * Rewrites each ledger file that has bad lines with only its good ones, after appending the bad
 * ones verbatim to `<file>.rejected` (so a crash in between duplicates a line, never loses it),
 * then rewrites the index from what is on disk.
 */
export async function repairLedger(paths: ProjectPaths, display: (file: string) => string): Promise<RepairResult> {
  return withLock(paths.episodicLedger, () => {
    const { problems, files } = inspectLedger(paths, display);
    const rejected: string[] = [];
    for (const summary of files.filter((f) => f.badLines.size)) {
      const file = summary.file.path;
      const staged = stageFile(file, 'replace');
      try {
        for (const { text, line } of fileLines(file)) {
          if (!text.trim()) continue;
          if (summary.badLines.has(line)) appendLine(`${file}.rejected`, text);
          else staged.write(`${text.trimEnd()}\n`);
        }
        staged.commit();
      } catch (err) {
        staged.abort();
        throw err;
      }
      rejected.push(`${file}.rejected`);
    }
    const indexRewritten = problems.some((p) => p.file === paths.ledgerIndex) || files.some((f) => f.file.archive && f.badLines.size > 0);
    if (indexRewritten) {
      writeIndex(paths, files.filter((f) => f.file.archive).map((f) => {
        const file = relative(paths.progressDir, f.file.path);
        const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
        return { file, quarter: /ledger-(\d{4}-Q[1-4])\.jsonl$/.exec(file)![1]!, from: iso(f.fromMs), to: iso(f.toMs), count: f.count };
      }));
    }
    return { problems, rejected, indexRewritten };
  });
}
