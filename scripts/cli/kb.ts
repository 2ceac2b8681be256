import { existsSync, statSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import { RelayError } from '../core/shared/errors.ts';
import { checkEntry, ENTRY_FILE, KB_CATEGORIES, parseEntry, SEVERITIES, type Finding, type NewEntry } from '../core/knowledge/kb.ts';
import { redact } from '../core/shared/redact.ts';
import { currentProject } from '../adapters/project.ts';
import { markdownFiles } from '../adapters/recall-sources.ts';
import { createEntry } from '../adapters/ops-knowledge.ts';
import { readTextBounded } from '../adapters/store.ts';
import { printJson } from './output.ts';

const MAX_ENTRY_BYTES = 16 * 1024 * 1024;

interface NewOptions {
  category: string;
  title: string;
  service?: string;
  severity: string;
  tags?: string;
  duration?: string;
  impact?: string;
  date?: string;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new RelayError(`${flag}: expected one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

function list(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(',').map((s) => redact(s.trim())).filter(Boolean))];
}

function parseDate(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) throw new RelayError(`--date: expected an ISO 8601 date such as 2026-05-01T10:20:30Z, got "${value}"`);
  return date;
}

export function kbNewCommand(opts: NewOptions): void {
  const paths = currentProject();
  const title = redact(opts.title.replace(/\s+/g, ' ').trim());
  if (!title) throw new RelayError('--title: must not be empty');
  const entry: NewEntry = {
    category: oneOf('--category', opts.category, KB_CATEGORIES),
    severity: oneOf('--severity', opts.severity, SEVERITIES),
    title,
    services: list(opts.service),
    tags: list(opts.tags),
    date: parseDate(opts.date),
    ...(opts.duration ? { duration: redact(opts.duration) } : {}),
    ...(opts.impact ? { impact: redact(opts.impact) } : {}),
  };
  const file = createEntry(paths, entry);
  process.stdout.write(`${relative(paths.root, file).split(sep).join('/')}\n`);
}

interface EntryReport {
  file: string;
  findings: Finding[];
}

export function kbCheckCommand(files: string[], opts: { json?: boolean }): void {
  const paths = currentProject();
  for (const f of files) {
    if (!existsSync(f)) throw new RelayError(`${f}: file not found`);
    if (!statSync(f).isFile()) throw new RelayError(`${f}: not a file`);
  }
  const targets = files.length ? files.map((f) => resolve(f)) : markdownFiles(paths.opsKnowledge).filter((f) => ENTRY_FILE.test(basename(f)));
  const show = (abs: string) => relative(process.cwd(), abs).split(sep).join('/') || abs;
  const reports: EntryReport[] = targets.map((abs) => ({ file: show(abs), findings: checkEntry(parseEntry(readTextBounded(abs, MAX_ENTRY_BYTES))) }));
  const incomplete = reports.filter((r) => r.findings.length);
  const problems = incomplete.reduce((n, r) => n + r.findings.length, 0);
  if (opts.json) {
    printJson({ entries: reports.map((r) => ({ file: r.file, complete: !r.findings.length, findings: r.findings })), checked: reports.length, incomplete: incomplete.length });
  } else {
    for (const r of reports) {
      if (!r.findings.length) process.stdout.write(`${r.file}: complete\n`);
      for (const f of r.findings) process.stdout.write(`${r.file}:${f.line}: ${f.message}\n`);
    }
    if (!reports.length) process.stdout.write(`no ops-learning entries under ${show(paths.opsKnowledge)}; create one with: relay kb new\n`);
  }
  if (incomplete.length) throw new RelayError(`${problems} problem(s) in ${incomplete.length} of ${reports.length} entr${reports.length === 1 ? 'y' : 'ies'}`, 1);
}

/** `relay kb search`: the recall search, over the knowledge base only. */
export async function kbSearchCommand(query: string, opts: { limit: number; json?: boolean }): Promise<void> {
  await (await import('./recall.ts')).recallCommand(query, { ...opts, sources: ['kb'] });
}
