/** `relay schema [--out DIR]`: the JSON Schemas of the files relay reads and writes. */
import { relative, resolve } from 'node:path';
import { currentProject } from '../adapters/project.ts';
import { writeSchemas } from '../adapters/schema-files.ts';

export function schemaCommand(opts: { out?: string }): void {
  const dir = opts.out ? resolve(opts.out) : currentProject().schemaDir;
  for (const file of writeSchemas(dir)) process.stdout.write(`${relative(process.cwd(), file)}\n`);
}
