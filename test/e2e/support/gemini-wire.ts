// Gemini's API as the Gemini CLI speaks it: POST /v1beta/models/<m>:streamGenerateContent?alt=sse,
// answered with `data: <GenerateContentResponse>` chunks. A shell step is a functionCall to
// `run_shell_command`; its result comes back as a functionResponse part.
import { sendJson, type Wire } from './scripted-server.ts';

function userText(contents: any[]): string {
  const texts: string[] = [];
  for (const content of contents) {
    if (content?.role !== 'user' || !Array.isArray(content.parts)) continue;
    for (const part of content.parts) if (typeof part?.text === 'string') texts.push(part.text);
  }
  return texts.join('\n');
}

function functionResponses(contents: any[]): number {
  let count = 0;
  for (const content of contents) for (const part of content?.parts ?? []) if (part?.functionResponse) count++;
  return count;
}

export const geminiWire: Wire = {
  accepts: (path) => /:(streamGenerateContent|generateContent)/.test(path),
  read(path, body) {
    const contents = Array.isArray(body.contents) ? body.contents : [];
    return { path, body, prompt: userText(contents), toolResults: functionResponses(contents) };
  },
  sendStep(res, req, step) {
    const parts = step.shell !== undefined
      ? [{ functionCall: { name: 'run_shell_command', args: { command: step.shell, description: 'scripted step' } } }]
      : [{ text: step.text ?? '' }];
    const chunk = { candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 110, candidatesTokenCount: 25, totalTokenCount: 135 } };
    if (!req.path.includes('streamGenerateContent')) return sendJson(res, 200, chunk);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.end(`data: ${JSON.stringify(chunk)}\r\n\r\n`);
  },
  sendError(res, status, message) {
    sendJson(res, status, { error: { code: status, message, status: status === 400 ? 'INVALID_ARGUMENT' : 'UNAVAILABLE' } });
  },
};
