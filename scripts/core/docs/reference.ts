/**
 * docs/reference/, generated from the zod schemas (through the same JSON Schemas `relay schema`
 * writes) and from relay's own renderers, so the reference cannot drift from the code:
 * `npm run docs` writes it, and a test fails when the committed files differ.
 */
import { yaml } from '../shared/yaml-lib.ts';
import { jsonSchemas, SCHEMAS, schemaId, type SchemaName } from '../shared/json-schemas.ts';
import { EVENT_TYPES } from '../events/events.ts';
import { renderNotesSection } from '../episodic/render.ts';
import { renderLesson } from '../knowledge/learnings.ts';
import { renderSessionSummary } from '../events/session-summary.ts';
import type { EpisodicRecord } from '../episodic/records.ts';
import { EXAMPLES } from './examples.ts';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  default?: unknown;
}

interface Row {
  path: string;
  type: string;
  required: boolean;
  meaning: string;
  example: unknown;
}

function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return [...new Set(alternatives.map(typeOf))].join(' or ');
  if (s.type === 'array') return `list of ${s.items ? typeOf(s.items) : 'anything'}`;
  if (s.type === 'object' && !s.properties && s.additionalProperties && typeof s.additionalProperties === 'object') return `map of ${typeOf(s.additionalProperties)}`;
  return Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any');
}

