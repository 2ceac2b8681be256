/**
 * The status report: one data structure (the documented `--json` shape) and a renderer for
 * people. Both are pure; the CLI only loads files and picks the renderer.
 */
import type { AttemptLedger, Epic, GateReason, TaskStatus } from '../shared/schemas.ts';
import type { AgentState, AgentStatus } from '../events/events.ts';
import { readyTasks } from './attempts.ts';

export interface TaskRow {
  id: string;
  title: string;
  status: TaskStatus;
  priority: string;
  points: number;
  attempts: number;
  last_result: string | null;
  last_error: string | null;
  gate: { reason: GateReason; gated_at: string; detail?: string } | null;
  /** For a blocked task: the chain of unfinished dependencies down to the one holding it up. */
  blocked_by: string[] | null;
  cost_usd: number;
  /** For a task in progress: seconds since its attempt started (several at once with --jobs). */
  running_s: number | null;
}

export interface RunInfo {
  running: boolean;
  pid: number | null;
  /** run.log, only when it exists (a foreground run writes none). */
  log: string | null;
  last_lines: string[];
  /** What a run that died left: when it was last heard of, and the pid it had. */
  last_run: { pid: number; started_at: string; last_seen: string } | null;
}

/** Attempts a dead run left open: `relay work` closes them as interrupted (not counted) and resumes. */
export interface DeadRunReport {
  pid: number | null;
  last_seen: string | null;
  attempts: string[];
}

/** An agent's status.json as status shows it: what it is doing and how long ago it was last heard of. */
export interface AgentRow {
  agent: string;
  state: AgentState;
  current_task: string | null;
  last_seen: string;
  age_s: number | null;
  /** Busy, but three promised heartbeats overdue: it probably died without a word. */
  stale: boolean;
}

/** Heartbeats an agent may miss before it counts as stale. */
export const MISSED_HEARTBEATS = 3;

export function agentRows(statuses: AgentStatus[], now: number): AgentRow[] {
  return statuses.map((s) => {
    const seen = Date.parse(s.updated_at);
    const age = Number.isNaN(seen) ? null : Math.max(0, Math.round((now - seen) / 1000));
    const stale = s.state === 'busy' && !!s.heartbeat_s && age !== null && age > MISSED_HEARTBEATS * s.heartbeat_s;
    return { agent: s.agent, state: s.state, current_task: s.current_task, last_seen: s.updated_at, age_s: age, stale };
  }).sort((a, b) => a.agent.localeCompare(b.agent));
}

/** "12s ago", "5m ago", "3h ago", "2d ago". */
export function ageText(seconds: number | null): string {
  if (seconds === null) return '-';
  if (seconds < 120) return `${seconds}s ago`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m ago`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)}h ago`;
  return `${Math.round(seconds / 86_400)}d ago`;
}

export interface StatusReport {
  schema: 'relay.status/v1';
  epic: { id: string; title: string; source: string };
  progress: { done: number; total: number; points_done: number; points_total: number; percent: number };
  counts: Record<TaskStatus, number>;
  next_ready: string | null;
  tasks: TaskRow[];
  gated: Array<{ id: string; reason: GateReason; gated_at: string; detail?: string }>;
  cost_usd: number;
  run: RunInfo | null;
  died: DeadRunReport | null;
  /** Every agent with a status.json in this project (Claude sessions, relay workers, other CLIs, relay run). */
  agents: AgentRow[];
}

function blockingChain(epic: Epic, ledger: AttemptLedger, id: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>([id]);
  let current = id;
  for (;;) {
    const dep = epic.tasks[current]?.depends_on.find((d) => ledger.task_status[d] !== 'completed' && !seen.has(d));
    if (!dep) return chain;
    chain.push(dep);
    seen.add(dep);
    if (ledger.task_status[dep] !== 'blocked') return chain;
    current = dep;
  }
}

