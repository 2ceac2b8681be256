// The generated provider corpus through redact(): every secret caught, in plain text and inside JSON
// that still parses; every look-alike untouched; markers that keep the kind and the context.
import { describe, expect, it } from 'vitest';
import { redact, redactValue } from '../../scripts/core/shared/redact.ts';
import { LOOKALIKES, PROVIDER_CORPUS } from '../fixtures/secret-providers.ts';

/** The whole secret, and 20-character windows of it: half a secret is still a leak. */
function leaked(out: string, secret: string): boolean {
  if (out.includes(secret)) return true;
  return secret.length > 24 && [secret.slice(0, 20), secret.slice(-20), secret.slice(Math.floor(secret.length / 2) - 10, Math.floor(secret.length / 2) + 10)].some((f) => out.includes(f));
}

describe('the provider corpus', () => {
  it('is large enough to mean something: 250+ secrets, 80+ providers, each in 2+ contexts, 50+ look-alikes', () => {
    const providers = new Map<string, number>();
    for (const c of PROVIDER_CORPUS) providers.set(c.provider, (providers.get(c.provider) ?? 0) + 1);
    expect(PROVIDER_CORPUS.length).toBeGreaterThanOrEqual(250);
    expect(providers.size).toBeGreaterThanOrEqual(80);
    for (const [provider, n] of providers) expect(n, provider).toBeGreaterThanOrEqual(2);
    expect(LOOKALIKES.length).toBeGreaterThanOrEqual(50);
  });

  it.each(PROVIDER_CORPUS.map((c) => [c.name, c] as const))('%s: caught in plain text and in JSON', (_name, c) => {
    const text = c.context(c.secret);
    const out = redact(text);
    expect(leaked(out, c.secret), out).toBe(false);
    expect(out).toMatch(/\[REDACTED:[a-z0-9-]+\]/);
    const doc = JSON.stringify({ output: text, nested: [text] });
    const red = redactValue(JSON.parse(doc));
    expect(leaked(JSON.stringify(red), c.secret)).toBe(false);
    expect(() => JSON.parse(redact(doc))).not.toThrow();
    expect(leaked(redact(doc), c.secret)).toBe(false);
  });

  it.each(LOOKALIKES.map((l) => [l.slice(0, 60), l] as const))('look-alike survives: %s', (_name, text) => {
    expect(redact(text)).toBe(text);
  });

  it('markers keep the kind and the non-secret context', () => {
    expect(redact('Authorization: SSWS 00a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ12')).toBe('Authorization: SSWS [REDACTED:ssws]');
    expect(redact('mysql -u root -pS3cretPassw0rd -h db app')).toBe('mysql -u root -p[REDACTED:password] -h db app');
    expect(redact("sshpass -p 'Tr0ub4dor&3x' ssh deploy@host")).toBe("sshpass -p '[REDACTED:password]' ssh deploy@host");
    expect(redact('https://a.blob.core.windows.net/c?sv=2022&sig=AbC123dEf456GhI789%3D')).toBe('https://a.blob.core.windows.net/c?sv=2022&sig=[REDACTED:sig]');
    expect(redact('APP_KEY=base64:QmFzZTY0U2VjcmV0S2V5Rm9yTGFyYXZlbEFwcDEyMzQ=')).toBe('APP_KEY=[REDACTED:secret]');
  });
});

describe('long output', () => {
  it('is redacted in line chunks with nothing lost at the seams: every secret, key blocks across chunks included', () => {
    const cases = PROVIDER_CORPUS.filter((c) => !/\s/.test(c.secret));
    const pemBody = Array.from({ length: 60 }, (_, i) => `MIIEowIBAAKCAQEA${String(i).padStart(2, '0')}${'Qx7'.repeat(16)}`).join('\n');
    const parts: string[] = [];
    cases.forEach((c, i) => {
      parts.push(`${'  ✓ test/a.test.ts > row '.repeat(3)}${i}`, c.context(c.secret));
      if (i === 40) parts.push(`-----BEGIN RSA PRIVATE KEY-----\n${pemBody}\n-----END RSA PRIVATE KEY-----`);
    });
    const text = parts.join('\n');
    expect(text.length).toBeGreaterThan(40_000);
    const out = redact(text);
    for (const c of cases) expect(leaked(out, c.secret), c.name).toBe(false);
    expect(out).not.toContain('Qx7Qx7');
    expect(redact(out)).toBe(out);
    expect(out.split('\n').length).toBeLessThan(text.split('\n').length);
  });
});
