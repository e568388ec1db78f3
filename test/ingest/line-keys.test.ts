// LineKeySet against a Map of joined keys (the obvious implementation) on random keys, plus the
// cases a hash table gets wrong: keys whose parts shift between the separators, growth, and
// many keys sharing a hash slot.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineKeySet } from '../../src/ingest/line-keys.js';

describe('LineKeySet', () => {
  // é and ÿ are stored in one byte each, 订, 一 and U+0100 (zero low bytes) in two.
  it('answers like a Map of platform␀order␀line keys', () => {
    const part = fc.string({ unit: fc.constantFrom('1', '2', 'a', '订', '#', ' ', 'é', 'ÿ', '一', '\u0100'), maxLength: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(part, part, part, fc.integer()), { maxLength: 300 }), (ops) => {
        const set = new LineKeySet();
        const map = new Map<string, number>();
        for (const [p, o, l, v] of ops) {
          const key = `${p}\u0000${o}\u0000${l}`;
          expect(set.getOrAdd(p, o, l, v)).toBe(map.get(key));
          if (!map.has(key)) map.set(key, v);
        }
        expect(set.size).toBe(map.size);
      }),
    );
  });

  it('tells apart keys whose parts move across the separators', () => {
    const set = new LineKeySet();
    expect(set.getOrAdd('tmall', '12', '3', 1)).toBeUndefined();
    expect(set.getOrAdd('tmall', '1', '23', 2)).toBeUndefined();
    expect(set.getOrAdd('tmal', 'l12', '3', 3)).toBeUndefined();
    expect(set.getOrAdd('tmall', '12', '3', 9)).toBe(1);
    expect(set.getOrAdd('tmall', '1', '23', 9)).toBe(2);
  });

  it('keeps every key and value through growth (200,000 keys, 19-digit ids)', () => {
    const set = new LineKeySet();
    const id = (i: number): string => String(4_000_000_000_000_000_000n + BigInt(i) * 7919n);
    for (let i = 0; i < 200_000; i++) expect(set.getOrAdd('jd', id(i), String(i % 3), i * 1024 + 5)).toBeUndefined();
    for (let i = 0; i < 200_000; i += 997) expect(set.getOrAdd('jd', id(i), String(i % 3), 0)).toBe(i * 1024 + 5);
    expect(set.getOrAdd('jd', id(5), '9', 0)).toBeUndefined();
    expect(set.size).toBe(200_001);
  });
});