export function buildStatus(epic: Epic, ledger: AttemptLedger, run: RunInfo | null = null, agents: AgentRow[] = [], now?: number): StatusReport {
  const counts: Record<TaskStatus, number> = { pending: 0, in_progress: 0, completed: 0, blocked: 0, gated: 0 };
  const tasks: TaskRow[] = [];
  let pointsDone = 0;
  let pointsTotal = 0;
  let totalCost = 0;
  for (const [id, task] of Object.entries(epic.tasks)) {
    const status = ledger.task_status[id] ?? 'pending';
    counts[status]++;
    pointsTotal += task.points;
    if (status === 'completed') pointsDone += task.points;
    const attempts = ledger.attempts[id] ?? [];
    const last = attempts.at(-1);
    const lastFailure = [...attempts].reverse().find((a) => a.result === 'failure');
    const cost = attempts.reduce((sum, a) => sum + (a.total_cost_usd ?? 0), 0);
    totalCost += cost;
    tasks.push({
      id,
      title: task.title,
      status,
      priority: task.priority,
      points: task.points,
      attempts: attempts.length,
      last_result: last?.result ?? null,
      last_error: lastFailure?.receipt?.error_summary ?? lastFailure?.receipt?.quality_gate_findings[0] ?? null,
      gate: ledger.gated_tasks[id] ?? null,
      blocked_by: status === 'blocked' ? blockingChain(epic, ledger, id) : null,
      cost_usd: Math.round(cost * 1e6) / 1e6,
      running_s: status === 'in_progress' && last?.result === 'in_progress' && now !== undefined ? Math.max(0, Math.round((now - Date.parse(last.started_at)) / 1000)) : null,
    });
  }
  const total = tasks.length;
  return {
    schema: 'relay.status/v1',
    epic: { id: epic.id, title: epic.title, source: epic.source },
    progress: {
      done: counts.completed,
      total,
      points_done: pointsDone,
      points_total: pointsTotal,
      percent: total ? Math.round((counts.completed / total) * 100) : 0,
    },
    counts,
    next_ready: readyTasks(epic, ledger)[0] ?? null,
    tasks,
    gated: Object.entries(ledger.gated_tasks).map(([id, g]) => ({ id, ...g })),
    cost_usd: Math.round(totalCost * 1e6) / 1e6,
    run,
    died: deadRunReport(ledger, run),
    agents,
  };
}

/** Open attempts with no live run to finish them mean the last run died. */
function deadRunReport(ledger: AttemptLedger, run: RunInfo | null): DeadRunReport | null {
  if (run?.running) return null;
  const open = Object.entries(ledger.attempts).flatMap(([id, list]) => list.filter((a) => a.result === 'in_progress').map((a) => `${id}#${a.id}`));
  if (!open.length) return null;
  return { pid: run?.last_run?.pid ?? null, last_seen: run?.last_run?.last_seen ?? null, attempts: open };
}

type Paint = (style: 'green' | 'red' | 'yellow' | 'cyan' | 'dim' | 'bold' | 'magenta', text: string) => string;

const STATUS_STYLE: Record<TaskStatus, Parameters<Paint>[0]> = {
  completed: 'green',
  in_progress: 'cyan',
  pending: 'bold',
  blocked: 'yellow',
  gated: 'red',
};

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= width ? flat : `${flat.slice(0, Math.max(0, width - 1))}…`;
}

