/**
 * Every plan format relay reads, and the checks that hold for all of them. Detection picks
 * the reader (`relay init --format NAME` forces one); the draft is then refused, naming the
 * line, when the plan states totals that disagree with what was read, or has task-shaped
 * lines the reader could not use. Ids, dependencies and cycles are checked by
 * core/epic/epic.ts as for any epic. To add a format: a file here and a line in READERS.
 */
import { RelayError } from '../../shared/errors.ts';
import { bmad } from './bmad.ts';
import { genericChecklist } from './checklist.ts';
import { kiro } from './kiro.ts';
import { majesticChecklist } from './majestic-checklist.ts';
import { CHECKBOX, HEADING, linesOf, type PlanDraft, type PlanReader } from './reader.ts';
import { relayBlueprint } from './relay-blueprint.ts';
import { specKit } from './spec-kit.ts';
import { superpowers } from './superpowers.ts';
import { taskmaster } from './taskmaster.ts';

/** In order of preference when two are equally sure. */
export const READERS: readonly PlanReader[] = [taskmaster, specKit, majesticChecklist, bmad, superpowers, kiro, relayBlueprint, genericChecklist];

const CONFIDENT = 0.3;

export function readerNamed(name: string): PlanReader {
  const reader = READERS.find((r) => r.name === name);
  if (!reader) throw new RelayError(`--format: unknown format "${name}"; relay reads ${READERS.map((r) => r.name).join(', ')}`);
  return reader;
}

export function detectReader(text: string, filename: string): PlanReader | undefined {
  let best: { reader: PlanReader; score: number } | undefined;
  for (const reader of READERS) {
    const score = reader.detect(text, filename);
    if (score > (best?.score ?? 0)) best = { reader, score };
  }
  return best && best.score >= CONFIDENT ? best.reader : undefined;
}

/** "19 Story Points (9 tasks)" in a Total or Summary line: what the plan says it holds. */
function checkStatedTotals(text: string, draft: PlanDraft, file: string): void {
  for (const line of linesOf(text)) {
    if (!/^\s*(?:#{1,6}\s+|[-*]\s+|\*\*)?\s*(?:\*\*)?(total|summary)\b/i.test(line.text)) continue;
    const tasks = /(\d+)\s+tasks?\b/i.exec(line.text);
    if (tasks && Number(tasks[1]) !== draft.tasks.length) {
      throw new RelayError(`${file}:${line.n}: the plan states ${tasks[1]} tasks but relay read ${draft.tasks.length}; fix the total or the task lines (relay init --dry-run shows what it read)`);
    }
    const points = /(\d+)\s+(?:story\s+)?points?\b/i.exec(line.text);
    const read = draft.tasks.reduce((sum, t) => sum + (Number(t.points) || 0), 0);
    if (points && draft.tasks.every((t) => t.points !== undefined) && Number(points[1]) !== read) {
      throw new RelayError(`${file}:${line.n}: the plan states ${points[1]} story points but its tasks add up to ${read}; fix the total or the Points lines`);
    }
  }
}

/** A checkbox item at the left margin, or a heading that names a task, that the reader did not use. */
function checkLeftovers(text: string, draft: PlanDraft, file: string, reader: PlanReader): void {
  if (!draft.used) return;
  let fence = false;
  for (const line of linesOf(text)) {
    if (/^\s*(```|~~~)/.test(line.text)) fence = !fence;
    if (fence || draft.used.has(line.n)) continue;
    const box = CHECKBOX.exec(line.text);
    const heading = HEADING.exec(line.text);
    if ((box && box[1] === '') || (heading && /^(task\s+\d|T\d+\s*:)/i.test(heading[2]!))) {
      throw new RelayError(`${file}:${line.n}: "${line.text.trim().slice(0, 80)}" looks like a task, but ${reader.label} has no place for it here; move it under the tasks, or pass --format NAME`);
    }
  }
}

export interface PlanRead {
  reader: PlanReader;
  draft: PlanDraft;
}

export function readPlan(text: string, file: string, format?: string): PlanRead {
  const reader = format ? readerNamed(format) : detectReader(text, file);
  if (!reader) {
    throw new RelayError(`${file}: no tasks found in any plan format relay reads (${READERS.map((r) => r.name).join(', ')}); have the worker agent rewrite it with: relay init --convert ${file}`);
  }
  const draft = reader.read(text, file);
  if (!draft.tasks.length) throw new RelayError(`${file}: read as ${reader.label}, but no tasks found; pass --format NAME if it is another format, or use relay init --convert ${file}`);
  if (!draft.title) draft.title = draft.tasks[0]!.title;
  checkStatedTotals(text, draft, file);
  checkLeftovers(text, draft, file, reader);
  return { reader, draft };
}
