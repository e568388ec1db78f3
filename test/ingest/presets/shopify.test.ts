// shopify-orders fixture: one row per line item with order-level fields on the first row only,
// offsets in timestamps, quoted names, Refunded Amount once per order.
import { describe, expect, it } from 'vitest';
import { fileBytes, runFixture } from './fixture.js';

const FILE = 'data/orders_export_1.csv';
const text = (): string => fileBytes('shopify-orders', FILE).toString('utf8');

describe('shopify-orders quirks', () => {
  it('continuation rows leave the order-level fields blank and inherit them', async () => {
    // The second and third rows of #1001 carry no Email / Financial Status / Paid at.
    expect(text().split('\n')[2]).toMatch(/^#1001,,,,/);
    const { lines } = await runFixture('shopify-orders');
    const order = [...lines.values()].filter((l) => l.orderId === '#1001');
    expect(order).toHaveLength(3);
    const [first, ...rest] = order;
    for (const l of rest) {
      expect(l.status).toBe(first!.status);
      expect(l.paidAt).toBe(first!.paidAt);
      expect(l.customerId).toBe(first!.customerId);
      expect(l.paidAt).not.toBeNull();
    }
  });

  it('a line\'s amount is Lineitem price × quantity − Lineitem discount (no Total per line)', async () => {
    const { lines, expected } = await runFixture('shopify-orders');
    const spot = expected.spots.find((s) => s.quirk.startsWith('line amount'))!;
    expect(lines.get(`${spot.orderId}\u0000${spot.lineId}`)?.paidAmountMinor).toBe(spot.expect['paidAmountMinor']);
  });

  it('timestamps with offsets: +0800 on 1 July is 30 June in New York (previous quarter)', async () => {
    expect(text()).toContain('2026-07-01 08:30:00 +0800');
    const { lines } = await runFixture('shopify-orders');
    const line = [...lines.values()].find((l) => l.createdAt === Date.UTC(2026, 6, 1, 0, 30));
    expect(line).toBeDefined();
  });

  it('line names with commas and doubled quotes are one field', async () => {
    expect(text()).toContain('"Tote ""Classic"", Large"');
    const { lines } = await runFixture('shopify-orders');
    expect([...lines.values()].some((l) => l.productName === 'Tote "Classic", Large')).toBe(true);
  });

  it('Refunded Amount is counted once per order, on its first line', async () => {
    const { lines } = await runFixture('shopify-orders');
    const byOrder = new Map<string, number[]>();
    for (const l of lines.values()) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l.refundAmountMinor]);
    const refundedOrders = [...byOrder.values()].filter((r) => r.some((x) => x > 0));
    expect(refundedOrders.length).toBeGreaterThan(0);
    for (const r of refundedOrders) expect(r.slice(1).every((x) => x === 0)).toBe(true);
  });

  it('financial statuses map: pending unpaid, voided cancelled, refunded / partially_refunded kept', async () => {
    const { lines } = await runFixture('shopify-orders');
    const seen = new Set([...lines.values()].map((l) => l.status));
    expect([...seen].sort()).toEqual(expect.arrayContaining(['paid', 'refunded']));
    for (const l of lines.values()) if (l.status === 'pending' || l.status === 'cancelled') expect(l.paidAt).toBeNull();
  });
});
