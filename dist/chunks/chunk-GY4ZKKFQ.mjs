import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  AttemptLedger,
  Epic,
  Task,
  loadYamlSnapshot,
  refreshStatuses,
  updateYaml
} from "./chunk-PH3F5M6G.mjs";
import {
  parseWith
} from "./chunk-YNRSTOJV.mjs";
import {
  appendEvent
} from "./chunk-6IC42XJH.mjs";
import {
  external_exports
} from "./chunk-R5CMOSTG.mjs";
import {
  RelayError
} from "./chunk-WNAZAN7Z.mjs";

// scripts/core/epic.ts
function validateTaskGraph(tasks, file) {
  for (const [id, task] of Object.entries(tasks)) {
    for (const dep of task.depends_on) {
      if (dep === id) throw new RelayError(`${file}: tasks.${id}.depends_on: ${id} depends on itself`);
      if (!(dep in tasks)) throw new RelayError(`${file}: tasks.${id}.depends_on: unknown task ${JSON.stringify(dep)}`);
    }
  }
  const cycle = findCycle(tasks);
  if (cycle) throw new RelayError(`${file}: tasks.${cycle[0]}.depends_on: dependency cycle ${cycle.join(" \u2192 ")}`);
}
function findCycle(tasks) {
  const state = /* @__PURE__ */ new Map();
  const stack = [];
  const visit = (id) => {
    state.set(id, "visiting");
    stack.push(id);
    for (const dep of tasks[id]?.depends_on ?? []) {
      if (state.get(dep) === "visiting") return [...stack.slice(stack.indexOf(dep)), dep];
      if (!state.has(dep) && dep in tasks) {
        const found = visit(dep);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, "done");
    return void 0;
  };
  for (const id of Object.keys(tasks)) {
    if (!state.has(id)) {
      const found = visit(id);
      if (found) return found;
    }
  }
  return void 0;
}
function taskFromBlueprint(t, file) {
  const where = `${file}:${t.line}`;
  if (!t.title) throw new RelayError(`${where}: tasks.${t.id}.title: task ${t.id} has an empty title`);
  if (t.priority !== void 0 && !/^p[0-3]$/.test(t.priority)) {
    throw new RelayError(`${where}: tasks.${t.id}.priority: ${JSON.stringify(t.priority)} is not a priority (use p0, p1, p2 or p3)`);
  }
  let points;
  if (t.points !== void 0) {
    points = Number(t.points);
    if (!Number.isInteger(points) || points < 0) {
      throw new RelayError(`${where}: tasks.${t.id}.points: ${JSON.stringify(t.points)} is not a whole number of points`);
    }
  }
  return parseWith(
    Task,
    {
      title: t.title,
      ...t.description ? { description: t.description } : {},
      ...t.priority ? { priority: t.priority } : {},
      ...points !== void 0 ? { points } : {},
      // A summary table and the task's own heading may both name the same files and dependencies.
      files: [...new Set(t.files)],
      depends_on: [...new Set(t.depends_on)],
      acceptance_criteria: t.acceptance_criteria,
      ...t.verify.length ? { verify: t.verify } : {}
    },
    where,
    ["tasks", t.id]
  );
}
function epicFromBlueprint(bp, meta, file) {
  const tasks = {};
  const lines = /* @__PURE__ */ new Map();
  for (const t of bp.tasks) {
    if (t.id in tasks) {
      throw new RelayError(`${file}:${t.line}: tasks.${t.id}: duplicate task id ${t.id} (first defined on line ${lines.get(t.id)})`);
    }
    lines.set(t.id, t.line);
    tasks[t.id] = taskFromBlueprint(t, file);
  }
  validateTaskGraph(tasks, file);
  return parseWith(Epic, {
    version: 1,
    id: meta.id,
    source: meta.source,
    created_at: meta.createdAt,
    title: bp.title,
    description: bp.description,
    tasks
  }, file);
}
function checkEpic(value, file) {
  const epic = parseWith(Epic, value, file);
  validateTaskGraph(epic.tasks, file);
  return epic;
}
function epicId(title, createdAt) {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "epic";
  return `${slug}-${createdAt.slice(0, 10).replace(/-/g, "")}`;
}

// scripts/adapters/state.ts
import { existsSync } from "node:fs";
function loadEpic(paths) {
  if (!existsSync(paths.epic)) throw new RelayError(`${paths.epic}: no epic here; create one with: relay init <blueprint.md>`);
  return checkEpic(loadYamlSnapshot(paths.epic, external_exports.unknown(), paths.epicSnapshot), paths.epic);
}
function checkLedgerMatches(epic, ledger, file) {
  if (ledger.epic_id !== epic.id) throw new RelayError(`${file}: epic_id: "${ledger.epic_id}" does not match epic.yml id "${epic.id}"; re-run relay init`);
}
function loadState(paths) {
  const epic = loadEpic(paths);
  if (!existsSync(paths.attemptLedger)) throw new RelayError(`${paths.attemptLedger}: file not found; re-run relay init`);
  const ledger = loadYamlSnapshot(paths.attemptLedger, AttemptLedger, paths.ledgerSnapshot);
  checkLedgerMatches(epic, ledger, paths.attemptLedger);
  return { epic, ledger: refreshStatuses(epic, ledger) };
}
async function mutateLedger(paths, change) {
  const epic = loadEpic(paths);
  let events = [];
  const result = await updateYaml(paths.attemptLedger, AttemptLedger, (current) => {
    checkLedgerMatches(epic, current, paths.attemptLedger);
    const outcome = change(epic, refreshStatuses(epic, current));
    events = outcome.events ?? [];
    return { next: outcome.ledger, result: outcome.result };
  }, paths.ledgerSnapshot);
  for (const event of events) appendEvent(paths.root, event);
  return result;
}

export {
  epicFromBlueprint,
  checkEpic,
  epicId,
  loadState,
  mutateLedger
};
