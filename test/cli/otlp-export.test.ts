// `relay events export --otlp <url>` against a real OTLP/HTTP receiver started here: the records
// that arrive must be the ledger's events, once each, with their bodies, attributes and times.
import { createServer, type Server } from 'node:http';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventLine } from '../../scripts/core/events/events.ts';
import { relayAsync, tempProject } from '../support/project.ts';

interface Received {
  path: string;
  contentType: string | undefined;
  body: OtlpLogsRequest;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpValue[] };
}
interface OtlpKeyValue { key: string; value: OtlpValue }
interface OtlpLogRecord {
  timeUnixNano: string | number;
  severityNumber?: number;
  severityText?: string;
  eventName?: string;
  body?: OtlpValue;
  attributes?: OtlpKeyValue[];
}
interface OtlpLogsRequest {
  resourceLogs: { resource?: { attributes?: OtlpKeyValue[] }; scopeLogs: { scope?: { name?: string }; logRecords: OtlpLogRecord[] }[] }[];
}

/** A minimal OTLP/HTTP logs receiver: POST /v1/logs with a JSON body; `status` lets a test make it refuse. */
function receiver() {
  const received: Received[] = [];
  let status = 200;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST') {
        received.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpLogsRequest });
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 200 ? '{}' : '{"code":3,"message":"refused by the test receiver"}');
    });
  });
  return {
    received,
    setStatus: (s: number) => (status = s),
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function plain(v: OtlpValue | undefined): unknown {
  if (!v) return undefined;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(plain);
  return undefined;
}

function attributes(list: OtlpKeyValue[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map((kv) => [kv.key, plain(kv.value)]));
}

function records(received: Received[]): OtlpLogRecord[] {
  return received.flatMap((r) => r.body.resourceLogs.flatMap((rl) => rl.scopeLogs.flatMap((sl) => sl.logRecords)));
}

function event(agent: string, timestamp: string, extra: Partial<EventLine> = {}): EventLine {
  return {
    id: randomUUID(),
    timestamp,
    agent,
    event: 'tool_use',
    source: 'hook:PostToolUse',
    summary: `Bash npm test at ${timestamp}`,
    data: { tool: 'Bash', ok: true, duration_ms: 42, exit_code: 0, files: ['a.ts', 'b.ts'], git: { start_commit: 'abc123', files_changed: 2 } },
    ...extra,
  };
}

function writeLines(root: string, agent: string, day: string, lines: string[]): void {
  const dir = join(root, '.agents-os', 'ledger', agent);
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, `${day}.jsonl`), lines.map((l) => `${l}\n`).join(''));
}

/** A ledger as several machines' merged branches leave it: three agents, two days, a duplicated line, a torn one. */
function mergedLedger(): { root: string; unique: EventLine[] } {
  const root = tempProject();
  const a = event('claude', '2026-03-01T09:00:00.123Z', { session_id: 'sess-a' });
  const b = event('claude', '2026-03-01T09:00:05.000Z', { session_id: 'sess-a', event: 'error', summary: 'Bash npm test failed (exit 1)', data: { tool: 'Bash', exit_code: 1, error: 'Exit code 1' } });
  const c = event('relay', '2026-03-02T10:00:00.000Z', { event: 'task_result', task_id: 'T3', source: 'relay work', summary: 'T3 attempt 1: success', data: { attempt: 1, result: 'success', gate: null, cost_usd: 0.42 } });
  const d = event('relay-worker', '2026-03-02T10:00:01.500Z', { task_id: 'T3', session_id: 'sess-w', data: { tool: 'Write', file_path: 'src/x.ts', attempt: 1 } });
  writeLines(root, 'claude', '2026-03-01', [JSON.stringify(a), JSON.stringify(b), JSON.stringify(a), '{"id":"torn-line","timest']);
  writeLines(root, 'relay', '2026-03-02', [JSON.stringify(c)]);
  writeLines(root, 'relay-worker', '2026-03-02', [JSON.stringify(d), JSON.stringify(a)]);
  return { root, unique: [a, b, c, d] };
}

const server = receiver();
let base = '';
beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.stop());

async function exportTo(root: string, ...args: string[]) {
  server.received.length = 0;
  return relayAsync(root, ['events', 'export', '--otlp', base, ...args]);
}

