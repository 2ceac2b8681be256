/**
 * Reading every ledger back the strict way, for checks after a fault: the attempt ledger
 * through its zod schema, and every JSONL file line by line (a torn or glued line is a finding).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { AttemptLedger, Epic } from '../../../scripts/core/shared/schemas.ts';
import type { EventLine } from '../../../scripts/core/events/events.ts';

/** Every regular file under `dir` (recursive), as absolute paths, sorted. */
export function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

export function readAttemptLedger(root: string): AttemptLedger {
  const file = join(root, '.agents-os', 'relay', 'attempt-ledger.yml');
  const parsed = AttemptLedger.safeParse(parse(readFileSync(file, 'utf8'), { uniqueKeys: true }));
  if (!parsed.success) throw new Error(`${file} does not match the AttemptLedger schema: ${parsed.error.message}`);
  return parsed.data;
}

export function readEpic(root: string): Epic {
  return Epic.parse(parse(readFileSync(join(root, '.agents-os', 'relay', 'epic.yml'), 'utf8')));
}

export interface JsonlFile {
  file: string;
  values: unknown[];
  /** `file:line: problem` for every line that is not one complete JSON value. */
  problems: string[];
}

export function readJsonl(file: string, root = ''): JsonlFile {
  const text = readFileSync(file, 'utf8');
  const label = root ? relative(root, file) : file;
  const problems: string[] = [];
  const values: unknown[] = [];
  if (text && !text.endsWith('\n')) problems.push(`${label}: last line has no newline (torn write)`);
  text.split('\n').forEach((line, i) => {
    if (!line) return;
    try {
      values.push(JSON.parse(line));
    } catch {
      problems.push(`${label}:${i + 1}: not JSON: ${line.slice(0, 120)}`);
    }
  });
  return { file, values, problems };
}

/** Every .jsonl file relay writes in a project: the event ledger and the episodic ledger (with archives). */
export function jsonlFiles(root: string): string[] {
  return [...walk(join(root, '.agents-os')), ...walk(join(root, 'progress'))].filter((f) => f.endsWith('.jsonl'));
}

/** Every event line under .agents-os/ledger; throws listing every line that does not parse. */
export function eventLines(root: string): EventLine[] {
  const files = walk(join(root, '.agents-os', 'ledger')).filter((f) => f.endsWith('.jsonl'));
  const read = files.map((f) => readJsonl(f, root));
  const problems = read.flatMap((r) => r.problems);
  if (problems.length) throw new Error(`unreadable event ledger lines:\n${problems.join('\n')}`);
  return read.flatMap((r) => r.values as EventLine[]);
}
