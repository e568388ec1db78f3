// The compiled order-line reader: literal header rows and records in, order lines and problems
// out, with every expected value worked out by hand from the cells.
import { describe, expect, it } from 'vitest';
import { CsvParser } from '../../src/ingest/csv.js';
import { planColumns } from '../../src/ingest/mapping.js';
import { OrderLineReader, type OrderLineDraft } from '../../src/ingest/order-reader.js';
import { presetFor } from '../../src/ingest/presets/index.js';
import { RecordBatch } from '../../src/ingest/record-batch.js';
import type { CellProblem, RowContext } from '../../src/ingest/rows.js';

/** A record as the CSV reader gives it: cells where they lie in the UTF-8 bytes, with or without the bytes at hand. */
function scanned(fields: string[], withBytes: boolean): RecordBatch {
  const bytes = Buffer.from(fields.join(',') + '\n');
  const parser = new CsvParser(',');
  parser.push(bytes.toString('latin1'), withBytes ? bytes : undefined);
  const batch = new RecordBatch();
  parser.parse(batch, Infinity, true);
  expect(batch.length).toBe(1);
  return batch;
}

/**
 * Reads each record three ways — cells as strings (workbooks), as positions in the UTF-8 bytes of
 * the text (CSV) given with the bytes or found from their image — with a reader each, checks that
 * all three agree, and returns the line.
 */
function readerFor(presetName: 'generic' | 'shopify-orders', header: string[], optional?: string[]) {
  const preset = presetFor(presetName, 'order_lines')!;
  const { plan, problems } = planColumns(header, preset, {}, { optional });
  expect(problems).toEqual([]);
  const ctx: RowContext = { timeZone: 'Asia/Shanghai', amountsIn: 'major', preset };
  const statusHeader = plan.bindings.find((b) => b.field === 'status')?.header ?? 'status';
  const make = () => new OrderLineReader(plan, ctx, 'store', statusHeader, preset.carryForward);
  const readers = [make(), make(), make()];
  return {
    read(fields: string[], problems: CellProblem[], orderId?: string): OrderLineDraft | undefined {
      const batches = [RecordBatch.of([{ row: 2, fields }]), scanned(fields, false), scanned(fields, true)];
      const results = readers.map((reader, i) => {
        const own: CellProblem[] = [];
        return { line: reader.read(batches[i]!, 0, own, orderId), problems: own };
      });
      expect(results[1]).toEqual(results[0]);
      expect(results[2]).toEqual(results[0]);
      problems.push(...results[0]!.problems);
      return results[0]!.line;
    },
  };
}

// Asia/Shanghai is UTC+8 all year.
const shanghai = (y: number, m: number, d: number, h: number, min = 0): number => Date.UTC(y, m - 1, d, h - 8, min);

const GENERIC = ['order_id', 'line_id', 'paid_at', 'quantity', 'unit_price', 'paid_amount', 'status', 'refund_amount', 'region', 'is_live'];

