// woocommerce-orders fixture: semicolons, DMY dates, $ amounts, placeholders, a refund row with
// a negative quantity, status labels and slugs, a Total row.
import { describe, expect, it } from 'vitest';
import { fileBytes, runFixture } from './fixture.js';

const FILE = 'data/orders-2026.csv';
const text = (): string => fileBytes('woocommerce-orders', FILE).toString('utf8');

describe('woocommerce-orders quirks', () => {
  it('semicolon-separated, CRLF; a quoted field holds a semicolon', async () => {
    expect(text().split('\r\n', 1)[0]!.split(';')).toHaveLength(14);
    expect(text()).toContain(';"Mug; blue, 350ml";');
    const { lines } = await runFixture('woocommerce-orders');
    expect([...lines.values()].some((l) => l.productName === 'Mug; blue, 350ml')).toBe(true);
  });

  it('ambiguous 05/08/2026 is 5 August under dateOrder: DMY', async () => {
    expect(text()).toContain(';05/08/2026 10:15;');
    const { lines } = await runFixture('woocommerce-orders');
    // 10:15 in Sydney (AEST, +10) on 5 August.
    expect([...lines.values()].some((l) => l.paidAt === Date.UTC(2026, 7, 5, 0, 15))).toBe(true);
  });

  it('$1,234.50 amounts are read to the cent without quoting', async () => {
    const m = /;\$(\d{1,3}),(\d{3})\.(\d{2});/.exec(text());
    expect(m).not.toBeNull();
    const cents = Number(m![1]) * 100000 + Number(m![2]) * 100 + Number(m![3]);
    const { lines } = await runFixture('woocommerce-orders');
    expect([...lines.values()].some((l) => l.paidAmountMinor === cents || l.unitPriceMinor === cents)).toBe(true);
  });

  it('NA, null, - and empty are missing', async () => {
    for (const token of [';NA\r\n', ';null', ';-;']) expect(text()).toContain(token);
    const { result } = await runFixture('woocommerce-orders');
    expect(result.problems.list()).toEqual([]);
  });

  it('a negative quantity is a return: refund of that order, not negative sales', async () => {
    expect(text()).toMatch(/;-1;\$45\.00;-\$45\.00;/);
    const { lines } = await runFixture('woocommerce-orders');
    const ret = [...lines.values()].find((l) => l.quantity === -1)!;
    expect(ret).toMatchObject({ paidAmountMinor: 0, refundAmountMinor: 4500, status: 'refunded' });
    expect([...lines.values()].filter((l) => l.orderId === ret.orderId).length).toBeGreaterThan(1);
  });

  it('status labels and wc- slugs map; the Total row is skipped', async () => {
    expect(text()).toMatch(/;(Processing|On hold|Pending payment|wc-completed);/);
    expect(text()).toMatch(/\r\nTotal;/);
    const { result, lines } = await runFixture('woocommerce-orders');
    expect(result.files[0]!.skipped.summary).toBe(1);
    for (const l of lines.values()) if (l.status === 'pending' || l.status === 'cancelled') expect(l.paidAt).toBeNull();
  });
});
