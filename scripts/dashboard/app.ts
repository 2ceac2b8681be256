/// <reference lib="dom" />
/**
 * The dashboard page `relay serve` hands a browser. It reads the JSON API with the token from
 * its own URL, writes every value with textContent (never as HTML: titles, receipts and
 * errors are data, whatever they contain), and reloads what is on screen when the server
 * says relay's files changed. dagre lays out the epic's graph, uPlot draws the DORA charts;
 * both are bundled into this file, so the page works offline.
 */
import dagre from '@dagrejs/dagre';
import uPlot from 'uplot';

const token = new URLSearchParams(location.search).get('token') ?? '';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function api<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ?? `${path}: HTTP ${res.status}`);
  return body as T;
}

function el(tag: string, props: Record<string, string> = {}, ...children: Array<Node | string | null | undefined>): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function showError(err: unknown): void {
  const box = $('error');
  box.textContent = (err as Error).message;
  box.hidden = false;
}

const ago = (s: number | null) => (s === null ? '-' : s < 120 ? `${s}s ago` : s < 7200 ? `${Math.round(s / 60)}m ago` : `${Math.round(s / 3600)}h ago`);

/** A list that renders only the rows in view, so 2,000 tasks or a page of events scroll as fast as ten. */
function virtualList<T>(box: HTMLElement, items: T[], row: (item: T) => HTMLElement): void {
  const height = 24;
  const spacer = el('div');
  // Through the CSSOM: the page's CSP allows no inline style attributes.
  spacer.style.height = `${items.length * height}px`;
  box.replaceChildren(spacer);
  const paint = () => {
    const first = Math.max(0, Math.floor(box.scrollTop / height) - 5);
    const last = Math.min(items.length, first + Math.ceil(box.clientHeight / height) + 10);
    const rows = items.slice(first, last).map((item, i) => {
      const r = row(item);
      r.classList.add('row');
      r.style.top = `${(first + i) * height}px`;
      return r;
    });
    spacer.replaceChildren(...rows);
  };
  box.onscroll = paint;
  paint();
}

interface TaskRow { id: string; title: string; status: string; priority: string; attempts: number; last_error: string | null; gate: { reason: string } | null; running_s: number | null }
interface Status { epic: { title: string }; progress: { done: number; total: number; percent: number }; tasks: TaskRow[]; agents: Array<{ agent: string; state: string; current_task: string | null; age_s: number | null; stale: boolean }>; cost_usd: number }
interface EpicEdges { [task: string]: string[] }

let selected: string | null = null;
let edges: EpicEdges = {};

/** dagre for graphs it lays out quickly; past that, rows by dependency depth (the same picture, computed in one pass). */
const DAGRE_LIMIT = 300;

function layout(tasks: TaskRow[]): { nodes: Map<string, { x: number; y: number }>; width: number; height: number } {
  const W = 150;
  const H = 36;
  const nodes = new Map<string, { x: number; y: number }>();
  if (tasks.length <= DAGRE_LIMIT) {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'LR', nodesep: 12, ranksep: 40, marginx: 10, marginy: 10 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const t of tasks) g.setNode(t.id, { width: W, height: H });
    for (const t of tasks) for (const d of edges[t.id] ?? []) if (g.hasNode(d)) g.setEdge(d, t.id);
    dagre.layout(g);
    for (const t of tasks) {
      const n = g.node(t.id);
      nodes.set(t.id, { x: n.x - W / 2, y: n.y - H / 2 });
    }
    const size = g.graph();
    return { nodes, width: (size.width ?? 0) + 20, height: (size.height ?? 0) + 20 };
  }
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen = new Set<string>()): number => {
    if (depth.has(id)) return depth.get(id)!;
    if (seen.has(id)) return 0;
    seen.add(id);
    const d = Math.max(-1, ...(edges[id] ?? []).map((p) => depthOf(p, seen))) + 1;
    depth.set(id, d);
    return d;
  };
  const perColumn = new Map<number, number>();
  for (const t of tasks) {
    const d = depthOf(t.id);
    const row = perColumn.get(d) ?? 0;
    perColumn.set(d, row + 1);
    nodes.set(t.id, { x: 10 + d * (W + 40), y: 10 + row * (H + 12) });
  }
  return { nodes, width: 20 + (Math.max(...perColumn.keys()) + 1) * (W + 40), height: 20 + Math.max(...perColumn.values()) * (H + 12) };
}

