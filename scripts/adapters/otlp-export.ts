/**
 * The event ledger as OpenTelemetry log records, sent to an OTLP/HTTP collector with the
 * official SDK: a LoggerProvider builds the records (resource, scope, timestamps) and
 * OTLPLogExporter sends them as OTLP JSON over HTTP. Any collector that speaks OTLP/HTTP
 * (the OpenTelemetry Collector, Grafana Alloy, Honeycomb, Datadog) can take them; headers
 * such as API keys come from the standard OTEL_EXPORTER_OTLP_HEADERS variable.
 *
 * Batching is done here instead of with BatchLogRecordProcessor, because that processor
 * drops records once its queue is full and reports a failed export only through `diag`:
 * an export command must know, and say, whether the collector took every record.
 */
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { SeverityNumber, type AnyValue, type AnyValueMap, type LogRecord } from '@opentelemetry/api-logs';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { LoggerProvider, type LogRecordProcessor, type ReadableLogRecord, type SdkLogRecord } from '@opentelemetry/sdk-logs';
import type { EventLine } from '../core/events/events.ts';
import { RelayError } from '../core/shared/errors.ts';
import { redactValue } from '../core/shared/redact.ts';
import { ledgerFiles, readLedgerText } from './event-reader.ts';

const BATCH = 512;
/** ExportResultCode.SUCCESS in @opentelemetry/core (not a direct dependency, so not imported). */
const EXPORT_SUCCESS = 0;
/** Nested `data` is flattened to dotted keys this deep; anything deeper is sent as JSON text. */
const MAX_FLATTEN_DEPTH = 3;

export interface ExportFilter {
  sinceMs?: number;
  /** Only these agents' events (the ledger folder names). */
  agents?: string[];
}

export interface ExportReport {
  url: string;
  files: number;
  exported: number;
  duplicates: number;
  filteredOut: number;
  unreadable: number;
}

/**
 * `--otlp http://host:4318` means the collector's base address, as OTEL_EXPORTER_OTLP_ENDPOINT
 * does, so /v1/logs is added; a URL with a path is used exactly as given.
 */
