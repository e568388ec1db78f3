// Campaign lifts against weekday-matched baseline days, worked out by hand from a literal table.
// 2026-07-01 is a Wednesday. Campaign K runs Wed 07-15 … Fri 07-17; campaign Z is Wed 07-08;
// the data starts on 06-30. With a 2-week baseline:
//   K: Wed/Thu/Fri in 07-01…07-14 except Z's 07-08 → 07-01, 07-02, 07-03, 07-09, 07-10
//   Z: Wednesdays in 06-24…07-07 from the data start → 07-01
import { describe, expect, it } from 'vitest';
import type { InventorySnapshot, OrderLine, ServiceTicket, TrafficDay } from '../../src/canonical.js';
import { computeCampaigns, expectation, planCampaigns, weekday, type CampaignInput } from '../../src/metrics/campaigns.js';
import { dayNumber } from '../../src/metrics/operations.js';
import { line, periods, sh } from './review-fixture.js';

const calendar = [
  { name: 'W', start: '2026-05-01', end: '2026-05-03' },
  { name: 'K', start: '2026-07-15', end: '2026-07-17' },
  { name: 'Z', start: '2026-07-08', end: '2026-07-08' },
];
const input: CampaignInput = { calendar, quarter: periods.current, timeZone: 'Asia/Shanghai', baseline: { weeks: 2, sameWeekday: true } };

let n = 0;
const sale = (d: number, amount: number, buyer: string, platform = 'tmall'): OrderLine =>
  line({ platform, orderId: `o${++n}`, customerId: buyer, paidAt: sh(2026, 7, d, 14), paidAmountMinor: amount });

const lines: OrderLine[] = [
  line({ platform: 'tmall', orderId: 'start', customerId: 'z', paidAt: sh(2026, 6, 30, 9), paidAmountMinor: 100 }),
  sale(1, 1000, 'b1'),
  sale(2, 2000, 'b2'),
  sale(3, 3000, 'b3'),
  sale(4, 7777, 'sat'), // Saturday: not a baseline day for K
  sale(8, 2500, 'z1'),
  sale(8, 2500, 'z2'),
  sale(9, 1000, 'b4'),
  sale(9, 1000, 'b4'), // same buyer twice: 1 buyer, 2 orders
  sale(10, 1000, 'b5'),
  sale(15, 2000, 'k1'),
  sale(15, 2000, 'k2'),
  sale(16, 3000, 'k3'),
  sale(16, 3000, 'k3'),
  sale(17, 3000, 'k4'),
  sale(17, 3000, 'k5'),
  sale(17, 3000, 'k6', 'jd'), // jd has no traffic rows: not a buyer for conversion
  line({ platform: 'tmall', orderId: 'cx', createdAt: sh(2026, 7, 16, 10), paidAt: null, status: 'cancelled', paidAmountMinor: 50000 }),
];

const visitors: [string, number][] = [
  ['2026-07-01', 100], ['2026-07-02', 100], ['2026-07-03', 100], ['2026-07-08', 400], ['2026-07-09', 200], ['2026-07-10', 100],
  ['2026-07-15', 200], ['2026-07-16', 200], ['2026-07-17', 300],
];
const traffic: TrafficDay[] = visitors.map(([date, v]) => ({
  date, platform: 'tmall', channel: null, visitors: v, pageViews: null, productViews: null, addToCart: null, checkouts: null, buyers: null, orders: null, adSpendMinor: null,
}));
const ticketDays: [number, number][] = [[1, 1], [3, 2], [9, 2], [15, 3], [16, 1]];
const tickets: ServiceTicket[] = ticketDays.flatMap(([d, count]) =>
  Array.from({ length: count }, (_, i) => ({ ticketId: `t${d}-${i}`, platform: null, createdAt: sh(2026, 7, d, 11), firstResponseAt: null, resolvedAt: null, kind: null, reason: null, satisfaction: null, escalated: null })),
);
const snap = (date: string, sku: string, onHand: number): InventorySnapshot => ({ date, sku, category: null, onHand, unitCostMinor: null });
const inventory = [snap('2026-07-02', 'a', 3), snap('2026-07-02', 'b', 1), snap('2026-07-09', 'a', 0), snap('2026-07-09', 'b', 2), snap('2026-07-16', 'a', 0), snap('2026-07-16', 'b', 5)];

const result = computeCampaigns(lines, { traffic, tickets, inventory }, input);
const k = result.campaigns.find((c) => c.name === 'K')!;
const z = result.campaigns.find((c) => c.name === 'Z')!;

describe('campaign calendar and baseline days', () => {
  it('keeps the campaigns overlapping the quarter, in date order', () => {
    expect(result.campaigns.map((c) => c.name)).toEqual(['Z', 'K']);
    expect(weekday(dayNumber('2026-07-01'))).toBe(3);
  });
  it('takes same-weekday non-campaign days from the weeks before, from the data start', () => {
    expect(k.baselineDays).toEqual(['2026-07-01', '2026-07-02', '2026-07-03', '2026-07-09', '2026-07-10']);
    expect(z.baselineDays).toEqual(['2026-07-01']);
    // Before the data start is taken into account, Z's plan still holds 06-24.
    const plans = planCampaigns({ calendar, quarter: periods.current, baseline: { weeks: 2, sameWeekday: true } });
    expect(plans.find((p) => p.def.name === 'Z')!.baseline.map((d) => d - dayNumber('2026-06-24'))).toEqual([0, 7]);
  });
  it('uses every non-campaign day when weekdays are not matched', () => {
    const all = planCampaigns({ calendar, quarter: periods.current, baseline: { weeks: 2, sameWeekday: false } }).find((p) => p.def.name === 'K')!;
    expect(all.baseline.length).toBe(13); // 07-01…07-14 without 07-08
  });
});

