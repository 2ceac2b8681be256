import { describe, expect, it } from 'vitest';
import { serialize } from 'node:v8';
import MiniSearch from 'minisearch';
import { buildIndex, docRef, processTerm, refOf, tokenize, searchDocs, type IndexedDoc, type RecallDoc } from '../../scripts/core/knowledge/recall.ts';
import { indexState, restoreIndex } from '../../scripts/core/knowledge/recall-state.ts';
import { StateBuilder } from '../../scripts/core/knowledge/recall-builder.ts';

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

/** Builds `docs` (then `again`, which repeat ids and must be skipped) with StateBuilder, and checks it gives MiniSearch's own state, byte for byte. */
function expectBuiltAsMiniSearch(docs: IndexedDoc[], again: IndexedDoc[]) {
  const builder = new StateBuilder();
  for (const d of [...docs, ...again]) builder.add(d, refOf(d, d.where));
  const built = builder.state();
  const expected = indexState(buildIndex(docs));
  // The averages are compared as numbers: how V8 holds a double (boxed or not) changes its serialized bytes, not its value.
  expect(built.avgFieldLength).toEqual(expected.avgFieldLength);
  expect(serialize({ ...built, avgFieldLength: [] }).equals(serialize({ ...expected, avgFieldLength: [] }))).toBe(true);
  return built;
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

  it('is built directly to the very state MiniSearch gives, byte for byte (tree order, postings, field lengths, averages)', () => {
    // Odd inputs too: empty fields and tags, repeated and differently cased tokens, stopwords only, punctuation runs, non-ASCII.
    const odd: IndexedDoc[] = [
      { id: 'odd-1', source: 'kb', file: 'a.md', line: 1, verbatim: true, where: 'seg:9001:1', title: '', text: '', tags: [] },
      { id: 'odd-2', source: 'episodic', file: 'b.jsonl', line: 2, verbatim: false, where: 'seg:9002:1', title: 'Timeout TIMEOUT timeouts', text: '—the of and— ...\n\r\n  ', tags: ['', 'x'] },
      { id: 'odd-3', source: 'receipt', file: 'c.yml', line: 3, verbatim: false, where: 'seg:9003:1', task: 'T1', title: 'Zürich naïve café', text: 'Zürich zurich ZÜRICH 東京 error: E_CONN_RESET at db.ts:12', tags: ['café'] },
    ];
    const all = [...odd, ...docs];
    const built = expectBuiltAsMiniSearch(all, [{ ...all[7]!, title: 'a second copy: skipped' }]);
    expect(ranking(restoreIndex(built, 'search')!, all)).toEqual(ranking(buildIndex(all), all));
  });

  it('is built to MiniSearch\'s state over tens of thousands of distinct tokens, cases and separators (its token table grows several times)', () => {
    let seed = 11;
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789_';
    const separators = [' ', ', ', '.', '\n', ' -- ', '/', '(', ') ', '\t', ' \u00e9t\u00e9 ', ' \u6771 '];
    const word = () => Array.from({ length: 1 + next(9) }, () => letters[next(letters.length)]).join('');
    const vocabulary = Array.from({ length: 40_000 }, word);
    const random: IndexedDoc[] = Array.from({ length: 2500 }, (_, i) => {
      const text = Array.from({ length: 5 + next(60) }, () => `${vocabulary[next(vocabulary.length)]}${separators[next(i % 3 === 0 ? separators.length : separators.length - 2)]}`).join('');
      return { id: `r-${i}`, source: 'kb', file: 'r.md', line: i + 1, verbatim: true, where: `seg:${i}:1`, title: vocabulary[next(vocabulary.length)]!, text, tags: [vocabulary[next(500)]!] };
    });
    expectBuiltAsMiniSearch(random, []);
  });

  it('keeps, of every match, exactly the first few MiniSearch\'s own search() ranks, ties and filters included', () => {
    const byWhere = new Map(docs.map((d) => [d.where, d as RecallDoc]));
    const filters = [undefined, (d: { source: string; task?: string }) => d.source === 'receipt' && d.task === 'T3', (d: { source: string }) => d.source !== 'kb'];
    let compared = 0;
    for (const query of [...QUERIES, 'redis', 'client saw', 'svc-1 svc-2 svc-3', 'backoff limits migrations']) {
      for (const limit of [1, 2, 7, 40, 1000]) {
        for (const exclude of filters) {
          const got = searchDocs(fresh, (where) => byWhere.get(where)!, query, { limit, ...(exclude ? { exclude } : {}) }).map((h) => [h.doc.id, h.score]);
          // searchDocs hands MiniSearch the query's processed terms, as here.
          const terms = [...new Set(query.split(/[\s\p{P}]+/u).map(processTerm).filter(Boolean))].join(' ');
          const all = fresh.search(terms, exclude ? { filter: (r) => !exclude({ source: r.ref.split('\t')[0], task: r.ref.split('\t')[1] || undefined }) } : {});
          expect(got).toEqual(all.slice(0, limit).map((r) => [r.id, Math.round(r.score * 100) / 100]));
          compared += got.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });

  it('refuses a state of another shape instead of guessing', () => {
    const state = indexState(fresh);
    expect(restoreIndex({ ...state, format: 'other' } as never, 'search')).toBeUndefined();
    expect(restoreIndex({ ...state, tree: {} } as never, 'search')).toBeUndefined();
  });
});

describe('the tokenizer', () => {
  const reference = MiniSearch.getDefault('tokenize') as (text: string) => string[];

  it('splits exactly as MiniSearch\'s own: every ASCII pair, and thousands of random strings with and without other characters', () => {
    const cases: string[] = ['', ' ', 'a', ',a', 'a,', ',,', 'a\tb', 'a$b+c<d>e^f`g|h~i', 'x_y-z.w', 'don\'t', 'a \u00a0 b', 'a\u2014b', 'e\u0301', '\u{1F600} x', 'a\u2028b'];
    for (let a = 0; a < 128; a++) for (let b = 0; b < 128; b += 7) cases.push(String.fromCharCode(a, b, a));
    const alphabet = [...'ab1 ,.-_:;!?()[]{}"\'/\\@#%&*\t\n\r$+<=>^`|~', '\u00a0', '\u2014', '\u00e9', '\u6771', '\u{1F600}', '\u2028', '\u3000'];
    const asciiOnly = alphabet.findIndex((c) => c.charCodeAt(0) >= 128);
    let seed = 7;
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (let i = 0; i < 5000; i++) {
      const ascii = i % 2 === 0;
      cases.push(Array.from({ length: next(40) }, () => alphabet[next(ascii ? asciiOnly : alphabet.length)]).join(''));
    }
    for (const text of cases) expect(tokenize(text), JSON.stringify(text)).toEqual(reference(text));
  });
});
