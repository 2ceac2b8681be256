/**
 * `relay events export --otlp <url> [--since WHEN] [--agent NAMES]`: the event ledger as
 * OpenTelemetry log records, for a collector that joins many machines' ledgers.
 * Loaded only when this command runs, so no other command pays for the OpenTelemetry SDK.
 */
import { relative } from 'node:path';
import { parseTimeBound } from '../core/episodic/records.ts';
import { exportEvents } from '../adapters/otlp-export.ts';
import { currentProject } from '../adapters/project.ts';

export interface ExportOptions {
  otlp: string;
  since?: string;
  agent?: string;
}

export async function exportCommand(opts: ExportOptions): Promise<void> {
  const paths = currentProject();
  const sinceMs = opts.since ? parseTimeBound(opts.since, Date.now(), 'since', '--since') : undefined;
  const agents = opts.agent?.split(',').map((a) => a.trim()).filter(Boolean);
  const report = await exportEvents(paths.root, opts.otlp, { sinceMs, ...(agents?.length ? { agents } : {}) });
  const notes = [
    report.duplicates ? `${report.duplicates} duplicate id(s) sent once` : '',
    report.filteredOut ? `${report.filteredOut} outside --since/--agent` : '',
    report.unreadable ? `${report.unreadable} unreadable line(s) skipped; see: relay events validate` : '',
  ].filter(Boolean);
  const from = `${report.files} file(s) under ${relative(process.cwd(), paths.eventLedgerDir) || paths.eventLedgerDir}`;
  process.stdout.write(`relay: exported ${report.exported} event(s) from ${from} to ${report.url}${notes.length ? ` (${notes.join('; ')})` : ''}\n`);
}
