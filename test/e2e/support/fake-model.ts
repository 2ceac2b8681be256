// A scripted stand-in for the Anthropic Messages API, so e2e tests can drive the
// real Claude Code binary offline. Each main-conversation request is handed to a
// Script, whose Turn is streamed back as text and tool_use blocks.
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ToolCall {
  name: string;
  input: Record<string, unknown>;
}

export interface Turn {
  text?: string;
  tools?: ToolCall[];
  delayMs?: number;
  /** Never answer; the request stays open until the client gives up or close() runs. */
  hang?: boolean;
  /** Answer with an API error instead, e.g. { status: 529, type: 'overloaded_error' }. */
  apiError?: ApiError;
}

export interface ApiError {
  status: number;
  type?: string;
  message?: string;
}

export interface ToolResult {
  tool_use_id: string;
  content: string;
  is_error?: boolean;
}

export interface ModelRequest {
  body: any;
  /** All system prompt blocks plus mid-conversation `role: "system"` messages. */
  system: string;
  /** Text of the first user message, including its <system-reminder> blocks. */
  firstUserText: string;
  /** Text of every user message (tool results excluded; see toolResults). */
  allUserText: string;
  /** Tool results in the latest user message, i.e. answers to the previous turn. */
  toolResults: ToolResult[];
  /** Number of assistant turns already in `messages`. */
  turnIndex: number;
}

export type Script = (req: ModelRequest) => Turn;

export interface SideRequest {
  path: string;
  body: any;
}

export interface FakeModel {
  url: string;
  port: number;
  requests: ModelRequest[];
  sideRequests: SideRequest[];
  /** Errors thrown by the script; the request was answered with a 400. */
  scriptErrors: Error[];
  close(): Promise<void>;
}

// Tools only the main agent loop carries. Side requests, such as the session title
// an interactive claude asks for, are sent with `tools: []`.
const MAIN_AGENT_TOOLS = new Set(['Bash', 'StructuredOutput']);

/** Set FAKE_MODEL_LOG=/path/file.jsonl to log every request while writing tests. */
const LOG_FILE = process.env.FAKE_MODEL_LOG;

export function structuredOutput(input: Record<string, unknown>): ToolCall {
  return { name: 'StructuredOutput', input };
}

/**
 * A Script that chooses its step list from the first user message (say, by a task
 * id in the prompt) and plays step[turnIndex]; the last step repeats after that.
 */
export function scriptSteps(stepsFor: (firstUserText: string) => Turn[]): Script {
  return (req) => {
    const steps = stepsFor(req.firstUserText);
    const step = steps[Math.min(req.turnIndex, steps.length - 1)];
    if (!step) throw new Error('scriptSteps: no steps for this prompt');
    return step;
  };
}

