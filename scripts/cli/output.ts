import { styleText } from 'node:util';

type Style = 'green' | 'red' | 'yellow' | 'cyan' | 'dim' | 'bold' | 'magenta';

/** Colour only for a terminal, and never when NO_COLOR is set. */
export function painter(stream: NodeJS.WriteStream = process.stdout): (style: Style, text: string) => string {
  const colour = Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  return colour ? (style, text) => styleText(style, text) : (_style, text) => text;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function terminalWidth(): number {
  return process.stdout.columns && process.stdout.columns > 40 ? process.stdout.columns : 120;
}
