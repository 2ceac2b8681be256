/**
 * The secret-ish key names and the `key = value` / `--flag value` rules that hide the value
 * of such a key, with the judgement of which values are code, types or placeholders rather
 * than secrets. Part of the engine in ./redact.ts.
 */
export const MARKER_PREFIX = '[REDACTED:';

export function marker(id: string): string {
  return `${MARKER_PREFIX}${id}]`;
}

export interface Rule {
  /** Lower-case ASCII substrings (2+ chars); the rule is skipped unless one occurs in the text, ignoring case. */
  readonly hints: readonly string[];
  readonly apply: (text: string) => string;
}

// ---------------------------------------------------------------------------------------------
// Sensitive key names, shared by `key = value` pairs, CLI flags and redactValue().

/**
 * What a sensitive key name ends with. `pass`, `pwd` and `auth` only count as whole segments
 * (DB_PASS, pwd, _auth) so bypass, oauth and compass do not.
 */
const KEY_SUFFIX =
  '(?:(?:^|[^a-z0-9]|\\\\[nrt])(?:pass|pwd|auth)|pass(?:word|wd|phrase)|secret|token|api[_-]?key|' +
  '(?:access|secret|private|account|auth|encryption|signing|master|session)[_-]?key|credentials?|cookie)';

export const SENSITIVE_KEY = new RegExp(`(?:${KEY_SUFFIX}|authorization)$`, 'i');

export function keyCategory(key: string): string {
  const k = key.toLowerCase();
  if (k.endsWith('authorization')) return 'authorization';
  if (/(?:pass(?:word|wd|phrase)?|pwd)$/.test(k)) return 'password';
  if (k.includes('aws') && /(?:secret|access)/.test(k)) return 'aws-secret-key';
  if (k.endsWith('token')) return 'token';
  if (k.endsWith('cookie')) return 'cookie';
  if (/api[_-]?key$/.test(k)) return 'api-key';
  if (/private[_-]?key$/.test(k)) return 'private-key';
  if (/credentials?$/.test(k)) return 'credentials';
  if (k.endsWith('auth')) return 'auth';
  return 'secret';
}

/** Words that, as the whole unquoted value, are a type, a literal or a placeholder rather than a secret. */
const NON_SECRET_WORDS = new Set([
  'string', 'str', 'number', 'int', 'integer', 'float', 'bool', 'boolean', 'bytes', 'any', 'object', 'unknown',
  'null', 'nil', 'none', 'undefined', 'true', 'false', 'yes', 'no', 'on', 'off',
  'required', 'optional', 'redacted', 'hidden', 'masked', 'empty', 'unset', 'n/a', 'tbd', 'todo',
  'symbol', 'unique', 'typeof', 'keyof', 'readonly', 'new', 'await', 'async', 'function', 'void', 'never',
]);

