/**
 * `relay run --agent NAME [--task ID] [--heartbeat S] [--timeout M] -- CMD [ARGS…]`: any command
 * as an agent's work order. task_start before it starts, a heartbeat every S seconds, then
 * task_result (and error when it failed) with the exit code, the duration, the files it changed
 * (git, before against after) and a redacted tail of its output; status.json busy, then idle or
 * error. The command's stdin, stdout and stderr are the terminal's, and its exit code is relay's.
 */
import type { EventLine } from '../core/events/events.ts';
import { workOrderEnd, workOrderExitCode, workOrderHeartbeat, workOrderStart, type WorkOrder } from '../core/events/work-order.ts';
import { RelayError } from '../core/shared/errors.ts';
import { appendEvent } from '../adapters/event-ledger.ts';
import { writeAgentStatus } from '../adapters/agent-status.ts';
import { workerEnv, runProcess } from '../adapters/executor.ts';
import { changedFiles, snapshotTree } from '../adapters/git.ts';
import { currentProject } from '../adapters/project.ts';

const AGENT_NAME = /^[A-Za-z0-9._-]{1,64}$/;
/** The longest a timer can wait; "no timeout" means this. */
const NO_TIMEOUT_MS = 2 ** 31 - 1;

export async function runCommand(command: string[], opts: { agent: string; task?: string; heartbeat?: number; timeout?: number }): Promise<void> {
  if (!AGENT_NAME.test(opts.agent)) throw new RelayError(`--agent: "${opts.agent}" is not a path-safe agent name (letters, digits, ".", "_" and "-", up to 64)`, 2);
  if (!command.length) throw new RelayError('no command given: relay run --agent NAME -- CMD [ARGS…]', 2);
  const paths = currentProject();
  const order: WorkOrder = { agent: opts.agent, command, ...(opts.task ? { taskId: opts.task } : {}) };
  const source = { root: paths.root, agent: opts.agent, heartbeatS: opts.heartbeat ?? 60, ...(opts.task ? { taskId: opts.task } : {}) };
  const note = (event: Parameters<typeof appendEvent>[1], state: 'busy' | 'idle' | 'error'): EventLine => {
    const line = appendEvent(paths.root, event);
    writeAgentStatus(source, state, line);
    return line;
  };

  const before = await snapshotTree(paths.root);
  note(workOrderStart(order), 'busy');
  const started = Date.now();
  const heartbeat = setInterval(() => note(workOrderHeartbeat(order, Date.now() - started), 'busy'), (opts.heartbeat ?? 60) * 1000);
  const abort = new AbortController();
  const stop = () => abort.abort();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
  const [cmd, ...args] = command;
  const run = await runProcess(cmd!, args, { cwd: process.cwd(), env: workerEnv({}), timeoutMs: opts.timeout ? opts.timeout * 60_000 : NO_TIMEOUT_MS, signal: abort.signal, passThrough: true });
  clearInterval(heartbeat);
  const files = await changedFiles(paths.root, before, await snapshotTree(paths.root));
  const events = workOrderEnd(order, run, files);
  const failed = events.some((e) => e.event === 'error');
  for (const event of events) note(event, failed ? 'error' : 'idle');
  if (run.spawnError) process.stderr.write(`relay: ${cmd}: could not start (${run.spawnError.split('\n')[0]})\n`);
  process.exitCode = workOrderExitCode(run);
}
