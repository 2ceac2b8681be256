import { RelayError } from '../core/errors.ts';

/** A commander argument parser for a positive whole number; a bad value names its flag (exit 2). */
export function positiveInt(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new RelayError(`${flag}: expected a positive whole number, got "${value}"`);
    return n;
  };
}
