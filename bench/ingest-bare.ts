// The bare loop: what this machine gives for the ingest target's file when nothing general is
// done at all — the ceiling above the floor (bench/ingest-floor.ts) and the pipeline.
//
// It reads the bench file's bytes into one reused buffer and, per record, finds the 14 cells'
// boundaries (quotes honoured: 5 % of product names are quoted, some across lines) and reads
// only the 7 cells the target's four figures need: the order and line ids and the customer id
// as numbers (the file's ids are 16 digits and `C` + 6 digits, exact as doubles), the paid time
// as a local yyyymmddhhmm number compared with the quarter's local bounds (the file's times are
// naive Shanghai wall times), the first two letters of the status, and the two amounts in
// cents. Distinct orders, buyers and (order, line) keys go into open-addressing tables of
// doubles. No string, no object per line, no problem checking, no time zone.
//
// It is not a reader and nothing in src/ depends on it or should: it knows this one file. It
// answers one question with a figure — how much of the target's time budget a loop that does
// only the unavoidable work already takes here (docs/performance.md, "The bare loop"). Its
// figures must equal the pipeline's and DuckDB's, which is its check.
import { closeSync, openSync, readSync } from 'node:fs';
import type { FloorFigures } from './ingest-floor.js';

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const DOT = 0x2e;
const CELLS = 14;

/** An open-addressing set of non-negative doubles that numbers its members 0, 1, 2 … */
class NumberSet {
  private keys: Float64Array;
  private indexes: Int32Array;
  private mask: number;
  size = 0;

  constructor(bits = 16) {
    this.keys = new Float64Array(1 << bits).fill(-1);
    this.indexes = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
  }

  /** The member number of `k`, −1 − the new number when `k` was not a member. */
  add(k: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let slot = hash(k) & mask;
    for (;;) {
      const held = keys[slot]!;
      if (held === k) return this.indexes[slot]!;
      if (held === -1) break;
      slot = (slot + 1) & mask;
    }
    const n = this.size++;
    keys[slot] = k;
    this.indexes[slot] = n;
    if (2 * this.size > keys.length) this.grow();
    return -1 - n;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldIndexes = this.indexes;
    this.keys = new Float64Array(2 * oldKeys.length).fill(-1);
    this.indexes = new Int32Array(2 * oldKeys.length);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k === -1) continue;
      let slot = hash(k) & this.mask;
      while (this.keys[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = k;
      this.indexes[slot] = oldIndexes[i]!;
    }
  }
}

/** Mixes a double's low and high 32 bits (the keys are integers below 2^53). */
function hash(k: number): number {
  return Math.imul(k % 4294967296 | 0, 0x9e3779b1) ^ Math.imul((k / 4294967296) | 0, 0x85ebca6b);
}

function digits(b: Uint8Array, s: number, e: number): number {
  let v = 0;
  for (let i = s; i < e; i++) v = v * 10 + (b[i]! - 48);
  return v;
}

/** `123`, `123.4`, `123.45` in cents. */
function cents(b: Uint8Array, s: number, e: number): number {
  let v = 0;
  let decimals = -1;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c === DOT) decimals = 0;
    else {
      v = v * 10 + (c - 48);
      if (decimals >= 0) decimals++;
    }
  }
  return decimals <= 0 ? v * 100 : decimals === 1 ? v * 10 : v;
}

/** `YYYY-MM-DD HH:MM…` as the number YYYYMMDDHHMM. */
function stamp(b: Uint8Array, s: number): number {
  return digits(b, s, s + 4) * 1e8 + digits(b, s + 5, s + 7) * 1e6 + digits(b, s + 8, s + 10) * 1e4 + digits(b, s + 11, s + 13) * 100 + digits(b, s + 14, s + 16);
}

/**
 * GMV, refunds, orders and buyers of the lines paid in [fromStamp, toStamp) (local YYYYMMDDHHMM),
 * neither cancelled nor pending, each (order, line) counted once.
 */
export function bareFigures(file: string, fromStamp: number, toStamp: number): FloorFigures {
  const out: FloorFigures = { lines: 0, gmvMinor: 0, refundsMinor: 0, orders: 0, buyers: 0 };
  const orders = new NumberSet();
  const lineKeys = new NumberSet();
  const quarterOrders = new NumberSet();
  const quarterBuyers = new NumberSet();
  const starts = new Int32Array(CELLS + 1);
  const ends = new Int32Array(CELLS + 1);
  const buf = Buffer.allocUnsafe(2 << 20);
  const fd = openSync(file, 'r');
  let held = 0;
  let atEnd = false;
  let header = true;
  try {
    while (!atEnd || held > 0) {
      if (!atEnd) {
        const n = readSync(fd, buf, held, buf.length - held, null);
        if (n === 0) atEnd = true;
        held += n;
      }
      let p = 0;
      for (;;) {
        // One record from p: cell boundaries up to its line feed (or the end of the file).
        let i = p;
        let cell = 0;
        let start = p;
        let quoted = false;
        let complete = false;
        while (i < held) {
          const ch = buf[i]!;
          if (quoted) {
            if (ch === QUOTE) {
              if (buf[i + 1] === QUOTE) i++;
              else quoted = false;
            }
          } else if (ch === QUOTE) quoted = true;
          else if (ch === COMMA || ch === LF) {
            if (cell <= CELLS) {
              starts[cell] = start;
              ends[cell] = i;
            }
            cell++;
            start = i + 1;
            if (ch === LF) {
              complete = true;
              break;
            }
          }
          i++;
        }
        if (!complete) {
          if (p === 0 && held === buf.length) throw new Error(`a record longer than ${buf.length} bytes at byte ${i}`);
          if (!atEnd || i === p) break;
          starts[cell] = start;
          ends[cell] = i;
        }
        p = i + 1;
        if (header) {
          header = false;
          continue;
        }
        out.lines++;
        const orderId = digits(buf, starts[0]!, ends[0]!);
        const order = orders.add(orderId);
        const orderNumber = order < 0 ? -1 - order : order;
        if (lineKeys.add(orderNumber * 64 + digits(buf, starts[1]!, ends[1]!)) >= 0) continue; // seen in an earlier export
        if (starts[3] === ends[3]) continue; // unpaid
        const s = buf[starts[11]!]!;
        const t = buf[starts[11]! + 1]!;
        if ((s === 0x63 && t === 0x61) || (s === 0x70 && t === 0x65)) continue; // cancelled, pending
        const paid = stamp(buf, starts[3]!);
        if (paid < fromStamp || paid >= toStamp) continue;
        out.gmvMinor += cents(buf, starts[10]!, ends[10]!);
        out.refundsMinor += cents(buf, starts[12]!, ends[12]!);
        quarterOrders.add(orderId);
        quarterBuyers.add(digits(buf, starts[4]! + 1, ends[4]!));
      }
      if (p >= held && atEnd) break;
      // p ≤ held here: only the last record, at the end of the file, can leave p past it.
      buf.copy(buf, 0, p, held);
      held -= p;
    }
  } finally {
    closeSync(fd);
  }
  out.orders = quarterOrders.size;
  out.buyers = quarterBuyers.size;
  return out;
}
