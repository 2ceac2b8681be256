// A scripted model server on 127.0.0.1 for agent CLIs other than Claude Code: Codex's
// Responses API and Gemini's streamGenerateContent. Both are "one POST, one SSE stream";
// a wire module (codex-wire.ts, gemini-wire.ts) reads the request and writes the stream, and
// a Script decides each step from the task prompt and how many tool results came back.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One model step: run a shell command, or finish with text, or fail, or never answer. */
export interface Step {
  shell?: string;
  text?: string;
  apiError?: { status: number; message: string };
  hang?: boolean;
}

export interface ScriptedRequest {
  path: string;
  body: any;
  /** Every user-authored text in the conversation, joined. */
  prompt: string;
  /** Tool results already in the conversation: the step index of this request. */
  toolResults: number;
}

export type Script = (req: ScriptedRequest) => Step;

export interface Wire {
  /** Whether this POST is a model call the script answers (others get a harmless 404). */
  accepts(path: string): boolean;
  read(path: string, body: any): ScriptedRequest;
  sendStep(res: http.ServerResponse, req: ScriptedRequest, step: Step): void;
  sendError(res: http.ServerResponse, status: number, message: string): void;
}

export interface ScriptedServer {
  url: string;
  requests: ScriptedRequest[];
  /** Requests held open by a `hang` step whose client has not gone away. */
  hanging(): number;
  close(): Promise<void>;
}

/** Plays steps[toolResults] for the task the prompt names; the last step repeats. */
export function stepsByTask(stepsFor: (prompt: string) => Step[]): Script {
  return (req) => {
    const steps = stepsFor(req.prompt);
    return steps[Math.min(req.toolResults, steps.length - 1)]!;
  };
}

export async function startScriptedServer(wire: Wire, script: Script): Promise<ScriptedServer> {
  const requests: ScriptedRequest[] = [];
  const open = new Set<http.ServerResponse>();
  const server = http.createServer(async (req, res) => {
    const path = req.url ?? '/';
    const raw = await readBody(req);
    if (req.method !== 'POST' || !wire.accepts(path)) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not scripted"}}');
      return;
    }
    let parsed: ScriptedRequest;
    let step: Step;
    try {
      parsed = wire.read(path, JSON.parse(raw));
      requests.push(parsed);
      step = script(parsed);
    } catch (err) {
      wire.sendError(res, 400, `script error: ${(err as Error).message}`);
      return;
    }
    if (step.hang) {
      open.add(res);
      res.on('close', () => open.delete(res));
      return;
    }
    if (step.apiError) wire.sendError(res, step.apiError.status, step.apiError.message);
    else wire.sendStep(res, parsed, step);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    hanging: () => open.size,
    close: () =>
      new Promise((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