export async function startFakeModel(script: Script): Promise<FakeModel> {
  const requests: ModelRequest[] = [];
  const sideRequests: SideRequest[] = [];
  const scriptErrors: Error[] = [];

  const server = http.createServer((req, res) => {
    readBody(req)
      .then(async (raw) => {
        const path = req.url ?? '/';
        log({ method: req.method, path, body: raw ? safeJson(raw) : undefined });
        if (req.method !== 'POST' || !isMessagesPath(path)) return answerHarmless(res, path);

        const body = JSON.parse(raw);
        if (!isMainRequest(body)) {
          sideRequests.push({ path, body });
          return sendTurn(res, body, { text: sideAnswer(body) });
        }

        const modelRequest = toModelRequest(body);
        requests.push(modelRequest);
        let turn: Turn;
        try {
          turn = script(modelRequest);
        } catch (error) {
          scriptErrors.push(error as Error);
          // 400 because Claude Code gives up on it at once instead of retrying.
          return sendError(res, { status: 400, message: `fake model script failed: ${(error as Error).message}` });
        }
        if (turn.hang) return; // leave the response open
        if (turn.delayMs) await sleep(turn.delayMs);
        if (turn.apiError) return sendError(res, turn.apiError);
        sendTurn(res, body, turn);
      })
      .catch((error: Error) => {
        if (!res.headersSent) sendError(res, { status: 400, message: error.message });
        else res.destroy();
      });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    sideRequests,
    scriptErrors,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Hanging turns and keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

function isMessagesPath(path: string): boolean {
  const pathname = path.split('?')[0];
  return pathname === '/v1/messages';
}

function isMainRequest(body: any): boolean {
  const tools: Array<{ name?: string }> = Array.isArray(body?.tools) ? body.tools : [];
  return tools.some((tool) => tool.name !== undefined && MAIN_AGENT_TOOLS.has(tool.name));
}

function toModelRequest(body: any): ModelRequest {
  const messages: any[] = Array.isArray(body.messages) ? body.messages : [];
  const userMessages = messages.filter((m) => m.role === 'user');
  const lastMessage = messages.at(-1);
  return {
    body,
    system: [contentText(body.system), ...messages.filter((m) => m.role === 'system').map((m) => contentText(m.content))]
      .filter(Boolean)
      .join('\n'),
    firstUserText: userMessages.length > 0 ? contentText(userMessages[0].content) : '',
    allUserText: userMessages.map((m) => contentText(m.content)).join('\n'),
    toolResults: lastMessage?.role === 'user' ? toolResultsOf(lastMessage.content) : [],
    turnIndex: messages.filter((m) => m.role === 'assistant').length,
  };
}

/** Joins the text of a string or an array of content blocks, skipping tool results. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((block) => block?.type === 'text' && typeof block.text === 'string')
    .map((block) => block.text as string)
    .join('\n');
}

function toolResultsOf(content: unknown): ToolResult[] {
  if (!Array.isArray(content)) return [];
  return content
    .filter((block) => block?.type === 'tool_result')
    .map((block) => ({
      tool_use_id: block.tool_use_id,
      content: typeof block.content === 'string' ? block.content : contentText(block.content),
      ...(block.is_error ? { is_error: true } : {}),
    }));
}

type Block =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

function blocksOf(turn: Turn): Block[] {
  const blocks: Block[] = [];
  if (turn.text) blocks.push({ type: 'text', text: turn.text });
  for (const tool of turn.tools ?? []) {
    blocks.push({ type: 'tool_use', id: toolUseId(), name: tool.name, input: tool.input });
  }
  // Claude Code answers an empty reply with a "no visible output" nudge, which
  // would cost the script an extra turn.
  if (blocks.length === 0) blocks.push({ type: 'text', text: 'ok' });
  return blocks;
}

function sendTurn(res: http.ServerResponse, body: any, turn: Turn): void {
  const blocks = blocksOf(turn);
  const stopReason = blocks.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn';
  const usage = {
    input_tokens: Math.ceil(JSON.stringify(body.messages ?? []).length / 4),
    output_tokens: Math.max(1, Math.ceil(JSON.stringify(blocks).length / 4)),
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
  };
  const message = {
    id: `msg_${randomBytes(12).toString('hex')}`,
    type: 'message',
    role: 'assistant',
    model: body.model ?? 'claude-fake',
    content: blocks,
    stop_reason: stopReason,
    stop_sequence: null,
    usage,
  };

  if (!body.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(message));
    return;
  }

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const event = (type: string, data: Record<string, unknown>) =>
    res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);

  event('message_start', {
    message: { ...message, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } },
  });
  blocks.forEach((block, index) => {
    if (block.type === 'text') {
      event('content_block_start', { index, content_block: { type: 'text', text: '' } });
      event('content_block_delta', { index, delta: { type: 'text_delta', text: block.text } });
    } else {
      event('content_block_start', {
        index,
        content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
      });
      event('content_block_delta', {
        index,
        delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) },
      });
    }
    event('content_block_stop', { index });
  });
  event('message_delta', {
    delta: { stop_reason: stopReason, stop_sequence: null },
    usage: { output_tokens: usage.output_tokens },
  });
  event('message_stop', {});
  res.end();
}

/**
 * Side requests such as session-title generation may demand JSON through
 * output_config.format; answer with the smallest value that fits the schema.
 */
function sideAnswer(body: any): string {
  const format = body?.output_config?.format;
  return format?.type === 'json_schema' ? JSON.stringify(sampleOf(format.schema)) : 'ok';
}

function sampleOf(schema: any): unknown {
  if (Array.isArray(schema?.enum)) return schema.enum[0];
  switch (schema?.type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((key: string) => [key, sampleOf(schema.properties?.[key])]));
    case 'array':
      return [];
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    default:
      return 'test';
  }
}

function answerHarmless(res: http.ServerResponse, path: string): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(path.includes('count_tokens') ? JSON.stringify({ input_tokens: 100 }) : '{}');
}

function sendError(res: http.ServerResponse, error: ApiError): void {
  const type = error.type ?? (error.status === 400 ? 'invalid_request_error' : 'api_error');
  res.writeHead(error.status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ type: 'error', error: { type, message: error.message ?? type } }));
}

function toolUseId(): string {
  return `toolu_${randomBytes(12).toString('hex')}`;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function log(entry: Record<string, unknown>): void {
  if (LOG_FILE) appendFileSync(LOG_FILE, `${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
