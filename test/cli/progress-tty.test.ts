/**
 * relay work's live line in a real terminal (tmux), at 40 and 80 columns: cut to the width,
 * so each tick overwrites it in place and leaves no stale rows behind.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RELAY_BUNDLE } from '../support/project.ts';
import { stubProject } from '../faults/support/stub-project.ts';

const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PLAN = '# Terminal epic\n\n## Tasks\n\n### T1: A task whose title is long enough to wrap a narrow terminal twice over\n';

describe('the live progress line in a terminal', () => {
  it.each([40, 80])('fits %i columns: no row wider than the terminal, no stale ticker rows', async (columns) => {
    const root = stubProject({ blueprint: PLAN });
    const session = `relay-progress-${process.pid}-${columns}`;
    const done = join(root, 'done.txt');
    // A terminal as a user has it: no NO_COLOR, no CI.
    const command = `env -u NO_COLOR -u CI STUB_WORKER_SLEEP_MS=3500 ${process.execPath} ${RELAY_BUNDLE} work; echo $? > ${done}; sleep 30`;
    tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', '40', '-c', root, command);
    try {
      for (let i = 0; i < 200; i++) {
        try {
          readFileSync(done, 'utf8');
          break;
        } catch {
          await sleep(100);
        }
      }
      expect(readFileSync(done, 'utf8').trim()).toBe('0');
      const rows = tmux('capture-pane', '-p', '-t', session).split('\n').filter((r) => r.trim());
      for (const row of rows) expect(row.length, row).toBeLessThanOrEqual(columns);
      // The ticker ("  T1 attempt 1/3 — … 2s") redrew itself in place every second and was cleared
      // at the end; a line that wrapped would have left its first row behind at every tick.
      expect(rows.filter((r) => /^ {2}T1 attempt/.test(r))).toEqual([]);
      const joined = tmux('capture-pane', '-p', '-J', '-t', session);
      // The worker slept 3.5 s: the line says at least 3 s, however slow the machine was beyond that.
      expect(joined).toMatch(/T1 attempt 1\/3 success in ([3-9]|\d{2,})s/);
    } finally {
      tmux('kill-session', '-t', session);
    }
  }, 40_000);
});
