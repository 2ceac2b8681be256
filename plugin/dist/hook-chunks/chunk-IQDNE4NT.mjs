import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  agentStatusFile
} from "./chunk-CPXVIHDN.mjs";
import {
  writeFileAtomic
} from "./chunk-FOMAKOLI.mjs";

// scripts/adapters/agent-status.ts
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

export {
  writeAgentStatus
};
