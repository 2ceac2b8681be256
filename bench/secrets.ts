/**
 * Redaction against the secret shapes of the real world: recall (caught / total) per kind over
 * the generated provider corpus and the hand-written one, over-redaction of look-alikes, and
 * the time to redact 1 MB of tool output, against one plain regex scan of the same text.
 */
import { redact } from '../scripts/core/shared/redact.ts';
import { LOOKALIKES, PROVIDER_CORPUS } from '../test/fixtures/secret-providers.ts';
import { BENIGN_CORPUS, SECRET_CORPUS } from '../test/fixtures/secrets.ts';
import { median, ratio, type BenchRow } from './lib.ts';

function leaked(out: string, secret: string): boolean {
  return out.includes(secret) || (secret.length > 24 && (out.includes(secret.slice(0, 20)) || out.includes(secret.slice(-20))));
}

function toolOutput(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const c = SECRET_CORPUS[i % SECRET_CORPUS.length]!;
    const line = i % 25 === 0 ? c.context(c.secret) : `  ✓ test/core/case-${i}.test.ts > renders row ${i} of the table in ${i % 97} ms (${'x'.repeat(i % 40)})`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const byKind = new Map<string, { caught: number; total: number }>();
  const count = (kind: string, ok: boolean) => {
    const k = byKind.get(kind) ?? { caught: 0, total: 0 };
    k.total++;
    if (ok) k.caught++;
    byKind.set(kind, k);
  };
  for (const c of PROVIDER_CORPUS) count(c.kind, !leaked(redact(c.context(c.secret)), c.secret));
  for (const c of SECRET_CORPUS.slice(0, SECRET_CORPUS.length - PROVIDER_CORPUS.filter((p) => !/\s/.test(p.secret)).length)) count('hand-written', !leaked(redact(c.context(c.secret)), c.secret));
  for (const [kind, { caught, total }] of byKind) {
    rows.push({ name: `redaction recall: ${kind}`, command: 'npm run bench -- secrets', value: caught, baseline: total, baselineLabel: 'secrets', unit: 'caught', ratio: ratio(caught, total), goal: '1.0', notes: `${new Set(PROVIDER_CORPUS.filter((c) => c.kind === kind).map((c) => c.provider)).size || 'hand-written'} providers/shapes` });
  }
  const lookalikes = [...LOOKALIKES, ...BENIGN_CORPUS];
  const destroyed = lookalikes.filter((l) => redact(l) !== l).length;
  rows.push({ name: 'over-redaction: look-alikes changed', command: 'npm run bench -- secrets', value: destroyed, baseline: lookalikes.length, baselineLabel: 'look-alikes', unit: 'changed', ratio: ratio(destroyed, lookalikes.length), goal: '0', notes: 'git SHAs, UUIDs, SRI hashes, base64 images, public ids, placeholders, prose' });
  const text = toolOutput(1024 * 1024);
  const time = (fn: () => unknown) => {
    const started = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  for (let i = 0; i < 3; i++) redact(text);
  const redacting: number[] = [];
  const scanning: number[] = [];
  for (let i = 0; i < 9; i++) {
    redacting.push(time(() => redact(text)));
    scanning.push(time(() => text.match(/[A-Za-z0-9_-]{20,}/g)));
  }
  rows.push({ name: 'redact 1 MB of tool output (1 line in 25 holds a secret)', command: 'npm run bench -- secrets', value: Math.round(median(redacting) * 10) / 10, baseline: Math.round(median(scanning) * 10) / 10, baselineLabel: 'one regex scan of the same text', unit: 'ms', ratio: ratio(median(redacting), median(scanning)), goal: '< 50 ms' });
  return rows;
}
