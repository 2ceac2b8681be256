/**
 * A BMAD story file: `## Tasks / Subtasks` with `- [ ] Task title (AC: #1, #3)` items and
 * nested subtasks. The acceptance criteria a task cites (from `## Acceptance Criteria`) become
 * its own. A story's tasks are worked in order.
 */
import { blankTask, type BlueprintTask } from '../blueprint.ts';
import { BULLET, chain, CHECKBOX, HEADING, indentOf, linesOf, type PlanDraft, type PlanReader } from './reader.ts';

export const bmad: PlanReader = {
  name: 'bmad',
  label: 'a BMAD story',
  detect: (text) => (/^##\s+tasks\s*\/\s*subtasks\s*$/im.test(text) ? 0.95 : 0),
  read(text) {
    const used = new Set<number>();
    const draft: PlanDraft = { title: '', description: '', tasks: [], used, notes: [] };
    const criteria = new Map<string, string>();
    let section = '';
    let current: BlueprintTask | undefined;
    const story: string[] = [];
    for (const line of linesOf(text)) {
      const h = HEADING.exec(line.text);
      if (h) {
        if (h[1]!.length === 1 && !draft.title) draft.title = h[2]!;
        if (h[1]!.length === 2) section = h[2]!.toLowerCase();
        continue;
      }
      if (section === 'story' && line.text.trim()) story.push(line.text.trim());
      if (section === 'acceptance criteria') {
        const ac = /^\s*(?:\d+[.)]|[-*])\s+(?:\*\*)?(?:AC\s*)?#?(\d+)?[.:)]?(?:\*\*)?\s*(.*)$/.exec(line.text);
        const n = /^\s*(\d+)[.)]/.exec(line.text)?.[1] ?? ac?.[1];
        if (ac && n) criteria.set(n, ac[2]!.trim());
      }
      if (section !== 'tasks / subtasks' || !line.text.trim()) continue;
      const box = CHECKBOX.exec(line.text);
      if (box && indentOf(line.text) === 0) {
        const refs = /\(AC:?\s*([^)]*)\)\s*$/i.exec(box[3]!);
        current = blankTask(String(draft.tasks.length + 1), box[3]!.replace(/\s*\(AC:?[^)]*\)\s*$/i, '').trim(), line.n);
        if (refs) {
          const ids = refs[1]!.split(/[,\s]+/).map((r) => r.replace(/^#|^AC/i, '')).filter(Boolean);
          current.requirements = ids.map((i) => `AC${i}`);
          current.acceptance_criteria.push(...ids.map((i) => criteria.get(i)).filter((c): c is string => Boolean(c)));
        }
        draft.tasks.push(current);
        used.add(line.n);
      } else if (current && BULLET.test(line.text)) {
        (current.steps ??= []).push((box?.[3] ?? BULLET.exec(line.text)![2]!).trim());
        used.add(line.n);
      }
    }
    draft.description = story.join(' ');
    if (draft.tasks.length > 1) {
      chain(draft);
      draft.notes!.push('tasks run in order: each depends on the one before');
    }
    return draft;
  },
};
