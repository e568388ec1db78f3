// Invariants of the section-1 and section-2 figures over random order tables, traffic and tickets:
// shares sum to 1, net sales ≤ GMV, rates stay in [0, 1], platform figures add up to the total,
// lift is symmetric, and the figures do not depend on the order the orders arrive in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderLine, ServiceTicket, SideTables, TrafficDay } from '../../src/canonical.js';
import { computeCore } from '../../src/metrics/core.js';
import type { Figure } from '../../src/metrics/figure.js';
import { computeOverview } from '../../src/metrics/overview.js';
import { dayString } from '../../src/metrics/stats.js';
import { coreInput, line, NO_SIDE, overviewInput, Q3_2026, sh } from './core-fixture.js';

const FIRST_DAY = Date.UTC(2025, 5, 1) / 86_400_000; // 2025-06-01
const CAMPAIGNS = [
  { name: 'a', start: '2025-08-01', end: '2025-08-10' },
  { name: 'b', start: '2026-06-01', end: '2026-06-18' },
  { name: 'c', start: '2026-08-20', end: '2026-09-05' },
];

const lineArb = fc.record({
  sku: fc.constantFrom('S0', 'S1', 'S2', 'S3', 'S4', 'S5'),
  category: fc.constantFrom('C0', 'C1', 'C2'),
  paid: fc.integer({ min: 0, max: 20_000 }),
  refundPart: fc.constantFrom(0, 0, 0, 0.3, 1),
  status: fc.constantFrom('completed', 'completed', 'shipped', 'cancelled', 'refunded', 'partially_refunded'),
  unitPrice: fc.option(fc.integer({ min: 100, max: 10_000 }), { freq: 5 }),
  quantity: fc.integer({ min: 1, max: 3 }),
  reason: fc.constantFrom('尺码', '质量', null),
});

const orderArb = fc.record({
  platform: fc.constantFrom('tmall', 'jd', 'douyin'),
  customer: fc.option(fc.integer({ min: 0, max: 12 }), { freq: 8 }),
  day: fc.integer({ min: 0, max: 500 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  channel: fc.constantFrom('app', 'live', null),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 4 }),
});

type Order = typeof orderArb extends fc.Arbitrary<infer T> ? T : never;

function toLines(orders: Order[]): OrderLine[] {
  return orders.flatMap((o, i) => {
    const day = dayString(FIRST_DAY + o.day);
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const paidAt = sh(y, m, d, 0, o.minute);
    return o.lines.map((l, j) =>
      line({
        platform: o.platform,
        orderId: `o${i}`,
        lineId: String(j + 1),
        customerId: o.customer === null ? null : `c${o.customer}`,
        paidAt: l.status === 'cancelled' ? null : paidAt,
        createdAt: paidAt,
        status: l.status as OrderLine['status'],
        paidAmountMinor: l.paid,
        refundAmountMinor: l.status === 'refunded' ? l.paid : Math.round(l.paid * l.refundPart),
        refundReason: l.reason,
        sku: l.sku,
        category: l.category,
        unitPriceMinor: l.unitPrice,
        quantity: l.quantity,
        channel: o.channel,
      }),
    );
  });
}

