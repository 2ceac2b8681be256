/** The `relay` CLI: the command table (cli/commands.ts) and one exit path for every error. */
import { Command, CommanderError } from 'commander';
import { RelayError } from './core/shared/errors.ts';
import { registerCommands } from './cli/commands.ts';

const program = new Command('relay')
  .description('Durable, queryable memory for coding agents: epics, attempts, events, ledger, learnings.')
  .version('0.1.0')
  // A usage mistake is one line with the way to the help, not a page of help.
  .configureOutput({ outputError: (text, write) => write(`relay: ${text.trim().replace(/^error: /, '')}; add --help for the usage\n`) })
  .exitOverride();

registerCommands(program);

const DISK_ERRORS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
};

function fail(err: unknown): never {
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  if (err instanceof RelayError) {
    process.stderr.write(`relay: ${err.message}\n`);
    process.exit(err.exitCode);
  }
  const e = err as NodeJS.ErrnoException;
  if (e?.code && DISK_ERRORS[e.code]) {
    process.stderr.write(`relay: cannot write${e.path ? ` ${e.path}` : ''}: ${DISK_ERRORS[e.code]} (${e.code}); nothing already written was changed\n`);
    process.exit(1);
  }
  process.stderr.write(`relay: unexpected error: ${e?.message ?? String(err)}\n`);
  if (process.env.RELAY_DEBUG) process.stderr.write(`${e?.stack}\n`);
  process.exit(1);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  fail(err);
}
