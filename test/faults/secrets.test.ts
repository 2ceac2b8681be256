// Every secret shape in the corpus goes through every path relay writes to disk: hook events
// (Bash command/stdout/stderr/description, Write path and content, failed-tool errors, prompts,
// last assistant messages), status.json, session summaries, worker receipts (attempt ledger,
// task_completion records, NOTES.md, run.log of a detached run), `relay ledger add` records, the
// recall cache, knowledge-base entries, AGENTS.md's Key Learnings and the OTLP export. Then every file in the project is searched for every secret, and for pieces of it
// (a secret cut in half by truncation is still a leak): zero hits.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRET_CORPUS, type SecretCase } from '../fixtures/secrets.ts';
import { blueprint, tempDir } from '../support/project.ts';
import { isAlive } from '../../scripts/adapters/store.ts';
import { hookPayloads } from '../hooks/support/payloads.ts';
import { walk } from './support/ledgers.ts';
import { expectFailOpen, hook, pool, relay, type Ran } from './support/proc.ts';
import { stubProject } from './support/stub-project.ts';

const N = SECRET_CORPUS.length;
const ctx = (i: number) => SECRET_CORPUS[i % N]!.context(SECRET_CORPUS[i % N]!.secret);

/**
 * Contexts packed into groups whose raw text stays under `budget` characters. Hooks redact and
 * then truncate a field to a limit; a group under that limit reaches redaction whole, so a
 * truncation that came first would cut a secret in two and show up as a fragment.
 */
function packed(budget: number, offset = 0): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let size = 0;
  for (let k = 0; k < N; k++) {
    const text = ctx(k + offset);
    if (group.length && size + text.length + 1 > budget) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(text);
    size += text.length + 1;
  }
  if (group.length) groups.push(group);
  return groups;
}

/** Pieces of a secret that would betray it: the whole, and 20-character windows from its body. */
function fragments(c: SecretCase): string[] {
  const s = c.secret;
  if (s.length <= 24) return [s];
  const at = (i: number) => s.slice(i, i + 20);
  return [s, at(Math.floor(s.length / 4)), at(Math.floor(s.length / 2) - 10), s.slice(-20)];
}

/** Every hit of every secret in every file under `root`, as `file: secret name`. */
function leaks(root: string): string[] {
  const found: string[] = [];
  for (const file of walk(root)) {
    if (file.includes(`${join(root, '.git')}/`)) continue; // relay never commits; git's objects are compressed anyway
    const raw = readFileSync(file, 'latin1');
    // Search the bytes as written, and with JSON and markdown escapes undone.
    const texts = [raw, raw.replace(/\\(.)/g, '$1')];
    for (const c of SECRET_CORPUS) {
      const hit = fragments(c).find((f) => texts.some((t) => t.includes(f)));
      if (hit) found.push(`${relative(root, file)}: ${c.name} (${hit === c.secret ? 'whole' : `fragment ${hit}`})`);
    }
  }
  return found;
}

/** Hook payloads carrying every secret in every field relay records, packed to stay under each field's limit. */
function hookRuns(root: string): unknown[] {
  const runs: unknown[] = [];
  const sessions = Array.from({ length: 4 }, (_, s) => hookPayloads(root, `sess-secret-${s}`));
  const session = (k: number) => sessions[k % sessions.length]!;
  const commands = packed(1500);
  const outs = packed(1500, 7);
  const errs = packed(1500, 13);
  for (let k = 0; k < Math.max(commands.length, outs.length, errs.length); k++) {
    const payload = session(k).bash((commands[k] ?? ['true']).join('\n'), (outs[k] ?? []).join('\n'), (errs[k] ?? []).join('\n'));
    (payload.tool_input as { description: string }).description = ctx(k);
    runs.push(payload);
  }
  packed(1500, 21).forEach((group, k) => runs.push(session(k).bashFailure('./deploy.sh', 1, group.join('\n'))));
  packed(1000, 29).forEach((group, k) => runs.push(session(k).write(`${root}/config/${group.join('\n')}`, packed(100_000)[0]!.join('\n'))));
  // Prompts keep 200 characters and last messages 500, cut after redaction: groups under those limits.
  packed(200, 3).forEach((group, k) => runs.push(session(k).userPrompt(group.join('\n'))));
  packed(500, 5).forEach((group, k) => runs.push(session(k).stop(group.join('\n'))));
  return runs;
}

/** Secrets per receipt field: the corpus rides on a few dozen attempts instead of one attempt per secret. */
const PER_FIELD = 8;
const TASKS = Math.ceil(N / PER_FIELD);

/** Receipts for the stub worker, per task: every field a worker fills carries secrets, so that each field sees the whole corpus. */
function receipts(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (let t = 0; t < TASKS; t++) {
    const group = (field: number) => Array.from({ length: PER_FIELD }, (_, j) => ctx(t * PER_FIELD + j + field * 3));
    const first = SECRET_CORPUS[t % N]!;
    const text = ctx(t);
    // run.log shows the first 160 characters of an error summary: put one secret across that cut.
    const pad = Math.max(0, 130 - text.indexOf(first.secret));
    out[`T${t + 1}`] = {
      status: 'failure',
      error_category: 'code_error',
      summary: group(1).join('\n'),
      error_summary: `${'attempt failed while deploying; '.repeat(5).slice(0, pad).replace(/\S+$/, '')}${text}\n${group(0).join('\n')}`,
      approach_taken: group(2).join('\n'),
      suggestion: group(3).join('\n'),
      // The first three share one lesson, so `relay learnings promote` writes it to AGENTS.md.
      learning: t < 3 ? `Rotate the deploy credentials before the release: ${ctx(0)}` : group(4).join('\n'),
      pattern_tags: group(5),
      files_changed: group(6),
    };
  }
  return out;
}

