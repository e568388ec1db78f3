// The run keys against Maps of joined key strings (the obvious implementation) on random keys,
// plus the cases a hash table gets wrong: texts that differ only in their namespace, growth,
// wide and narrow texts, and lines of one order that come apart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyInterner, LineRegistry, RunKeys } from '../../src/ingest/line-keys.js';

// é and ÿ are stored in one byte each, 订, 一 and U+0100 (zero low byte) in two.
const part = fc.string({ unit: fc.constantFrom('1', '2', 'a', '订', '#', ' ', 'é', 'ÿ', '一', '\u0100'), maxLength: 4 });

describe('KeyInterner', () => {
  // Texts of every way a slot holds one: up to 8 code units inline, 9–16 digits as nibbles,
  // the rest (longer, wide, or holding U+0000) in the arena.
  const digit = fc.constantFrom('0', '1', '9');
  const text = fc.oneof(
    part,
    fc.string({ unit: digit, minLength: 7, maxLength: 18 }),
    fc.string({ unit: fc.constantFrom('0', '1', 'a', '\u0000', 'ÿ', '订'), minLength: 6, maxLength: 10 }),
  );

  it('numbers keys densely in order of first sight, like a Map, across interners sharing a counter', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), text), { maxLength: 300 }), (ops) => {
        const counter = { count: 0 };
        const interners = [0, 1, 2].map(() => new KeyInterner(counter));
        const map = new Map<string, number>();
        for (const [space, t] of ops) {
          const k = `${space}\u0000${t}`;
          const expected = map.get(k) ?? map.size;
          expect(interners[space]!.intern(t)).toBe(expected);
          expect(interners[space]!.added).toBe(!map.has(k));
          if (!map.has(k)) map.set(k, expected);
        }
        expect(counter.count).toBe(map.size);
      }),
    );
  });

  it('tells apart texts at the edges of the inline forms', () => {
    const keys = new KeyInterner();
    const texts = ['1', '10', '01', '12345678', '123456789', '0123456789', '123456789012345', '1234567890123456', '12345678901234567', 'a\u0000', 'a', '', '00000000', '000000000'];
    texts.forEach((t, i) => expect(keys.intern(t)).toBe(i));
    texts.forEach((t, i) => expect(keys.intern(t)).toBe(i));
    expect(keys.size).toBe(texts.length);
  });

  it('keeps every key through growth (300,000 19-digit and 16-digit ids)', () => {
    const keys = new KeyInterner();
    const long = (i: number): string => String(4_000_000_000_000_000_000n + BigInt(i) * 7919n);
    const short = (i: number): string => String(4_000_000_000_000_000 + i * 7919);
    for (let i = 0; i < 150_000; i++) {
      expect(keys.intern(long(i))).toBe(2 * i);
      expect(keys.intern(short(i))).toBe(2 * i + 1);
    }
    for (let i = 0; i < 150_000; i += 997) {
      expect(keys.intern(long(i))).toBe(2 * i);
      expect(keys.intern(short(i))).toBe(2 * i + 1);
      expect(keys.added).toBe(false);
    }
    expect(keys.size).toBe(300_000);
  });
});

describe('LineRegistry', () => {
  /** The registry against a Map of order␀line keys, over `orders` order keys and up to `maxLength` look-ups. */
  const answersLikeAMap = (orders: number, minLength: number, maxLength: number) =>
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: orders - 1 }), part, fc.integer()), { minLength, maxLength }), (ops) => {
        const lines = new LineRegistry();
        const map = new Map<string, number>();
        for (const [order, lineId, v] of ops) {
          const key = `${order}\u0000${lineId}`;
          expect(lines.getOrAdd(order, lineId, v)).toBe(map.get(key));
          if (!map.has(key)) map.set(key, v);
        }
        expect(lines.size).toBe(map.size);
      }),
    );

  it('answers like a Map of order␀line keys', () => answersLikeAMap(21, 0, 300));

  it('answers like a Map for orders of many lines (past the chain, in the overflow map)', () => answersLikeAMap(3, 100, 400));

  it('holds 60,000 lines of one order, each found again by its id', () => {
    const lines = new LineRegistry();
    for (let i = 0; i < 60_000; i++) expect(lines.getOrAdd(5, `item-${i}`, i)).toBeUndefined();
    for (let i = 0; i < 60_000; i += 997) expect(lines.getOrAdd(5, `item-${i}`, -1)).toBe(i);
    expect(lines.getOrAdd(6, 'item-1', 0)).toBeUndefined();
    expect(lines.size).toBe(60_001);
  });

  it('finds a line of an order that comes back after other orders, and grows', () => {
    const lines = new LineRegistry();
    for (let o = 0; o < 100_000; o++) {
      expect(lines.getOrAdd(o, '1', o)).toBeUndefined();
      expect(lines.getOrAdd(o, '2', -o)).toBeUndefined();
    }
    expect(lines.getOrAdd(7, '1', 0)).toBe(7);
    expect(lines.getOrAdd(99_999, '2', 0)).toBe(-99_999);
    expect(lines.getOrAdd(7, '3', 0)).toBeUndefined();
    expect(lines.size).toBe(200_001);
  });
});

describe('RunKeys', () => {
  it('gives one key per (platform, order) and per (platform, buyer), consecutive or not', () => {
    const keys = new RunKeys();
    expect(keys.order('tmall', '100')).toBe(0);
    expect(keys.order('tmall', '100')).toBe(0);
    expect(keys.order('jd', '100')).toBe(1);
    expect(keys.order('tmall', '101')).toBe(2);
    expect(keys.order('tmall', '100')).toBe(0);
    expect(keys.buyer('tmall', 'C1')).toBe(0);
    expect(keys.buyer('jd', 'C1')).toBe(1);
    expect(keys.buyer('tmall', 'C1')).toBe(0);
    // The same buyer line after line (an order's lines), then another, then back, then the
    // same id on another platform right after.
    expect(keys.buyer('tmall', 'C1')).toBe(0);
    expect(keys.buyer('tmall', 'C2')).toBe(2);
    expect(keys.buyer('tmall', 'C2')).toBe(2);
    expect(keys.buyer('tmall', 'C1')).toBe(0);
    expect(keys.buyer('jd', 'C1')).toBe(1);
    expect(keys.buyer('jd', 'C2')).toBe(3);
    expect(keys.buyer('tmall', 'C2')).toBe(2);
    expect(keys.buyers).toBe(4);
  });
});
