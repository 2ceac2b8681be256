/** `relay recall` and `relay kb search`: one ranked search over everything relay remembers. */
import { describeHistory, recallReport, type RecallSource } from '../core/knowledge/recall.ts';
import { currentProject } from '../adapters/project.ts';
import { openRecallIndex } from '../adapters/recall-index.ts';
import { painter, printJson } from './output.ts';

interface RecallOptions {
  limit: number;
  json?: boolean;
  sources?: RecallSource[];
}

export async function recallCommand(query: string, opts: RecallOptions): Promise<void> {
  const paths = currentProject();
  const index = await openRecallIndex(paths);
  const hits = index.search(query, { limit: opts.limit, ...(opts.sources ? { sources: opts.sources } : {}) });
  const history = opts.sources ? null : index.history(query);
  if (opts.json) {
    printJson(recallReport(query, hits, history, index));
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
  // The answer is out and nothing is pending: exit without tearing down a heap no one needs again,
  // which is a tenth of a warm query. (Once stdout has taken every byte: a pipe may still hold some.)
  process.stdout.write('', () => process.exit());
}
