/**
 * `relay serve [--port N] [--host H] [--open]`: the dashboard. An HTTP server on 127.0.0.1 (another
 * address only when asked, with a warning) that serves the page in dist/dashboard and a
 * read-only JSON API over what relay keeps, behind a per-run token (`?token=` or
 * `Authorization: Bearer`; anything else is 401, any method but GET 405). Pages update live:
 * /api/stream sends an event whenever relay's files change. Every answer is redacted once more
 * on the way out, and the page writes every value as text, never as HTML.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { RelayError } from '../core/shared/errors.ts';
import { redactValue } from '../core/shared/redact.ts';
import { currentProject } from '../adapters/project.ts';
import { clearServeInfo, writeServeInfo } from '../adapters/run-control.ts';
import { loadState } from '../adapters/state.ts';
import { dashboardData } from './serve-api.ts';
import { statusReport } from './status.ts';

interface ServeOptions {
  port?: number;
  host?: string;
  open?: boolean;
}

const PAGES: Record<string, string> = { '/': 'index.html', '/app.js': 'app.js', '/app.css': 'app.css', '/uplot.css': 'uplot.css' };
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
const HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function dashboardDir(): string {
  // dist/relay.mjs → dist/dashboard; from source (tsx) the built copy beside the repository's dist.
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [join(here, 'dashboard'), join(here, '..', 'dashboard'), join(here, '..', '..', 'dist', 'dashboard')]) {
    try {
      if (statSync(join(dir, 'app.js')).isFile()) return dir;
    } catch {
      // the next place
    }
  }
  throw new RelayError('relay serve: the dashboard is not built (dist/dashboard/app.js); run npm run build', 1);
}

function authorised(req: http.IncomingMessage, url: URL, token: Buffer): boolean {
  const given = url.searchParams.get('token') ?? /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const bytes = Buffer.from(given);
  return bytes.length === token.length && timingSafeEqual(bytes, token);
}

function send(res: http.ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { ...HEADERS, 'content-type': type });
  res.end(body);
}

/** A change stamp of relay's state: the mtimes and sizes of the files and folders the page shows. */
function stateStamp(files: string[]): string {
  return files.map((f) => {
    try {
      const st = statSync(f);
      return `${st.mtimeMs}:${st.size}`;
    } catch {
      return '-';
    }
  }).join('|');
}

export async function serveCommand(opts: ServeOptions): Promise<void> {
  const paths = currentProject();
  loadState(paths); // a project without an epic gets relay's own message now, not a broken page later
  const dir = dashboardDir();
  const host = opts.host ?? '127.0.0.1';
  const token = randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const watched = [paths.attemptLedger, paths.epic, paths.eventLedgerDir, paths.agentsDir, paths.episodicLedger, paths.agentsMd, paths.runState];
  const streams = new Set<http.ServerResponse>();
  let stamp = stateStamp(watched);
  const poll = setInterval(() => {
    const now = stateStamp(watched);
    if (now === stamp) return;
    stamp = now;
    for (const res of streams) res.write(`event: change\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`);
  }, 500);

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://relay.local');
    if (req.method !== 'GET') return send(res, 405, JSON.stringify({ error: 'the dashboard is read-only' }));
    // The script and styles hold no data, and a page's <script src> sends no token; the page and the API need it.
    if (url.pathname === '/favicon.ico') return send(res, 204, '', 'image/x-icon');
    const page = PAGES[url.pathname];
    if (page && url.pathname !== '/') return send(res, 200, readFileSync(join(dir, page), 'utf8'), TYPES[page.split('.').pop()!]);
    if (!authorised(req, url, tokenBytes)) return send(res, 401, JSON.stringify({ error: 'missing or wrong token: open the URL relay serve printed' }));
    if (page) return send(res, 200, readFileSync(join(dir, page), 'utf8'), TYPES.html);
    if (url.pathname === '/api/stream') {
      res.writeHead(200, { ...HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      res.write(': relay\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname === '/api/status') return send(res, 200, JSON.stringify(redactValue(statusReport(paths))));
    try {
      const data = await dashboardData(paths, url);
      if (data === undefined) return send(res, 404, JSON.stringify({ error: `no such endpoint: ${url.pathname}` }));
      return send(res, 200, JSON.stringify(redactValue(data)));
    } catch (err) {
      const status = err instanceof RelayError ? 400 : 500;
      return send(res, status, JSON.stringify({ error: (err as Error).message.split('\n')[0] }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? new RelayError(`relay serve: port ${opts.port} is in use; pick another with --port, or leave it out for a free one`) : err));
    server.listen(opts.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shown}:${port}/?token=${token}`;
  writeServeInfo(paths, { pid: process.pid, url, started_at: new Date().toISOString() });
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') process.stderr.write(`relay serve: warning: listening on ${host}, not only this machine; anyone who can reach it and has the token can read this project's ledger\n`);
  process.stdout.write(`${url}\n`);
  if (opts.open) execa('xdg-open', [url], { detached: true, stdio: 'ignore', reject: false }).unref?.();
  const stop = () => {
    clearInterval(poll);
    clearServeInfo(paths);
    for (const res of streams) res.end();
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(sig, stop);
}
