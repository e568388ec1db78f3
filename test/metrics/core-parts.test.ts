// The building blocks: quantiles, quintile scores, ISO weeks, the pair counter (exact and past
// its room) and the settings reader. Expected values by hand (ISO weeks checked against a calendar).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BASKET_ITEMS, PairCounter } from '../../src/metrics/baskets.js';
import { KeyCategories, KeyFlags, KeyLedger, NEW_IN_CATEGORY, NEW_KEY, Names, pairKey } from '../../src/metrics/core-orders.js';
import { DEFAULT_SETTINGS, readMetricsSettings } from '../../src/metrics/settings.js';
import { dayNumber, isoWeek, nearestRank, quantile, quintileScores } from '../../src/metrics/stats.js';
import { UserError } from '../../src/errors.js';

describe('stats', () => {
  it('type-7 quantiles interpolate between closest ranks', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.9)).toBeCloseTo(46, 12); // h = 3.6
    expect(quantile([10, 20, 30, 40, 50], 0)).toBe(10);
    expect(quantile([10, 20, 30, 40, 50], 1)).toBe(50);
  });

  it('nearest-rank quantiles of a weighted distribution pick an actual value', () => {
    // values 1 ×3, 2 ×1, 5 ×4 (8 in all): rank ⌈0.25·8⌉ = 2 → 1; ⌈0.5·8⌉ = 4 → 2; ⌈0.75·8⌉ = 6 → 5
    expect(nearestRank([1, 2, 5], [3, 1, 4], 0.25)).toBe(1);
    expect(nearestRank([1, 2, 5], [3, 1, 4], 0.5)).toBe(2);
    expect(nearestRank([1, 2, 5], [3, 1, 4], 0.75)).toBe(5);
    expect(nearestRank([], [], 0.5)).toBeNull();
  });

  it('quintile scores: equal values share a score', () => {
    // 10 values, higher better: b = values strictly worse, score 1 + ⌊5b/10⌋
    expect([...quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], true)]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect([...quintileScores([1, 1, 1, 1, 1, 1, 2, 2, 3, 9], true)]).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    // lower better (recency in days)
    expect([...quintileScores([100, 5, 50, 5], false)]).toEqual([1, 3, 2, 3]); // b = 0, 2, 1, 2 of 4
  });

  it('quintile scores follow the definition on many ties, both directions', () => {
    // b counted directly (every pair compared), on values with heavy ties and negatives.
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let round = 0; round < 20; round++) {
      const values = Array.from({ length: 1 + (next() % 300) }, () => (next() % 23) - 5 + (next() % 4 === 0 ? 0.5 : 0));
      for (const higher of [true, false]) {
        const expected = values.map((v) => {
          const b = values.filter((w) => (higher ? w < v : w > v)).length;
          return Math.min(5, 1 + Math.floor((5 * b) / values.length));
        });
        expect([...quintileScores(values, higher)]).toEqual(expected);
      }
    }
  });

  it('ISO weeks: Monday starts, week 1 holds the first Thursday', () => {
    expect(isoWeek(dayNumber('2026-07-01'))).toBe('2026-W27');
    expect(isoWeek(dayNumber('2026-01-01'))).toBe('2026-W01');
    expect(isoWeek(dayNumber('2027-01-01'))).toBe('2026-W53');
    expect(isoWeek(dayNumber('2024-12-30'))).toBe('2025-W01');
    expect(isoWeek(dayNumber('2021-01-03'))).toBe('2020-W53');
  });
});

