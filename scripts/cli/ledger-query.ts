/**
 * `relay ledger query | hotspots | stats | report`: the read side, streaming the ledger and its
 * archives through the episodic core. Output shapes are documented in skills/ledger-update/SKILL.md.
 */
import { once } from 'node:events';
import { dirname, relative } from 'node:path';
import { lessonText, monthWindows, parseTimeBound, timestampMs } from '../core/episodic/records.ts';
import { compileQuery, parseTypes } from '../core/episodic/query.ts';
import {
  agentMetricsFromTally, doraMetrics, newTally, tallyFiles, tallyRecord, topHotspots,
  type Hotspot, type LedgerLine, type TimeWindow,
} from '../core/episodic/metrics.ts';
import { displayTime, renderMonthlyReport, renderStats, renderTrendSvg, type MonthlyReportData } from '../core/episodic/render.ts';
import { currentProject } from '../adapters/project.ts';
import { scanLedger, type ScanStats } from '../adapters/episodic-reader.ts';
import { writeReportFile } from '../adapters/report-files.ts';
import { printJson, terminalWidth } from './output.ts';

const DAY_MS = 86_400_000;

/** Paths as the user typed them: relative to the working directory. */
export const shown = (file: string) => relative(process.cwd(), file) || file;

interface WindowOptions {
  since?: string;
  until?: string;
}

function window(opts: WindowOptions): { sinceMs?: number; untilMs?: number } {
  const now = Date.now();
  return {
    sinceMs: opts.since ? parseTimeBound(opts.since, now, 'since', '--since') : undefined,
    untilMs: opts.until ? parseTimeBound(opts.until, now, 'until', '--until') : undefined,
  };
}

function warnUnreadable(stats: ScanStats): void {
  if (stats.unreadable) process.stderr.write(`relay: skipped ${stats.unreadable} unreadable line${stats.unreadable === 1 ? '' : 's'}; see: relay ledger validate\n`);
}

const OUTPUT_BYTES = 1 << 16;

/**
 * stdout through fresh 64 KiB buffers: one write() per buffer rather than per record, and no
 * reference kept to the text copied in. That matters: raw lines are slices that keep their whole
 * read chunk alive, and holding them in a batch made peak memory grow with the ledger's size.
 */
function bufferedStdout() {
  let buf = Buffer.allocUnsafe(OUTPUT_BYTES);
  let used = 0;
  const send = async (data: string | Buffer) => {
    if (!process.stdout.write(data)) await once(process.stdout, 'drain');
  };
  const flush = async () => {
    if (!used) return;
    const full = buf.subarray(0, used);
    buf = Buffer.allocUnsafe(OUTPUT_BYTES);
    used = 0;
    await send(full);
  };
  return {
    flush,
    async write(text: string) {
      // A UTF-16 unit is at most 3 UTF-8 bytes, so this never cuts a character.
      if (used + text.length * 3 > OUTPUT_BYTES) await flush();
      if (text.length * 3 > OUTPUT_BYTES) await send(text);
      else used += buf.write(text, used);
    },
  };
}

/** A copy that shares no memory with the chunk it was sliced from (see bufferedStdout). */
const detached = (slice: string) => Buffer.from(slice).toString();

export interface QueryCommandOptions extends WindowOptions {
  grep?: string;
  field?: string;
  type?: string;
  limit?: number;
  json?: boolean;
}

/**
 * Matches in ledger order (archives, oldest first, then ledger.jsonl). `--limit N` keeps the
 * N most recent. `--json` prints a JSON array, one record per line, exactly as stored.
 */
