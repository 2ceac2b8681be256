/**
 * Secret redaction for every string relay writes to disk (hook events, receipts, notes, ledgers, logs).
 * The rules that are data (token shapes, client password flags, URL parameters, key names) live in
 * ./redact-rules.ts, the rules that need code in ./redact-pairs.ts and ./redact-context.ts; this
 * file is the engine. secretlint itself is too heavy and async for the PostToolUse hook path.
 *
 * Design rules, all of them load-bearing:
 * - No imports but the rule modules. This runs after every tool call.
 * - Markers look like `[REDACTED:id]` and never contain `"` or `\`, and no pattern consumes a quote or
 *   a backslash escape, so redacting a JSON document (or a JSON-encoded string, once or several times
 *   over) leaves it parseable.
 * - Every pattern starts at a token boundary (a lookbehind) or at a separator (`=`, `:`, `://`) and
 *   checks what precedes it with a bounded lookbehind, so a long run of one character gives it few
 *   start positions; nothing that can fail follows an unbounded quantifier, and no quantifiers nest
 *   over overlapping classes: no regex here backtracks more than a bounded amount per start position.
 * - Each rule only runs when one of its lower-case hints occurs in the text (one scan finds them all).
 * - Redact before you truncate: a secret cut in half may no longer have a recognisable shape.
 */

import { RULES, SPANNING_RULES } from './redact-context.ts';
import { keyCategory, marker, MARKER_PREFIX, SENSITIVE_KEY, type Rule } from './redact-pairs.ts';


// ---------------------------------------------------------------------------------------------
// Public API

// ---------------------------------------------------------------------------------------------
// Which rules can match at all: one pass over the text looking up each character pair (ASCII
// case-folded) in a table of the hints' first two characters. Far cheaper than a regex or an
// includes() per hint, and it makes text with no candidate substring almost free.

const HINTS: string[] = [];
const HINT_RULES: number[][] = [];
RULES.forEach((rule, ruleIndex) => {
  for (const hint of rule.hints) {
    let id = HINTS.indexOf(hint);
    if (id === -1) {
      id = HINTS.push(hint) - 1;
      HINT_RULES.push([]);
    }
    HINT_RULES[id]?.push(ruleIndex);
  }
});
/** PAIR_HEAD[first two chars] is the first hint id starting with them, HINT_NEXT chains the rest; -1 ends. */
const PAIR_HEAD = new Int16Array(128 * 128).fill(-1);
const HINT_NEXT = new Int16Array(HINTS.length).fill(-1);
HINTS.forEach((hint, id) => {
  const pair = (hint.charCodeAt(0) << 7) | hint.charCodeAt(1);
  HINT_NEXT[id] = PAIR_HEAD[pair] as number;
  PAIR_HEAD[pair] = id;
});

function fold(code: number): number {
  return code >= 65 && code <= 90 ? code | 32 : code;
}

function hintAt(text: string, at: number, hint: string): boolean {
  if (at + hint.length > text.length) return false;
  for (let k = 2; k < hint.length; k++) if (fold(text.charCodeAt(at + k)) !== hint.charCodeAt(k)) return false;
  return true;
}

// Scratch for rulesToRun, shared by every call (a call never nests, and no rule redacts): per
// hint and per rule, the number of the call that last found it. Two typed arrays a call were
// most of redaction's garbage: recall redacts some 30,000 strings on a first query.
const HINT_FOUND = new Uint32Array(HINTS.length);
const RULE_RUNS = new Uint32Array(RULES.length);
let calls = 0;

/** Marks in RULE_RUNS, with the number it returns, the rules whose hints occur in `text`. */
function rulesToRun(text: string): number {
  if (++calls === 0xffffffff) {
    HINT_FOUND.fill(0);
    RULE_RUNS.fill(0);
    calls = 1;
  }
  const call = calls;
  let prev = fold(text.charCodeAt(0));
  for (let i = 0; i + 1 < text.length; i++) {
    const next = fold(text.charCodeAt(i + 1));
    if (prev < 128 && next < 128) {
      for (let id = PAIR_HEAD[(prev << 7) | next] as number; id !== -1; id = HINT_NEXT[id] as number) {
        if (HINT_FOUND[id] !== call && hintAt(text, i, HINTS[id] as string)) {
          HINT_FOUND[id] = call;
          const rules = HINT_RULES[id] as number[];
          for (let r = 0; r < rules.length; r++) RULE_RUNS[rules[r]!] = call;
        }
      }
    }
    prev = next;
  }
  return call;
}

