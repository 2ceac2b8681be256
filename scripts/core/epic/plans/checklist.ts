/**
 * A plain markdown checklist under a Tasks, TODO or Plan heading: `- [ ] **T1**: …`,
 * `- [ ] 1. …` or `- [ ] …`, with `Depends on:` / `Dependencies:` / `Blocked By:` lines
 * nested in an item. Items without an id are numbered in order.
 */
import { checklistTasks } from './checklist-items.ts';
import { HEADING, linesOf, type PlanDraft, type PlanReader } from './reader.ts';

const SECTION = /^(tasks?|todo|to-do|to do|plan|checklist|implementation( plan| tasks)?|work items)\b/i;

export const genericChecklist: PlanReader = {
  name: 'checklist',
  label: 'a markdown checklist',
  detect(text) {
    const lines = linesOf(text);
    let inSection = false;
    for (const l of lines) {
      const h = HEADING.exec(l.text);
      if (h) inSection = SECTION.test(h[2]!);
      else if (inSection && /^[-*+] \[[ xX]\] /.test(l.text)) return /^[-*+] \[[ xX]\] (\*\*[\w.-]+\*\*|\d+\.)/m.test(text) ? 0.6 : 0.5;
    }
    return 0;
  },
  read(text, file) {
    const lines = linesOf(text);
    const used = new Set<number>();
    const draft: PlanDraft = { title: '', description: '', tasks: [], used };
    let depth = 0;
    let section: typeof lines | undefined;
    const flush = () => {
      if (section) draft.tasks.push(...checklistTasks(section, file, used, draft.tasks.length + 1));
      section = undefined;
    };
    for (const line of lines) {
      const h = HEADING.exec(line.text);
      if (h) {
        if (!draft.title && h[1]!.length === 1) draft.title = h[2]!;
        if (section && h[1]!.length > depth) continue;
        flush();
        if (SECTION.test(h[2]!)) {
          section = [];
          depth = h[1]!.length;
        }
        continue;
      }
      section?.push(line);
    }
    flush();
    return draft;
  },
};
