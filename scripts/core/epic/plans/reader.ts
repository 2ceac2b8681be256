/**
 * The one interface every plan format sits behind, and the line-level pieces the markdown
 * readers share. A reader says how sure it is that a text is its format, then reads it into
 * a blueprint draft whose every task carries its source line. Validation (ids, dependencies,
 * cycles, stated totals, leftover task-shaped lines) is common: see ./index.ts.
 */
import type { Blueprint } from '../blueprint.ts';

export interface PlanDraft extends Blueprint {
  /** What the reader inferred rather than read, for the first output line ("phase dependencies expanded"). */
  notes?: string[];
  /** Lines the reader used; any other task-shaped line is refused rather than silently dropped. */
  used?: Set<number>;
}

export interface PlanReader {
  /** The name `relay init --format` takes. */
  readonly name: string;
  /** How the first output line names the format ("spec-kit tasks.md"). */
  readonly label: string;
  /** 0 (not this format) to 1 (certainly this format). */
  detect(text: string, filename: string): number;
  read(text: string, file: string): PlanDraft;
}

export interface Line {
  n: number;
  text: string;
}

export function linesOf(text: string): Line[] {
  return text.replace(/\r\n?/g, '\n').split('\n').map((t, i) => ({ n: i + 1, text: t }));
}

export const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
export const CHECKBOX = /^(\s*)[-*+]\s+\[([ xX~-])\]\s+(.*)$/;
export const BULLET = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/;

export function indentOf(text: string): number {
  return text.match(/^\s*/)![0].replace(/\t/g, '    ').length;
}

/** `**Label:** value`, `Label: value`, `_Label: value_`: the label and its value, or undefined. */
export function labelled(text: string): { label: string; value: string } | undefined {
  const m = /^[_*]*([A-Za-z][A-Za-z /&-]{0,40}?)[_*]*\s*:\s*[_*]*\s*(.*?)[_*]*\s*$/.exec(text.trim());
  return m ? { label: m[1]!.trim().toLowerCase(), value: m[2]!.trim() } : undefined;
}

/** Paths a line names: `backticked` tokens, tokens with a slash, and the file after a closing "in". */
export function pathsIn(text: string): string[] {
  const found = new Set<string>();
  const add = (raw: string) => {
    const path = raw.replace(/[,;:)]+$/, '').replace(/:\d+(-\d+)?$/, '');
    if (/[/.]/.test(path) && !/^\d+(\.\d+)*$/.test(path) && !/^https?:/.test(path)) found.add(path);
  };
  for (const m of text.matchAll(/`([^`\s]+)`/g)) add(m[1]!);
  for (const m of text.replace(/`[^`]*`/g, '').matchAll(/(?:^|\s)((?:[\w.@-]+\/)+[\w.@-]+)/g)) add(m[1]!);
  const last = /\bin\s+(\.?[\w-]+(?:\.[\w-]+)*\.[A-Za-z0-9]{1,6})\s*$/.exec(text);
  if (last) add(last[1]!);
  return [...found];
}

export function splitIds(value: string): string[] {
  return value
    .split(/[,;]|\band\b/)
    .map((s) => s.trim().replace(/^[`*#]+|[`*]+$/g, ''))
    .filter((s) => s && !/^(none|n\/a|-|—)$/i.test(s));
}

/** A value in the task's title that is metadata, not words: spec-kit's [P] and [US1], trailing (AC: #1). */
export function stripMarkers(title: string): string {
  return title.replace(/\s*\[(?:P|US\d+|Story \d+)\]\s*/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Each task after the first depends on the one before: for plans that say to work in order. */
export function chain(draft: PlanDraft): void {
  draft.tasks.forEach((t, i) => {
    if (i > 0 && !t.depends_on.length) t.depends_on.push(draft.tasks[i - 1]!.id);
  });
}