function bar(fraction: number, width = 24): string {
  const filled = Math.round(fraction * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/** Renders the report as an aligned table; `paint` is the identity when stdout is not a TTY. */
export function renderStatus(report: StatusReport, paint: Paint, width = 120): string {
  const { progress } = report;
  const out: string[] = [];
  out.push(`${paint('bold', report.epic.title)}  ${paint('dim', `(${report.epic.id})`)}`);
  out.push(
    `${bar(progress.total ? progress.done / progress.total : 0)} ${progress.done}/${progress.total} tasks · ${progress.points_done}/${progress.points_total} points · ${progress.percent}%` +
      (report.cost_usd > 0 ? ` · $${report.cost_usd.toFixed(2)}` : ''),
  );
  const c = report.counts;
  out.push(paint('dim', `completed ${c.completed} · in progress ${c.in_progress} · pending ${c.pending} · blocked ${c.blocked} · gated ${c.gated}`));
  out.push('');

  const header = ['ID', 'STATUS', 'PRI', 'PTS', 'TRIES', 'LAST', 'TITLE / LAST ERROR'];
  const rows = report.tasks.map((t) => [t.id, t.status, t.priority, String(t.points), String(t.attempts), t.last_result ?? '-', t]);
  const widths = header.slice(0, 6).map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const restWidth = Math.max(20, width - widths.reduce((a, b) => a + b + 2, 0));
  const pad = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  out.push(paint('dim', `${pad(header.slice(0, 6))}  ${header[6]}`));
  for (const row of rows) {
    const t = row[6] as TaskRow;
    const cells = row.slice(0, 6) as string[];
    let detail = t.title;
    if (t.status === 'blocked' && t.blocked_by?.length) detail += ` ← waits on ${t.blocked_by.join(' ← ')}`;
    if (t.gate) detail += ` [${t.gate.reason}]`;
    if (t.running_s !== null) detail += ` (running ${ageText(t.running_s).replace(' ago', '')})`;
    let line = `${pad(cells)}  ${clip(detail, restWidth)}`;
    line = line.replace(t.status.padEnd(widths[1]!), paint(STATUS_STYLE[t.status], t.status.padEnd(widths[1]!)));
    out.push(line);
    if (t.last_error && t.status !== 'completed') out.push(`${' '.repeat(widths.reduce((a, b) => a + b + 2, 0))}${paint('red', clip(`↳ ${t.last_error}`, restWidth))}`);
  }

  if (report.gated.length) {
    out.push('', paint('bold', 'Gated'));
    for (const g of report.gated) {
      out.push(`  ${paint('red', g.id)}  ${g.reason}  ${paint('dim', g.gated_at)}${g.detail ? `  ${clip(g.detail, 60)}` : ''}   → relay ungate ${g.id}`);
    }
  }
  const blocked = report.tasks.filter((t) => t.status === 'blocked');
  if (blocked.length) {
    out.push('', paint('bold', 'Blocked'));
    for (const t of blocked) {
      const root = t.blocked_by?.at(-1);
      const rootRow = report.tasks.find((r) => r.id === root);
      out.push(`  ${paint('yellow', t.id)} ← ${t.blocked_by?.join(' ← ')}${rootRow ? ` (${rootRow.status}${rootRow.gate ? `: ${rootRow.gate.reason}` : ''})` : ''}`);
    }
  }
  const died = report.died;
  if (died) {
    const attempts = died.attempts.map((a) => a.replace('#', ' attempt ')).join(', ');
    out.push('', paint('yellow', `The last relay work${died.pid ? ` (pid ${died.pid})` : ''} died${died.last_seen ? ` (last heard of ${died.last_seen.replace('T', ' ').slice(0, 19)} UTC)` : ''} while ${attempts} ran.`), `Run relay work to resume: the open attempt is closed as interrupted, not counted against the task.`);
  }
  if (report.agents.length) {
    out.push('', paint('bold', 'Agents'));
    const width = Math.max(...report.agents.map((a) => a.agent.length));
    for (const a of report.agents) {
      const state = a.stale ? paint('yellow', 'stale') : a.state === 'busy' ? paint('cyan', 'busy ') : a.state === 'error' ? paint('red', 'error') : paint('dim', 'idle ');
      out.push(`  ${a.agent.padEnd(width)}  ${state}  ${(a.current_task ?? '-').padEnd(6)}  heard ${ageText(a.age_s)}`);
    }
  }
  out.push('', report.next_ready ? `Next ready: ${paint('cyan', report.next_ready)} — ${report.tasks.find((t) => t.id === report.next_ready)?.title}` : paint('dim', `Next ready: none${died ? ' until relay work resumes' : ''}`));
  if (report.run) {
    const log = report.run.log ? `; log: ${report.run.log}` : '';
    if (report.run.running) out.push(paint('cyan', `relay work is running (pid ${report.run.pid})${log}`));
    else if (report.run.log) out.push(paint('dim', `last run log: ${report.run.log}`));
    for (const l of report.run.last_lines) out.push(paint('dim', `  ${l}`));
  }
  return out.join('\n');
}
