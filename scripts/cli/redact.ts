/**
 * `relay redact`: stdin to stdout, redacted. `--check PATH…` audits files already written
 * (exit 1 with file:line: kind for each finding); `--fix PATH…` rewrites the ones that hold a secret.
 */
import { relative } from 'node:path';
import { RelayError } from '../core/shared/errors.ts';
import { redact } from '../core/shared/redact.ts';
import { filesUnder, fixFile, scanFile } from '../adapters/redact-files.ts';
import { printJson } from './output.ts';

async function stdinText(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function files(paths: string[]): string[] {
  try {
    return filesUnder(paths);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new RelayError(`${e.path ?? paths.join(' ')}: ${e.code === 'ENOENT' ? 'not found' : `cannot read (${e.code})`}`);
  }
}

export async function redactCommand(paths: string[], opts: { check?: boolean; fix?: boolean; json?: boolean }): Promise<void> {
  if (!opts.check && !opts.fix) {
    if (paths.length) throw new RelayError('relay redact reads stdin; to audit files pass --check, to rewrite them --fix');
    process.stdout.write(redact(await stdinText()));
    return;
  }
  if (!paths.length) throw new RelayError(`--${opts.fix ? 'fix' : 'check'}: name the files or folders (for example .agents-os progress docs/ops-knowledge)`);
  const all = files(paths);
  const shown = (f: string) => relative(process.cwd(), f) || f;
  if (opts.fix) {
    const fixed: string[] = [];
    for (const file of all) if (await fixFile(file)) fixed.push(shown(file));
    if (opts.json) return printJson({ files: all.length, fixed });
    for (const f of fixed) process.stdout.write(`relay: redacted ${f}\n`);
    process.stdout.write(`relay: ${fixed.length} of ${all.length} file(s) held a secret${fixed.length ? ' and were rewritten' : ''}\n`);
    return;
  }
  const findings = all.flatMap(scanFile);
  if (opts.json) printJson({ files: all.length, findings: findings.map((f) => ({ ...f, file: shown(f.file) })) });
  else for (const f of findings) process.stdout.write(`${shown(f.file)}:${f.line}: ${f.kinds.join(', ')}\n`);
  if (findings.length) throw new RelayError(`${findings.length} secret(s) in ${new Set(findings.map((f) => f.file)).size} file(s); rewrite them with: relay redact --fix ${paths.join(' ')}`, 1);
  if (!opts.json) process.stdout.write(`relay: no secrets in ${all.length} file(s)\n`);
}
