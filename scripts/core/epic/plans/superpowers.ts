/**
 * superpowers plans: `### Task N: Title` sections with a **Files:** list (Create / Modify /
 * Test) and steps, as `- [ ] Step …` items or `**Step N: …**` lines. A header telling the
 * reader to execute the plan task by task makes each task depend on the one before.
 */
import { blankTask, type BlueprintTask } from '../blueprint.ts';
import { chain, HEADING, labelled, linesOf, pathsIn, type PlanDraft, type PlanReader } from './reader.ts';

const TASK = /^task\s+(\d+(?:\.\d+)*)\s*[:.–—-]\s*(.*)$/i;

export const superpowers: PlanReader = {
  name: 'superpowers',
  label: 'a superpowers plan',
  detect(text) {
    if (!/^#{2,3}\s+task\s+\d+\s*:/im.test(text)) return 0;
    return /executing-plans|task-by-task|task by task/i.test(text) ? 0.95 : 0.85;
  },
  read(text) {
    const used = new Set<number>();
    const draft: PlanDraft = { title: '', description: '', tasks: [], used, notes: [] };
    let current: BlueprintTask | undefined;
    let inFiles = false;
    let fence = false;
    for (const line of linesOf(text)) {
      if (/^\s*(```|~~~)/.test(line.text)) fence = !fence;
      if (fence) continue;
      const h = HEADING.exec(line.text);
      if (h) {
        inFiles = false;
        const task = TASK.exec(h[2]!);
        if (!draft.title && h[1]!.length === 1) draft.title = h[2]!.replace(/\s+implementation plan$/i, '');
        if (task) {
          current = blankTask(task[1]!, task[2]!.trim(), line.n);
          draft.tasks.push(current);
          used.add(line.n);
        } else if (h[1]!.length <= 3) current = undefined;
        continue;
      }
      const field = labelled(line.text.replace(/^\s*[-*]\s+(\[[ xX]\]\s+)?/, ''));
      if (!current) {
        if (field?.label === 'goal' && !draft.description) draft.description = field.value;
        continue;
      }
      if (field?.label === 'files' && !field.value) {
        inFiles = true;
        used.add(line.n);
        continue;
      }
      const step = /^\s*[-*]\s+\[[ xX]\]\s+(.*)$/.exec(line.text) ?? /^\s*\*\*(step\s+\d+[^*]*)\*\*\s*$/i.exec(line.text);
      if (inFiles && /^\s*[-*]\s+/.test(line.text) && !step) {
        current.files.push(...pathsIn(line.text));
        used.add(line.n);
        continue;
      }
      inFiles = false;
      if (step) {
        (current.steps ??= []).push(step[1]!.replace(/\*\*/g, '').trim());
        used.add(line.n);
      } else if (/^\s*run:\s*`[^`]+`/i.test(line.text)) (current.steps ??= []).push(line.text.trim());
    }
    if (draft.tasks.length > 1 && /executing-plans|task-by-task|task by task/i.test(text)) {
      chain(draft);
      draft.notes!.push('tasks run in order, as the plan\'s header says');
    }
    return draft;
  },
};
