/**
 * The redaction rules that are data: token shapes recognisable alone (written after the
 * formats providers document, and after gitleaks' default rules and secretlint's recommended
 * preset), the password flags of common clients, URL parts that carry secrets, and key names
 * that say secret. The engine that applies them is ./redact.ts; adding a provider is a line here.
 *
 * Every pattern starts at a token boundary (a bounded lookbehind) and has no nested quantifier
 * over overlapping classes, so none backtracks more than a bounded amount per start position.
 * `hints` are lower-case substrings: a rule runs only on text that holds one of them.
 */

export interface ShapeRule {
  /** The kind named in the marker: `[REDACTED:<id>]`. */
  readonly id: string;
  readonly hints: readonly string[];
  readonly pattern: RegExp;
  /** A second look at a match; false keeps it. */
  readonly check?: (match: string) => boolean;
  /** Group 1 is a fixed prefix (a webhook URL's host and path) that stays. */
  readonly keepPrefix?: boolean;
}

const tok = (id: string, hints: readonly string[], pattern: RegExp, check?: (m: string) => boolean): ShapeRule => ({ id, hints, pattern, ...(check ? { check } : {}) });
const url = (id: string, hints: readonly string[], pattern: RegExp): ShapeRule => ({ id, hints, pattern, keepPrefix: true });
const mixedCase = (m: string) => /[0-9]/.test(m) && /[a-z]/.test(m) && /[A-Z]/.test(m);

