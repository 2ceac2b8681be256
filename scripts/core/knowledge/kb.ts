/**
 * Ops-learning entries: the knowledge base under docs/ops-knowledge/. Pure: names, the
 * template, parsing and the completion checklist; the CLI reads and writes the files.
 *
 * Category → folder (relative to docs/ops-knowledge/), after the seed's layout:
 *   issue          issues/<service>/          (one folder per affected service)
 *   performance    performance/optimizations/
 *   configuration  configurations/changes/
 *   deployment     procedures/deployments/
 *   recovery       procedures/recovery/
 *   monitoring     monitoring/alerts/
 *   maintenance    maintenance/routines/
 */
import { fastYamlValue, flatYamlMap } from '../shared/yaml-fast.ts';
import { parseYamlStrict } from '../shared/yaml-strict.ts';
import { z } from 'zod';
import { safeSegment } from '../shared/paths.ts';

export const KB_CATEGORIES = ['issue', 'performance', 'configuration', 'deployment', 'recovery', 'monitoring', 'maintenance'] as const;
export type KbCategory = (typeof KB_CATEGORIES)[number];
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

const FIXED_FOLDERS: Record<Exclude<KbCategory, 'issue'>, string> = {
  performance: 'performance/optimizations',
  configuration: 'configurations/changes',
  deployment: 'procedures/deployments',
  recovery: 'procedures/recovery',
  monitoring: 'monitoring/alerts',
  maintenance: 'maintenance/routines',
};

export const SLUG_MAX = 60;
export const ENTRY_FILE = /^ops-learning-\d{4}(-\d{2}){5}-[a-z]+-[a-z0-9-]+\.md$/;

/** Lower-case kebab from any title: accents dropped, everything else outside [a-z0-9] becomes a dash. */
export function kbSlug(title: string, max = SLUG_MAX, fallback = 'entry'): string {
  const plain = title.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return safeSegment(plain, fallback, max);
}

/** The folder of a category; an issue goes under its (first) service, made path-safe. */
export function categoryFolder(category: KbCategory, service?: string): string {
  if (category !== 'issue') return FIXED_FOLDERS[category];
  return `issues/${kbSlug(service ?? '', 40, 'general')}`;
}

/** `YYYY-MM-DD-HH-MM-SS` in UTC, so names sort by time whatever the machine's zone. */
function stamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/[T:]/g, '-');
}

export function entryFileName(date: Date, category: KbCategory, slug: string): string {
  return `ops-learning-${stamp(date)}-${category}-${slug}.md`;
}

// ---------------------------------------------------------------------------------------------
// The template

interface SectionSpec {
  heading: string;
  hint: string;
  required: boolean;
}

/** The template's sections in order. Hints are HTML comments: they count as empty in `kb check`. */
export const SECTIONS = {
  summary: { heading: 'Issue summary', hint: '', required: true },
  context: { heading: 'Context', hint: 'What was happening: the system, the change or load that triggered it, who noticed and how.', required: true },
  root_cause: { heading: 'Root cause analysis', hint: 'The cause, not the symptom: what failed, why, and why nothing caught it earlier.', required: true },
  resolution: { heading: 'Resolution steps', hint: 'The steps that fixed it, in order, as a numbered list.', required: true },
  commands: { heading: 'Commands used', hint: 'Every command that was run, inside fenced code blocks (```bash … ```).', required: true },
  changes: { heading: 'Code and configuration changes', hint: 'Files, settings and commits changed (paths, PR links).', required: false },
  prevention: { heading: 'Prevention', hint: 'Measures that stop this happening again, one per list item.', required: true },
  learning: { heading: 'Learning points', hint: 'Specific, reusable lessons, one per list item.', required: true },
  monitoring: { heading: 'Monitoring', hint: 'Alerts or dashboards added or changed, with their thresholds.', required: false },
  automation: { heading: 'Automation', hint: 'What was (or should be) automated so nobody repeats these steps by hand.', required: false },
  testing: { heading: 'Testing', hint: 'Tests added so a regression is caught before release.', required: false },
  kb_updates: { heading: 'Knowledge-base updates', hint: 'Runbooks, docs or other entries updated or linked.', required: false },
  follow_ups: { heading: 'Follow-ups', hint: 'One per item: - [ ] action, owner: @name, due: YYYY-MM-DD. Write "None" if there are none.', required: true },
  metrics: { heading: 'Metrics', hint: 'Quantified, with units: time to detect, time to resolve, error rate or latency before and after.', required: true },
  validation: { heading: 'Validation', hint: 'How the fix was confirmed (check, query, dashboard) and what it showed.', required: true },
  tags: { heading: 'Tags', hint: 'The frontmatter `tags:` list is what tools read; repeat or extend it here for people.', required: false },
} satisfies Record<string, SectionSpec>;
type SectionKey = keyof typeof SECTIONS;