export const ENV_REFERENCE = /^(?:\$[A-Z_][A-Z0-9_]*|\$\{[^{}\s]{1,80}\}|%[A-Z_][A-Z0-9_]*%)$/;
const CODE_CALL = /^[A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$][\w$]*){0,8}\(/;
const ENV_ACCESS = /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|System\.getenv|ENV\[|env::)/;
const IDENTIFIER_PATH = /^(?:[A-Za-z_$][\w$]*\.){0,8}([A-Za-z_$][\w$]*)$/;

/** True when a quoted value is clearly not a secret: already redacted, a variable reference, a placeholder. */
function quotedValueIsBenign(value: string): boolean {
  return value.startsWith(MARKER_PREFIX) || ENV_REFERENCE.test(value) || /^<[^<>]*>$/.test(value);
}

/** True when an unquoted value is clearly code, a type, a reference or a placeholder rather than a secret. */
function unquotedValueIsBenign(value: string): boolean {
  if (value === '' || value.startsWith(MARKER_PREFIX) || ENV_REFERENCE.test(value)) return true;
  if (/^\$?\{\{/.test(value)) return true; // ${{ secrets.X }}, {{ .Values.password }}
  if (value.length < 3 || /^[0-9]{1,3}$/.test(value)) return true; // too short to be a secret anyway
  if (value.startsWith('/*') || value.startsWith('//')) return true; // `pass: /* @__PURE__ */ …`
  if (NON_SECRET_WORDS.has(value.toLowerCase())) return true;
  if (CODE_CALL.test(value) || ENV_ACCESS.test(value)) return true;
  // `password=password`, `token: self.token`, `api_key=settings.OPENAI_API_KEY`: a variable, not a value.
  const path = IDENTIFIER_PATH.exec(value);
  return path !== null && SENSITIVE_KEY.test(path[1] ?? '');
}

/** An identifier, a dotted path or a generic type: `Token`, `SyntaxKind.X`, `Optional[str]`, `Buffer[]` (its last `]` may have gone with the closers). */
const CODE_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*(?:\[[\w$., |]*\]?)*$/;

/**
 * TypeScript annotations, object literals and statements rather than config: an identifier followed by
 * code punctuation. `token: Token | null`, `(secret: Buffer)`, `{ password: pw, … }`, `const t = tok;`.
 * YAML (`password: hunter2` at the end of a line) and shell (`TOKEN=abc; cmd`, no spaces around `=`)
 * never look like this.
 */
function looksLikeCode(value: string, closers: string, sepChar: string, spacedEquals: boolean, after: string): boolean {
  if (!CODE_NAME.test(value)) return false;
  if (sepChar === ':') return closers !== '' || /^[ \t]*[|&=<>[{?,;)]/.test(after);
  return spacedEquals && (closers !== '' || /^[ \t]*[;,)|&]/.test(after));
}

/** More words on the same line after `key: value` (YAML plain scalars may contain spaces). */
const LINE_REST = /(?:[ \t]+(?!#)[^\s"'\\;&<>`]+)+/y;

interface Assignment {
  text: string;
  /** Where the key starts and where the matched text ends. */
  keyStart: number;
  end: number;
  /** What stays in front of the value: the separator (and the option name for flags). */
  prefix: string;
  /** Whitespace before the separator, the separator and any whitespace after it. */
  lead: string;
  sep: string;
  key: string;
  keyQuote: string;
  isFlag: boolean;
  dqOpen: string | undefined;
  dqValue: string | undefined;
  sqOpen: string | undefined;
  sqValue: string | undefined;
  bare: string | undefined;
}

/**
 * The value half of an assignment. Quoted values are redacted whole (up to the closing quote, which
 * stays); unquoted ones lose trailing closers (`)`, `}`, `,`, `.`) so code and prose stay readable,
 * and when the key was JSON-quoted they end at the first `,`, `}` or `]` so the document stays valid.
 * Returns undefined when the value is not a secret after all, or the replacement and where it ends.
 */
function redactAssigned(a: Assignment): [string, number] | undefined {
  const category = keyCategory(a.key);
  const isPwd = /pwd$/i.test(a.key);
  if (a.dqValue !== undefined || a.sqValue !== undefined) {
    const value = (a.dqValue ?? a.sqValue) as string;
    if (quotedValueIsBenign(value) || (isPwd && /^[/~][^=]*$/.test(value))) return undefined;
    return [`${a.prefix}${a.dqOpen ?? a.sqOpen ?? ''}${marker(category)}`, a.end];
  }
  const bare = a.bare;
  if (bare === undefined) return undefined;
  const sepChar = a.sep[0] ?? '';
  const plainSep = a.sep.length === 1 || /^[:=][ \t]/.test(a.sep); // not =>, :=, ==
  // `TOKEN= cmd` is an empty assignment followed by a word, as in the shell.
  if (!a.isFlag && sepChar === '=' && plainSep && a.lead === '' && a.sep.length > 1) return undefined;
  const jsonish = a.keyQuote.endsWith('"');
  let value = bare;
  if (jsonish) {
    const cut = value.search(/[,}\]]/);
    if (cut !== -1) value = value.slice(0, cut);
  }
  const closers = /[.,:)\]}]+$/.exec(value);
  // ...but not the `]` that ends a marker another rule already put there.
  if (closers !== null && !/\[REDACTED:[a-z0-9-]*$/.test(value.slice(0, closers.index))) value = value.slice(0, closers.index);
  if (unquotedValueIsBenign(bare) || unquotedValueIsBenign(value)) return undefined;
  // PWD=/home/me is the shell's working directory, not a password.
  if (isPwd && /^[/~][^=]*$/.test(value)) return undefined;
  // `data.password === data.confirm` compares two variables.
  if (a.sep.startsWith('==') && CODE_NAME.test(value)) return undefined;
  if (!a.isFlag && plainSep) {
    const after = a.text.slice(a.end, a.end + 4);
    // "First pass: process all schemas": a key word in the middle of a sentence, then a plain word.
    if (sepChar === ':' && a.keyQuote === '' && /^[A-Za-z][a-z]+$/.test(value)
      && /[A-Za-z0-9][ \t]+$/.test(a.text.slice(Math.max(0, a.keyStart - 40), a.keyStart))) return undefined;
    const spacedEquals = sepChar === '=' && a.lead !== '' && a.sep.length > 1;
    if (looksLikeCode(value, bare.slice(value.length), sepChar, spacedEquals, after)) return undefined;
    // `auth:login`, `secret:mocks`: a namespace, not a YAML pair (those need a space after the colon).
    if (sepChar === ':' && a.sep === ':' && a.keyQuote === '' && /^[a-z][a-z_-]*$/.test(value)) return undefined;
    // YAML: `password: correct horse battery staple` is one value.
    if (sepChar === ':' && a.sep.length > 1 && a.keyQuote === '' && value === bare) {
      LINE_REST.lastIndex = a.end;
      if (LINE_REST.test(a.text)) return [`${a.prefix}${marker(category)}`, LINE_REST.lastIndex];
    }
  }
  // A bare JSON value (a number) becomes a string, quoted at the key's own escaping level.
  const quote = jsonish ? a.keyQuote : '';
  return [`${a.prefix}${quote}${marker(category)}${quote}${bare.slice(value.length)}`, a.end];
}

/**
 * The three shapes of a value: "double quoted", 'single quoted', or bare up to whitespace or a quote.
 * A quote followed by `,` `:` `;` `)` `}` `]` or whitespace is taken to close a string
 * (`{"a":"token=","b":1}`, `log('password:', pw)`), not to open a value, so punctuation is never swallowed.
 */
const VALUE =
  '(?:(\\\\{0,7}")(?![\\s,:;{}\\[\\])])([^"\\\\\\r\\n]+)|(\\\\{0,7}\')(?![\\s,:;{}\\[\\])])([^\'"\\\\\\r\\n]+)|' +
  '((?:(?:bearer|basic|token)[ \\t]{1,4}(?=[\\w.~+/=-]{8}))?' +
  // Not code: `getToken()`, `os.getenv(...)`, `process.env.X`, `${{ secrets.X }}` (checked here, bounded,
  // so a declined value is never consumed and cannot hide a real pair inside it).
  '(?![A-Za-z_$][\\w$]{0,64}(?:(?:\\.|::)[A-Za-z_$][\\w$]{0,64}){0,8}\\(|(?:process\\.env|import\\.meta\\.env|os\\.environ|ENV\\[|env::|\\$?\\{\\{))' +
  '[^\\s"\'\\\\;&<>`{\\[=][^\\s"\'\\\\;&<>`]*))';

// key = value, key: value, "key": "value", key => 'value', KEY=value (env), --key=value.
// The match starts at the separator and checks the key with a lookbehind: only `:` and `=` pay for it.
const KEY_VALUE = new RegExp(
  `[:=](?<=(?<!(?<!\\\\)[\\w.-])([\\w.-]{1,64})(?<=${KEY_SUFFIX})(\\\\{0,7}["'])?([ \\t]{0,8})[:=])` +
    `((?:>|==?)?[ \\t]{0,8})${VALUE}`,
  'gi',
);

// --password hunter2, -token abc (the `=` form is KEY_VALUE's).
const FLAG_VALUE = new RegExp(
  `(?<!(?<!\\\\)[\\w-])(--?[a-z][\\w-]{0,63}(?![\\w-])(?<=${KEY_SUFFIX}))([ \\t]{1,4})(?!-)${VALUE}`,
  'gi',
);

/**
 * Like String.replace with a global regex, except that `fn` may decline a match (undefined), and then
 * the search resumes one character after where that match started, so a declined value never hides a
 * real pair inside it; or it may say where its replacement ends.
 */
export function replaceEach(text: string, re: RegExp, fn: (m: RegExpExecArray) => [string, number] | undefined): string {
  let out = '';
  let last = 0;
  let changed = false;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const result = fn(m);
    if (result === undefined) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out += text.slice(last, m.index) + result[0];
    last = result[1];
    re.lastIndex = last;
    changed = true;
  }
  return changed ? out + text.slice(last) : text;
}

