import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  gitFacts
} from "./chunk-LKQRVWEA.mjs";
import {
  openRecallIndex
} from "./chunk-KXSVJWNL.mjs";
import {
  pickMemories,
  taskQuery
} from "./chunk-GTO7XDNX.mjs";

// scripts/core/epic/anchor.ts
var ANCHOR_BUDGET = 8e3;
var MAX_LIST = 15;
function capList(items, max, render) {
  const lines = items.slice(0, max).map(render);
  if (items.length > max) lines.push(`- \u2026 and ${items.length - max} more`);
  return lines;
}
function clip(text, max) {
  const flat = text.trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}\u2026`;
}
function gitSection(git) {
  if (!git) return "## Git state\nNot a git repository: relay cannot show what changed.";
  const lines = ["## Git state", `Branch \`${git.branch}\`${git.head ? ` at ${git.head.sha.slice(0, 10)} "${clip(git.head.subject, 100)}"` : " (no commits yet)"}.`];
  if (git.dirty.length) {
    lines.push(`Uncommitted changes in ${git.dirty.length} file(s):`, ...capList(git.dirty, MAX_LIST, (f) => `- ${f}`));
    if (git.diffstat) lines.push("```", clip(git.diffstat, 800), "```");
  } else {
    lines.push("The working tree is clean.");
  }
  if (git.commitsSinceStart.length) {
    lines.push(`Commits since the epic started (${git.commitsSinceStart.length}):`, ...capList(git.commitsSinceStart, MAX_LIST, (c) => `- ${c.sha.slice(0, 10)} ${clip(c.subject, 100)}`));
  }
  return lines.join("\n");
}
function epicSection(epic, ledger) {
  const ids = Object.keys(epic.tasks);
  const done = ids.filter((id) => ledger.task_status[id] === "completed");
  const points = (list) => list.reduce((s, id) => s + epic.tasks[id].points, 0);
  const lines = [`## Epic: ${epic.title}`];
  if (epic.description) lines.push(clip(epic.description, 1500));
  lines.push(`Progress: ${done.length}/${ids.length} tasks, ${points(done)}/${points(ids)} points.${done.length ? ` Completed: ${done.join(", ")}.` : ""}`);
  return lines.join("\n");
}
function taskSection(epic, taskId) {
  const task = epic.tasks[taskId];
  const lines = [`## Your task: ${taskId} \u2014 ${task.title}`, `Priority ${task.priority}, ${task.points} point(s).`];
  if (task.description) lines.push(clip(task.description, 1500));
  if (task.files.length) lines.push("Files:", ...task.files.map((f) => `- ${f}`));
  if (task.steps?.length) lines.push("Steps the plan gives:", ...capList(task.steps, 30, (s) => `- ${clip(s, 300)}`));
  if (task.requirements?.length) lines.push(`Requirements: ${task.requirements.join(", ")}`);
  if (task.acceptance_criteria.length) lines.push("Acceptance criteria:", ...task.acceptance_criteria.map((c) => `- ${c}`));
  if (task.verify?.length) lines.push("Verify (relay runs these after you finish; each must exit 0):", ...task.verify.map((v) => `- \`${v}\``));
  return lines.join("\n");
}
function dependencySection(epic, ledger, taskId) {
  const deps = epic.tasks[taskId].depends_on;
  if (!deps.length) return void 0;
  const lines = ["## What the tasks you depend on produced"];
  for (const dep of deps) {
    const win = [...ledger.attempts[dep] ?? []].reverse().find((a) => a.result === "success");
    const r = win?.receipt;
    if (!r) {
      lines.push(`- ${dep} (${epic.tasks[dep]?.title}): no receipt recorded.`);
      continue;
    }
    const files = win.git?.files_changed.length ? win.git.files_changed : r.files_changed;
    lines.push(`- ${dep} (${epic.tasks[dep]?.title}), attempt ${win.id}: ${clip(r.summary, 300)}${files.length ? ` Files: ${files.slice(0, 10).join(", ")}.` : ""}${r.learning ? ` Learning: ${clip(r.learning, 200)}` : ""}`);
  }
  return lines.join("\n");
}
function attemptBlock(a) {
  const r = a.receipt;
  const head = `### Attempt ${a.id} \u2014 ${a.result}${r?.error_category ? ` (${r.error_category})` : ""}`;
  const lines = [head];
  if (a.result === "interrupted") lines.push("Interrupted before it finished (does not count toward gating). Check the working tree for its partial changes.");
  if (r?.approach_taken) lines.push(`Tried: ${clip(r.approach_taken, 400)}`);
  else if (r?.summary) lines.push(`Summary: ${clip(r.summary, 400)}`);
  if (r?.error_summary) lines.push(`Error: ${clip(r.error_summary, 600)}`);
  if (r?.quality_gate_verdict) lines.push(`Quality gate: ${r.quality_gate_verdict}`);
  if (r?.quality_gate_findings.length) lines.push("Findings:", ...r.quality_gate_findings.slice(0, 8).map((f) => `- ${clip(f, 300)}`));
  if (r?.suggestion) lines.push(`Suggestion: ${clip(r.suggestion, 400)}`);
  if (a.flags.length) lines.push(`Flags: ${a.flags.join(", ")}`);
  return lines.join("\n");
}
function differentlySection(attempts) {
  const failures = attempts.filter((a) => a.result === "failure");
  const last = failures.at(-1);
  if (!last) return void 0;
  const lines = ["## What to do differently this time"];
  lines.push(`This is attempt ${attempts.length + 1}. ${failures.length} earlier attempt(s) failed; the same approach will fail again.`);
  if (last.receipt?.error_summary) lines.push(`- The last failure was: "${clip(last.receipt.error_summary, 300)}". Find its cause before changing code.`);
  if (last.receipt?.suggestion) lines.push(`- The last attempt suggested: ${clip(last.receipt.suggestion, 300)}`);
  if (last.receipt?.quality_gate_findings.length) lines.push("- Address every quality-gate finding above.");
  lines.push("- If the same error comes back, relay gates this task as repeated_failure, so change the approach, not just the details.");
  return lines.join("\n");
}
var MEMORY_BUDGET = 1200;
var MEMORY_SECTION_HEADING = "## Relevant memories from this project";
var plain = (text) => text.replace(/\s+/g, " ").trim().toLowerCase();
function memoryParts(text) {
  return text.split(" | ").map((part) => plain(part.replace(/^[^:]{0,80}:\s*/, "").replace(/^[^:]{0,20}:\s*/, ""))).filter((part) => part.length >= 12);
}
function memorySection(memories, shown) {
  let seen = plain(shown);
  const lines = [];
  let size = MEMORY_SECTION_HEADING.length;
  for (const m of memories ?? []) {
    if (memoryParts(m.text).every((part) => seen.includes(part.slice(0, 160)))) continue;
    const line = `- [${m.source}] ${clip(m.text, 350)} (${m.link})`;
    if (size + line.length + 1 > MEMORY_BUDGET) break;
    lines.push(line);
    size += line.length + 1;
    seen += ` ${plain(m.text)}`;
  }
  return lines.length ? [MEMORY_SECTION_HEADING, ...lines].join("\n") : void 0;
}
var FINISH = `## When you finish
Call the StructuredOutput tool exactly once with your receipt:
- success: status "success", summary, files_changed, tests_passed, learning (a specific, reusable lesson), pattern_tags;
- failure: status "failure", error_category (code_error, test_failure, timeout, cli_error, quality_gate, missing_dependency), error_summary, approach_taken, suggestion (what the next attempt should do differently), learning, pattern_tags.
Be honest: relay compares your claims with git and runs the verify commands itself.`;
function buildAnchor(input) {
  const { epic, ledger, taskId } = input;
  const budget = input.budget ?? ANCHOR_BUDGET;
  const attempts = (ledger.attempts[taskId] ?? []).filter((a) => a.result !== "in_progress");
  const worker = (input.audience ?? "worker") === "worker";
  const head = worker ? `# relay task ${taskId}: ${epic.tasks[taskId].title}
You are a relay worker: a fresh Claude Code session that carries out one task of an epic. Work in this repository, keep to the task, and commit nothing unrelated.` : `# relay epic in progress \u2014 current task ${taskId}: ${epic.tasks[taskId].title}
This project has a relay epic. Below is the brief relay hands to the worker of its current task; use it to orient yourself. \`relay status\` shows the whole epic.`;
  const blocks = attempts.map(attemptBlock);
  const compose = (kept2, optional) => {
    const trimmed = blocks.length - kept2.length;
    const history = blocks.length ? [`## Previous attempts of this task (${attempts.length})`, ...trimmed ? [`[\u2026 ${trimmed} older attempt(s) trimmed to fit; run \`relay status --json\` for all of them]`] : [], ...kept2].join("\n\n") : void 0;
    const told = [taskSection(epic, taskId), dependencySection(epic, ledger, taskId), history, differentlySection(attempts)];
    return [
      head,
      ...told,
      memorySection(input.memories, told.filter(Boolean).join("\n")),
      optional.git ? gitSection(input.git) : void 0,
      optional.epic ? epicSection(epic, ledger) : void 0,
      worker ? FINISH : void 0
    ].filter((p) => Boolean(p)).join("\n\n");
  };
  let kept = blocks;
  let text = compose(kept, { epic: true, git: true });
  while (text.length > budget && kept.length > 1) {
    kept = kept.slice(1);
    text = compose(kept, { epic: true, git: true });
  }
  if (text.length > budget) text = compose(kept, { epic: false, git: true });
  if (text.length > budget) text = compose(kept, { epic: false, git: false });
  if (text.length > budget) text = `${text.slice(0, budget - 60)}
[\u2026 trimmed to the ${budget}-character budget]`;
  return text;
}

