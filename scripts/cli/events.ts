import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkLedgerText, ledgerPlacement, type SeenIds } from '../core/events/schema.ts';
import { RelayError } from '../core/shared/errors.ts';
import { renderSessionSummary, summarizeSession } from '../core/events/session-summary.ts';
import { ledgerFiles, readLedgerText, readSessionEvents } from '../adapters/event-reader.ts';
import { currentProject } from '../adapters/project.ts';

export function validateCommand(files: string[]): void {
  for (const f of files) if (!existsSync(f)) throw new RelayError(`${f}: file not found`);
  const paths = files.length ? files.map((f) => resolve(f)) : ledgerFiles(currentProject().root);
  if (!paths.length) {
    process.stdout.write('no event ledger files under .agents-os/ledger\n');
    return;
  }
  const seen: SeenIds = new Map();
  const problems: string[] = [];
  let lines = 0;
  for (const path of paths) {
    const text = readLedgerText(path);
    lines += text.split('\n').filter(Boolean).length;
    problems.push(...checkLedgerText({ label: relative(process.cwd(), path) || path, ...ledgerPlacement(path) }, text, seen));
  }
  if (problems.length) {
    process.stdout.write(`${problems.join('\n')}\n`);
    throw new RelayError(`${problems.length} problem(s) in ${paths.length} ledger file(s), ${lines} line(s)`, 1);
  }
  process.stdout.write(`ok: ${lines} event(s) in ${paths.length} file(s)\n`);
}

export async function summaryCommand(opts: { session?: string; json?: boolean }): Promise<void> {
  if (!opts.session) return (await import('./agents.ts')).agentsStatusCommand(opts);
  const { root } = currentProject();
  const events = readSessionEvents(root, opts.session);
  if (!events.length) throw new RelayError(`no events recorded for session "${opts.session}" under .agents-os/ledger`, 1);
  process.stdout.write(renderSessionSummary(summarizeSession(opts.session, events)));
}