export const TOKEN_SHAPES: readonly ShapeRule[] = [
  tok('aws-access-key', ['akia', 'asia', 'abia', 'acca', 'a3t'], /(?<!(?<!\\)[A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16,}/g),
  tok('github-token', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], /(?<!(?<!\\)[A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{30,}/g),
  tok('github-token', ['github_pat_'], /(?<!(?<!\\)[A-Za-z0-9_])github_pat_[A-Za-z0-9_]{30,}/g),
  tok('gitlab-token', ['glpat-', 'gldt-', 'glptt-', 'glrt-', 'glcbt-', 'glimt-', 'glagent-', 'gloas-', 'glsoat-', 'glft-', 'glffct-'],
    /(?<!(?<!\\)[\w-])gl(?:pat|dt|ptt|rt|cbt|imt|agent|oas|soat|ft|ffct)-[A-Za-z0-9_-]{20,}(?:\.[A-Za-z0-9_-]{1,64}){0,4}/g),
  tok('gitlab-token', ['gr1348941'], /(?<!(?<!\\)[\w-])GR1348941[A-Za-z0-9_-]{20,}/g),
  tok('slack-token', ['xox', 'xapp-'], /(?<!(?<!\\)[\w.-])(?:(?:xoxe\.)?xox[abeoprs]|xapp)-[A-Za-z0-9-]{10,}/g),
  url('slack-webhook', ['hooks.slack.com'], /(https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9+/_-]{16,}/gi),
  url('discord-webhook', ['discord'], /(https?:\/\/(?:[a-z]+\.)?discord(?:app)?\.com\/api\/webhooks\/)[0-9]{5,30}\/[A-Za-z0-9_-]{20,}/gi),
  tok('stripe-key', ['sk_', 'rk_'], /(?<!(?<!\\)\w)[sr]k_(?:live|test|prod)_[A-Za-z0-9]{10,}/g),
  tok('stripe-webhook-secret', ['whsec_'], /(?<!(?<!\\)\w)whsec_[A-Za-z0-9+/=]{20,}/g),
  tok('anthropic-key', ['sk-ant-'], /(?<!(?<!\\)[\w-])sk-ant-[a-z]{2,8}[0-9]{0,3}-[A-Za-z0-9_-]{20,}/g),
  // Also DeepSeek, Moonshot and other OpenAI-style keys; a kebab-case word with no digit is not one.
  tok('openai-key', ['sk-'], /(?<!(?<!\\)[\w-])sk-[A-Za-z0-9_-]{20,}/g, (m) => /[0-9]/.test(m) && /[A-Za-z].*[A-Za-z]/.test(m.slice(3))),
  tok('google-api-key', ['aiza'], /(?<!(?<!\\)[\w-])AIza[A-Za-z0-9_-]{35,}/g),
  tok('google-oauth-secret', ['gocspx-'], /(?<!(?<!\\)[\w-])GOCSPX-[A-Za-z0-9_-]{20,}/g),
  tok('google-oauth-token', ['ya29.'], /(?<!(?<!\\)[\w.-])ya29\.[A-Za-z0-9_-]{20,}/g),
  tok('npm-token', ['npm_'], /(?<!(?<!\\)\w)npm_[A-Za-z0-9]{36,}/g),
  tok('pypi-token', ['pypi-'], /(?<!(?<!\\)[\w-])pypi-AgE[A-Za-z0-9_-]{50,}/g),
  tok('huggingface-token', ['hf_'], /(?<!(?<!\\)\w)hf_[A-Za-z0-9]{30,}/g),
  tok('sendgrid-key', ['sg.'], /(?<!(?<!\\)[\w.])SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}/g),
  tok('shopify-token', ['shp'], /(?<!(?<!\\)\w)shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32,}/g),
  tok('digitalocean-token', ['_v1_'], /(?<!(?<!\\)\w)do[opr]_v1_[a-f0-9]{64,}/g),
  tok('docker-token', ['dckr_'], /(?<!(?<!\\)\w)dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}/g),
  tok('vault-token', ['hvs.', 'hvb.'], /(?<!(?<!\\)[\w.])hv[sb]\.[A-Za-z0-9_-]{24,}/g),
  tok('age-secret-key', ['age-secret-key-1'], /AGE-SECRET-KEY-1[0-9A-Z]{58,}/g),
  tok('linear-key', ['lin_'], /(?<!(?<!\\)\w)lin_(?:api|oauth)_[A-Za-z0-9]{40,}/g),
  tok('postman-key', ['pmak-'], /(?<!(?<!\\)[\w-])PMAK-[a-f0-9]{24}-[a-f0-9]{34,}/g),
  tok('databricks-token', ['dapi'], /(?<!(?<!\\)\w)dapi[a-f0-9]{32,}(?:-[0-9])?/g),
  tok('grafana-token', ['glc_', 'glsa_'], /(?<!(?<!\\)\w)(?:glc_[A-Za-z0-9+/]{32,}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8,})/g),
  tok('atlassian-token', ['atatt3'], /(?<!(?<!\\)[\w-])ATATT3[A-Za-z0-9_=-]{100,}/g),
  tok('square-token', ['sq0'], /(?<!(?<!\\)[\w-])sq0(?:atp|csp)-[A-Za-z0-9_-]{22,}/g),
  tok('twilio-key', ['sk'], /(?<!(?<!\\)[A-Za-z0-9])SK[0-9a-fA-F]{32}(?![A-Za-z0-9])/g),
  tok('mailchimp-key', ['-us'], /(?<!(?<!\\)[A-Za-z0-9])[0-9a-f]{32}-us[0-9]{1,2}(?![0-9])/g),
  tok('heroku-key', ['hrku-'], /(?<!(?<!\\)[\w-])HRKU-[A-Za-z0-9_-]{20,}/g),
  tok('pulumi-token', ['pul-'], /(?<!(?<!\\)[\w-])pul-[a-f0-9]{40,}/g),
  tok('doppler-token', ['dp.'], /(?<!(?<!\\)[\w.])dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,}/g),
  tok('supabase-key', ['sbp_', 'sb_secret_'], /(?<!(?<!\\)\w)(?:sbp_[a-f0-9]{40,}|sb_secret_[A-Za-z0-9_-]{20,})/g),
  tok('sentry-token', ['sntry'], /(?<!(?<!\\)\w)(?:sntrys_eyJ[A-Za-z0-9_=+/-]{30,}|sntryu_[a-f0-9]{64,})/g),
  tok('newrelic-key', ['nrak-'], /(?<!(?<!\\)[\w-])NRAK-[A-Z0-9]{27,}/g),
  tok('groq-key', ['gsk_'], /(?<!(?<!\\)\w)gsk_[A-Za-z0-9]{48,}/g),
  tok('xai-key', ['xai-'], /(?<!(?<!\\)[\w-])xai-[A-Za-z0-9]{60,}/g),
  tok('replicate-token', ['r8_'], /(?<!(?<!\\)\w)r8_[A-Za-z0-9]{37,}/g),
  tok('perplexity-key', ['pplx-'], /(?<!(?<!\\)[\w-])pplx-[A-Za-z0-9]{40,}/g),
  tok('figma-token', ['figd_'], /(?<!(?<!\\)\w)figd_[A-Za-z0-9_-]{30,}/g),
  tok('azure-client-secret', ['q~'], /(?<!(?<!\\)[A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}/g),
  tok('telegram-bot-token', [':aa'], /(?<!(?<!\\)[0-9])[0-9]{8,10}:AA[A-Za-z0-9_-]{33,}/g),
  tok('jwt', ['eyj'], /(?<!(?<!\\)[\w-])eyJ[A-Za-z0-9_-]{8,16384}\.ey[A-Za-z0-9_-]{8,16384}\.[A-Za-z0-9_-]*/g),
  tok('vault-token', ['s.'], /(?<!(?<!\\)[\w.-])s\.[A-Za-z0-9]{24}(?![\w.-])/g, mixedCase),
  tok('notion-token', ['ntn_'], /(?<!(?<!\\)\w)ntn_[0-9]{11}[A-Za-z0-9]{35,}/g),
  tok('notion-token', ['secret_'], /(?<!(?<!\\)\w)secret_[A-Za-z0-9]{43}(?![A-Za-z0-9])/g, mixedCase),
  tok('cloudflare-token', ['cfut_', 'cfat_', 'cfk_'], /(?<!(?<!\\)\w)cf(?:ut|at|k)_[A-Za-z0-9]{32,}/g),
  tok('fly-token', ['flyv1 ', 'fm1', 'fm2_', 'fo1_'], /(?<!(?<!\\)[\w+/=-])(?:FlyV1 )?f(?:m1[ar]|m2|o1)_[A-Za-z0-9+/=,_-]{40,}/g),
  tok('planetscale-token', ['pscale_'], /(?<!(?<!\\)\w)pscale_(?:pw|tkn|oauth)_[A-Za-z0-9_.-]{32,}/g),
  tok('netlify-token', ['nfp_'], /(?<!(?<!\\)\w)nfp_[A-Za-z0-9]{36,}/g),
  tok('vercel-token', ['vcp_', 'vck_', 'vci_', 'vca_'], /(?<!(?<!\\)\w)vc[pkia]_[A-Za-z0-9]{24,}/g),
  tok('render-key', ['rnd_'], /(?<!(?<!\\)\w)rnd_[A-Za-z0-9]{32,}/g),
  tok('discord-bot-token', ['.'], /(?<!(?<!\\)[\w.-])[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}(?![\w.-])/g, mixedCase),
  tok('newrelic-key', ['nrii-'], /(?<!(?<!\\)[\w-])NRII-[A-Za-z0-9_-]{32,}/g),
  tok('terraform-token', ['.atlasv1.'], /(?<!(?<!\\)[\w.])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,}/g),
  tok('mailgun-key', ['key-'], /(?<!(?<!\\)[\w-])key-[0-9a-f]{32}(?![0-9a-f])/g),
  tok('adobe-client-secret', ['p8e-'], /(?<!(?<!\\)[\w-])p8e-[A-Za-z0-9]{32}(?![A-Za-z0-9])/g, (m) => /[0-9]/.test(m)),
  tok('alibaba-access-key', ['ltai'], /(?<!(?<!\\)[A-Za-z0-9])LTAI[A-Za-z0-9]{20}(?![A-Za-z0-9])/g),
  tok('clojars-token', ['clojars_'], /(?<!(?<!\\)\w)CLOJARS_[a-z0-9]{60}(?![a-z0-9])/gi),
  tok('contentful-token', ['cfpat-'], /(?<!(?<!\\)[\w-])CFPAT-[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g),
  tok('dynatrace-token', ['dt0c01.'], /(?<!(?<!\\)[\w.])dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}(?![A-Z0-9])/g),
  tok('easypost-key', ['ezak', 'eztk'], /(?<!(?<!\\)\w)EZ[AT]K[A-Za-z0-9]{54}(?![A-Za-z0-9])/g),
  tok('frameio-token', ['fio-u-'], /(?<!(?<!\\)[\w-])fio-u-[A-Za-z0-9_=-]{64}(?![A-Za-z0-9_=-])/g),
  tok('mapbox-token', ['sk.eyj'], /(?<!(?<!\\)[\w.])sk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/g),
  tok('prefect-token', ['pnu_'], /(?<!(?<!\\)\w)pnu_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g),
  tok('readme-key', ['rdme_'], /(?<!(?<!\\)\w)rdme_[a-z0-9]{70}(?![a-z0-9])/g),
  tok('rubygems-key', ['rubygems_'], /(?<!(?<!\\)\w)rubygems_[a-f0-9]{48}(?![a-f0-9])/g),
  tok('scalingo-token', ['tk-us-'], /(?<!(?<!\\)[\w-])tk-us-[A-Za-z0-9_-]{48}(?![A-Za-z0-9_-])/g),
  tok('brevo-key', ['xkeysib-'], /(?<!(?<!\\)[\w-])xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}(?![A-Za-z0-9])/g),
  tok('shippo-token', ['shippo_'], /(?<!(?<!\\)\w)shippo_(?:live|test)_[a-f0-9]{40}(?![a-f0-9])/g),
  tok('typeform-token', ['tfp_'], /(?<!(?<!\\)\w)tfp_[A-Za-z0-9_.=-]{59,}/g),
  tok('flutterwave-key', ['flwseck', 'flwpubk'], /(?<!(?<!\\)\w)FLW(?:SECK|PUBK)_TEST-[a-h0-9]{32}-X(?![a-h0-9])/gi),
  tok('duffel-token', ['duffel_'], /(?<!(?<!\\)\w)duffel_(?:test|live)_[A-Za-z0-9_=-]{43}(?![A-Za-z0-9_=-])/g),
  tok('onepassword-token', ['ops_eyj'], /(?<!(?<!\\)\w)ops_eyJ[A-Za-z0-9+/]{250,}={0,3}/g),
  tok('openshift-token', ['sha256~'], /(?<!(?<!\\)[\w~])sha256~[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g),
  tok('infracost-key', ['ico-'], /(?<!(?<!\\)[\w-])ico-[A-Za-z0-9]{32}(?![A-Za-z0-9])/g, (m) => /[0-9]/.test(m) && /[A-Za-z]/.test(m.slice(4))),
  tok('harness-token', ['pat.', 'sat.'], /(?<!(?<!\\)[\w.])(?:pat|sat)\.[A-Za-z0-9_-]{22}\.[a-f0-9]{24}\.[A-Za-z0-9]{20}(?![A-Za-z0-9])/g),
  tok('octopus-key', ['api-'], /(?<!(?<!\\)[\w-])API-[A-Z0-9]{26}(?![A-Z0-9])/g),
  tok('snyk-token', ['snyk'], /(?<=snyk[\w .-]{0,20}[:=][ \t]{0,4}["']?)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi),
  tok('plaid-token', ['access-'], /(?<!(?<!\\)[\w-])access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g),
  tok('intra42-secret', ['s-s4t2'], /(?<!(?<!\\)[\w-])s-s4t2(?:ud|af)-[a-f0-9]{64}(?![a-f0-9])/g),
  url('teams-webhook', ['webhook.office.com'], /(https?:\/\/[\w.-]*webhook\.office\.com\/webhookb2\/)[^\s"'<>\\]{20,}/gi),
  url('zapier-webhook', ['hooks.zapier.com'], /(https?:\/\/hooks\.zapier\.com\/hooks\/catch\/)[0-9]+\/[A-Za-z0-9]+/gi),
  url('ifttt-webhook', ['maker.ifttt.com'], /(https?:\/\/maker\.ifttt\.com\/trigger\/[^/\s"']{1,100}\/(?:json\/)?with\/key\/)[A-Za-z0-9_-]{16,}/gi),
];

/**
 * Clients that take a password as a flag or argument, and where it sits. The client's name is
 * distinctive enough to need no boundary before it (`my-redis-cli`, text glued to a command). Group 1 is kept
 * (the command up to the password), group 2 is the password, quoted or bare.
 */
export const CLIENT_PASSWORDS: readonly ShapeRule[] = [
  tok('password', ['mysql', 'mariadb'], /((?:mysql(?:dump|admin|import|sh)?|mariadb(?:-dump)?)\b[^\n|;&]{0,200}?[ \t]-p)([^\s'"\\-][^\s'"\\]*|'[^'\n\\]+'|"[^"\n\\]+")/g),
  tok('password', ['sshpass'], /(sshpass[ \t]+(?:-[a-oq-z]\S*[ \t]+)*-p[ \t]*)([^\s'"\\-][^\s'"\\]*|'[^'\n\\]+'|"[^"\n\\]+")/g),
  tok('password', ['redis-cli'], /(redis-cli\b[^\n|;&]{0,200}?[ \t]-a[ \t]+)([^\s'"\\-][^\s'"\\]*|'[^'\n\\]+'|"[^"\n\\]+")/g),
  tok('password', ['docker'], /((?:docker|podman|buildah)[ \t]+login\b[^\n|;&]{0,200}?[ \t]-p[ \t]+)([^\s'"\\-][^\s'"\\]*|'[^'\n\\]+'|"[^"\n\\]+")/g),
  tok('password', ['mongo'], /(mongo(?:sh|dump|restore|export|import)?\b[^\n|;&]{0,200}?[ \t]-p[ \t]+)([^\s'"\\-][^\s'"\\]*|'[^'\n\\]+'|"[^"\n\\]+")/g),
  tok('password', ['htpasswd'], /(htpasswd[ \t]+(?:-\w+[ \t]+)*?-\w*b\w*[ \t]+(?:-\w+[ \t]+)*\S+[ \t]+\S+[ \t]+)([^\s'"\\-][^\s'"\\]*|'[^'\n\\]+'|"[^"\n\\]+")/g),
  tok('vault-token', ['vault'], /(vault[ \t]+login[ \t]+)([^\s'"\\-][^\s'"=\\]{7,})(?=\s|$)/g),
];

/** URL query parameters whose value is a credential. */
export const SECRET_QUERY_PARAMS = ['sig', 'signature', 'x-amz-signature', 'x-amz-security-token', 'x-goog-signature', 'token', 'access_token', 'id_token', 'refresh_token', 'api_key', 'apikey', 'api-key', 'key', 'code', 'client_secret', 'password', 'secret', 'auth'];

/**
 * Name segments that make a key name say "secret" even where the strict rule does not
 * (APP_KEY, ALGOLIA_ADMIN_KEY, TF_TOKEN_app_terraform_io, secret_key_base, AZURE_DEVOPS_EXT_PAT,
 * Ocp-Apim-Subscription-Key, client-key-data, .dockerconfigjson). Such a key only hides a value
 * that looks like a secret, not a word or an identifier.
 */
export const SECRET_NAME_SEGMENTS = ['key', 'keys', 'pat', 'sig', 'signature', 'token', 'secret', 'password', 'passwd', 'credential', 'credentials', 'fernet', 'license', 'dockerconfigjson', 'dockercfg', 'apikey', 'passphrase', 'salt', 'seed', 'mnemonic'];

/** Words that, with "key" after them, name a secret in prose or a dashboard ("Secret Key: …"). */
export const SECRET_KEY_PHRASES = ['secret', 'private', 'api', 'access', 'license', 'master', 'admin', 'signing', 'encryption', 'account'];
