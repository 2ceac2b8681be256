/**
 * Owner of in-place repairs (`relay redact --fix`): files already on disk that hold a secret
 * are rewritten redacted, atomically, under the lock their owner uses (`<file>.lock`), without
 * losing a record: JSONL line by line (one record per line still), YAML through its document
 * (comments kept, values quoted), anything else as text. An append-only file that grows while
 * it is being fixed is read again.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { redact } from '../core/shared/redact.ts';
import { updateYaml } from './documents.ts';
import { readTextBounded, withLock, writeFileAtomic } from './store.ts';

const MAX_FILE_BYTES = 256 * 1024 * 1024;
const SKIP_DIRS = new Set(['.git', 'node_modules']);

export interface Finding {
  file: string;
  line: number;
  kinds: string[];
}

/** Every regular file under the paths given (directories walked, .git and node_modules skipped). */
export function filesUnder(paths: string[]): string[] {
  const out: string[] = [];
  const visit = (path: string) => {
    const st = statSync(path);
    if (st.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!SKIP_DIRS.has(name)) visit(join(path, name));
    } else if (st.isFile()) out.push(path);
  };
  for (const p of paths) visit(p);
  return out;
}

function readText(file: string): string | undefined {
  const text = readTextBounded(file, MAX_FILE_BYTES);
  return text.slice(0, 8192).includes('\0') ? undefined : text;
}

const MARKERS = /\[REDACTED:([a-z0-9-]+)\]/g;

/** The lines of `file` that hold something redaction would hide, with the kinds it would name. */
export function scanFile(file: string): Finding[] {
  const text = readText(file);
  if (text === undefined) return [];
  const findings: Finding[] = [];
  const redacted = redact(text);
  if (redacted === text) return findings;
  text.split('\n').forEach((line, i) => {
    const out = redact(line);
    if (out === line) return;
    const before = new Set([...line.matchAll(MARKERS)].map((m) => m[1]!));
    const kinds = [...new Set([...out.matchAll(MARKERS)].map((m) => m[1]!))].filter((k) => !before.has(k));
    findings.push({ file, line: i + 1, kinds: kinds.length ? kinds : ['secret'] });
  });
  // A secret over several lines (a key block) shows only when the whole text is redacted.
  if (!findings.length) findings.push({ file, line: 1, kinds: [...new Set([...redacted.matchAll(MARKERS)].map((m) => m[1]!))] });
  return findings;
}

/** Rewrites `file` redacted; returns whether it changed. */
export async function fixFile(file: string): Promise<boolean> {
  if (/\.ya?ml$/i.test(file)) {
    const before = readText(file);
    if (before === undefined || redact(before) === before) return false;
    await updateYaml(file, z.unknown(), (current) => ({ next: current, result: undefined }));
    return true;
  }
  return withLock(file, () => {
    for (;;) {
      const text = readText(file);
      if (text === undefined) return false;
      const size = statSync(file).size;
      const fixed = /\.jsonl$/i.test(file) ? text.split('\n').map(redact).join('\n') : redact(text);
      if (fixed === text) return false;
      // A lock-free appender (the event ledger) may have added a line since the read: read again.
      if (statSync(file).size !== size) continue;
      writeFileAtomic(file, fixed);
      return true;
    }
  });
}
