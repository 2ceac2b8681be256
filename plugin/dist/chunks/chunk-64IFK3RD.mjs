import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);
import {
  Epic,
  Task,
  TaskId
} from "./chunk-QMNJTYV7.mjs";
import {
  parseWith
} from "./chunk-4UMD7KWD.mjs";
import {
  RelayError
} from "./chunk-AZJUC4SK.mjs";

// scripts/core/shared/suggest.ts
function editDistance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
function closest(name, known) {
  const lower = name.toLowerCase();
  let best;
  for (const k of known) {
    const distance = editDistance(lower, k.toLowerCase());
    const allowed = Math.min(3, Math.max(1, Math.floor(k.length / 4)));
    if (distance <= allowed && (!best || distance < best.distance)) best = { name: k, distance };
  }
  return best?.name;
}
function refuseMisspeltField(label, spellings, file, line) {
  const near = closest(label, spellings);
  if (near) throw new RelayError(`${file}:${line}: unknown field "${label}" (did you mean "${near}"?); fix the label, or reword the line if it is prose`);
}

// scripts/core/epic/epic.ts
var isTaskId = (id) => TaskId.safeParse(id).success;
function validateTaskGraph(tasks, file, locate) {
  const lineOf = (id) => locate?.(["tasks", id, "depends_on"]) ?? locate?.(["tasks", id]);
  const at = (id) => `${file}${lineOf(id) ? `:${lineOf(id)}` : ""}`;
  const ids = Object.keys(tasks);
  for (const [id, task] of Object.entries(tasks)) {
    for (const dep of task.depends_on) {
      if (dep === id) throw new RelayError(`${at(id)}: tasks.${id}.depends_on: ${id} depends on itself; remove "${dep}" from its dependencies`);
      if (!isTaskId(dep)) throw new RelayError(`${at(id)}: tasks.${id}.depends_on: ${JSON.stringify(dep)} is not a task id; list ids separated by commas, such as "T1, T2"`);
      if (!(dep in tasks)) {
        const near = closest(dep, ids);
        throw new RelayError(`${at(id)}: tasks.${id}.depends_on: unknown task ${JSON.stringify(dep)}${near ? ` (did you mean ${near}?)` : ""}; the epic has ${ids.slice(0, 12).join(", ")}${ids.length > 12 ? ", \u2026" : ""}`);
      }
    }
  }
  const cycle = findCycle(tasks);
  if (cycle) {
    const lines = cycle.slice(0, -1).map((id) => lineOf(id) ? `${id} line ${lineOf(id)}` : id).join(", ");
    throw new RelayError(`${at(cycle[0])}: tasks.${cycle[0]}.depends_on: dependency cycle ${cycle.join(" \u2192 ")} (${lines}); remove one of these dependencies`);
  }
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
  const badDep = t.depends_on.find((d) => !isTaskId(d));
  if (badDep !== void 0) {
    throw new RelayError(`${file}:${t.fieldLines?.depends_on ?? t.line}: tasks.${t.id}.depends_on: ${JSON.stringify(badDep)} is not a task id; list ids separated by commas, such as "T1, T2"`);
  }
  if (!t.title) throw new RelayError(`${where}: tasks.${t.id}.title: task ${t.id} has an empty title`);
  if (t.priority !== void 0 && !/^p[0-3]$/.test(t.priority)) {
    throw new RelayError(`${file}:${t.fieldLines?.priority ?? t.line}: tasks.${t.id}.priority: ${JSON.stringify(t.priority)} is not a priority (use p0, p1, p2 or p3)`);
  }
  let points;
  if (t.points !== void 0) {
    points = Number(t.points);
    if (!Number.isInteger(points) || points < 0) {
      throw new RelayError(`${file}:${t.fieldLines?.points ?? t.line}: tasks.${t.id}.points: ${JSON.stringify(t.points)} is not a whole number of points (use 0, 1, 2, \u2026)`);
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
      ...t.verify.length ? { verify: t.verify } : {},
      ...t.steps?.length ? { steps: t.steps } : {},
      ...t.requirements?.length ? { requirements: t.requirements } : {},
      source_line: t.line
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
  validateTaskGraph(tasks, file, (path) => {
    const t = bp.tasks.find((k) => k.id === path[1]);
    return path[2] === "depends_on" ? t?.fieldLines?.depends_on ?? t?.line : t?.line;
  });
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
function checkEpic(value, file, locate) {
  const epic = parseWith(Epic, value, file, [], locate);
  validateTaskGraph(epic.tasks, file, locate);
  return epic;
}
function epicId(title, createdAt) {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "epic";
  return `${slug}-${createdAt.slice(0, 10).replace(/-/g, "")}`;
}

export {
  refuseMisspeltField,
  epicFromBlueprint,
  checkEpic,
  epicId
};
