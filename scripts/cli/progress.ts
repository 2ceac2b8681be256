/** Progress lines for `relay work`: task, attempt k/N, elapsed, verdict, cost so far. */
import { redact } from '../core/shared/redact.ts';
import { painter } from './output.ts';

export function formatElapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  const m = Math.floor(s / 60);
  return m ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

function clock(): string {
  return new Date().toISOString().slice(11, 19);
}

/**
 * The live line, cut to the terminal's width as it is now (Node re-reads it on SIGWINCH): a
 * line that wraps leaves a stale row behind at every tick, since `\x1b[2K` clears one row.
 */
export function fitLine(text: string, columns: number): string {
  const visible = text.replace(/\x1b\[[0-9;]*m/g, '');
  if (visible.length < columns) return text;
  return `${visible.slice(0, Math.max(0, columns - 2))}…`;
}

export class Progress {
  private readonly paint = painter();
  /** Only a terminal gets the live line; a log, a pipe, NO_COLOR or CI get event lines only. */
  private readonly live = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && !process.env.CI;
  private ticker: NodeJS.Timeout | undefined;
  private costSoFar = 0;
  /** Attempts running now (several with --jobs), by task: their label and start. */
  private readonly running = new Map<string, { label: string; began: number }>();

  /** Every line is redacted: a detached run's stdout is .agents-os/relay/run.log. */
  line(text: string): void {
    if (this.ticker) process.stdout.write('\r\x1b[2K');
    process.stdout.write(`[${clock()}] ${redact(text)}\n`);
  }

  start(taskId: string, title: string, attempt: number, max: number): void {
    const label = `${this.paint('bold', taskId)} attempt ${attempt}/${max} — ${redact(title)}`;
    this.line(`${label} … started`);
    this.running.set(taskId, { label, began: Date.now() });
    if (!this.live || this.ticker) return;
    this.ticker = setInterval(() => process.stdout.write(`\r\x1b[2K${fitLine(`  ${this.liveText()}`, process.stdout.columns || 80)}`), 1000);
    this.ticker.unref();
  }

  end(taskId: string, attempt: number, max: number, verdict: string, elapsedMs: number, costUsd: number | null, detail?: string): void {
    this.running.delete(taskId);
    if (!this.running.size) this.stopLive();
    this.costSoFar += costUsd ?? 0;
    const style = verdict === 'success' ? 'green' : verdict === 'interrupted' ? 'yellow' : 'red';
    const cost = costUsd !== null ? ` · $${costUsd.toFixed(4)} (run total $${this.costSoFar.toFixed(4)})` : '';
    this.line(`${this.paint('bold', taskId)} attempt ${attempt}/${max} ${this.paint(style, verdict)} in ${formatElapsed(elapsedMs)}${cost}${detail ? ` — ${detail}` : ''}`);
  }

  /** One attempt: its whole label and time; several: each task and its time. */
  private liveText(): string {
    const now = Date.now();
    const all = [...this.running];
    if (all.length === 1) return `${all[0]![1].label} … ${formatElapsed(now - all[0]![1].began)}`;
    return `${all.length} running: ${all.map(([id, r]) => `${this.paint('bold', id)} ${formatElapsed(now - r.began)}`).join(' · ')}`;
  }

  private stopLive(): void {
    if (this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
      process.stdout.write('\r\x1b[2K');
    }
  }
}
