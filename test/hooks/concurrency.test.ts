// 16 hook processes append at once, 50 events each, to the same agent's ledger file:
// every event must land as one whole, valid line with its own id.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { EventLineSchema } from '../../scripts/core/events/schema.ts';
import { ledgerFiles } from '../../scripts/adapters/event-reader.ts';
import { REPO, relay, tempProject } from '../support/project.ts';

const WRITERS = 16;
const EACH = 50;

it(`${WRITERS} concurrent hook processes x ${EACH} events leave exactly ${WRITERS * EACH} valid lines`, { timeout: 60_000 }, async () => {
  const root = tempProject();
  mkdirSync(join(root, '.agents-os'));
  const writer = join(REPO, 'test', 'hooks', 'support', 'hook-writer.ts');
  const startAt = String(Date.now() + 4_000);
  await Promise.all(Array.from({ length: WRITERS }, () => promisify(execFile)(process.execPath, ['--import', 'tsx', writer, root, String(EACH), 'hook', startAt], { cwd: REPO })));

  const files = ledgerFiles(root);
  expect(files).toHaveLength(1);
  const text = readFileSync(files[0]!, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  expect(lines).toHaveLength(WRITERS * EACH);
  const ids = lines.map((line) => EventLineSchema.parse(JSON.parse(line)).id);
  expect(new Set(ids).size).toBe(WRITERS * EACH);
  expect(relay(root, ['events', 'validate'])).toMatchObject({ code: 0, stdout: `ok: ${WRITERS * EACH} event(s) in 1 file(s)\n` });
});
