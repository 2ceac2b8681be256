import type { z } from 'zod';
import { RelayError } from './errors.ts';

/** The source line of a value in the document being checked, by its path (YAML files know it). */
export type Locate = (path: PropertyKey[]) => number | undefined;

const MAX_LISTED = 8;

function showValue(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? '' : text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/**
 * One line that lists every problem, up to a limit: `file:9: a.b: message (got "value"); line 14:
 * a.c: message; … and 3 more problems`. Each names the line when the document knows it, the
 * field and the bad value.
 */
export function zodProblem(file: string, error: z.ZodError, prefix: (string | number)[] = [], value?: unknown, locate?: Locate): RelayError {
  const parts = error.issues.slice(0, MAX_LISTED).map((issue, i) => {
    const fullPath = [...prefix, ...issue.path];
    const path = fullPath.map(String).join('.');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    const bad = issue.code === 'unrecognized_keys' ? undefined : valueAt(value, issue.path);
    const line = locate?.(issue.code === 'unrecognized_keys' ? [...fullPath, issue.keys[0]!] : fullPath);
    const where = i === 0 ? `${file}${line ? `:${line}` : ''}` : line ? `line ${line}` : '';
    return `${where ? `${where}: ` : ''}${path || '(root)'}: ${message}${bad !== undefined && typeof bad !== 'object' ? ` (got ${showValue(bad)})` : ''}`;
  });
  const more = error.issues.length - parts.length;
  return new RelayError(`${parts.join('; ')}${more > 0 ? `; … and ${more} more problem${more > 1 ? 's' : ''}` : ''}`, 2);
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, file: string, prefix: (string | number)[] = [], locate?: Locate): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodProblem(file, parsed.error, prefix, value, locate);
  return parsed.data;
}
