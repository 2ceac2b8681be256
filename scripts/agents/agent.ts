/**
 * The one interface every worker agent CLI sits behind. `relay work` asks an agent to run a
 * task attempt and, when the reviewer is that agent, a read-only question (the review); the
 * adapter turns its CLI's flags and output into relay's verdicts. Adding an agent means
 * adding a file here and a line in AGENTS (docs/architecture.md, "Add an agent").
 */
import type { WorkerVerdict } from '../core/epic/worker.ts';
import type { RelayConfig } from '../core/shared/schemas.ts';
import { RelayError } from '../core/shared/errors.ts';
import { claudeAgent } from './claude.ts';
import { codexAgent } from './codex-worker.ts';
import { geminiAgent } from './gemini-worker.ts';

export interface AgentRun {
  prompt: string;
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  /** Aborted on SIGINT/SIGTERM/SIGHUP of relay itself. */
  signal?: AbortSignal;
  /** Marks every process of the run (adapters/process-tree.ts), so it can be ended even after relay dies. */
  mark?: string;
  /** Told the worker's pid once it runs (the run's state records it). */
  onSpawn?: (pid: number) => void;
}

export interface WorkerAgent {
  readonly name: string;
  /** One attempt of a task. Never throws for the agent's own failure: that is the verdict. */
  runTask(run: AgentRun): Promise<WorkerVerdict>;
  /** One read-only question answered as JSON matching `jsonSchema`; undefined when no usable answer came (a review is one: adapters/quality-gate.ts). */
  ask(run: AgentRun, jsonSchema: string): Promise<unknown>;
  /** Once before a run's first attempt in project `root`; returns a line to tell the user, if it changed anything. */
  prepare?(root: string): Promise<string | undefined>;
}

const AGENTS: Record<string, (config: RelayConfig) => WorkerAgent> = {
  claude: claudeAgent,
  codex: codexAgent,
  gemini: geminiAgent,
};

export const WORKER_AGENTS = Object.keys(AGENTS);

/** The worker agent `--agent` or `.agents.yml` names (`relay.agent`); Claude Code unless told otherwise. */
export function workerAgent(config: RelayConfig, name = config.agent ?? 'claude'): WorkerAgent {
  const make = Object.hasOwn(AGENTS, name) ? AGENTS[name] : undefined;
  if (!make) throw new RelayError(`unknown worker agent "${name}" (${config.agent === name ? '.agents.yml relay.agent' : '--agent'}): use one of ${WORKER_AGENTS.join(', ')}`, 2);
  return make(config);
}
