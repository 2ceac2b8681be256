import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { redact, redactValue, truncate } from '../../scripts/core/shared/redact.ts';
import { BENIGN_CORPUS, SECRET_CORPUS } from '../fixtures/secrets.ts';

const MARKER = /\[REDACTED:[a-z0-9-]+\]/;

describe('secret corpus', () => {
  it('is big, distinct and searchable', () => {
    expect(SECRET_CORPUS.length).toBeGreaterThanOrEqual(45);
    expect(new Set(SECRET_CORPUS.map((c) => c.name)).size).toBe(SECRET_CORPUS.length);
    expect(new Set(SECRET_CORPUS.map((c) => c.secret)).size).toBe(SECRET_CORPUS.length);
    for (const { name, secret, context } of SECRET_CORPUS) {
      expect(secret.length, name).toBeGreaterThanOrEqual(8);
      expect(secret, name).not.toMatch(/["\\\s]/);
      expect(context(secret), name).toContain(secret);
    }
  });

  describe.each(SECRET_CORPUS.map((c) => [c.name, c] as const))('%s', (_name, { secret, context }) => {
    const text = context(secret);

    it('is redacted in plain text', () => {
      const out = redact(text);
      expect(out).not.toContain(secret);
      expect(out).toMatch(MARKER);
    });

    it('is redacted inside a JSON document that still parses', () => {
      const doc = JSON.stringify({ tool_name: 'Bash', tool_input: { command: text }, tool_response: { stdout: `before\n${text}\nafter` } });
      const out = redact(doc);
      expect(out).not.toContain(secret);
      const parsed = JSON.parse(out) as { tool_input: { command: string } };
      expect(parsed.tool_input.command).toMatch(MARKER);
    });

    it('is redacted inside JSON encoded twice (an event that carries a JSON payload)', () => {
      const doc = JSON.stringify({ event: 'tool_use', data: JSON.stringify({ output: `line one\n${text}` }) });
      const out = redact(doc);
      expect(out).not.toContain(secret);
      const outer = JSON.parse(out) as { data: string };
      expect(() => JSON.parse(outer.data)).not.toThrow();
    });

    it('is redacted by redactValue wherever it sits', () => {
      const out = redactValue({ a: [{ b: text }], c: { d: { e: `x ${text} y` } } });
      expect(JSON.stringify(out)).not.toContain(secret);
    });

    it('redacts to a fixed point', () => {
      const once = redact(text);
      expect(redact(once)).toBe(once);
    });
  });
});

describe('marker shapes', () => {
  it.each([
    ['password=hunter2x', 'password=[REDACTED:password]'],
    ['db_password: "hunter2x"', 'db_password: "[REDACTED:password]"'],
    ['Authorization: Bearer abcdef0123456789abcdef', 'Authorization: Bearer [REDACTED:bearer]'],
    ['AUTHORIZATION: basic dXNlcjpwYXNzd29yZA==', 'AUTHORIZATION: basic [REDACTED:basic]'],
    ['authorization: token 0123456789abcdef0123456789abcdef01234567', 'authorization: token [REDACTED:token]'],
    ['https://user:s3cretPass@host.example.com/repo.git', 'https://user:[REDACTED:url-password]@host.example.com/repo.git'],
    ['postgres://app:pa55word@db:5432/app', 'postgres://app:[REDACTED:url-password]@db:5432/app'],
    ['AKIAIOSFODNN7EXAMPLE', '[REDACTED:aws-access-key]'],
    ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws_secret_access_key = [REDACTED:aws-secret-key]'],
    ['export MY_API_KEY=abc123def456', 'export MY_API_KEY=[REDACTED:api-key]'],
    ['curl -u admin:hunter2x https://x.example', 'curl -u admin:[REDACTED:password] https://x.example'],
    ['--token abcdef123456', '--token [REDACTED:token]'],
    ['{"password":"hunter2x","user":"bob"}', '{"password":"[REDACTED:password]","user":"bob"}'],
    ['{"pin_secret":123456,"n":1}', '{"pin_secret":"[REDACTED:secret]","n":1}'],
    ["'password' => 'hunter2x'", "'password' => '[REDACTED:password]'"],
    ['call(token=abc123)', 'call(token=[REDACTED:token])'],
    // A value that turns out not to be a secret must not hide a real pair behind it.
    ['TOKEN= PASSWORD=hunter2x make deploy', 'TOKEN= PASSWORD=[REDACTED:password] make deploy'],
    ['connect(token=get_token(),password="hunter2x")', 'connect(token=get_token(),password="[REDACTED:password]")'],
    ['\\npassword=hunter2x\\nauth: abc123', '\\npassword=[REDACTED:password]\\nauth: [REDACTED:auth]'],
    ['db:\n  password: correct horse battery staple\n  port: 5432', 'db:\n  password: [REDACTED:password]\n  port: 5432'],
    ['TOKEN=abc123def; ./run.sh', 'TOKEN=[REDACTED:token]; ./run.sh'],
    ['Cookie: sid=abc123; theme=dark', 'Cookie: [REDACTED:cookie]'],
  ])('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('never puts a quote or a backslash in a marker', () => {
    for (const { secret, context } of SECRET_CORPUS) {
      for (const m of redact(context(secret)).matchAll(/\[REDACTED:[^\]]*\]/g)) expect(m[0]).not.toMatch(/["'\\]/);
    }
  });

  it('keeps JSON valid around a header inside a JSON string', () => {
    const doc = JSON.stringify({ cmd: 'curl -H "Authorization: Bearer abcdef0123456789abcdef" https://api.example' });
    const out = redact(doc);
    expect(JSON.parse(out)).toEqual({ cmd: 'curl -H "Authorization: Bearer [REDACTED:bearer]" https://api.example' });
  });

  it('does not treat the quote that closes a JSON string as opening a value', () => {
    for (const doc of ['{"a":"token=","b":"c"}', '{"a":"password:","b":1}', '["Authorization: ",{"x":1}]', '{"-u ":1}', '{"a":"secret= ","b":[1,2]}']) {
      expect(() => JSON.parse(redact(doc)), doc).not.toThrow();
    }
  });
});

describe('multi-line private keys', () => {
  const body = Array.from({ length: 12 }, (_, i) => `${'MIIEpAIBAAKCAQEA'.slice(0, i ? 0 : 16)}${'x'.repeat(i)}${'Q'.repeat(64 - i - (i ? 0 : 16))}`);
  const pem = ['-----BEGIN RSA PRIVATE KEY-----', ...body, '-----END RSA PRIVATE KEY-----'].join('\n');
  const log = [
    '$ ssh-keygen -y -f deploy_key', 'Loading key...', 'debug1: reading key', pem,
    'debug1: key ok', ...Array.from({ length: 6 }, (_, i) => `step ${i} done`), '$ exit',
  ].join('\n');

  it('removes the whole block from a 20-line log and keeps the lines around it', () => {
    expect(log.split('\n').length).toBeGreaterThanOrEqual(20);
    const out = redact(log);
    for (const line of body) expect(out).not.toContain(line);
    expect(out).not.toContain('BEGIN RSA');
    expect(out).not.toContain('END RSA');
    expect(out).toContain('[REDACTED:private-key]');
    expect(out.startsWith('$ ssh-keygen -y -f deploy_key\nLoading key...\ndebug1: reading key\n[REDACTED:private-key]\ndebug1: key ok\n')).toBe(true);
    expect(out.endsWith('step 5 done\n$ exit')).toBe(true);
  });

  it('removes a block with no END line', () => {
    const cut = ['-----BEGIN OPENSSH PRIVATE KEY-----', ...body.slice(0, 5)].join('\n');
    const out = redact(`cat id_ed25519\n${cut}`);
    expect(out).toBe('cat id_ed25519\n[REDACTED:private-key]');
  });

  it('removes a block with escaped newlines and keeps the JSON valid', () => {
    const doc = JSON.stringify({ private_key: `${pem}\n`, client_email: 'ci@example.iam.gserviceaccount.com' });
    const out = redact(doc);
    for (const line of body) expect(out).not.toContain(line);
    expect(JSON.parse(out)).toEqual({ private_key: '[REDACTED:private-key]\n', client_email: 'ci@example.iam.gserviceaccount.com' });
  });

  it('leaves certificates and public keys alone', () => {
    const cert = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----';
    expect(redact(cert)).toBe(cert);
  });
});

describe('benign text', () => {
  it.each(BENIGN_CORPUS.map((s) => [s]))('%j is unchanged', (text) => {
    expect(redact(text)).toBe(text);
    const doc = JSON.stringify({ text });
    expect(redact(doc)).toBe(doc);
  });

  it('leaves a typical 2 KB tool output alone', () => {
    const output = typicalOutput();
    expect(output.length).toBeGreaterThan(2000);
    expect(redact(output)).toBe(output);
  });
});

describe('redactValue', () => {
  it('redacts nested strings, keeps keys, replaces values of sensitive keys whole', () => {
    const input = {
      session_id: '8f14e45f-ceea-467a-9af0-5c8a1b2d3e4f',
      tool_input: { command: 'export API_TOKEN=abcdef123456', description: 'set token' },
      headers: { Authorization: 'opaque-value', 'X-Api-Key': 'plain', Accept: 'application/json' },
      db: { user: 'app', password: 'correct horse battery staple', port: 5432 },
      list: ['ghp_0123456789abcdefghijABCDEFGHIJ012345', 7, null, true],
      credentials: { nested: ['a', { deep: 'b' }] },
      usage: { input_tokens: 12, max_tokens: 4096 },
      empty_token: '',
    };
    const out = redactValue(input);
    expect(out).toEqual({
      session_id: '8f14e45f-ceea-467a-9af0-5c8a1b2d3e4f',
      tool_input: { command: 'export API_TOKEN=[REDACTED:token]', description: 'set token' },
      headers: { Authorization: '[REDACTED:authorization]', 'X-Api-Key': '[REDACTED:api-key]', Accept: 'application/json' },
      db: { user: 'app', password: '[REDACTED:password]', port: 5432 },
      list: ['[REDACTED:github-token]', 7, null, true],
      credentials: { nested: ['[REDACTED:credentials]', { deep: '[REDACTED:credentials]' }] },
      usage: { input_tokens: 12, max_tokens: 4096 },
      empty_token: '',
    });
    expect(input.db.password).toBe('correct horse battery staple'); // not mutated
  });

  it('passes primitives through, redacts a bare string, survives cycles and keeps __proto__ a key', () => {
    expect(redactValue(42)).toBe(42);
    expect(redactValue(null)).toBe(null);
    expect(redactValue(undefined)).toBe(undefined);
    expect(redactValue('password=hunter2x')).toBe('password=[REDACTED:password]');
    const cyclic: Record<string, unknown> = { token: 'abc' };
    cyclic.self = cyclic;
    const out = redactValue(cyclic);
    expect(out.token).toBe('[REDACTED:token]');
    expect(out.self).toBe(out);
    const tricky = JSON.parse('{"__proto__":{"password":"x"}}') as Record<string, unknown>;
    const redacted = redactValue(tricky);
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(JSON.stringify(redacted)).toBe('{"__proto__":{"password":"[REDACTED:password]"}}');
  });

  it('leaves non-plain objects alone', () => {
    const date = new Date(0);
    expect(redactValue({ when: date }).when).toBe(date);
  });

  it('is idempotent and keeps JSON round-trippable', () => {
    fc.assert(fc.property(jsonWithSecrets(), (value) => {
      const once = redactValue(value);
      expect(redactValue(once)).toEqual(once);
      expect(() => JSON.parse(JSON.stringify(once))).not.toThrow();
    }), { numRuns: 300 });
  });
});

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('hello', 5)).toBe('hello');
    expect(truncate('', 0)).toBe('');
  });

  it('cuts at max and says how much it cut', () => {
    const text = 'x'.repeat(1234 + 100);
    expect(truncate(text, 100)).toBe(`${'x'.repeat(100)}… [truncated 1234 chars]`);
    expect(truncate('abcdef', 0)).toBe('… [truncated 6 chars]');
    expect(truncate('abcdef', -3)).toBe('… [truncated 6 chars]');
    expect(truncate('abcdef', 2.7)).toBe('ab… [truncated 4 chars]');
    expect(truncate('abcdef', Number.POSITIVE_INFINITY)).toBe('abcdef');
  });

  it('never splits a surrogate pair', () => {
    const text = `ab${'🔑'.repeat(10)}`;
    const out = truncate(text, 3); // would land between the halves of the first emoji
    expect(out).toBe('ab… [truncated 20 chars]');
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(60), (s, max) => {
      const cut = truncate(s, max);
      expect(wellFormed(cut)).toBe(wellFormed(s));
      if (s.length > max) expect(cut).toMatch(/… \[truncated \d+ chars\]$/);
    }));
  });
});