// scripts/adapters/anchor-context.ts
async function taskAnchor(paths, epic, ledger, taskId, options = {}) {
  const { given, cwd, ...anchorOptions } = options;
  const [git, recalled] = await Promise.all([gitFacts(cwd ?? paths.root, ledger.started_at), recallForTask(paths, epic, ledger, taskId, given)]);
  const text = buildAnchor({ epic, ledger, taskId, git, memories: recalled, ...anchorOptions });
  return { text, memories: recalled.filter((m) => text.includes(`(${m.link})`)) };
}
async function recallForTask(paths, epic, ledger, taskId, given = /* @__PURE__ */ new Set()) {
  const config = (await import("./config-5CWNYZD3.mjs")).loadRelayConfig(paths).recall;
  const limit = config?.limit ?? 3;
  const task = epic.tasks[taskId];
  if (config?.enabled === false || limit < 1 || !task) return [];
  const attempts = ledger.attempts[taskId] ?? [];
  const lastError = [...attempts].reverse().find((a) => a.result === "failure")?.receipt?.error_summary ?? null;
  const shown = /* @__PURE__ */ new Set([...attempts.flatMap((a) => a.recalled ?? []), ...given]);
  const told = /* @__PURE__ */ new Set([taskId, ...task.depends_on]);
  try {
    const index = await openRecallIndex(paths);
    const hits = index.search(taskQuery(task, lastError), { limit: limit * 3 + shown.size, exclude: (d) => d.source === "receipt" && told.has(d.task ?? "") });
    const history = lastError ? index.history(lastError, taskId) : null;
    return pickMemories(hits, history, shown, (id) => index.lookup(id), limit);
  } catch (err) {
    process.stderr.write(`relay: recall skipped: ${err.message}
`);
    return [];
  }
}

export {
  taskAnchor
};
