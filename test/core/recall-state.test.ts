import { describe, expect, it } from 'vitest';
import { buildIndex, docRef, searchDocs, type IndexedDoc, type RecallDoc } from '../../scripts/core/knowledge/recall.ts';
import { indexState, restoreIndex } from '../../scripts/core/knowledge/recall-state.ts';

const SYSTEMS = ['redis', 'postgres', 'kafka', 'nginx', 'dns', 'tls'];
const SYMPTOMS = ['connection timeout', 'pool exhausted', 'disk full', 'handshake failure', 'stale cache', 'slow queries'];
const SOURCES = ['episodic', 'receipt', 'kb', 'learning'] as const;

function corpus(n: number): IndexedDoc[] {
  return Array.from({ length: n }, (_, i) => {
    const system = SYSTEMS[i % SYSTEMS.length]!;
    const symptom = SYMPTOMS[(i * 7) % SYMPTOMS.length]!;
    const source = SOURCES[i % SOURCES.length]!;
    return {
      id: `doc-${i}`, source, file: `f${i % 9}.md`, line: i + 1, verbatim: i % 2 === 0, where: `seg:${i}:1`,
      title: `${system} ${symptom} ${i % 5 === 0 ? 'in checkout' : ''}`, text: `The ${system} client saw ${symptom} (case ${i}); we retried with backoff and raised limits.\nrunning migrations again`, tags: [system, `svc-${i % 4}`],
      ...(source === 'receipt' ? { task: `T${i % 12}` } : {}),
    } satisfies IndexedDoc;
  });
}

const QUERIES = ['redis connection timeout', 'checkout', 'handshak', 'migrations', 'postgrse pool', 'svc-2 stale', 'nothing-matches-this'];

function ranking(index: ReturnType<typeof buildIndex>, docs: IndexedDoc[]) {
  const byWhere = new Map(docs.map((d) => [d.where, d as RecallDoc]));
  return QUERIES.map((q) => searchDocs(index, (where) => byWhere.get(where)!, q, { limit: 50, exclude: (d) => d.source === 'receipt' && d.task === 'T3' }).map((h) => [h.doc.id, h.score, h.snippet]));
}

describe('the recall index as the cache keeps it', () => {
  const docs = corpus(400);
  const fresh = buildIndex(docs);
  const expected = ranking(fresh, docs);

  it('ranks exactly as a fresh index, restored for a search (lazy) or for an update (decoded), after a structured clone', () => {
    expect(expected.flat().length).toBeGreaterThan(100);
    const state = structuredClone(indexState(fresh));
    for (const use of ['search', 'update'] as const) {
      const restored = restoreIndex(structuredClone(state), use)!;
      expect(restored).toBeDefined();
      expect(ranking(restored, docs)).toEqual(expected);
      expect(docRef(restored, 'doc-5')).toEqual({ id: 'doc-5', source: 'receipt', task: 'T5', where: 'seg:5:1' });
      expect(restored.documentCount).toBe(400);
    }
  });

  it('keeps ranking exactly after documents are discarded and added in update mode, and again after that is saved', () => {
    const updated = restoreIndex(structuredClone(indexState(fresh)), 'update')!;
    const original = buildIndex(docs);
    const extra = corpus(420).slice(400).map((d) => ({ ...d, id: `${d.id}-new`, where: `seg2:${d.line}:1` }));
    for (const index of [updated, original]) {
      for (const id of ['doc-1', 'doc-2', 'doc-77']) index.discard(id);
      index.addAll(extra);
    }
    const all = [...docs, ...extra];
    expect(ranking(updated, all)).toEqual(ranking(original, all));
    const again = restoreIndex(structuredClone(indexState(updated)), 'search')!;
    expect(ranking(again, all)).toEqual(ranking(original, all));
    expect(again.has('doc-1')).toBe(false);
  });

  it('refuses a state of another shape instead of guessing', () => {
    const state = indexState(fresh);
    expect(restoreIndex({ ...state, format: 'other' } as never, 'search')).toBeUndefined();
    expect(restoreIndex({ ...state, tree: {} } as never, 'search')).toBeUndefined();
  });
});