const SUMMARY_FIELDS = ['Date', 'Category', 'Title', 'Severity', 'Duration', 'Impact'] as const;

export interface NewEntry {
  category: KbCategory;
  title: string;
  severity: Severity;
  services: string[];
  tags: string[];
  date: Date;
  duration?: string;
  impact?: string;
}

/** Folder and file name relative to docs/ops-knowledge/, always inside it. */
export function entryRelativePath(entry: NewEntry, slugSuffix = ''): string {
  const slug = `${kbSlug(entry.title, SLUG_MAX - slugSuffix.length)}${slugSuffix}`;
  return `${categoryFolder(entry.category, entry.services[0])}/${entryFileName(entry.date, entry.category, slug)}`;
}

function yamlList(items: string[]): string {
  return `[${items.map((s) => JSON.stringify(s)).join(', ')}]`;
}

export function renderEntry(entry: NewEntry): string {
  const title = entry.title.replace(/\s+/g, ' ').trim();
  const iso = entry.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const field = (name: string, value: string | undefined, hint: string) => `- **${name}**: ${value?.trim() || `<!-- ${hint} -->`}`;
  const lines = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `category: ${entry.category}`,
    `severity: ${entry.severity}`,
    `date: ${iso}`,
    `services: ${yamlList(entry.services)}`,
    `tags: ${yamlList(entry.tags)}`,
    '---',
    `# ${title}`,
    '',
    `## ${SECTIONS.summary.heading}`,
    `- **Date**: ${iso.replace('T', ' ').replace('Z', ' UTC')}`,
    `- **Category**: ${entry.category}`,
    `- **Title**: ${title}`,
    `- **Severity**: ${entry.severity}`,
    field('Duration', entry.duration, 'how long it lasted, e.g. 45 minutes'),
    field('Impact', entry.impact, 'who or what was affected, and how much'),
  ];
  for (const [key, spec] of Object.entries(SECTIONS) as Array<[SectionKey, SectionSpec]>) {
    if (key === 'summary') continue;
    const body = key === 'tags' && entry.tags.length ? entry.tags.map((t) => `#${t}`).join(' ') : `<!-- ${spec.hint} -->`;
    lines.push('', `## ${spec.heading}`, body);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Parsing

export const KbFrontmatter = z.looseObject({
  title: z.string().trim().min(1).optional().describe('The entry\'s title'),
  category: z.enum(KB_CATEGORIES).describe('What kind of knowledge (issue, configuration, …)'),
  severity: z.enum(SEVERITIES).describe('How much it matters'),
  date: z.union([z.iso.datetime({ offset: true }), z.iso.date()], 'expected an ISO 8601 date, e.g. 2026-05-01T10:20:30Z').describe('When it was written'),
  services: z.array(z.string().min(1)).default([]).describe('Services it concerns'),
  tags: z.array(z.string().min(1)).default([]).describe('Free tags for search'),
});
export type KbFrontmatter = z.infer<typeof KbFrontmatter>;

/** One problem with an entry, at a 1-based line of its file. */
export interface Finding {
  line: number;
  message: string;
}

interface Section {
  key: SectionKey | null;
  heading: string;
  line: number;
  /** The section's lines (after the heading), with line numbers and whether each sits in a code fence. */
  lines: Array<{ line: number; text: string; fenced: boolean }>;
}

export interface ParsedEntry {
  /** Null when the frontmatter is missing or broken; `problems` says why. */
  frontmatter: KbFrontmatter | null;
  problems: Finding[];
  title: string | null;
  sections: Section[];
  /** 1-based line where the markdown body starts (after the frontmatter). */
  bodyLine: number;
  body: string;
}

const FENCE = /^\s{0,3}(```|~~~)/;

const HEADING_KEYS = new Map((Object.entries(SECTIONS) as Array<[SectionKey, SectionSpec]>).map(([key, spec]) => [spec.heading.toLowerCase().replace(/[^a-z]/g, ''), key]));

function headingKey(text: string): SectionKey | null {
  return HEADING_KEYS.get(text.toLowerCase().replace(/^[\d.\s]+/, '').replace(/[^a-z]/g, '')) ?? null;
}

/** Splits off the frontmatter; an entry whose YAML is broken keeps its body and gets a finding. */
function splitFrontmatter(text: string): { yaml: string | null; bodyLine: number; problems: Finding[] } {
  // Line by line from the top, and only as far as the closing line: the body is split elsewhere.
  const firstEnd = text.indexOf('\n');
  if ((firstEnd < 0 ? text : text.slice(0, firstEnd)).replace(/^\uFEFF/, '').trimEnd() !== '---') {
    return { yaml: null, bodyLine: 1, problems: [{ line: 1, message: 'frontmatter: missing (the entry must start with a --- line, then YAML, then ---)' }] };
  }
  const yamlStart = firstEnd + 1;
  for (let line = 2, start = firstEnd < 0 ? text.length + 1 : yamlStart; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (/^(---|\.\.\.)\s*$/.test(text.slice(start, end))) return { yaml: text.slice(yamlStart, start - 1), bodyLine: line + 1, problems: [] };
    start = end + 1;
  }
  return { yaml: null, bodyLine: 2, problems: [{ line: 1, message: 'frontmatter: not closed (no second --- line)' }] };
}

function parseFrontmatter(yaml: string): { value: KbFrontmatter | null; problems: Finding[] } {
  // Most frontmatter is plain: read fast, and only a doubtful or invalid one goes the strict way, for its line numbers.
  const fast = KbFrontmatter.safeParse(flatYamlMap(yaml) ?? fastYamlValue(yaml));
  if (fast.success) return { value: fast.data, problems: [] };
  const { doc, problem } = parseYamlStrict(yaml);
  // Frontmatter line 1 is file line 2 (after the opening ---).
  if (problem) return { value: null, problems: [{ line: problem.line + 1, message: `frontmatter: invalid YAML: ${problem.message}` }] };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    return { value: null, problems: [{ line: 2, message: `frontmatter: invalid YAML: ${(err as Error).message.split('\n')[0]}` }] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { value: null, problems: [{ line: 2, message: 'frontmatter: expected a YAML mapping (key: value lines)' }] };
  const parsed = KbFrontmatter.safeParse(raw);
  if (parsed.success) return { value: parsed.data, problems: [] };
  const keyLine = (key: unknown) => {
    const idx = yaml.split('\n').findIndex((l) => l.startsWith(`${String(key)}:`));
    return idx < 0 ? 1 : idx + 2;
  };
  return {
    value: null,
    problems: parsed.error.issues.map((i) => ({
      line: keyLine(i.path[0]),
      message: `frontmatter: ${i.path.join('.')}: ${i.path.length === 1 && !(String(i.path[0]) in raw) ? 'missing' : i.message}`,
    })),
  };
}

function splitSections(body: string, bodyLine: number): { title: string | null; sections: Section[] } {
  let title: string | null = null;
  const sections: Section[] = [];
  let fenced = false;
  body.split('\n').forEach((text, i) => {
    const line = bodyLine + i;
    const fence = FENCE.test(text);
    // Both heading patterns start with '#': other lines (most of an entry) skip two regexes.
    if (!fenced && !fence && text.charCodeAt(0) === 35) {
      const h1 = /^#\s+(.+?)\s*#*\s*$/.exec(text);
      const h2 = /^##\s+(.+?)\s*#*\s*$/.exec(text);
      if (h1 && title === null) return void (title = h1[1]!);
      if (h2) return void sections.push({ key: headingKey(h2[1]!), heading: h2[1]!, line, lines: [] });
    }
    sections.at(-1)?.lines.push({ line, text, fenced: fenced || fence });
    if (fence) fenced = !fenced;
  });
  return { title, sections };
}

/** `text` from its line `line` (1-based) on, without splitting it into lines: '' when it has fewer. */
function linesFrom(text: string, line: number): string {
  let at = 0;
  for (let n = 1; n < line; n++) {
    const newline = text.indexOf('\n', at);
    if (newline < 0) return '';
    at = newline + 1;
  }
  return text.slice(at);
}

export function parseEntry(text: string): ParsedEntry {
  const normal = text.replace(/\r\n?/g, '\n');
  const split = splitFrontmatter(normal);
  const fm = split.yaml === null ? { value: null, problems: [] } : parseFrontmatter(split.yaml);
  const body = linesFrom(normal, split.bodyLine);
  const { title, sections } = splitSections(body, split.bodyLine);
  return { frontmatter: fm.value, problems: [...split.problems, ...fm.problems], title: fm.value?.title ?? title, sections, bodyLine: split.bodyLine, body };
}

// ---------------------------------------------------------------------------------------------
// The completion checklist

/** Lines that say something: HTML comments (the template's hints) and blank lines removed. */
function contentLines(section: Section): Section['lines'] {
  let inComment = false;
  const out: Section['lines'] = [];
  for (let i = 0; i < section.lines.length; i++) {
    const l = section.lines[i]!;
    let text = l.text;
    if (!l.fenced) {
      let kept = '';
      let rest = text;
      while (rest) {
        if (inComment) {
          const end = rest.indexOf('-->');
          if (end < 0) { rest = ''; break; }
          inComment = false;
          rest = rest.slice(end + 3);
        } else {
          const start = rest.indexOf('<!--');
          if (start < 0) { kept += rest; break; }
          kept += rest.slice(0, start);
          inComment = true;
          rest = rest.slice(start + 4);
        }
      }
      text = kept;
    }
    if (text.trim() && !(l.fenced && FENCE.test(text))) out.push({ ...l, text });
  }
  return out;
}

/** An entry created from the template and never filled in: no section past the summary has a word in it. */
export function isTemplateOnly(entry: ParsedEntry): boolean {
  return entry.sections.every((s) => !s.key || s.key === 'summary' || s.key === 'tags' || contentLines(s).length === 0);
}

/** The body with the template's hint comments blanked out (line numbers kept), for indexing. */
export function bodyWithoutHints(entry: ParsedEntry): string {
  const lines = entry.body.split('\n');
  // Indexed loops and no lookup table: recall runs this cold on every entry, and what a section
  // keeps is its lines in order, fewer of them.
  for (let s = 0; s < entry.sections.length; s++) {
    const section = entry.sections[s]!;
    const kept = contentLines(section);
    for (let i = 0, k = 0; i < section.lines.length; i++) {
      const l = section.lines[i]!;
      lines[l.line - entry.bodyLine] = kept[k]?.line === l.line ? kept[k++]!.text : '';
    }
  }
  return lines.join('\n');
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
const OWNER = /@[\w.-]+|\bowner\s*[:=]\s*\S+/i;
const DEADLINE = /\b\d{4}-\d{2}-\d{2}\b|\b(?:due|deadline)\s*[:=]\s*\S+/i;
const NONE = /^\s*(?:[-*+]\s+)?(?:none|n\/a)\b/i;

function listItems(lines: Section['lines']) {
  return lines.filter((l) => !l.fenced).flatMap((l) => {
    const m = LIST_ITEM.exec(l.text);
    return m ? [{ line: l.line, text: m[1]! }] : [];
  });
}

function checkSummary(section: Section): Finding[] {
  const found = new Map<string, { line: number; value: string }>();
  for (const l of contentLines(section)) {
    const m = /^\s*[-*]\s+\*\*([^*]+?):?\*\*:?\s*(.*)$/.exec(l.text);
    if (m) found.set(m[1]!.trim().toLowerCase(), { line: l.line, value: m[2]!.trim() });
  }
  return SUMMARY_FIELDS.flatMap((f) => {
    const field = found.get(f.toLowerCase());
    if (field?.value) return [];
    return [{ line: field?.line ?? section.line, message: `${SECTIONS.summary.heading}: ${f} ${field ? 'is empty' : 'is missing (- **' + f + '**: value)'}` }];
  });
}

function checkSection(key: SectionKey, section: Section): Finding[] {
  const heading = SECTIONS[key].heading;
  const lines = contentLines(section);
  const at = (message: string, line = section.line) => [{ line, message: `${heading}: ${message}` }];
  if (key === 'summary') return checkSummary(section);
  if (!lines.length) return SECTIONS[key].required ? at(key === 'prevention' ? 'no prevention measures listed' : 'empty') : [];
  if (key === 'commands' && !lines.some((l) => l.fenced)) return at('no fenced code block (put the commands in ```bash … ```)');
  if (key === 'follow_ups') {
    if (lines.length === 1 && NONE.test(lines[0]!.text)) return [];
    const items = listItems(lines);
    if (!items.length) return at('no follow-up items (one per list item, or "None")');
    return items.flatMap((item) => [
      ...(OWNER.test(item.text) ? [] : at('follow-up has no owner (@name or owner: name)', item.line)),
      ...(DEADLINE.test(item.text) ? [] : at('follow-up has no deadline (due: YYYY-MM-DD)', item.line)),
    ]);
  }
  if (key === 'metrics') {
    const items = listItems(lines);
    if (items.length) return items.filter((i) => !/\d/.test(i.text)).flatMap((i) => at('metric is not quantified (give a number and a unit)', i.line));
    return lines.some((l) => /\d/.test(l.text)) ? [] : at('no quantified metric (give a number and a unit)');
  }
  return [];
}

/** Everything an entry still lacks, in file order. An empty list means the entry is complete. */
export function checkEntry(entry: ParsedEntry): Finding[] {
  const findings = [...entry.problems];
  const fm = entry.frontmatter;
  if (entry.sections.length && isTemplateOnly(entry)) findings.push({ line: entry.bodyLine, message: 'template only: nothing is filled in yet (recall skips it); write what happened under each heading, or delete the file' });
  if (fm && !fm.tags.length) findings.push({ line: 1, message: 'frontmatter: tags: add at least one tag' });
  if (fm?.category === 'issue' && !fm.services.length) findings.push({ line: 1, message: 'frontmatter: services: name the affected service' });
  if (!entry.title) findings.push({ line: entry.bodyLine, message: 'title: missing (a "# Title" line or title: in the frontmatter)' });
  const seen = new Set<SectionKey>();
  for (const section of entry.sections) {
    if (!section.key || seen.has(section.key)) continue;
    seen.add(section.key);
    findings.push(...checkSection(section.key, section));
  }
  for (const [key, spec] of Object.entries(SECTIONS) as Array<[SectionKey, SectionSpec]>) {
    if (spec.required && !seen.has(key)) findings.push({ line: entry.bodyLine, message: `missing section "## ${spec.heading}"` });
  }
  for (const section of entry.sections) {
    for (const l of contentLines(section)) {
      if (l.fenced) continue;
      if (/^\s*\$ \S/.test(l.text)) findings.push({ line: l.line, message: 'command outside a code block (fence it with ```bash)' });
      if (/\b(TODO|TBD|FIXME)\b/.test(l.text)) findings.push({ line: l.line, message: 'placeholder left in (TODO/TBD/FIXME)' });
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}
