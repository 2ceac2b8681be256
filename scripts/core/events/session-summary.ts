/**
 * What one Claude Code session did, from its events in the event ledger: the tasks it
 * worked on, the tools it used, the files it touched and the errors it hit. Pure; the
 * SessionEnd hook, the PreCompact snapshot, the post-compaction re-anchor and
 * `relay events summary` all render it from here.
 */
import type { EventLine } from './events.ts';

export interface SessionSummary {
  sessionId: string;
  /** The session's own agent (`claude` or `relay-worker`); subagents are listed in `agents`. */
  agent: string;
  agents: string[];
  startedAt: string;
  endedAt: string;
  endReason: string | null;
  tasks: string[];
  prompts: number;
  tools: Array<{ tool: string; calls: number; failed: number }>;
  files: Array<{ path: string; tools: string[] }>;
  errors: Array<{ timestamp: string; agent: string; summary: string; detail: string | null }>;
}

const MAIN_AGENTS = new Set(['claude', 'relay-worker']);

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `events` must be one session's, deduplicated; they are ordered here by time. */
export function summarizeSession(sessionId: string, events: EventLine[]): SessionSummary {
  const ordered = [...events].sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  const agents = [...new Set(ordered.map((e) => e.agent))];
  const tools = new Map<string, { calls: number; failed: number }>();
  const files = new Map<string, string[]>();
  const summary: SessionSummary = {
    sessionId,
    agent: ordered.find((e) => e.event === 'session_start')?.agent ?? agents.find((a) => MAIN_AGENTS.has(a)) ?? agents[0] ?? 'unknown',
    agents,
    startedAt: ordered[0]?.timestamp ?? '',
    endedAt: ordered.at(-1)?.timestamp ?? '',
    endReason: null,
    tasks: [...new Set(ordered.map((e) => e.task_id).filter((t): t is string => Boolean(t)))],
    prompts: 0,
    tools: [],
    files: [],
    errors: [],
  };
  for (const e of ordered) {
    if (e.event === 'tool_use') {
      const tool = str(e.data.tool) ?? 'unknown';
      const counts = tools.get(tool) ?? { calls: 0, failed: 0 };
      counts.calls += 1;
      if (e.data.ok === false) counts.failed += 1;
      tools.set(tool, counts);
      const path = str(e.data.file_path);
      if (path && !files.get(path)?.includes(tool)) addTo(files, path, tool);
    } else if (e.event === 'error') {
      summary.errors.push({ timestamp: e.timestamp, agent: e.agent, summary: e.summary, detail: str(e.data.error) ?? null });
    } else if (e.event === 'heartbeat' && e.data.hook === 'UserPromptSubmit') {
      summary.prompts += 1;
    } else if (e.event === 'session_end') {
      summary.endReason = str(e.data.reason) ?? null;
    }
  }
  summary.tools = [...tools].map(([tool, c]) => ({ tool, ...c })).sort((a, b) => b.calls - a.calls || a.tool.localeCompare(b.tool));
  summary.files = [...files].map(([path, used]) => ({ path, tools: used })).sort((a, b) => a.path.localeCompare(b.path));
  return summary;
}

function duration(from: string, to: string): string {
  const seconds = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
  if (!Number.isFinite(seconds)) return '?';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h ? `${h}h ${m}m` : m ? `${m}m ${seconds % 60}s` : `${seconds}s`;
}

const MAX_ITEMS = 50;

function capped<T>(items: T[], render: (item: T) => string): string[] {
  if (!items.length) return ['- none'];
  const lines = items.slice(0, MAX_ITEMS).map(render);
  if (items.length > MAX_ITEMS) lines.push(`- … and ${items.length - MAX_ITEMS} more`);
  return lines;
}

function oneLine(text: string, max: number): string {
  const line = text.trim().replace(/\s*\n\s*/g, ' ⏎ ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The sections under the title: what the PreCompact snapshot and SessionEnd write, and compaction replays. */
export function renderSessionBody(s: SessionSummary): string {
  const calls = s.tools.reduce((n, t) => n + t.calls, 0);
  const others = s.agents.filter((a) => a !== s.agent);
  return [
    `- Agent: ${s.agent}${others.length ? ` (subagents: ${others.join(', ')})` : ''}`,
    `- From ${s.startedAt} to ${s.endedAt} (${duration(s.startedAt, s.endedAt)})${s.endReason ? `, ended: ${s.endReason}` : ''}`,
    `- Tasks: ${s.tasks.length ? s.tasks.join(', ') : 'none'}`,
    `- Prompts: ${s.prompts} · tool calls: ${calls} · errors: ${s.errors.length}`,
    '',
    '## Tools used',
    ...capped(s.tools, (t) => `- ${t.tool}: ${t.calls}${t.failed ? ` (${t.failed} failed)` : ''}`),
    '',
    '## Files touched',
    ...capped(s.files, (f) => `- \`${f.path}\` (${f.tools.join(', ')})`),
    '',
    '## Errors',
    ...capped(s.errors, (e) => `- ${e.timestamp.slice(11, 19)}Z ${e.agent === s.agent ? '' : `[${e.agent}] `}${e.summary}${e.detail ? ` — ${oneLine(e.detail, 200)}` : ''}`),
  ].join('\n');
}

export function renderSessionSummary(s: SessionSummary): string {
  return `# Session ${s.sessionId}\n\n${renderSessionBody(s)}\n`;
}
