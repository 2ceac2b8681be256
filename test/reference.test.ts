// docs/reference/ is generated (npm run docs) from the zod schemas and relay's renderers: it
// must match a fresh generation, and every example in it must pass both the zod schema and
// the published JSON Schema.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { referenceDocs } from '../scripts/core/docs/reference.ts';
import { EXAMPLES } from '../scripts/core/docs/examples.ts';
import { jsonSchemas, SCHEMAS, type SchemaName } from '../scripts/core/shared/json-schemas.ts';
import { REPO } from './support/project.ts';

const DIR = join(REPO, 'docs', 'reference');

describe('docs/reference', () => {
  it('is what npm run docs generates now (run it after changing a schema)', () => {
    const fresh = referenceDocs();
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(fresh).sort());
    for (const [name, text] of Object.entries(fresh)) expect(readFileSync(join(DIR, name), 'utf8'), `docs/reference/${name} is stale: npm run docs`).toBe(text);
  });

  it.each(Object.keys(SCHEMAS) as SchemaName[])('%s: the example passes the zod schema and the JSON Schema', (name) => {
    expect(SCHEMAS[name].schema.safeParse(EXAMPLES[name]).error?.issues ?? []).toEqual([]);
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const validate = ajv.compile(jsonSchemas()[`${name}.schema.json`] as object);
    expect(validate(EXAMPLES[name]), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('gives every field of the main files a meaning', () => {
    for (const name of ['epic', 'attempt-ledger', 'event-line', 'agent-status', 'episodic-record', 'ledger-index']) {
      const empty = readFileSync(join(DIR, `${name}.md`), 'utf8').split('\n').filter((l) => /^\| `[^`]+` \|/.test(l) && l.split(' | ').length >= 5 && l.split(' | ')[3] === '');
      expect(empty, name).toEqual([]);
    }
  });
});
