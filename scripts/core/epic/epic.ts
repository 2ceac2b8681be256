import { Epic, Task, type Priority } from '../shared/schemas.ts';
import type { Blueprint, BlueprintTask } from './blueprint.ts';
import { RelayError } from '../shared/errors.ts';
import { parseWith } from '../shared/validate.ts';

/** Checks that the dependency graph is closed and acyclic; throws naming the task. */
export function validateTaskGraph(tasks: Record<string, Task>, file: string): void {
  for (const [id, task] of Object.entries(tasks)) {
    for (const dep of task.depends_on) {
      if (dep === id) throw new RelayError(`${file}: tasks.${id}.depends_on: ${id} depends on itself`);
      if (!(dep in tasks)) throw new RelayError(`${file}: tasks.${id}.depends_on: unknown task ${JSON.stringify(dep)}`);
    }
  }
  const cycle = findCycle(tasks);
  if (cycle) throw new RelayError(`${file}: tasks.${cycle[0]}.depends_on: dependency cycle ${cycle.join(' → ')}`);
}

/** Returns the first cycle as a closed path (first id repeated at the end), or undefined. */
export function findCycle(tasks: Record<string, { depends_on: string[] }>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of tasks[id]?.depends_on ?? []) {
      if (state.get(dep) === 'visiting') return [...stack.slice(stack.indexOf(dep)), dep];
      if (!state.has(dep) && dep in tasks) {
        const found = visit(dep);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of Object.keys(tasks)) {
    if (!state.has(id)) {
      const found = visit(id);
      if (found) return found;
    }
  }
  return undefined;
}

function taskFromBlueprint(t: BlueprintTask, file: string): Task {
  const where = `${file}:${t.line}`;
  if (!t.title) throw new RelayError(`${where}: tasks.${t.id}.title: task ${t.id} has an empty title`);
  if (t.priority !== undefined && !/^p[0-3]$/.test(t.priority)) {
    throw new RelayError(`${where}: tasks.${t.id}.priority: ${JSON.stringify(t.priority)} is not a priority (use p0, p1, p2 or p3)`);
  }
  let points: number | undefined;
  if (t.points !== undefined) {
    points = Number(t.points);
    if (!Number.isInteger(points) || points < 0) {
      throw new RelayError(`${where}: tasks.${t.id}.points: ${JSON.stringify(t.points)} is not a whole number of points`);
    }
  }
  return parseWith(
    Task,
    {
      title: t.title,
      ...(t.description ? { description: t.description } : {}),
      ...(t.priority ? { priority: t.priority as Priority } : {}),
      ...(points !== undefined ? { points } : {}),
      // A summary table and the task's own heading may both name the same files and dependencies.
      files: [...new Set(t.files)],
      depends_on: [...new Set(t.depends_on)],
      acceptance_criteria: t.acceptance_criteria,
      ...(t.verify.length ? { verify: t.verify } : {}),
    },
    where,
    ['tasks', t.id],
  );
}

export function epicFromBlueprint(bp: Blueprint, meta: { id: string; source: string; createdAt: string }, file: string): Epic {
  const tasks: Record<string, Task> = {};
  const lines = new Map<string, number>();
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
    tasks,
  }, file);
}

/** Validates an epic document as a whole (the schema, then the graph). */
export function checkEpic(value: unknown, file: string): Epic {
  const epic = parseWith(Epic, value, file);
  validateTaskGraph(epic.tasks, file);
  return epic;
}

/** A short, stable epic id derived from the title and creation time. */
export function epicId(title: string, createdAt: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'epic';
  return `${slug}-${createdAt.slice(0, 10).replace(/-/g, '')}`;
}