const trafficArb = fc.array(
  fc.record({
    day: fc.integer({ min: 0, max: 500 }),
    platform: fc.constantFrom('tmall', 'jd'),
    channel: fc.constantFrom('搜索', '推荐', null),
    visitors: fc.integer({ min: 0, max: 1000 }),
    f1: fc.double({ min: 0, max: 1, noNaN: true }),
    f2: fc.double({ min: 0, max: 1, noNaN: true }),
    f3: fc.double({ min: 0, max: 1, noNaN: true }),
    f4: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  { maxLength: 40 },
).map((rows): TrafficDay[] =>
  rows.map((r) => {
    // Each step at most the one before, as a real funnel.
    const productViews = Math.floor(r.visitors * r.f1);
    const addToCart = Math.floor(productViews * r.f2);
    const checkouts = Math.floor(addToCart * r.f3);
    const buyers = Math.floor(checkouts * r.f4);
    return { date: dayString(FIRST_DAY + r.day), platform: r.platform, channel: r.channel, visitors: r.visitors, pageViews: null, productViews, addToCart, checkouts, buyers, orders: buyers, adSpendMinor: null };
  }),
);

const ticketArb = fc.array(
  fc.record({
    day: fc.integer({ min: 0, max: 500 }),
    response: fc.option(fc.integer({ min: 0, max: 10_000 })),
    resolution: fc.option(fc.integer({ min: 0, max: 400_000 })),
    satisfaction: fc.option(fc.integer({ min: 1, max: 5 })),
  }),
  { maxLength: 30 },
).map((rows): ServiceTicket[] =>
  rows.map((r, i) => {
    const createdAt = Date.UTC(2025, 5, 1) + r.day * 86_400_000;
    return {
      ticketId: `t${i}`,
      platform: 'tmall',
      createdAt,
      firstResponseAt: r.response === null ? null : createdAt + r.response * 1000,
      resolvedAt: r.resolution === null ? null : createdAt + r.resolution * 1000,
      kind: null,
      reason: null,
      satisfaction: r.satisfaction,
      escalated: null,
    };
  }),
);

function compute(lines: OrderLine[], side: SideTables = NO_SIDE, settings = {}) {
  const base = computeOverview(lines, overviewInput(Q3_2026));
  const r = computeCore(lines, coreInput(Q3_2026, settings, CAMPAIGNS), base, side);
  return { o: base, ov: r.overview, core: r.core };
}

const inUnit = (f: Figure) => [f.value, f.previous, f.yearAgo].filter((v): v is number => v !== null);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('invariants', () => {
  const input = fc.record({ orders: fc.array(orderArb, { maxLength: 60 }), traffic: trafficArb, tickets: ticketArb });

  it('shares sum to 1', () => {
    fc.assert(
      fc.property(input, ({ orders, traffic, tickets }) => {
        const { o, ov, core: c } = compute(toLines(orders), { ...NO_SIDE, traffic, tickets });
        if (o.gmv.value) {
          expect(sum(o.byPlatform.map((x) => x.share ?? 0))).toBeCloseTo(1, 9);
          const bands = ov.priceBands.bands;
          const priced = sum(bands.map((b) => b.gmvMinor));
          if (priced === o.gmv.value) expect(sum(bands.map((b) => b.share ?? 0))).toBeCloseTo(1, 9);
        }
        if (c.refundReasons.length > 0) {
          expect(sum(c.refundReasons.map((x) => x.share))).toBeCloseTo(1, 9);
          expect(c.refundReasons.at(-1)!.cumulativeShare).toBe(1);
          for (let i = 1; i < c.refundReasons.length; i++) expect(c.refundReasons[i]!.cumulativeShare).toBeGreaterThanOrEqual(c.refundReasons[i - 1]!.cumulativeShare);
        }
        const tierGmv = sum(c.buyerTiers.map((t) => t.gmvMinor));
        if (tierGmv > 0) expect(sum(c.buyerTiers.map((t) => t.gmvShare ?? 0))).toBeCloseTo(1, 9);
      }),
    );
  });

  it('net sales ≤ GMV, and the three period figures keep it', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 60 }), (orders) => {
        const { o } = compute(toLines(orders));
        for (const k of ['value', 'previous', 'yearAgo'] as const) {
          if (o.gmv[k] !== null) expect(o.netSales[k]!).toBeLessThanOrEqual(o.gmv[k]!);
        }
      }),
    );
  });

  it('rates stay within [0, 1]', () => {
    fc.assert(
      fc.property(input, ({ orders, traffic, tickets }) => {
        const { ov, core: c } = compute(toLines(orders), { ...NO_SIDE, traffic, tickets });
        const rates: Figure[] = [
          c.repurchaseRate, c.returningBuyerRate, c.refundRateByAmount, c.refundRateByOrders, c.conversion,
          ov.campaignShare, ov.topPriceBandShare, c.firstResponse.withinSlaShare, c.satisfaction.shareHigh,
          c.campaignConversion.campaign, c.campaignConversion.other,
          ...c.conversionByPlatform.map((x) => x.value), ...c.conversionByChannel.map((x) => x.value), ...c.conversionByWeek.map((x) => x.value),
          ...c.byPlatform.map((x) => x.repurchaseRate),
        ];
        for (const f of rates) for (const v of inUnit(f)) expect(v >= 0 && v <= 1, `${v}`).toBe(true);
        for (const s of c.funnel.steps) if (s.dropOff !== null) expect(s.dropOff >= 0 && s.dropOff <= 1).toBe(true);
        for (const p of [...c.pairs.sku, ...c.pairs.category]) {
          for (const v of [p.support, p.confidence, p.confidenceReverse]) expect(v > 0 && v <= 1).toBe(true);
        }
      }),
    );
  });

  it('platform figures add up to the total', () => {
    fc.assert(
      fc.property(input, ({ orders, traffic }) => {
        const { o, ov, core: c } = compute(toLines(orders), { ...NO_SIDE, traffic });
        if (ov.newBuyers.value !== null) expect(sum(c.byPlatform.map((p) => p.newBuyers.value ?? 0))).toBe(ov.newBuyers.value);
        if (ov.visitors.value !== null) expect(sum(c.conversionByPlatform.map((p) => p.visitors ?? 0))).toBe(ov.visitors.value);
        if (ov.visitors.value !== null) expect(sum(c.conversionByChannel.map((p) => p.visitors ?? 0))).toBe(ov.visitors.value);
        if (o.gmv.value !== null) expect(sum(ov.byWeek.map((w) => w.gmv.value!))).toBe(o.gmv.value);
        if (o.gmv.value !== null) expect(sum(ov.priceBands.bands.map((b) => b.gmvMinor))).toBeLessThanOrEqual(o.gmv.value);
        // orders assembled from adjacent lines are the same orders section 1 counts
        expect(c.counts.orders).toEqual([o.orders.value ?? 0, o.orders.previous ?? 0, o.orders.yearAgo ?? 0]);
        if (ov.newBuyers.value !== null) expect(ov.newBuyers.value + ov.returningBuyers.value!).toBe(o.buyers.value);
      }),
    );
  });

  it('lift(A→B) = lift(B→A), checked against basket counts made here', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 80 }), (orders) => {
        const lines = toLines(orders);
        const { core } = compute(lines, NO_SIDE, { pairMinBaskets: 1, pairMinSupport: 0.0001 });
        // Independent basket counts: SKUs of each order's lines paid in the quarter.
        const baskets = new Map<string, Set<string>>();
        for (const l of lines) {
          if (l.paidAt === null || l.paidAt < Q3_2026.current.startMs || l.paidAt >= Q3_2026.current.endMs || l.sku === null) continue;
          const key = `${l.platform}/${l.orderId}`;
          if (!baskets.has(key)) baskets.set(key, new Set());
          baskets.get(key)!.add(l.sku);
        }
        const n = baskets.size;
        const count = (...items: string[]) => [...baskets.values()].filter((b) => items.every((i) => b.has(i))).length;
        expect(core.pairs.baskets.sku).toBe(n);
        for (const p of core.pairs.sku) {
          const ab = count(p.a, p.b);
          const liftAB = ab / count(p.a) / (count(p.b) / n); // confidence(A→B) ÷ support(B)
          const liftBA = ab / count(p.b) / (count(p.a) / n); // confidence(B→A) ÷ support(A)
          expect(p.baskets).toBe(ab);
          expect(p.lift).toBeCloseTo(liftAB, 9);
          expect(p.lift).toBeCloseTo(liftBA, 9);
          expect(p.confidence).toBeCloseTo(ab / count(p.a), 12);
          expect(p.confidenceReverse).toBeCloseTo(ab / count(p.b), 12);
        }
      }),
    );
  });

  it('counts orders, buyers and refunds the same however the lines are shuffled', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 40 }), fc.integer({ min: 1, max: 1000 }), (orders, seed) => {
        const lines = toLines(orders);
        const shuffled = lines.map((l, i) => [((i + 1) * 7919 * seed) % 104729, l] as const).sort((a, b) => a[0] - b[0]).map(([, l]) => l);
        const a = compute(lines).core;
        const b = compute(shuffled).core;
        // Everything but the baskets (which need an order's lines together) is independent of line order.
        const { pairs: _pa, ...restA } = a;
        const { pairs: pb, ...restB } = b;
        expect(JSON.stringify(restB)).toBe(JSON.stringify(restA));
        if (pb.lateLines > 0) expect(pb.approximate).toBe(true);
      }),
    );
  });

  it('does not depend on the order in which whole orders arrive', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 40 }), fc.integer(), (orders, seed) => {
        const shuffled = [...orders.keys()].sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b);
        const a = compute(toLines(orders));
        // Keep each order's id with it so the same orders arrive in another sequence.
        const relabelled = toLines(orders);
        const byOrder = new Map<string, OrderLine[]>();
        for (const l of relabelled) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
        const reordered = shuffled.flatMap((i) => byOrder.get(`o${i}`) ?? []);
        const b = compute(reordered);
        expect(JSON.stringify(b.core)).toBe(JSON.stringify(a.core));
        expect(JSON.stringify(b.ov)).toBe(JSON.stringify(a.ov));
      }),
    );
  });
});
