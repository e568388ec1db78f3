// online_retail_sample.csv: 2,709 random lines of UCI Online Retail (Dec 2010 – Dec 2011), mapped
// from scratch with `preset: generic` + `columns:`. Quirks: an empty first header (the original
// row number, left unmapped), `NA` customer ids, `M/D/YYYY H:MM` dates (dateOrder: MDY), no
// line amount (paid amount = UnitPrice × Quantity), cancellations as invoices starting with C
// with negative quantities (ingest books a negative-quantity line as a refund of its amount),
// and non-product codes (POST, AMAZONFEE, …) that stay ordinary lines.
//
// Expected figures were computed from the raw file with a separate script (csv module,
// Decimal): per line UnitPrice rounded half-up to pence × Quantity; GMV = Σ over lines with
// Quantity ≥ 0, refunds = Σ |amount| over lines with Quantity < 0; orders = distinct InvoiceNo
// with a line of Quantity ≥ 0 (a cancellation invoice, all negative lines, refunds but is no
// order); buyers = distinct CustomerID other than NA with such a line; quarters by the
// invoice's calendar date.
import { describe, expect, it } from 'vitest';
import { haveRealData, ingestAll, metricsJson, quoted, realFile, realWorkspace } from './realdata.js';

describe.skipIf(!haveRealData)('online_retail_sample.csv (generic + columns)', () => {
  const yaml = `company: Online Retail
locale: en
currency: GBP
timezone: Europe/London
sources:
  - platform: web
    preset: generic
    files: [${quoted(realFile('online_retail_sample.csv'))}]
    dateOrder: MDY
    columns:
      order_id: InvoiceNo
      sku: StockCode
      product_name: Description
      quantity: Quantity
      paid_at: InvoiceDate
      unit_price: UnitPrice
      customer_id: CustomerID
      region: Country
`;

  const expected: Record<string, { gmv: number; refunds: number; orders: number; buyers: number }> = {
    '2010Q4': { gmv: 421_180, refunds: 4_810, orders: 152, buyers: 107 },
    '2011Q1': { gmv: 1_069_244, refunds: 97_535, orders: 426, buyers: 286 },
    '2011Q2': { gmv: 959_549, refunds: 63_445, orders: 462, buyers: 323 },
    '2011Q3': { gmv: 1_034_944, refunds: 14_722, orders: 475, buyers: 330 },
    '2011Q4': { gmv: 1_350_397, refunds: 904_477, orders: 659, buyers: 468 },
  };

  it('GMV, refunds, orders and buyers per quarter through the CLI', async () => {
    const dir = realWorkspace(yaml);
    for (const [quarter, want] of Object.entries(expected)) {
      const m = await metricsJson(dir, quarter);
      expect({
        gmv: m.overview.gmv.value,
        refunds: m.overview.refunds.value,
        orders: m.overview.orders.value,
        buyers: m.overview.buyers.value,
      }, quarter).toEqual(want);
    }
  });

  it('every line is kept: cancellations refunded, NA buyers empty, fee codes as lines', async () => {
    const { lines, result, problems } = await ingestAll(realWorkspace(yaml));
    expect(problems).toEqual([]);
    expect(result.files[0]).toMatchObject({ rowsRead: 2_709, rowsKept: 2_709 });
    // 57 lines have a negative quantity: the 50 on C invoices plus 7 stock adjustments.
    const negative = lines.filter((l) => l.quantity < 0);
    expect(negative).toHaveLength(57);
    expect(negative.every((l) => l.status === 'refunded' && l.paidAmountMinor === 0)).toBe(true);
    expect(lines.filter((l) => l.orderId.startsWith('C'))).toHaveLength(50);
    expect(lines.filter((l) => l.customerId === null)).toHaveLength(668);
    expect(lines.filter((l) => ['POST', 'AMAZONFEE', 'M', 'DOT', 'BANK CHARGES'].includes(l.sku ?? ''))).toHaveLength(15);
    // First data row: invoice 573442, 4 × 4.25 = 17.00, 10/31/2011 10:42 London (GMT) time.
    expect(lines[0]).toMatchObject({ orderId: '573442', sku: '21479', quantity: 4, unitPriceMinor: 425, paidAmountMinor: 1_700, customerId: '12488', paidAt: Date.UTC(2011, 9, 31, 10, 42) });
  });
});
