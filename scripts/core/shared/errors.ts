/**
 * The one error type the CLI turns into a one-line message and an exit code:
 * 2 for bad usage or bad input, 1 for a failed check or task.
 */
export class RelayError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'RelayError';
  }
}

export function badInput(file: string, field: string, problem: string): RelayError {
  return new RelayError(`${file}: ${field ? `${field}: ` : ''}${problem}`, 2);
}
