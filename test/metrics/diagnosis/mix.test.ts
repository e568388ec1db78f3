// Mix rules on literal fragments: category share two quarters running, platform AOV against orders.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/metrics/diagnosis/engine.js';
import { categoryShare, platformAov } from '../../../src/metrics/diagnosis/mix.js';
import { defaultThresholds, thresholdsSchema } from '../../../src/metrics/diagnosis/thresholds.js';
import { diagnosisView } from '../../../src/metrics/diagnosis/view.js';
import type { CategoryShareRow } from '../../../src/metrics/operations.js';
import { F, operations } from './fragments.js';

describe('categoryShare (share down two quarters running, each by ≥ 0.5 points)', () => {
  const rows: CategoryShareRow[] = [
    { key: '女装', gmvMinor: 300_000, shares: [0.3, 0.33, 0.4] }, // −3 and −7 points: fires
    { key: '美妆', gmvMinor: 400_000, shares: [0.4, 0.39, 0.392] }, // fell 0.2 points, then gained 1: no
    { key: '食品', gmvMinor: 300_000, shares: [0.3, 0.28, 0.208] }, // gaining
  ];
  const run = (doc: object, shares: CategoryShareRow[], thresholds = defaultThresholds()) =>
    diagnose(diagnosisView(doc, operations({ categoryShares: shares })), thresholds, [categoryShare]).rules[0]!;
  const doc = { overview: { gmv: F(1_000_000, null, 'minor') } };
  it('fires for a category losing share twice; money = lost share × GMV', () => {
    // (0.40 − 0.30) × 1,000,000 = 100,000.
    const r = run(doc, rows);
    // Observed: the largest "smaller fall" of any category: 女装 min(3, 7) = 3 points
    // (美妆 min(−1, 0.2) = −1, 食品 min(−2, −7.2) = −7.2), shown as a change of −3 points.
    expect(r).toMatchObject({ status: 'fired', threshold: { value: -0.005 } });
    expect(r.observed!.value).toBeCloseTo(-0.03, 12);
    expect(r.findings[0]!.observed.value).toBeCloseTo(-0.1, 12);
    expect(r.findings.map((f) => [f.subject, f.moneyAtStakeMinor])).toEqual([['女装', 100_000]]);
    expect(r.findings[0]!.facts).toEqual({ share: { value: 0.3, unit: 'ratio' }, previousShare: { value: 0.33, unit: 'ratio' }, twoBackShare: { value: 0.4, unit: 'ratio' } });
  });
  it('does not fire when no fall reaches the minimum', () => {
    expect(run(doc, rows, thresholdsSchema.parse({ categoryShare: { minDropPoints: 0.05 } })).status).toBe('passed');
  });
  it('is not checked without a quarter two back, or without GMV', () => {
    expect(run(doc, [{ key: '女装', gmvMinor: 1, shares: [0.3, 0.33, null] }])).toMatchObject({ status: 'notChecked', missing: ['operations.categoryShares'] });
    expect(run({ overview: {} }, rows)).toMatchObject({ status: 'notChecked', missing: ['overview.gmv'] });
  });
});

describe('categoryShare without categories', () => {
  it('lines without one are no category: an export with none is not checked', () => {
    const unnamed: CategoryShareRow[] = [{ key: '(none)', gmvMinor: 1_000, shares: [1, 1, 1] }];
    const r = diagnose(diagnosisView({ overview: { gmv: F(1_000, null, 'minor') } }, operations({ categoryShares: unnamed })), defaultThresholds(), [categoryShare]).rules[0]!;
    expect(r).toMatchObject({ status: 'notChecked', missing: ['operations.categoryShares'] });
  });
});

describe('platformAov (AOV falling ≥ 3% and faster than orders grow)', () => {
  const row = (key: string, gmv: [number, number], orders: [number, number], ordersQoq: number) => ({
    key,
    gmv: F(gmv[0], gmv[1], 'minor'),
    orders: F(orders[0], orders[1], 'count', ordersQoq),
    buyers: F(null, null, 'count'),
    share: null,
  });
  const byPlatform = [
    row('tmall', [900_000, 1_000_000], [100, 100], 0), // AOV 9,000 from 10,000 (−10%), orders flat: fires
    row('jd', [1_100_000, 1_000_000], [110, 100], 0.1), // AOV unchanged
    row('douyin', [600_000, 500_000], [150, 100], 0.5), // AOV −20% but orders +50%
  ];
  const run = (rows: object[]) => diagnose(diagnosisView({ overview: { byPlatform: rows } }), defaultThresholds(), [platformAov]).rules[0]!;
  it('fires; money = orders × (previous AOV − AOV)', () => {
    // 100 × (10,000 − 9,000) = 100,000.
    const r = run(byPlatform);
    expect(r.status).toBe('fired');
    expect(r.observed!.value).toBeCloseTo(-0.2, 12);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ subject: 'tmall', moneyAtStakeMinor: 100_000, facts: { aov: { value: 9_000 }, previousAov: { value: 10_000 }, ordersGrowth: { value: 0 } } });
    expect(r.findings[0]!.observed.value).toBeCloseTo(-0.1, 12);
  });
  it('does not fire when orders grow faster than AOV falls, and says that is why', () => {
    // douyin: AOV 4,000 from 5,000 (−20%, past the 3% limit) while orders grew 50%.
    const r = run(byPlatform.slice(1));
    expect(r.status).toBe('passed');
    expect(r.context).toEqual({ ordersGrowth: { value: 0.5, unit: 'ratio' } });
    // A fall inside the limit needs no such note.
    expect(run(byPlatform.slice(1, 2)).context).toEqual({});
  });
  it('is not checked without last quarter’s platform figures', () => {
    expect(run([row('tmall', [900_000, 0], [100, 0], 0)].map((r) => ({ ...r, gmv: F(900_000, null, 'minor'), orders: F(100, null, 'count') })))).toMatchObject({
      status: 'notChecked',
      missing: ['overview.byPlatform'],
    });
    expect(run([]).status).toBe('notChecked');
  });
});
