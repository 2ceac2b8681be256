/**
 * Secret redaction for every string relay writes to disk (hook events, receipts, notes, ledgers, logs).
 * The rules that are data (token shapes, client password flags, URL parameters, key names) live in
 * ./redact-rules.ts; this file is the engine and the rules that need code. secretlint itself is too
 * heavy and async for the PostToolUse hook path.
 *
 * Design rules, all of them load-bearing:
 * - No imports but the rules table. This runs after every tool call.
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

import { CLIENT_PASSWORDS, SECRET_KEY_PHRASES, SECRET_NAME_SEGMENTS, SECRET_QUERY_PARAMS, TOKEN_SHAPES, type ShapeRule } from './redact-rules.ts';

const MARKER_PREFIX = '[REDACTED:';

function marker(id: string): string {
  return `${MARKER_PREFIX}${id}]`;
}

interface Rule {
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

const SENSITIVE_KEY = new RegExp(`(?:${KEY_SUFFIX}|authorization)$`, 'i');

function keyCategory(key: string): string {
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

const ENV_REFERENCE = /^(?:\$[A-Z_][A-Z0-9_]*|\$\{[^{}\s]{1,80}\}|%[A-Z_][A-Z0-9_]*%)$/;
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
function replaceEach(text: string, re: RegExp, fn: (m: RegExpExecArray) => [string, number] | undefined): string {
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

const keyValueRule: Rule = {
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

const flagRule: Rule = {
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

// ---------------------------------------------------------------------------------------------
// PEM private key blocks, including ones cut off before their END line.

const PEM_BEGIN = /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_END = /-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/y;
/** The body of a block with no END line: base64, whitespace, escaped newlines, RFC 1421 headers. Never fails. */
const PEM_BODY = /(?:(?:Proc-Type|DEK-Info|Comment|Version|Hash):[^\r\n"'\\]{0,200}|[A-Za-z0-9+/=]|[ \t\r\n]|\\{1,8}[nrt])*/y;
const PEM_MAX_BODY = 65_536;

/** What may not sit between BEGIN and END for the whole span to be one string: quotes, stray backslashes. */
const PEM_NOT_ONE_STRING = /["'`]|\\(?![\\nrt])/g;

function redactPem(text: string): string {
  let out = '';
  let last = 0;
  // Both searches only move forward, so many BEGIN lines cost one scan, not one each.
  let endAt = -2;
  let badAt = -2;
  PEM_BEGIN.lastIndex = 0;
  for (let m = PEM_BEGIN.exec(text); m !== null; m = PEM_BEGIN.exec(text)) {
    const start = m.index;
    const bodyStart = start + m[0].length;
    let end = -1;
    if (endAt !== -1 && endAt < bodyStart) endAt = text.indexOf('-----END', bodyStart);
    if (endAt !== -1 && endAt - bodyStart <= PEM_MAX_BODY) {
      if (badAt !== -1 && badAt < bodyStart) {
        PEM_NOT_ONE_STRING.lastIndex = bodyStart;
        badAt = PEM_NOT_ONE_STRING.exec(text)?.index ?? -1;
      }
      // Only swallow through END when the block stays inside one string: no quotes, whole escapes only.
      if (badAt === -1 || badAt > endAt) {
        PEM_END.lastIndex = endAt;
        if (PEM_END.test(text)) end = PEM_END.lastIndex;
      }
    }
    if (end === -1) {
      PEM_BODY.lastIndex = bodyStart;
      PEM_BODY.test(text);
      end = PEM_BODY.lastIndex;
      while (end > bodyStart && /[ \t\r\n]/.test(text[end - 1] ?? '')) end--;
    }
    out += text.slice(last, start) + marker('private-key');
    last = end;
    PEM_BEGIN.lastIndex = end;
  }
  return last === 0 ? text : out + text.slice(last);
}

const pemRule: Rule = { hints: ['-----begin'], apply: redactPem };

// ---------------------------------------------------------------------------------------------
// Tokens recognisable by shape alone (gitleaks / secretlint rule names in the ids).

function shapeRule(r: ShapeRule): Rule {
  const replacement = r.keepPrefix ? `$1${marker(r.id)}` : marker(r.id);
  const check = r.check;
  return {
    hints: r.hints,
    apply: check ? (text) => text.replace(r.pattern, (m) => (check(m) ? replacement : m)) : (text) => text.replace(r.pattern, replacement),
  };
}

const SHAPE_RULES: readonly Rule[] = TOKEN_SHAPES.map(shapeRule);

// ---------------------------------------------------------------------------------------------
// Headers, URLs and command lines.

const AUTH_SCHEMES = /^(?:bearer|basic|token|digest|negotiate|ntlm|bot|apikey|api-key|sso-key|jwt|dpop|key|ssws)$/i;

const AUTHORIZATION =
  /(?<!(?<!\\)[\w-])((?:proxy-)?authorization)(\\{0,7}["'])?([ \t]{0,8}[:=][ \t]{0,8}(?:\\{0,7}["'](?![\s,:;{}[\])]))?)(?:(bearer|basic|token|digest|negotiate|ntlm|bot|apikey|api-key|sso-key|jwt|dpop|key|ssws)([ \t]{1,8}))?([^\s"'\\]+)/gi;

const authorizationRule: Rule = {
  hints: ['authorization'],
  apply: (text) =>
    text.replace(AUTHORIZATION, (whole, name: string, keyQuote: string | undefined, sep: string, scheme: string | undefined, space: string | undefined, value: string) => {
      if (value.startsWith(MARKER_PREFIX) || ENV_REFERENCE.test(value)) return whole;
      const prefix = `${name}${keyQuote ?? ''}${sep}`;
      if (scheme !== undefined) return `${prefix}${scheme}${space ?? ''}${marker(scheme.toLowerCase())}`;
      if (AUTH_SCHEMES.test(value)) return whole;
      // {"Authorization": 0}: a bare JSON value ends at , } or ] and becomes a string.
      if (keyQuote?.endsWith('"') && !/["']$/.test(sep)) {
        const cut = value.search(/[,{}[\]]/);
        if (cut === 0) return whole;
        return `${prefix}${keyQuote}${marker('authorization')}${keyQuote}${cut === -1 ? '' : value.slice(cut)}`;
      }
      return `${prefix}${marker('authorization')}`;
    }),
};

const COOKIE_HEADER = /(?<!(?<!\\)[\w-])((?:set-)?cookie[ \t]{0,4}:[ \t]{0,8})([^\r\n"'\\]+)/gi;
const cookieRule: Rule = {
  hints: ['cookie'],
  // A cookie header carries name=value pairs; `cookie: it expires` in prose does not.
  apply: (text) => text.replace(COOKIE_HEADER, (whole, prefix: string, value: string) =>
    (!value.includes('=') || value.startsWith(MARKER_PREFIX) ? whole : `${prefix}${marker('cookie')}`)),
};

const BEARER = /(?<!(?<!\\)[\w-])(bearer[ \t]{1,4})[A-Za-z0-9._~+/-]{16,}=*/gi;
const bearerRule: Rule = { hints: ['bearer'], apply: (text) => text.replace(BEARER, `$1${marker('bearer')}`) };

// scheme://user:password@host — git remotes, database URLs, proxies. Matches start at `://`, found fast.
const URL_PASSWORD = /:\/\/(?<=(?<!(?<!\\)[a-z0-9+.-])[a-z][a-z0-9+.-]{1,30}:\/\/)([^\s:/?#@"'\\]{0,256}):([^\s/?#@"'\\]{1,512})@/gi;
const urlPasswordRule: Rule = {
  hints: ['://'],
  apply: (text) =>
    text.replace(URL_PASSWORD, (whole, user: string, password: string) =>
      (whole.includes(MARKER_PREFIX) || ENV_REFERENCE.test(password) ? whole : `://${user}:${marker('url-password')}@`)),
};

// scheme://<long opaque token>@host — a token used as the user name.
const URL_TOKEN_USER = /:\/\/(?<=(?<!(?<!\\)[a-z0-9+.-])[a-z][a-z0-9+.-]{1,30}:\/\/)([A-Za-z0-9_-]{32,256})@/gi;
const urlTokenRule: Rule = {
  hints: ['://'],
  apply: (text) => text.replace(URL_TOKEN_USER, (whole, user: string) =>
    (/[0-9]/.test(user) && /[A-Za-z]/.test(user) ? `://${marker('url-token')}@` : whole)),
};

// curl -u user:password, --user=user:password.
const CURL_USER = /(?<!(?<!\\)[\w-])(-u|--user)([ \t]{1,4}|=)(\\{0,7}["'](?![\s,:;{}[\])]))?([^\s:"'\\[\]=]{0,256}):([^\s"'\\]+)/g;
const curlUserRule: Rule = {
  hints: ['-u'],
  apply: (text) =>
    text.replace(CURL_USER, (whole, flag: string, sep: string, quote: string | undefined, user: string, password: string) => {
      if (whole.includes(MARKER_PREFIX) || ENV_REFERENCE.test(password)) return whole;
      if (/^[0-9]*$/.test(user) && /^[0-9]+$/.test(password)) return whole; // docker -u 1000:1000
      return `${flag}${sep}${quote ?? ''}${user}:${marker('password')}`;
    }),
};

// .netrc: machine host login user password secret
const NETRC = /(?<!(?<!\\)[\w-])(login[ \t]+[^\s"'\\]{1,256}[ \t]+password[ \t]+)([^\s"'\\]+)/g;
const netrcRule: Rule = {
  hints: ['login'],
  apply: (text) => text.replace(NETRC, (whole, prefix: string, value: string) =>
    (whole.includes(MARKER_PREFIX) || ENV_REFERENCE.test(value) ? whole : `${prefix}${marker('password')}`)),
};

// The password flags of common clients (mysql -p<pw>, sshpass -p, redis-cli -a, docker login -p, …).
const CLIENT_PASSWORD_RULES: readonly Rule[] = CLIENT_PASSWORDS.map((r) => ({
  hints: r.hints,
  apply: (text: string) => text.replace(r.pattern, (whole, kept: string, value: string) => {
    if (value.includes(MARKER_PREFIX) || ENV_REFERENCE.test(value.replace(/^['"]|['"]$/g, ''))) return whole;
    const quote = /^['"]/.test(value) ? value[0] : '';
    return `${kept}${quote}${marker(r.id)}${quote}`;
  }),
}));

// ?sig=…, &access_token=…, &X-Amz-Signature=…: credentials in a URL's query.
const QUERY_PARAM = new RegExp(`([?&;](?:amp;)?(?:${SECRET_QUERY_PARAMS.map((p) => p.replace(/[-]/g, '\\-')).join('|')})=)([^&#\\s"'<>\\\\]{8,})`, 'gi');
const queryParamRule: Rule = {
  hints: SECRET_QUERY_PARAMS.map((p) => `${p}=`).filter((h) => h.length >= 2),
  apply: (text) => text.replace(QUERY_PARAM, (whole, name: string, value: string) =>
    (value.startsWith(MARKER_PREFIX) || ENV_REFERENCE.test(value) || /^[A-Za-z]+$/.test(value) ? whole : `${name}${marker(name.replace(/^[?&;]|amp;|=$/g, '').toLowerCase().replace(/_/g, '-'))}`)),
};

/** Shannon entropy in bits per character. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

/** A value that reads as a secret: long, random-looking, not a word, an identifier, a path or a version. */
function secretLike(value: string): boolean {
  if (value.length < 12 || value.startsWith(MARKER_PREFIX) || ENV_REFERENCE.test(value)) return false;
  if (/^[a-z]+(?:[_.-][a-z]+)*$/i.test(value) || /^\.{0,2}\//.test(value) || /:\/\//.test(value)) return false;
  if (/^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/.test(value) || /^\d{4}-\d{2}-\d{2}/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(value)).length;
  return classes >= 2 && entropy(value) >= 3;
}

// APP_KEY=…, TF_TOKEN_app_terraform_io=…, secret_key_base: …, Ocp-Apim-Subscription-Key: …,
// Mailgun(key="…"): a name with a secret segment, and a value that looks like a secret.
const BROAD_KEY = /(?<![\w.-])([A-Za-z_.][\w.-]{0,63})((?:\\{0,7}["'])?)([ \t]{0,8}(?::=|=>|[:=])[ \t]{0,8})((?:\\{0,7}["'])?)([A-Za-z0-9+/=_.:~-]{12,4096})/g;
const SEGMENTS = new Set(SECRET_NAME_SEGMENTS);
const broadKeyRule: Rule = {
  hints: ['key', 'pat', 'sig', 'token', 'secret', 'pass', 'credential', 'fernet', 'license', 'docker', 'salt', 'seed', 'mnemonic'],
  apply: (text) => replaceEach(text, BROAD_KEY, (m) => {
    const [whole, name = '', keyQuote = '', sep = '', quote = '', value = ''] = m;
    if (!name.toLowerCase().split(/[^a-z0-9]+/).some((seg) => SEGMENTS.has(seg)) || !secretLike(value)) return undefined;
    return [`${name}${keyQuote}${sep}${quote}${marker(keyCategory(name))}`, m.index + whole.length];
  }),
};

// "Secret Key: A3-…", "your API key is …", "wallet private key: 0x…": the name in words.
const SPACED_KEY = new RegExp(`\\b(?:${SECRET_KEY_PHRASES.join('|')})[ \\t]+key\\b[ \\t]*(?:[:=]|is\\b)[ \\t]*["'\\\\]*([A-Za-z0-9+/=_.:~-]{12,4096})`, 'gi');
const spacedKeyRule: Rule = {
  hints: ['key'],
  apply: (text) => replaceEach(text, SPACED_KEY, (m) => {
    const [whole, value = ''] = m;
    return secretLike(value) ? [whole.slice(0, whole.length - value.length) + marker('secret-key'), m.index + whole.length] : undefined;
  }),
};

// .netrc blocks over several lines: machine host / login user / password secret.
// Lines may be real or escaped (\n inside a JSON string).
const NETRC_BLOCK = /((?:(?<=\\[nrt])|(?<![\w-]))machine[ \t]+[^\s"'\\]{1,256}(?:(?:[ \t\r\n]|\\{1,7}[nrt]){1,16}(?:login|account|port)[ \t]+[^\s"'\\]{1,256}){0,3}(?:[ \t\r\n]|\\{1,7}[nrt]){1,16}password[ \t]+)([^\s"'\\]+)/g;
const netrcBlockRule: Rule = {
  hints: ['machine'],
  apply: (text) => text.replace(NETRC_BLOCK, (whole, prefix: string, value: string) => (value.startsWith(MARKER_PREFIX) ? whole : `${prefix}${marker('password')}`)),
};

// The private members of a JSON Web Key: d, p, q, dp, dq, qi, and k of a symmetric key.
// Quotes may be escaped (a JWK inside a JSON string): the same escaping on every quote of a member.
const JWK_PRIVATE = /((\\{0,7})"(?:d|p|q|dp|dq|qi|k)\2"[ \t]*:[ \t]*\2")([A-Za-z0-9_-]{16,})(?=\2")/g;
const jwkRule: Rule = { hints: ['kty'], apply: (text) => text.replace(JWK_PRIVATE, `$1${marker('jwk-private-key')}`) };

// A wallet's recovery words: 12 to 24 lower-case words after "mnemonic" or "seed phrase".
const MNEMONIC = /(?:(?<=\\[nrt])|(?<![\w-]))((?:mnemonic|seed[ \t]+phrase|recovery[ \t]+phrase|secret[ \t]+phrase)(?:\\{0,7}["'])?[ \t]*[:=]?[ \t]*(?:\\{0,7}["'])?)((?:[a-z]{3,8}[ \t]+){11,23}[a-z]{3,8})\b/gi;
const mnemonicRule: Rule = { hints: ['mnemonic', 'phrase'], apply: (text) => text.replace(MNEMONIC, `$1${marker('mnemonic')}`) };

// Order matters only for the marker names: specific shapes first, then context, then generic pairs.
const RULES: readonly Rule[] = [
  pemRule,
  ...SHAPE_RULES,
  authorizationRule,
  cookieRule,
  bearerRule,
  urlPasswordRule,
  urlTokenRule,
  curlUserRule,
  netrcRule,
  netrcBlockRule,
  ...CLIENT_PASSWORD_RULES,
  queryParamRule,
  jwkRule,
  mnemonicRule,
  flagRule,
  keyValueRule,
  spacedKeyRule,
  broadKeyRule,
];

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

function rulesToRun(text: string): Uint8Array {
  const run = new Uint8Array(RULES.length);
  const found = new Uint8Array(HINTS.length);
  let prev = fold(text.charCodeAt(0));
  for (let i = 0; i + 1 < text.length; i++) {
    const next = fold(text.charCodeAt(i + 1));
    if (prev < 128 && next < 128) {
      for (let id = PAIR_HEAD[(prev << 7) | next] as number; id !== -1; id = HINT_NEXT[id] as number) {
        if (found[id] === 0 && hintAt(text, i, HINTS[id] as string)) {
          found[id] = 1;
          for (const r of HINT_RULES[id] as number[]) run[r] = 1;
        }
      }
    }
    prev = next;
  }
  return run;
}

function pass(text: string): string {
  const run = rulesToRun(text);
  let out = text;
  for (let r = 0; r < RULES.length; r++) if (run[r] === 1) out = (RULES[r] as Rule).apply(out);
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

/** Rules whose secrets span lines: on a long text they run over the whole of it, first. */
const SPANNING: readonly Rule[] = [pemRule, netrcBlockRule];
const CHUNK = 2048;

/**
 * A long text is redacted in chunks of whole lines: every other rule is line-local, and a rule
 * then runs over a chunk only when its hints occur there, so 1 MB of tool output with a few
 * secrets costs a few chunks' work rather than every triggered rule over the whole megabyte.
 */
function redactLong(text: string): string {
  let whole = text;
  const lower = text.toLowerCase();
  for (const rule of SPANNING) if (rule.hints.some((h) => lower.includes(h))) whole = rule.apply(whole);
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
