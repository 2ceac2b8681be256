/**
 * Kiro's tasks.md: `- [ ] 1. Title` is a task; its `- [ ] 1.1 …` items (nested or not) and
 * plain bullets are steps; `_Requirements: 1.2, 3.4_` lines are kept. Kiro works the list in
 * order, so each task depends on the one before.
 */
import { blankTask, type BlueprintTask } from '../blueprint.ts';
import { BULLET, chain, HEADING, linesOf, type PlanDraft, type PlanReader } from './reader.ts';

const TASK = /^[-*] \[[ xX~-]\]\*?\s+(\d+)\.\s+(.*)$/;
const SUBTASK = /^\s*[-*] \[[ xX~-]\]\*?\s+(\d+)\.(\d+)\.?\s+(.*)$/;

export const kiro: PlanReader = {
  name: 'kiro',
  label: 'Kiro tasks.md',
  detect(text) {
    if (!/^[-*] \[[ xX~-]\]\*?\s+\d+\.\s/m.test(text)) return 0;
    return /_Requirements:|^#\s+implementation plan/im.test(text) || /^\s*[-*] \[[ xX~-]\]\*?\s+\d+\.\d+\s/m.test(text) ? 0.9 : 0.45;
  },
  read(text) {
    const used = new Set<number>();
    const draft: PlanDraft = { title: '', description: '', tasks: [], used, notes: [] };
    let current: BlueprintTask | undefined;
    for (const line of linesOf(text)) {
      const h = HEADING.exec(line.text);
      if (h) {
        if (!draft.title && h[1]!.length === 1) draft.title = h[2]!;
        continue;
      }
      const task = TASK.exec(line.text);
      if (task) {
        current = blankTask(task[1]!, task[2]!.trim(), line.n);
        draft.tasks.push(current);
        used.add(line.n);
        continue;
      }
      if (!current || !line.text.trim()) continue;
      const sub = SUBTASK.exec(line.text);
      const requirements = /_?Requirements?:\s*([^_]*)_?\s*$/i.exec(line.text.replace(/^\s*[-*]\s+/, ''));
      if (requirements) (current.requirements ??= []).push(...requirements[1]!.split(/,\s*/).map((r) => r.trim()).filter(Boolean));
      else if (sub) (current.steps ??= []).push(`${sub[1]}.${sub[2]} ${sub[3]!.trim()}`);
      else if (/^\s/.test(line.text) && BULLET.test(line.text)) (current.steps ??= []).push(BULLET.exec(line.text)![2]!.trim());
      else continue;
      used.add(line.n);
    }
    if (draft.tasks.length > 1) {
      chain(draft);
      draft.notes!.push('tasks run in order: each depends on the one before');
    }
    return draft;
  },
};
