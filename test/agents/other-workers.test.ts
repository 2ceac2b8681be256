import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { classifyCodexRun, inlineHookArgs, readCodexStream } from '../../scripts/agents/codex-worker.ts';
import { classifyGeminiRun, readGeminiStream } from '../../scripts/agents/gemini-worker.ts';
import { receiptInText, receiptJsonSchema, strictJsonSchema, withoutNulls, type WorkerRun } from '../../scripts/core/epic/worker.ts';
import { reviewJsonSchema } from '../../scripts/core/epic/review.ts';

const run = (over: Partial<WorkerRun>): WorkerRun => ({ exitCode: 0, timedOut: false, interrupted: false, stdout: '', stderr: '', durationMs: 900, ...over });
const lines = (...events: object[]) => events.map((e) => JSON.stringify(e)).join('\n');
const receipt = { status: 'success', summary: 'did it', files_changed: ['a.ts'], tests_passed: null, error_category: null, error_summary: null, approach_taken: null, suggestion: null, learning: null, pattern_tags: [] };

const codexOk = (message: string) =>
  lines(
    { type: 'thread.started', thread_id: 'th-1' },
    { type: 'item.completed', item: { id: 'item_0', type: 'error', message: '`--dangerously-bypass-hook-trust` is enabled.' } },
    { type: 'turn.started' },
    { type: 'item.completed', item: { id: 'item_1', type: 'agent_message', text: message } },
    { type: 'turn.completed', usage: { input_tokens: 200, cached_input_tokens: 50, output_tokens: 40 } },
  );

describe('the strict receipt schema Codex is given', () => {
  const strict = JSON.parse(strictJsonSchema(receiptJsonSchema()));
  it('requires every property and allows no others, as OpenAI strict mode demands', () => {
    expect(strict.required.sort()).toEqual(Object.keys(strict.properties).sort());
    expect(strict.additionalProperties).toBe(false);
    expect(JSON.stringify(strict)).not.toContain('"default"');
  });
  it('accepts a receipt with nulls for what was optional, which withoutNulls turns back into a receipt', () => {
    const ajv = new Ajv({ strict: false });
    expect(ajv.validate(strict, receipt), JSON.stringify(ajv.errors)).toBe(true);
    expect(ajv.validate(strict, { ...receipt, learning: undefined })).toBe(false);
    expect(withoutNulls(receipt)).toEqual({ status: 'success', summary: 'did it', files_changed: ['a.ts'], pattern_tags: [] });
  });
  it('makes nested objects strict too (the review verdict)', () => {
    const review = JSON.parse(strictJsonSchema(reviewJsonSchema()));
    expect(review.additionalProperties).toBe(false);
    expect(review.required.sort()).toEqual(Object.keys(review.properties).sort());
  });
});

describe('classifyCodexRun', () => {
  it('reads the receipt from the last agent message, with the thread id and tokens', () => {
    const v = classifyCodexRun(run({ stdout: codexOk(JSON.stringify(receipt)) }), 30);
    expect(v).toMatchObject({ result: 'success', session_id: 'th-1', tokens: { input: 200, output: 40, cached: 50 }, total_cost_usd: null, receipt: { summary: 'did it' } });
  });
  it.each([
    ['a failed turn', run({ exitCode: 1, stdout: lines({ type: 'turn.failed', error: { message: '{"error":{"message":"bad request body","type":"invalid_request_error"}}' } }) }), /codex reported a failed turn: bad request body/],
    ['a final message that is not JSON', run({ stdout: codexOk('I did it!') }), /not the JSON receipt/],
    ['no final message', run({ stdout: lines({ type: 'thread.started', thread_id: 't' }) }), /without a final message/],
    ['an invalid receipt', run({ stdout: codexOk(JSON.stringify({ ...receipt, status: 'done' })) }), /receipt is invalid: status/],
    ['a timeout', run({ timedOut: true, exitCode: null }), /30-minute timeout/],
  ])('turns %s into a failure', (_name, r, summary) => {
    const v = classifyCodexRun(r, 30);
    expect(v.result).toBe('failure');
    expect(v.receipt?.error_summary).toMatch(summary);
  });
  it.each([
    ['codex missing', run({ exitCode: null, spawnError: 'spawn codex ENOENT' }), 'executor_missing'],
    ['a 401', run({ exitCode: 1, stdout: lines({ type: 'turn.failed', error: { message: 'unexpected status 401 Unauthorized: invalid api key' } }) }), 'not_logged_in'],
    ['a 429', run({ exitCode: 1, stdout: lines({ type: 'turn.failed', error: { message: 'exceeded retry limit, last status: 429 Too Many Requests' } }) }), 'rate_limited'],
    ['no network', run({ exitCode: 1, stdout: lines({ type: 'error', message: 'stream disconnected before completion: error sending request' }) }), 'api_unreachable'],
  ])('stops the run for %s instead of failing the task', (_name, r, kind) => {
    const v = classifyCodexRun(r, 30);
    expect(v.result).toBe('interrupted');
    expect(v.environment?.kind).toBe(kind);
  });
  it('gives each Codex hook event an inline -c override that runs relay with --worker', () => {
    const args = inlineHookArgs((event) => `relay hook --agent codex --worker ${event}`);
    expect(args.filter((a) => a === '-c')).toHaveLength(4);
    expect(args).toContain('hooks.PostToolUse=[{hooks=[{type="command",command="relay hook --agent codex --worker PostToolUse",timeout=10}]}]');
    expect(inlineHookArgs(() => `'/bin/node' "x\\y"`)[1]).toContain(`command="'/bin/node' \\"x\\\\y\\""`);
  });
  it('sums tokens over turns and ignores lines that are not JSON', () => {
    const s = readCodexStream(`Reading additional input from stdin...\n${codexOk('{}')}\n${lines({ type: 'turn.completed', usage: { input_tokens: 1, output_tokens: 2 } })}`);
    expect(s.facts.tokens).toEqual({ input: 201, output: 42, cached: 50 });
  });
});

