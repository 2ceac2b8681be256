import type { z } from 'zod';
import { RelayError } from './errors.ts';

/** `file: a.b.c: message` — one line, naming the file and the field. */
export function zodProblem(file: string, error: z.ZodError, prefix: (string | number)[] = []): RelayError {
  const issue = error.issues[0]!;
  const path = [...prefix, ...issue.path.map(String)].join('.');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return new RelayError(`${file}: ${path || '(root)'}: ${message}${more}`, 2);
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, file: string, prefix: (string | number)[] = []): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodProblem(file, parsed.error, prefix);
  return parsed.data;
}
