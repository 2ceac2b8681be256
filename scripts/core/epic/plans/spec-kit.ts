/**
 * spec-kit's tasks.md: `- [ ] T001 [P] [US1] Description in path/to/file` under `## Phase N:`
 * headings. [P] (parallel) and [USn] (user story) are metadata, not title. The "Phase
 * Dependencies" and "User Story Dependencies" bullets give phase-level edges; each task of a
 * phase depends on every task of the phases it waits for. Without them, phases run in order.
 */
import { RelayError } from '../../shared/errors.ts';
import { blankTask, type BlueprintTask } from '../blueprint.ts';
import { HEADING, linesOf, pathsIn, stripMarkers, type PlanDraft, type PlanReader } from './reader.ts';

const TASK = /^\s*[-*] \[[ xX]\] (T\d{3,})\b\s*(.*)$/;

interface Phase {
  number: number | null;
  name: string;
  line: number;
  tasks: BlueprintTask[];
  after?: Phase[];
}

function phaseWords(phase: Phase): string[] {
  return phase.name.toLowerCase().replace(/\(.*?\)/g, '').split(/[^a-z0-9]+/).filter((w) => w.length > 2 && !['phase', 'and', 'the'].includes(w));
}

/** The phases a bullet's subject or dependency text names: "Phase 2", "Phase 3+", "Final Phase", "Setup", "all user stories". */
function phasesNamed(text: string, phases: Phase[]): Phase[] {
  const lower = text.toLowerCase();
  const found = new Set<Phase>();
  for (const m of lower.matchAll(/phase (\d+)(\+)?/g)) {
    const n = Number(m[1]);
    for (const p of phases) if (p.number !== null && (m[2] ? p.number >= n && p !== phases.at(-1) : p.number === n)) found.add(p);
  }
  if (/final phase/.test(lower)) found.add(phases.at(-1)!);
  if (/user stor(y|ies)/.test(lower) && !/user story \d/.test(lower)) for (const p of phases) if (/user story/i.test(p.name)) found.add(p);
  for (const m of lower.matchAll(/user story (\d+)|\bus(\d+)\b/g)) for (const p of phases) if (new RegExp(`user story ${m[1] ?? m[2]}\\b`, 'i').test(p.name)) found.add(p);
  if (!found.size) for (const p of phases) if (phaseWords(p).some((w) => new RegExp(`\\b${w}\\b`).test(lower))) found.add(p);
  return [...found];
}

export const specKit: PlanReader = {
  name: 'spec-kit',
  label: 'spec-kit tasks.md',
  detect(text) {
    if (!/^\s*[-*] \[[ xX]\] T\d{3,}\b/m.test(text)) return 0;
    return /^##\s+phase\b/im.test(text) ? 0.97 : 0.8;
  },
  read(text, file) {
    const lines = linesOf(text);
    const used = new Set<number>();
    const draft: PlanDraft = { title: '', description: '', tasks: [], used, notes: [] };
    const phases: Phase[] = [];
    const statements: Array<{ line: number; text: string; fine: boolean }> = [];
    let depsSection: 'phase' | 'story' | null = null;
    for (const line of lines) {
      const h = HEADING.exec(line.text);
      if (h) {
        const level = h[1]!.length;
        const title = h[2]!;
        if (level === 1 && !draft.title) draft.title = title.replace(/^tasks:\s*/i, '');
        const phase = /^phase\s+(\d+)?\s*:?\s*(.*)$/i.exec(title) ?? /^(?:final phase|phase n)\s*:?\s*(.*)$/i.exec(title);
        if (level === 2 && phase) phases.push({ number: phase.length === 3 && phase[1] ? Number(phase[1]) : null, name: title, line: line.n, tasks: [] });
        depsSection = /phase dependencies/i.test(title) ? 'phase' : /(user )?story dependencies/i.test(title) ? 'story' : level <= 2 ? null : depsSection;
        continue;
      }
      const task = TASK.exec(line.text);
      if (task) {
        if (!phases.length) phases.push({ number: null, name: 'Tasks', line: 1, tasks: [] });
        const t = blankTask(task[1]!, stripMarkers(task[2]!), line.n);
        const stories = [...task[2]!.matchAll(/\[(US\d+)\]/g)].map((m) => m[1]!);
        if (stories.length) t.requirements = stories;
        t.files.push(...pathsIn(task[2]!));
        const priority = /\(priority:\s*p(\d)\)/i.exec(phases.at(-1)!.name);
        if (priority) t.priority = `p${Math.min(3, Number(priority[1]))}`;
        phases.at(-1)!.tasks.push(t);
        draft.tasks.push(t);
        used.add(line.n);
        continue;
      }
      const bullet = /^\s*[-*]\s+\*\*(.+?)\*\*\s*:?\s*(.*)$/.exec(line.text);
      if (depsSection && bullet) statements.push({ line: line.n, text: `${bullet[1]}\u0000${bullet[2]}`, fine: depsSection === 'story' });
    }
    // Coarse phase statements first, so a user story's own statement replaces them.
    for (const s of statements.sort((a, b) => Number(a.fine) - Number(b.fine))) {
      const [subject, says] = s.text.split('\u0000') as [string, string];
      const targets = phasesNamed(subject, phases);
      if (!targets.length) throw new RelayError(`${file}:${s.line}: phase dependency for "${subject}" names no phase of this plan; fix the line, or pass --format checklist to ignore phase order`);
      const waits = (says.match(/(?:depends? on|after|requires?|blocked by)\s+(.*?)(?:\s+-\s+|[.;]|$)/i)?.[1] ?? '');
      const after = waits ? phasesNamed(waits, phases).filter((p) => !targets.includes(p)) : [];
      if (!after.length && /no dependencies|can start immediately/i.test(says)) {
        for (const t of targets) t.after = [];
        continue;
      }
      if (!after.length) throw new RelayError(`${file}:${s.line}: cannot tell which phase "${subject}" waits for ("${says}"); name it as "Depends on Phase N"`);
      for (const t of targets) t.after = after;
    }
    let edges = 0;
    phases.forEach((p, i) => {
      const after = p.after ?? (statements.length || i === 0 ? [] : [phases[i - 1]!]);
      for (const t of p.tasks) for (const a of after) for (const d of a.tasks) if (!t.depends_on.includes(d.id)) (t.depends_on.push(d.id), edges++);
    });
    if (edges) draft.notes!.push(statements.length ? 'phase dependencies expanded' : 'no phase dependencies stated: phases run in order');
    return draft;
  },
};
