/**
 * What relay's hooks cost, each against a baseline measured side by side in the same run:
 * 1. PostToolUse wall time per call: `node dist/hook.mjs` with a real Bash payload on stdin,
 *    against bare `node -e 0` given the same stdin (the floor for any Node hook).
 * 2. A scripted real Claude Code session of 30 tool calls (10 Write, 10 Edit, 10 Bash) in a
 *    project with an epic, with `--plugin-dir` at this repo against the same session without
 *    it, and against a plugin whose only hook is `node -e 0` (the floor of any Node hook).
 * 3. Concurrent appends: 16 processes × N events through the PostToolUse handler against the
 *    same 16 processes appending a constant line of similar size with fs.appendFileSync.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { median, percentile, ratio, sideBySide, type BenchRow } from './lib.ts';
import { HOOK_BUNDLE, REPO, blueprint, relay, tempDir, tempProject } from '../test/support/project.ts';
import { hookPayloads } from '../test/hooks/support/payloads.ts';
import { headlessArgs, runClaude } from '../test/e2e/support/claude.ts';
import { startFakeModel, type Turn } from '../test/e2e/support/fake-model.ts';

const HOOK_RUNS = 40;
const SESSION_RUNS = 3;
const SESSION_TOOL_CALLS = 30;
/** A modest real-model pace per turn for the paced session; the plain scripted model answers at once. */
const MODEL_TURN_MS = 1_500;
const PACED_RUNS = 2;
const WRITERS = 16;
const EVENTS_PER_WRITER = 300;

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const cleanEnv = { ...process.env, CLAUDE_PROJECT_DIR: '', RELAY_PROJECT_DIR: '', RELAY_TASK_ID: '', RELAY_ATTEMPT: '' };

