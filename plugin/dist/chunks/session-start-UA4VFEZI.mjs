import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  recentSessionEvents
} from "./chunk-IHFUWU64.mjs";
import {
  record,
  text
} from "./chunk-HQQ2TQAV.mjs";
import {
  renderSessionBody,
  summarizeSession
} from "./chunk-ODGWY6BQ.mjs";
import "./chunk-HRINFOH6.mjs";
import {
  taskAnchor
} from "./chunk-ZO3K3OYJ.mjs";
import "./chunk-LKQRVWEA.mjs";
import "./chunk-KXSVJWNL.mjs";
import "./chunk-FLZRZ666.mjs";
import "./chunk-JUAYUJF3.mjs";
import "./chunk-GTO7XDNX.mjs";
import "./chunk-7HUEV55X.mjs";
import {
  mergeDriverProblem
} from "./chunk-3MPKPLF3.mjs";
import "./chunk-QXN5FNU5.mjs";
import "./chunk-5UF4JJLB.mjs";
import {
  writeAgentStatus
} from "./chunk-3AOP4IRD.mjs";
import {
  loadState
} from "./chunk-J73XRGZZ.mjs";
import "./chunk-R5VAHXD7.mjs";
import "./chunk-BCWZON6A.mjs";
import "./chunk-64IFK3RD.mjs";
import {
  nextReadyTask
} from "./chunk-PEPFD4CA.mjs";
import "./chunk-RKO5KVIC.mjs";
import {
  redact,
  truncate
} from "./chunk-OTZ4R5UM.mjs";
import "./chunk-3BMRPU2F.mjs";
import "./chunk-4WRLVYEW.mjs";
import "./chunk-5AAKOZ27.mjs";
import {
  projectPaths
} from "./chunk-AV66IWWN.mjs";
import "./chunk-QMNJTYV7.mjs";
import "./chunk-HVA2SMNT.mjs";
import "./chunk-4UMD7KWD.mjs";
import "./chunk-3NNJAZC6.mjs";
import "./chunk-JTFCDVB4.mjs";
import "./chunk-AZJUC4SK.mjs";
import "./chunk-NZBZCSN3.mjs";

// scripts/hooks/session-start.ts
import { existsSync } from "node:fs";
var CONTEXT_LIMIT = 9500;
var RECAP_CHARS = 1500;
function memoriesGiven(ctx, source) {
  if (source === "startup" || !ctx.sessionId) return /* @__PURE__ */ new Set();
  return new Set(recentSessionEvents(ctx.root, ctx.sessionId).flatMap((e) => e.event === "session_start" && Array.isArray(e.data?.memories) ? e.data.memories.map(String) : []));
}
function currentTask(epic, ledger, workerTask) {
  if (workerTask && workerTask in epic.tasks) return workerTask;
  return Object.keys(epic.tasks).find((id) => ledger.task_status[id] === "in_progress") ?? nextReadyTask(epic, ledger);
}
function compactionRecap(ctx) {
  if (!ctx.sessionId) return void 0;
  const events = recentSessionEvents(ctx.root, ctx.sessionId);
  if (!events.length) return void 0;
  return truncate(`## What this session did before compaction
${renderSessionBody(summarizeSession(ctx.sessionId, events))}`, RECAP_CHARS);
}
async function anchorSession(ctx, source) {
  const paths = projectPaths(ctx.root);
  const { epic, ledger } = loadState(paths);
  const taskId = currentTask(epic, ledger, ctx.taskId);
  if (!taskId) {
    const ids = Object.keys(epic.tasks);
    const done = ids.filter((id) => ledger.task_status[id] === "completed").length;
    return { context: `relay: epic "${epic.title}" has ${done}/${ids.length} tasks completed and none ready to work on. Run /relay:status for what blocks or gates the rest.` };
  }
  const attempt = ctx.attempt ? ` (attempt ${ctx.attempt})` : "";
  if (ctx.taskId && source === "startup") {
    return { taskId, context: `relay worker for task ${taskId}${attempt} of epic "${epic.title}". Your prompt is the task's full brief; \`relay anchor ${taskId}\` prints it again.` };
  }
  const header = ctx.taskId ? `relay re-anchor after ${source}: you are the relay worker for task ${taskId}${attempt}. Your brief follows.` : void 0;
  const recap = source === "compact" ? compactionRecap(ctx) : void 0;
  const budget = CONTEXT_LIMIT - (header?.length ?? 0) - (recap?.length ?? 0) - 4;
  const anchor = await taskAnchor(paths, epic, ledger, taskId, { budget, audience: ctx.taskId ? "worker" : "session", given: memoriesGiven(ctx, source) });
  return { taskId, context: [header, recap, anchor.text].filter(Boolean).join("\n\n").slice(0, CONTEXT_LIMIT), memories: anchor.memories.map((m) => m.id) };
}
async function onSessionStart(ctx) {
  const source = text(ctx.payload.source) ?? "startup";
  let anchoring;
  if (existsSync(projectPaths(ctx.root).epic)) {
    try {
      anchoring = await anchorSession(ctx, source);
    } catch (err) {
      const problem2 = redact(err instanceof Error ? err.message : String(err)).split("\n")[0];
      process.stderr.write(`relay hook SessionStart: ${problem2}
`);
      anchoring = { context: `relay: this project has an epic, but it could not be read: ${problem2}. Run \`relay status\` to see the problem.` };
    }
  }
  const line = record(ctx, "session_start", `session ${source}${anchoring?.taskId ? `, anchored on ${anchoring.taskId}` : ""}`, {
    source,
    anchored_task: anchoring?.taskId ?? null,
    context_chars: anchoring?.context.length ?? 0,
    ...anchoring?.memories?.length ? { memories: anchoring.memories } : {},
    ...text(ctx.payload.model) ? { model: ctx.payload.model } : {}
  });
  writeAgentStatus(ctx, "idle", line);
  const problem = ctx.taskId ? null : mergeDriverProblem(projectPaths(ctx.root));
  const notice = problem ? `relay: ${problem}. Run once in this clone: relay setup` : void 0;
  const context = [notice, anchoring?.context].filter(Boolean).join("\n\n");
  if (!context) return void 0;
  return { ...notice ? { systemMessage: notice } : {}, hookSpecificOutput: { hookEventName: "SessionStart", additionalContext: context } };
}
export {
  CONTEXT_LIMIT,
  onSessionStart
};
