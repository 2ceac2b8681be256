/**
 * Taskmaster's tasks.json, legacy (`{"tasks": […]}`) or tagged (`{"master": {"tasks": […]}}`).
 * `dependencies`, `details` and `testStrategy` are read; priority high/medium/low maps to
 * p1/p2/p3; subtasks fold into their parent as steps.
 */
import { RelayError } from '../../shared/errors.ts';
import { blankTask } from '../blueprint.ts';
import type { PlanDraft, PlanReader } from './reader.ts';

interface TmTask {
  id: number | string;
  title?: string;
  description?: string;
  details?: string;
  testStrategy?: string;
  priority?: string;
  dependencies?: Array<number | string>;
  subtasks?: TmTask[];
}

const PRIORITY: Record<string, string> = { critical: 'p0', high: 'p1', medium: 'p2', low: 'p3' };

function tasksOf(doc: unknown, file: string): { tasks: TmTask[]; tag?: string } {
  const obj = (doc ?? {}) as Record<string, unknown>;
  if (Array.isArray(obj.tasks)) return { tasks: obj.tasks as TmTask[] };
  const tags = Object.entries(obj).filter((e): e is [string, { tasks: TmTask[] }] => Boolean(e[1]) && Array.isArray((e[1] as { tasks?: unknown }).tasks));
  const chosen = tags.find(([k]) => k === 'master') ?? (tags.length === 1 ? tags[0] : undefined);
  if (!chosen) throw new RelayError(`${file}: ${tags.length ? `several task lists (tags ${tags.map(([k]) => k).join(', ')}) and none is "master"; copy the one to run into its own file` : 'no "tasks" array, legacy or tagged'}`);
  return { tasks: chosen[1].tasks, tag: chosen[0] };
}

function isTaskmaster(text: string): unknown {
  if (!/^\s*\{/.test(text)) return undefined;
  try {
    const doc = JSON.parse(text);
    tasksOf(doc, '');
    return doc;
  } catch {
    return undefined;
  }
}

export const taskmaster: PlanReader = {
  name: 'taskmaster',
  label: 'Taskmaster tasks.json',
  detect: (text) => (isTaskmaster(text) ? 1 : 0),
  read(text, file) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new RelayError(`${file}: invalid JSON: ${(err as Error).message}`);
    }
    const { tasks, tag } = tasksOf(doc, file);
    const draft: PlanDraft = { title: tag && tag !== 'master' ? `Taskmaster: ${tag}` : 'Taskmaster tasks', description: '', tasks: [], notes: tag ? [`tag "${tag}"`] : [] };
    // Lines come from finding each task's title in order: the text is not parsed twice.
    let cursor = 0;
    let line = 1;
    const lineOf = (t: TmTask) => {
      const at = t.title === undefined ? -1 : text.indexOf(JSON.stringify(t.title), cursor);
      if (at >= 0) {
        for (let i = text.indexOf('\n', cursor); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
        cursor = at;
      }
      return line;
    };
    tasks.forEach((t, i) => {
      if (!t || typeof t !== 'object' || t.id === undefined || t.id === null) throw new RelayError(`${file}: tasks[${i}].id: every task needs an id`);
      const task = blankTask(String(t.id), String(t.title ?? '').trim(), lineOf(t));
      task.description = [t.description, t.details].filter(Boolean).join('\n\n') || undefined;
      if (t.priority !== undefined) task.priority = PRIORITY[String(t.priority).toLowerCase()] ?? String(t.priority);
      task.depends_on.push(...(t.dependencies ?? []).map(String));
      if (t.testStrategy) task.acceptance_criteria.push(`Test strategy: ${t.testStrategy}`);
      const subtasks = (t.subtasks ?? []).map((s) => `${t.id}.${s.id} ${s.title ?? ''}${s.description ? `: ${s.description}` : ''}`.trim());
      if (subtasks.length) task.steps = subtasks;
      draft.tasks.push(task);
    });
    return draft;
  },
};
