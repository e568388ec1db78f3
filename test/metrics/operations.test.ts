// Inventory, supply and delivery figures against a literal table; every expected value is
// worked out by hand in the comments (amounts in fen).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InventorySnapshot, OrderLine, PurchaseOrder, ServiceTicket } from '../../src/canonical.js';
import { SaleDays, computeOperations, lateness, type OperationsInput } from '../../src/metrics/operations.js';
import { line, periods, sh, twoBack } from './review-fixture.js';

const input: OperationsInput = {
  periods,
  twoBack,
  timeZone: 'Asia/Shanghai',
  settings: { slowMovingDays: 60, topSellerShare: 0.5, shipSlaHours: 48 },
};

const lines: OrderLine[] = [
  // 2026Q3
  line({ platform: 'tmall', orderId: 'A', lineId: '1', sku: 'S1', quantity: 2, paidAt: sh(2026, 7, 10, 10), paidAmountMinor: 10000, category: '女装', region: '浙江省', shippedAt: sh(2026, 7, 11, 9) }), // shipped after 23 h: on time
  line({ platform: 'tmall', orderId: 'A', lineId: '2', sku: 'S2', quantity: 1, paidAt: sh(2026, 7, 10, 10), paidAmountMinor: 6000, category: '美妆', region: '浙江省', shippedAt: sh(2026, 7, 11, 9) }),
  line({ platform: 'tmall', orderId: 'B', sku: 'S1', quantity: 1, paidAt: sh(2026, 8, 2, 20), paidAmountMinor: 5000, category: '女装', region: '江苏省', shippedAt: sh(2026, 8, 5, 8) }), // 60 h: late
  line({ platform: 'douyin', orderId: 'C', sku: 'S3', quantity: 3, paidAt: sh(2026, 9, 20, 12), paidAmountMinor: 9000, category: '食品', region: '江苏省', isLive: true }), // no times: unchecked
  line({ platform: 'douyin', orderId: 'D', sku: 'S9', quantity: 1, paidAt: sh(2026, 9, 21, 12), paidAmountMinor: 4000, category: '食品', isLive: false }), // S9 has no snapshot
  // delivered after the promise: late, although it shipped within 2 hours
  line({ platform: 'jd', orderId: 'G', sku: 'S2', quantity: 1, paidAt: sh(2026, 9, 1, 10), paidAmountMinor: 3000, category: '美妆', region: '浙江省', shippedAt: sh(2026, 9, 1, 12), deliveredAt: sh(2026, 9, 4, 10), promisedAt: sh(2026, 9, 3, 10) }),
  // cancelled: ignored everywhere
  line({ platform: 'tmall', orderId: 'X', sku: 'S2', quantity: 9, createdAt: sh(2026, 8, 1), paidAt: null, status: 'cancelled', paidAmountMinor: 99999, category: '美妆' }),
  // 2026Q2
  line({ platform: 'tmall', orderId: 'E', sku: 'S1', quantity: 4, paidAt: sh(2026, 5, 10, 10), paidAmountMinor: 20000, category: '女装', region: '浙江省', shippedAt: sh(2026, 5, 10, 20) }),
  line({ platform: 'store', orderId: 'H', sku: 'S4', quantity: 1, paidAt: sh(2026, 6, 15, 10), paidAmountMinor: 1000, category: '家居' }),
  // 2026Q1 (two quarters back)
  line({ platform: 'tmall', orderId: 'F', sku: 'S2', quantity: 1, paidAt: sh(2026, 2, 10, 10), paidAmountMinor: 8000, category: '美妆' }),
];

