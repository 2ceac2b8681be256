import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  changedFiles,
  snapshotTree
} from "./chunk-LKQRVWEA.mjs";
import "./chunk-JUAYUJF3.mjs";
import "./chunk-7HUEV55X.mjs";
import {
  runProcess,
  workerEnv
} from "./chunk-EVSQAD4J.mjs";
import "./chunk-QXN5FNU5.mjs";
import "./chunk-5UF4JJLB.mjs";
import {
  writeAgentStatus
} from "./chunk-3AOP4IRD.mjs";
import "./chunk-R7325EED.mjs";
import {
  jsonLines
} from "./chunk-R5VAHXD7.mjs";
import {
  appendEvent
} from "./chunk-BCWZON6A.mjs";
import "./chunk-PEPFD4CA.mjs";
import {
  redact,
  truncate
} from "./chunk-OTZ4R5UM.mjs";
import "./chunk-3BMRPU2F.mjs";
import "./chunk-4WRLVYEW.mjs";
import {
  currentProject
} from "./chunk-5AAKOZ27.mjs";
import "./chunk-AV66IWWN.mjs";
import "./chunk-QMNJTYV7.mjs";
import "./chunk-3NNJAZC6.mjs";
import "./chunk-JTFCDVB4.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/core/events/work-order.ts
import { constants } from "node:os";
var SOURCE = "relay run";
var OUTPUT_TAIL = 1e3;
function base(order) {
  return { agent: order.agent, source: SOURCE, ...order.taskId ? { task_id: order.taskId } : {} };
}
function commandLine(command) {
  return truncate(redact(command.map((a) => /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`).join(" ")), 300);
}
function workOrderStart(order) {
  return { ...base(order), event: "task_start", summary: `started: ${commandLine(order.command)}`, data: { command: commandLine(order.command) } };
}
function workOrderHeartbeat(order, elapsedMs) {
  return { ...base(order), event: "heartbeat", summary: `still running after ${Math.round(elapsedMs / 1e3)} s`, data: { elapsed_ms: elapsedMs } };
}
function outcomeOf(run) {
  if (run.spawnError) return "not_started";
  if (run.timedOut) return "timeout";
  if (run.interrupted) return "interrupted";
  return run.exitCode === 0 ? "success" : "failure";
}
function workOrderExitCode(run) {
  if (run.spawnError) return 127;
  if (run.timedOut) return 124;
  if (run.interrupted) return 130;
  if (run.exitCode !== null) return run.exitCode;
  const number = run.signal ? constants.signals[run.signal] : void 0;
  return 128 + (number ?? 15);
}
function outputTail(run) {
  const text = redact(`${run.stdout}${run.stderr ? `${run.stdout ? "\n" : ""}${run.stderr}` : ""}`.trim());
  return text.length > OUTPUT_TAIL ? `\u2026${text.slice(-OUTPUT_TAIL)}` : text;
}
var num = (v) => typeof v === "number" && Number.isFinite(v) ? v : void 0;
function agentReport(stdout) {
  const report = {};
  for (const e of jsonLines(stdout)) {
    if (e.type === "turn.completed" && e.usage) Object.assign(report, { input_tokens: num(e.usage.input_tokens), output_tokens: num(e.usage.output_tokens) });
    else if (e.type === "item.completed" && e.item?.type === "agent_message" && typeof e.item.text === "string") report.final_message = e.item.text;
    else if (e.type === "result" && e.stats) Object.assign(report, { input_tokens: num(e.stats.input_tokens), output_tokens: num(e.stats.output_tokens) });
    else if (e.type === "message" && e.role !== "user" && typeof e.content === "string") report.final_message = e.delta ? `${report.final_message ?? ""}${e.content}` : e.content;
    else if (e.type === "assistant.message" && typeof (e.data?.content ?? e.content) === "string" && (e.data?.content ?? e.content)) report.final_message = e.data?.content ?? e.content;
    else if (e.type === "result" && typeof e.result === "string") Object.assign(report, { final_message: e.result, cost_usd: num(e.total_cost_usd), input_tokens: num(e.usage?.input_tokens), output_tokens: num(e.usage?.output_tokens) });
  }
  return Object.fromEntries(Object.entries(report).filter(([, v]) => v !== void 0));
}
function workOrderEnd(order, run, files) {
  const outcome = outcomeOf(run);
  const code = workOrderExitCode(run);
  const report = agentReport(run.stdout);
  if (report.final_message) report.final_message = truncate(redact(report.final_message), 500);
  const data = { result: outcome, exit_code: code, duration_ms: run.durationMs, files_changed: files, output_tail: outputTail(run), ...report, ...run.signal ? { signal: run.signal } : {} };
  const events = [{ ...base(order), event: "task_result", summary: `${outcome} (exit ${code}) in ${Math.round(run.durationMs / 1e3)} s: ${commandLine(order.command)}`, data }];
  if (outcome !== "success") {
    const why = run.spawnError ? redact(run.spawnError) : outcome === "timeout" ? "killed at its timeout" : outcome === "interrupted" ? "interrupted" : `exit ${code}`;
    events.push({ ...base(order), event: "error", summary: `${commandLine(order.command)}: ${truncate(why, 200)}`, data: { result: outcome, exit_code: code, output_tail: data.output_tail } });
  }
  return events;
}

// scripts/cli/run.ts
var AGENT_NAME = /^[A-Za-z0-9._-]{1,64}$/;
var NO_TIMEOUT_MS = 2 ** 31 - 1;
async function runCommand(command, opts) {
  if (!AGENT_NAME.test(opts.agent)) throw new RelayError(`--agent: "${opts.agent}" is not a path-safe agent name (letters, digits, ".", "_" and "-", up to 64)`, 2);
  if (!command.length) throw new RelayError("no command given: relay run --agent NAME -- CMD [ARGS\u2026]", 2);
  const paths = currentProject();
  const order = { agent: opts.agent, command, ...opts.task ? { taskId: opts.task } : {} };
  const source = { root: paths.root, agent: opts.agent, heartbeatS: opts.heartbeat ?? 60, ...opts.task ? { taskId: opts.task } : {} };
  const note = (event, state) => {
    const line = appendEvent(paths.root, event);
    writeAgentStatus(source, state, line);
    return line;
  };
  const before = await snapshotTree(paths.root);
  note(workOrderStart(order), "busy");
  const started = Date.now();
  const heartbeat = setInterval(() => note(workOrderHeartbeat(order, Date.now() - started), "busy"), (opts.heartbeat ?? 60) * 1e3);
  const abort = new AbortController();
  const stop = () => abort.abort();
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.once(signal, stop);
  const [cmd, ...args] = command;
  const run = await runProcess(cmd, args, { cwd: process.cwd(), env: workerEnv({}), timeoutMs: opts.timeout ? opts.timeout * 6e4 : NO_TIMEOUT_MS, signal: abort.signal, passThrough: true });
  clearInterval(heartbeat);
  const files = await changedFiles(paths.root, before, await snapshotTree(paths.root));
  const events = workOrderEnd(order, run, files);
  const failed = events.some((e) => e.event === "error");
  for (const event of events) note(event, failed ? "error" : "idle");
  if (run.spawnError) process.stderr.write(`relay: ${cmd}: could not start (${run.spawnError.split("\n")[0]})
`);
  process.exitCode = workOrderExitCode(run);
}
export {
  runCommand
};
