/**
 * Reading the event ledger back. Readers drop repeated ids, because a git union merge of
 * `.agents-os/ledger/**\/*.jsonl` can leave the same line twice; lines that are not events
 * are skipped here and reported by `relay events validate`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventLine } from '../core/events/events.ts';
import { projectPaths } from '../core/shared/paths.ts';
import { readTextBounded } from './store.ts';

const MAX_LEDGER_FILE_BYTES = 128 * 1024 * 1024;

function subdirectories(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Every `<agent>/<YYYY-MM-DD>.jsonl` in the project's ledger, sorted; `days` keeps only those UTC days. */
export function ledgerFiles(root: string, days?: string[]): string[] {
  const dir = projectPaths(root).eventLedgerDir;
  const files: string[] = [];
  for (const agent of subdirectories(dir)) {
    for (const name of readdirSync(join(dir, agent))) {
      if (name.endsWith('.jsonl') && (!days || days.includes(name.slice(0, 10)))) files.push(join(dir, agent, name));
    }
  }
  return files.sort();
}

function isEvent(value: unknown): value is EventLine {
  const e = value as EventLine | null;
  return typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.timestamp === 'string' && typeof e.event === 'string'
    && typeof e.agent === 'string' && typeof e.summary === 'string' && typeof e.data === 'object' && e.data !== null;
}

/** A ledger file's text; bounded, so a runaway file cannot exhaust memory. */
export function readLedgerText(file: string): string {
  return readTextBounded(file, MAX_LEDGER_FILE_BYTES);
}

export function readEventFile(file: string): EventLine[] {
  const events: EventLine[] = [];
  for (const line of readLedgerText(file).split('\n')) {
    if (!line) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isEvent(value)) events.push(value);
    } catch {
      // A torn or hand-edited line: validate reports it, readers move on.
    }
  }
  return events;
}

/** One session's events across every agent's ledger (its subagents log under their own names), each id once. */
export function readSessionEvents(root: string, sessionId: string, days?: string[]): EventLine[] {
  const seen = new Set<string>();
  const events: EventLine[] = [];
  for (const file of ledgerFiles(root, days)) {
    for (const e of readEventFile(file)) {
      if (e.session_id !== sessionId || seen.has(e.id)) continue;
      seen.add(e.id);
      events.push(e);
    }
  }
  return events;
}