export async function queryCommand(opts: QueryCommandOptions): Promise<void> {
  const paths = currentProject();
  const win = window(opts);
  const fields = opts.field?.split(',').map((f) => f.trim()).filter(Boolean);
  const query = compileQuery({ grep: opts.grep, fields, types: parseTypes(opts.type), ...win });
  const stats: ScanStats = { files: 0, unreadable: 0 };
  const matches = scanLedger(paths, query, win, stats);
  if (opts.json && opts.limit === undefined) {
    const out = bufferedStdout();
    let first = true;
    for (const { raw } of matches) {
      await out.write(first ? '[\n' : ',\n');
      await out.write(raw);
      first = false;
    }
    await out.write(first ? '[]\n' : '\n]\n');
    await out.flush();
  } else {
    let kept: { record: LedgerLine; raw: string }[] = [];
    for (const { record, raw } of matches) {
      kept.push({ record, raw: opts.json ? detached(raw) : '' });
      if (opts.limit !== undefined && kept.length >= 2 * opts.limit) kept = kept.slice(-opts.limit);
    }
    if (opts.limit !== undefined) kept = kept.slice(-opts.limit);
    if (opts.json) process.stdout.write(kept.length ? `[\n${kept.map((m) => m.raw).join(',\n')}\n]\n` : '[]\n');
    else process.stdout.write(renderRecordTable(kept.map((m) => m.record), fields, stats.files));
  }
  warnUnreadable(stats);
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function detailOf(record: LedgerLine, fields: string[] | undefined): string {
  if (fields) {
    const value = record[fields[0]!.split('.')[0]!];
    return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  }
  const text = [record.summary, record.root_cause, lessonText(record.lesson_learned)].find((v) => typeof v === 'string');
  return (text as string | undefined) ?? '';
}

function alignedTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fixed = widths.slice(0, -1).reduce((a, b) => a + b + 2, 0);
  const last = Math.max(20, terminalWidth() - fixed);
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? (c.length > last ? `${c.slice(0, last - 1)}…` : c) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function renderRecordTable(records: LedgerLine[], fields: string[] | undefined, files: number): string {
  if (!records.length) return `no matching records (searched ${files} file${files === 1 ? '' : 's'})\n`;
  const rows = records.map((r) => [
    typeof r.timestamp === 'string' ? displayTime(r.timestamp).replace(' UTC', '') : '?',
    String(r.type ?? '?'),
    String(r.task_id ?? '?'),
    typeof r.status === 'string' ? r.status : '',
    oneLine(detailOf(r, fields)),
  ]);
  const header = ['WHEN (UTC)', 'TYPE', 'TASK', 'STATUS', fields ? fields[0]!.toUpperCase() : 'DETAIL'];
  return `${alignedTable(header, rows)}\n${records.length} record${records.length === 1 ? '' : 's'}\n`;
}

export async function hotspotsCommand(opts: WindowOptions & { type?: string; limit?: number; json?: boolean }): Promise<void> {
  const paths = currentProject();
  const win = window(opts);
  const query = compileQuery({ fields: ['files_modified'], types: parseTypes(opts.type), ...win });
  const files = new Map<string, Hotspot>();
  const stats: ScanStats = { files: 0, unreadable: 0 };
  let records = 0;
  for (const { record } of scanLedger(paths, query, win, stats)) {
    records++;
    tallyFiles(files, record);
  }
  const hotspots = topHotspots(files, opts.limit ?? 10);
  if (opts.json) printJson({ schema: 'relay.ledger.hotspots/v1', window: isoWindow(win), records, hotspots });
  else if (!hotspots.length) process.stdout.write('no files_modified recorded in this window\n');
  else process.stdout.write(`${alignedTable(['CHANGES', 'LAST (UTC)', 'FILE'], hotspots.map((h) => [String(h.count), displayTime(h.last_modified).replace(' UTC', ''), h.file]))}\n`);
  warnUnreadable(stats);
}

const isoWindow = (win: { sinceMs?: number; untilMs?: number }) => ({
  since: win.sinceMs === undefined ? null : new Date(win.sinceMs).toISOString(),
  until: win.untilMs === undefined ? null : new Date(win.untilMs).toISOString(),
});

export async function statsCommand(opts: WindowOptions & { json?: boolean }): Promise<void> {
  const paths = currentProject();
  const given = window(opts);
  const untilMs = given.untilMs ?? Date.now();
  const win: TimeWindow = { sinceMs: given.sinceMs ?? untilMs - 30 * DAY_MS, untilMs };
  const tally = newTally();
  const stats: ScanStats = { files: 0, unreadable: 0 };
  for (const { record } of scanLedger(paths, compileQuery(win), win, stats)) tallyRecord(tally, record);
  const dora = doraMetrics(tally, win);
  // The same definition as the monthly report's: task_completion records of settled tasks.
  const agent = agentMetricsFromTally(tally);
  const days = Math.round(((win.untilMs - win.sinceMs) / DAY_MS) * 10) / 10;
  if (opts.json) {
    printJson({ schema: 'relay.ledger.stats/v1', window: { ...isoWindow(win), days }, records: { total: tally.records, by_type: tally.byType }, dora, agent });
  } else {
    process.stdout.write(renderStats({ ...win, days, records: tally.records, byType: tally.byType, dora, agent }));
  }
  warnUnreadable(stats);
}

export async function reportCommand(opts: { month: string; months?: number; out?: string; svg?: string }): Promise<void> {
  const paths = currentProject();
  const months = monthWindows(opts.month, opts.months ?? 6).map((m) => ({ ...m, tally: newTally() }));
  const current = months.at(-1)!;
  const win = { sinceMs: months[0]!.sinceMs, untilMs: current.untilMs };
  const files = new Map<string, Hotspot>();
  const data: MonthlyReportData = { months, generatedAt: new Date().toISOString(), incidents: [], lessons: [], hotspots: [] };
  const stats: ScanStats = { files: 0, unreadable: 0 };
  for (const { record } of scanLedger(paths, compileQuery(win), win, stats)) {
    const at = timestampMs(record.timestamp as string)!;
    const bucket = months.find((m) => at >= m.sinceMs && at <= m.untilMs)!;
    tallyRecord(bucket.tally, record);
    if (bucket !== current) continue;
    tallyFiles(files, record);
    const lesson = lessonText(record.lesson_learned);
    if (lesson) data.lessons.push({ task_id: String(record.task_id), text: oneLine(lesson) });
    if (record.type === 'incident') {
      const text = (v: unknown) => (typeof v === 'string' ? oneLine(v) : undefined);
      data.incidents.push({ task_id: String(record.task_id), severity: text(record.severity), root_cause: text(record.root_cause), fix: text(record.fix), duration_minutes: typeof record.duration_minutes === 'number' ? record.duration_minutes : undefined });
    }
  }
  data.hotspots = topHotspots(files, 10);
  const svgPath = opts.svg ?? (opts.out ? opts.out.replace(/(\.md)?$/i, '.svg') : undefined);
  if (svgPath) {
    writeReportFile(svgPath, renderTrendSvg(months));
    data.chart = relative(opts.out ? dirname(opts.out) : process.cwd(), svgPath);
  }
  const markdown = renderMonthlyReport(data);
  if (opts.out) {
    writeReportFile(opts.out, markdown);
    process.stdout.write(`relay: wrote ${shown(opts.out)}${svgPath ? ` and ${shown(svgPath)}` : ''}\n`);
  } else {
    process.stdout.write(markdown);
    if (svgPath) process.stderr.write(`relay: wrote ${shown(svgPath)}\n`);
  }
  warnUnreadable(stats);
}
