/**
 * Turns a blueprint (the markdown plan format in docs/architecture.md) into epic tasks without
 * a model call. marked's lexer gives the structure (headings, nested lists, code spans), so
 * the only text matching left is on the field labels themselves.
 */
import { marked, type Token, type Tokens } from 'marked';
import { RelayError } from '../shared/errors.ts';
import { refuseMisspeltField } from '../shared/suggest.ts';

export interface BlueprintTask {
  id: string;
  line: number;
  title: string;
  description?: string;
  priority?: string;
  points?: string;
  files: string[];
  depends_on: string[];
  acceptance_criteria: string[];
  verify: string[];
  steps?: string[];
  requirements?: string[];
  /** The source line of each field, for messages about its value. */
  fieldLines?: Partial<Record<Field, number>>;
}

export interface Blueprint {
  title: string;
  description: string;
  tasks: BlueprintTask[];
}

/** An empty task at `line`, for readers to fill in. */
export function blankTask(id: string, title: string, line: number): BlueprintTask {
  return { id, line, title, files: [], depends_on: [], acceptance_criteria: [], verify: [] };
}

export const BLUEPRINT_EXAMPLE = `# Add user authentication
Free text: the epic's description.

## Tasks

### T1: Create users migration
- Priority: p1
- Points: 2
- Files: db/migrate/001_users.rb, app/models/user.rb
- Depends on: none
- Verify: \`npm test -- users\`
- Acceptance criteria:
  - Migration creates users table with email and password_digest`;

/** Inside a Tasks section any id works ("### setup-db: …"); elsewhere only ids shaped like T1 or TASK-12. */
const TASK_HEADING = /^([A-Za-z][A-Za-z0-9_-]{0,63})\s*[:.)\-–—]\s*(.*)$/;
const STRICT_TASK_HEADING = /^([A-Z]{1,8}-?\d{1,6}[a-z]?)\s*[:.)\-–—]\s*(.*)$/;
const FIELD_LINE = /^\**([A-Za-z _]+?)\**\s*:\s*\**\s*(.*)$/s;
const TASKS_SECTION = /^(implementation\s+)?tasks$/i;
const MAX_BLUEPRINT_BYTES = 2_000_000;

export type Field = 'priority' | 'points' | 'files' | 'depends_on' | 'verify' | 'acceptance_criteria';
const FIELD_LABELS: Record<string, Field> = {
  priority: 'priority',
  points: 'points',
  'story points': 'points',
  files: 'files',
  file: 'files',
  'depends on': 'depends_on',
  dependencies: 'depends_on',
  depends_on: 'depends_on',
  verify: 'verify',
  verification: 'verify',
  'acceptance criteria': 'acceptance_criteria',
  acceptance: 'acceptance_criteria',
};

/** Plain text of inline tokens; code spans keep their literal content without backticks. */
function inlineText(tokens: Token[] | undefined, fallback: string): string {
  if (!tokens) return fallback;
  return tokens
    .map((t) => {
      if (t.type === 'checkbox') return '';
      if (t.type === 'codespan') return (t as Tokens.Codespan).text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      if ('tokens' in t && Array.isArray(t.tokens)) return inlineText(t.tokens as Token[], (t as Tokens.Generic).text ?? '');
      return (t as Tokens.Generic).text ?? t.raw;
    })
    .join('');
}

function codeSpans(tokens: Token[] | undefined): string[] {
  const out: string[] = [];
  for (const t of tokens ?? []) {
    if (t.type === 'codespan') out.push(inlineText([t], ''));
    else if ('tokens' in t && Array.isArray(t.tokens)) out.push(...codeSpans(t.tokens as Token[]));
  }
  return out;
}

function splitList(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((s) => s.trim().replace(/^`|`$/g, ''))
    .filter((s) => s && !/^(none|n\/a|-|—)$/i.test(s));
}

function itemLines(item: Tokens.ListItem): { head: Token[]; nested: Tokens.ListItem[] } {
  const head: Token[] = [];
  const nested: Tokens.ListItem[] = [];
  for (const t of item.tokens) {
    if (t.type === 'list') nested.push(...(t as Tokens.List).items);
    else if (t.type !== 'checkbox') head.push(t);
  }
  return { head, nested };
}

/** How field labels are written in the plan, for "did you mean". */
const LABEL_SPELLINGS = ['Priority', 'Points', 'Story Points', 'Files', 'File', 'Depends on', 'Dependencies', 'Verify', 'Verification', 'Acceptance criteria', 'Acceptance'];