describe('campaign K against its baseline', () => {
  // GMV: campaign 4000 + 6000 + 9000 = 19000. Expected: Wed 1000; Thu (2000 + 2000)/2 = 2000;
  // Fri (3000 + 1000)/2 = 2000 → 5000. Lift 3.8.
  it('GMV and GMV per day', () => {
    expect(k.gmv).toEqual({ unit: 'minor', campaign: 19000, baseline: 5000, lift: 3.8 });
    expect(k.gmvPerDay.campaign).toBeCloseTo(19000 / 3, 9);
    expect(k.gmvPerDay.baseline).toBeCloseTo(5000 / 3, 9);
    expect(k.days).toBe(3);
  });
  // Orders: campaign 2 + 2 + 3 = 7; expected Wed 1, Thu (1 + 2)/2 = 1.5, Fri (1 + 1)/2 = 1 → 3.5.
  it('orders and AOV', () => {
    expect(k.orders).toEqual({ unit: 'count', campaign: 7, baseline: 3.5, lift: 2 });
    expect(k.aov.campaign).toBeCloseTo(19000 / 7, 9);
    expect(k.aov.baseline).toBeCloseTo(5000 / 3.5, 9);
    expect(k.aov.lift).toBeCloseTo(1.9, 12);
  });
  // Visitors: campaign 700; expected Wed 100, Thu (100 + 200)/2, Fri (100 + 100)/2 → 350.
  // Buyers: 07-15 2, 07-16 1, 07-17 2 (k6 is on jd, without traffic) → 5; expected Wed 1,
  // Thu (1 + 1)/2, Fri (1 + 1)/2 → 3. Conversion 5/700 against 3/350: lift 5/6.
  it('visitors and conversion', () => {
    expect(k.visitors).toEqual({ unit: 'count', campaign: 700, baseline: 350, lift: 2 });
    expect(k.conversion.campaign).toBeCloseTo(5 / 700, 12);
    expect(k.conversion.baseline).toBeCloseTo(3 / 350, 12);
    expect(k.conversion.lift).toBeCloseTo(5 / 6, 12);
  });
  // Tickets: campaign 3 + 1 + 0 = 4; expected Wed 1, Thu (0 + 2)/2, Fri (2 + 0)/2 → 3.
  it('service tickets', () => {
    expect(k.tickets).toEqual({ unit: 'count', campaign: 4, baseline: 3, lift: 4 / 3 });
  });
  // Stock-outs: 07-16 has 1 SKU at 0; baseline snapshots 07-02 (0 out) and 07-09 (1 out) → 0.5.
  it('stock-outs per snapshot day', () => {
    expect(k.stockOuts).toEqual({ unit: 'count', campaign: 1, baseline: 0.5, lift: 2 });
  });
});

describe('campaign Z and missing inputs', () => {
  it('compares a one-day campaign with its single baseline day', () => {
    expect(z.gmv).toEqual({ unit: 'minor', campaign: 5000, baseline: 1000, lift: 5 });
    expect(z.stockOuts.campaign).toBeNull();
    expect(z.stockOuts.lift).toBeNull();
    expect(z.stockOuts.reason).toBe('no inventory snapshot falls inside the campaign');
  });
  it('says why traffic figures are missing', () => {
    const bare = computeCampaigns(lines, { traffic: [], tickets: [], inventory: [] }, input).campaigns.find((c) => c.name === 'K')!;
    expect(bare.visitors).toEqual({ unit: 'count', campaign: null, baseline: null, lift: null, reason: 'no traffic export' });
    expect(bare.conversion.lift).toBeNull();
    expect(bare.tickets.reason).toBe('no service tickets');
    expect(bare.stockOuts.reason).toBe('no inventory snapshots');
    expect(bare.gmv.lift).toBe(3.8);
  });
  it('has no baseline when every earlier day is a campaign day or before the data', () => {
    const early = computeCampaigns([sale(15, 100, 'q')], { traffic: [], tickets: [], inventory: [] }, input).campaigns.find((c) => c.name === 'K')!;
    expect(early.baselineDays).toEqual([]);
    expect(early.gmv).toEqual({ unit: 'minor', campaign: 100, baseline: null, lift: null, reason: 'no comparable non-campaign days before the campaign' });
  });
});

describe('expectation', () => {
  it('falls back to the mean of all baseline days for a weekday without one', () => {
    // Campaign days: a Wednesday and a Saturday; baseline: two Wednesdays worth 10 and 30.
    const wed = dayNumber('2026-07-15');
    const sat = dayNumber('2026-07-18');
    const f = (d: number) => (d === dayNumber('2026-07-01') ? 10 : 30);
    expect(expectation([wed, sat], [dayNumber('2026-07-01'), dayNumber('2026-07-08')], true)(f)).toBe(20 + 20);
    expect(expectation([wed, sat], [], true)(f)).toBeNull();
  });
});

describe('a campaign of centuries', () => {
  it('is computed, not a stack overflow: its days are too many to pass as arguments', () => {
    const long: CampaignInput = { ...input, calendar: [{ name: 'all', start: '1900-01-01', end: '2999-12-31' }] };
    const m = computeCampaigns([sale(2, 500, 'b9')], { traffic: [], tickets: [], inventory: [] }, long);
    expect(m.campaigns).toHaveLength(1);
    // 1900-01-01 … 2999-12-31: 1,100 years, 267 of them leap (275 by fours, less 8 centuries).
    expect(m.campaigns[0]!.days).toBe(1100 * 365 + 267);
  });
});
