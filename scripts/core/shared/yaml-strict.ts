/**
 * YAML parsing with errors that carry a line and column, and a duplicate-key check that is
 * one pass over each mapping. yaml's own `uniqueKeys` compares every pair of keys, so a
 * 1 MB mapping of 40,000 keys took 20 s or more; a hostile file must fail fast instead.
 */
import type { Document, DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';
import { yaml } from './yaml-lib.ts';

export interface YamlProblem {
  message: string;
  line: number;
  col: number;
}

export function parseYamlStrict(text: string, options: ParseOptions & DocumentOptions & SchemaOptions = {}): { doc: Document.Parsed; problem?: YamlProblem } {
  const { isMap, isScalar, LineCounter, parseDocument, visit } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...options, uniqueKeys: false, prettyErrors: false, lineCounter });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return { doc, problem: { message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), line, col } };
  }
  let problem: YamlProblem | undefined;
  visit(doc, {
    Map(_key, map) {
      if (!isMap(map)) return undefined;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(pair.key);
        if (seen.has(key)) {
          const { line, col } = lineCounter.linePos((pair.key as { range?: [number] } | null)?.range?.[0] ?? 0);
          problem = { message: `duplicate key "${key.slice(0, 80)}"`, line, col };
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return problem ? { doc, problem } : { doc };
}

/** Maps a path in a parsed document to the 1-based line its value starts on. */
export function yamlLocator(text: string): (path: PropertyKey[]) => number | undefined {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: false, lineCounter });
  return (path) => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}