function wallMs(args: string[], input: string): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input, env: cleanEnv });
  if (r.status !== 0) throw new Error(`bench: node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function hookLatency(): BenchRow[] {
  const root = tempProject();
  mkdirSync(join(root, '.agents-os'));
  const input = JSON.stringify(hookPayloads(root).bash('npm test -- --reporter dot', 'ok 12 tests passed\n', ''));
  const r = sideBySide(() => wallMs([HOOK_BUNDLE], input), () => wallMs(['-e', '0'], input), HOOK_RUNS);
  const p90 = percentile(r.subjectAll, 90);
  const p90Base = percentile(r.baselineAll, 90);
  const common = { command: 'node dist/hook.mjs < PostToolUse(Bash) payload', baselineLabel: 'node -e 0', unit: 'ms' };
  return [
    { name: 'hook latency: PostToolUse, median', ...common, value: round(r.subject), baseline: round(r.baseline), ratio: ratio(r.subject, r.baseline), goal: '≤ 1.3×', notes: `${HOOK_RUNS} runs each, interleaved; records one tool_use event` },
    { name: 'hook latency: PostToolUse, p90', ...common, value: round(p90), baseline: round(p90Base), ratio: ratio(p90, p90Base) },
  ];
}

function sessionScript(repo: string): Turn[] {
  const turns: Turn[] = [];
  for (let i = 0; i < SESSION_TOOL_CALLS / 3; i++) {
    const file = join(repo, `notes-${i}.txt`);
    turns.push(
      { tools: [{ name: 'Write', input: { file_path: file, content: `note ${i}\n` } }] },
      { tools: [{ name: 'Edit', input: { file_path: file, old_string: `note ${i}`, new_string: `note ${i}, edited` } }] },
      { tools: [{ name: 'Bash', input: { command: `cat ${file}`, description: 'show the note' } }] },
    );
  }
  return [...turns, { text: 'done' }];
}

/**
 * A plugin whose only hook is `node -e 0` on the same tool calls: the floor any Node hook
 * pays per call, against which relay's own cost shows.
 */
function noopHookPlugin(): string {
  const dir = tempDir('relay-bench-noop-plugin-');
  mkdirSync(join(dir, '.claude-plugin'));
  mkdirSync(join(dir, 'hooks'));
  writeFileSync(join(dir, '.claude-plugin', 'plugin.json'), JSON.stringify({ name: 'noop-hook', version: '0.0.0' }));
  const hook = { matcher: 'Edit|Write|MultiEdit|NotebookEdit|Bash', hooks: [{ type: 'command', command: 'node -e 0', timeout: 5 }] };
  writeFileSync(join(dir, 'hooks', 'hooks.json'), JSON.stringify({ hooks: { PostToolUse: [hook], PostToolUseFailure: [hook] } }));
  return dir;
}

/** One headless session of 30 tool calls in a fresh project with an epic; wall time in ms. */
async function session(pluginDir: string | undefined, turnDelayMs = 0): Promise<number> {
  const repo = tempProject();
  writeFileSync(join(repo, 'plan.md'), blueprint(3));
  const init = relay(repo, ['init', 'plan.md']);
  if (init.code !== 0) throw new Error(`bench: relay init failed: ${init.stderr}`);
  const turns = sessionScript(repo);
  const model = await startFakeModel((req) => ({ ...turns[Math.min(req.turnIndex, turns.length - 1)]!, ...(turnDelayMs ? { delayMs: turnDelayMs } : {}) }));
  try {
    const run = await runClaude({ cwd: repo, modelUrl: model.url, timeoutMs: 180_000, args: headlessArgs('bench session'), ...(pluginDir ? { pluginDir } : {}) });
    if (run.exitCode !== 0 || run.json?.num_turns !== SESSION_TOOL_CALLS + 1) throw new Error(`bench: session failed (exit ${run.exitCode}, ${run.json?.num_turns} turns): ${run.stderr}`);
    return run.durationMs;
  } finally {
    await model.close();
  }
}

async function sessionOverhead(): Promise<BenchRow[]> {
  const variants = { none: undefined, noop: noopHookPlugin(), relay: REPO };
  const times: Record<keyof typeof variants, number[]> = { none: [], noop: [], relay: [] };
  for (const dir of Object.values(variants)) await session(dir); // warm-up: the first runs pay for cold caches
  // Interleaved like sideBySide (which is synchronous; the fake model needs this event loop).
  for (let i = 0; i < SESSION_RUNS; i++) {
    for (const [name, dir] of Object.entries(variants) as Array<[keyof typeof variants, string | undefined]>) times[name].push(await session(dir));
  }
  const [none, noop, relayMs] = [median(times.none), median(times.noop), median(times.relay)];
  // A real model takes seconds per turn; the instant scripted model makes the ratios above a
  // worst case, so the same session is also measured with a model that thinks MODEL_TURN_MS per turn.
  const paced: Record<'none' | 'relay', number[]> = { none: [], relay: [] };
  for (let i = 0; i < PACED_RUNS; i++) {
    paced.none.push(await session(undefined, MODEL_TURN_MS));
    paced.relay.push(await session(REPO, MODEL_TURN_MS));
  }
  const [pacedNone, pacedRelay] = [median(paced.none), median(paced.relay)];
  const common = { name: `real Claude Code session, ${SESSION_TOOL_CALLS} tool calls`, command: 'claude -p … --plugin-dir . (scripted model answering at once)', unit: 'ms', value: Math.round(relayMs) };
  return [
    {
      ...common, baseline: Math.round(none), baselineLabel: 'same session without the plugin', ratio: ratio(relayMs, none), goal: '≤ 1.15×',
      notes: `median of ${SESSION_RUNS} each, interleaved; every relay hook fires; ${Math.round((relayMs - none) / SESSION_TOOL_CALLS)} ms per tool call against a model that answers instantly (worst case)`,
    },
    {
      ...common, baseline: Math.round(noop), baselineLabel: 'same session with only a `node -e 0` hook per tool call', ratio: ratio(relayMs, noop),
      notes: `the no-op Node hook alone is ${ratio(noop, none)}× the session without plugins: the floor for any synchronous Node hook`,
    },
    {
      name: `real Claude Code session, ${SESSION_TOOL_CALLS} tool calls, model taking ${MODEL_TURN_MS / 1000} s per turn`,
      command: `claude -p … --plugin-dir . (scripted model, ${MODEL_TURN_MS} ms per turn)`,
      unit: 'ms', value: Math.round(pacedRelay), baseline: Math.round(pacedNone), baselineLabel: 'same session without the plugin', ratio: ratio(pacedRelay, pacedNone), goal: '≤ 1.15×',
      notes: `median of ${PACED_RUNS} each, interleaved`,
    },
  ];
}

/** Events per second across WRITERS processes whose loops start together. */
async function appendThroughput(mode: 'hook' | 'baseline'): Promise<{ perSecond: number; lines: number; root: string }> {
  const root = tempProject();
  mkdirSync(join(root, '.agents-os'));
  const writer = join(REPO, 'test', 'hooks', 'support', 'hook-writer.ts');
  const startAt = Date.now() + 6_000; // every tsx process is up by then, so the loops overlap
  const outputs = await Promise.all(Array.from({ length: WRITERS }, () =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', writer, root, String(EVENTS_PER_WRITER), mode, String(startAt)], { cwd: REPO, env: cleanEnv })));
  const spans = outputs.map((o) => JSON.parse(o.stdout) as { start: number; end: number });
  const seconds = (Math.max(...spans.map((s) => s.end)) - Math.min(...spans.map((s) => s.start))) / 1000;
  const files = mode === 'hook' ? spawnSync('find', [join(root, '.agents-os', 'ledger'), '-name', '*.jsonl'], { encoding: 'utf8' }).stdout.trim().split('\n') : [join(root, 'baseline.jsonl')];
  const lines = files.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').filter(Boolean).length, 0);
  return { perSecond: (WRITERS * EVENTS_PER_WRITER) / Math.max(seconds, 0.001), lines, root };
}

async function concurrentAppends(): Promise<BenchRow> {
  const baseline = await appendThroughput('baseline');
  const hook = await appendThroughput('hook');
  const validate = relay(hook.root, ['events', 'validate']);
  return {
    name: `concurrent appends, ${WRITERS} processes × ${EVENTS_PER_WRITER} events`, command: 'test/hooks/support/hook-writer.ts <root> N hook|baseline', unit: 'events/s',
    value: Math.round(hook.perSecond), baseline: Math.round(baseline.perSecond), baselineLabel: 'fs.appendFileSync of a constant line', ratio: ratio(hook.perSecond, baseline.perSecond),
    notes: `higher is better; hook side wrote ${hook.lines}/${WRITERS * EVENTS_PER_WRITER} lines, relay events validate exit ${validate.code}`,
  };
}

export async function run(): Promise<BenchRow[]> {
  return [...hookLatency(), ...(await sessionOverhead()), await concurrentAppends()];
}