function drawGraph(tasks: TaskRow[]): void {
  const W = 150;
  const H = 36;
  const { nodes, width, height } = layout(tasks);
  const root = svg('svg', { width, height, role: 'img' });
  for (const t of tasks) {
    for (const d of edges[t.id] ?? []) {
      const a = nodes.get(d);
      const b = nodes.get(t.id);
      if (a && b) root.append(svg('path', { class: 'edge', d: `M${a.x + W},${a.y + H / 2} C${a.x + W + 20},${a.y + H / 2} ${b.x - 20},${b.y + H / 2} ${b.x},${b.y + H / 2}` }));
    }
  }
  for (const t of tasks) {
    const at = nodes.get(t.id)!;
    const node = svg('g', { class: 'node', 'data-task': t.id, 'data-status': t.status, transform: `translate(${at.x},${at.y})`, tabindex: 0 });
    node.append(svg('title', {}, `${t.id}: ${t.title} — ${t.status}${t.gate ? ` (${t.gate.reason})` : ''}`));
    node.append(svg('rect', { width: W, height: H, rx: 5, stroke: `var(--${t.status})` }));
    node.append(svg('text', { x: 6, y: 14, fill: `var(--${t.status})` }, `${t.id} · ${t.gate ? t.gate.reason : t.status}`));
    node.append(svg('text', { x: 6, y: 28 }, t.title.length > 22 ? `${t.title.slice(0, 21)}…` : t.title));
    node.addEventListener('click', () => void showTask(t.id));
    root.append(node);
  }
  $('graph').replaceChildren(root);
}

interface Attempt { id: number; result: string; started_at: string; ended_at: string | null; duration_ms: number | null; total_cost_usd: number | null; agent?: string; receipt: { summary: string; error_category?: string; error_summary?: string; suggestion?: string; quality_gate_findings: string[] } | null; git: { files_changed: string[] } | null }

async function showTask(id: string): Promise<void> {
  selected = id;
  const data = await api<{ task: string; title: string; status: string; attempts: Attempt[] }>(`/api/attempts/${encodeURIComponent(id)}`);
  const box = $('task-detail');
  box.classList.remove('dim');
  box.replaceChildren(
    el('h2', { text: `${data.task}: ${data.title}` }),
    el('p', {}, el('span', { class: `status ${data.status}`, text: data.status }), ` · ${data.attempts.length} attempt(s)`),
    ...data.attempts.map((a) => el('div', { class: `attempt ${a.result}`, 'data-attempt': String(a.id) },
      el('strong', { text: `#${a.id} ${a.result}` }),
      el('span', { class: 'dim', text: ` ${a.agent ?? ''} ${a.duration_ms !== null ? `${Math.round(a.duration_ms / 1000)} s` : ''} ${a.total_cost_usd !== null ? `$${a.total_cost_usd.toFixed(4)}` : ''}` }),
      a.receipt ? el('p', { text: a.receipt.summary }) : null,
      a.receipt?.error_summary ? el('p', { class: 'status gated', text: `${a.receipt.error_category ?? 'error'}: ${a.receipt.error_summary}` }) : null,
      a.receipt?.suggestion ? el('p', { class: 'dim', text: `next: ${a.receipt.suggestion}` }) : null,
      ...(a.receipt?.quality_gate_findings ?? []).map((f) => el('p', { class: 'dim', text: `finding: ${f}` })),
      a.git?.files_changed.length ? el('p', { class: 'dim', text: `files: ${a.git.files_changed.join(', ')}` }) : null)),
  );
}

async function loadEpic(): Promise<void> {
  const status = await api<Status>('/api/status');
  $('epic-title').textContent = status.epic.title;
  $('progress').textContent = `${status.progress.done}/${status.progress.total} tasks (${status.progress.percent}%) · $${status.cost_usd.toFixed(2)}`;
  drawGraph(status.tasks);
  virtualList($('task-list'), status.tasks, (t) => el('div', { 'data-task': t.id },
    el('span', { class: `status ${t.status}`, text: t.status.padEnd(12) }), ` ${t.id} `, t.title,
    t.running_s !== null ? el('span', { class: 'dim', text: ` (running ${t.running_s}s)` }) : null,
    t.gate ? el('span', { class: 'status gated', text: ` [${t.gate.reason}]` }) : null,
    t.last_error && t.status !== 'completed' ? el('span', { class: 'dim', text: ` — ${t.last_error}` }) : null));
  const agents = $('agents');
  agents.replaceChildren(el('tr', {}, el('th', { text: 'agent' }), el('th', { text: 'state' }), el('th', { text: 'task' }), el('th', { text: 'last heard' })),
    ...status.agents.map((a) => el('tr', { 'data-agent': a.agent }, el('td', { text: a.agent }), el('td', { text: a.stale ? 'stale' : a.state }), el('td', { text: a.current_task ?? '-' }), el('td', { text: ago(a.age_s) }))));
  if (selected) await showTask(selected);
}

interface EventLine { id: string; timestamp: string; agent: string; event: string; task_id?: string; summary: string }
let eventPage: EventLine[] = [];

async function loadEvents(more = false): Promise<void> {
  const agent = ($('event-agent') as HTMLSelectElement).value;
  const type = ($('event-type') as HTMLSelectElement).value;
  const offset = more ? eventPage.length : 0;
  const data = await api<{ total: number; agents: string[]; events: EventLine[] }>(`/api/events?limit=200&offset=${offset}&agent=${encodeURIComponent(agent)}&type=${encodeURIComponent(type)}`);
  eventPage = more ? [...eventPage, ...data.events] : data.events;
  const select = $('event-agent') as HTMLSelectElement;
  if (select.options.length === 1) for (const a of data.agents) select.append(el('option', { value: a, text: a }));
  $('event-count').textContent = ` ${eventPage.length} of ${data.total}`;
  $('event-more').hidden = eventPage.length >= data.total;
  virtualList($('events'), eventPage, (e) => el('div', { 'data-event': e.event }, el('span', { class: 'dim', text: `${e.timestamp.slice(0, 19).replace('T', ' ')} ` }), `${e.agent} `, el('strong', { text: e.event }), ` ${e.task_id ?? ''} ${e.summary}`));
}

