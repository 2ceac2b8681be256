/**
 * Hand-written bad inputs for the bad-input suite: what people and tools actually leave in
 * files (hand edits, wrong types, unknown keys, merge debris) and what attackers write (YAML
 * alias bombs, deep nesting, huge files). Generated cases come from fast-check in the test.
 */

/** A "billion laughs" document: 9^7 ≈ 4.8 million strings once every alias is expanded. */
export const YAML_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  '',
].join('\n');

/** Aliases inside a valid-looking epic: few anchors, but each task repeats a big list. */
export function aliasedListsEpic(valid: string): string {
  const big = Array.from({ length: 2000 }, (_, i) => `"criterion ${i}"`).join(', ');
  return `${valid.replace(/^tasks:/m, `x-shared: &crit [${big}]\ntasks:`)}`.replace(/acceptance_criteria: \[\]/g, 'acceptance_criteria: *crit');
}

export const deepFlow = (depth: number) => `tasks: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
export const deepBlock = (depth: number) => `tasks:\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x\n`;
export const deepMaps = (depth: number) => `tasks: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
/** One map with `n` keys (a generated or pasted file). */
export const manyKeys = (n: number) => `version: 1\nx-junk:\n${Array.from({ length: n }, (_, i) => `  k${i}: [1, 2, {a: b}]`).join('\n')}\n`;
/** The same `n` entries as `manyKeys`, about the same bytes, spread over maps of 100 keys: the control for parse time. */
export const manySmallMaps = (n: number) => `version: 1\nx-junk:\n${Array.from({ length: n / 100 }, (_, m) => Array.from({ length: 100 }, (_, i) => `${i ? '   ' : ' - '}k${m * 100 + i}: [1, 2, {a: b}]`).join('\n')).join('\n')}\n`;

/** `text` with the first U+0001 replaced by raw bytes (for byte sequences that are not valid UTF-8). */
function rawBytesAt(text: string, bytes: number[]): Buffer {
  const [before, after] = text.split('\u0001', 2) as [string, string];
  return Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);
}

/**
 * [name, transform of the valid epic.yml text, may it load?]. Each must be rejected with a one-line
 * error naming epic.yml, except the few marked `true`, which a reader may also accept (yaml reads a
 * NUL inside a scalar, and invalid UTF-8 as U+FFFD): those must then simply load.
 */
export type YamlCase = [string, (valid: string) => string | Buffer, boolean?];

export const EPIC_YAML_CASES: YamlCase[] = [
  ['an alias bomb', () => YAML_BOMB],
  ['an alias bomb inside the epic', (v) => `${v}\n${YAML_BOMB.split('\n').map((l) => (l ? `x-${l}` : l)).join('\n')}`],
  ['a self-referencing alias', () => 'tasks: &a [*a]\n'],
  ['an alias to an unknown anchor', (v) => v.replace(/^title: .*$/m, 'title: *nowhere')],
  ['flow nesting 5000 deep', () => deepFlow(5000)],
  ['map nesting 3000 deep', () => deepMaps(3000)],
  ['block nesting 2000 deep', () => deepBlock(2000)],
  ['an unknown top-level key', (v) => `${v}owner: someone\n`],
  ['an unknown task key', (v) => v.replace(/^( {4})priority: (p\d)$/m, '$1priority: $2\n$1estimate: 3h')],
  ['version 2', (v) => v.replace(/^version: 1$/m, 'version: 2')],
  ['version as a string', (v) => v.replace(/^version: 1$/m, 'version: "1"')],
  ['created_at not a date', (v) => v.replace(/^created_at: .*$/m, 'created_at: yesterday')],
  ['tasks as a string', (v) => v.replace(/^tasks:[\s\S]*$/m, 'tasks: "T1, T2"\n')],
  ['tasks as a list', (v) => v.replace(/^tasks:[\s\S]*$/m, 'tasks:\n  - title: a\n')],
  ['a bad priority', (v) => v.replace(/priority: p\d/, 'priority: urgent')],
  ['negative points', (v) => v.replace(/points: \d+/, 'points: -3')],
  ['points as text', (v) => v.replace(/points: \d+/, 'points: many')],
  ['depends_on as a string', (v) => v.replace(/depends_on:\n {6}- (T\d)/, 'depends_on: $1')],
  ['a dependency on an unknown task', (v) => v.replace(/depends_on:\n {6}- T\d/, 'depends_on:\n      - T99')],
  // T3 depends on T2 in the generated epic; T2 depending on T3 closes the loop.
  ['a dependency cycle', (v) => v.replace(/(T2:\n(?: {4}.*\n)*? {4})depends_on: \[\]/, '$1depends_on: [T3]')],
  ['a task id with ../', (v) => v.replace(/^ {2}T1:$/m, '  ../../evil:')],
  ['a task id with a NUL', (v) => v.replace(/^ {2}T1:$/m, '  "T\\0x":')],
  ['a 500-character task id', (v) => v.replace(/^ {2}T1:$/m, `  T${'x'.repeat(499)}:`)],
  ['an empty title', (v) => v.replace(/^( {4})title: .*$/m, '$1title: ""')],
  ['a duplicate key', (v) => v.replace(/^title: .*$/m, (l) => `${l}\n${l}`)],
  ['two documents', (v) => `${v}---\n${v}`],
  ['tab indentation', (v) => v.replace(/^ {2}T1:\n {4}/m, '  T1:\n\t')],
  ['merge-conflict markers', (v) => v.replace(/^title: (.*)$/m, '<<<<<<< HEAD\ntitle: $1\n=======\ntitle: other\n>>>>>>> branch')],
  ['an unclosed flow list', (v) => v.replace(/depends_on: \[\]/, 'depends_on: [T1')],
  ['a binary tag where text belongs', (v) => v.replace(/^title: (.*)$/m, 'title: !!binary aGVsbG8=')],
  ['NUL bytes in a value', (v) => v.replace(/^title: (.*)$/m, 'title: Fault\u0000\u0000 epic'), true],
  ['NUL bytes in a key', (v) => v.replace(/^title: (.*)$/m, 'ti\u0000tle: $1')],
  ['invalid UTF-8 in a value', (v) => rawBytesAt(v.replace(/^title: .*$/m, 'title: \u0001'), [0xff, 0xfe, 0xc3, 0x28]), true],
  ['invalid UTF-8 in a key', (v) => Buffer.concat([Buffer.from(v), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(': 1\n')])],
  ['an empty file', () => ''],
  ['only a comment', () => '# nothing here\n'],
  ['a bare scalar', () => '42\n'],
  ['a bare list', () => '- 1\n- 2\n'],
  ['null', () => 'null\n'],
];

