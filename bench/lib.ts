/**
 * Shared benchmark plumbing. Every figure is a ratio against a baseline measured in the
 * same run, because absolute times on a shared 2-core machine drift from run to run.
 * Benchmarks report; they never fail on a threshold.
 */
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BenchRow {
  /** Which benchmark and case, e.g. "hook latency: PostToolUse". */
  name: string;
  /** The command that produced the figure (what a reader re-runs). */
  command: string;
  /** The measured value and its baseline, in `unit`. */
  value: number;
  baseline: number | null;
  baselineLabel: string | null;
  unit: string;
  /** value / baseline; the figure that travels between machines. */
  ratio: number | null;
  goal?: string;
  notes?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Timed {
  ms: number;
  maxRssKb: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command once under /usr/bin/time to get wall time and peak RSS. */
export function timeCommand(cmd: string, args: string[], opts: SpawnSyncOptions = {}): Timed {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '__MAXRSS__%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...opts });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const stderr = String(r.stderr ?? '');
  const m = /__MAXRSS__(\d+)/.exec(stderr);
  return { ms, maxRssKb: m ? Number(m[1]) : 0, status: r.status, stdout: String(r.stdout ?? ''), stderr: stderr.replace(/__MAXRSS__\d+\n?/, '') };
}

/**
 * Interleaves runs of a subject and its baseline (ABAB…) so that machine noise hits both
 * alike, and returns both medians.
 */
export function sideBySide(subject: () => number, baseline: () => number, runs: number, warmup = 3): { subject: number; baseline: number; subjectAll: number[]; baselineAll: number[] } {
  for (let i = 0; i < warmup; i++) {
    subject();
    baseline();
  }
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    b.push(baseline());
    s.push(subject());
  }
  return { subject: median(s), baseline: median(b), subjectAll: s, baselineAll: b };
}

export function ratio(value: number, baseline: number | null): number | null {
  return baseline ? Math.round((value / baseline) * 1000) / 1000 : null;
}

/** A temporary git repository with one commit, for a benchmark's project (relay init follows). */
export function gitProject(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'bench@relay.local');
  git('config', 'user.name', 'bench');
  writeFileSync(join(root, 'README.md'), '# bench\n');
  git('add', '.');
  git('commit', '-qm', 'initial');
  return root;
}
