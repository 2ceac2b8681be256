/**
 * Where recall's sources are: the episodic ledger and its archives, the attempt ledger,
 * every markdown file under docs/ops-knowledge, and AGENTS.md. Listing and stat only, so a
 * warm query loads nothing more; recall-read.ts reads a source that changed.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Extracted } from '../core/knowledge/recall.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';

export type Kind = 'episodic' | 'receipts' | 'kb' | 'learning';

export interface SourceFile {
  rel: string;
  abs: string;
  kind: Kind;
  mtimeMs: number;
  size: number;
}

/** What a source yielded, and what recognises it unchanged (or only appended to) next time. */
export interface ReadSource extends Extracted {
  kind: Kind;
  mtimeMs: number;
  size: number;
  /** JSONL only: lines read and the file's last bytes (base64), to recognise a file that was only appended to. */
  lines?: number;
  tail?: string;
}

/** Appended lines of a source, as documents numbered on from the lines already read. */
export type Appended = ReadSource & { added: Extracted };

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
    // Plain concatenation: `dir` is already normal, and path.join normalises again for every file.
    if (e.isDirectory()) return markdownFiles(dir + sep + e.name, depth + 1);
    return e.isFile() && e.name.endsWith('.md') ? [dir + sep + e.name] : [];
  }).sort();
}

export function listSources(paths: ProjectPaths): SourceFile[] {
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
  // Every candidate is joined under the root, so its relative path is a slice (path.relative costs more, 1,500 times).
  const under = paths.root + sep;
  const posix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));
  const rel = (abs: string) => posix(abs.startsWith(under) ? abs.slice(under.length) : relative(paths.root, abs));
  const files: SourceFile[] = [];
  for (const [abs, kind] of candidates) {
    const st = statFile(abs);
    if (st) files.push({ abs, kind, rel: rel(abs), mtimeMs: st.mtimeMs, size: st.size });
  }
  return files;
}