/** `relay ledger add` records: ten records, each field holding a tenth of the corpus. */
function records(): string[] {
  return Array.from({ length: 10 }, (_, r) => {
    const mine = SECRET_CORPUS.map((_, i) => i).filter((i) => i % 10 === r).map((i) => ctx(i));
    const text = (shift: number) => mine.map((_, k) => mine[(k + shift) % mine.length]).join('\n');
    return JSON.stringify({
      timestamp: `2026-01-0${1 + (r % 9)}T10:00:00Z`,
      type: 'incident',
      task_id: `secret-incident-${r}`,
      summary: text(0),
      root_cause: text(1),
      fix: text(2),
      verification: text(3),
      lesson_learned: { context: text(4), what_went_wrong: text(0), what_we_learned: `Rotate the leaked deploy credentials within one hour and move them to Vault, because ${text(1)}`, action_items: [text(2)] },
      follow_ups: [text(3)],
      severity: 'high',
    });
  });
}

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > until) throw new Error(`detached relay work (pid ${pid}) still running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe(`${N} secret shapes through every write path`, () => {
  it('leave no trace in any file of the project', async () => {
    expect(N).toBeGreaterThanOrEqual(40);
    const root = stubProject({ blueprint: blueprint(TASKS), maxAttempts: 1 });
    // The receipts file holds the secrets; it lives outside the project, which is what gets searched.
    const receiptsFile = join(tempDir('relay-secret-receipts-'), 'receipts.json');
    writeFileSync(receiptsFile, JSON.stringify(receipts()));

    const detached = await relay(root, ['work', '--detach'], { env: { STUB_WORKER_RECEIPTS_FILE: receiptsFile } });
    expect(detached.code, detached.stderr).toBe(0);
    const pid = Number(/pid (\d+)/.exec(detached.stdout)?.[1]);
    expect(pid).toBeGreaterThan(0);

    const hookResults = await pool(3, hookRuns(root).map((payload) => () => hook(payload, { timeoutMs: 60_000 })));
    hookResults.forEach((r: Ran, k) => {
      expectFailOpen(r, `hook run ${k}`);
      expect(r.stderr, `hook run ${k}`).toBe('');
    });
    for (let s = 0; s < 4; s++) {
      const p = hookPayloads(root, `sess-secret-${s}`);
      expectFailOpen(await hook(p.preCompact()));
      expectFailOpen(await hook({ ...p.sessionEnd(), reason: ctx(s) }));
    }
    const adds = await pool(2, records().map((input) => () => relay(root, ['ledger', 'add'], { input })));
    adds.forEach((r, k) => expect(r.code, `ledger add ${k}: ${r.stderr}`).toBe(0));

    await waitForExit(pid, 240_000);
    const log = readFileSync(join(root, '.agents-os', 'relay', 'run.log'), 'utf8');
    expect(log).toMatch(/done: 0\/\d+ tasks completed/);
    // The recall cache indexes all of the above; building it is one more writer.
    expect((await relay(root, ['recall', 'deploy credentials'])).code).toBe(0);
    // Knowledge-base entries and AGENTS.md's Key Learnings.
    for (let i = 0; i < 6; i++) {
      const kb = await relay(root, ['kb', 'new', '--category', 'issue', '--service', 'deploy', '--title', `Leak ${i}: ${ctx(i * 7).slice(0, 150)}`, '--impact', ctx(i * 7 + 1), '--tags', 'secrets']);
      expect(kb.code, kb.stderr).toBe(0);
    }
    const promote = await relay(root, ['learnings', 'promote']);
    expect(promote.code, promote.stderr).toBe(0);
    expect(readFileSync(join(root, 'AGENTS.md'), 'utf8')).toMatch(/Rotate the deploy credentials/);
    // The OTLP export: what reaches a collector.
    const bodies: string[] = [];
    const collector = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => collector.listen(0, '127.0.0.1', () => r()));
    const port = (collector.address() as AddressInfo).port;
    const exported = await relay(root, ['events', 'export', '--otlp', `http://127.0.0.1:${port}`]);
    collector.close();
    expect(exported.code, exported.stderr).toBe(0);
    expect(bodies.join('').length).toBeGreaterThan(1000);
    const exportFile = join(root, '.agents-os', 'otlp-capture.json');
    writeFileSync(exportFile, bodies.join('\n'));

    // The paths really carried the secrets: each kind of file exists and holds the redaction markers.
    const files = walk(root).map((f) => relative(root, f));
    for (const expected of [/^AGENTS\.md$/, /^docs\/ops-knowledge\/issues\/deploy\/ops-learning-.*\.md$/, /^\.agents-os\/agents\/claude\/status\.json$/, /^\.agents-os\/ledger\/claude\/.*\.jsonl$/, /^\.agents-os\/memory\/claude\/sessions\/.*\.md$/, /^\.agents-os\/relay\/attempt-ledger\.yml$/, /^\.agents-os\/relay\/run\.log$/, /^progress\/ledger\.jsonl$/, /^progress\/NOTES\.md$/, /^\.agents-os\/cache\//]) {
      expect(files.some((f) => expected.test(f)), `no file matches ${expected}`).toBe(true);
    }
    expect(readFileSync(join(root, '.agents-os', 'relay', 'attempt-ledger.yml'), 'utf8')).toMatch(/REDACTED/);

    expect(leaks(root)).toEqual([]);
  });
});