export function logsEndpoint(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RelayError(`--otlp: "${raw}" is not a URL; expected e.g. http://127.0.0.1:4318`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RelayError(`--otlp: "${raw}" is not an http(s) URL (OTLP/HTTP only)`);
  if (url.pathname === '' || url.pathname === '/') url.pathname = '/v1/logs';
  return url.toString();
}

function isPrimitive(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** `data` as `data.<key>` attributes: primitives as they are, nested objects as dotted keys, the rest as JSON. */
export function flattenData(data: Record<string, unknown>, prefix = 'data', depth = 1, out: AnyValueMap = {}): AnyValueMap {
  for (const [key, value] of Object.entries(data)) {
    const name = `${prefix}.${key}`;
    if (value === null || value === undefined) continue; // OTLP attributes have no null
    if (isPrimitive(value)) out[name] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[name] = value as AnyValue;
    else if (!Array.isArray(value) && typeof value === 'object' && depth < MAX_FLATTEN_DEPTH) flattenData(value as Record<string, unknown>, name, depth + 1, out);
    else out[name] = JSON.stringify(value);
  }
  return out;
}

/** One ledger line as a log record: the summary is the body, everything else an attribute. */
/**
 * The OpenTelemetry GenAI semantic conventions' names for what an event already says, so a backend
 * that knows them (agent, conversation, tool call, token usage) reads relay's records without a mapping.
 */
function genAiAttributes(e: EventLine): AnyValueMap {
  const data = e.data ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const tool = str(data.tool);
  const out: AnyValueMap = { 'gen_ai.agent.name': e.agent };
  if (e.session_id) out['gen_ai.conversation.id'] = e.session_id;
  if (tool) {
    out['gen_ai.operation.name'] = 'execute_tool';
    out['gen_ai.tool.name'] = tool;
  } else if (e.event === 'task_start' || e.event === 'task_result') out['gen_ai.operation.name'] = 'invoke_agent';
  if (str(data.tool_use_id)) out['gen_ai.tool.call.id'] = data.tool_use_id as string;
  if (num(data.input_tokens) !== undefined) out['gen_ai.usage.input_tokens'] = data.input_tokens as number;
  if (num(data.output_tokens) !== undefined) out['gen_ai.usage.output_tokens'] = data.output_tokens as number;
  return out;
}

export function toLogRecord(e: EventLine): LogRecord {
  const attributes: AnyValueMap = {
    event: e.event,
    agent: e.agent,
    source: e.source,
    'relay.event_id': e.id,
    ...(e.task_id ? { task_id: e.task_id } : {}),
    ...(e.session_id ? { session_id: e.session_id } : {}),
    ...flattenData(e.data ?? {}),
    ...genAiAttributes(e),
  };
  const error = e.event === 'error';
  return {
    eventName: `relay.${e.event}`,
    timestamp: new Date(e.timestamp),
    severityNumber: error ? SeverityNumber.ERROR : SeverityNumber.INFO,
    severityText: error ? 'ERROR' : 'INFO',
    body: e.summary,
    attributes,
  };
}

function isEvent(value: unknown): value is EventLine {
  const e = value as EventLine | null;
  return typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.timestamp === 'string' && !Number.isNaN(Date.parse(e.timestamp))
    && typeof e.event === 'string' && typeof e.agent === 'string' && typeof e.summary === 'string';
}

/** Keeps what the logger emits, so this module decides when to send and sees every result. */
class Collector implements LogRecordProcessor {
  records: SdkLogRecord[] = [];
  onEmit(record: SdkLogRecord): void {
    this.records.push(record);
  }
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

function send(exporter: OTLPLogExporter, url: string, batch: ReadableLogRecord[]): Promise<void> {
  return new Promise((resolve, reject) => {
    exporter.export(batch, (result) => {
      if (result.code === EXPORT_SUCCESS) resolve();
      else reject(new RelayError(`${url}: export failed: ${result.error?.message.split('\n')[0] ?? 'no reason given'}`, 1));
    });
  });
}

/** Sends every event under .agents-os/ledger (each id once) that passes the filter. */
export async function exportEvents(root: string, endpoint: string, filter: ExportFilter = {}, version = '0.1.0'): Promise<ExportReport> {
  const url = logsEndpoint(endpoint);
  const files = ledgerFiles(root);
  const report: ExportReport = { url, files: files.length, exported: 0, duplicates: 0, filteredOut: 0, unreadable: 0 };
  const collector = new Collector();
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': 'relay', 'service.version': version, 'host.name': hostname(), 'relay.project': basename(root) }),
    processors: [collector],
  });
  const logger = provider.getLogger('relay.events', version);
  const exporter = new OTLPLogExporter({ url });
  const seen = new Set<string>();
  try {
    for (const file of files) {
      for (const line of readLedgerText(file).split('\n')) {
        if (!line.trim()) continue;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          value = undefined;
        }
        if (!isEvent(value)) {
          report.unreadable++;
          continue;
        }
        // A git union merge can leave the same line in two places; the collector gets it once.
        if (seen.has(value.id)) {
          report.duplicates++;
          continue;
        }
        seen.add(value.id);
        if ((filter.sinceMs !== undefined && Date.parse(value.timestamp) < filter.sinceMs) || (filter.agents && !filter.agents.includes(value.agent))) {
          report.filteredOut++;
          continue;
        }
        // Lines are redacted when written; an export leaves the machine, so older lines get the same treatment again.
        logger.emit(toLogRecord(redactValue(value)));
        report.exported++;
        if (collector.records.length >= BATCH) await send(exporter, url, collector.records.splice(0));
      }
    }
    if (collector.records.length) await send(exporter, url, collector.records.splice(0));
  } finally {
    await exporter.shutdown();
    await provider.shutdown();
  }
  return report;
}