/** The value at a dotted path of the example, through map keys (`<key>`) and lists (`[]`): its first occurrence. */
function exampleAt(value: unknown, path: string[]): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  if (value === null || typeof value !== 'object') return undefined;
  if (head === '[]') return Array.isArray(value) && value.length ? exampleAt(value[0], rest) : undefined;
  if (head === '<key>') {
    for (const v of Object.values(value)) {
      const found = exampleAt(v, rest);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return exampleAt((value as Record<string, unknown>)[head!], rest);
}

/** An object schema, unwrapping a nullable or optional wrapper around it. */
function objectIn(s: JsonSchema): JsonSchema | undefined {
  if (s.properties) return s;
  return (s.anyOf ?? s.oneOf)?.find((a) => a.properties);
}

/** `attempts.<key>.[].id` shown as `attempts.<key>[].id`. */
const shownPath = (path: string[]) => path.join('.').replace(/\.\[\]/g, '[]');

function rows(s: JsonSchema, example: unknown, prefix: string[] = []): Row[] {
  const out: Row[] = [];
  const object = objectIn(s);
  for (const [name, field] of Object.entries(object?.properties ?? {})) {
    const path = [...prefix, name];
    out.push({ path: shownPath(path), type: typeOf(field), required: Boolean(object?.required?.includes(name)), meaning: field.description ?? '', example: exampleAt(example, path) });
    const nested = objectIn(field);
    if (nested) out.push(...rows(nested, example, path));
    else if (field.type === 'array' && field.items && objectIn(field.items)) out.push(...rows(field.items, example, [...path, '[]']));
    else if (field.type === 'object' && typeof field.additionalProperties === 'object') {
      const value = field.additionalProperties;
      if (objectIn(value)) out.push(...rows(value, example, [...path, '<key>']));
      else if (value.type === 'array' && value.items && objectIn(value.items)) out.push(...rows(value.items, example, [...path, '<key>', '[]']));
    }
  }
  return out;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function exampleCell(value: unknown): string {
  if (value === undefined) return '';
  if (value !== null && typeof value === 'object') return Array.isArray(value) ? (value.length ? '`[…]`' : '`[]`') : '`{…}`';
  const text = JSON.stringify(value);
  return `\`${cell(text.length > 48 ? `${text.slice(0, 46)}…"` : text)}\``;
}

const YAML_FILES = new Set<SchemaName>(['epic', 'attempt-ledger', 'agents-config']);

const EVENT_MEANINGS: Record<(typeof EVENT_TYPES)[number], string> = {
  task_start: 'relay work started an attempt (data: attempt, title, start_commit)',
  task_result: 'an attempt ended, or a task was gated, ungated or recovered (data: attempt, result, status, gate, cost_usd, files_changed, or action)',
  error: 'a tool failed, an API call failed, or an attempt failed (data: tool, exit_code, error excerpt, or error_category and findings)',
  heartbeat: 'a prompt was submitted, or the session compacted (data: hook, prompt excerpt)',
  tool_use: 'one tool call (data: tool, file_path or command, exit_code, ok, interrupted, duration_ms, redacted output excerpts)',
  session_start: 'a session started, resumed, cleared or compacted (data: source, anchored_task, context_chars, memories)',
  session_end: 'a session ended, or a turn stopped (data: reason, last message excerpt)',
};

const EPISODIC_TYPES = [
  '',
  '## Record types and the gates',
  '',
  '| `type` | For | Fields that carry it |',
  '|---|---|---|',
  '| `task_completion` | a task finished or was gated (`relay work` writes these itself, id `<epic>-<task>-<time>`) | `status`, `attempts`, `files_modified`, `cost_usd`, `lesson_learned` |',
  '| `consensus_decision` | a decision and why | `summary`, `root_cause` (why), `follow_ups` |',
  '| `deployment` | a release | `deployment_time`, `duration_minutes` (lead time), `dora_impact` |',
  '| `incident` | something broke | `severity`, `root_cause`, `fix`, `verification`, `duration_minutes` (time to restore) |',
  '| `rollback` | a release taken back | `root_cause`, `fix`, `dora_impact` |',
  '| `lesson_learned` | a lesson on its own | `lesson_learned` (required for this type) |',
  '',
  'Every record written by `relay ledger add` (and `/relay:ledger-update`) passes these gates, or is refused with one line naming the field and exit 2:',
  '',
  '- `task_id` is unique in the ledger and its archives (`--suffix-timestamp` adds the time when it is taken);',
  '- a `lesson_learned` names something concrete (a file, command, error, setting or number) and what to do differently: "be careful" or "tests pass" is refused;',
  '- a `dora_impact` is quantified: a number with a unit ("lead time -35 min", "+2 deploys/week");',
  '- every string is redacted before it is written.',
];

function schemaDoc(name: SchemaName, schema: JsonSchema): string {
  const example = EXAMPLES[name];
  const table = rows(schema, example).map((r) => `| \`${r.path}\` | ${cell(r.type)} | ${r.required ? 'yes' : 'no'} | ${cell(r.meaning)} | ${exampleCell(r.example)} |`);
  const body = YAML_FILES.has(name) ? ['```yaml', yaml().stringify(example, { lineWidth: 0 }).trimEnd(), '```'] : ['```json', JSON.stringify(example, null, 2), '```'];
  const extra = name === 'event-line'
    ? ['', '## Event types', '', '| `event` | Written when |', '|---|---|', ...EVENT_TYPES.map((t) => `| \`${t}\` | ${EVENT_MEANINGS[t]} |`), '', 'Append rules for any writer: one JSON object per line, written with a single `write()` on a file opened with `O_APPEND`, in `.agents-os/ledger/<agent>/<YYYY-MM-DD>.jsonl` (the UTC day of `timestamp`); never rewrite a line.']
    : name === 'episodic-record' ? EPISODIC_TYPES : [];
  return [
    `# ${name}`,
    '',
    `${SCHEMAS[name].title}. JSON Schema \`${schemaId(name)}\`, written by \`relay schema\` as \`${name}.schema.json\`.`,
    '',
    '| Field | Type | Required | Meaning | Example |',
    '|---|---|---|---|---|',
    ...table,
    ...extra,
    '',
    '## Example',
    '',
    ...body,
    '',
  ].join('\n');
}

const EXAMPLE_RECORD = EXAMPLES['episodic-record'] as EpisodicRecord;

function formatsDoc(): string {
  const lesson = renderLesson({ text: 'Compare emails case-insensitively in the index itself (citext), not only in application code', count: 4, lastSeen: '2026-12-02', tags: ['db', 'auth'], refs: [] });
  const summary = renderSessionSummary({
    sessionId: '0f6a2c1e-7b3d-4e5f-8a9b-1c2d3e4f5a6b', agent: 'relay-worker', agents: ['relay-worker'], startedAt: '2026-12-02T09:05:02.000Z', endedAt: '2026-12-02T09:11:28.000Z', endReason: 'other',
    tasks: ['T2'], prompts: 1, tools: [{ tool: 'Bash', calls: 4, failed: 1 }, { tool: 'Edit', calls: 3, failed: 0 }], files: [{ path: 'src/password.js', tools: ['Edit'] }],
    errors: [{ timestamp: '2026-12-02T09:06:12.431Z', agent: 'relay-worker', summary: 'Bash npm test -- password (exit 1)', detail: 'expected verify() to accept the hash it made' }],
  });
  return [
    '# Markdown formats',
    '',
    'The files relay writes for people to read, with examples rendered by relay\'s own code.',
    '',
    '## AGENTS.md "## Key Learnings"',
    '',
    'relay owns this one section (up to the next level-1 or level-2 heading); every other byte of AGENTS.md is yours. One line per lesson, most recurring first; lines without the suffix are yours and stay as written. Seen 3 times: recommend; 4 or more: strong. Where each lesson came from is in `docs/ops-knowledge/learnings/key-learnings-provenance.md`.',
    '',
    '```markdown',
    lesson,
    '```',
    '',
    '## progress/NOTES.md',
    '',
    'One section per episodic ledger record, appended by `relay ledger add` and `relay work`; the heading holds the record\'s time, type and unique id.',
    '',
    '```markdown',
    renderNotesSection(EXAMPLE_RECORD).trimEnd(),
    '```',
    '',
    '## Session summaries (.agents-os/memory/<agent>/sessions/<YYYY-MM-DD>-<session>.md)',
    '',
    'Written at SessionEnd from the session\'s events.',
    '',
    '```markdown',
    summary.trimEnd(),
    '```',
    '',
  ].join('\n');
}

/** Every file of docs/reference/, by name. */
export function referenceDocs(): Record<string, string> {
  const schemas = jsonSchemas() as Record<string, JsonSchema>;
  const names = Object.keys(SCHEMAS) as SchemaName[];
  const index = [
    '# Reference',
    '',
    'Generated by `npm run docs` from the zod schemas in `scripts/` (the same ones relay validates with); a test fails when these files are stale. `relay schema --out DIR` writes the JSON Schemas themselves.',
    '',
    ...names.map((n) => `- [${n}](${n}.md): ${SCHEMAS[n].title}`),
    '- [formats](formats.md): AGENTS.md Key Learnings, NOTES.md and session summaries',
    '',
  ].join('\n');
  return {
    'README.md': index,
    ...Object.fromEntries(names.map((n) => [`${n}.md`, schemaDoc(n, schemas[`${n}.schema.json`]!)])),
    'formats.md': formatsDoc(),
  };
}
