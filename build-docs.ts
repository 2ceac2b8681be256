/** `npm run docs`: writes docs/reference/ from the schemas (scripts/core/docs/reference.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceDocs } from './scripts/core/docs/reference.ts';

const dir = join(import.meta.dirname, 'docs', 'reference');
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(referenceDocs())) {
  writeFileSync(join(dir, name), text);
  process.stdout.write(`docs/reference/${name}\n`);
}