function pass(text: string): string {
  const call = rulesToRun(text);
  let out = text;
  for (let r = 0; r < RULES.length; r++) if (RULE_RUNS[r] === call) out = (RULES[r] as Rule).apply(out);
  return out;
}

/**
 * Passes after the first only run when the previous one changed something (so only when there were
 * secrets): they catch what a redaction newly exposes, e.g. a token glued to the end of another.
 */
const MAX_PASSES = 4;

function passes(text: string): string {
  let out = text;
  for (let i = 0; i < MAX_PASSES; i++) {
    const next = pass(out);
    if (next === out) break;
    out = next;
  }
  return out;
}

const CHUNK = 2048;

/**
 * A long text is redacted in chunks of whole lines: every other rule is line-local, and a rule
 * then runs over a chunk only when its hints occur there, so 1 MB of tool output with a few
 * secrets costs a few chunks' work rather than every triggered rule over the whole megabyte.
 */
function redactLong(text: string): string {
  let whole = text;
  const lower = text.toLowerCase();
  for (const rule of SPANNING_RULES) if (rule.hints.some((h) => lower.includes(h))) whole = rule.apply(whole);
  let out = '';
  for (let start = 0; start < whole.length;) {
    const cut = whole.indexOf('\n', start + CHUNK);
    const end = cut === -1 ? whole.length : cut + 1;
    out += passes(whole.slice(start, end));
    start = end;
  }
  return out;
}

/** Replaces every secret in `text` with a `[REDACTED:kind]` marker. Idempotent; never throws on a string. */
export function redact(text: string): string {
  if (typeof text !== 'string' || text.length < 5) return text;
  return text.length > 4 * CHUNK && text.includes('\n') ? redactLong(text) : passes(text);
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const MAX_DEPTH = 200;

function walk(value: unknown, sensitive: string | undefined, seen: WeakMap<object, unknown>, depth: number): unknown {
  if (typeof value === 'string') {
    if (sensitive !== undefined && value !== '' && !value.startsWith(MARKER_PREFIX)) return marker(sensitive);
    return redact(value);
  }
  if (value === null || typeof value !== 'object') return value;
  const done = seen.get(value);
  if (done !== undefined) return done;
  if (depth >= MAX_DEPTH) return marker('too-deep');
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(walk(item, sensitive, seen, depth + 1));
    return out;
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  seen.set(value, out);
  for (const key of Object.keys(value)) {
    const category = SENSITIVE_KEY.test(key) ? keyCategory(key) : sensitive;
    // defineProperty, not assignment, so an own "__proto__" key stays a key.
    Object.defineProperty(out, key, {
      value: walk(value[key], category, seen, depth + 1), enumerable: true, writable: true, configurable: true,
    });
  }
  return out;
}

/**
 * Deep-redacts every string in plain objects and arrays, returning a copy (the input is not changed).
 * Keys are kept; a string under a sensitive key (password, secret, token, api_key, authorization, cookie…)
 * is replaced whole even when it has no recognisable shape. Other objects (Date, Map, class instances)
 * are returned as they are.
 */
export function redactValue<T>(value: T): T {
  return walk(value, undefined, new WeakMap(), 0) as T;
}

/**
 * Cuts `text` to its first `max` UTF-16 units (one fewer rather than split a surrogate pair) and appends
 * `… [truncated N chars]`. The marker comes on top of `max`. Redact first, then truncate.
 */
export function truncate(text: string, max: number): string {
  if (typeof text !== 'string') return text;
  if (Number.isNaN(max)) max = 0;
  if (text.length <= max) return text;
  let cut = Math.max(0, Math.floor(max));
  if (cut > 0) {
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  }
  return `${text.slice(0, cut)}… [truncated ${text.length - cut} chars]`;
}
