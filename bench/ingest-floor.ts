// The floor under the ingest target: how fast this benchmark's file can be read and aggregated
// to the target's four figures in one loop written for its 14 canonical columns alone, built
// from the project's own parts — the scanner (record batches of cell positions), the plain cell
// readers, the text cache and the run keys — with everything the general reader adds left out:
// no column plan, no blank, repeated-header or summary rows, no problems, no status rules, no
// order line object, no invalid-text check, and of the overview only the current quarter's
// GMV, refunds and distinct orders and buyers (the overview also has the previous quarter, the
// year before, each by platform and by category, and the months).
//
// It is not a reader: it assumes this file's layout and that every cell is readable. It
// measures what the target asks of the per-line work that cannot be left out — every cell
// read, every line's key recorded once, every order and buyer counted by key — so that the
// gap between it and the pipeline, and between it and the target, can be told apart
// (docs/performance.md, "The floor"). Its figures must equal the pipeline's and DuckDB's.
import { openCsv } from '../src/ingest/csv.js';
import { RunKeys } from '../src/ingest/line-keys.js';
import type { RecordBatch } from '../src/ingest/record-batch.js';
import { cleanText, parseId, parseInstant, parseMoneyMinor, parseQuantity, plainId, plainLocalMs, plainMoneyMinor, plainQuantity, plainRange, plainText } from '../src/ingest/values.js';
import { localMsToEpoch } from '../src/time/zone.js';

export interface FloorFigures {
  lines: number;
  gmvMinor: number;
  refundsMinor: number;
  orders: number;
  buyers: number;
}

// The bench file's columns (bench/ingest.bench.ts HEADER).
const ORDER_ID = 0;
const LINE_ID = 1;
const CREATED_AT = 2;
const PAID_AT = 3;
const CUSTOMER_ID = 4;
const SKU = 5;
const PRODUCT_NAME = 6;
const CATEGORY = 7;
const QUANTITY = 8;
const UNIT_PRICE = 9;
const PAID_AMOUNT = 10;
const STATUS = 11;
const REFUND_AMOUNT = 12;
const REGION = 13;

/** GMV, refunds, orders and buyers of lines paid in [startMs, endMs), neither cancelled nor pending. */
export async function floorFigures(file: string, timeZone: string, startMs: number, endMs: number): Promise<FloorFigures> {
  const csv = await openCsv(file);
  const keys = new RunKeys();
  let orderSeen = new Uint8Array(1 << 16);
  let buyerSeen = new Uint8Array(1 << 16);
  const out: FloorFigures = { lines: 0, gmvMinor: 0, refundsMinor: 0, orders: 0, buyers: 0 };
  // The last time read, as the order reader keeps it: created and paid times repeat.
  let memoBytes: Uint8Array = new Uint8Array(0);
  let memoStart = 0;
  let memoLength = 0;
  let memoValue = 0;
  // Each reads column k of record r; a quoted record's cells are strings, read by the full parsers.
  const instant = (batch: RecordBatch, r: number, k: number): number | null => {
    const c = batch.first[r]! + k;
    const s = batch.starts[c]!;
    if (s < 0) return parseInstant(batch.cell(r, k), { timeZone }) as number | null;
    const e = batch.ends[c]!;
    if (s === e) return null;
    const b = batch.bytes;
    if (e - s === memoLength && b === memoBytes) {
      let k = memoLength - 1;
      while (k >= 0 && b[s + k] === b[memoStart + k]) k--;
      if (k < 0) return memoValue;
    }
    const local = plainLocalMs(b, s, e)!;
    memoBytes = b;
    memoStart = s;
    memoLength = e - s;
    memoValue = localMsToEpoch(timeZone, local);
    return memoValue;
  };
  const money = (batch: RecordBatch, r: number, k: number): number => {
    const c = batch.first[r]! + k;
    const s = batch.starts[c]!;
    if (s < 0) return (parseMoneyMinor(batch.cell(r, k), 'major') as number | null) ?? 0;
    return plainMoneyMinor(batch.bytes, s, batch.ends[c]!, 'major') ?? 0;
  };
  const id = (batch: RecordBatch, r: number, k: number): string => {
    const c = batch.first[r]! + k;
    const s = batch.starts[c]!;
    if (s < 0) return parseId(batch.cell(r, k)) as string;
    plainId(batch.bytes, s, batch.ends[c]!);
    return batch.src.slice(plainRange.start, plainRange.end);
  };
  const quantity = (batch: RecordBatch, r: number, k: number): number => {
    const c = batch.first[r]! + k;
    const s = batch.starts[c]!;
    if (s < 0) return (parseQuantity(batch.cell(r, k)) as number | null) ?? 1;
    return plainQuantity(batch.bytes, s, batch.ends[c]!) ?? 1;
  };
  const text = (batch: RecordBatch, r: number, k: number): string | null => {
    const c = batch.first[r]! + k;
    const s = batch.starts[c]!;
    if (s < 0) return cleanText(batch.cell(r, k));
    if (!plainText(batch.bytes, s, batch.ends[c]!)) return null;
    return batch.sharedText(plainRange.start, plainRange.end);
  };

  let header = true;
  for await (const batch of csv.recordBatches()) {
    for (let r = 0; r < batch.length; r++) {
      if (header) {
        header = false;
        continue;
      }
      out.lines++;
      // Every cell is read, as the reader reads it, whether the four figures need it or not.
      const orderKey = keys.order('store', id(batch, r, ORDER_ID));
      const lineId = id(batch, r, LINE_ID);
      instant(batch, r, CREATED_AT);
      const paidAt = instant(batch, r, PAID_AT);
      const buyerKey = keys.buyer('store', id(batch, r, CUSTOMER_ID));
      text(batch, r, SKU);
      text(batch, r, PRODUCT_NAME);
      text(batch, r, CATEGORY);
      quantity(batch, r, QUANTITY);
      money(batch, r, UNIT_PRICE);
      const paid = money(batch, r, PAID_AMOUNT);
      const status = text(batch, r, STATUS);
      const refund = money(batch, r, REFUND_AMOUNT);
      text(batch, r, REGION);
      // A line in two overlapping exports counts once (none here, but the look-up is the work).
      if (keys.lines.getOrAdd(orderKey, lineId, paid) !== undefined) continue;
      if (paidAt === null || paidAt < startMs || paidAt >= endMs || status === 'cancelled' || status === 'pending') continue;
      out.gmvMinor += paid;
      out.refundsMinor += refund;
      if (orderKey >= orderSeen.length) orderSeen = grown(orderSeen, orderKey);
      if (buyerKey >= buyerSeen.length) buyerSeen = grown(buyerSeen, buyerKey);
      if (orderSeen[orderKey] === 0) {
        orderSeen[orderKey] = 1;
        out.orders++;
      }
      if (buyerSeen[buyerKey] === 0) {
        buyerSeen[buyerKey] = 1;
        out.buyers++;
      }
    }
  }
  return out;
}

function grown(a: Uint8Array, atLeast: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(Math.max(a.length * 2, atLeast + 1));
  b.set(a);
  return b;
}