/** Same idea for the attempt ledger (relay owns it, but people and merges still touch it). */
export const LEDGER_YAML_CASES: YamlCase[] = [
  ['an alias bomb', () => YAML_BOMB],
  ['an unknown key', (v) => `${v}notes: hi\n`],
  ['a bad task status', (v) => v.replace(/^( {2}T1): \w+$/m, '$1: finished')],
  ['max attempts as text', (v) => v.replace(/max_attempts_per_task: \d+/, 'max_attempts_per_task: three')],
  ['max attempts of zero', (v) => v.replace(/max_attempts_per_task: \d+/, 'max_attempts_per_task: 0')],
  ['timeout as a list', (v) => v.replace(/timeout_minutes: \d+/, 'timeout_minutes: [30]')],
  ['attempts as a list', (v) => v.replace(/^attempts:.*$/m, 'attempts: [1, 2]')],
  ['an attempt with a bad result', (v) => v.replace(/^attempts:.*$/m, 'attempts:\n  T1:\n    - id: 1\n      started_at: 2026-01-01T00:00:00Z\n      result: 42')],
  ['an attempt id of -1', (v) => v.replace(/^attempts:.*$/m, 'attempts:\n  T1:\n    - id: -1\n      started_at: 2026-01-01T00:00:00Z\n      result: success')],
  ['a gate with an unknown reason', (v) => v.replace(/^gated_tasks:.*$/m, 'gated_tasks:\n  T1:\n    reason: bored\n    gated_at: 2026-01-01T00:00:00Z')],
  ['the epic id of another epic', (v) => v.replace(/^epic_id: .*$/m, 'epic_id: some-other-epic')],
  ['a task id with ../', (v) => v.replace(/^( {2})T1: (\w+)$/m, '$1../../evil: $2')],
  ['a duplicate key', (v) => v.replace(/^version: 1$/m, 'version: 1\nversion: 1')],
  ['a torn tail (half a write)', (v) => v.slice(0, Math.floor(v.length * 0.6))],
  ['an empty file', () => ''],
  ['flow nesting 5000 deep', () => deepFlow(5000)],
];

/** Hook stdin that is not a payload at all. */
export const HOOK_GARBAGE: [string, string | Buffer][] = [
  ['empty', ''],
  ['whitespace', ' \n\t\n'],
  ['not JSON', 'hello {'],
  ['truncated JSON', '{"hook_event_name":"PostToolUse","session_id":"s","tool_'],
  ['a JSON string', '"PostToolUse"'],
  ['a JSON number', '1e999'],
  ['JSON null', 'null'],
  ['a JSON array', '[{"hook_event_name":"PostToolUse"}]'],
  ['nesting a million deep', `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`],
  ['an object nested 100000 deep', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
  ['binary', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256))],
  ['UTF-16 with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"hook_event_name":"PostToolUse"}', 'utf16le')])],
  ['a UTF-8 BOM before the payload', '\ufeff{"hook_event_name":"Stop","session_id":"s"}'],
  ['NUL bytes inside', '{"hook_event_name":"PostToolUse",\u0000"x":1}'],
  ['two payloads', '{"hook_event_name":"Stop"}{"hook_event_name":"Stop"}'],
  ['9 MB of JSON', JSON.stringify({ hook_event_name: 'PostToolUse', tool_name: 'Write', tool_input: { content: 'x'.repeat(9 * 1024 * 1024) } })],
];
