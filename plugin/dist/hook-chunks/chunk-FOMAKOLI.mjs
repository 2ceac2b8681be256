import { createRequire as __relayCreateRequire } from 'node:module'; const require = __relayCreateRequire(import.meta.url);

// scripts/core/shared/redact-rules.ts
var tok = (id, hints, pattern, check) => ({ id, hints, pattern, ...check ? { check } : {} });
var url = (id, hints, pattern) => ({ id, hints, pattern, keepPrefix: true });
var mixedCase = (m) => /[0-9]/.test(m) && /[a-z]/.test(m) && /[A-Z]/.test(m);
var TOKEN_SHAPES = [
  tok("aws-access-key", ["akia", "asia", "abia", "acca", "a3t"], /(?<!(?<!\\)[A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16,}/g),
  tok("github-token", ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], /(?<!(?<!\\)[A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{30,}/g),
  tok("github-token", ["github_pat_"], /(?<!(?<!\\)[A-Za-z0-9_])github_pat_[A-Za-z0-9_]{30,}/g),
  tok(
    "gitlab-token",
    ["glpat-", "gldt-", "glptt-", "glrt-", "glcbt-", "glimt-", "glagent-", "gloas-", "glsoat-", "glft-", "glffct-"],
    /(?<!(?<!\\)[\w-])gl(?:pat|dt|ptt|rt|cbt|imt|agent|oas|soat|ft|ffct)-[A-Za-z0-9_-]{20,}(?:\.[A-Za-z0-9_-]{1,64}){0,4}/g
  ),
  tok("gitlab-token", ["gr1348941"], /(?<!(?<!\\)[\w-])GR1348941[A-Za-z0-9_-]{20,}/g),
  tok("slack-token", ["xox", "xapp-"], /(?<!(?<!\\)[\w.-])(?:(?:xoxe\.)?xox[abeoprs]|xapp)-[A-Za-z0-9-]{10,}/g),
  url("slack-webhook", ["hooks.slack.com"], /(https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9+/_-]{16,}/gi),
  url("discord-webhook", ["discord"], /(https?:\/\/(?:[a-z]+\.)?discord(?:app)?\.com\/api\/webhooks\/)[0-9]{5,30}\/[A-Za-z0-9_-]{20,}/gi),
  tok("stripe-key", ["sk_", "rk_"], /(?<!(?<!\\)\w)[sr]k_(?:live|test|prod)_[A-Za-z0-9]{10,}/g),
  tok("stripe-webhook-secret", ["whsec_"], /(?<!(?<!\\)\w)whsec_[A-Za-z0-9+/=]{20,}/g),
  tok("anthropic-key", ["sk-ant-"], /(?<!(?<!\\)[\w-])sk-ant-[a-z]{2,8}[0-9]{0,3}-[A-Za-z0-9_-]{20,}/g),
  // Also DeepSeek, Moonshot and other OpenAI-style keys; a kebab-case word with no digit is not one.
  tok("openai-key", ["sk-"], /(?<!(?<!\\)[\w-])sk-[A-Za-z0-9_-]{20,}/g, (m) => /[0-9]/.test(m) && /[A-Za-z].*[A-Za-z]/.test(m.slice(3))),
  tok("google-api-key", ["aiza"], /(?<!(?<!\\)[\w-])AIza[A-Za-z0-9_-]{35,}/g),
  tok("google-oauth-secret", ["gocspx-"], /(?<!(?<!\\)[\w-])GOCSPX-[A-Za-z0-9_-]{20,}/g),
  tok("google-oauth-token", ["ya29."], /(?<!(?<!\\)[\w.-])ya29\.[A-Za-z0-9_-]{20,}/g),
  tok("npm-token", ["npm_"], /(?<!(?<!\\)\w)npm_[A-Za-z0-9]{36,}/g),
  tok("pypi-token", ["pypi-"], /(?<!(?<!\\)[\w-])pypi-AgE[A-Za-z0-9_-]{50,}/g),
  tok("huggingface-token", ["hf_"], /(?<!(?<!\\)\w)hf_[A-Za-z0-9]{30,}/g),
  tok("sendgrid-key", ["sg."], /(?<!(?<!\\)[\w.])SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}/g),
  tok("shopify-token", ["shp"], /(?<!(?<!\\)\w)shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32,}/g),
  tok("digitalocean-token", ["_v1_"], /(?<!(?<!\\)\w)do[opr]_v1_[a-f0-9]{64,}/g),
  tok("docker-token", ["dckr_"], /(?<!(?<!\\)\w)dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}/g),
  tok("vault-token", ["hvs.", "hvb."], /(?<!(?<!\\)[\w.])hv[sb]\.[A-Za-z0-9_-]{24,}/g),
  tok("age-secret-key", ["age-secret-key-1"], /AGE-SECRET-KEY-1[0-9A-Z]{58,}/g),
  tok("linear-key", ["lin_"], /(?<!(?<!\\)\w)lin_(?:api|oauth)_[A-Za-z0-9]{40,}/g),
  tok("postman-key", ["pmak-"], /(?<!(?<!\\)[\w-])PMAK-[a-f0-9]{24}-[a-f0-9]{34,}/g),
  tok("databricks-token", ["dapi"], /(?<!(?<!\\)\w)dapi[a-f0-9]{32,}(?:-[0-9])?/g),
  tok("grafana-token", ["glc_", "glsa_"], /(?<!(?<!\\)\w)(?:glc_[A-Za-z0-9+/]{32,}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8,})/g),
  tok("atlassian-token", ["atatt3"], /(?<!(?<!\\)[\w-])ATATT3[A-Za-z0-9_=-]{100,}/g),
  tok("square-token", ["sq0"], /(?<!(?<!\\)[\w-])sq0(?:atp|csp)-[A-Za-z0-9_-]{22,}/g),
  tok("twilio-key", ["sk"], /(?<!(?<!\\)[A-Za-z0-9])SK[0-9a-fA-F]{32}(?![A-Za-z0-9])/g),
  tok("mailchimp-key", ["-us"], /(?<!(?<!\\)[A-Za-z0-9])[0-9a-f]{32}-us[0-9]{1,2}(?![0-9])/g),
  tok("heroku-key", ["hrku-"], /(?<!(?<!\\)[\w-])HRKU-[A-Za-z0-9_-]{20,}/g),
  tok("pulumi-token", ["pul-"], /(?<!(?<!\\)[\w-])pul-[a-f0-9]{40,}/g),
  tok("doppler-token", ["dp."], /(?<!(?<!\\)[\w.])dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,}/g),
  tok("supabase-key", ["sbp_", "sb_secret_"], /(?<!(?<!\\)\w)(?:sbp_[a-f0-9]{40,}|sb_secret_[A-Za-z0-9_-]{20,})/g),
  tok("sentry-token", ["sntry"], /(?<!(?<!\\)\w)(?:sntrys_eyJ[A-Za-z0-9_=+/-]{30,}|sntryu_[a-f0-9]{64,})/g),
  tok("newrelic-key", ["nrak-"], /(?<!(?<!\\)[\w-])NRAK-[A-Z0-9]{27,}/g),
  tok("groq-key", ["gsk_"], /(?<!(?<!\\)\w)gsk_[A-Za-z0-9]{48,}/g),
  tok("xai-key", ["xai-"], /(?<!(?<!\\)[\w-])xai-[A-Za-z0-9]{60,}/g),
  tok("replicate-token", ["r8_"], /(?<!(?<!\\)\w)r8_[A-Za-z0-9]{37,}/g),
  tok("perplexity-key", ["pplx-"], /(?<!(?<!\\)[\w-])pplx-[A-Za-z0-9]{40,}/g),
  tok("figma-token", ["figd_"], /(?<!(?<!\\)\w)figd_[A-Za-z0-9_-]{30,}/g),
  tok("azure-client-secret", ["q~"], /(?<!(?<!\\)[A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}/g),
  tok("telegram-bot-token", [":aa"], /(?<!(?<!\\)[0-9])[0-9]{8,10}:AA[A-Za-z0-9_-]{33,}/g),
  tok("jwt", ["eyj"], /(?<!(?<!\\)[\w-])eyJ[A-Za-z0-9_-]{8,16384}\.ey[A-Za-z0-9_-]{8,16384}\.[A-Za-z0-9_-]*/g),
  tok("vault-token", ["s."], /(?<!(?<!\\)[\w.-])s\.[A-Za-z0-9]{24}(?![\w.-])/g, mixedCase),
  tok("notion-token", ["ntn_"], /(?<!(?<!\\)\w)ntn_[0-9]{11}[A-Za-z0-9]{35,}/g),
  tok("notion-token", ["secret_"], /(?<!(?<!\\)\w)secret_[A-Za-z0-9]{43}(?![A-Za-z0-9])/g, mixedCase),
  tok("cloudflare-token", ["cfut_", "cfat_", "cfk_"], /(?<!(?<!\\)\w)cf(?:ut|at|k)_[A-Za-z0-9]{32,}/g),
  tok("fly-token", ["flyv1 ", "fm1", "fm2_", "fo1_"], /(?<!(?<!\\)[\w+/=-])(?:FlyV1 )?f(?:m1[ar]|m2|o1)_[A-Za-z0-9+/=,_-]{40,}/g),
  tok("planetscale-token", ["pscale_"], /(?<!(?<!\\)\w)pscale_(?:pw|tkn|oauth)_[A-Za-z0-9_.-]{32,}/g),
  tok("netlify-token", ["nfp_"], /(?<!(?<!\\)\w)nfp_[A-Za-z0-9]{36,}/g),
  tok("vercel-token", ["vcp_", "vck_", "vci_", "vca_"], /(?<!(?<!\\)\w)vc[pkia]_[A-Za-z0-9]{24,}/g),
  tok("render-key", ["rnd_"], /(?<!(?<!\\)\w)rnd_[A-Za-z0-9]{32,}/g),
  tok("discord-bot-token", ["."], /(?<!(?<!\\)[\w.-])[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}(?![\w.-])/g, mixedCase),
  tok("newrelic-key", ["nrii-"], /(?<!(?<!\\)[\w-])NRII-[A-Za-z0-9_-]{32,}/g),
  tok("terraform-token", [".atlasv1."], /(?<!(?<!\\)[\w.])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,}/g),
  tok("mailgun-key", ["key-"], /(?<!(?<!\\)[\w-])key-[0-9a-f]{32}(?![0-9a-f])/g),
  tok("adobe-client-secret", ["p8e-"], /(?<!(?<!\\)[\w-])p8e-[A-Za-z0-9]{32}(?![A-Za-z0-9])/g, (m) => /[0-9]/.test(m)),
  tok("alibaba-access-key", ["ltai"], /(?<!(?<!\\)[A-Za-z0-9])LTAI[A-Za-z0-9]{20}(?![A-Za-z0-9])/g),
  tok("clojars-token", ["clojars_"], /(?<!(?<!\\)\w)CLOJARS_[a-z0-9]{60}(?![a-z0-9])/gi),
  tok("contentful-token", ["cfpat-"], /(?<!(?<!\\)[\w-])CFPAT-[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g),
  tok("dynatrace-token", ["dt0c01."], /(?<!(?<!\\)[\w.])dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}(?![A-Z0-9])/g),
  tok("easypost-key", ["ezak", "eztk"], /(?<!(?<!\\)\w)EZ[AT]K[A-Za-z0-9]{54}(?![A-Za-z0-9])/g),
  tok("frameio-token", ["fio-u-"], /(?<!(?<!\\)[\w-])fio-u-[A-Za-z0-9_=-]{64}(?![A-Za-z0-9_=-])/g),
  tok("mapbox-token", ["sk.eyj"], /(?<!(?<!\\)[\w.])sk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/g),
  tok("prefect-token", ["pnu_"], /(?<!(?<!\\)\w)pnu_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g),
  tok("readme-key", ["rdme_"], /(?<!(?<!\\)\w)rdme_[a-z0-9]{70}(?![a-z0-9])/g),
  tok("rubygems-key", ["rubygems_"], /(?<!(?<!\\)\w)rubygems_[a-f0-9]{48}(?![a-f0-9])/g),
  tok("scalingo-token", ["tk-us-"], /(?<!(?<!\\)[\w-])tk-us-[A-Za-z0-9_-]{48}(?![A-Za-z0-9_-])/g),
  tok("brevo-key", ["xkeysib-"], /(?<!(?<!\\)[\w-])xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}(?![A-Za-z0-9])/g),
  tok("shippo-token", ["shippo_"], /(?<!(?<!\\)\w)shippo_(?:live|test)_[a-f0-9]{40}(?![a-f0-9])/g),
  tok("typeform-token", ["tfp_"], /(?<!(?<!\\)\w)tfp_[A-Za-z0-9_.=-]{59,}/g),
  tok("flutterwave-key", ["flwseck", "flwpubk"], /(?<!(?<!\\)\w)FLW(?:SECK|PUBK)_TEST-[a-h0-9]{32}-X(?![a-h0-9])/gi),
  tok("duffel-token", ["duffel_"], /(?<!(?<!\\)\w)duffel_(?:test|live)_[A-Za-z0-9_=-]{43}(?![A-Za-z0-9_=-])/g),
  tok("onepassword-token", ["ops_eyj"], /(?<!(?<!\\)\w)ops_eyJ[A-Za-z0-9+/]{250,}={0,3}/g),
  tok("openshift-token", ["sha256~"], /(?<!(?<!\\)[\w~])sha256~[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g),
  tok("infracost-key", ["ico-"], /(?<!(?<!\\)[\w-])ico-[A-Za-z0-9]{32}(?![A-Za-z0-9])/g, (m) => /[0-9]/.test(m) && /[A-Za-z]/.test(m.slice(4))),
  tok("harness-token", ["pat.", "sat."], /(?<!(?<!\\)[\w.])(?:pat|sat)\.[A-Za-z0-9_-]{22}\.[a-f0-9]{24}\.[A-Za-z0-9]{20}(?![A-Za-z0-9])/g),
  tok("octopus-key", ["api-"], /(?<!(?<!\\)[\w-])API-[A-Z0-9]{26}(?![A-Z0-9])/g),
  tok("snyk-token", ["snyk"], /(?<=snyk[\w .-]{0,20}[:=][ \t]{0,4}["']?)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi),
  tok("plaid-token", ["access-"], /(?<!(?<!\\)[\w-])access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g),
  tok("intra42-secret", ["s-s4t2"], /(?<!(?<!\\)[\w-])s-s4t2(?:ud|af)-[a-f0-9]{64}(?![a-f0-9])/g),
  url("teams-webhook", ["webhook.office.com"], /(https?:\/\/[\w.-]*webhook\.office\.com\/webhookb2\/)[^\s"'<>\\]{20,}/gi),
  url("zapier-webhook", ["hooks.zapier.com"], /(https?:\/\/hooks\.zapier\.com\/hooks\/catch\/)[0-9]+\/[A-Za-z0-9]+/gi),
  url("ifttt-webhook", ["maker.ifttt.com"], /(https?:\/\/maker\.ifttt\.com\/trigger\/[^/\s"']{1,100}\/(?:json\/)?with\/key\/)[A-Za-z0-9_-]{16,}/gi)
];
var CLIENT_PASSWORDS = [
  tok("password", ["mysql", "mariadb"], /((?:mysql(?:dump|admin|import|sh)?|mariadb(?:-dump)?)\b[^\n|;&]{0,200}?[ \t]-p)([^\s'"\\-][^\s'"\\]*|'[^'\n\\]+'|"[^"\n\\]+")/g),
  tok("password", ["sshpass"], /(sshpass[ \t]+(?:-[a-oq-z]\S*[ \t]+)*-p[ \t]*)([^\s'"\\-][^\s'"\\]*|'[^'\n\\]+'|"[^"\n\\]+")/g),
  tok("password", ["redis-cli"], /(redis-cli\b[^\n|;&]{0,200}?[ \t]-a[ \t]+)([^\s'"\\-][^\s'"\\]*|'[^'\n\\]+'|"[^"\n\\]+")/g),
  tok("password", ["docker"], /((?:docker|podman|buildah)[ \t]+login\b[^\n|;&]{0,200}?[ \t]-p[ \t]+)([^\s'"\\-][^\s'"\\]*|'[^'\n\\]+'|"[^"\n\\]+")/g),
  tok("password", ["mongo"], /(mongo(?:sh|dump|restore|export|import)?\b[^\n|;&]{0,200}?[ \t]-p[ \t]+)([^\s'"\\-][^\s'"\\]*|'[^'\n\\]+'|"[^"\n\\]+")/g),
  tok("password", ["htpasswd"], /(htpasswd[ \t]+(?:-\w+[ \t]+)*?-\w*b\w*[ \t]+(?:-\w+[ \t]+)*\S+[ \t]+\S+[ \t]+)([^\s'"\\-][^\s'"\\]*|'[^'\n\\]+'|"[^"\n\\]+")/g),
  tok("vault-token", ["vault"], /(vault[ \t]+login[ \t]+)([^\s'"\\-][^\s'"=\\]{7,})(?=\s|$)/g)
];
var SECRET_QUERY_PARAMS = ["sig", "signature", "x-amz-signature", "x-amz-security-token", "x-goog-signature", "token", "access_token", "id_token", "refresh_token", "api_key", "apikey", "api-key", "key", "code", "client_secret", "password", "secret", "auth"];
var SECRET_NAME_SEGMENTS = ["key", "keys", "pat", "sig", "signature", "token", "secret", "password", "passwd", "credential", "credentials", "fernet", "license", "dockerconfigjson", "dockercfg", "apikey", "passphrase", "salt", "seed", "mnemonic"];
var SECRET_KEY_PHRASES = ["secret", "private", "api", "access", "license", "master", "admin", "signing", "encryption", "account"];

// scripts/core/shared/redact-pairs.ts
var MARKER_PREFIX = "[REDACTED:";
function marker(id) {
  return `${MARKER_PREFIX}${id}]`;
}
var KEY_SUFFIX = "(?:(?:^|[^a-z0-9]|\\\\[nrt])(?:pass|pwd|auth)|pass(?:word|wd|phrase)|secret|token|api[_-]?key|(?:access|secret|private|account|auth|encryption|signing|master|session)[_-]?key|credentials?|cookie)";
var SENSITIVE_KEY = new RegExp(`(?:${KEY_SUFFIX}|authorization)$`, "i");
function keyCategory(key) {
  const k = key.toLowerCase();
  if (k.endsWith("authorization")) return "authorization";
  if (/(?:pass(?:word|wd|phrase)?|pwd)$/.test(k)) return "password";
  if (k.includes("aws") && /(?:secret|access)/.test(k)) return "aws-secret-key";
  if (k.endsWith("token")) return "token";
  if (k.endsWith("cookie")) return "cookie";
  if (/api[_-]?key$/.test(k)) return "api-key";
  if (/private[_-]?key$/.test(k)) return "private-key";
  if (/credentials?$/.test(k)) return "credentials";
  if (k.endsWith("auth")) return "auth";
  return "secret";
}
var NON_SECRET_WORDS = /* @__PURE__ */ new Set([
  "string",
  "str",
  "number",
  "int",
  "integer",
  "float",
  "bool",
  "boolean",
  "bytes",
  "any",
  "object",
  "unknown",
  "null",
  "nil",
  "none",
  "undefined",
  "true",
  "false",
  "yes",
  "no",
  "on",
  "off",
  "required",
  "optional",
  "redacted",
  "hidden",
  "masked",
  "empty",
  "unset",
  "n/a",
  "tbd",
  "todo",
  "symbol",
  "unique",
  "typeof",
  "keyof",
  "readonly",
  "new",
  "await",
  "async",
  "function",
  "void",
  "never"
]);
var ENV_REFERENCE = /^(?:\$[A-Z_][A-Z0-9_]*|\$\{[^{}\s]{1,80}\}|%[A-Z_][A-Z0-9_]*%)$/;
var CODE_CALL = /^[A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$][\w$]*){0,8}\(/;
var ENV_ACCESS = /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|System\.getenv|ENV\[|env::)/;
var IDENTIFIER_PATH = /^(?:[A-Za-z_$][\w$]*\.){0,8}([A-Za-z_$][\w$]*)$/;
function quotedValueIsBenign(value) {
  return value.startsWith(MARKER_PREFIX) || ENV_REFERENCE.test(value) || /^<[^<>]*>$/.test(value);
}
function unquotedValueIsBenign(value) {
  if (value === "" || value.startsWith(MARKER_PREFIX) || ENV_REFERENCE.test(value)) return true;
  if (/^\$?\{\{/.test(value)) return true;
  if (value.length < 3 || /^[0-9]{1,3}$/.test(value)) return true;
  if (value.startsWith("/*") || value.startsWith("//")) return true;
  if (NON_SECRET_WORDS.has(value.toLowerCase())) return true;
  if (CODE_CALL.test(value) || ENV_ACCESS.test(value)) return true;
  const path = IDENTIFIER_PATH.exec(value);
  return path !== null && SENSITIVE_KEY.test(path[1] ?? "");
}
var CODE_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*(?:\[[\w$., |]*\]?)*$/;
function looksLikeCode(value, closers, sepChar, spacedEquals, after) {
  if (!CODE_NAME.test(value)) return false;
  if (sepChar === ":") return closers !== "" || /^[ \t]*[|&=<>[{?,;)]/.test(after);
  return spacedEquals && (closers !== "" || /^[ \t]*[;,)|&]/.test(after));
}
var LINE_REST = /(?:[ \t]+(?!#)[^\s"'\\;&<>`]+)+/y;
function redactAssigned(a) {
  const category = keyCategory(a.key);
  const isPwd = /pwd$/i.test(a.key);
  if (a.dqValue !== void 0 || a.sqValue !== void 0) {
    const value2 = a.dqValue ?? a.sqValue;
    if (quotedValueIsBenign(value2) || isPwd && /^[/~][^=]*$/.test(value2)) return void 0;
    return [`${a.prefix}${a.dqOpen ?? a.sqOpen ?? ""}${marker(category)}`, a.end];
  }
  const bare = a.bare;
  if (bare === void 0) return void 0;
  const sepChar = a.sep[0] ?? "";
  const plainSep = a.sep.length === 1 || /^[:=][ \t]/.test(a.sep);
  if (!a.isFlag && sepChar === "=" && plainSep && a.lead === "" && a.sep.length > 1) return void 0;
  const jsonish = a.keyQuote.endsWith('"');
  let value = bare;
  if (jsonish) {
    const cut = value.search(/[,}\]]/);
    if (cut !== -1) value = value.slice(0, cut);
  }
  const closers = /[.,:)\]}]+$/.exec(value);
  if (closers !== null && !/\[REDACTED:[a-z0-9-]*$/.test(value.slice(0, closers.index))) value = value.slice(0, closers.index);
  if (unquotedValueIsBenign(bare) || unquotedValueIsBenign(value)) return void 0;
  if (isPwd && /^[/~][^=]*$/.test(value)) return void 0;
  if (a.sep.startsWith("==") && CODE_NAME.test(value)) return void 0;
  if (!a.isFlag && plainSep) {
    const after = a.text.slice(a.end, a.end + 4);
    if (sepChar === ":" && a.keyQuote === "" && /^[A-Za-z][a-z]+$/.test(value) && /[A-Za-z0-9][ \t]+$/.test(a.text.slice(Math.max(0, a.keyStart - 40), a.keyStart))) return void 0;
    const spacedEquals = sepChar === "=" && a.lead !== "" && a.sep.length > 1;
    if (looksLikeCode(value, bare.slice(value.length), sepChar, spacedEquals, after)) return void 0;
    if (sepChar === ":" && a.sep === ":" && a.keyQuote === "" && /^[a-z][a-z_-]*$/.test(value)) return void 0;
    if (sepChar === ":" && a.sep.length > 1 && a.keyQuote === "" && value === bare) {
      LINE_REST.lastIndex = a.end;
      if (LINE_REST.test(a.text)) return [`${a.prefix}${marker(category)}`, LINE_REST.lastIndex];
    }
  }
  const quote = jsonish ? a.keyQuote : "";
  return [`${a.prefix}${quote}${marker(category)}${quote}${bare.slice(value.length)}`, a.end];
}
var VALUE = `(?:(\\\\{0,7}")(?![\\s,:;{}\\[\\])])([^"\\\\\\r\\n]+)|(\\\\{0,7}')(?![\\s,:;{}\\[\\])])([^'"\\\\\\r\\n]+)|((?:(?:bearer|basic|token)[ \\t]{1,4}(?=[\\w.~+/=-]{8}))?(?![A-Za-z_$][\\w$]{0,64}(?:(?:\\.|::)[A-Za-z_$][\\w$]{0,64}){0,8}\\(|(?:process\\.env|import\\.meta\\.env|os\\.environ|ENV\\[|env::|\\$?\\{\\{))[^\\s"'\\\\;&<>\`{\\[=][^\\s"'\\\\;&<>\`]*))`;
var KEY_VALUE = new RegExp(
  `[:=](?<=(?<!(?<!\\\\)[\\w.-])([\\w.-]{1,64})(?<=${KEY_SUFFIX})(\\\\{0,7}["'])?([ \\t]{0,8})[:=])((?:>|==?)?[ \\t]{0,8})${VALUE}`,
  "gi"
);
var FLAG_VALUE = new RegExp(
  `(?<!(?<!\\\\)[\\w-])(--?[a-z][\\w-]{0,63}(?![\\w-])(?<=${KEY_SUFFIX}))([ \\t]{1,4})(?!-)${VALUE}`,
  "gi"
);
function replaceEach(text, re, fn) {
  let out = "";
  let last = 0;
  let changed = false;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const result = fn(m);
    if (result === void 0) {
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
var keyValueRule = {
  hints: ["pass", "pwd", "secret", "token", "key", "credential", "cookie", "auth"],
  apply: (text) => replaceEach(text, KEY_VALUE, (m) => {
    const [whole, key = "", keyQuote = "", lead = "", rest = "", dqOpen, dqValue, sqOpen, sqValue, bare] = m;
    const sep = `${whole[0] ?? ""}${rest}`;
    return redactAssigned({
      text,
      keyStart: m.index - lead.length - keyQuote.length - key.length,
      end: m.index + whole.length,
      prefix: sep,
      lead,
      sep,
      key,
      keyQuote,
      isFlag: false,
      dqOpen,
      dqValue,
      sqOpen,
      sqValue,
      bare
    });
  })
};
var flagRule = {
  hints: ["pass", "pwd", "secret", "token", "key", "credential", "cookie", "auth"],
  apply: (text) => replaceEach(text, FLAG_VALUE, (m) => {
    const [whole, flag = "", space = "", dqOpen, dqValue, sqOpen, sqValue, bare] = m;
    if (bare !== void 0 && /^[A-Z][A-Z0-9_-]*$/.test(bare)) return void 0;
    return redactAssigned({
      text,
      keyStart: m.index,
      end: m.index + whole.length,
      prefix: `${flag}${space}`,
      lead: "",
      sep: space,
      key: flag,
      keyQuote: "",
      isFlag: true,
      dqOpen,
      dqValue,
      sqOpen,
      sqValue,
      bare
    });
  })
};

// scripts/core/shared/redact-context.ts
var PEM_BEGIN = /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
var PEM_END = /-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/y;
var PEM_BODY = /(?:(?:Proc-Type|DEK-Info|Comment|Version|Hash):[^\r\n"'\\]{0,200}|[A-Za-z0-9+/=]|[ \t\r\n]|\\{1,8}[nrt])*/y;
var PEM_MAX_BODY = 65536;
var PEM_NOT_ONE_STRING = /["'`]|\\(?![\\nrt])/g;
function redactPem(text) {
  let out = "";
  let last = 0;
  let endAt = -2;
  let badAt = -2;
  PEM_BEGIN.lastIndex = 0;
  for (let m = PEM_BEGIN.exec(text); m !== null; m = PEM_BEGIN.exec(text)) {
    const start = m.index;
    const bodyStart = start + m[0].length;
    let end = -1;
    if (endAt !== -1 && endAt < bodyStart) endAt = text.indexOf("-----END", bodyStart);
    if (endAt !== -1 && endAt - bodyStart <= PEM_MAX_BODY) {
      if (badAt !== -1 && badAt < bodyStart) {
        PEM_NOT_ONE_STRING.lastIndex = bodyStart;
        badAt = PEM_NOT_ONE_STRING.exec(text)?.index ?? -1;
      }
      if (badAt === -1 || badAt > endAt) {
        PEM_END.lastIndex = endAt;
        if (PEM_END.test(text)) end = PEM_END.lastIndex;
      }
    }
    if (end === -1) {
      PEM_BODY.lastIndex = bodyStart;
      PEM_BODY.test(text);
      end = PEM_BODY.lastIndex;
      while (end > bodyStart && /[ \t\r\n]/.test(text[end - 1] ?? "")) end--;
    }
    out += text.slice(last, start) + marker("private-key");
    last = end;
    PEM_BEGIN.lastIndex = end;
  }
  return last === 0 ? text : out + text.slice(last);
}
var pemRule = { hints: ["-----begin"], apply: redactPem };
function shapeRule(r) {
  const replacement = r.keepPrefix ? `$1${marker(r.id)}` : marker(r.id);
  const check = r.check;
  return {
    hints: r.hints,
    apply: check ? (text) => text.replace(r.pattern, (m) => check(m) ? replacement : m) : (text) => text.replace(r.pattern, replacement)
  };
}
var SHAPE_RULES = TOKEN_SHAPES.map(shapeRule);
var AUTH_SCHEMES = /^(?:bearer|basic|token|digest|negotiate|ntlm|bot|apikey|api-key|sso-key|jwt|dpop|key|ssws)$/i;
var AUTHORIZATION = /(?<!(?<!\\)[\w-])((?:proxy-)?authorization)(\\{0,7}["'])?([ \t]{0,8}[:=][ \t]{0,8}(?:\\{0,7}["'](?![\s,:;{}[\])]))?)(?:(bearer|basic|token|digest|negotiate|ntlm|bot|apikey|api-key|sso-key|jwt|dpop|key|ssws)([ \t]{1,8}))?([^\s"'\\]+)/gi;
var authorizationRule = {
  hints: ["authorization"],
  apply: (text) => text.replace(AUTHORIZATION, (whole, name, keyQuote, sep, scheme, space, value) => {
    if (value.startsWith(MARKER_PREFIX) || ENV_REFERENCE.test(value)) return whole;
    const prefix = `${name}${keyQuote ?? ""}${sep}`;
    if (scheme !== void 0) return `${prefix}${scheme}${space ?? ""}${marker(scheme.toLowerCase())}`;
    if (AUTH_SCHEMES.test(value)) return whole;
    if (keyQuote?.endsWith('"') && !/["']$/.test(sep)) {
      const cut = value.search(/[,{}[\]]/);
      if (cut === 0) return whole;
      return `${prefix}${keyQuote}${marker("authorization")}${keyQuote}${cut === -1 ? "" : value.slice(cut)}`;
    }
    return `${prefix}${marker("authorization")}`;
  })
};
var COOKIE_HEADER = /(?<!(?<!\\)[\w-])((?:set-)?cookie[ \t]{0,4}:[ \t]{0,8})([^\r\n"'\\]+)/gi;
var cookieRule = {
  hints: ["cookie"],
  // A cookie header carries name=value pairs; `cookie: it expires` in prose does not.
  apply: (text) => text.replace(COOKIE_HEADER, (whole, prefix, value) => !value.includes("=") || value.startsWith(MARKER_PREFIX) ? whole : `${prefix}${marker("cookie")}`)
};
var BEARER = /(?<!(?<!\\)[\w-])(bearer[ \t]{1,4})[A-Za-z0-9._~+/-]{16,}=*/gi;
var bearerRule = { hints: ["bearer"], apply: (text) => text.replace(BEARER, `$1${marker("bearer")}`) };
var URL_PASSWORD = /:\/\/(?<=(?<!(?<!\\)[a-z0-9+.-])[a-z][a-z0-9+.-]{1,30}:\/\/)([^\s:/?#@"'\\]{0,256}):([^\s/?#@"'\\]{1,512})@/gi;
var urlPasswordRule = {
  hints: ["://"],
  apply: (text) => text.replace(URL_PASSWORD, (whole, user, password) => whole.includes(MARKER_PREFIX) || ENV_REFERENCE.test(password) ? whole : `://${user}:${marker("url-password")}@`)
};
var URL_TOKEN_USER = /:\/\/(?<=(?<!(?<!\\)[a-z0-9+.-])[a-z][a-z0-9+.-]{1,30}:\/\/)([A-Za-z0-9_-]{32,256})@/gi;
var urlTokenRule = {
  hints: ["://"],
  apply: (text) => text.replace(URL_TOKEN_USER, (whole, user) => /[0-9]/.test(user) && /[A-Za-z]/.test(user) ? `://${marker("url-token")}@` : whole)
};
var CURL_USER = /(?<!(?<!\\)[\w-])(-u|--user)([ \t]{1,4}|=)(\\{0,7}["'](?![\s,:;{}[\])]))?([^\s:"'\\[\]=]{0,256}):([^\s"'\\]+)/g;
var curlUserRule = {
  hints: ["-u"],
  apply: (text) => text.replace(CURL_USER, (whole, flag, sep, quote, user, password) => {
    if (whole.includes(MARKER_PREFIX) || ENV_REFERENCE.test(password)) return whole;
    if (/^[0-9]*$/.test(user) && /^[0-9]+$/.test(password)) return whole;
    return `${flag}${sep}${quote ?? ""}${user}:${marker("password")}`;
  })
};
var NETRC = /(?<!(?<!\\)[\w-])(login[ \t]+[^\s"'\\]{1,256}[ \t]+password[ \t]+)([^\s"'\\]+)/g;
var netrcRule = {
  hints: ["login"],
  apply: (text) => text.replace(NETRC, (whole, prefix, value) => whole.includes(MARKER_PREFIX) || ENV_REFERENCE.test(value) ? whole : `${prefix}${marker("password")}`)
};
var CLIENT_PASSWORD_RULES = CLIENT_PASSWORDS.map((r) => ({
  hints: r.hints,
  apply: (text) => text.replace(r.pattern, (whole, kept, value) => {
    if (value.includes(MARKER_PREFIX) || ENV_REFERENCE.test(value.replace(/^['"]|['"]$/g, ""))) return whole;
    const quote = /^['"]/.test(value) ? value[0] : "";
    return `${kept}${quote}${marker(r.id)}${quote}`;
  })
}));
var QUERY_PARAM = new RegExp(`([?&;](?:amp;)?(?:${SECRET_QUERY_PARAMS.map((p) => p.replace(/[-]/g, "\\-")).join("|")})=)([^&#\\s"'<>\\\\]{8,})`, "gi");
var queryParamRule = {
  hints: SECRET_QUERY_PARAMS.map((p) => `${p}=`).filter((h) => h.length >= 2),
  apply: (text) => text.replace(QUERY_PARAM, (whole, name, value) => value.startsWith(MARKER_PREFIX) || ENV_REFERENCE.test(value) || /^[A-Za-z]+$/.test(value) ? whole : `${name}${marker(name.replace(/^[?&;]|amp;|=$/g, "").toLowerCase().replace(/_/g, "-"))}`)
};
function entropy(text) {
  const counts = /* @__PURE__ */ new Map();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= n / text.length * Math.log2(n / text.length);
  return bits;
}
function secretLike(value) {
  if (value.length < 12 || value.startsWith(MARKER_PREFIX) || ENV_REFERENCE.test(value)) return false;
  if (/^[a-z]+(?:[_.-][a-z]+)*$/i.test(value) || /^\.{0,2}\//.test(value) || /:\/\//.test(value)) return false;
  if (/^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/.test(value) || /^\d{4}-\d{2}-\d{2}/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(value)).length;
  return classes >= 2 && entropy(value) >= 3;
}
var BROAD_KEY = /(?<![\w.-])([A-Za-z_.][\w.-]{0,63})((?:\\{0,7}["'])?)([ \t]{0,8}(?::=|=>|[:=])[ \t]{0,8})((?:\\{0,7}["'])?)([A-Za-z0-9+/=_.:~-]{12,4096})/g;
var SEGMENTS = new Set(SECRET_NAME_SEGMENTS);
var broadKeyRule = {
  hints: ["key", "pat", "sig", "token", "secret", "pass", "credential", "fernet", "license", "docker", "salt", "seed", "mnemonic"],
  apply: (text) => replaceEach(text, BROAD_KEY, (m) => {
    const [whole, name = "", keyQuote = "", sep = "", quote = "", value = ""] = m;
    if (!name.toLowerCase().split(/[^a-z0-9]+/).some((seg) => SEGMENTS.has(seg)) || !secretLike(value)) return void 0;
    return [`${name}${keyQuote}${sep}${quote}${marker(keyCategory(name))}`, m.index + whole.length];
  })
};
var SPACED_KEY = new RegExp(`\\b(?:${SECRET_KEY_PHRASES.join("|")})[ \\t]+key\\b[ \\t]*(?:[:=]|is\\b)[ \\t]*["'\\\\]*([A-Za-z0-9+/=_.:~-]{12,4096})`, "gi");
var spacedKeyRule = {
  hints: ["key"],
  apply: (text) => replaceEach(text, SPACED_KEY, (m) => {
    const [whole, value = ""] = m;
    return secretLike(value) ? [whole.slice(0, whole.length - value.length) + marker("secret-key"), m.index + whole.length] : void 0;
  })
};
var NETRC_BLOCK = /((?:(?<=\\[nrt])|(?<![\w-]))machine[ \t]+[^\s"'\\]{1,256}(?:(?:[ \t\r\n]|\\{1,7}[nrt]){1,16}(?:login|account|port)[ \t]+[^\s"'\\]{1,256}){0,3}(?:[ \t\r\n]|\\{1,7}[nrt]){1,16}password[ \t]+)([^\s"'\\]+)/g;
var netrcBlockRule = {
  hints: ["machine"],
  apply: (text) => text.replace(NETRC_BLOCK, (whole, prefix, value) => value.startsWith(MARKER_PREFIX) ? whole : `${prefix}${marker("password")}`)
};
var JWK_PRIVATE = /((\\{0,7})"(?:d|p|q|dp|dq|qi|k)\2"[ \t]*:[ \t]*\2")([A-Za-z0-9_-]{16,})(?=\2")/g;
var jwkRule = { hints: ["kty"], apply: (text) => text.replace(JWK_PRIVATE, `$1${marker("jwk-private-key")}`) };
var MNEMONIC = /(?:(?<=\\[nrt])|(?<![\w-]))((?:mnemonic|seed[ \t]+phrase|recovery[ \t]+phrase|secret[ \t]+phrase)(?:\\{0,7}["'])?[ \t]*[:=]?[ \t]*(?:\\{0,7}["'])?)((?:[a-z]{3,8}[ \t]+){11,23}[a-z]{3,8})\b/gi;
var mnemonicRule = { hints: ["mnemonic", "phrase"], apply: (text) => text.replace(MNEMONIC, `$1${marker("mnemonic")}`) };
var RULES = [
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
  broadKeyRule
];
var SPANNING_RULES = [pemRule, netrcBlockRule];

// scripts/core/shared/redact.ts
var HINTS = [];
var HINT_RULES = [];
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
var PAIR_HEAD = new Int16Array(128 * 128).fill(-1);
var HINT_NEXT = new Int16Array(HINTS.length).fill(-1);
HINTS.forEach((hint, id) => {
  const pair = hint.charCodeAt(0) << 7 | hint.charCodeAt(1);
  HINT_NEXT[id] = PAIR_HEAD[pair];
  PAIR_HEAD[pair] = id;
});
function fold(code) {
  return code >= 65 && code <= 90 ? code | 32 : code;
}
function hintAt(text, at, hint) {
  if (at + hint.length > text.length) return false;
  for (let k = 2; k < hint.length; k++) if (fold(text.charCodeAt(at + k)) !== hint.charCodeAt(k)) return false;
  return true;
}
var HINT_FOUND = new Uint32Array(HINTS.length);
var RULE_RUNS = new Uint32Array(RULES.length);
var calls = 0;
function rulesToRun(text) {
  if (++calls === 4294967295) {
    HINT_FOUND.fill(0);
    RULE_RUNS.fill(0);
    calls = 1;
  }
  const call = calls;
  let prev = fold(text.charCodeAt(0));
  for (let i = 0; i + 1 < text.length; i++) {
    const next = fold(text.charCodeAt(i + 1));
    if (prev < 128 && next < 128) {
      for (let id = PAIR_HEAD[prev << 7 | next]; id !== -1; id = HINT_NEXT[id]) {
        if (HINT_FOUND[id] !== call && hintAt(text, i, HINTS[id])) {
          HINT_FOUND[id] = call;
          const rules = HINT_RULES[id];
          for (let r = 0; r < rules.length; r++) RULE_RUNS[rules[r]] = call;
        }
      }
    }
    prev = next;
  }
  return call;
}
function pass(text) {
  const call = rulesToRun(text);
  let out = text;
  for (let r = 0; r < RULES.length; r++) if (RULE_RUNS[r] === call) out = RULES[r].apply(out);
  return out;
}
var MAX_PASSES = 4;
function passes(text) {
  let out = text;
  for (let i = 0; i < MAX_PASSES; i++) {
    const next = pass(out);
    if (next === out) break;
    out = next;
  }
  return out;
}
var CHUNK = 2048;
function redactLong(text) {
  let whole = text;
  const lower = text.toLowerCase();
  for (const rule of SPANNING_RULES) if (rule.hints.some((h) => lower.includes(h))) whole = rule.apply(whole);
  let out = "";
  for (let start = 0; start < whole.length; ) {
    const cut = whole.indexOf("\n", start + CHUNK);
    const end = cut === -1 ? whole.length : cut + 1;
    out += passes(whole.slice(start, end));
    start = end;
  }
  return out;
}
function redact(text) {
  if (typeof text !== "string" || text.length < 5) return text;
  return text.length > 4 * CHUNK && text.includes("\n") ? redactLong(text) : passes(text);
}
function isPlainObject(value) {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
var MAX_DEPTH = 200;
function walk(value, sensitive, seen, depth) {
  if (typeof value === "string") {
    if (sensitive !== void 0 && value !== "" && !value.startsWith(MARKER_PREFIX)) return marker(sensitive);
    return redact(value);
  }
  if (value === null || typeof value !== "object") return value;
  const done = seen.get(value);
  if (done !== void 0) return done;
  if (depth >= MAX_DEPTH) return marker("too-deep");
  if (Array.isArray(value)) {
    const out2 = [];
    seen.set(value, out2);
    for (const item of value) out2.push(walk(item, sensitive, seen, depth + 1));
    return out2;
  }
  if (!isPlainObject(value)) return value;
  const out = Object.create(Object.getPrototypeOf(value));
  seen.set(value, out);
  for (const key of Object.keys(value)) {
    const category = SENSITIVE_KEY.test(key) ? keyCategory(key) : sensitive;
    Object.defineProperty(out, key, {
      value: walk(value[key], category, seen, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true
    });
  }
  return out;
}
function redactValue(value) {
  return walk(value, void 0, /* @__PURE__ */ new WeakMap(), 0);
}
function truncate(text, max) {
  if (typeof text !== "string") return text;
  if (Number.isNaN(max)) max = 0;
  if (text.length <= max) return text;
  let cut = Math.max(0, Math.floor(max));
  if (cut > 0) {
    const code = text.charCodeAt(cut - 1);
    if (code >= 55296 && code <= 56319) cut -= 1;
  }
  return `${text.slice(0, cut)}\u2026 [truncated ${text.length - cut} chars]`;
}

// scripts/adapters/store.ts
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  linkSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync
} from "node:fs";
import { dirname, join } from "node:path";
function ensureDir(dir) {
  mkdirSync(dir, { recursive: true });
}
function fsyncDir(dir) {
  try {
    const fd = openSync(dir, constants.O_RDONLY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
  }
}
function randomName() {
  return Math.floor(Math.random() * 4294967296).toString(16).padStart(8, "0");
}
function tempPathFor(path) {
  return `${path}.${process.pid}.${randomName()}.tmp`;
}
function writeFileAtomic(path, data, mode = 420) {
  const dir = dirname(path);
  ensureDir(dir);
  const tmp = tempPathFor(path);
  let fd;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
    const buf = typeof data === "string" ? Buffer.from(data) : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = void 0;
    renameSync(tmp, path);
    fsyncDir(dir);
  } catch (err) {
    if (fd !== void 0) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
}
function appendLine(path, line) {
  const buf = Buffer.from(line.endsWith("\n") ? line : `${line}
`);
  let fd;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 420);
  } catch (err) {
    if (err.code !== "ENOENT") throw err;
    ensureDir(dirname(path));
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 420);
  }
  try {
    let written = 0;
    try {
      written = writeSync(fd, buf);
    } finally {
      if (written > 0 && written < buf.length) ftruncateSync(fd, fstatSync(fd).size - written);
    }
    if (written < buf.length) throw Object.assign(new Error(`short write to ${path}`), { code: "ENOSPC" });
  } finally {
    closeSync(fd);
  }
}
var STAGE_FLUSH_BYTES = 1 << 20;
function stageFile(path, mode) {
  ensureDir(dirname(path));
  const tmp = tempPathFor(path);
  if (mode === "keep" && existsSync(path)) copyFileSync(path, tmp, constants.COPYFILE_EXCL);
  let fd = openSync(tmp, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 420);
  const pending = Buffer.allocUnsafe(STAGE_FLUSH_BYTES);
  let used = 0;
  const writeAll = (buf, length) => {
    for (let off = 0; off < length; ) off += writeSync(fd, buf, off, length - off);
  };
  const flush = () => {
    writeAll(pending, used);
    used = 0;
  };
  return {
    write(text) {
      if (used + text.length * 3 > pending.length) {
        flush();
        if (text.length * 3 > pending.length) {
          const bytes = Buffer.from(text);
          writeAll(bytes, bytes.length);
          return bytes.length;
        }
      }
      const length = pending.write(text, used);
      used += length;
      return length;
    },
    commit() {
      flush();
      fsyncSync(fd);
      closeSync(fd);
      fd = void 0;
      renameSync(tmp, path);
      fsyncDir(dirname(path));
    },
    abort() {
      if (fd !== void 0) closeSync(fd);
      fd = void 0;
      rmSync(tmp, { force: true });
    }
  };
}
function readTextBounded(path, maxBytes) {
  const fd = openSync(path, constants.O_RDONLY);
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) {
      throw Object.assign(new Error(`${path}: file is ${size} bytes, more than the ${maxBytes}-byte limit`), { code: "EFBIG" });
    }
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}
function readRange(path, start, end, maxBytes) {
  if (end - start > maxBytes) throw Object.assign(new Error(`more than ${maxBytes} bytes`), { code: "EFBIG" });
  const buf = Buffer.alloc(end - start);
  const fd = openSync(path, "r");
  try {
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, start + off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}
function readAt(path, start, length) {
  return readRange(path, start, start + length, length);
}

export {
  redact,
  redactValue,
  truncate,
  ensureDir,
  randomName,
  writeFileAtomic,
  appendLine,
  stageFile,
  readTextBounded,
  readRange,
  readAt
};
