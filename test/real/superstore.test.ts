// Sample - Superstore.xls: the classic retail sample (Orders, Returns, People sheets), mapped
// from scratch with `preset: generic` + `columns:`, `sheet: Orders`, and the Returns sheet
// joined by Order ID. README figures: 5,009 distinct orders, Σ Sales 2,297,200.86 (unrounded),
// Order Date 2011-01-04 … 2014-12-31. The per-quarter and return figures were computed from a
// LibreOffice CSV conversion of the two sheets, with each Sales cell rounded half-up to cents
// (as ingest stores money in whole cents) — an independent reader and an independent sum.
import { describe, expect, it } from 'vitest';
import { epochToLocalDate } from '../../src/time/zone.js';
import { haveRealData, ingestAll, metricsJson, quoted, realFile, realWorkspace } from './realdata.js';

describe.skipIf(!haveRealData)('Sample - Superstore.xls (generic + columns + Returns join)', () => {
  const yaml = `company: Superstore
locale: en
currency: USD
timezone: America/New_York
sources:
  - platform: superstore
    preset: generic
    files: [${quoted(realFile('Sample - Superstore.xls'))}]
    sheet: Orders
    columns:
      order_id: Order ID
      line_id: Row ID
      paid_at: Order Date
      created_at: Order Date
      shipped_at: Ship Date
      customer_id: Customer ID
      sku: Product ID
      product_name: Product Name
      category: Category
      quantity: Quantity
      paid_amount: Sales
      region: Region
    join:
      kind: returns
      sheet: Returns
      on: Order ID
`;

  it('all 9,994 lines, 5,009 orders, the README sales total to the cent-rounding, the date range', async () => {
    const { lines, result, problems } = await ingestAll(realWorkspace(yaml));
    expect(problems).toEqual([]);
    expect(result.files[0]).toMatchObject({ encoding: 'xls', rowsRead: 9_994, rowsKept: 9_994 });
    expect(lines).toHaveLength(9_994);
    expect(new Set(lines.map((l) => l.orderId)).size).toBe(5_009);
    const sales = lines.reduce((s, l) => s + l.paidAmountMinor, 0);
    // Sales cells carry up to 4 decimals; each line is rounded to cents, so the total may move
    // from the README's 2,297,200.86 by at most half a cent per line.
    expect(Math.abs(sales - 229_720_086)).toBeLessThanOrEqual(9_994 / 2);
    expect(sales).toBe(229_720_107);
    const zone = 'America/New_York';
    expect(epochToLocalDate(zone, result.files[0]!.firstAt as number)).toBe('2011-01-04');
    expect(epochToLocalDate(zone, result.files[0]!.lastAt as number)).toBe('2014-12-31');
    // Non-breaking spaces inside product names are kept (225 lines have one).
    expect(lines.filter((l) => l.productName?.includes('\u00a0'))).toHaveLength(225);
  });

  it('the Returns sheet refunds its 296 orders in full', async () => {
    const { lines, result } = await ingestAll(realWorkspace(yaml));
    const refunded = lines.filter((l) => l.status === 'refunded');
    expect(new Set(refunded.map((l) => l.orderId)).size).toBe(296);
    expect(refunded).toHaveLength(800);
    expect(refunded.every((l) => l.refundAmountMinor === l.paidAmountMinor)).toBe(true);
    expect(refunded.reduce((s, l) => s + l.refundAmountMinor, 0)).toBe(18_050_430);
    expect(result.files[0]!.joined).toEqual([
      { file: expect.stringMatching(/Sample - Superstore\.xls \(sheet Returns\)$/), kind: 'returns', encoding: 'xls', rowsRead: 296, rowsKept: 296, unmatched: 0 },
    ]);
  });

  it('2014Q4 through the CLI: GMV, refunds, orders, buyers', async () => {
    const m = await metricsJson(realWorkspace(yaml), '2014Q4');
    expect(m.overview.gmv.value).toBe(28_059_484);
    expect(m.overview.refunds.value).toBe(1_791_205);
    expect(m.overview.orders.value).toBe(637);
    expect(m.overview.buyers.value).toBe(439);
    expect(m.overview.gmv.previous).toBe(20_043_315);
    expect(m.overview.gmv.yearAgo).toBe(23_589_300);
  });
});