const gemini = (...events: object[]) => lines({ type: 'init', session_id: 'g-1', model: 'gemini-2.5-flash' }, ...events);
const geminiResult = { type: 'result', status: 'success', stats: { input_tokens: 300, output_tokens: 60, cached: 10 } };

describe('classifyGeminiRun', () => {
  it('reads the fenced receipt after the last tool call, with the session and tokens', () => {
    const out = gemini(
      { type: 'message', role: 'assistant', content: 'Let me look. ```json\n{"status":"failure","summary":"early"}\n```', delta: true },
      { type: 'tool_use', tool_name: 'run_shell_command', tool_id: 't1', parameters: {} },
      { type: 'tool_result', tool_id: 't1', status: 'success', output: '' },
      { type: 'message', role: 'assistant', content: 'Done.\n```json\n{"status":"success",', delta: true },
      { type: 'message', role: 'assistant', content: '"summary":"did it","files_changed":["a.ts"],"pattern_tags":[]}\n```', delta: true },
      geminiResult,
    );
    const { verdict, correct } = classifyGeminiRun(run({ stdout: out }), 30);
    expect(correct).toBeUndefined();
    expect(verdict).toMatchObject({ result: 'success', session_id: 'g-1', tokens: { input: 300, output: 60, cached: 10 }, receipt: { summary: 'did it' } });
  });
  it('asks for a correction when the answer holds no receipt, or an invalid one', () => {
    const none = classifyGeminiRun(run({ stdout: gemini({ type: 'message', role: 'assistant', content: 'All done.' }, geminiResult) }), 30);
    expect(none.correct).toMatch(/no JSON receipt/);
    expect(none.verdict.result).toBe('failure');
    const invalid = classifyGeminiRun(run({ stdout: gemini({ type: 'message', role: 'assistant', content: '{"status":"ok","summary":"x"}' }, geminiResult) }), 30);
    expect(invalid.correct).toMatch(/receipt is invalid: status/);
  });
  it('records an API error from the result event as the task\'s failure, without a correction', () => {
    const out = gemini({ type: 'result', status: 'error', error: { type: 'unknown', message: '[API Error: {"error":{"code":400,"message":"bad thing"}}]' }, stats: {} });
    const { verdict, correct } = classifyGeminiRun(run({ exitCode: 144, stdout: out }), 30);
    expect(correct).toBeUndefined();
    expect(verdict.receipt?.error_summary).toMatch(/gemini reported an error: .*bad thing/);
  });
  it.each([
    ['exit 41 (auth)', run({ exitCode: 41, stderr: 'Invalid auth method selected.' }), 'not_logged_in'],
    ['exit 52 (config)', run({ exitCode: 52, stderr: 'bad settings' }), 'bad_config'],
    ['a quota error', run({ exitCode: 173, stdout: gemini({ type: 'result', status: 'error', error: { message: 'RESOURCE_EXHAUSTED: quota' } }) }), 'rate_limited'],
    ['gemini missing', run({ exitCode: null, spawnError: 'spawn gemini ENOENT' }), 'executor_missing'],
  ])('stops the run for %s', (_name, r, kind) => {
    expect(classifyGeminiRun(r, 30).verdict.environment?.kind).toBe(kind);
  });
  it('keeps only the text after the last tool call as the final message', () => {
    expect(readGeminiStream(gemini({ type: 'message', role: 'assistant', content: 'a' }, { type: 'tool_use' }, { type: 'message', role: 'assistant', content: 'b' })).finalMessage).toBe('b');
  });
});

describe('receiptInText', () => {
  it('takes the last fenced JSON block, else the outermost braces, else nothing', () => {
    expect(receiptInText('x ```json\n{"a":1}\n``` y ```json\n{"a":2}\n```')).toEqual({ a: 2 });
    expect(receiptInText('here: {"a":{"b":3}} thanks')).toEqual({ a: { b: 3 } });
    expect(receiptInText('no json here')).toBeUndefined();
    expect(receiptInText('```json\n[1,2]\n```')).toBeUndefined();
  });
});
