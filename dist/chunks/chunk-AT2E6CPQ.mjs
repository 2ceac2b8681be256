import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  projectPaths,
  safeSegment,
  writeFileAtomic
} from "./chunk-FBIE3MHA.mjs";

// scripts/hooks/agent-status.ts
import { join } from "node:path";
function agentStatusFile(root, agent) {
  return join(projectPaths(root).agentsDir, safeSegment(agent), "status.json");
}
function writeAgentStatus(ctx, state, last) {
  const status = {
    agent: ctx.agent,
    state,
    updated_at: last.timestamp,
    current_task: ctx.taskId ?? null,
    attempt: ctx.attempt ?? null,
    session_id: ctx.sessionId ?? null,
    last_event: { id: last.id, event: last.event, summary: last.summary, timestamp: last.timestamp }
  };
  writeFileAtomic(agentStatusFile(ctx.root, ctx.agent), `${JSON.stringify(status, null, 2)}
`);
}

export {
  writeAgentStatus
};
