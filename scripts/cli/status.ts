/** `relay status`: progress, tasks, gates, blockers, the run, the next ready task, and the dashboard when `relay serve` runs. */
import { agentRows, buildStatus, renderStatus, type StatusReport } from '../core/epic/status.ts';
import type { ProjectPaths } from '../core/shared/paths.ts';
import { readAgentStatuses } from '../adapters/agent-status.ts';
import { currentProject } from '../adapters/project.ts';
import { readServeInfo, runInfo } from '../adapters/run-control.ts';
import { loadState } from '../adapters/state.ts';
import { painter, printJson, terminalWidth } from './output.ts';

/** The `relay.status/v1` document: what `status --json` prints and the dashboard's /api/status answers. */
export function statusReport(paths: ProjectPaths, now = Date.now()): StatusReport {
  const { epic, ledger } = loadState(paths);
  return buildStatus(epic, ledger, runInfo(paths), agentRows(readAgentStatuses(paths.root), now), now);
}

export function statusCommand(opts: { json?: boolean }): void {
  const paths = currentProject();
  const report = statusReport(paths);
  if (opts.json) printJson(report);
  else {
    const serve = readServeInfo(paths);
    process.stdout.write(`${renderStatus(report, painter(), terminalWidth())}\n${serve ? `\nDashboard: ${serve.url} (relay serve, pid ${serve.pid})\n` : ''}`);
  }
}
