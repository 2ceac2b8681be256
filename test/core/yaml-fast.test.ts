// The fast YAML reading must give exactly what yaml gives, or nothing (then yaml reads it).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { fastYamlValue, flatYamlMap } from '../../scripts/core/shared/yaml-fast.ts';

const tricky = fc.constantFrom('', ' ', 'yes', 'no', 'on', 'null', '~', 'true', 'True', '0o17', '017', '0x1F', '1e3', '.inf', '-.NaN', '2026-05-01', '2026-05-01T10:00:00Z', '12:30', '# not a comment', 'a: b', '- x', '[1, 2]', '{a: 1}', "it's", '"quoted"', 'tab\there', 'multi\nline\n', '  leading', 'trailing  ', '&anchor', '*alias', '!tag', '<<', 'R&D', 'a *b*', '\u00e9t\u00e9 \u2713', '---', '...', '|', '>');
const text = fc.oneof(tricky, fc.string(), fc.string({ unit: 'grapheme' }));
const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(text, tie('node'), { maxKeys: 4 })),
})).node;

describe('fastYamlValue', () => {
  it('reads what relay writes (yaml, block style) exactly as yaml does, or declines', () => {
    let read = 0;
    fc.assert(fc.property(fc.dictionary(text, value, { maxKeys: 6 }), (doc) => {
      const written = stringify(doc, { lineWidth: 0 });
      const fast = fastYamlValue(written);
      if (fast !== undefined) {
        read++;
        expect(fast).toEqual(parse(written));
      }
    }), { numRuns: 400 });
    // Declining everything would pass the comparison and help nobody.
    expect(read).toBeGreaterThan(200);
  });

  it.each([
    ['a plain ledger', 'version: 1\nattempts:\n  T1:\n    - id: 1\n      result: failure   # a comment\n      receipt:\n        summary: "timeout: 30s"\n        files_changed: [a.ts, "b c.ts"]\n        learning: |\n          line one\n          line two\n'],
    ['folded and quoted scalars', "title: >\n  folded\n  text\nq: 'it''s'\nd: \"tab\\tand \\u00e9\"\nn: ~\nb: true\ni: 0x1F\nf: 1.5e3\nday: 2026-05-01\n"],
    ['a flow mapping', 'tags: {a: 1, b: [x, y]}\nempty: []\nnone: {}\n'],
  ])('reads %s as yaml does', (_name, yaml) => {
    expect(fastYamlValue(yaml)).toEqual(parse(yaml));
  });

  it.each([
    ['an anchor and alias', 'a: &x [1]\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a merge key', 'base: {a: 1}\nchild:\n  <<: {a: 2}\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an empty document', ''],
    ['broken YAML', 'a: [1, 2\nb: c\n'],
  ])('declines %s, for the strict reading and its line numbers', (_name, yaml) => {
    expect(fastYamlValue(yaml)).toBeUndefined();
  });
});

describe('flatYamlMap (frontmatter without a parser)', () => {
  const piece = fc.oneof(tricky, fc.constantFrom('a', 'redis', 'C#', 'a:b', 'x y', 'R&D', '2026-01-01', '2026-01-01T00:14:33Z', '2026-01-01 10:00', 'ok,no', 'a]b', '{x}', '[y]', 'v1.2', '#tag', 'tag #1', 'Inf', 'yes', '0', '-', '- x'), fc.string({ maxLength: 12 }));
  const quoted = fc.tuple(piece, fc.constantFrom('plain', 'double', 'single')).map(([p, style]) => (style === 'double' ? `"${p}"` : style === 'single' ? `'${p}'` : p));
  const value = fc.oneof(quoted, fc.array(quoted, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`), fc.array(quoted, { maxLength: 3 }).map((items) => `[${items.join(',')}]`));
  const key = fc.constantFrom('title', 'category', 'severity', 'date', 'services', 'tags', 'owner', 'a-b', 'x_1');

  it('reads exactly what yaml reads, or declines, over generated frontmatter lines', () => {
    let read = 0;
    fc.assert(fc.property(fc.array(fc.tuple(key, value, fc.constantFrom(' ', '  ')), { maxLength: 6 }), (entries) => {
      const text = entries.map(([k, v, gap]) => `${k}:${gap}${v}`).join('\n');
      const flat = flatYamlMap(text);
      if (flat === undefined) return;
      read++;
      let parsed: unknown;
      expect(() => (parsed = parse(text) ?? {}), text).not.toThrow();
      expect(flat, text).toEqual(parsed);
    }), { numRuns: 3000 });
    expect(read).toBeGreaterThan(300);
  });

  it('reads relay\'s own frontmatter and declines what it cannot be sure of', () => {
    expect(flatYamlMap('title: "redis timeout: in checkout"\ncategory: issue\nseverity: high\ndate: 2026-01-01T00:14:33Z\nservices: ["mailer"]\ntags: []')).toEqual({ title: 'redis timeout: in checkout', category: 'issue', severity: 'high', date: '2026-01-01T00:14:33Z', services: ['mailer'], tags: [] });
    for (const text of ['tags:\n  - a', 'n: 3', 'a: x # note', 'a: 1\na: 2', 'a: "esc\\"', 'a:', 'a: &x y', 'a: [b, [c]]', "a: 'it''s'", 'a:\tb', ' a: b']) expect(flatYamlMap(text), text).toBeUndefined();
  });
});
