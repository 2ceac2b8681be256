/**
 * Secret redaction for every string relay writes to disk (hook events, receipts, notes, ledgers, logs).
 * Patterns are hand-written after gitleaks' default rules (config/gitleaks.toml) and secretlint's
 * recommended preset; secretlint itself is too heavy and async for the PostToolUse hook path.
 *
 * Design rules, all of them load-bearing:
 * - No imports. This runs after every tool call.
 * - Markers look like `[REDACTED:id]` and never contain `"` or `\`, and no pattern consumes a quote or
 *   a backslash escape, so redacting a JSON document (or a JSON-encoded string, once or several times
 *   over) leaves it parseable.
 * - Every pattern starts at a token boundary (a lookbehind), so a long run of one character gives it
 *   one start position, and nothing that can fail follows an unbounded quantifier: no regex here
 *   backtracks more than a bounded amount per start position.
 * - Each rule only runs when one of its cheap lower-case hints occurs in the text.
 * - Redact before you truncate: a secret cut in half may no longer have a recognisable shape.
 */

const MARKER_PREFIX = '[REDACTED:';

function marker(id: string): string {
  return `${MARKER_PREFIX}${id}]`;
}

interface Rule {
  /** Lower-case substrings; the rule is skipped unless one of them occurs in the lower-cased text. */
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
]);

const ENV_REFERENCE = /^(?:\$[A-Z_][A-Z0-9_]*|\$\{[^{}\s]{1,80}\}|%[A-Z_][A-Z0-9_]*%)$/;
const CODE_CALL = /^[A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$][\w$]*){0,8}\(/;
const ENV_ACCESS = /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|System\.getenv|ENV\[|env::)/;
const IDENTIFIER_PATH = /^(?:[A-Za-z_$][\w$]*\.){0,8}([A-Za-z_$][\w$]*)$/;

/** True when a quoted value is clearly not a secret: empty-ish, already redacted, a variable reference. */
function quotedValueIsBenign(value: string): boolean {
  return value.startsWith(MARKER_PREFIX) || ENV_REFERENCE.test(value) || /^<[^<>]*>$/.test(value);
}

/** True when an unquoted value is clearly code, a type, a reference or a placeholder rather than a secret. */
function unquotedValueIsBenign(value: string): boolean {
  if (value === '' || value.startsWith(MARKER_PREFIX) || ENV_REFERENCE.test(value)) return true;
  if (/^\$?\{\{/.test(value)) return true; // ${{ secrets.X }}, {{ .Values.password }}
  if (NON_SECRET_WORDS.has(value.toLowerCase())) return true;
  if (CODE_CALL.test(value) || ENV_ACCESS.test(value)) return true;
  // `password=password`, `token: self.token`, `api_key=settings.OPENAI_API_KEY`: a variable, not a value.
  const path = IDENTIFIER_PATH.exec(value);
  return path !== null && SENSITIVE_KEY.test(path[1] ?? '');
}

/**
 * The value half of an assignment. Quoted values are redacted whole (up to the closing quote, which
 * stays); unquoted ones lose trailing closers (`)`, `}`, `,`, `.`) so code and prose stay readable,
 * and when the key was JSON-quoted they end at the first `,`, `}` or `]` so the document stays valid.
 */
function redactAssigned(
  prefix: string, sep: string, category: string, key: string, jsonish: boolean,
  dqOpen: string | undefined, dqValue: string | undefined,
  sqOpen: string | undefined, sqValue: string | undefined,
  bare: string | undefined, whole: string,
): string {
  const isPwd = /pwd$/i.test(key);
  if (dqValue !== undefined || sqValue !== undefined) {
    const value = (dqValue ?? sqValue) as string;
    if (quotedValueIsBenign(value) || (isPwd && /^[/~]/.test(value))) return whole;
    return `${prefix}${dqOpen ?? sqOpen ?? ''}${marker(category)}`;
  }
  if (bare === undefined) return whole;
  // `TOKEN= cmd` is an empty assignment followed by a word, as in the shell.
  if (/^=[ \t]/.test(sep)) return whole;
  let value = bare;
  if (jsonish) {
    const cut = value.search(/[,}\]]/);
    if (cut !== -1) value = value.slice(0, cut);
  }
  value = value.replace(/[.,)\]}]+$/, '');
  if (unquotedValueIsBenign(bare) || unquotedValueIsBenign(value)) return whole;
  // PWD=/home/me is the shell's working directory, not a password.
  if (isPwd && /^[/~]/.test(value)) return whole;
  return `${prefix}${marker(category)}${bare.slice(value.length)}`;
}

