/**
 * `relay ledger add | rotate | validate | repair`: the write and upkeep side, over the episodic
 * core and store. Every failure is a RelayError: one line, exit 2 for bad input, 1 for a failed check.
 */
import { isatty } from 'node:tty';
import { checkGates, parseRecord } from '../core/episodic/records.ts';
import { RelayError } from '../core/shared/errors.ts';
import { currentProject } from '../adapters/project.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import { inspectLedger } from '../adapters/episodic-reader.ts';
import { takeRecordFile } from '../adapters/inbox.ts';
import { appendRecord, repairLedger, rotateLedger } from '../adapters/episodic-store.ts';
import { printJson } from './output.ts';
import { shown } from './ledger-query.ts';

const MAX_INPUT_BYTES = 1024 * 1024;

/**
 * The record from --json or stdin. stdin is read as a stream with a size bound: a
 * synchronous read of fd 0 fails with EAGAIN when the writer is slower than relay.
 */
async function readInput(paths: ProjectPaths, opts: AddOptions): Promise<{ text: string; source: string }> {
  if (opts.json !== undefined && opts.file !== undefined) throw new RelayError('--json and --file: give the record one way, not both', 2);
  if (opts.json !== undefined) return { text: opts.json, source: '--json' };
  if (opts.file !== undefined) {
    try {
      return { text: takeRecordFile(paths, opts.file, MAX_INPUT_BYTES), source: opts.file };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new RelayError(code === 'EFBIG' ? `${opts.file}: more than ${MAX_INPUT_BYTES} bytes; a record is a summary, not a log` : `${opts.file}: ${code === 'ENOENT' ? 'file not found' : `cannot read (${code})`}`, 2);
    }
  }
  if (isatty(0)) throw new RelayError('no record given: pipe one JSON object on stdin or pass --json \'{…}\'', 2);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_INPUT_BYTES) throw new RelayError(`stdin: more than ${MAX_INPUT_BYTES} bytes; a record is a summary, not a log`, 2);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) throw new RelayError('stdin: empty; pipe one JSON object on stdin or pass --json \'{…}\'', 2);
  return { text, source: 'stdin' };
}

interface AddOptions {
  json?: string;
  file?: string;
  suffixTimestamp?: boolean;
  dryRun?: boolean;
}

export async function addCommand(opts: AddOptions): Promise<void> {
  const paths = currentProject();
  const { text, source } = await readInput(paths, opts);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new RelayError(`${source}: invalid JSON: ${(err as Error).message}`, 2);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new RelayError(`${source}: expected one JSON object (a record)`, 2);
  const record = parseRecord(value, source);
  checkGates(record, source);
  const result = await appendRecord(paths, record, { source, taskIdPolicy: opts.suffixTimestamp ? 'suffix' : 'refuse', dryRun: opts.dryRun });
  const what = `${result.record.type} "${result.record.task_id}"`;
  if (opts.dryRun) {
    process.stdout.write(`relay: ${what} passes every gate (dry run; nothing written)\n`);
    return;
  }
  const lines = [`relay: recorded ${what} in ${shown(paths.episodicLedger)} and ${shown(paths.notes)}`];
  if (result.notesArchive) lines.push(`relay: NOTES.md passed its size limit; earlier notes moved to ${shown(result.notesArchive)}`);
  if (result.rotation) lines.push(`relay: ledger.jsonl passed its size limit; rotated ${result.rotation.lines} lines into ${result.rotation.archives.map((a) => a.file).join(', ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

export async function rotateCommand(opts: { force?: boolean; maxBytes?: number }): Promise<void> {
  const paths = currentProject();
  const { rotation, notesArchive } = await rotateLedger(paths, opts);
  if (rotation) {
    process.stdout.write(`relay: rotated ${rotation.lines} lines: ${rotation.archives.map((a) => `${a.file} (+${a.added})`).join(', ')}; index: ${shown(paths.ledgerIndex)}\n`);
  } else {
    process.stdout.write(`relay: ${shown(paths.episodicLedger)} is under its size limit; nothing rotated (--force rotates anyway)\n`);
  }
  if (notesArchive) process.stdout.write(`relay: NOTES.md moved to ${shown(notesArchive)}\n`);
}

export async function validateCommand(opts: { json?: boolean }): Promise<void> {
  const paths = currentProject();
  const { problems, files, lines } = inspectLedger(paths, shown);
  const located = problems.map((p) => ({ file: shown(p.file), line: p.line, reason: p.reason }));
  if (opts.json) printJson({ schema: 'relay.ledger.validate/v1', files: files.length, lines, problems: located });
  else for (const p of located) process.stdout.write(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}\n`);
  if (problems.length) throw new RelayError(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the episodic ledger; fix the lines or run: relay ledger repair`, 1);
  if (!opts.json) process.stdout.write(`relay: ${lines} records in ${files.length} file${files.length === 1 ? '' : 's'}, all valid\n`);
}

export async function repairCommand(): Promise<void> {
  const paths = currentProject();
  const { problems, rejected, indexRewritten } = await repairLedger(paths, shown);
  if (!problems.length) {
    process.stdout.write('relay: nothing to repair\n');
    return;
  }
  for (const p of problems) process.stdout.write(`${shown(p.file)}${p.line ? `:${p.line}` : ''}: ${p.reason}\n`);
  const setAside = problems.filter((p) => p.line > 0).length;
  if (setAside) process.stdout.write(`relay: set ${setAside} bad line${setAside === 1 ? '' : 's'} aside in ${rejected.map(shown).join(', ')}\n`);
  if (indexRewritten) process.stdout.write(`relay: rewrote ${shown(paths.ledgerIndex)} from the archives on disk\n`);
}
