// relay redact: stdin to stdout, --check over files already written, --fix that loses no record.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { relay, tempProject } from '../support/project.ts';
import { PROVIDER_CORPUS } from '../fixtures/secret-providers.ts';

describe('relay redact', () => {
  it('redacts stdin to stdout', () => {
    const c = PROVIDER_CORPUS.find((p) => p.provider === 'github classic pat')!;
    const r = relay(tempProject(), ['redact'], `${c.context(c.secret)}\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(c.secret);
    expect(r.stdout).toContain('[REDACTED:github-token]');
  });

  it('--check names file:line:kind and exits 1; --fix rewrites without losing a record; then --check passes', () => {
    const root = tempProject();
    const secrets = PROVIDER_CORPUS.filter((c) => !/\s/.test(c.secret)).slice(0, 40);
    mkdirSync(join(root, '.agents-os/ledger/claude'), { recursive: true });
    const events = join(root, '.agents-os/ledger/claude/2026-11-30.jsonl');
    const lines = secrets.map((c, i) => JSON.stringify({ id: `e${i}`, summary: c.context(c.secret) }));
    lines.splice(3, 0, JSON.stringify({ id: 'clean', summary: 'ran the tests: 41 passed' }));
    writeFileSync(events, `${lines.join('\n')}\n`);
    const yamlFile = join(root, 'settings.yml');
    writeFileSync(yamlFile, `# kept comment\nrelay:\n  review:\n    command: ${JSON.stringify(secrets[1]!.context(secrets[1]!.secret))}\n`);
    const check = relay(root, ['redact', '--check', '.agents-os', 'settings.yml']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^\.agents-os\/ledger\/claude\/2026-11-30\.jsonl:1: aws-access-key$/m);
    expect(check.stdout).toMatch(/^settings\.yml:4: /m);
    expect(check.stdout).not.toMatch(/2026-11-30\.jsonl:4:/);
    expect(check.stderr).toMatch(/secret\(s\) in 2 file\(s\); rewrite them with: relay redact --fix \.agents-os settings\.yml/);
    const fix = relay(root, ['redact', '--fix', '.agents-os', 'settings.yml']);
    expect(fix.code).toBe(0);
    const after = readFileSync(events, 'utf8').trim().split('\n');
    expect(after).toHaveLength(lines.length);
    expect(after.map((l) => JSON.parse(l).id)).toEqual(lines.map((l) => JSON.parse(l).id));
    for (const c of secrets) expect(readFileSync(events, 'utf8')).not.toContain(c.secret);
    expect(readFileSync(yamlFile, 'utf8')).toMatch(/^# kept comment/);
    expect(parse(readFileSync(yamlFile, 'utf8')).relay.review.command).toMatch(/\[REDACTED:/);
    expect(relay(root, ['redact', '--check', '.agents-os', 'settings.yml'])).toMatchObject({ code: 0, stdout: 'relay: no secrets in 2 file(s)\n' });
  });

  it('refuses a missing path with exit 2', () => {
    const r = relay(tempProject(), ['redact', '--check', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^relay: .*nope: not found/);
  });
});
