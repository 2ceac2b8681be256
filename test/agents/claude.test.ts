import { describe, expect, it } from 'vitest';
import { classifyWorkerRun, workerArgs } from '../../scripts/agents/claude.ts';
import { receiptJsonSchema, type WorkerRun } from '../../scripts/core/epic/worker.ts';

const run = (over: Partial<WorkerRun>): WorkerRun => ({ exitCode: 0, timedOut: false, interrupted: false, stdout: '', stderr: '', durationMs: 1200, ...over });
const result = (over: Record<string, unknown>) => JSON.stringify({ type: 'result', subtype: 'success', is_error: false, session_id: 's-1', num_turns: 3, total_cost_usd: 0.02, ...over });
const receipt = { status: 'success', summary: 'did it', files_changed: ['a.ts'], pattern_tags: [] };

describe('classifyWorkerRun', () => {
  it('accepts a schema-valid receipt and keeps session, cost and turns', () => {
    const v = classifyWorkerRun(run({ stdout: result({ structured_output: receipt }) }), 30);
    expect(v).toMatchObject({ result: 'success', session_id: 's-1', total_cost_usd: 0.02, num_turns: 3, duration_ms: 1200 });
    expect(v.receipt?.files_changed).toEqual(['a.ts']);
  });

  it.each([
    ['a timeout', run({ timedOut: true, exitCode: null }), 'timeout', /30-minute timeout/],
    ['is_error', run({ exitCode: 1, stdout: result({ is_error: true, result: 'API Error: 500' }) }), 'cli_error', /reported an error.*API Error: 500/],
    ['a budget stop', run({ exitCode: 1, stdout: result({ subtype: 'error_max_budget_usd' }) }), 'cli_error', /budget cap/],
    ['running out of turns', run({ exitCode: 1, stdout: result({ subtype: 'error_max_turns' }) }), 'cli_error', /ran out of turns/],
    ['a non-zero exit with no result', run({ exitCode: 2, stderr: 'boom' }), 'cli_error', /exited with code 2.*boom/],
    ['a missing receipt', run({ stdout: result({}) }), 'cli_error', /without a receipt/],
    ['an invalid receipt', run({ stdout: result({ structured_output: { status: 'done' } }) }), 'cli_error', /receipt is invalid: status/],
    ['a spawn error that is not a missing executor', run({ exitCode: null, spawnError: 'spawn E2BIG' }), 'cli_error', /could not start/],
  ])('turns %s into a failure with its category', (_name, r, category, summary) => {
    const v = classifyWorkerRun(r, 30);
    expect(v.result).toBe('failure');
    expect(v.receipt?.error_category).toBe(category);
    expect(v.receipt?.error_summary).toMatch(summary);
  });

  it('keeps a worker-reported failure with its own category, and reads interruption first', () => {
    const failed = { status: 'failure', summary: 'x', error_category: 'test_failure', error_summary: '3 tests fail', pattern_tags: [] };
    expect(classifyWorkerRun(run({ stdout: result({ structured_output: failed }) }), 30).receipt).toMatchObject({ error_category: 'test_failure', error_summary: '3 tests fail' });
    expect(classifyWorkerRun(run({ interrupted: true, exitCode: null }), 30).result).toBe('interrupted');
  });
});

describe('environment problems are not task failures', () => {
  it.each([
    ['a missing executor', run({ exitCode: null, spawnError: 'spawn mycli ENOENT' }), 'executor_missing', /^mycli not found on PATH: install Claude Code, or set relay\.executor in \.agents\.yml$/],
    ['an executor that cannot run', run({ exitCode: null, spawnError: 'spawn mycli EACCES' }), 'bad_config', /cannot be run \(permission denied\)/],
    ['an invalid key', run({ exitCode: 1, stdout: result({ is_error: true, api_error_status: 401, result: 'Invalid API key · Fix external API key' }) }), 'not_logged_in', /not logged in \(Invalid API key/],
    ['no login at all', run({ exitCode: 1, stdout: result({ is_error: true, result: 'Not logged in · Please run /login' }) }), 'not_logged_in', /run claude and \/login/],
    ['a rate limit', run({ exitCode: 1, stdout: result({ is_error: true, api_error_status: 429, result: 'API Error: Request rejected (429)' }) }), 'rate_limited', /rate-limited or overloaded/],
    ['an overloaded API', run({ exitCode: 1, stdout: result({ is_error: true, api_error_status: 529, result: 'API Error: 529 Overloaded' }) }), 'rate_limited', /rate-limited or overloaded/],
    ['an unreachable API', run({ exitCode: 1, stdout: result({ is_error: true, api_error_status: null, result: 'API Error: Unable to connect to API (ConnectionRefused)' }) }), 'api_unreachable', /cannot be reached/],
    ['a full disk', run({ exitCode: 1, stderr: "ENOSPC: no space left on device, write '/repo/a.ts'" }), 'disk_full', /the disk is full/],
  ])('%s stops the run as %s, and the attempt is interrupted', (_name, r, kind, message) => {
    const v = classifyWorkerRun(r, 30, 'mycli');
    expect(v.result).toBe('interrupted');
    expect(v.receipt).toBeNull();
    expect(v.environment?.kind).toBe(kind);
    expect(v.environment?.message).toMatch(message);
  });

  it('a task\'s own API error (a 500 the worker hit) stays a task failure', () => {
    expect(classifyWorkerRun(run({ exitCode: 1, stdout: result({ is_error: true, api_error_status: 500, result: 'API Error: 500' }) }), 30).result).toBe('failure');
  });
});

describe('workerArgs', () => {
  it('passes the prompt, the receipt schema without $schema, and the configured limits', () => {
    const args = workerArgs('PROMPT', { max_turns: 40, max_budget_usd: 2, permission_mode: 'acceptEdits', allowed_tools: ['Bash(npm test:*)'], model: 'sonnet' }, receiptJsonSchema());
    expect(args.slice(0, 4)).toEqual(['-p', 'PROMPT', '--output-format', 'json']);
    expect(JSON.parse(args[args.indexOf('--json-schema') + 1]!)).not.toHaveProperty('$schema');
    expect(args).toEqual(expect.arrayContaining(['--max-turns', '40', '--max-budget-usd', '2', '--permission-mode', 'acceptEdits', '--model', 'sonnet', '--allowedTools', 'Bash(npm test:*)']));
  });
});
