// The fast YAML reading must give exactly what yaml gives, or nothing (then yaml reads it).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { fastYamlValue } from '../../scripts/core/shared/yaml-fast.ts';

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
