/**
 * The yaml library, loaded the first time it is needed. Most commands never need it: relay's
 * fast path (yaml-fast.ts) reads the YAML it writes, and large files come from their JSON
 * snapshot. Loading it costs every command that imports it about 15 ms (it is a quarter of
 * a megabyte), and an ES module cannot be loaded synchronously where it turns out to be needed,
 * so it is required as CommonJS: from node_modules when relay runs from source, and in the
 * bundle from its own file beside the chunks, dist/vendor/yaml.cjs (build.mjs writes it).
 */
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');

/** Set by build.mjs to the bundled copy, relative to the chunk this module is bundled into. */
declare const RELAY_BUNDLED_YAML: string | undefined;

let lib: Yaml | undefined;

export function yaml(): Yaml {
  return (lib ??= createRequire(import.meta.url)(typeof RELAY_BUNDLED_YAML === 'string' ? RELAY_BUNDLED_YAML : 'yaml') as Yaml);
}
