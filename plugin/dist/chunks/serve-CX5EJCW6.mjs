import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  compileQuery,
  parseTypes
} from "./chunk-BCDHJ4YU.mjs";
import {
  ledgerFiles,
  readEventFile
} from "./chunk-HRINFOH6.mjs";
import {
  listLearnings
} from "./chunk-U4LYT7JS.mjs";
import {
  doraMetrics,
  newTally,
  scanLedger,
  tallyRecord
} from "./chunk-HIYGOJAB.mjs";
import {
  openRecallIndex
} from "./chunk-KXSVJWNL.mjs";
import "./chunk-FLZRZ666.mjs";
import "./chunk-JUAYUJF3.mjs";
import {
  recallReport
} from "./chunk-GTO7XDNX.mjs";
import "./chunk-7HUEV55X.mjs";
import "./chunk-EVSQAD4J.mjs";
import {
  execa
} from "./chunk-5UF4JJLB.mjs";
import "./chunk-CIQRNYIC.mjs";
import {
  statusReport
} from "./chunk-QXEWPYDU.mjs";
import {
  clearServeInfo,
  writeServeInfo
} from "./chunk-7ZSTW4DF.mjs";
import "./chunk-LRWOMVZP.mjs";
import "./chunk-3AOP4IRD.mjs";
import "./chunk-HAHLE5FJ.mjs";
import "./chunk-R7325EED.mjs";
import {
  loadState
} from "./chunk-J73XRGZZ.mjs";
import "./chunk-R5VAHXD7.mjs";
import "./chunk-BCWZON6A.mjs";
import "./chunk-64IFK3RD.mjs";
import "./chunk-PEPFD4CA.mjs";
import "./chunk-RKO5KVIC.mjs";
import {
  redactValue
} from "./chunk-OTZ4R5UM.mjs";
import "./chunk-2VKVEHDW.mjs";
import "./chunk-3BMRPU2F.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-QMNJTYV7.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-3NNJAZC6.mjs";
import "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/cli/serve.ts
import { randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import http from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// scripts/cli/serve-api.ts
var DAY_MS = 864e5;
var MAX_PAGE = 500;
function count(url, name, fallback, max) {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new RelayError(`${name}: expected a whole number, got "${raw}"`);
  return Math.min(n, max);
}
function events(paths, url) {
  const agent = url.searchParams.get("agent") || void 0;
  const type = url.searchParams.get("type") || void 0;
  const since = url.searchParams.get("since") || void 0;
  if (since && Number.isNaN(Date.parse(since))) throw new RelayError(`since: expected an ISO date or time, got "${since}"`);
  const limit = count(url, "limit", 100, MAX_PAGE);
  const offset = count(url, "offset", 0, Number.MAX_SAFE_INTEGER);
  const files = ledgerFiles(paths.root).filter((f) => (!agent || f.split("/").at(-2) === agent) && (!since || f.slice(-16, -6) >= since.slice(0, 10)));
  const all = files.flatMap(readEventFile).filter((e) => (!type || e.event === type) && (!since || e.timestamp >= since));
  all.sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  const agents = [...new Set(ledgerFiles(paths.root).map((f) => f.split("/").at(-2)))].sort();
  return { total: all.length, offset, limit, agents, events: all.slice(offset, offset + limit) };
}
function attempts(paths, task) {
  const { epic, ledger } = loadState(paths);
  if (!(task in epic.tasks)) throw new RelayError(`unknown task "${task}"`);
  return { task, title: epic.tasks[task].title, status: ledger.task_status[task], attempts: ledger.attempts[task] ?? [] };
}
async function recall(paths, url) {
  const q = url.searchParams.get("q") ?? "";
  if (!q.trim()) return { query: q, results: [] };
  const index = await openRecallIndex(paths);
  return recallReport(q, index.search(q, { limit: count(url, "limit", 10, 50) }), index.history(q), index);
}
function records(paths, url) {
  const types = parseTypes(url.searchParams.get("type") || void 0);
  const limit = count(url, "limit", 100, MAX_PAGE);
  const stats = { files: 0, unreadable: 0 };
  let kept = [];
  for (const { record } of scanLedger(paths, compileQuery({ types }), {}, stats)) {
    kept.push(record);
    if (kept.length > 2 * limit) kept = kept.slice(-limit);
  }
  return { records: kept.slice(-limit).reverse(), files: stats.files };
}
function dora(paths) {
  const now = Date.now();
  const weeks = Array.from({ length: 8 }, (_, i) => ({ sinceMs: now - (8 - i) * 7 * DAY_MS, untilMs: now - (7 - i) * 7 * DAY_MS }));
  const tallies = weeks.map(() => newTally());
  const stats = { files: 0, unreadable: 0 };
  const whole = { sinceMs: weeks[0].sinceMs, untilMs: now };
  for (const { record } of scanLedger(paths, compileQuery(whole), whole, stats)) {
    const at = Date.parse(String(record.timestamp));
    const week = weeks.findIndex((w) => at >= w.sinceMs && at < w.untilMs);
    if (week >= 0) tallyRecord(tallies[week], record);
  }
  return { weeks: weeks.map((w, i) => ({ week_start: new Date(w.sinceMs).toISOString().slice(0, 10), ...doraMetrics(tallies[i], w) })) };
}
async function dashboardData(paths, url) {
  const attempt = /^\/api\/attempts\/([^/]+)$/.exec(url.pathname);
  if (attempt) return attempts(paths, decodeURIComponent(attempt[1]));
  switch (url.pathname) {
    case "/api/events":
      return events(paths, url);
    case "/api/recall":
      return recall(paths, url);
    case "/api/learnings":
      return listLearnings(paths, 30);
    case "/api/ledger":
      return records(paths, url);
    case "/api/dora":
      return dora(paths);
    case "/api/epic/edges":
      return Object.fromEntries(Object.entries(loadState(paths).epic.tasks).map(([id, t]) => [id, t.depends_on]));
    default:
      return void 0;
  }
}

// scripts/cli/serve.ts
var PAGES = { "/": "index.html", "/app.js": "app.js", "/app.css": "app.css", "/uplot.css": "uplot.css" };
var TYPES = { html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8" };
var HEADERS = {
  "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store"
};
function dashboardDir() {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [join(here, "dashboard"), join(here, "..", "dashboard"), join(here, "..", "..", "dist", "dashboard")]) {
    try {
      if (statSync(join(dir, "app.js")).isFile()) return dir;
    } catch {
    }
  }
  throw new RelayError("relay serve: the dashboard is not built (dist/dashboard/app.js); run npm run build", 1);
}
function authorised(req, url, token) {
  const given = url.searchParams.get("token") ?? /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? "";
  const bytes = Buffer.from(given);
  return bytes.length === token.length && timingSafeEqual(bytes, token);
}
function send(res, status, body, type = "application/json; charset=utf-8") {
  res.writeHead(status, { ...HEADERS, "content-type": type });
  res.end(body);
}
function stateStamp(files) {
  return files.map((f) => {
    try {
      const st = statSync(f);
      return `${st.mtimeMs}:${st.size}`;
    } catch {
      return "-";
    }
  }).join("|");
}
async function serveCommand(opts) {
  const paths = currentProject();
  loadState(paths);
  const dir = dashboardDir();
  const host = opts.host ?? "127.0.0.1";
  const token = randomBytes(24).toString("base64url");
  const tokenBytes = Buffer.from(token);
  const watched = [paths.attemptLedger, paths.epic, paths.eventLedgerDir, paths.agentsDir, paths.episodicLedger, paths.agentsMd, paths.runState];
  const streams = /* @__PURE__ */ new Set();
  let stamp = stateStamp(watched);
  const poll = setInterval(() => {
    const now = stateStamp(watched);
    if (now === stamp) return;
    stamp = now;
    for (const res of streams) res.write(`event: change
data: ${JSON.stringify({ at: (/* @__PURE__ */ new Date()).toISOString() })}

`);
  }, 500);
  const server = http.createServer(async (req, res) => {
    const url2 = new URL(req.url ?? "/", "http://relay.local");
    if (req.method !== "GET") return send(res, 405, JSON.stringify({ error: "the dashboard is read-only" }));
    if (url2.pathname === "/favicon.ico") return send(res, 204, "", "image/x-icon");
    const page = PAGES[url2.pathname];
    if (page && url2.pathname !== "/") return send(res, 200, readFileSync(join(dir, page), "utf8"), TYPES[page.split(".").pop()]);
    if (!authorised(req, url2, tokenBytes)) return send(res, 401, JSON.stringify({ error: "missing or wrong token: open the URL relay serve printed" }));
    if (page) return send(res, 200, readFileSync(join(dir, page), "utf8"), TYPES.html);
    if (url2.pathname === "/api/stream") {
      res.writeHead(200, { ...HEADERS, "content-type": "text/event-stream", connection: "keep-alive" });
      res.write(": relay\n\n");
      streams.add(res);
      req.on("close", () => streams.delete(res));
      return;
    }
    if (url2.pathname === "/api/status") return send(res, 200, JSON.stringify(redactValue(statusReport(paths))));
    try {
      const data = await dashboardData(paths, url2);
      if (data === void 0) return send(res, 404, JSON.stringify({ error: `no such endpoint: ${url2.pathname}` }));
      return send(res, 200, JSON.stringify(redactValue(data)));
    } catch (err) {
      const status = err instanceof RelayError ? 400 : 500;
      return send(res, status, JSON.stringify({ error: err.message.split("\n")[0] }));
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", (err) => reject(err.code === "EADDRINUSE" ? new RelayError(`relay serve: port ${opts.port} is in use; pick another with --port, or leave it out for a free one`) : err));
    server.listen(opts.port ?? 0, host, resolve);
  });
  const { port } = server.address();
  const shown = host.includes(":") ? `[${host}]` : host;
  const url = `http://${shown}:${port}/?token=${token}`;
  writeServeInfo(paths, { pid: process.pid, url, started_at: (/* @__PURE__ */ new Date()).toISOString() });
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "::1") process.stderr.write(`relay serve: warning: listening on ${host}, not only this machine; anyone who can reach it and has the token can read this project's ledger
`);
  process.stdout.write(`${url}
`);
  if (opts.open) execa("xdg-open", [url], { detached: true, stdio: "ignore", reject: false }).unref?.();
  const stop = () => {
    clearInterval(poll);
    clearServeInfo(paths);
    for (const res of streams) res.end();
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.once(sig, stop);
}
export {
  serveCommand
};
