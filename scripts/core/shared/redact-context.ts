/**
 * The redaction rules that need code: key blocks, token shapes (from ./redact-rules.ts),
 * headers, URLs, client flags, multi-line secrets, and key names said in words; and RULES,
 * the order they run in. Applied by the engine in ./redact.ts.
 */
import { CLIENT_PASSWORDS, SECRET_KEY_PHRASES, SECRET_NAME_SEGMENTS, SECRET_QUERY_PARAMS, TOKEN_SHAPES, type ShapeRule } from './redact-rules.ts';
import { ENV_REFERENCE, flagRule, keyCategory, keyValueRule, marker, MARKER_PREFIX, replaceEach, type Rule } from './redact-pairs.ts';

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
export const RULES: readonly Rule[] = [
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

/** Rules whose secrets span lines: on a long text they run over the whole of it, first. */
export const SPANNING_RULES: readonly Rule[] = [pemRule, netrcBlockRule];
