/** `relay status`: progress, tasks, gates, blockers, the run, the next ready task, and the dashboard when `relay serve` runs. */
import { agentRows, buildStatus, renderStatus } from '../core/epic/status.ts';
import { readAgentStatuses } from '../adapters/agent-status.ts';
import { currentProject } from '../adapters/project.ts';
import { readServeInfo, runInfo } from '../adapters/run-control.ts';
import { loadState } from '../adapters/state.ts';
import { painter, printJson, terminalWidth } from './output.ts';

export function statusCommand(opts: { json?: boolean }): void {
  const paths = currentProject();
  const { epic, ledger } = loadState(paths);
  const report = buildStatus(epic, ledger, runInfo(paths), agentRows(readAgentStatuses(paths.root), Date.now()), Date.now());
  if (opts.json) printJson(report);
  else {
    const serve = readServeInfo(paths);
    process.stdout.write(`${renderStatus(report, painter(), terminalWidth())}\n${serve ? `\nDashboard: ${serve.url} (relay serve, pid ${serve.pid})\n` : ''}`);
  }
}
