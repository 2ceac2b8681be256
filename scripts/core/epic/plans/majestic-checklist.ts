/**
 * majestic's task-breakdown output: `#### Group X` sections of `- [ ] **T1**: Title` items
 * with indented Priority / Points / Files / Depends on / Acceptance bullets. The `### Total`
 * line is a summary (checked against what was read), and the Parallelization Matrix restates
 * the dependencies more coarsely, so it is not read.
 */
import { checklistTasks } from './checklist-items.ts';
import { HEADING, linesOf, type PlanDraft, type PlanReader } from './reader.ts';

export const majesticChecklist: PlanReader = {
  name: 'majestic-breakdown',
  label: 'a majestic task breakdown',
  detect(text) {
    const items = /^\s*[-*] \[[ xX]\] \*\*T\d+\*\*\s*:/m.test(text);
    return items && /^#{2,4}\s+(group\b|total\s*:)/im.test(text) ? 0.95 : 0;
  },
  read(text, file) {
    const lines = linesOf(text);
    const used = new Set<number>();
    const draft: PlanDraft = { title: '', description: '', tasks: [], used };
    let section: typeof lines = [];
    const flush = () => {
      draft.tasks.push(...checklistTasks(section, file, used, draft.tasks.length + 1));
      section = [];
    };
    for (const line of lines) {
      const h = HEADING.exec(line.text);
      if (h) {
        flush();
        if (!draft.title && h[1]!.length <= 2) draft.title = h[2]!.replace(/^task breakdown:\s*/i, '');
        continue;
      }
      section.push(line);
    }
    flush();
    return draft;
  },
};
