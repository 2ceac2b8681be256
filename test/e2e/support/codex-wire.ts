// The OpenAI Responses API as `codex exec` speaks it: POST /v1/responses with stream:true,
// answered as `event: <type>\ndata: <json>\n\n` frames. A shell step is a function_call to
// Codex's `exec_command` tool; its output comes back as a function_call_output input item.
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

export const codexWire: Wire = {
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
    const item = step.shell !== undefined
      ? { type: 'function_call', id: `fc_${counter}`, call_id: `call_${counter}`, name: 'exec_command', arguments: JSON.stringify({ cmd: step.shell }) }
      : { type: 'message', role: 'assistant', id: `msg_${counter}`, content: [{ type: 'output_text', text: step.text ?? '' }] };
    send('response.output_item.done', { output_index: 0, item });
    const usage = { input_tokens: 120, input_tokens_details: { cached_tokens: 20 }, output_tokens: 30, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 150 };
    send('response.completed', { response: { id, usage } });
    res.end();
  },
  sendError(res, status, message) {
    sendJson(res, status, { error: { message, type: 'invalid_request_error', code: 'scripted' } });
  },
};
