import { Epic, Task, TaskId, type Priority } from '../shared/schemas.ts';
import type { Blueprint, BlueprintTask } from './blueprint.ts';
import { RelayError } from '../shared/errors.ts';
import { closest } from '../shared/suggest.ts';
import { parseWith, type Locate } from '../shared/validate.ts';

const isTaskId = (id: string) => TaskId.safeParse(id).success;

/**
 * Checks that the dependency graph is closed and acyclic; throws naming the file, the line
 * of each task involved (when `locate` knows it), the field and the value.
 */
export function validateTaskGraph(tasks: Record<string, Task>, file: string, locate?: Locate): void {
  const lineOf = (id: string) => locate?.(['tasks', id, 'depends_on']) ?? locate?.(['tasks', id]);
  const at = (id: string) => `${file}${lineOf(id) ? `:${lineOf(id)}` : ''}`;
  const ids = Object.keys(tasks);
  for (const [id, task] of Object.entries(tasks)) {
    for (const dep of task.depends_on) {
      if (dep === id) throw new RelayError(`${at(id)}: tasks.${id}.depends_on: ${id} depends on itself; remove "${dep}" from its dependencies`);
      if (!isTaskId(dep)) throw new RelayError(`${at(id)}: tasks.${id}.depends_on: ${JSON.stringify(dep)} is not a task id; list ids separated by commas, such as "T1, T2"`);
      if (!(dep in tasks)) {
        const near = closest(dep, ids);
        throw new RelayError(`${at(id)}: tasks.${id}.depends_on: unknown task ${JSON.stringify(dep)}${near ? ` (did you mean ${near}?)` : ''}; the epic has ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''}`);
      }
    }
  }
  const cycle = findCycle(tasks);
  if (cycle) {
    const lines = cycle.slice(0, -1).map((id) => (lineOf(id) ? `${id} line ${lineOf(id)}` : id)).join(', ');
    throw new RelayError(`${at(cycle[0]!)}: tasks.${cycle[0]}.depends_on: dependency cycle ${cycle.join(' → ')} (${lines}); remove one of these dependencies`);
  }
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
  const badDep = t.depends_on.find((d) => !isTaskId(d));
  if (badDep !== undefined) {
    throw new RelayError(`${file}:${t.fieldLines?.depends_on ?? t.line}: tasks.${t.id}.depends_on: ${JSON.stringify(badDep)} is not a task id; list ids separated by commas, such as "T1, T2"`);
  }
  if (!t.title) throw new RelayError(`${where}: tasks.${t.id}.title: task ${t.id} has an empty title`);
  if (t.priority !== undefined && !/^p[0-3]$/.test(t.priority)) {
    throw new RelayError(`${file}:${t.fieldLines?.priority ?? t.line}: tasks.${t.id}.priority: ${JSON.stringify(t.priority)} is not a priority (use p0, p1, p2 or p3)`);
  }
  let points: number | undefined;
  if (t.points !== undefined) {
    points = Number(t.points);
    if (!Number.isInteger(points) || points < 0) {
      throw new RelayError(`${file}:${t.fieldLines?.points ?? t.line}: tasks.${t.id}.points: ${JSON.stringify(t.points)} is not a whole number of points (use 0, 1, 2, …)`);
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
      ...(t.steps?.length ? { steps: t.steps } : {}),
      ...(t.requirements?.length ? { requirements: t.requirements } : {}),
      source_line: t.line,
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
  validateTaskGraph(tasks, file, (path) => {
    const t = bp.tasks.find((k) => k.id === path[1]);
    return path[2] === 'depends_on' ? t?.fieldLines?.depends_on ?? t?.line : t?.line;
  });
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

/** Validates an epic document as a whole (the schema, then the graph); `locate` maps a field to its line. */
export function checkEpic(value: unknown, file: string, locate?: Locate): Epic {
  const epic = parseWith(Epic, value, file, [], locate);
  validateTaskGraph(epic.tasks, file, locate);
  return epic;
}

/** A short, stable epic id derived from the title and creation time. */
export function epicId(title: string, createdAt: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'epic';
  return `${slug}-${createdAt.slice(0, 10).replace(/-/g, '')}`;
}
