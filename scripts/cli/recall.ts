import { relative, sep } from 'node:path';
import type { Lesson } from '../core/learnings.ts';
import { describeHistory, type RecallSource } from '../core/recall.ts';
import { listLearnings, promoteLearnings } from '../adapters/key-learnings.ts';
import { currentProject } from '../adapters/project.ts';
import { openRecallIndex } from '../adapters/recall-index.ts';
import { painter, printJson } from './output.ts';

interface RecallOptions {
  limit: number;
  json?: boolean;
  sources?: RecallSource[];
}

export function recallCommand(query: string, opts: RecallOptions): void {
  const paths = currentProject();
  const index = openRecallIndex(paths);
  const hits = index.search(query, { limit: opts.limit, ...(opts.sources ? { sources: opts.sources } : {}) });
  const history = opts.sources ? null : index.history(query);
  if (opts.json) {
    printJson({
      query,
      results: hits.map((h, i) => ({ rank: i + 1, source: h.doc.source, title: h.doc.title, snippet: h.snippet, link: h.link, file: h.doc.file, score: h.score, tags: h.doc.tags })),
      error_history: history ? { ...history, summary: describeHistory(history) } : null,
      index: index.build,
      problems: index.problems,
    });
  } else {
    const paint = painter();
    if (history) process.stdout.write(`${paint('bold', 'This error:')} ${describeHistory(history)} (${history.links.slice(-3).join(', ')})\n\n`);
    if (!hits.length) process.stdout.write(`no matches for "${query}" in ${index.build.sources} source file(s)\n`);
    hits.forEach((h, i) => {
      process.stdout.write(`${i + 1}. ${paint('cyan', `[${h.doc.source}]`)} ${paint('bold', h.doc.title)}  ${paint('dim', `score ${h.score}`)}\n   ${h.link}\n   ${h.snippet}\n`);
    });
  }
  if (index.problems.length) {
    process.stderr.write(`relay: ${index.problems.length} problem(s) reading the sources (indexed what could be read); first: ${index.problems[0]}\n`);
  }
}

function lessonLine(l: Lesson): string {
  return `  - ${l.text} (seen ${l.count}×, last ${l.lastSeen}${l.tags.length ? `; ${l.tags.join(', ')}` : ''})\n`;
}

function section(title: string, lessons: Lesson[]): void {
  if (lessons.length) process.stdout.write(`${title}\n${lessons.map(lessonLine).join('')}`);
}

export async function promoteCommand(opts: { json?: boolean }): Promise<void> {
  const paths = currentProject();
  const report = await promoteLearnings(paths);
  const written = report.written.map((f) => relative(paths.root, f).split(sep).join('/'));
  if (opts.json) return printJson({ ...report, written });
  if (!report.consumed && !report.demoted.length) {
    process.stdout.write('Nothing to promote: no learning has recurred 3 times since the last promotion.\n');
  }
  section('Promoted to AGENTS.md (## Key Learnings):', report.promoted);
  section('Reinforced (already in AGENTS.md):', report.reinforced);
  section('Demoted to the knowledge base (section over its size budget):', report.demoted);
  section('Emerging (seen twice; promoted at 3):', report.emerging);
  if (report.consumed) process.stdout.write(`Recorded ${report.consumed} receipt learning(s) as promoted in the attempt ledger.\n`);
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
}