describe('OrderLineReader (generic columns)', () => {
  it('fills every bound column of a line and leaves the others empty', () => {
    const reader = readerFor('generic', GENERIC);
    const problems: CellProblem[] = [];
    const line = reader.read(['O1', '1', '2026-07-01 10:00:00', '2', '12.50', '25.00', 'partially_refunded', '5.00', '浙江', 'true'], problems);
    expect(problems).toEqual([]);
    expect(line).toEqual({
      platform: 'store',
      orderId: 'O1',
      lineId: '1',
      orderKey: -1,
      buyerKey: -1,
      createdAt: null,
      paidAt: shanghai(2026, 7, 1, 10),
      customerId: null,
      sku: null,
      productName: null,
      category: null,
      quantity: 2,
      unitPriceMinor: 1250,
      paidAmountMinor: 2500,
      discountMinor: 0,
      shippingMinor: 0,
      status: 'partially_refunded',
      refundAmountMinor: 500,
      refundReason: null,
      channel: null,
      campaign: null,
      region: '浙江',
      shippedAt: null,
      deliveredAt: null,
      promisedAt: null,
      isLive: true,
    });
  });

  it('names an unknown status, lists the known ones without guessing, and drops the row', () => {
    const reader = readerFor('generic', GENERIC);
    const problems: CellProblem[] = [];
    expect(reader.read(['O1', '1', '2026-07-01 10:00:00', '1', '', '9.90', 'shiped', '', '', ''], problems)).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ column: 'status', message: 'unknown order status', value: 'shiped', fatal: true });
    expect(problems[0]!.hint).toContain("'shipped'");
    expect(problems[0]!.hint).not.toContain('did you mean');
  });

  it('stops at an unreadable cell before looking at the status', () => {
    const reader = readerFor('generic', GENERIC);
    const problems: CellProblem[] = [];
    expect(reader.read(['O1', '1', '2026-07-01 10:00:00', '1', '', 'abc', 'nonsense', '', '', ''], problems)).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ column: 'paid_amount', value: 'abc', fatal: true });
  });

  it('refuses a paid line without an amount, and an empty order id', () => {
    const reader = readerFor('generic', GENERIC);
    const problems: CellProblem[] = [];
    expect(reader.read(['O1', '1', '2026-07-01 10:00:00', '1', '', '', 'paid', '', '', ''], problems)).toBeUndefined();
    expect(problems).toEqual([{ column: 'paid_amount', message: 'a paid line has no paid amount', hint: 'the paid_amount cell is empty: fill it in (0 for a free line)', fatal: true }]);
    problems.length = 0;
    expect(reader.read(['', '1', '', '1', '', '3.00', 'paid', '', '', ''], problems)).toBeUndefined();
    expect(problems).toEqual([{ column: 'order_id', message: "'order_id' is empty", hint: 'every row needs this value', fatal: true }]);
  });

  it('books a negative quantity as a refund of its amount and keeps no paid time on a cancelled line', () => {
    const reader = readerFor('generic', GENERIC);
    const problems: CellProblem[] = [];
    const ret = reader.read(['O2', '2', '2026-07-02 08:30:00', '-1', '12.50', '12.50', 'completed', '', '', ''], problems);
    expect(ret).toMatchObject({ quantity: -1, paidAmountMinor: 0, refundAmountMinor: 1250, status: 'refunded', paidAt: shanghai(2026, 7, 2, 8, 30) });
    const cancelled = reader.read(['O3', '1', '2026-07-03 12:00:00', '1', '', '7.00', 'cancelled', '', '', ''], problems);
    expect(cancelled).toMatchObject({ status: 'cancelled', paidAt: null, paidAmountMinor: 700 });
    // No status and no paid time: an unpaid order.
    const pending = reader.read(['O4', '1', '', '1', '', '', '', '', '', ''], problems);
    expect(pending).toMatchObject({ status: 'pending', paidAt: null, paidAmountMinor: 0, quantity: 1 });
    expect(problems).toEqual([]);
  });

  it('takes the order id the caller makes for files without one', () => {
    const reader = readerFor('generic', ['paid_at', 'paid_amount'], ['order_id']);
    const problems: CellProblem[] = [];
    expect(reader.read(['2026-07-01 10:00:00', '3.00'], problems, 'a.csv#2')).toMatchObject({ orderId: 'a.csv#2', status: 'paid', paidAmountMinor: 300 });
    expect(reader.read(['2026-07-01 11:00:00', '4.00'], problems, 'a.csv#3')).toMatchObject({ orderId: 'a.csv#3', paidAmountMinor: 400 });
    // Without one the row has no order and is dropped.
    expect(reader.read(['2026-07-01 11:00:00', '4.00'], problems)).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('computes the line amount from price × quantity − discount when the file has none', () => {
    const reader = readerFor('generic', ['order_id', 'paid_at', 'quantity', 'unit_price', 'discount', 'status']);
    const problems: CellProblem[] = [];
    expect(reader.read(['O5', '2026-07-01 10:00', '3', '4.00', '1.50', 'paid'], problems)).toMatchObject({ paidAmountMinor: 1050, unitPriceMinor: 400, discountMinor: 150 });
    expect(problems).toEqual([]);
  });
});

