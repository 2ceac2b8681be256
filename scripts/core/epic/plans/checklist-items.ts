/**
 * Tasks written as checklist items with their fields nested under them:
 *   - [ ] **T1**: Title          or   - [ ] 1. Title   or   - [ ] Title
 *     - Priority: p1 / Points: 2 / Files: a.ts / Depends on: T0 / Acceptance: (nested items)
 *     - any other nested item is a step of the task
 * Shared by majestic's task-breakdown checklist and the generic checklist reader.
 */
import { refuseMisspeltField } from '../../shared/suggest.ts';
import { blankTask, type BlueprintTask } from '../blueprint.ts';
import { BULLET, CHECKBOX, indentOf, labelled, splitIds, type Line } from './reader.ts';

const FIELDS: Record<string, 'priority' | 'points' | 'files' | 'depends_on' | 'acceptance' | 'verify'> = {
  priority: 'priority', points: 'points', 'story points': 'points', files: 'files', file: 'files',
  'depends on': 'depends_on', dependencies: 'depends_on', 'blocked by': 'depends_on', 'depends_on': 'depends_on',
  acceptance: 'acceptance', 'acceptance criteria': 'acceptance', verify: 'verify', verification: 'verify',
};
const SPELLINGS = ['Priority', 'Points', 'Files', 'Depends on', 'Dependencies', 'Blocked by', 'Acceptance', 'Acceptance criteria', 'Verify'];

/** The id and title of a checklist item's text, or a generated id when the plan gives none. */
export function itemHead(text: string, ordinal: number): { id: string; title: string; explicit: boolean } {
  const bold = /^\*\*([A-Za-z0-9][\w.-]*)\*\*\s*[:.–—-]?\s*(.*)$/.exec(text);
  if (bold) return { id: bold[1]!, title: bold[2]!.trim(), explicit: true };
  const numbered = /^(\d+(?:\.\d+)*)[.)]?\s+(.*)$/.exec(text);
  if (numbered) return { id: numbered[1]!, title: numbered[2]!.trim(), explicit: true };
  const named = /^([A-Z]{1,8}-?\d{1,6})\s*[:.–—-]\s*(.*)$/.exec(text);
  if (named) return { id: named[1]!, title: named[2]!.trim(), explicit: true };
  return { id: String(ordinal), title: text.trim(), explicit: false };
}

/**
 * Reads every checklist task in `lines` (one section of the plan). Top-level items are tasks;
 * what is nested under one is its fields and steps. Marks each line it used in `used`.
 */
export function checklistTasks(lines: Line[], file: string, used: Set<number>, firstOrdinal = 1): BlueprintTask[] {
  const tasks: BlueprintTask[] = [];
  let top = -1;
  let current: BlueprintTask | undefined;
  let taskIndent = 0;
  let under: { field: 'acceptance' | 'files' | 'depends_on' | 'verify'; indent: number } | undefined;
  for (const line of lines) {
    if (!line.text.trim()) continue;
    const box = CHECKBOX.exec(line.text);
    const indent = indentOf(line.text);
    if (box && (top < 0 || indent <= top)) {
      top = indent;
      const head = itemHead(box[3]!.trim(), firstOrdinal + tasks.length);
      current = blankTask(head.id, head.title, line.n);
      taskIndent = indent;
      under = undefined;
      tasks.push(current);
      used.add(line.n);
      continue;
    }
    if (!current || indent <= taskIndent) {
      current = undefined;
      continue;
    }
    const item = box ? box[3]! : BULLET.exec(line.text)?.[2] ?? line.text.trim();
    used.add(line.n);
    if (under && indent > under.indent) {
      const v = item.trim();
      if (under.field === 'acceptance') current.acceptance_criteria.push(v);
      else if (under.field === 'files') current.files.push(v.replace(/`/g, ''));
      else if (under.field === 'verify') current.verify.push(v.replace(/`/g, ''));
      else current.depends_on.push(...splitIds(v));
      continue;
    }
    under = undefined;
    const f = labelled(item);
    const field = f ? FIELDS[f.label] : undefined;
    if (f && !field && !box) refuseMisspeltField(f.label, SPELLINGS, file, line.n);
    if (!f || !field) {
      (current.steps ??= []).push(item.trim());
      continue;
    }
    const value = f.value;
    if (field === 'priority') current.priority = value.toLowerCase();
    else if (field === 'points') current.points = value;
    else if (field === 'files') current.files.push(...value.split(/,\s*/).map((s) => s.replace(/`/g, '').trim()).filter(Boolean));
    else if (field === 'depends_on') current.depends_on.push(...splitIds(value));
    else if (field === 'verify') current.verify.push(...(value ? [value.replace(/`/g, '')] : []));
    else if (value) current.acceptance_criteria.push(value);
    if (field !== 'priority' && field !== 'points' && !value) under = { field, indent };
    current.fieldLines = { ...current.fieldLines, [field === 'acceptance' ? 'acceptance_criteria' : field]: line.n };
  }
  return tasks;
}
