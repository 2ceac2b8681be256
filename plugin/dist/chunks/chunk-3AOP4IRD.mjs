import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  agentStatusFile,
  projectPaths
} from "./chunk-AV66IWWN.mjs";
import {
  writeFileAtomic
} from "./chunk-JTFCDVB4.mjs";

// scripts/adapters/agent-status.ts
import { existsSync, readdirSync, readFileSync } from "node:fs";
function writeAgentStatus(source, state, last) {
  const status = {
    agent: source.agent,
    state,
    updated_at: last.timestamp,
    current_task: source.taskId ?? null,
    attempt: source.attempt ?? null,
    session_id: source.sessionId ?? null,
    ...source.heartbeatS ? { heartbeat_s: source.heartbeatS } : {},
    last_event: { id: last.id, event: last.event, summary: last.summary, timestamp: last.timestamp }
  };
  writeFileAtomic(agentStatusFile(source.root, source.agent), `${JSON.stringify(status, null, 2)}
`);
}
function readAgentStatuses(root) {
  const dir = projectPaths(root).agentsDir;
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => {
    try {
      const status = JSON.parse(readFileSync(agentStatusFile(root, d.name), "utf8"));
      return typeof status?.agent === "string" && typeof status.updated_at === "string" ? [status] : [];
    } catch {
      return [];
    }
  });
}

export {
  writeAgentStatus,
  readAgentStatuses
};
