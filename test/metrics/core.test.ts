// Buyer, order, refund, weekly, campaign and price-band figures on a literal table. Every
// expected value was worked out by hand from the table (the working is in the comments; day
// counts were checked with a calendar).
import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../../src/canonical.js';
import { computeCore } from '../../src/metrics/core.js';
import { computeOverview } from '../../src/metrics/overview.js';
import { coreInput, line, NO_SIDE, overviewInput, Q3_2026, Q4_2026, sh } from './core-fixture.js';

const CAMPAIGNS = [
  { name: '2025 summer', start: '2025-08-08', end: '2025-08-10' },
  { name: '618', start: '2026-06-01', end: '2026-06-18' },
  { name: '七夕', start: '2026-08-14', end: '2026-08-16' },
];

// Buyers (platform + id): tmall A, B, C, D, F, G, Z; jd C, E. Lines of one order are adjacent.
const LINES: OrderLine[] = [
  // before the year-ago quarter: the first paid day of all history
  line({ platform: 'tmall', orderId: 'z0', customerId: 'Z', paidAt: sh(2025, 6, 15, 9), paidAmountMinor: 1000, sku: 'S5', category: '食品', unitPriceMinor: 1000 }),
  // 2025Q3 (year ago)
  line({ platform: 'tmall', orderId: 'g1', customerId: 'G', paidAt: sh(2025, 7, 20, 9), paidAmountMinor: 6000, sku: 'S1', category: '女装', unitPriceMinor: 6000 }),
  line({ platform: 'tmall', orderId: 'ay', customerId: 'A', paidAt: sh(2025, 8, 10, 9), paidAmountMinor: 8000, sku: 'S1', category: '女装', unitPriceMinor: 10000 }),
  // 2026Q1
  line({ platform: 'tmall', orderId: 'f0', customerId: 'F', paidAt: sh(2026, 1, 10, 9), paidAmountMinor: 5000, sku: 'S3', category: '美妆', unitPriceMinor: 5000 }),
  line({ platform: 'tmall', orderId: 'c0', customerId: 'C', paidAt: sh(2026, 3, 1, 9), paidAmountMinor: 4000, sku: 'S2', category: '美妆', unitPriceMinor: 4000 }),
  // 2026Q2 (previous)
  line({ platform: 'jd', orderId: 'e1', customerId: 'E', paidAt: sh(2026, 4, 15, 10), paidAmountMinor: 9000, sku: 'S2', category: '美妆', unitPriceMinor: 9000 }),
  line({ platform: 'tmall', orderId: 'a0', customerId: 'A', paidAt: sh(2026, 5, 20, 10), paidAmountMinor: 7000, sku: 'S1', category: '女装', unitPriceMinor: 7000 }),
  // the order spanning the quarter boundary: a deposit paid in Q2, the balance in Q3
  line({ platform: 'tmall', orderId: 'd1', lineId: '1', customerId: 'D', paidAt: sh(2026, 6, 30, 23, 30), paidAmountMinor: 6000, sku: 'S1', category: '女装', unitPriceMinor: 12000 }),
  line({ platform: 'tmall', orderId: 'd1', lineId: '2', customerId: 'D', paidAt: sh(2026, 7, 1, 0, 30), paidAmountMinor: 4000, sku: 'S4', category: '食品', unitPriceMinor: 4000 }),
  // 2026Q3 (current)
  line({ platform: 'tmall', orderId: 'a1', lineId: '1', customerId: 'A', paidAt: sh(2026, 7, 5, 10), paidAmountMinor: 10000, sku: 'S1', category: '女装', unitPriceMinor: 10000 }),
  line({ platform: 'tmall', orderId: 'a1', lineId: '2', customerId: 'A', paidAt: sh(2026, 7, 5, 10), paidAmountMinor: 6000, sku: 'S2', category: '美妆', unitPriceMinor: 3000, quantity: 2 }),
  // B: a new buyer refunded in full
  line({ platform: 'tmall', orderId: 'b1', customerId: 'B', paidAt: sh(2026, 7, 10, 9), paidAmountMinor: 8000, sku: 'S3', category: '美妆', unitPriceMinor: 8000, status: 'refunded', refundAmountMinor: 8000, refundReason: '尺码不合适' }),
  line({ platform: 'tmall', orderId: 'x1', customerId: null, paidAt: sh(2026, 7, 20, 9), paidAmountMinor: 2000, sku: 'S5', category: '食品', unitPriceMinor: 2000 }),
  line({ platform: 'tmall', orderId: 'f1', customerId: 'F', paidAt: sh(2026, 8, 1, 15), paidAmountMinor: 12000, sku: 'S1', category: '女装', unitPriceMinor: 12000 }),
  line({ platform: 'jd', orderId: 'c2', customerId: 'C', createdAt: sh(2026, 8, 10, 9), paidAmountMinor: 99999, sku: 'S2', category: '美妆', status: 'cancelled' }),
  line({ platform: 'tmall', orderId: 'a2', lineId: '1', customerId: 'A', paidAt: sh(2026, 8, 15, 12), paidAmountMinor: 10000, sku: 'S1', category: '女装', unitPriceMinor: 10000 }),
  line({ platform: 'tmall', orderId: 'a2', lineId: '2', customerId: 'A', paidAt: sh(2026, 8, 15, 12), paidAmountMinor: 5000, sku: 'S3', category: '美妆', unitPriceMinor: 5000, status: 'partially_refunded', refundAmountMinor: 2000, refundReason: '尺码不合适' }),
  // C on a second platform: a different buyer from tmall C
  line({ platform: 'jd', orderId: 'c1', customerId: 'C', paidAt: sh(2026, 9, 1, 20), paidAmountMinor: 5000, sku: 'S2', category: '美妆', unitPriceMinor: 2500, quantity: 2 }),
  line({ platform: 'tmall', orderId: 'g2', customerId: 'G', paidAt: sh(2026, 9, 20, 11), paidAmountMinor: 3000, sku: 'S4', category: '食品', unitPriceMinor: 3000, status: 'partially_refunded', refundAmountMinor: 1000, refundReason: '质量问题' }),
];