describe('relay events export --otlp', () => {
  it('sends each ledger event once, as a log record with its summary, attributes and time', async () => {
    const { root, unique } = mergedLedger();
    const r = await exportTo(root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^relay: exported 4 event\(s\) from 3 file\(s\) under \.agents-os\/ledger to http:\/\/127\.0\.0\.1:\d+\/v1\/logs \(2 duplicate id\(s\) sent once; 1 unreadable line\(s\) skipped/);

    expect(server.received.map((x) => x.path)).toEqual(['/v1/logs']);
    expect(server.received[0]!.contentType).toMatch(/^application\/json/);
    const resource = attributes(server.received[0]!.body.resourceLogs[0]!.resource?.attributes);
    expect(resource).toMatchObject({ 'service.name': 'relay', 'service.version': '0.1.0' });

    const got = records(server.received);
    expect(got).toHaveLength(unique.length);
    const byId = new Map(got.map((rec) => [attributes(rec.attributes)['relay.event_id'], rec]));
    for (const e of unique) {
      const rec = byId.get(e.id)!;
      expect(rec, e.id).toBeDefined();
      expect(plain(rec.body)).toBe(e.summary);
      expect(BigInt(rec.timeUnixNano)).toBe(BigInt(Date.parse(e.timestamp)) * 1_000_000n);
      expect(rec.eventName).toBe(`relay.${e.event}`);
      expect(rec.severityText).toBe(e.event === 'error' ? 'ERROR' : 'INFO');
      const attrs = attributes(rec.attributes);
      expect(attrs).toMatchObject({ event: e.event, agent: e.agent, source: e.source, 'relay.event_id': e.id });
      expect(attrs.task_id).toBe(e.task_id);
      expect(attrs.session_id).toBe(e.session_id);
      // The GenAI semantic conventions' names, beside relay's own.
      expect(attrs['gen_ai.agent.name']).toBe(e.agent);
      expect(attrs['gen_ai.conversation.id']).toBe(e.session_id);
      if (typeof e.data.tool === 'string') expect(attrs).toMatchObject({ 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': e.data.tool });
      // data: primitives as themselves, nested objects as dotted keys, string lists as arrays, null left out.
      for (const [key, value] of Object.entries(e.data)) {
        if (value === null) expect(attrs).not.toHaveProperty(`data.${key}`);
        else if (typeof value === 'object' && !Array.isArray(value)) {
          for (const [k, v] of Object.entries(value as Record<string, unknown>)) expect(attrs[`data.${key}.${k}`]).toEqual(v);
        } else expect(attrs[`data.${key}`]).toEqual(value);
      }
    }
  });

  it('keeps only the events since a time, and only the agents asked for', async () => {
    const { root, unique } = mergedLedger();
    const since = await exportTo(root, '--since', '2026-03-02');
    expect(since.code).toBe(0);
    expect(records(server.received).map((rec) => attributes(rec.attributes)['relay.event_id']).sort()).toEqual(unique.filter((e) => e.timestamp >= '2026-03-02').map((e) => e.id).sort());

    const agents = await exportTo(root, '--agent', 'relay,claude');
    expect(agents.code).toBe(0);
    expect(records(server.received).map((rec) => attributes(rec.attributes).agent).sort()).toEqual(['claude', 'claude', 'relay']);
  });

  it('sends a big ledger in batches, every record arriving', async () => {
    const root = tempProject();
    const lines = Array.from({ length: 1300 }, (_, i) => JSON.stringify(event('claude', new Date(Date.UTC(2026, 2, 3, 0, 0, i)).toISOString(), { summary: `event ${i}` })));
    writeLines(root, 'claude', '2026-03-03', lines);
    const r = await exportTo(root);
    expect(r.code).toBe(0);
    expect(server.received.length).toBe(3);
    const bodies = records(server.received).map((rec) => plain(rec.body));
    expect(new Set(bodies).size).toBe(1300);
  });

  it('says so in one line, exit 1, when the collector refuses', async () => {
    const { root } = mergedLedger();
    server.setStatus(400);
    try {
      const r = await exportTo(root);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^relay: http:\/\/127\.0\.0\.1:\d+\/v1\/logs: export failed: /);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      server.setStatus(200);
    }
  });

  it('says so in one line, exit 1, when no collector listens (after the exporter\'s own retries)', async () => {
    const { root } = mergedLedger();
    const closed = receiver();
    const url = await closed.start();
    await closed.stop();
    const r = await relayAsync(root, ['events', 'export', '--otlp', url]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^relay: http:\/\/127\.0\.0\.1:\d+\/v1\/logs: export failed: .*ECONNREFUSED/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('rejects a URL that is not OTLP/HTTP and a bad --since with exit 2, contacting nobody', async () => {
    const { root } = mergedLedger();
    server.received.length = 0;
    const badUrl = await relayAsync(root, ['events', 'export', '--otlp', 'grpc://127.0.0.1:4317']);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/^relay: --otlp: "grpc:\/\/127\.0\.0\.1:4317" is not an http\(s\) URL/);
    const badSince = await exportTo(root, '--since', 'last tuesday');
    expect(badSince.code).toBe(2);
    expect(badSince.stderr).toMatch(/^relay: --since: "last tuesday" is not a date/);
    expect(server.received).toEqual([]);
  });

  it('sends nothing for a project without events', async () => {
    const root = tempProject();
    const r = await exportTo(root);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^relay: exported 0 event\(s\) from 0 file\(s\)/);
    expect(server.received).toEqual([]);
  });
});
