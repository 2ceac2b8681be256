/**
 * `relay serve` in Debian's Chromium (playwright-core): a 2,000-task epic and 100,000 events.
 * Measured from navigation: the first contentful paint, the whole graph drawn (every task
 * node in the SVG), and the events view's first page. The baseline, in the same browser and
 * the same run: a static page of the same size served by a bare node http server.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumPath } from '../test/support/chromium.ts';
import { gitProject, median, ratio, type BenchRow } from './lib.ts';

const RELAY = join(import.meta.dirname, '..', 'dist', 'relay.mjs');
const TASKS = 2000;
const EVENTS = 100_000;
const RUNS = 5;

function project(): string {
  const root = gitProject('relay-bench-dashboard-');
  const tasks = Array.from({ length: TASKS }, (_, k) => `### T${k + 1}: Task ${k + 1}\n- Priority: p${k % 4}\n${k % 10 ? `- Depends on: T${k}\n` : ''}`);
  writeFileSync(join(root, 'plan.md'), `# Big epic\n\n## Tasks\n\n${tasks.join('\n')}`);
  execFileSync(process.execPath, [RELAY, 'init', 'plan.md'], { cwd: root, stdio: 'pipe' });
  const agents = ['claude', 'relay-worker', 'codex', 'gemini'];
  for (const [a, agent] of agents.entries()) {
    mkdirSync(join(root, '.agents-os', 'ledger', agent), { recursive: true });
    const lines: string[] = [];
    for (let i = 0; i < EVENTS / agents.length; i++) {
      const at = new Date(Date.UTC(2026, 11, 1, 0, 0, 0) + i * 800 + a).toISOString();
      lines.push(JSON.stringify({ id: `${agent}-${i}`, timestamp: at, agent, event: i % 5 ? 'tool_use' : 'heartbeat', task_id: `T${(i % TASKS) + 1}`, source: 'bench', summary: `edited src/file-${i % 300}.ts`, data: { tool: 'Edit' } }));
    }
    writeFileSync(join(root, '.agents-os', 'ledger', agent, '2026-12-01.jsonl'), `${lines.join('\n')}\n`);
  }
  return root;
}

async function serve(root: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [RELAY, 'serve'], { cwd: root, env: { ...process.env, RELAY_PROJECT_DIR: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => child.stdout!.on('data', (d) => String(d).startsWith('http') && resolve(String(d).trim())));
  return { url, stop: () => child.kill('SIGINT') };
}

/** `nodes` elements matching `selector` make the page ready (a function, not a string: the dashboard's CSP forbids eval). */
async function timed(page: Page, url: string, selector: string, nodes: number): Promise<{ paint: number; ready: number }> {
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length >= (n as number), [selector, nodes] as const, { timeout: 60_000, polling: 20 });
  const readyMs = Date.now() - started;
  const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  return { paint, ready: readyMs };
}

export async function run(): Promise<BenchRow[]> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium is not installed: apt-get install chromium');
  const root = project();
  const relay = await serve(root);
  const staticPage = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>static</title><p id="done">${'x'.repeat(2000)}</p>`));
  await new Promise<void>((r) => staticPage.listen(0, '127.0.0.1', r));
  const staticUrl = `http://127.0.0.1:${(staticPage.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const samples = { paint: [] as number[], graph: [] as number[], events: [] as number[], basePaint: [] as number[], baseReady: [] as number[] };
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage();
      const base = await timed(page, staticUrl, '#done', 1);
      samples.basePaint.push(base.paint);
      samples.baseReady.push(base.ready);
      const epic = await timed(page, relay.url, '#graph [data-task]', TASKS);
      samples.paint.push(epic.paint);
      samples.graph.push(epic.ready);
      const started = Date.now();
      await page.click('nav button[data-view="events"]');
      await page.waitForFunction(() => document.querySelectorAll('#events .row').length > 0, undefined, { timeout: 60_000, polling: 20 });
      samples.events.push(Date.now() - started);
      await page.close();
    }
  } finally {
    await browser.close();
    relay.stop();
    staticPage.close();
  }
  const row = (name: string, value: number, baseline: number, baselineLabel: string, notes: string, goal?: string): BenchRow => ({
    name, command: 'npx tsx bench/run.ts dashboard', value: Math.round(value), baseline: Math.round(baseline), baselineLabel, unit: 'ms', ratio: ratio(value, baseline), notes, ...(goal ? { goal } : {}),
  });
  const basePaint = median(samples.basePaint);
  const baseReady = median(samples.baseReady);
  return [
    row(`dashboard first contentful paint, ${TASKS} tasks, ${EVENTS} events`, median(samples.paint), basePaint, 'a static page from a bare node server, same browser', `median of ${RUNS}; Debian Chromium, headless`),
    row(`dashboard: the whole ${TASKS}-task graph drawn`, median(samples.graph), baseReady, 'the static page loaded', `from navigation to ${TASKS} task nodes in the SVG (/api/status, /api/epic/edges, layered layout past 300 tasks)`),
    row(`dashboard: events view, first page of ${EVENTS}`, median(samples.events), baseReady, 'the static page loaded', 'from the click to the first rows (the server reads every ledger file per request, newest first, 200 per page)'),
  ];
}
