// The OpenAI Responses API as `codex exec` (and Copilot CLI with COPILOT_PROVIDER_WIRE_API=responses)
// speaks it: POST /v1/responses with stream:true, answered as `event: <type>\ndata: <json>\n\n` frames.
// A shell step is a function_call to the CLI's shell tool (Codex's `exec_command`, Copilot's `bash`);
// its output comes back as a function_call_output input item.
import type http from 'node:http';
import { sendJson, type ScriptedRequest, type Step, type Wire } from './scripted-server.ts';

let counter = 0;

function userText(input: any[]): string {
  const texts: string[] = [];
  for (const item of input) {
    if (item?.role !== 'user') continue;
    const content = item.content;
    if (typeof content === 'string') texts.push(content);
    else if (Array.isArray(content)) for (const part of content) if (typeof part?.text === 'string') texts.push(part.text);
  }
  return texts.join('\n');
}

/** The function call a CLI's shell tool takes for `command`. */
type ShellCall = (command: string) => { name: string; args: Record<string, unknown> };

function responsesWire(shell: ShellCall): Wire {
  return {
    accepts: (path) => path.startsWith('/v1/responses'),
    read(path, body) {
      const input = Array.isArray(body.input) ? body.input : [];
      return { path, body, prompt: userText(input), toolResults: input.filter((item: any) => item?.type === 'function_call_output').length };
    },
    sendStep(res: http.ServerResponse, _req: ScriptedRequest, step: Step) {
      const id = `resp_${++counter}`;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const send = (type: string, data: Record<string, unknown>) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
      send('response.created', { response: { id } });
      const call = step.shell !== undefined ? shell(step.shell) : undefined;
      const item = call
        ? { type: 'function_call', id: `fc_${counter}`, call_id: `call_${counter}`, name: call.name, arguments: JSON.stringify(call.args) }
        : { type: 'message', role: 'assistant', id: `msg_${counter}`, content: [{ type: 'output_text', text: step.text ?? '' }] };
      send('response.output_item.done', { output_index: 0, item });
      const usage = { input_tokens: 120, input_tokens_details: { cached_tokens: 20 }, output_tokens: 30, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 150 };
      // Codex reads the items as they are done; other Responses clients (Copilot CLI) read the completed response's output.
      send('response.completed', { response: { id, status: 'completed', output: [item], usage } });
      res.end();
    },
    sendError(res, status, message) {
      sendJson(res, status, { error: { message, type: 'invalid_request_error', code: 'scripted' } });
    },
  };
}

export const codexWire = responsesWire((command) => ({ name: 'exec_command', args: { cmd: command } }));
export const copilotWire = responsesWire((command) => ({ name: 'bash', args: { command, description: 'scripted step' } }));