function run(lines: OrderLine[] = LINES, settings = {}) {
  const base = computeOverview(lines, overviewInput(Q3_2026));
  const result = computeCore(lines, coreInput(Q3_2026, settings, CAMPAIGNS), base, NO_SIDE);
  return { base, ov: result.overview, core: result.core };
}

describe('core figures on a literal table', () => {
  const { base, ov, core: c } = run();

  it('agrees with the section-1 totals it builds on', () => {
    // GMV 10000+6000+10000+8000+5000+4000+12000+3000+2000+5000; Q2 7000+6000+9000; 2025Q3 6000+8000
    expect(base.gmv).toMatchObject({ value: 65000, previous: 22000, yearAgo: 14000 });
    expect(base.orders).toMatchObject({ value: 8, previous: 3, yearAgo: 2 });
    expect(base.buyers).toMatchObject({ value: 6, previous: 3, yearAgo: 2 });
    expect(base.refunds).toMatchObject({ value: 11000, previous: 0 });
    // the order window assembles the same orders: a1 a2 b1 d1 f1 g2 x1 c1; a0 d1 e1; g1 ay
    expect(c.counts.orders).toEqual([8, 3, 2]);
  });

  it('new buyers: first paid order in all history; a buyer on two platforms is two buyers', () => {
    // Q3: B (first 07-10) and jd C (first 09-01); tmall C last bought in March and is not a Q3 buyer.
    // Q2: D (first line 06-30) and E; A bought in 2025. 2025Q3: G and A (history: only Z in June).
    expect(ov.newBuyers).toMatchObject({ value: 2, previous: 2, yearAgo: 2, qoq: 0, yoy: 0 });
    expect(ov.returningBuyers).toMatchObject({ value: 4, previous: 1, yearAgo: 0, qoq: 3, yoy: null });
    expect(ov.newBuyerShare.value).toBeCloseTo(2 / 6, 12);
    expect(ov.newBuyerShare.previous).toBeCloseTo(2 / 3, 12);
    expect(ov.newBuyerShare.yearAgo).toBe(1);
    // 2025-06-15 → 2026-07-01 is 381 days; → 2026-04-01 290; → 2025-07-01 16.
    expect(ov.newBuyerHistory).toEqual({ firstDay: '2025-06-15', days: 381, previousDays: 290, yearAgoDays: 16 });
    const jd = c.byPlatform.find((p) => p.key === 'jd')!;
    expect(jd.newBuyers.value).toBe(1);
    expect(c.byPlatform.find((p) => p.key === 'tmall')!.newBuyers.value).toBe(1);
  });

  it('AOV = GMV ÷ orders and spend per buyer = GMV ÷ buyers, in whole minor units', () => {
    expect(c.aov).toMatchObject({ value: 8125, previous: 7333, yearAgo: 7000, unit: 'minor' }); // 65000/8, 22000/3, 14000/2
    expect(c.spendPerBuyer).toMatchObject({ value: 10833, previous: 7333, yearAgo: 7000 }); // 65000/6
    const tmall = c.byPlatform.find((p) => p.key === 'tmall')!;
    expect(tmall.aov.value).toBe(8571); // 60000 / 7
    expect(tmall.spendPerBuyer.value).toBe(12000); // 60000 / 5
    expect(c.byPlatform.find((p) => p.key === 'jd')!.aov).toMatchObject({ value: 5000, previous: 9000, yearAgo: null });
  });

  it('repurchase: buyers with ≥ 2 orders; the order spanning the boundary counts once in each quarter', () => {
    // Q3: only A (a1, a2) of 6. D's d1 has a line in Q2 and one in Q3: one order in each, so D is no repeat buyer.
    expect(c.repurchaseRate.value).toBeCloseTo(1 / 6, 12);
    expect(c.repurchaseRate).toMatchObject({ previous: 0, yearAgo: 0 });
    expect(c.byPlatform.find((p) => p.key === 'tmall')!.repurchaseRate.value).toBeCloseTo(1 / 5, 12);
  });

  it('returning-buyer rate: bought in the 365 days before the quarter and again in it', () => {
    // Q3 window 2025-07-01…2026-06-30: A (05-20), D (06-30), F (01-10), G (2025-07-20) of 6.
    expect(c.returningBuyerRate.value).toBeCloseTo(4 / 6, 12);
    // Q2: A (2025-08-10) of 3; 2025Q3: none of 2.
    expect(c.returningBuyerRate.previous).toBeCloseTo(1 / 3, 12);
    expect(c.returningBuyerRate.yearAgo).toBe(0);
  });

  it('dormant: last order 90–180 days before the period end; reactivated after ≥ 90 idle days', () => {
    // To 2026-09-30: D 91 days (07-01), E 168 (04-15); tmall C 213 is too long ago.
    // To 2026-06-30: tmall C 121, F 171. To 2025-09-30: Z 107.
    expect(c.dormantBuyers).toMatchObject({ value: 2, previous: 2, yearAgo: 1 });
    // Q3: F (203 days since 01-10), G (427 days since 2025-07-20). Q2: A (283 days since 2025-08-10).
    expect(c.reactivatedBuyers).toMatchObject({ value: 2, previous: 1, yearAgo: 0 });
  });

  it('refund rates on the order-period basis, and reasons ranked with cumulative shares', () => {
    expect(c.refundRateByAmount.value).toBeCloseTo(11000 / 65000, 12);
    expect(c.refundRateByAmount.previous).toBe(0);
    // b1 (refunded in full), a2 and g2 of 8 orders
    expect(c.refundRateByOrders.value).toBeCloseTo(3 / 8, 12);
    expect(c.counts.refundedOrders).toEqual([3, 0, 0]);
    expect(c.refundReasons).toEqual([
      { reason: '尺码不合适', amountMinor: 10000, lines: 2, share: 10000 / 11000, cumulativeShare: 10000 / 11000 },
      { reason: '质量问题', amountMinor: 1000, lines: 1, share: 1000 / 11000, cumulativeShare: 1 },
    ]);
  });

  it('weekly GMV by ISO week of the local day, edge weeks partial, compared like for like', () => {
    expect(ov.byWeek!.map((w) => w.week)).toEqual([
      '2026-W27', '2026-W28', '2026-W29', '2026-W30', '2026-W31', '2026-W32', '2026-W33',
      '2026-W34', '2026-W35', '2026-W36', '2026-W37', '2026-W38', '2026-W39', '2026-W40',
    ]);
    const w27 = ov.byWeek![0]!;
    // Wed 07-01 … Sun 07-05: d1's balance 4000 (00:30 on 07-01) + a1 16000
    expect(w27).toMatchObject({ start: '2026-07-01', end: '2026-07-05', days: 5 });
    expect(w27.gmv).toMatchObject({ value: 20000, previous: 0, yearAgo: 0 });
    expect(ov.byWeek!.find((w) => w.week === '2026-W33')!.gmv.value).toBe(15000); // a2 on 08-15
    // The last dated line is g2 on 09-20 (W38). W39 (09-21…27) and W40 (09-28…30) lie wholly after
    // it: the exports do not reach them, so they have no data rather than zero sales, and W40's
    // week before (09-21…27) gives no comparison either.
    expect(ov.byWeek!.find((w) => w.week === '2026-W38')!.gmv.value).toBe(3000);
    expect(ov.byWeek!.find((w) => w.week === '2026-W39')!.gmv.value).toBeNull();
    const w40 = ov.byWeek!.at(-1)!;
    expect(w40).toMatchObject({ start: '2026-09-28', end: '2026-09-30', days: 3, gmv: { value: null, previous: null } });
    expect(ov.byWeek!.reduce((a, w) => a + (w.gmv.value ?? 0), 0)).toBe(65000);
  });

  it('monthly average GMV over the months with data', () => {
    // Jul 4000+10000+6000+8000+2000, Aug 12000+10000+5000, Sep 5000+3000 → 65000 / 3;
    // Apr–Jun 9000, 7000, 6000 → 22000 / 3; 2025: Jul 6000, Aug 8000, Sep no data → 14000 / 2
    expect(ov.monthAverageGmv).toMatchObject({ value: 21667, previous: 7333, yearAgo: 7000, unit: 'minor' });
  });

  it('campaign share from the calendar', () => {
    // 七夕 08-14…16: a2 15000 of 65000; 618 held nothing in Q2; 2025-08-08…10: ay 8000 of 14000
    expect(ov.campaignGmv).toMatchObject({ value: 15000, previous: 0, yearAgo: 8000 });
    expect(ov.campaignShare.value).toBeCloseTo(15000 / 65000, 12);
    expect(ov.campaignShare.previous).toBe(0);
    expect(ov.campaignShare.yearAgo).toBeCloseTo(8000 / 14000, 12);
  });

  it('top price band: unit price at or above the third quartile (nearest rank, by line)', () => {
    // Q3 unit prices: 2000 2500 3000 3000 4000 5000 8000 10000 10000 12000 → Q1 3000, Q2 4000, Q3 10000
    expect(ov.priceBands!.bands.map((b) => [b.minMinor, b.maxMinor, b.gmvMinor, b.lines])).toEqual([
      [2000, 3000, 7000, 2],
      [3000, 4000, 9000, 2],
      [4000, 10000, 17000, 3],
      [10000, null, 32000, 3],
    ]);
    expect(ov.topPriceBand).toEqual({ minMinor: 10000, maxMinor: 12000, basis: 'quartiles' });
    expect(ov.topPriceBandShare.value).toBeCloseTo(32000 / 65000, 12);
    // the same bound in the other periods: d1's deposit line (unit 12000) of 22000; ay (10000) of 14000
    expect(ov.topPriceBandShare.previous).toBeCloseTo(6000 / 22000, 12);
    expect(ov.topPriceBandShare.yearAgo).toBeCloseTo(8000 / 14000, 12);
  });

  it('price bands from the config, in major units', () => {
    const { ov: x } = run(LINES, { priceBands: [50, 100] });
    expect(x.priceBands!.basis).toBe('config');
    expect(x.priceBands!.bands.map((b) => [b.minMinor, b.maxMinor, b.gmvMinor])).toEqual([
      [0, 5000, 20000], // unit 2000, 2500, 3000, 3000, 4000: paid 2000 + 5000 + 6000 + 3000 + 4000
      [5000, 10000, 13000], // unit 5000, 8000: paid 5000 + 8000
      [10000, null, 32000],
    ]);
  });

  it('products bought together: baskets are the quarter part of each order', () => {
    // SKU baskets: a1{S1,S2} a2{S1,S3} b1{S3} c1{S2} d1{S4} f1{S1} g2{S4} x1{S5}: n = 8
    const { core } = run(LINES, { pairMinBaskets: 1, pairMinSupport: 0.1 });
    expect(core.pairs.baskets).toEqual({ sku: 8, category: 8 });
    expect(core.pairs.sku).toEqual([
      // S1 in 3 baskets, S2 and S3 in 2: lift = 1·8 / (2·3)
      { a: 'S2', b: 'S1', aLabel: 'S2', bLabel: 'S1', support: 1 / 8, confidence: 1 / 2, confidenceReverse: 1 / 3, lift: 8 / 6, baskets: 1 },
      { a: 'S3', b: 'S1', aLabel: 'S3', bLabel: 'S1', support: 1 / 8, confidence: 1 / 2, confidenceReverse: 1 / 3, lift: 8 / 6, baskets: 1 },
    ]);
    // categories: 女装 in a1 a2 f1 (3), 美妆 in a1 a2 b1 c1 (4), together in 2: lift = 2·8 / (3·4)
    expect(core.pairs.category).toEqual([
      { a: '女装', b: '美妆', aLabel: '女装', bLabel: '美妆', support: 2 / 8, confidence: 2 / 3, confidenceReverse: 2 / 4, lift: 16 / 12, baskets: 2 },
    ]);
    // with the defaults (≥ 5 baskets) nothing qualifies
    expect(c.pairs.sku).toEqual([]);
    expect(c.pairs).toMatchObject({ minBaskets: 5, minSupport: 0.001, approximate: false });
  });

  it('buyer tiers by recency, frequency and spend quintiles over the 365 days to the quarter end', () => {
    // Window 2025-10-01…2026-09-30. Recency/orders/GMV: A 46/3/38000, B 82/1/8000, tmall C 213/1/4000,
    // jd C 29/1/5000, D 91/1/10000, E 168/1/9000, F 60/2/17000, G 10/1/3000.
    // High R (score ≥ 4): A, jd C, G. High F: F, A. High M: D, F, A.
    expect(c.buyerTierWindow).toEqual({ start: '2025-10-01', end: '2026-09-30' });
    const tiers = Object.fromEntries(c.buyerTiers.map((t) => [t.tier, [t.buyers, t.gmvMinor]]));
    expect(tiers).toEqual({
      champions: [1, 38000],
      potential: [0, 0],
      atRisk: [1, 17000],
      winBack: [1, 10000],
      loyal: [0, 0],
      promising: [2, 8000],
      needAttention: [0, 0],
      hibernating: [3, 21000],
    });
    expect(c.buyerTiers.find((t) => t.tier === 'champions')!.gmvShare).toBeCloseTo(38000 / 94000, 12);
  });
});

