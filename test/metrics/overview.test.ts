// Every expected value below was worked out by hand from the literal table (see comments).
import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../../src/canonical.js';
import { computeOverview, type OverviewInput } from '../../src/metrics/overview.js';
import { line } from '../helpers/order-line.js';

// Asia/Shanghai is UTC+8 all year: local wall time → epoch by subtracting 8 hours.
const sh = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);

const input: OverviewInput = {
  periods: {
    current: { label: '2026Q3', start: '2026-07-01', end: '2026-09-30', startMs: sh(2026, 7, 1), endMs: sh(2026, 10, 1) },
    previous: { label: '2026Q2', start: '2026-04-01', end: '2026-06-30', startMs: sh(2026, 4, 1), endMs: sh(2026, 7, 1) },
    yearAgo: { label: '2025Q3', start: '2025-07-01', end: '2025-09-30', startMs: sh(2025, 7, 1), endMs: sh(2025, 10, 1) },
  },
  monthBoundaries: (() => {
    const out = [];
    for (let i = 0; i <= 25; i++) {
      const idx = 2024 * 12 + 8 + i; // from 2024-09 to 2026-10 (the closing boundary)
      const y = Math.floor(idx / 12);
      const m = (idx % 12) + 1;
      out.push({ month: `${y}-${String(m).padStart(2, '0')}`, startMs: sh(y, m, 1) });
    }
    return out;
  })(),
};


const lines: OrderLine[] = [
  // current quarter (2026Q3)
  line({ platform: 'tmall', orderId: 'o1', lineId: 'l1', customerId: 'A', paidAt: sh(2026, 7, 5, 10), paidAmountMinor: 10000, category: '女装' }),
  line({ platform: 'tmall', orderId: 'o1', lineId: 'l2', customerId: 'A', paidAt: sh(2026, 7, 5, 10), paidAmountMinor: 5000, category: '美妆', status: 'refunded', refundAmountMinor: 5000 }),
  line({ platform: 'tmall', orderId: 'o2', customerId: 'B', paidAt: sh(2026, 9, 30, 23, 30), paidAmountMinor: 20000, category: '女装' }),
  line({ platform: 'jd', orderId: 'o1', customerId: 'A', paidAt: sh(2026, 8, 1, 12), paidAmountMinor: 8000, category: '食品', status: 'partially_refunded', refundAmountMinor: 3000 }),
  line({ platform: 'jd', orderId: 'o2', customerId: 'C', createdAt: sh(2026, 8, 15), paidAmountMinor: 99999, category: '食品', status: 'cancelled' }),
  line({ platform: 'jd', orderId: 'o3', customerId: 'C', createdAt: sh(2026, 8, 16), paidAmountMinor: 50000, category: '食品', status: 'pending' }),
  line({ platform: 'tmall', orderId: 'o3', customerId: null, paidAt: sh(2026, 7, 1, 0, 5), paidAmountMinor: 3000 }),
  // next quarter: outside every period
  line({ platform: 'tmall', orderId: 'o4', customerId: 'D', paidAt: sh(2026, 10, 1, 0, 10), paidAmountMinor: 7000, category: '女装' }),
  // previous quarter (2026Q2)
  line({ platform: 'tmall', orderId: 'o5', customerId: 'A', paidAt: sh(2026, 6, 30, 23, 50), paidAmountMinor: 15000, category: '女装' }),
  line({ platform: 'jd', orderId: 'o4', customerId: 'E', paidAt: sh(2026, 5, 10, 9), paidAmountMinor: 10000, category: '食品' }),
  // a year earlier (2025Q3): tmall only, so jd has no year-ago figure
  line({ platform: 'tmall', orderId: 'o6', customerId: 'B', paidAt: sh(2025, 8, 8, 20), paidAmountMinor: 12000, category: '女装', refundAmountMinor: 2000, status: 'partially_refunded' }),
];