interface Lesson { text: string; count: number; lastSeen: string; tags: string[]; refs: string[]; provenance?: string[] }

async function loadLearnings(): Promise<void> {
  const data = await api<{ promoted: Lesson[]; emerging: Lesson[]; ready: Lesson[]; held_back: Array<{ ref: string; reason: string }> }>('/api/learnings');
  const list = (title: string, lessons: Lesson[]) => el('div', {}, el('h3', { text: `${title} (${lessons.length})` }),
    el('ul', {}, ...lessons.map((l) => el('li', { 'data-lesson': '' }, l.text,
      el('span', { class: 'dim', text: ` — seen ${l.count}×, last ${l.lastSeen}${l.refs.length ? `; from ${l.refs.join(', ')}` : ''}` }),
      l.provenance?.length ? el('ul', { class: 'dim' }, ...l.provenance.map((p) => el('li', { text: p }))) : null))));
  $('learnings').replaceChildren(list('In AGENTS.md', data.promoted), list('Ready to promote', data.ready), list('Emerging', data.emerging),
    el('div', {}, el('h3', { text: `Held back (${data.held_back.length})` }), el('ul', {}, ...data.held_back.map((h) => el('li', { text: `${h.ref}: ${h.reason}` })))));
}

async function search(q: string): Promise<void> {
  const data = await api<{ results: Array<{ rank: number; source: string; title: string; snippet: string; link: string }> }>(`/api/recall?q=${encodeURIComponent(q)}&limit=20`);
  $('recall-results').replaceChildren(...(data.results.length ? data.results.map((r) => el('li', { 'data-source': r.source }, el('strong', { text: r.title }), el('span', { class: 'dim', text: ` [${r.source}] ${r.link}` }), el('p', { text: r.snippet })))
    : [el('li', { class: 'dim', text: 'nothing matches' })]));
}

interface Week { week_start: string; deployments: number; change_failure_rate: number | null; lead_time_minutes: { median: number | null }; time_to_restore_minutes: { median: number | null } }

async function loadDora(): Promise<void> {
  const { weeks } = await api<{ weeks: Week[] }>('/api/dora');
  const x = weeks.map((w) => Date.parse(w.week_start) / 1000);
  const box = $('dora');
  box.replaceChildren();
  const chart = (title: string, values: Array<number | null>) => {
    const holder = el('div', { 'data-chart': title }, el('h3', { text: title }));
    box.append(holder);
    new uPlot({ width: 320, height: 160, legend: { show: false }, series: [{}, { label: title, stroke: '#0969da', points: { show: true } }] }, [x, values] as uPlot.AlignedData, holder);
  };
  chart('Deployments per week', weeks.map((w) => w.deployments));
  chart('Lead time (median minutes)', weeks.map((w) => w.lead_time_minutes.median));
  chart('Change failure rate', weeks.map((w) => w.change_failure_rate));
  chart('Time to restore (median minutes)', weeks.map((w) => w.time_to_restore_minutes.median));
}

const LOADERS: Record<string, () => Promise<void>> = { epic: loadEpic, agents: loadEpic, events: () => loadEvents(), learnings: loadLearnings, recall: async () => undefined, dora: loadDora };
let view = 'epic';

function show(name: string): void {
  view = name;
  for (const b of document.querySelectorAll<HTMLButtonElement>('nav button')) b.classList.toggle('active', b.dataset.view === name);
  for (const s of document.querySelectorAll<HTMLElement>('main > section')) s.hidden = s.id !== `view-${name}`;
  LOADERS[name]!().catch(showError);
}

/** The graph's edges (each task's dependencies): the status document has none. */
async function loadEdges(): Promise<void> {
  edges = await api<EpicEdges>('/api/epic/edges');
}

document.addEventListener('DOMContentLoaded', () => {
  for (const b of document.querySelectorAll<HTMLButtonElement>('nav button')) b.addEventListener('click', () => show(b.dataset.view!));
  $('event-filter').addEventListener('change', () => void loadEvents().catch(showError));
  $('event-more').addEventListener('click', () => void loadEvents(true).catch(showError));
  $('recall-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void search(($('recall-q') as HTMLInputElement).value).catch(showError);
  });
  loadEdges().then(() => show('epic')).catch(showError);
  const stream = new EventSource(`/api/stream?token=${encodeURIComponent(token)}`);
  stream.addEventListener('open', () => $('live').classList.add('on'));
  stream.addEventListener('error', () => $('live').classList.remove('on'));
  stream.addEventListener('change', () => {
    if (view === 'epic' || view === 'agents') void loadEdges().then(loadEpic).catch(showError);
    else if (view === 'events') void loadEvents().catch(showError);
  });
});
