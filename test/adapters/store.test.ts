import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { appendLine, acquirePidLock, writeFileAtomic } from '../../scripts/adapters/store.ts';
import { loadYaml, updateYaml } from '../../scripts/adapters/documents.ts';
import { AttemptLedger } from '../../scripts/core/shared/schemas.ts';
import { z } from 'zod';
import { REPO, blueprint, relay, tempDir, tempProject } from '../support/project.ts';

function runWriter(root: string, task: string, count: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'test/support/ledger-writer.ts'), root, task, String(count)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(code) : reject(new Error(`writer exited ${code}: ${err}`))));
  });
}

describe('store', () => {
  it('writes atomically and leaves no temp files', () => {
    const dir = tempDir();
    const file = join(dir, 'a', 'b.txt');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'a'))).toEqual(['b.txt']);
  });

  it('appends whole lines and creates directories on demand', () => {
    const file = join(tempDir(), 'x', 'y', 'z.jsonl');
    appendLine(file, '{"a":1}');
    appendLine(file, '{"a":2}\n');
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n{"a":2}\n');
  });

  it('keeps comments and key order when updating YAML', async () => {
    const file = join(tempDir(), 'doc.yml');
    writeFileSync(file, '# top comment\nb: 1 # keep me\na:\n  - x # item comment\nc: old\n');
    await updateYaml(file, z.object({ a: z.array(z.string()), b: z.number(), c: z.string() }), (cur) => ({ next: { ...cur, a: [...cur.a, 'y'], c: 'new' }, result: undefined }));
    expect(readFileSync(file, 'utf8')).toBe('# top comment\nb: 1 # keep me\na:\n  - x # item comment\n  - y\nc: new\n');
  });

  it('names the file, line and field for bad YAML, unknown keys and YAML bombs', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, 'a: [1, 2\nb: 3\n');
    expect(() => loadYaml(bad, z.unknown())).toThrow(/bad\.yml:\d+:\d+: invalid YAML/);
    const typed = join(dir, 'typed.yml');
    writeFileSync(typed, 'version: 1\nepic_id: e\nstarted_at: nope\n');
    expect(() => loadYaml(typed, AttemptLedger)).toThrow(/typed\.yml:3: started_at: .*\(got "nope"\)/);
    const bomb = join(dir, 'bomb.yml');
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    writeFileSync(bomb, `${lines.join('\n')}\n`);
    expect(() => loadYaml(bomb, z.unknown())).toThrow(/bomb\.yml.*(alias|Excessive)/i);
  });

  it('takes over a pid lock whose process is dead, refuses a live one', () => {
    const file = join(tempDir(), 'run.lock');
    writeFileSync(file, '999999\n');
    const lock = acquirePidLock(file);
    expect('release' in lock).toBe(true);
    const second = acquirePidLock(file);
    expect(second).toEqual({ heldBy: process.pid });
    if ('release' in lock) lock.release();
    expect(existsSync(file)).toBe(false);
  });
});

describe('attempt ledger under concurrent writers', () => {
  it('8 processes x 50 attempts: all 400 present and the YAML parses', async () => {
    const root = tempProject();
    writeFileSync(join(root, 'plan.md'), blueprint(8));
    expect(relay(root, ['init', 'plan.md', '--max-attempts', '100']).code).toBe(0);
    await Promise.all(Array.from({ length: 8 }, (_, i) => runWriter(root, `T${i + 1}`, 50)));
    const ledger = AttemptLedger.parse(parse(readFileSync(join(root, '.agents-os/relay/attempt-ledger.yml'), 'utf8')));
    const all = Object.values(ledger.attempts).flat();
    expect(all).toHaveLength(400);
    for (let i = 1; i <= 8; i++) expect(ledger.attempts[`T${i}`]!.map((a) => a.id)).toEqual(Array.from({ length: 50 }, (_, k) => k + 1));
    expect(new Set(all.map((a) => a.flags[0])).size).toBe(400);
  }, 120_000);

  it('SIGKILL during writes leaves the previous or the new ledger, never a torn one', async () => {
    const root = tempProject();
    writeFileSync(join(root, 'plan.md'), blueprint(40));
    expect(relay(root, ['init', 'plan.md', '--max-attempts', '100']).code).toBe(0);
    const file = join(root, '.agents-os/relay/attempt-ledger.yml');
    let lastCount = 0;
    for (let round = 0; round < 12; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'test/support/ledger-writer.ts'), root, `T${(round % 40) + 1}`, '1000'], { stdio: ['ignore', 'pipe', 'ignore'] });
      // Wait until it is writing, then kill it at a varying moment inside the write loop.
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, (round * 37) % 60));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      const ledger = AttemptLedger.parse(parse(readFileSync(file, 'utf8')));
      const count = Object.values(ledger.attempts).flat().length;
      expect(count).toBeGreaterThan(lastCount);
      lastCount = count;
    }
    expect(lastCount).toBeGreaterThan(0);
  }, 120_000);
});