/**
 * The three shapes of a value: "double quoted", 'single quoted', or bare up to whitespace or a quote.
 * A `"` followed by `,` `:` `}` `]` or whitespace is taken to close a JSON string (`{"a":"token=","b":1}`),
 * not to open a value, so JSON punctuation is never swallowed.
 */
const VALUE =
  '(?:(\\\\{0,7}")(?![\\s,:{}\\[\\]])([^"\\\\\\r\\n]+)|(\\\\{0,7}\')([^\'"\\\\\\r\\n]+)|' +
  '((?:(?:bearer|basic|token)[ \\t]{1,4})?[^\\s"\'\\\\;&<>`{\\[][^\\s"\'\\\\;&<>`]*))';

// key = value, key: value, "key": "value", key => 'value', KEY=value (env), --key=value.
const KEY_VALUE = new RegExp(
  `(?<!(?<!\\\\)[\\w.-])([\\w.-]{1,64}(?![\\w.-])(?<=${KEY_SUFFIX}))(\\\\{0,7}["'])?` +
    `([ \\t]{0,8}(?:=>|:=|===?|[:=])[ \\t]{0,8})${VALUE}`,
  'gi',
);

// --password hunter2, -token abc (the `=` form is KEY_VALUE's).
const FLAG_VALUE = new RegExp(
  `(?<!(?<!\\\\)[\\w-])(--?[a-z][\\w-]{0,63}(?![\\w-])(?<=${KEY_SUFFIX}))([ \\t]{1,4})(?!-)${VALUE}`,
  'gi',
);

const keyValueRule: Rule = {
  hints: ['pass', 'pwd', 'secret', 'token', 'key', 'credential', 'cookie', 'auth'],
  apply: (text) =>
    text.replace(KEY_VALUE, (whole, key: string, keyQuote: string | undefined, sep: string, dqo, dqv, sqo, sqv, bare) =>
      redactAssigned(`${key}${keyQuote ?? ''}${sep}`, sep, keyCategory(key), key, (keyQuote ?? '').endsWith('"'), dqo, dqv, sqo, sqv, bare, whole)),
};

const flagRule: Rule = {
  hints: ['pass', 'pwd', 'secret', 'token', 'key', 'credential', 'cookie', 'auth'],
  apply: (text) =>
    text.replace(FLAG_VALUE, (whole, flag: string, space: string, dqo, dqv, sqo, sqv, bare: string | undefined) => {
      // `--token TOKEN` in --help output is a metavariable.
      if (bare !== undefined && /^[A-Z][A-Z0-9_-]*$/.test(bare)) return whole;
      return redactAssigned(`${flag}${space}`, space, keyCategory(flag), flag, false, dqo, dqv, sqo, sqv, bare, whole);
    }),
};

// ---------------------------------------------------------------------------------------------
// PEM private key blocks, including ones cut off before their END line.

