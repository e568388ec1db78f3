// amazon-orders fixture: the All Orders Report flat file (tab-separated .txt).
import { describe, expect, it } from 'vitest';
import { fileBytes, runFixture } from './fixture.js';

const FILE = 'data/All Orders Report.txt';
const text = (): string => fileBytes('amazon-orders', FILE).toString('utf8');

describe('amazon-orders quirks', () => {
  it('a tab-separated .txt flat file is read as a table', async () => {
    expect(text().split('\n', 1)[0]!.split('\t')).toHaveLength(29);
    const { result, expected } = await runFixture('amazon-orders');
    expect(result.orderLines).toBe(expected.orderLines);
  });

  it('ISO timestamps with +00:00 and -07:00 offsets; 05:30 UTC on 1 July is Q2 in Los Angeles', async () => {
    expect(text()).toContain('\t2026-07-01T05:30:00+00:00\t');
    expect(text()).toMatch(/\t2026-\d\d-\d\dT\d\d:\d\d:\d\d-07:00\t/);
    const { lines } = await runFixture('amazon-orders');
    expect([...lines.values()].some((l) => l.paidAt === Date.UTC(2026, 6, 1, 5, 30))).toBe(true);
  });

  it('Pending and Cancelled orders with an empty item-price are kept as unpaid, not errors', async () => {
    expect(text()).toMatch(/\tPending\t/);
    const { lines, result } = await runFixture('amazon-orders');
    expect(result.problems.list()).toEqual([]);
    const unpaid = [...lines.values()].filter((l) => l.status === 'pending' || l.status === 'cancelled');
    expect(unpaid.length).toBeGreaterThan(0);
    for (const l of unpaid) expect(l.paidAt).toBeNull();
  });

  it('item-price less the (negative) item-promotion-discount is the paid amount', async () => {
    expect(text()).toMatch(/\t-\d+\.\d\d\t\t/);
    const { lines, expected } = await runFixture('amazon-orders');
    const spot = expected.spots.find((s) => s.quirk.startsWith('item-price'))!;
    expect(spot).toBeDefined();
    expect(lines.get(`${spot.orderId}\u0000${spot.lineId}`)?.paidAmountMinor).toBe(spot.expect['paidAmountMinor']);
  });

  it('the same sku twice in one order is two lines; a returned order is refunded in full', async () => {
    const { lines } = await runFixture('amazon-orders');
    expect([...lines.values()].filter((l) => l.sku === 'AMZ-MUG-01').map((l) => l.lineId)).toEqual(['AMZ-MUG-01', 'AMZ-MUG-01#2']);
    const returned = [...lines.values()].filter((l) => l.status === 'refunded');
    expect(returned.length).toBeGreaterThan(0);
    for (const l of returned) expect(l.refundAmountMinor).toBe(l.paidAmountMinor);
  });
});
