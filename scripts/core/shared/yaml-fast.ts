/**
 * YAML read fast, for what relay writes and what people usually hand-write. js-yaml parses
 * plain YAML 1.2 about six times faster than yaml (relay keeps yaml for everything it writes
 * and for every error message: its Document API keeps comments, and its errors carry lines).
 * Undefined whenever the fast reading could differ or fail: anchors and aliases (yaml bounds
 * their expansion), tags, merge keys, an empty or broken document, a duplicate key. The caller
 * then parses with yaml-strict.ts, which reports the problem with its line.
 */
import { CORE_SCHEMA, load } from 'js-yaml';

/** `&anchor`, `*alias` or `!tag` at the start of a node, or a `<<` merge key: the strict parser's job. */
const NEEDS_STRICT = /(?:^|[\s[{,:-])[&*!][^\s,\]}]|^\s*(?:-\s+)?<<\s*:/m;

export function fastYamlValue(text: string): unknown {
  if (NEEDS_STRICT.test(text)) return undefined;
  try {
    return load(text, { schema: CORE_SCHEMA }) ?? undefined;
  } catch {
    return undefined;
  }
}

/** A plain scalar YAML's core schema reads as a string and nothing else: no indicator first, no number, bool or null. */
function plainString(s: string): boolean {
  if (!s || /^[-?:,[\]{}#&*!|>'"%@`\s]/.test(s) || /\s$/.test(s) || /:(\s|$)|\s#|\t/.test(s)) return false;
  if (/^(?:true|false|null|~)$/i.test(s) || /^[-+]?\.?(?:inf|nan)$/i.test(s)) return false;
  // Anything that starts like a number is left to a real parser, but an ISO date or time is a string in YAML 1.2.
  return !/^[-+.]?\d/.test(s) || /^\d{4}-\d{2}-\d{2}(?:[Tt]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/.test(s);
}

/** A whole value or (`inFlow`) a flow-list item: a plain string, or a quoted one with no escapes. */
function scalarString(s: string, inFlow: boolean): string | undefined {
  if (/^"[^"\\]*"$/.test(s) || /^'[^']*'$/.test(s)) return s.slice(1, -1);
  // Inside [ ], a plain scalar cannot hold a flow indicator.
  return plainString(s) && !(inFlow && /[[\]{},]/.test(s)) ? s : undefined;
}

/**
 * The commonest frontmatter, a flat map of `key: value` lines whose values are strings or flow
 * lists of strings, read without a YAML parser (js-yaml costs about 0.15 ms a call, which is most
 * of reading 1,500 entries). Undefined for anything else: a nested map, a block list, a number, a
 * comment, an escape, a duplicate key. Then fastYamlValue or yaml reads it. A property test
 * compares it with yaml.
 */
export function flatYamlMap(text: string): Record<string, string | string[]> | undefined {
  const out: Record<string, string | string[]> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_-]*):[ ]+(\S.*?)[ ]*$/.exec(line);
    if (!m || Object.hasOwn(out, m[1]!)) return undefined;
    const raw = m[2]!;
    let value: string | string[] | undefined;
    if (raw.startsWith('[') && raw.endsWith(']')) {
      const inner = raw.slice(1, -1).trim();
      const items = inner ? inner.split(',').map((item) => scalarString(item.trim(), true)) : [];
      value = items.every((item): item is string => item !== undefined) ? items : undefined;
    } else value = scalarString(raw, false);
    if (value === undefined) return undefined;
    out[m[1]!] = value;
  }
  return out;
}
