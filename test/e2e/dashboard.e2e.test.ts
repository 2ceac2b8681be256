/**
 * `relay serve` in a real browser: Debian's Chromium driven by playwright-core, against a real
 * project whose epic a stub worker runs. Screenshots go to test-results/dashboard/ for review.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { jsonSchemas } from '../../scripts/core/shared/json-schemas.ts';
import { REPO, RELAY_BUNDLE, relay, relayAsync } from '../support/project.ts';
import { chromiumPath } from '../support/chromium.ts';
import { stubProject } from '../faults/support/stub-project.ts';

const SHOTS = join(REPO, 'test-results', 'dashboard');
const HOSTILE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
const PLAN = `# Dashboard epic

## Tasks

### T1: Create the users table ${HOSTILE}
- Files: T1.out

### T2: Hash passwords [click me](javascript:window.__xss=3)
- Files: T2.out
- Depends on: T1

### T3: Sessions
- Files: T3.out
- Depends on: T2

### T4: Audit log
- Files: T4.out
`;

interface Served {
  child: ChildProcess;
  url: string;
}

async function serve(root: string): Promise<Served> {
  const child = spawn(process.execPath, [RELAY_BUNDLE, 'serve'], { cwd: root, env: { ...process.env, RELAY_PROJECT_DIR: '', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('http://'));
      if (line) resolve(line.trim());
    });
    child.on('exit', (code) => reject(new Error(`relay serve exited ${code}: ${out}`)));
  });
  return { child, url };
}

let browser: Browser;
let root: string;
let served: Served;
const errors: string[] = [];

async function open(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return page;
}

beforeAll(async () => {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium is not installed: apt-get install chromium (.ci/run and the test setup do this as root)');
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  mkdirSync(SHOTS, { recursive: true });
  root = stubProject({ blueprint: PLAN, maxAttempts: 2 });
  expect((await relayAsync(root, ['work', 'T1'], { STUB_WORKER_WRITE: '1' })).code).toBe(0);
  expect(relay(root, ['gate', 'T4', '--reason', 'waiting on legal review']).code).toBe(0);
  mkdirSync(join(root, 'docs', 'ops-knowledge', 'issues'), { recursive: true });
  writeFileSync(join(root, 'docs', 'ops-knowledge', 'issues', 'redis-pool.md'), '# Redis pool exhausted under load\n\nThe checkout service ran out of redis connections at peak; raise the pool to 50.\n');
  served = await serve(root);
}, 120_000);

afterAll(async () => {
  served?.child.kill('SIGINT');
  await browser?.close();
});

describe('relay serve in Chromium', () => {
  it('draws the epic with each task\'s status and gate, escaping every value, with no console error', async () => {
    const page = await open(served.url);
    await page.waitForSelector('[data-task="T1"][data-status="completed"]');
    const statuses = await page.$$eval('#graph [data-task]', (nodes) => Object.fromEntries(nodes.map((n) => [n.getAttribute('data-task'), n.getAttribute('data-status')])));
    expect(statuses).toEqual({ T1: 'completed', T2: 'pending', T3: 'blocked', T4: 'gated' });
    expect(await page.textContent('#graph [data-task="T4"]')).toContain('user_blocked');
    // The hostile title is shown as text and runs nothing.
    await page.click('#graph [data-task="T1"]');
    await page.waitForSelector('#task-detail .attempt.success');
    expect(await page.textContent('#task-detail h2')).toContain('<script>window.__xss=2</script>');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.$$('#task-detail img, #task-detail script, #graph a')).toHaveLength(0);
    await page.screenshot({ path: join(SHOTS, 'epic.png'), fullPage: true });
    for (const view of ['agents', 'events', 'learnings', 'dora']) {
      await page.click(`nav button[data-view="${view}"]`);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, `${view}.png`), fullPage: true });
    }
    expect(await page.$$('#dora canvas')).toHaveLength(4);
    expect(await page.$$eval('#events .row', (rows) => rows.length)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('updates live while relay work runs, without a reload', async () => {
    const page = await open(served.url);
    await page.waitForSelector('[data-task="T2"][data-status="pending"]');
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const run = relayAsync(root, ['work', 'T2'], { STUB_WORKER_WRITE: '1', STUB_WORKER_SLEEP_MS: '1500' });
    await page.waitForSelector('[data-task="T2"][data-status="in_progress"]', { timeout: 15_000 });
    await page.waitForSelector('[data-task="T2"][data-status="completed"]', { timeout: 20_000 });
    await page.waitForSelector('[data-task="T3"][data-status="pending"]', { timeout: 5_000 });
    expect((await run).code).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'live.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('searches everything relay remembers', async () => {
    const page = await open(served.url);
    await page.click('nav button[data-view="recall"]');
    await page.fill('#recall-q', 'redis pool checkout');
    await page.click('#recall-form button');
    await page.waitForSelector('#recall-results li strong');
    expect(await page.textContent('#recall-results li:first-child strong')).toBe('Redis pool exhausted under load');
    await page.screenshot({ path: join(SHOTS, 'recall.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers no one without the token, accepts it as a bearer, has no write endpoint, and prints a status line', async () => {
    const base = served.url.replace(/\/\?token=.*$/, '');
    const token = new URL(served.url).searchParams.get('token')!;
    expect((await fetch(`${base}/api/status`)).status).toBe(401);
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/api/status?token=wrong${token}`)).status).toBe(401);
    const ok = await fetch(`${base}/api/attempts/T1`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect((await ok.json()).attempts[0].result).toBe('success');
    expect((await fetch(`${base}/api/status?token=${token}`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${base}/api/attempts/T9?token=${token}`)).status).toBe(400);
    const events = await (await fetch(`${base}/api/events?token=${token}&limit=2`)).json();
    expect(events.events).toHaveLength(2);
    expect(events.total).toBeGreaterThan(2);
    expect(relay(root, ['status']).stdout).toContain(`Dashboard: ${served.url}`);
  });

  it('answers with the documents its published JSON Schemas describe', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const schemas = jsonSchemas() as Record<string, object>;
    const token = new URL(served.url).searchParams.get('token')!;
    const base = served.url.replace(/\/\?token=.*$/, '');
    for (const [path, name] of [['/api/status', 'status-report'], ['/api/events?limit=50', 'dashboard-events'], ['/api/attempts/T2', 'dashboard-attempts']] as const) {
      const validate = ajv.compile(schemas[`${name}.schema.json`]!);
      const body = await (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
      expect(validate(body), `${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });
});