const snap = (date: string, sku: string, onHand: number, unitCostMinor: number | null): InventorySnapshot => ({ date, sku, category: null, onHand, unitCostMinor });
const inventory: InventorySnapshot[] = [
  snap('2026-06-30', 'S1', 10, 1000), snap('2026-06-30', 'S2', 5, 2000), snap('2026-06-30', 'S3', 0, 500), snap('2026-06-30', 'S4', 4, 300),
  snap('2026-07-31', 'S1', 8, 1000), snap('2026-07-31', 'S2', 5, 2000), snap('2026-07-31', 'S3', 20, 500), snap('2026-07-31', 'S4', 4, 300),
  snap('2026-08-31', 'S1', 0, 1000), snap('2026-08-31', 'S2', 4, 2000), snap('2026-08-31', 'S3', 15, 500), snap('2026-08-31', 'S4', 4, 300),
  snap('2026-09-30', 'S1', 6, 1200), snap('2026-09-30', 'S2', 4, 2000), snap('2026-09-30', 'S3', 12, 500), snap('2026-09-30', 'S4', 4, 300),
];

const po = (poId: string, supplier: string, sku: string, quantity: number, orderedAt: number, receivedAt: number | null): PurchaseOrder => ({ poId, supplier, sku, quantity, orderedAt, receivedAt });
const purchaseOrders: PurchaseOrder[] = [
  po('P1', 'X', 'S1', 10, sh(2026, 7, 1, 10), sh(2026, 7, 11, 10)), // 10 days
  po('P2', 'X', 'S2', 5, sh(2026, 7, 20, 9), sh(2026, 8, 9, 21)), // 20.5 days
  po('P3', 'Y', 'S3', 100, sh(2026, 6, 25), sh(2026, 7, 2)), // 7 days, received in Q3
  po('P4', 'Y', 'S3', 50, sh(2026, 9, 25), null), // open
  po('P5', 'X', 'S1', 10, sh(2026, 6, 10), sh(2026, 6, 20)), // 10 days, Q2
];

const ticket = (id: string, createdAt: number): ServiceTicket => ({ ticketId: id, platform: null, createdAt, firstResponseAt: null, resolvedAt: null, kind: null, reason: null, satisfaction: null, escalated: null });
const tickets = [ticket('T1', sh(2026, 7, 2)), ticket('T2', sh(2026, 9, 30, 23, 30)), ticket('T3', sh(2026, 10, 1, 0, 10)), ticket('T4', sh(2026, 5, 1))];

const ops = computeOperations(lines, { inventory, purchaseOrders, tickets }, input);

describe('inventory turnover', () => {
  // Q3 GMV 10000+6000+5000+9000+4000+3000 = 37000. Units: S1 3, S2 2, S3 3, S9 1.
  // Unit cost at 09-30: S1 1200 (its latest snapshot), S2 2000, S3 500; S9 has none.
  // Costed lines: 3×1200 + 2×2000 + 3×500 = 9100 on GMV 33000; COGS = 9100 × 37000 / 33000 = 10203.03 → 10203.
  it('scales the costed lines to all GMV', () => {
    expect(ops.inventory.cogs.value).toBe(10203);
    expect(ops.inventory.costCoverage).toBeCloseTo(33000 / 37000, 12);
  });
  // Stock at cost: 06-30 (opening) 10×1000+5×2000+0+4×300 = 21200; 07-31 8000+10000+10000+1200 = 29200;
  // 08-31 0+8000+7500+1200 = 16700; 09-30 6×1200+8000+6000+1200 = 22400. Mean 89500 / 4 = 22375.
  it('averages the opening and in-quarter snapshots', () => {
    expect(ops.inventory.averageCost.value).toBe(22375);
  });
  it('annualises COGS over the quarter’s 92 days', () => {
    expect(ops.inventory.turnover.value).toBeCloseTo((10203 * 365) / 92 / 22375, 12);
    expect(ops.inventory.daysOfInventory.value).toBeCloseTo(365 / ((10203 * 365) / 92 / 22375), 9);
    // Q2: S1 4 units × 1000 (06-30 cost) + S4 1 × 300 = 4300, all lines costed; stock only 06-30 = 21200.
    expect(ops.inventory.cogs.previous).toBe(4300);
    expect(ops.inventory.turnover.previous).toBeCloseTo((4300 * 365) / 91 / 21200, 12);
    // 2025Q3 has no order data at all.
    expect(ops.inventory.turnover.yearAgo).toBeNull();
  });
  it('is n/a without snapshots', () => {
    const none = computeOperations(lines, { inventory: [], purchaseOrders, tickets }, input);
    expect(none.inventory.turnover.value).toBeNull();
    expect(none.inventory.turnover.reason).toBe('no inventory snapshots');
    expect(none.slowMoving.share.value).toBeNull();
    expect(none.topSellerStockOut.rate.value).toBeNull();
  });
});

