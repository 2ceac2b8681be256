/** `relay status`: progress, tasks, gates, blockers, the run, and the next ready task. */
import { agentRows, buildStatus, renderStatus } from '../core/epic/status.ts';
import { readAgentStatuses } from '../adapters/agent-status.ts';
import { currentProject } from '../adapters/project.ts';
import { runInfo } from '../adapters/run-control.ts';
import { loadState } from '../adapters/state.ts';
import { painter, printJson, terminalWidth } from './output.ts';

export function statusCommand(opts: { json?: boolean }): void {
  const paths = currentProject();
  const { epic, ledger } = loadState(paths);
  const report = buildStatus(epic, ledger, runInfo(paths), agentRows(readAgentStatuses(paths.root), Date.now()), Date.now());
  if (opts.json) printJson(report);
  else process.stdout.write(`${renderStatus(report, painter(), terminalWidth())}\n`);
}
