/**
 * `relay run`: any command as an agent's work order, in the event ledger. Pure: the events a
 * run writes and the exit code relay passes on; the command, git and the files are the CLI's.
 */
import { constants } from 'node:os';
import { redact, truncate } from '../shared/redact.ts';
import { jsonLines, type WorkerRun } from '../epic/worker.ts';
import type { NewEventLine } from './events.ts';

export interface WorkOrder {
  agent: string;
  taskId?: string;
  command: string[];
}

const SOURCE = 'relay run';
const OUTPUT_TAIL = 1_000;

function base(order: WorkOrder): Pick<NewEventLine, 'agent' | 'source' | 'task_id'> {
  return { agent: order.agent, source: SOURCE, ...(order.taskId ? { task_id: order.taskId } : {}) };
}

/** The command as one redacted line. */
export function commandLine(command: string[]): string {
  return truncate(redact(command.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' ')), 300);
}

export function workOrderStart(order: WorkOrder): NewEventLine {
  return { ...base(order), event: 'task_start', summary: `started: ${commandLine(order.command)}`, data: { command: commandLine(order.command) } };
}

export function workOrderHeartbeat(order: WorkOrder, elapsedMs: number): NewEventLine {
  return { ...base(order), event: 'heartbeat', summary: `still running after ${Math.round(elapsedMs / 1000)} s`, data: { elapsed_ms: elapsedMs } };
}

/** How the run ended, in one word. */
export function outcomeOf(run: WorkerRun): 'success' | 'failure' | 'timeout' | 'interrupted' | 'not_started' {
  if (run.spawnError) return 'not_started';
  if (run.timedOut) return 'timeout';
  if (run.interrupted) return 'interrupted';
  return run.exitCode === 0 ? 'success' : 'failure';
}

/** relay's exit code: the child's, 128 + the signal's number after a signal, 124 on the timeout, 130 when relay was interrupted, 127 when it never started. */
export function workOrderExitCode(run: WorkerRun): number {
  if (run.spawnError) return 127;
  if (run.timedOut) return 124;
  if (run.interrupted) return 130;
  if (run.exitCode !== null) return run.exitCode;
  const number = run.signal ? constants.signals[run.signal as keyof typeof constants.signals] : undefined;
  return 128 + (number ?? 15);
}

/** A redacted tail of what the command printed: redacted whole, then cut, so a cut never halves a secret. */
function outputTail(run: WorkerRun): string {
  const text = redact(`${run.stdout}${run.stderr ? `${run.stdout ? '\n' : ''}${run.stderr}` : ''}`.trim());
  return text.length > OUTPUT_TAIL ? `…${text.slice(-OUTPUT_TAIL)}` : text;
}

export interface AgentReport {
  input_tokens?: number;
  output_tokens?: number;
  cost_usd?: number;
  final_message?: string;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * What a known agent CLI running headless says about itself in its last JSON lines: `codex exec
 * --json` (turn.completed usage, the last agent_message), `gemini --output-format stream-json`
 * (result stats, message text), `claude -p --output-format json` (the result object). Empty for
 * anything else.
 */
export function agentReport(stdout: string): AgentReport {
  const report: AgentReport = {};
  for (const e of jsonLines(stdout) as Array<Record<string, any>>) {
    if (e.type === 'turn.completed' && e.usage) Object.assign(report, { input_tokens: num(e.usage.input_tokens), output_tokens: num(e.usage.output_tokens) });
    else if (e.type === 'item.completed' && e.item?.type === 'agent_message' && typeof e.item.text === 'string') report.final_message = e.item.text;
    else if (e.type === 'result' && e.stats) Object.assign(report, { input_tokens: num(e.stats.input_tokens), output_tokens: num(e.stats.output_tokens) });
    else if (e.type === 'message' && e.role !== 'user' && typeof e.content === 'string') report.final_message = e.delta ? `${report.final_message ?? ''}${e.content}` : e.content;
    else if (e.type === 'assistant.message' && typeof (e.data?.content ?? e.content) === 'string' && (e.data?.content ?? e.content)) report.final_message = e.data?.content ?? e.content;
    else if (e.type === 'result' && typeof e.result === 'string') Object.assign(report, { final_message: e.result, cost_usd: num(e.total_cost_usd), input_tokens: num(e.usage?.input_tokens), output_tokens: num(e.usage?.output_tokens) });
  }
  return Object.fromEntries(Object.entries(report).filter(([, v]) => v !== undefined)) as AgentReport;
}

export function workOrderEnd(order: WorkOrder, run: WorkerRun, files: string[]): NewEventLine[] {
  const outcome = outcomeOf(run);
  const code = workOrderExitCode(run);
  const report = agentReport(run.stdout);
  if (report.final_message) report.final_message = truncate(redact(report.final_message), 500);
  const data = { result: outcome, exit_code: code, duration_ms: run.durationMs, files_changed: files, output_tail: outputTail(run), ...report, ...(run.signal ? { signal: run.signal } : {}) };
  const events: NewEventLine[] = [{ ...base(order), event: 'task_result', summary: `${outcome} (exit ${code}) in ${Math.round(run.durationMs / 1000)} s: ${commandLine(order.command)}`, data }];
  if (outcome !== 'success') {
    const why = run.spawnError ? redact(run.spawnError) : outcome === 'timeout' ? 'killed at its timeout' : outcome === 'interrupted' ? 'interrupted' : `exit ${code}`;
    events.push({ ...base(order), event: 'error', summary: `${commandLine(order.command)}: ${truncate(why, 200)}`, data: { result: outcome, exit_code: code, output_tail: data.output_tail } });
  }
  return events;
}
