#!/usr/bin/env node
// A stand-in for `claude -p` (relay.executor is configurable): it does no thinking, only
// what the flags and STUB_WORKER_* variables say, and prints a result object in Claude
// Code's --output-format json shape. Used where a real CLI would only add time: the
// per-attempt overhead benchmark and the fault suite (crashes, concurrency, secrets).
//   STUB_WORKER_SLEEP_MS=n         wait n ms before answering
//   STUB_WORKER_FAIL=T1,T3         these tasks always fail
//   STUB_WORKER_FAIL_ONCE=T2       these fail on their first attempt only (a marker file in cwd remembers)
//   STUB_WORKER_FAIL_VARIED=1      each failure has different words (so repeated_failure never gates)
//   STUB_WORKER_WRITE=1            write <task>.out and claim it as changed
//   STUB_WORKER_WRITE_SHARED=f     also write f, with this task's name in it (two tasks doing so conflict on merge)
//   STUB_WORKER_RECEIPT_JSON={..}  merged over the receipt (to push chosen text through relay's receipt path)
//   STUB_WORKER_RECEIPTS_FILE=f    a JSON file {"T1": {..}, ...}: per-task overrides, merged last
//   STUB_WORKER_BASH_MS=n          first start a command in a session of its own, as Claude Code's Bash tool
//                                  does, that sleeps n ms and then appends to <task>.late (it must never land)
//   STUB_WORKER_START_MARK=f       append one byte to f on start (lets a test act while a worker is running)
//   STUB_WORKER_API_ERROR=401|429|unreachable   answer as claude -p does when the API refuses or is down;
//                                  with STUB_WORKER_API_ERROR_TIMES=k only the first k calls do (a counter file in cwd)
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

if (process.env.STUB_WORKER_START_MARK) appendFileSync(process.env.STUB_WORKER_START_MARK, '.');
const args = process.argv.slice(2);
const prompt = args[args.indexOf('-p') + 1] ?? '';
const task = /# relay task ([A-Za-z0-9_-]+):/.exec(prompt)?.[1] ?? 'unknown';
const sleepMs = Number(process.env.STUB_WORKER_SLEEP_MS ?? 0);
const list = (name) => (process.env[name] ?? '').split(',').filter(Boolean);
// In a task worktree (relay work --jobs) the cwd goes away after the attempt; the project does not.
const stateDir = process.env.RELAY_PROJECT_DIR || '.';
const onceMarker = `${stateDir}/.stub-failed-once-${task}`;
const failOnce = list('STUB_WORKER_FAIL_ONCE').includes(task) && !existsSync(onceMarker);
const fail = list('STUB_WORKER_FAIL').includes(task) || failOnce;

const apiError = process.env.STUB_WORKER_API_ERROR;
if (apiError) {
  const counter = `${stateDir}/.stub-api-errors`;
  const seen = existsSync(counter) ? Number(readFileSync(counter, 'utf8')) : 0;
  writeFileSync(counter, String(seen + 1));
  if (!process.env.STUB_WORKER_API_ERROR_TIMES || seen < Number(process.env.STUB_WORKER_API_ERROR_TIMES)) {
    const answers = {
      401: [401, 'Invalid API key · Fix external API key'],
      429: [429, 'API Error: Request rejected (429) · rate limit exceeded'],
      unreachable: [null, 'API Error: Unable to connect to API (ConnectionRefused)'],
    };
    const [status, text] = answers[apiError];
    process.stdout.write(`${JSON.stringify({ type: 'result', subtype: 'success', is_error: true, api_error_status: status, result: text, session_id: `stub-${process.pid}`, num_turns: 1, total_cost_usd: 0 })}\n`);
    process.exit(1);
  }
}
if (process.env.STUB_WORKER_BASH_MS) {
  const seconds = Number(process.env.STUB_WORKER_BASH_MS) / 1000;
  spawn('setsid', ['sh', '-c', `sleep ${seconds}; echo late >> ${task}.late`], { detached: true, stdio: 'ignore' }).unref();
}
if (sleepMs) await new Promise((r) => setTimeout(r, sleepMs));
if (failOnce) writeFileSync(onceMarker, '1\n');
if (process.env.STUB_WORKER_WRITE) writeFileSync(`${task}.out`, `${task}\n`);
if (process.env.STUB_WORKER_WRITE_SHARED) writeFileSync(process.env.STUB_WORKER_WRITE_SHARED, `written by ${task}\n`);
const receipt = {
  ...(fail
    ? { status: 'failure', summary: 'stub failure', error_category: 'code_error', error_summary: `stub failure in ${task}${process.env.STUB_WORKER_FAIL_VARIED ? ` ${['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf'][Number(process.env.RELAY_ATTEMPT ?? 1) % 7]}` : ''}`, suggestion: 'none', pattern_tags: [] }
    : { status: 'success', summary: `stub did ${task}`, files_changed: process.env.STUB_WORKER_WRITE ? [`${task}.out`] : [], pattern_tags: [] }),
  ...(process.env.STUB_WORKER_RECEIPT_JSON ? JSON.parse(process.env.STUB_WORKER_RECEIPT_JSON) : {}),
  ...(process.env.STUB_WORKER_RECEIPTS_FILE ? JSON.parse(readFileSync(process.env.STUB_WORKER_RECEIPTS_FILE, 'utf8'))[task] : {}),
};
process.stdout.write(`${JSON.stringify({ type: 'result', subtype: 'success', is_error: false, result: 'ok', session_id: `stub-${process.pid}`, num_turns: 1, duration_ms: sleepMs, total_cost_usd: 0, structured_output: receipt })}\n`);