export const keyValueRule: Rule = {
  hints: ['pass', 'pwd', 'secret', 'token', 'key', 'credential', 'cookie', 'auth'],
  apply: (text) =>
    replaceEach(text, KEY_VALUE, (m) => {
      const [whole, key = '', keyQuote = '', lead = '', rest = '', dqOpen, dqValue, sqOpen, sqValue, bare] = m;
      const sep = `${whole[0] ?? ''}${rest}`;
      return redactAssigned({
        text, keyStart: m.index - lead.length - keyQuote.length - key.length, end: m.index + whole.length,
        prefix: sep, lead, sep, key, keyQuote, isFlag: false, dqOpen, dqValue, sqOpen, sqValue, bare,
      });
    }),
};

export const flagRule: Rule = {
  hints: ['pass', 'pwd', 'secret', 'token', 'key', 'credential', 'cookie', 'auth'],
  apply: (text) =>
    replaceEach(text, FLAG_VALUE, (m) => {
      const [whole, flag = '', space = '', dqOpen, dqValue, sqOpen, sqValue, bare] = m;
      // `--token TOKEN` in --help output is a metavariable.
      if (bare !== undefined && /^[A-Z][A-Z0-9_-]*$/.test(bare)) return undefined;
      return redactAssigned({
        text, keyStart: m.index, end: m.index + whole.length, prefix: `${flag}${space}`, lead: '', sep: space, key: flag, keyQuote: '', isFlag: true,
        dqOpen, dqValue, sqOpen, sqValue, bare,
      });
    }),
};