describe('slow-moving SKUs', () => {
  // At 09-30 all four SKUs are stocked. Last sales: S1 08-02, S2 09-01, S3 09-20, S4 06-15.
  // The 60 days up to 09-30 are 08-02…09-30: only S4 sold nothing there.
  it('counts stocked SKUs without a sale in the window', () => {
    expect(ops.slowMoving.share.value).toBe(1 / 4);
    expect(ops.slowMoving.slowSkus).toBe(1);
    expect(ops.slowMoving.stockedSkus).toBe(4);
    expect(ops.slowMoving.stockCostMinor).toBe(4 * 300);
    expect(ops.slowMoving.asOf).toBe('2026-09-30');
    expect(ops.slowMoving.top).toEqual([{ sku: 'S4', category: null, onHand: 4, stockCostMinor: 1200, lastSale: '2026-06-15' }]);
  });
  it('treats a sale exactly 60 days before the snapshot as outside the window', () => {
    const edge = computeOperations(
      [line({ platform: 't', orderId: 'e', sku: 'S1', paidAt: sh(2026, 8, 1, 23, 59), paidAmountMinor: 100 })],
      { inventory: [snap('2026-09-30', 'S1', 3, 100)], purchaseOrders: [], tickets: [] },
      input,
    );
    expect(edge.slowMoving.share.value).toBe(1);
    const inside = computeOperations(
      [line({ platform: 't', orderId: 'e', sku: 'S1', paidAt: sh(2026, 8, 2, 0, 1), paidAmountMinor: 100 })],
      { inventory: [snap('2026-09-30', 'S1', 3, 100)], purchaseOrders: [], tickets: [] },
      input,
    );
    expect(inside.slowMoving.share.value).toBe(0);
  });
});

describe('top-seller stock-outs', () => {
  // Snapshot SKUs sold in Q3 by GMV: S1 15000, S2 9000, S3 9000 (tie: S2 before S3 by name).
  // Top 50% of 3 = ceil(1.5) = 2: S1, S2. In-quarter snapshots 07-31, 08-31, 09-30: 6 observations,
  // S1 is at 0 on 08-31: 1 out. Their GMV 24000.
  it('counts zero-stock snapshots of the top sellers', () => {
    expect(ops.topSellerStockOut.rate.value).toBe(1 / 6);
    expect(ops.topSellerStockOut).toMatchObject({ topSellers: 2, observations: 6, outs: 1, topSellerGmvMinor: 24000, outSkus: [{ sku: 'S1', outs: 1 }] });
  });
});