describe('a week the exports reach only in part', () => {
  // The data ends on Wed 2026-09-23, so of W39 (Mon 09-21 … Sun 09-27) it reaches 3 days.
  const lines: OrderLine[] = [
    line({ platform: 'tmall', orderId: 'y1', customerId: 'A', paidAt: sh(2025, 9, 22, 10), paidAmountMinor: 1000 }), // Mon: 364 days before 2026-09-21
    line({ platform: 'tmall', orderId: 'y2', customerId: 'B', paidAt: sh(2025, 9, 26, 10), paidAmountMinor: 2000 }), // Fri: 364 days before 2026-09-25, not reached
    line({ platform: 'tmall', orderId: 'p1', customerId: 'A', paidAt: sh(2026, 9, 14, 10), paidAmountMinor: 500 }), // Mon of W38
    line({ platform: 'tmall', orderId: 'p2', customerId: 'C', paidAt: sh(2026, 9, 18, 10), paidAmountMinor: 700 }), // Fri of W38: a week before 09-25
    line({ platform: 'tmall', orderId: 'c1', customerId: 'B', paidAt: sh(2026, 9, 23, 21), paidAmountMinor: 3000 }), // the last dated line
  ];
  const { ov } = run(lines);
  const week = (w: string) => ov.byWeek!.find((r) => r.week === w)!;

  it('says how many of its days the data reaches, and which', () => {
    expect(week('2026-W39')).toMatchObject({ start: '2026-09-21', end: '2026-09-27', days: 7, dataDays: 3, dataStart: '2026-09-21', dataEnd: '2026-09-23' });
    expect(week('2026-W38')).toMatchObject({ days: 7, dataDays: 7, dataStart: '2026-09-14', dataEnd: '2026-09-20' });
    // W40 (09-28 … 09-30) lies wholly after the data; W27 (07-01 … 07-05) wholly inside it.
    expect(week('2026-W40')).toMatchObject({ days: 3, dataDays: 0, dataStart: null, dataEnd: null, gmv: { value: null } });
    expect(week('2026-W27')).toMatchObject({ days: 5, dataDays: 5 });
  });

  it('compares it over the same reached days a week and 52 weeks earlier, not over whole weeks', () => {
    // 09-21…23: 3000; a week earlier 09-14…16: p1 500 (p2 on 09-18 is outside); a year earlier
    // 2025-09-22…24: y1 1000 (y2 on 2025-09-26 is outside). Whole weeks would give 1200 and 3000.
    expect(week('2026-W39').gmv).toMatchObject({ value: 3000, previous: 500, yearAgo: 1000 });
    // W38, wholly reached: 500 + 700. Its week before (09-07…13) lies inside the data and holds
    // no line: 0. Its year-ago days (2025-09-15…21) lie before the data, which starts on
    // 2025-09-22: no comparison, not 0.
    expect(week('2026-W38').gmv).toMatchObject({ value: 1200, previous: 0, yearAgo: null });
  });
});