describe('properties', () => {
  it('never throws and is idempotent on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
      const once = redact(s);
      expect(redact(once)).toBe(once);
    }), { numRuns: 500 });
  });

  it('is idempotent on text built from secret-ish fragments', () => {
    fc.assert(fc.property(fragmentText(), (s) => {
      const once = redact(s);
      expect(redact(once)).toBe(once);
    }), { numRuns: 3000 });
  });

  it('keeps any JSON document parseable, once or twice encoded', () => {
    fc.assert(fc.property(jsonWithSecrets(), (value) => {
      const once = JSON.stringify(value);
      expect(() => JSON.parse(redact(once))).not.toThrow();
      const twice = JSON.stringify({ data: once });
      const parsed = JSON.parse(redact(twice)) as { data: string };
      expect(() => JSON.parse(parsed.data)).not.toThrow();
    }), { numRuns: 1000 });
  });
});

describe('pathological input', () => {
  const cases: Array<[string, string]> = [
    ['200 KB of a', 'a'.repeat(200_000)],
    ['A x 1e5 then =', `${'A'.repeat(100_000)}=`],
    ['eyJ runs', 'eyJ'.repeat(70_000)],
    ['eyJ runs with dots', 'eyJabcdefghij.'.repeat(15_000)],
    ['password= runs', 'password='.repeat(20_000)],
    ['spaced password words then =', `${' password'.repeat(20_000)}=`],
    ['long key', `${'x_'.repeat(50_000)}token=abc`],
    ['open PEM with a huge body', `-----BEGIN RSA PRIVATE KEY-----\n${'A'.repeat(200_000)}`],
    ['many PEM headers', '-----BEGIN PRIVATE KEY-----'.repeat(5_000)],
    ['many PEM headers then an END', `${'-----BEGIN PRIVATE KEY-----"'.repeat(5_000)}-----END PRIVATE KEY-----`],
    ['URL-ish runs', `https://${'a:'.repeat(50_000)}`],
    ['scheme runs', 'a://'.repeat(50_000)],
    ['escaped newlines', '\\n'.repeat(100_000)],
    ['header runs', 'Authorization: Bearer '.repeat(10_000)],
    ['sk- runs', 'sk-'.repeat(60_000)],
    ['ghp_ then 200 KB', `ghp_${'a'.repeat(200_000)}`],
    ['unterminated quoted value', `"password":"${'x'.repeat(200_000)}`],
    ['JSON key runs', '{"password":'.repeat(15_000)],
    ['curl -u runs', '-u a'.repeat(50_000)],
    ['hex runs', '0123456789abcdef'.repeat(12_000)],
    ['digits then :AA', `${'1'.repeat(100_000)}:AA`],
    ['declined code values', 'token=f('.repeat(25_000)],
    ['declined env values', 'token=process.env.X,'.repeat(10_000)],
    ['declined empty assignments', 'token= '.repeat(30_000)],
    ['declined pwd paths', 'pwd=/'.repeat(40_000)],
    ['quoted markers', `"${'token=[REDACTED:x]'.repeat(10_000)}"`],
  ];

  it.each(cases)('%s finishes quickly', (_name, input) => {
    const started = performance.now();
    const out = redact(input);
    expect(typeof out).toBe('string');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

// ---------------------------------------------------------------------------------------------

/** String.prototype.isWellFormed, which the ES2022 lib does not declare. */
function wellFormed(s: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

function typicalOutput(): string {
  const lines = [
    '> relay@0.1.0 test', '> vitest run', '',
    ' RUN  v4.1.12 /work/main', '',
    ' ✓ test/core/attempts.test.ts (24 tests) 41ms',
    ' ✓ test/core/blueprint.test.ts (12 tests) 18ms',
    ' ✓ test/adapters/event-ledger.test.ts (9 tests) 112ms',
    '   ✓ appends one line per event and keeps the session_id 8f14e45f-ceea-467a-9af0-5c8a1b2d3e4f',
    ' ❯ test/cli/status.test.ts (5 tests | 1 failed) 230ms',
    '   × prints the ready tasks in priority order',
    "     → expected 'p1 build the token bucket' to equal 'p0 build the token bucket'",
    '',
    ' FAIL  test/cli/status.test.ts > status > prints the ready tasks in priority order',
    "AssertionError: expected 'p1 build the token bucket' to equal 'p0 build the token bucket'",
    ' ❯ test/cli/status.test.ts:42:27',
    '     40|     const out = await run(["status"]);',
    '     41|     const first = out.split("\\n")[0];',
    "     42|     expect(first).toBe('p0 build the token bucket');",
    '       |                           ^',
    '',
    'commit 3f9c2a7d1e8b4f6a0c5d2e9b7a1f3c8d6e4b2a90 (HEAD -> main, origin/main)',
    'Author: Dev <dev@example.com>',
    '    fix(auth): refresh the session before the key expires',
    '',
    ' M scripts/core/attempts.ts', ' M scripts/core/redact.ts', '?? test/fixtures/secrets.ts',
    'drwxr-xr-x  5 dev dev 4096 Nov 22 10:00 node_modules',
    '-rw-r--r--  1 dev dev 1108 Nov 22 10:00 package.json',
    'https://github.com/acme/relay/pull/42',
    ' Test Files  1 failed | 3 passed (4)', '      Tests  1 failed | 49 passed (50)', '   Duration  1.84s',
  ];
  let out = '';
  while (out.length <= 2000) out += `${lines.join('\n')}\n`;
  return out;
}

const FRAGMENTS = [
  'password', 'passwd', 'pwd', 'secret', 'token', 'api_key', 'X-Api-Key', 'client_secret', 'auth', 'Authorization', 'Cookie',
  'Bearer ', 'basic ', 'token ', '=', ':', ': ', ' = ', '=>', '"', "'", '\\', '\\"', '\\n', '\n', ' ', '\t', ',', ';', '&', '{', '}', '[', ']', '(', ')',
  '://', 'https://', '@', 'user', ':pass', 'u:p@h', '-u ', '--password ', '--token=', 'login x password ', 'export ', 'DB_PASSWORD=',
  'ghp_', 'github_pat_', 'glpat-', 'xoxb-', 'sk_live_', 'sk-', 'sk-ant-api03-', 'AKIA', 'ASIA', 'AIza', 'npm_', 'eyJ', '.', 'eyJhbGciOiJIUzI1NiJ9',
  '-----BEGIN RSA PRIVATE KEY-----', '-----END RSA PRIVATE KEY-----', '-----BEGIN PRIVATE KEY-----', 'Proc-Type: 4,ENCRYPTED',
  '[REDACTED:x]', '[REDACTED:password]', '$TOKEN', '${X}', '${{ secrets.X }}', '<token>', 'null', 'string', 'getToken()', '/home/u', '~',
  'hooks.slack.com/services/', 'AccountKey=', '123456789:AA', 'Q~', 'SG.', 'hvs.',
  // Whole tokens, so combinations with the context rules get explored too.
  `ghp_${'a1B2'.repeat(9)}`, 'AKIAIOSFODNN7EXAMPLE', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', 'sk-proj-abc123def456ghi789jkl0',
  'xoxb-123456789012-abcdefABCDEF', `npm_${'x9'.repeat(18)}`, 'https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/cccccccccccccccccccccccc',
];

function fragmentText(): fc.Arbitrary<string> {
  return fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,48}$/) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    ),
    { maxLength: 24 },
  ).map((parts) => parts.join(''));
}

function jsonWithSecrets(): fc.Arbitrary<unknown> {
  const key = fc.oneof(
    fc.constantFrom('password', 'token', 'api_key', 'Authorization', 'cookie', 'auth', 'session_id', 'data', 'secret', 'tokens', 'a', 'b', 'Cookie:', 'password:', '-u '),
    fc.string({ maxLength: 8 }),
  );
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fragmentText(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    ),
  })).value;
}
