/**
 * SessionStart (startup, resume, clear, compact). In a project with an epic, hand the model
 * the re-anchoring context for the current task through `additionalContext`; after a
 * compaction, add what this session had done before it. Then record `session_start` and
 * mark the agent idle. A project without `.agents-os/relay/epic.yml` gets no context.
 */
import { existsSync } from 'node:fs';
import { nextReadyTask } from '../core/epic/attempts.ts';
import { projectPaths } from '../core/shared/paths.ts';
import { redact, truncate } from '../core/shared/redact.ts';
import type { AttemptLedger, Epic } from '../core/shared/schemas.ts';
import { renderSessionBody, summarizeSession } from '../core/events/session-summary.ts';
import { taskAnchor } from '../adapters/anchor-context.ts';
import { loadState } from '../adapters/state.ts';
import { record, text, type HookContext, type HookOutput } from './context.ts';
import { writeAgentStatus } from '../adapters/agent-status.ts';
import { recentSessionEvents } from '../adapters/session-summaries.ts';
import { mergeDriverProblem } from '../adapters/git-setup.ts';

/** Claude Code keeps about 10,000 characters of a hook's additionalContext; stay clear of the cut. */
export const CONTEXT_LIMIT = 9_500;
const RECAP_CHARS = 1_500;

interface Anchoring {
  taskId?: string;
  context: string;
  /** Ids of the memories the context holds, recorded so this session is never given them again. */
  memories?: string[];
}

/** Memories earlier SessionStarts of this session handed over (a resume, a clear, a compaction comes back to the same session). */
function memoriesGiven(ctx: HookContext, source: string): Set<string> {
  if (source === 'startup' || !ctx.sessionId) return new Set();
  return new Set(recentSessionEvents(ctx.root, ctx.sessionId).flatMap((e) => (e.event === 'session_start' && Array.isArray(e.data?.memories) ? e.data.memories.map(String) : [])));
}

/** The worker's own task, else the task a worker is on right now, else the next one ready. */
function currentTask(epic: Epic, ledger: AttemptLedger, workerTask: string | undefined): string | undefined {
  if (workerTask && workerTask in epic.tasks) return workerTask;
  return Object.keys(epic.tasks).find((id) => ledger.task_status[id] === 'in_progress') ?? nextReadyTask(epic, ledger);
}

function compactionRecap(ctx: HookContext): string | undefined {
  if (!ctx.sessionId) return undefined;
  const events = recentSessionEvents(ctx.root, ctx.sessionId);
  if (!events.length) return undefined;
  return truncate(`## What this session did before compaction\n${renderSessionBody(summarizeSession(ctx.sessionId, events))}`, RECAP_CHARS);
}

async function anchorSession(ctx: HookContext, source: string): Promise<Anchoring> {
  const paths = projectPaths(ctx.root);
  const { epic, ledger } = loadState(paths);
  const taskId = currentTask(epic, ledger, ctx.taskId);
  if (!taskId) {
    const ids = Object.keys(epic.tasks);
    const done = ids.filter((id) => ledger.task_status[id] === 'completed').length;
    return { context: `relay: epic "${epic.title}" has ${done}/${ids.length} tasks completed and none ready to work on. Run /relay:status for what blocks or gates the rest.` };
  }
  const attempt = ctx.attempt ? ` (attempt ${ctx.attempt})` : '';
  // A worker's prompt already is this brief (relay work builds it); repeat it only once the conversation may have lost it.
  if (ctx.taskId && source === 'startup') {
    return { taskId, context: `relay worker for task ${taskId}${attempt} of epic "${epic.title}". Your prompt is the task's full brief; \`relay anchor ${taskId}\` prints it again.` };
  }
  const header = ctx.taskId ? `relay re-anchor after ${source}: you are the relay worker for task ${taskId}${attempt}. Your brief follows.` : undefined;
  const recap = source === 'compact' ? compactionRecap(ctx) : undefined;
  const budget = CONTEXT_LIMIT - (header?.length ?? 0) - (recap?.length ?? 0) - 4;
  const anchor = await taskAnchor(paths, epic, ledger, taskId, { budget, audience: ctx.taskId ? 'worker' : 'session', given: memoriesGiven(ctx, source) });
  return { taskId, context: [header, recap, anchor.text].filter(Boolean).join('\n\n').slice(0, CONTEXT_LIMIT), memories: anchor.memories.map((m) => m.id) };
}

export async function onSessionStart(ctx: HookContext): Promise<HookOutput | undefined> {
  const source = text(ctx.payload.source) ?? 'startup';
  let anchoring: Anchoring | undefined;
  if (existsSync(projectPaths(ctx.root).epic)) {
    try {
      anchoring = await anchorSession(ctx, source);
    } catch (err) {
      // A broken epic must not cost the session; tell the model (and stderr) where to look instead.
      const problem = redact(err instanceof Error ? err.message : String(err)).split('\n')[0];
      process.stderr.write(`relay hook SessionStart: ${problem}\n`);
      anchoring = { context: `relay: this project has an epic, but it could not be read: ${problem}. Run \`relay status\` to see the problem.` };
    }
  }
  const line = record(ctx, 'session_start', `session ${source}${anchoring?.taskId ? `, anchored on ${anchoring.taskId}` : ''}`, {
    source,
    anchored_task: anchoring?.taskId ?? null,
    context_chars: anchoring?.context.length ?? 0,
    ...(anchoring?.memories?.length ? { memories: anchoring.memories } : {}),
    ...(text(ctx.payload.model) ? { model: ctx.payload.model } : {}),
  });
  writeAgentStatus(ctx, 'idle', line);
  // A worker's session is relay's own; the person hears about a missing driver in theirs.
  const problem = ctx.taskId ? null : mergeDriverProblem(projectPaths(ctx.root));
  const notice = problem ? `relay: ${problem}. Run once in this clone: relay setup` : undefined;
  const context = [notice, anchoring?.context].filter(Boolean).join('\n\n');
  if (!context) return undefined;
  return { ...(notice ? { systemMessage: notice } : {}), hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: context } };
}