const PEM_BEGIN = /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_END = /-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/y;
/** The body of a block with no END line: base64, whitespace, escaped newlines, RFC 1421 headers. Never fails. */
const PEM_BODY = /(?:(?:Proc-Type|DEK-Info|Comment|Version|Hash):[^\r\n"'\\]{0,200}|[A-Za-z0-9+/=]|[ \t\r\n]|\\{1,8}[nrt])*/y;
const PEM_MAX_BODY = 65_536;

function redactPem(text: string): string {
  let out = '';
  let last = 0;
  PEM_BEGIN.lastIndex = 0;
  for (let m = PEM_BEGIN.exec(text); m !== null; m = PEM_BEGIN.exec(text)) {
    const start = m.index;
    const bodyStart = start + m[0].length;
    let end = -1;
    const endAt = text.indexOf('-----END', bodyStart);
    if (endAt !== -1 && endAt - bodyStart <= PEM_MAX_BODY) {
      const between = text.slice(bodyStart, endAt);
      // Only swallow through END when the block stays inside one string: no quotes, whole escapes only.
      if (!/["'`]|\\(?![\\nrt])/.test(between)) {
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

function shape(id: string, hints: readonly string[], re: RegExp, accept?: (m: string) => boolean): Rule {
  const replacement = marker(id);
  return {
    hints,
    apply: accept ? (text) => text.replace(re, (m) => (accept(m) ? replacement : m)) : (text) => text.replace(re, replacement),
  };
}

/** Keep a URL's fixed prefix (group 1), redact the rest of the match. */
function urlPath(id: string, hints: readonly string[], re: RegExp): Rule {
  const replacement = `$1${marker(id)}`;
  return { hints, apply: (text) => text.replace(re, replacement) };
}

const SHAPE_RULES: readonly Rule[] = [
  shape('aws-access-key', ['akia', 'asia', 'abia', 'acca', 'a3t'], /(?<!(?<!\\)[A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}/g),
  shape('github-token', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], /(?<!(?<!\\)[A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{30,}/g),
  shape('github-token', ['github_pat_'], /(?<!(?<!\\)[A-Za-z0-9_])github_pat_[A-Za-z0-9_]{30,}/g),
  shape('gitlab-token', ['glpat-', 'gldt-', 'glptt-', 'glrt-', 'glcbt-', 'glimt-', 'glagent-', 'gloas-', 'glsoat-', 'glft-', 'glffct-'],
    /(?<!(?<!\\)[\w-])gl(?:pat|dt|ptt|rt|cbt|imt|agent|oas|soat|ft|ffct)-[A-Za-z0-9_-]{20,}(?:\.[A-Za-z0-9_-]{1,64}){0,4}/g),
  shape('gitlab-token', ['gr1348941'], /(?<!(?<!\\)[\w-])GR1348941[A-Za-z0-9_-]{20,}/g),
  shape('slack-token', ['xox', 'xapp-'], /(?<!(?<!\\)[\w.-])(?:(?:xoxe\.)?xox[abeoprs]|xapp)-[A-Za-z0-9-]{10,}/g),
  urlPath('slack-webhook', ['hooks.slack.com'], /(https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9+/_-]{16,}/gi),
  urlPath('discord-webhook', ['discord'], /(https?:\/\/(?:[a-z]+\.)?discord(?:app)?\.com\/api\/webhooks\/)[0-9]{5,30}\/[A-Za-z0-9_-]{20,}/gi),
  shape('stripe-key', ['sk_', 'rk_'], /(?<!(?<!\\)\w)[sr]k_(?:live|test|prod)_[A-Za-z0-9]{10,}/g),
  shape('stripe-webhook-secret', ['whsec_'], /(?<!(?<!\\)\w)whsec_[A-Za-z0-9+/=]{20,}/g),
  shape('anthropic-key', ['sk-ant-'], /(?<!(?<!\\)[\w-])sk-ant-[a-z]{2,8}[0-9]{0,3}-[A-Za-z0-9_-]{20,}/g),
  // Also DeepSeek, Moonshot and other OpenAI-style keys; a kebab-case word with no digit is not one.
  shape('openai-key', ['sk-'], /(?<!(?<!\\)[\w-])sk-[A-Za-z0-9_-]{20,}/g, (m) => /[0-9]/.test(m) && /[A-Za-z].*[A-Za-z]/.test(m.slice(3))),
  shape('google-api-key', ['aiza'], /(?<!(?<!\\)[\w-])AIza[A-Za-z0-9_-]{35}/g),
  shape('google-oauth-secret', ['gocspx-'], /(?<!(?<!\\)[\w-])GOCSPX-[A-Za-z0-9_-]{20,}/g),
  shape('google-oauth-token', ['ya29.'], /(?<!(?<!\\)[\w.-])ya29\.[A-Za-z0-9_-]{20,}/g),
  shape('npm-token', ['npm_'], /(?<!(?<!\\)\w)npm_[A-Za-z0-9]{36,}/g),
  shape('pypi-token', ['pypi-'], /(?<!(?<!\\)[\w-])pypi-AgE[A-Za-z0-9_-]{50,}/g),
  shape('huggingface-token', ['hf_'], /(?<!(?<!\\)\w)hf_[A-Za-z0-9]{30,}/g),
  shape('sendgrid-key', ['sg.'], /(?<!(?<!\\)[\w.])SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}/g),
  shape('shopify-token', ['shp'], /(?<!(?<!\\)\w)shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}/g),
  shape('digitalocean-token', ['_v1_'], /(?<!(?<!\\)\w)do[opr]_v1_[a-f0-9]{64}/g),
  shape('docker-token', ['dckr_'], /(?<!(?<!\\)\w)dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}/g),
  shape('vault-token', ['hvs.', 'hvb.'], /(?<!(?<!\\)[\w.])hv[sb]\.[A-Za-z0-9_-]{24,}/g),
  shape('age-secret-key', ['age-secret-key-1'], /AGE-SECRET-KEY-1[0-9A-Z]{58}/g),
  shape('linear-key', ['lin_'], /(?<!(?<!\\)\w)lin_(?:api|oauth)_[A-Za-z0-9]{40}/g),
  shape('postman-key', ['pmak-'], /(?<!(?<!\\)[\w-])PMAK-[a-f0-9]{24}-[a-f0-9]{34}/g),
  shape('databricks-token', ['dapi'], /(?<!(?<!\\)\w)dapi[a-f0-9]{32}(?:-[0-9])?/g),
  shape('grafana-token', ['glc_', 'glsa_'], /(?<!(?<!\\)\w)(?:glc_[A-Za-z0-9+/]{32,}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})/g),
  shape('atlassian-token', ['atatt3'], /(?<!(?<!\\)[\w-])ATATT3[A-Za-z0-9_=-]{100,}/g),
  shape('square-token', ['sq0'], /(?<!(?<!\\)[\w-])sq0(?:atp|csp)-[A-Za-z0-9_-]{22,}/g),
  shape('twilio-key', ['sk'], /(?<!(?<!\\)[A-Za-z0-9])SK[0-9a-fA-F]{32}(?![A-Za-z0-9])/g),
  shape('mailchimp-key', ['-us'], /(?<!(?<!\\)[A-Za-z0-9])[0-9a-f]{32}-us[0-9]{1,2}(?![0-9])/g),
  shape('heroku-key', ['hrku-'], /(?<!(?<!\\)[\w-])HRKU-[A-Za-z0-9_-]{20,}/g),
  shape('pulumi-token', ['pul-'], /(?<!(?<!\\)[\w-])pul-[a-f0-9]{40}/g),
  shape('doppler-token', ['dp.'], /(?<!(?<!\\)[\w.])dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,}/g),
  shape('supabase-key', ['sbp_', 'sb_secret_'], /(?<!(?<!\\)\w)(?:sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{20,})/g),
  shape('sentry-token', ['sntry'], /(?<!(?<!\\)\w)(?:sntrys_eyJ[A-Za-z0-9_=+/-]{30,}|sntryu_[a-f0-9]{64})/g),
  shape('newrelic-key', ['nrak-'], /(?<!(?<!\\)[\w-])NRAK-[A-Z0-9]{27}/g),
  shape('groq-key', ['gsk_'], /(?<!(?<!\\)\w)gsk_[A-Za-z0-9]{48,}/g),
  shape('xai-key', ['xai-'], /(?<!(?<!\\)[\w-])xai-[A-Za-z0-9]{60,}/g),
  shape('replicate-token', ['r8_'], /(?<!(?<!\\)\w)r8_[A-Za-z0-9]{37,}/g),
  shape('perplexity-key', ['pplx-'], /(?<!(?<!\\)[\w-])pplx-[A-Za-z0-9]{40,}/g),
  shape('figma-token', ['figd_'], /(?<!(?<!\\)\w)figd_[A-Za-z0-9_-]{30,}/g),
  shape('azure-client-secret', ['q~'], /(?<!(?<!\\)[A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}/g),
  shape('telegram-bot-token', [':aa'], /(?<!(?<!\\)[0-9])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}/g),
  shape('jwt', ['eyj'], /(?<!(?<!\\)[\w-])eyJ[A-Za-z0-9_-]{8,16384}\.ey[A-Za-z0-9_-]{8,16384}\.[A-Za-z0-9_-]*/g),
];

// ---------------------------------------------------------------------------------------------
// Headers, URLs and command lines.

const AUTH_SCHEMES = /^(?:bearer|basic|token|digest|negotiate|ntlm|bot|apikey|api-key|sso-key|jwt|dpop|key)$/i;

const AUTHORIZATION =
  /(?<!(?<!\\)[\w-])((?:proxy-)?authorization(?:\\{0,7}["'])?[ \t]{0,8}[:=][ \t]{0,8}(?:\\{0,7}["'](?![\s,:{}[\]]))?)(?:(bearer|basic|token|digest|negotiate|ntlm|bot|apikey|api-key|sso-key|jwt|dpop|key)([ \t]{1,8}))?([^\s"'\\]+)/gi;

const authorizationRule: Rule = {
  hints: ['authorization'],
  apply: (text) =>
    text.replace(AUTHORIZATION, (whole, prefix: string, scheme: string | undefined, space: string | undefined, value: string) => {
      if (value.startsWith(MARKER_PREFIX) || ENV_REFERENCE.test(value)) return whole;
      if (scheme === undefined) return AUTH_SCHEMES.test(value) ? whole : `${prefix}${marker('authorization')}`;
      return `${prefix}${scheme}${space ?? ''}${marker(scheme.toLowerCase())}`;
    }),
};

const COOKIE_HEADER = /(?<!(?<!\\)[\w-])((?:set-)?cookie[ \t]{0,4}:[ \t]{0,8})([^\r\n"'\\]+)/gi;
const cookieRule: Rule = {
  hints: ['cookie'],
  apply: (text) => text.replace(COOKIE_HEADER, (whole, prefix: string, value: string) =>
    (quotedValueIsBenign(value.trim()) || unquotedValueIsBenign(value.trim()) ? whole : `${prefix}${marker('cookie')}`)),
};

const BEARER = /(?<!(?<!\\)[\w-])(bearer[ \t]{1,4})[A-Za-z0-9._~+/-]{16,}=*/gi;
const bearerRule: Rule = { hints: ['bearer'], apply: (text) => text.replace(BEARER, `$1${marker('bearer')}`) };

// scheme://user:password@host — git remotes, database URLs, proxies.
const URL_PASSWORD = /(?<!(?<!\\)[a-z0-9+.-])([a-z][a-z0-9+.-]{1,30}:\/\/)([^\s:/?#@"'\\]{0,256}):([^\s/?#@"'\\]{1,512})@/gi;
const urlPasswordRule: Rule = {
  hints: ['://'],
  apply: (text) =>
    text.includes('@')
      ? text.replace(URL_PASSWORD, (whole, scheme: string, user: string, password: string) =>
        (password.startsWith(MARKER_PREFIX) || ENV_REFERENCE.test(password) ? whole : `${scheme}${user}:${marker('url-password')}@`))
      : text,
};

// scheme://<long opaque token>@host — a token used as the user name.
const URL_TOKEN_USER = /(?<!(?<!\\)[a-z0-9+.-])([a-z][a-z0-9+.-]{1,30}:\/\/)([A-Za-z0-9_-]{32,256})@/gi;
const urlTokenRule: Rule = {
  hints: ['://'],
  apply: (text) => (text.includes('@') ? text.replace(URL_TOKEN_USER, (whole, scheme: string, user: string) =>
    (/[0-9]/.test(user) && /[A-Za-z]/.test(user) ? `${scheme}${marker('url-token')}@` : whole)) : text),
};

// curl -u user:password, --user=user:password.
const CURL_USER = /(?<!(?<!\\)[\w-])(-u|--user)([ \t]{1,4}|=)(\\{0,7}["'](?![\s,:{}[\]]))?([^\s:"'\\]{0,256}):([^\s"'\\]+)/g;
const curlUserRule: Rule = {
  hints: ['-u'],
  apply: (text) =>
    text.replace(CURL_USER, (whole, flag: string, sep: string, quote: string | undefined, user: string, password: string) => {
      if (password.startsWith(MARKER_PREFIX) || ENV_REFERENCE.test(password)) return whole;
      if (/^[0-9]*$/.test(user) && /^[0-9]+$/.test(password)) return whole; // docker -u 1000:1000
      return `${flag}${sep}${quote ?? ''}${user}:${marker('password')}`;
    }),
};

// .netrc: machine host login user password secret
const NETRC = /(?<!(?<!\\)[\w-])(login[ \t]+[^\s"'\\]{1,256}[ \t]+password[ \t]+)([^\s"'\\]+)/g;
const netrcRule: Rule = {
  hints: ['login'],
  apply: (text) => text.replace(NETRC, (whole, prefix: string, value: string) =>
    (value.startsWith(MARKER_PREFIX) || ENV_REFERENCE.test(value) ? whole : `${prefix}${marker('password')}`)),
};

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
  flagRule,
  keyValueRule,
];

// ---------------------------------------------------------------------------------------------
// Public API

/** Replaces every secret in `text` with a `[REDACTED:kind]` marker. Idempotent; never throws on a string. */
export function redact(text: string): string {
  if (typeof text !== 'string' || text.length < 5) return text;
  const lower = text.toLowerCase();
  let out = text;
  for (const rule of RULES) {
    for (const hint of rule.hints) {
      if (lower.includes(hint)) {
        out = rule.apply(out);
        break;
      }
    }
  }
  return out;
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