describe('a month the exports reach only in part', () => {
  // The data runs from 2025-08-05 to Wed 2026-09-23: of September 2026 it reaches days 1–23.
  const lines: OrderLine[] = [
    line({ platform: 'tmall', orderId: 'm0', customerId: 'A', paidAt: sh(2025, 8, 5, 10), paidAmountMinor: 400 }),
    line({ platform: 'tmall', orderId: 'm1', customerId: 'A', paidAt: sh(2025, 9, 22, 10), paidAmountMinor: 1000 }),
    line({ platform: 'tmall', orderId: 'm2', customerId: 'B', paidAt: sh(2025, 9, 26, 10), paidAmountMinor: 2000 }), // after the 23rd
    line({ platform: 'tmall', orderId: 'm3', customerId: 'A', paidAt: sh(2026, 8, 10, 10), paidAmountMinor: 800 }),
    line({ platform: 'tmall', orderId: 'm4', customerId: 'C', paidAt: sh(2026, 8, 28, 10), paidAmountMinor: 900 }), // after the 23rd
    line({ platform: 'tmall', orderId: 'm5', customerId: 'B', paidAt: sh(2026, 9, 23, 21), paidAmountMinor: 3000 }),
  ];
  const { ov } = run(lines);
  const month = (m: string) => ov.byMonth.find((r) => r.month === m)!;

  it('says how many of its days the data reaches', () => {
    expect(month('2026-09')).toMatchObject({ days: 30, dataDays: 23, dataStart: '2026-09-01', dataEnd: '2026-09-23' });
    expect(month('2026-08')).toMatchObject({ days: 31, dataDays: 31 });
    expect(ov.byMonth.map((r) => r.month)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
  });

  it('compares it over days 1–23 of August and of September a year earlier, not whole months', () => {
    // 3000 against 800 (m4 on 08-28 is outside) and 1000 (m2 on 2025-09-26 is outside);
    // whole months would give 1700 and 3000.
    expect(month('2026-09').gmv).toMatchObject({ value: 3000, previous: 800, yearAgo: 1000, qoq: 2.75, yoy: 2 });
    // A whole month keeps whole-month comparisons: August against July 2026 (no line: no data)
    // and August 2025 (m0).
    expect(month('2026-08').gmv).toMatchObject({ value: 1700, previous: null, yearAgo: 400 });
  });

  it('the quarter\'s monthly average takes the narrowed year-ago month', () => {
    // Q3: August 1700 and September 3000 (July has no data) → 2350; a year earlier August 400
    // and September 1–23 1000 → 700 (whole months would give (400 + 3000) / 2 = 1700).
    expect(ov.monthAverageGmv).toMatchObject({ value: 2350, yearAgo: 700 });
  });
});

describe('a quarter with no data', () => {
  const overview = computeOverview(LINES, overviewInput(Q4_2026));
  const { overview: ov, core: c } = computeCore(LINES, coreInput(Q4_2026, {}, CAMPAIGNS), overview, NO_SIDE);

  it('gives null figures with a reason, never 0', () => {
    for (const f of [ov.newBuyers, ov.returningBuyers, ov.campaignShare, ov.topPriceBandShare, c.aov, c.spendPerBuyer, c.repurchaseRate, c.returningBuyerRate, c.dormantBuyers, c.reactivatedBuyers, c.refundRateByAmount, c.refundRateByOrders]) {
      expect(f.value).toBeNull();
      expect(f.reason).toBe('no order lines in 2026Q4');
    }
    // the previous quarter (2026Q3) still has its figures
    expect(c.aov.previous).toBe(8125);
    expect(c.refundReasons).toEqual([]);
    expect(ov.byWeek!.every((w) => w.gmv.value === null)).toBe(true);
    expect(ov.visitors).toMatchObject({ value: null, reason: 'no traffic export in 2026Q4' });
  });
});

describe('an export without buyer ids (Tmall 订单报表 without 买家会员名)', () => {
  // Every line of LINES again, none naming its buyer: orders and money are known, buyers are not.
  const anonymous = LINES.map((l) => ({ ...l, customerId: null, buyerKey: -1 }));
  const { base, ov, core: c } = run(anonymous);

  it('buyer counts and per-buyer figures are unknown, with the reason, never 0', () => {
    expect(base.buyers).toMatchObject({ value: null, previous: null, yearAgo: null, reason: 'no buyer ids in 2026Q3' });
    for (const f of [ov.newBuyers, ov.returningBuyers, c.spendPerBuyer, c.repurchaseRate, c.returningBuyerRate, c.dormantBuyers, c.reactivatedBuyers]) {
      expect(f.value).toBeNull();
      expect(f.reason).toBe('no buyer ids in 2026Q3');
    }
  });

  it('per platform too: new buyers unknown, not 0', () => {
    for (const row of c.byPlatform) {
      expect(row.newBuyers).toMatchObject({ value: null, reason: 'no buyer ids in 2026Q3' });
      expect(row.spendPerBuyer.value).toBeNull();
    }
  });

  it('order and money figures stay as they are', () => {
    const named = run();
    expect(base.gmv).toEqual(named.base.gmv);
    expect(base.orders).toEqual(named.base.orders);
    expect(c.aov).toEqual(named.core.aov);
  });
});

describe('lines of an order that do not arrive together', () => {
  const base = { platform: 'tmall', customerId: 'A', paidAt: sh(2026, 7, 5, 10), paidAmountMinor: 100, sku: 'S1' };
  const interleaved = [
    line({ ...base, orderId: 'o1', lineId: '1' }),
    line({ ...base, orderId: 'o2', lineId: '1' }),
    line({ ...base, orderId: 'o1', lineId: '2', sku: 'S2' }),
  ];
  const overview = computeOverview(interleaved, overviewInput(Q3_2026));

  it('are joined into one basket while the order is still open', () => {
    const { core } = computeCore(interleaved, { ...coreInput(Q3_2026), settings: { ...coreInput(Q3_2026).settings, pairMinBaskets: 1 } }, overview, NO_SIDE);
    expect(core.counts.orders[0]).toBe(2);
    expect(core.repurchaseRate.value).toBe(1);
    expect(core.pairs).toMatchObject({ baskets: { sku: 2 }, lateLines: 0, approximate: false });
  });

  it('still count each order once when its basket was closed before the late line came', () => {
    const { core } = computeCore(interleaved, { ...coreInput(Q3_2026), openOrders: 1 }, overview, NO_SIDE);
    expect(core.counts.orders).toEqual([2, 0, 0]);
    expect(core.repurchaseRate.value).toBe(1); // A: o1 and o2
    // o1 {S1} closed when o2 opened; its S2 line is left out of the pairs, which say so
    expect(core.pairs).toMatchObject({ baskets: { sku: 2 }, lateLines: 1, approximate: true });
  });
});

describe('products bought together, by product', () => {
  // The same two products sold on two platforms under each platform's SKU ids, and a basket
  // holding two variants (SKUs) of one listing.
  const at = { customerId: 'A', paidAt: sh(2026, 7, 5, 10), paidAmountMinor: 100 };
  const lines = [
    line({ ...at, platform: 'own', orderId: 'o1', lineId: '1', sku: 'SKU-E-3', productName: '充电器' }),
    line({ ...at, platform: 'own', orderId: 'o1', lineId: '2', sku: 'SKU-E-2', productName: '数据线' }),
    line({ ...at, platform: 'jd', orderId: 'j1', lineId: '1', sku: '15429361032', productName: '数据线' }),
    line({ ...at, platform: 'jd', orderId: 'j1', lineId: '2', sku: '18221836538', productName: '充电器' }),
    line({ ...at, platform: 'own', orderId: 'o2', lineId: '1', sku: 'SKU-L-1', productName: '口红' }),
    line({ ...at, platform: 'own', orderId: 'o2', lineId: '2', sku: 'SKU-L-2', productName: '口红' }),
    line({ ...at, platform: 'own', orderId: 'o3', lineId: '1', sku: 'SKU-X', productName: null }),
  ];
  const overview = computeOverview(lines, overviewInput(Q3_2026));
  const settings = { ...coreInput(Q3_2026).settings, pairMinBaskets: 1, pairMinSupport: 0.01 };

  it('pair by name across platforms and SKU ids; variants of one name are one item; a nameless line pairs by SKU', () => {
    const { core } = computeCore(lines, { ...coreInput(Q3_2026), settings }, overview, NO_SIDE);
    // baskets o1 {充电器, 数据线}, j1 {数据线, 充电器}, o2 {口红}, o3 {SKU-X}: n = 4, the pair in 2,
    // each of its products in 2: lift = 2·4 / (2·2) = 2. 口红 + 口红 is no pair.
    expect(core.pairs.baskets.sku).toBe(4);
    expect(core.pairs.multiItemBaskets.sku).toBe(2);
    expect(core.pairs.sku).toEqual([
      { a: '充电器', b: '数据线', aLabel: '充电器', bLabel: '数据线', support: 2 / 4, confidence: 1, confidenceReverse: 1, lift: 2, baskets: 2 },
    ]);
  });
});
