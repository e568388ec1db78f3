// Mix rules: a category losing GMV share two quarters running; a platform whose AOV falls
// faster than its orders grow. Money at stake (also in the locale's definitions):
//   categoryShare = (share two quarters ago − share now) × GMV this quarter (the GMV the
//                   category would have at its earlier share)
//   platformAov   = orders this quarter × (previous AOV − AOV) (what the same orders would have
//                   brought at last quarter's AOV)
import { UNKNOWN_CATEGORY } from '../overview.js';
import type { Fact, Rule } from './types.js';
import { missing } from './view.js';

export const categoryShare: Rule = {
  id: 'categoryShare',
  reads: ['operations.categoryShares', 'overview.gmv'],
  threshold: (t) => ({ value: t.categoryShare.minDropPoints, unit: 'ratio' }),
  check(view, t) {
    const rows = view.operations?.categoryShares;
    // Lines without a category are no category to lose share: an export without the column
    // leaves the rule nothing to check.
    const judged = (rows ?? []).filter((r) => r.key !== UNKNOWN_CATEGORY && r.shares.every((s) => s !== null));
    const gaps = missing([
      ['operations.categoryShares', judged.length > 0 ? judged : undefined],
      ['overview.gmv', view.overview.gmv],
    ]);
    if (gaps.length > 0) return { checked: false, missing: gaps };
    const min = t.categoryShare.minDropPoints;
    // Changes in share are signed like growth (a fall is negative): the threshold is a fall of
    // at least `min` points in each of the two quarters.
    const threshold: Fact = { value: -min, unit: 'ratio' };
    const gmv = view.overview.gmv!.value!;
    // Observed: the category closest to firing — the largest of each category's smaller fall.
    const smallerFall = (r: (typeof judged)[number]) => Math.min(r.shares[1]! - r.shares[0]!, r.shares[2]! - r.shares[1]!);
    const observed: Fact = { value: -Math.max(...judged.map(smallerFall)), unit: 'ratio' };
    const findings = judged
      .filter((r) => {
        const [now, prev, twoBack] = r.shares as [number, number, number];
        return prev - now >= min && twoBack - prev >= min;
      })
      .map((r) => {
        const [now, prev, twoBack] = r.shares as [number, number, number];
        return {
          subject: r.key,
          observed: { value: now - twoBack, unit: 'ratio' as const },
          moneyAtStakeMinor: Math.round((twoBack - now) * gmv),
          facts: {
            share: { value: now, unit: 'ratio' as const },
            previousShare: { value: prev, unit: 'ratio' as const },
            twoBackShare: { value: twoBack, unit: 'ratio' as const },
          },
        };
      });
    return { checked: true, observed, threshold, findings };
  },
};

export const platformAov: Rule = {
  id: 'platformAov',
  reads: ['overview.byPlatform'],
  threshold: (t) => ({ value: -t.platformAov.minAovDrop, unit: 'ratio' }),
  check(view, t) {
    const rows = (view.overview.byPlatform ?? []).filter(
      (r) => r.gmv.value !== null && r.gmv.previous !== null && r.orders.value && r.orders.previous && r.orders.qoq !== null,
    );
    if (rows.length === 0) return { checked: false, missing: ['overview.byPlatform'] };
    const min = t.platformAov.minAovDrop;
    const threshold: Fact = { value: -min, unit: 'ratio' };
    const measured = rows.map((r) => {
      const aov = r.gmv.value! / r.orders.value!;
      const previous = r.gmv.previous! / r.orders.previous!;
      return { r, aov, previous, change: aov / previous - 1, ordersGrowth: r.orders.qoq! };
    });
    // Observed: the steepest AOV change of any platform.
    const steepest = measured.reduce((a, m) => (m.change < a.change ? m : a));
    const observed: Fact = { value: steepest.change, unit: 'ratio' };
    // A fall past the limit that orders outgrew passes; say so, or the table reads as a contradiction.
    const context = steepest.change <= -min ? { ordersGrowth: { value: steepest.ordersGrowth, unit: 'ratio' as const } } : undefined;
    const findings = measured
      .filter((m) => m.change <= -min && -m.change > m.ordersGrowth)
      .map((m) => ({
        subject: m.r.key,
        observed: { value: m.change, unit: 'ratio' as const },
        moneyAtStakeMinor: Math.round(m.r.orders.value! * (m.previous - m.aov)),
        facts: {
          aov: { value: m.aov, unit: 'minor' as const },
          previousAov: { value: m.previous, unit: 'minor' as const },
          ordersGrowth: { value: m.ordersGrowth, unit: 'ratio' as const },
        },
      }));
    return { checked: true, observed, threshold, ...(context ? { context } : {}), findings };
  },
};