function fieldOf(label: string): Field | undefined {
  return FIELD_LABELS[label.trim().toLowerCase()];
}


function applyField(task: BlueprintTask, field: Field, value: string, head: Token[], nested: Tokens.ListItem[]): void {
  const nestedTexts = nested.map((n) => inlineText(n.tokens, n.text).trim()).filter(Boolean);
  switch (field) {
    case 'priority':
      task.priority = value.toLowerCase();
      break;
    case 'points':
      task.points = value;
      break;
    case 'files':
      task.files.push(...splitList(value), ...nestedTexts.flatMap(splitList));
      break;
    case 'depends_on':
      task.depends_on.push(...splitList(value), ...nestedTexts.flatMap(splitList));
      break;
    case 'verify': {
      const spans = head.flatMap((t) => codeSpans('tokens' in t ? (t.tokens as Token[]) : undefined));
      task.verify.push(...(spans.length ? spans : value ? [value] : []));
      for (const n of nested) {
        const nestedSpans = codeSpans(n.tokens);
        task.verify.push(...(nestedSpans.length ? nestedSpans : [inlineText(n.tokens, n.text).trim()]));
      }
      break;
    }
    case 'acceptance_criteria':
      if (value) task.acceptance_criteria.push(value);
      task.acceptance_criteria.push(...nestedTexts);
      break;
  }
}

/**
 * One list item of a task: `Label: value`, several of them joined by `|` (majestic's
 * "**Priority:** p1 | **Points:** 2"), or, under a bare label paragraph such as
 * "**Acceptance Criteria:**", one entry of that field.
 */
function applyListItem(task: BlueprintTask, item: Tokens.ListItem, underLabel: Field | undefined, extra: string[], where: { file: string; line: number }): void {
  const { head, nested } = itemLines(item);
  const headText = head.map((t) => inlineText('tokens' in t ? (t.tokens as Token[]) : undefined, (t as Tokens.Generic).text ?? t.raw)).join(' ').trim();
  const segments = headText.split(/\s+\|\s+/).map((seg) => FIELD_LINE.exec(seg));
  const noteLine = (field: Field) => (task.fieldLines = { ...task.fieldLines, [field]: task.fieldLines?.[field] ?? where.line });
  for (const seg of segments) if (seg && !fieldOf(seg[1]!)) refuseMisspeltField(seg[1]!.trim(), LABEL_SPELLINGS, where.file, where.line);
  if (segments.length > 1 && segments.every((m) => m && fieldOf(m[1]!))) {
    for (const m of segments) {
      noteLine(fieldOf(m![1]!)!);
      applyField(task, fieldOf(m![1]!)!, m![2]!.trim(), [], []);
    }
    return;
  }
  const m = FIELD_LINE.exec(headText);
  const field = m ? fieldOf(m[1]!) : undefined;
  if (m && field) {
    noteLine(field);
    applyField(task, field, m[2]!.trim(), head, nested);
  }
  else if (underLabel) applyField(task, underLabel, headText, head, nested);
  else extra.push(headText);
}

/** A paragraph that is only a field label ("**Acceptance Criteria:**") names the list after it. */
function labelParagraph(token: Token): Field | undefined {
  if (token.type !== 'paragraph') return undefined;
  const m = /^([A-Za-z _]+):\s*$/.exec(inlineText((token as Tokens.Paragraph).tokens, (token as Tokens.Paragraph).text).trim());
  return m ? fieldOf(m[1]!) : undefined;
}

const TABLE_COLUMNS: Record<string, 'id' | 'title' | Field> = {
  id: 'id', task: 'title', title: 'title', points: 'points', pts: 'points', priority: 'priority',
  dependencies: 'depends_on', 'depends on': 'depends_on', 'blocked by': 'depends_on', files: 'files',
};

/** Tasks from a summary table (majestic's "| ID | Task | Points | Dependencies | Status |"). */
function tableTasks(table: Tokens.Table, line: number): BlueprintTask[] {
  const columns = table.header.map((h) => TABLE_COLUMNS[h.text.trim().toLowerCase()]);
  if (!columns.includes('id') || !columns.includes('title')) return [];
  const tasks: BlueprintTask[] = [];
  for (const row of table.rows) {
    const task: BlueprintTask = { id: '', line, title: '', files: [], depends_on: [], acceptance_criteria: [], verify: [] };
    row.forEach((cell, i) => {
      const column = columns[i];
      const value = inlineText(cell.tokens, cell.text).trim();
      if (column === 'id') task.id = value;
      else if (column === 'title') task.title = value;
      else if (column) applyField(task, column, value, [], []);
    });
    if (/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(task.id)) tasks.push(task);
  }
  return tasks;
}