describe('overview figures', () => {
  const o = computeOverview(lines, input);

  it('GMV counts paid, non-cancelled lines paid inside each period', () => {
    // 10000 + 5000 + 20000 + 8000 + 3000; previous 15000 + 10000; year ago 12000
    expect(o.gmv).toMatchObject({ value: 46000, previous: 25000, yearAgo: 12000, unit: 'minor' });
    expect(o.gmv.qoq).toBeCloseTo(21000 / 25000, 10);
    expect(o.gmv.yoy).toBeCloseTo(34000 / 12000, 10);
  });

  it('refunds and net sales; a zero base gives no growth rate', () => {
    expect(o.refunds).toMatchObject({ value: 8000, previous: 0, yearAgo: 2000, qoq: null, yoy: 3 });
    expect(o.netSales).toMatchObject({ value: 38000, previous: 25000, yearAgo: 10000 });
    expect(o.netSales.qoq).toBeCloseTo(0.52, 10);
    expect(o.netSales.yoy).toBeCloseTo(2.8, 10);
  });

  it('orders are distinct platform+order, buyers distinct platform+customer', () => {
    expect(o.orders).toMatchObject({ value: 4, previous: 2, yearAgo: 1, qoq: 1, yoy: 3 });
    // tmall A, tmall B, jd A — the line without a customer id is not a buyer
    expect(o.buyers).toMatchObject({ value: 3, previous: 2, yearAgo: 1, qoq: 0.5, yoy: 2 });
    expect(o.counts.linesWithoutBuyer.current).toBe(1);
    expect(o.counts.paidLines).toEqual({ current: 5, previous: 2, yearAgo: 1 });
    expect(o.counts.linesCancelledOrUnpaid).toBe(2);
    expect(o.counts.linesSeen).toBe(11);
  });

  it('splits by platform with shares; a platform without data in a period has null there', () => {
    const [tmall, jd] = o.byPlatform;
    expect(tmall).toMatchObject({ key: 'tmall', gmv: { value: 38000, previous: 15000, yearAgo: 12000 } });
    expect(tmall!.share).toBeCloseTo(38000 / 46000, 10);
    expect(jd).toMatchObject({ key: 'jd', gmv: { value: 8000, previous: 10000, yearAgo: null, yoy: null } });
    expect(jd!.share).toBeCloseTo(8000 / 46000, 10);
    expect(jd!.gmv.qoq).toBeCloseTo(-0.2, 10);
  });

  it('splits by category, largest first, with a bucket for lines without one', () => {
    expect(o.byCategory.map((r) => [r.key, r.gmv.value])).toEqual([
      ['女装', 30000],
      ['食品', 8000],
      ['美妆', 5000],
      ['(none)', 3000],
    ]);
  });

  it('monthly trend: 12 months to the quarter end, null where there is no data', () => {
    expect(o.byMonth.map((r) => r.month)).toEqual([
      '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
      '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09',
    ]);
    const byMonth = Object.fromEntries(o.byMonth.map((r) => [r.month, r.gmv]));
    expect(byMonth['2025-10']!.value).toBeNull();
    expect(byMonth['2026-05']!.value).toBe(10000);
    expect(byMonth['2026-06']!.value).toBe(15000);
    expect(byMonth['2026-07']).toMatchObject({ value: 18000, previous: 15000, yearAgo: null, yoy: null });
    expect(byMonth['2026-07']!.qoq).toBeCloseTo(0.2, 10);
    expect(byMonth['2026-08']).toMatchObject({ value: 8000, yearAgo: 12000 });
    expect(byMonth['2026-08']!.yoy).toBeCloseTo(-1 / 3, 10);
    expect(byMonth['2026-09']!.value).toBe(20000);
  });

  it('a quarter with no data at all has null figures, not zeros', () => {
    const empty = computeOverview([], input);
    expect(empty.gmv).toMatchObject({ value: null, previous: null, yearAgo: null, qoq: null, yoy: null });
    expect(empty.byPlatform).toEqual([]);
  });
});
