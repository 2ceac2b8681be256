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