describe('pair counter', () => {
  it('is exact while it has room', () => {
    const p = new PairCounter();
    p.addBasket(['b', 'a']);
    p.addBasket(['a', 'b', 'c']);
    p.addBasket(['c']);
    p.addBasket(['d']);
    // n = 4; a 2, b 2, c 2; ab 2 (lift 2·4/(2·2) = 2), ac 1 and bc 1 (lift 1·4/(2·2) = 1: not above chance)
    expect(p.top({ minSupport: 0, minBaskets: 1, top: 10 })).toEqual([
      { a: 'a', b: 'b', aLabel: 'a', bLabel: 'b', support: 0.5, confidence: 1, confidenceReverse: 1, lift: 2, baskets: 2 },
    ]);
    expect(p.summary()).toMatchObject({ baskets: 4, multiItemBaskets: 2, undercountBound: 0 });
  });

  it('past its room keeps frequent pairs as lower bounds within the stated error', () => {
    const p = new PairCounter(2);
    for (const basket of [['a', 'b'], ['a', 'b'], ['c', 'd'], ['e', 'f'], ['a', 'b']]) p.addBasket(basket);
    // ab ab → {ab 2}; cd → {ab 2, cd 1}; ef finds no room: all lose one → {ab 1}; ab → {ab 2}
    const [ab] = p.top({ minSupport: 0, minBaskets: 1, top: 10 });
    expect(ab).toMatchObject({ a: 'a', b: 'b', baskets: 2, support: 0.4 });
    expect(ab!.lift).toBeCloseTo((2 * 5) / (3 * 3), 12);
    expect(p.summary().undercountBound).toBe(1); // the true 3 is at most 1 above the held 2
  });

  it('tells every pair apart among 100,000 items, and an item given twice in a basket is one', () => {
    const p = new PairCounter();
    // Number 100,000 items (one basket each), then pair the last with the first and two
    // neighbours high up, where pair numbers are past the small integers.
    for (let i = 0; i < 100_000; i++) p.addBasket([`s${i}`]);
    for (let k = 0; k < 3; k++) {
      p.addBasket(['s99999', 's0']);
      p.addBasket(['s50001', 's50000', 's50001']);
    }
    p.addBasket(['s1', 's2']);
    // n = 100,007 baskets; s99999 and s0 in 4 each, together in 3: lift 3·n/(4·4).
    const top = p.top({ minSupport: 0, minBaskets: 2, top: 10 });
    expect(top.map((x) => [x.a, x.b, x.baskets])).toEqual([
      ['s0', 's99999', 3],
      ['s50000', 's50001', 3],
    ]);
    expect(top[0]!.lift).toBeCloseTo((3 * 100_007) / (4 * 4), 9);
    expect(p.summary()).toMatchObject({ items: 100_000, heldPairs: 3 });
  });

  it('leaves a huge basket out of the pair counts but counts its items', () => {
    const p = new PairCounter();
    p.addBasket(Array.from({ length: MAX_BASKET_ITEMS + 1 }, (_, i) => `s${i}`));
    expect(p.summary()).toMatchObject({ baskets: 1, oversizedBaskets: 1, items: MAX_BASKET_ITEMS + 1, heldPairs: 0 });
  });
});