export function parseBlueprint(markdown: string, file: string): Blueprint {
  if (markdown.length > MAX_BLUEPRINT_BYTES) {
    throw new RelayError(`${file}: blueprint is larger than ${MAX_BLUEPRINT_BYTES} bytes`);
  }
  const text = markdown.replace(/\r\n?/g, '\n');
  // marked recurses per nesting level and slows down sharply with depth; no plan nests this deep.
  const deep = /^(?:[ \t>]*?(?:>|[-*+] |\d+[.)] )){40}/m.exec(text) ?? /^[ \t]{160}/m.exec(text);
  if (deep) throw new RelayError(`${file}:${text.slice(0, deep.index).split('\n').length}: nesting too deep (quotes, lists or indentation); a blueprint is headings and short lists`);
  let tokens: Token[];
  try {
    tokens = marked.lexer(text);
  } catch (err) {
    throw new RelayError(`${file}: cannot parse as markdown: ${(err as Error).message.split('\n')[0]}`);
  }
  let offset = 0;
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (pos: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  let title = '';
  const description: string[] = [];
  const tasks: BlueprintTask[] = [];
  /** Tasks known only from a summary table, until a heading adds their details. */
  const fromTable = new Map<string, BlueprintTask>();
  let inTasksSection = false;
  let sawTasksSection = false;
  let current: BlueprintTask | undefined;
  let currentExtra: string[] = [];
  let underLabel: Field | undefined;
  let tasksDepth = 0;

  const closeTask = () => {
    if (current && currentExtra.length) current.description = currentExtra.join('\n\n');
    current = undefined;
    currentExtra = [];
    underLabel = undefined;
  };

  for (const token of tokens) {
    const start = offset;
    offset += token.raw.length;
    if (token.type === 'heading') {
      const h = token as Tokens.Heading;
      const headingText = inlineText(h.tokens, h.text).trim();
      if (h.depth === 1 && !title) {
        title = headingText;
        continue;
      }
      if (h.depth === 2 && TASKS_SECTION.test(headingText)) {
        closeTask();
        inTasksSection = sawTasksSection = true;
        tasksDepth = 2;
        continue;
      }
      if (inTasksSection && h.depth <= tasksDepth) inTasksSection = false;
      const m = (inTasksSection ? TASK_HEADING : STRICT_TASK_HEADING).exec(headingText);
      if (m && h.depth >= 2 && h.depth <= 5) {
        closeTask();
        const tabled = fromTable.get(m[1]!);
        fromTable.delete(m[1]!);
        current = tabled
          ? { ...tabled, line: lineAt(start), title: m[2]!.trim() || tabled.title }
          : { id: m[1]!, line: lineAt(start), title: m[2]!.trim(), files: [], depends_on: [], acceptance_criteria: [], verify: [] };
        if (tabled) tasks[tasks.indexOf(tabled)] = current;
        else tasks.push(current);
        continue;
      }
      if (current) closeTask();
      continue;
    }
    if (token.type === 'table' && (inTasksSection || !sawTasksSection)) {
      for (const t of tableTasks(token as Tokens.Table, lineAt(start))) {
        if (tasks.some((k) => k.id === t.id)) continue;
        fromTable.set(t.id, t);
        tasks.push(t);
      }
      continue;
    }
    if (current) {
      if (token.type === 'list') {
        let cursor = start;
        for (const item of (token as Tokens.List).items) {
          const at = text.indexOf(item.raw.trimEnd(), cursor);
          if (at >= 0) cursor = at;
          applyListItem(current, item, underLabel, currentExtra, { file, line: lineAt(cursor) });
        }
        underLabel = undefined;
      } else if (token.type !== 'space') {
        underLabel = labelParagraph(token);
        if (!underLabel) currentExtra.push(token.raw.trim());
      }
    } else if (!sawTasksSection && title && token.type !== 'space' && tasks.length === 0) {
      description.push(token.raw.trim());
    }
  }
  closeTask();

  if (tasks.length === 0) {
    throw new RelayError(
      `${file}: no tasks found. Expected task headings such as "### T1: Title" under "## Tasks", for example:\n${BLUEPRINT_EXAMPLE}`,
    );
  }
  return { title: title || tasks[0]!.title, description: description.join('\n\n'), tasks };
}