describe('OrderLineReader (paid lines without a paid time, negative amounts)', () => {
  const HEADER = ['order_id', 'created_at', 'paid_at', 'quantity', 'paid_amount', 'status'];

  it('places a paid line without a paid time by its created time, with a warning', () => {
    const reader = readerFor('generic', HEADER);
    const problems: CellProblem[] = [];
    const line = reader.read(['O1', '2026-07-05 10:00', '', '1', '100', 'paid'], problems);
    expect(line).toMatchObject({ paidAt: shanghai(2026, 7, 5, 10), createdAt: shanghai(2026, 7, 5, 10), paidAmountMinor: 10000, status: 'paid' });
    expect(problems).toEqual([
      {
        column: 'paid_at',
        message: 'a paid line has no paid time: its created time is used',
        hint: 'the paid_at cell is empty; nothing to do if the order was paid when it was placed',
        fatal: false,
      },
    ]);
  });

  it('refuses a paid line with neither a paid nor a created time', () => {
    const reader = readerFor('generic', HEADER);
    const problems: CellProblem[] = [];
    expect(reader.read(['O2', '', '', '1', '100', 'paid'], problems)).toBeUndefined();
    expect(problems).toEqual([
      { column: 'paid_at', message: 'a paid line has no paid time', hint: 'the paid_at cell is empty: fill in the paid time', fatal: true },
    ]);
  });

  it('leaves unpaid lines without times alone', () => {
    const reader = readerFor('generic', HEADER);
    const problems: CellProblem[] = [];
    expect(reader.read(['O3', '', '', '1', '', 'pending'], problems)).toMatchObject({ paidAt: null, status: 'pending' });
    expect(reader.read(['O4', '', '', '1', '100', 'cancelled'], problems)).toMatchObject({ paidAt: null, status: 'cancelled' });
    expect(problems).toEqual([]);
  });

  it('books a paid line with a negative amount as a return of that amount, like a negative quantity', () => {
    const reader = readerFor('generic', HEADER);
    const problems: CellProblem[] = [];
    const t = '2026-07-06 09:30';
    expect(reader.read(['O5', t, t, '2', '-50.00', 'paid'], problems)).toMatchObject({ paidAmountMinor: 0, refundAmountMinor: 5000, quantity: -2, status: 'refunded' });
    expect(reader.read(['O6', t, t, '-1', '30.00', 'paid'], problems)).toMatchObject({ paidAmountMinor: 0, refundAmountMinor: 3000, quantity: -1, status: 'refunded' });
    expect(problems).toEqual([]);
  });
});

describe('OrderLineReader (Shopify: carried-forward order cells, derived amounts)', () => {
  const HEADER = ['Name', 'Email', 'Financial Status', 'Paid at', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem sku', 'Lineitem discount'];

  it("fills an order's later rows from its first and starts afresh on the next order", () => {
    const reader = readerFor('shopify-orders', HEADER);
    const problems: CellProblem[] = [];
    const first = reader.read(['#1001', 'a@example.com', 'paid', '2026-07-01 10:00:00', '2026-07-01 09:00:00', '2', 'Mug', '12.50', 'MUG', '1.00'], problems);
    const second = reader.read(['#1001', '', '', '', '', '1', 'Tee', '20.00', 'TEE', ''], problems);
    const other = reader.read(['#1002', '', '', '', '', '1', 'Cap', '5.00', 'CAP', ''], problems);
    // #1002 has no row with its order's cells: read as unpaid, and said so.
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ column: 'Financial Status', fatal: false });
    expect(problems[0]!.message).toContain('a line of order #1002 comes without');
    // 2 × 12.50 − 1.00
    expect(first).toMatchObject({ orderId: '#1001', customerId: 'a@example.com', status: 'paid', paidAt: shanghai(2026, 7, 1, 10), createdAt: shanghai(2026, 7, 1, 9), paidAmountMinor: 2400 });
    expect(second).toMatchObject({ orderId: '#1001', customerId: 'a@example.com', status: 'paid', paidAt: shanghai(2026, 7, 1, 10), createdAt: shanghai(2026, 7, 1, 9), paidAmountMinor: 2000, sku: 'TEE' });
    expect(other).toMatchObject({ orderId: '#1002', customerId: null, status: 'pending', paidAt: null, createdAt: null, paidAmountMinor: 500 });
  });

  it('carries from the row above even when that row was dropped', () => {
    const reader = readerFor('shopify-orders', HEADER);
    const problems: CellProblem[] = [];
    expect(reader.read(['#2001', 'b@example.com', 'paid', '2026-07-05 10:00:00', '', '1', 'Mug', 'twelve', 'MUG', ''], problems)).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ column: 'Lineitem price', value: 'twelve', fatal: true });
    problems.length = 0;
    expect(reader.read(['#2001', '', '', '', '', '1', 'Tee', '20.00', 'TEE', ''], problems)).toMatchObject({
      customerId: 'b@example.com',
      status: 'paid',
      paidAt: shanghai(2026, 7, 5, 10),
      paidAmountMinor: 2000,
    });
    expect(problems).toEqual([]);
  });
});