describe('late delivery by region', () => {
  // Orders A (浙江, on time), B (江苏, shipped after 60 h: late), G (浙江, delivered after the promise:
  // late); C and D have no times. 3 checked, 2 late.
  it('checks orders by promise, else by shipping SLA', () => {
    expect(ops.lateDelivery.rate.value).toBe(2 / 3);
    expect(ops.lateDelivery.uncheckedLines).toBe(2); // the lines of C and D
    expect(ops.lateDelivery.byRegion).toEqual([
      { region: '江苏省', orders: 1, late: 1, rate: 1, lateGmvMinor: 5000 },
      { region: '浙江省', orders: 2, late: 1, rate: 0.5, lateGmvMinor: 3000 },
    ]);
    // Q2: order E shipped after 10 h.
    expect(ops.lateDelivery.rate.previous).toBe(0);
  });
  it('applies the rules line by line', () => {
    const base = line({ platform: 't', orderId: 'o', paidAt: sh(2026, 7, 1) });
    expect(lateness({ ...base, shippedAt: sh(2026, 7, 3) }, 48)).toBe('onTime'); // exactly 48 h
    expect(lateness({ ...base, shippedAt: sh(2026, 7, 3, 0, 1) }, 48)).toBe('late');
    expect(lateness({ ...base, deliveredAt: sh(2026, 7, 9), promisedAt: sh(2026, 7, 9) }, 48)).toBe('onTime');
    expect(lateness(base, 48)).toBe('unknown');
  });
});

describe('supplier lead time', () => {
  // Received in Q3: P1 10 d, P2 20.5 d (X); P3 7 d (Y). Mean (10 + 20.5 + 7) / 3 = 12.5.
  // X: mean 15.25, received at cost 10×1200 + 5×2000 = 22000. Y: 7 d, 100×500 = 50000.
  it('averages receipts in the quarter, by supplier', () => {
    expect(ops.supply.leadTime.value).toBeCloseTo(12.5, 12);
    expect(ops.supply.leadTime.previous).toBeCloseTo(10, 12);
    expect(ops.supply.bySupplier).toEqual([
      { supplier: 'X', purchaseOrders: 2, meanDays: 15.25, receivedCostMinor: 22000 },
      { supplier: 'Y', purchaseOrders: 1, meanDays: 7, receivedCostMinor: 50000 },
    ]);
    expect(ops.supply.purchaseOrders).toBe(3);
    expect(ops.supply.openPurchaseOrders).toBe(1);
  });
});

describe('category shares, live share and tickets', () => {
  // Q3: 女装 15000, 食品 13000, 美妆 9000 of 37000. Q2: 女装 20000, 家居 1000 of 21000. Q1: 美妆 8000 of 8000.
  it('gives each category its share in three quarters', () => {
    expect(ops.categoryShares).toEqual([
      { key: '女装', gmvMinor: 15000, shares: [15000 / 37000, 20000 / 21000, 0] },
      { key: '食品', gmvMinor: 13000, shares: [13000 / 37000, 0, 0] },
      { key: '美妆', gmvMinor: 9000, shares: [9000 / 37000, 0, 1] },
      { key: '家居', gmvMinor: 0, shares: [0, 1000 / 21000, 0] },
    ]);
  });
  it('takes live share over lines that say live or not', () => {
    // Q3: C (live, 9000) and D (not live) say; GMV 37000. Q2: no line says: n/a.
    expect(ops.liveShare.value).toBe(9000 / 37000);
    expect(ops.liveShare.previous).toBeNull();
  });
  it('counts tickets created in each period', () => {
    // T1 and T2 (23:30 on 09-30) in Q3; T3 is 10-01; T4 in Q2.
    expect(ops.tickets.value).toBe(2);
    expect(ops.tickets.previous).toBe(1);
    expect(ops.periodDays).toEqual({ current: 92, previous: 91, yearAgo: 92 });
  });
});

describe('SaleDays', () => {
  it('answers the latest day on or before a day like a set of days', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 19_000, max: 21_000 }), { minLength: 1, maxLength: 200 }), fc.array(fc.integer({ min: 18_900, max: 21_100 }), { maxLength: 50 }), (days, asks) => {
        const bits = new SaleDays(days[0]!);
        for (const d of days) bits.add(d);
        for (const a of asks) {
          const expected = days.filter((d) => d <= a).reduce<number | null>((m, d) => (m === null || d > m ? d : m), null);
          expect(bits.lastOnOrBefore(a)).toBe(expected);
        }
      }),
    );
  });
});
