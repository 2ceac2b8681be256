/** `relay learnings promote|list`: recurring receipt lessons and AGENTS.md's Key Learnings. */
import { relative, sep } from 'node:path';
import type { Lesson } from '../core/knowledge/learnings.ts';
import { workerAgent } from '../agents/agent.ts';
import { loadRelayConfig } from '../adapters/config.ts';
import { listLearnings, promoteLessons } from '../adapters/key-learnings.ts';
import { currentProject } from '../adapters/project.ts';
import { printJson } from './output.ts';

function lessonLine(l: Lesson): string {
  return `  - ${l.text} (seen ${l.count}×, last ${l.lastSeen}${l.tags.length ? `; ${l.tags.join(', ')}` : ''})\n`;
}

function section(title: string, lessons: Lesson[]): void {
  if (lessons.length) process.stdout.write(`${title}\n${lessons.map(lessonLine).join('')}`);
}

export async function promoteCommand(opts: { json?: boolean }): Promise<void> {
  const paths = currentProject();
  const report = await promoteLessons(paths, workerAgent(loadRelayConfig(paths)));
  const written = report.written.map((f) => relative(paths.root, f).split(sep).join('/'));
  if (opts.json) return printJson({ ...report, written });
  if (!report.consumed && !report.demoted.length) {
    process.stdout.write('Nothing to promote: no learning has recurred 3 times since the last promotion.\n');
  }
  section('Promoted to AGENTS.md (## Key Learnings):', report.promoted);
  section('Reinforced (already in AGENTS.md):', report.reinforced);
  section('Demoted to the knowledge base (section over its size budget):', report.demoted);
  section('Emerging (seen twice; promoted at 3):', report.emerging);
  if (report.consumed) process.stdout.write(`Recorded ${report.consumed} receipt learning(s) as consumed in the attempt ledger${report.noise ? ` (${report.noise} judged too specific or vague, not counted)` : ''}.\n`);
  process.stdout.write(report.judged_by === 'agent' ? 'Lessons grouped by the worker agent; relay counted them.\n' : 'Lessons grouped by relay\'s conservative rules (the worker agent gave no usable answer).\n');
  if (written.length) process.stdout.write(`Wrote ${written.join(', ')}\n`);
}

export function listCommand(opts: { json?: boolean; staleDays: number }): void {
  const overview = listLearnings(currentProject(), opts.staleDays);
  if (opts.json) return printJson({ ...overview, stale_days: opts.staleDays });
  section('Emerging (seen twice; one more sighting promotes them):', overview.emerging);
  section('Ready to promote (run: relay learnings promote):', overview.ready);
  section(`Stale (in AGENTS.md, not seen for ${opts.staleDays}+ days):`, overview.stale);
  if (!overview.emerging.length && !overview.ready.length && !overview.stale.length) {
    process.stdout.write(`No emerging or stale learnings (${overview.promoted.length} promoted in AGENTS.md).\n`);
  }
  if (overview.held_back.length) {
    process.stdout.write(`Held back, not counted (receipts keep them):\n${overview.held_back.map((h) => `  - ${h.ref}: ${h.reason}\n`).join('')}`);
  }
}
