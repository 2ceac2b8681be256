/** Owner of the JSON Schema files `relay init` and `relay schema` write (.agents-os/relay/schema/). */
import { jsonSchemas } from '../core/shared/json-schemas.ts';
import { schemaFile } from '../core/shared/paths.ts';
import { writeFileAtomic } from './store.ts';

export function writeSchemas(schemaDir: string): string[] {
  return Object.entries(jsonSchemas()).map(([name, schema]) => {
    const file = schemaFile(schemaDir, name);
    writeFileAtomic(file, `${JSON.stringify(schema, null, 2)}\n`);
    return file;
  });
}