describe('key ledgers', () => {
  it('remembers the flags set on each (key, category) pair, through growth', () => {
    const ledger = new KeyLedger();
    expect(ledger.mark(pairKey(0, 0), 0b001)).toBe(0);
    expect(ledger.mark(pairKey(0, 0), 0b010)).toBe(0b001);
    expect(ledger.mark(pairKey(0, 1), 0b100)).toBe(0); // the same key in another category
    expect(ledger.mark(pairKey(1, 0), 0b100)).toBe(0); // another key in the same category
    for (let i = 0; i < 20_000; i++) ledger.mark(pairKey(2 + i, i % 7), 1);
    expect(ledger.size).toBe(20_003);
    expect(ledger.mark(pairKey(0, 0), 0)).toBe(0b011);
    expect(ledger.mark(pairKey(125, 123 % 7), 0)).toBe(1); // i = 123
    expect(ledger.mark(pairKey(125, 5), 0)).toBe(0);
  });

  it('packs pairs exactly and refuses a category number that does not fit', () => {
    expect(pairKey(3, 5)).toBe(3 * 2 ** 20 + 6);
    expect(pairKey(2 ** 31, 0)).toBeLessThan(2 ** 53);
    expect(() => pairKey(0, 2 ** 20)).toThrow(RangeError);
  });

  it('KeyFlags keeps a byte of flags per dense key', () => {
    const flags = new KeyFlags();
    expect(flags.mark(5, 0b01)).toBe(0);
    expect(flags.mark(5, 0b10)).toBe(0b01);
    expect(flags.mark(100_000, 0b100)).toBe(0);
    expect(flags.get(5)).toBe(0b11);
    expect(flags.get(6)).toBe(0);
    expect(flags.get(10 ** 7)).toBe(0);
  });

  it('KeyCategories tells a key new to a period and new to a category, in the mask and past it', () => {
    const k = new KeyCategories();
    expect(k.mark(7, 0, 3)).toBe(NEW_KEY | NEW_IN_CATEGORY);
    expect(k.mark(7, 0, 3)).toBe(0);
    expect(k.mark(7, 0, 4)).toBe(NEW_IN_CATEGORY);
    expect(k.mark(7, 1, 3)).toBe(NEW_KEY | NEW_IN_CATEGORY); // another period
    expect(k.mark(8, 0, 3)).toBe(NEW_KEY | NEW_IN_CATEGORY);
    // Categories from 30 on are held in the overflow ledger: the same answers.
    expect(k.mark(7, 0, 30)).toBe(NEW_IN_CATEGORY);
    expect(k.mark(7, 0, 30)).toBe(0);
    expect(k.mark(7, 2, 31)).toBe(NEW_KEY | NEW_IN_CATEGORY);
    expect(k.mark(7, 2, 31)).toBe(0);
    expect(k.mark(7, 1, 31)).toBe(NEW_IN_CATEGORY);
    expect(k.mark(90_000, 2, 29)).toBe(NEW_KEY | NEW_IN_CATEGORY);
  });

  it('KeyCategories agrees with sets of (key, period) and (key, period, category)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(2), fc.nat(40)), { maxLength: 400 }), (marks) => {
        const k = new KeyCategories();
        const keys = new Set<string>();
        const pairs = new Set<string>();
        for (const [key, period, category] of marks) {
          const a = `${key}/${period}`;
          const b = `${a}/${category}`;
          const expected = (keys.has(a) ? 0 : NEW_KEY) | (pairs.has(b) ? 0 : NEW_IN_CATEGORY);
          expect(k.mark(key, period, category)).toBe(expected);
          keys.add(a);
          pairs.add(b);
        }
      }),
    );
  });

  it('Names numbers names in order of first sight', () => {
    const names = new Names();
    expect(names.number('美妆')).toBe(0);
    expect(names.number('Skincare')).toBe(1);
    expect(names.number('美妆')).toBe(0);
    expect(names.lookup('Skincare')).toBe(1);
    expect(names.lookup('none')).toBe(-1);
    expect(names.list).toEqual(['美妆', 'Skincare']);
  });
});

describe('settings', () => {
  it('defaults', () => {
    expect(readMetricsSettings({})).toEqual({
      firstResponseSlaSeconds: 60,
      pairMinSupport: 0.001,
      pairMinBaskets: 5,
      priceBands: null,
      dormantMinDays: 90,
      dormantMaxDays: 180,
      returningLookbackDays: 365,
    });
    expect(DEFAULT_SETTINGS.firstResponseSlaSeconds).toBe(60);
  });

  it('reads its keys and leaves the diagnosis rules’ keys alone', () => {
    const s = readMetricsSettings({ firstResponseSlaSeconds: 30, priceBands: [100, 300], refundConcentration: { maxTopShare: 0.5 } });
    expect(s).toMatchObject({ firstResponseSlaSeconds: 30, priceBands: [100, 300] });
  });

  it('names the bad key in a usage error', () => {
    let err: unknown;
    try {
      readMetricsSettings({ pairMinSupport: 2, priceBands: [300, 100] }, 'shop.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const u = err as UserError;
    expect(u.exitCode).toBe(2);
    expect(u.message).toContain('shop.yaml: thresholds.pairMinSupport');
    expect(u.message).toContain('shop.yaml: thresholds.priceBands: expected ascending bounds');
    expect(u.hint).toContain('pairMinSupport 0.001');
  });
});
