import { RelayError } from '../core/shared/errors.ts';

/** A commander argument parser for a positive whole number; a bad value names its flag (exit 2). */
export function positiveInt(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new RelayError(`${flag}: expected a positive whole number, got "${value}"`);
    return n;
  };
}

/** A commander argument parser for a positive number (fractions allowed, e.g. minutes). */
export function positiveNumber(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new RelayError(`${flag}: expected a positive number, got "${value}"`);
    return n;
  };
}
