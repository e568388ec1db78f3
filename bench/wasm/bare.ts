// The bare loop in WebAssembly (AssemblyScript; compiled by bench/ingest-bare-wasm.ts): the same
// work as bench/ingest-bare.ts, line for line, so that the two rows of the ingest benchmark tell
// what the language costs apart from the work. It is a measurement, not a reader: nothing in
// src/ uses it.
//
// Memory: the stub runtime's bump allocator over linear memory, which only grows. The host reads the
// file into the input window (`window()`), calls `scan(held, atEnd)` and moves the bytes past
// the returned position to the window's start before reading more. Tables outgrown are left
// where they are, as the JS loop leaves its old arrays to the garbage collector.

const COMMA: u8 = 0x2c;
const QUOTE: u8 = 0x22;
const LF: u8 = 0x0a;
const DOT: u8 = 0x2e;
const CELLS: i32 = 14;
const WINDOW: usize = 2 << 20;
const EMPTY: i64 = -1;

/** Memory from the runtime's allocator (the stub runtime's bump allocator: it never frees). */
function alloc(bytes: usize): usize {
  return heap.alloc(bytes);
}

/** An open-addressing set of non-negative i64 keys that numbers its members 0, 1, 2 … */
class NumberSet {
  keys: usize = 0; // i64 per slot, −1 empty
  indexes: usize = 0; // i32 per slot
  bits: i32 = 16;
  size: i32 = 0;

  constructor() {
    this.make(16);
  }

  private make(bits: i32): void {
    const slots = <usize>1 << bits;
    this.bits = bits;
    this.keys = alloc(slots << 3);
    this.indexes = alloc(slots << 2);
    memory.fill(this.keys, 0xff, slots << 3);
  }

  @inline private slotOf(k: i64): usize {
    return <usize>((<u64>k * 0x9e3779b97f4a7c15) >> <u64>(64 - this.bits));
  }

  /** The member number of `k`, −1 − the new number when `k` was not a member. */
  add(k: i64): i32 {
    const mask: usize = (<usize>1 << this.bits) - 1;
    let slot = this.slotOf(k);
    for (;;) {
      const held = load<i64>(this.keys + (slot << 3));
      if (held == k) return load<i32>(this.indexes + (slot << 2));
      if (held == EMPTY) break;
      slot = (slot + 1) & mask;
    }
    const n = this.size++;
    store<i64>(this.keys + (slot << 3), k);
    store<i32>(this.indexes + (slot << 2), n);
    if (2 * this.size > 1 << this.bits) this.grow();
    return -1 - n;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldIndexes = this.indexes;
    const oldSlots = <usize>1 << this.bits;
    this.make(this.bits + 1);
    const mask: usize = (<usize>1 << this.bits) - 1;
    for (let i: usize = 0; i < oldSlots; i++) {
      const k = load<i64>(oldKeys + (i << 3));
      if (k == EMPTY) continue;
      let slot = this.slotOf(k);
      while (load<i64>(this.keys + (slot << 3)) != EMPTY) slot = (slot + 1) & mask;
      store<i64>(this.keys + (slot << 3), k);
      store<i32>(this.indexes + (slot << 2), load<i32>(oldIndexes + (i << 2)));
    }
  }
}

let input: usize = 0;
let starts: usize = 0;
let ends: usize = 0;
let header = true;
let fromStamp: i64 = 0;
let toStamp: i64 = 0;
let orders: NumberSet | null = null;
let lineKeys: NumberSet | null = null;
let quarterOrders: NumberSet | null = null;
let quarterBuyers: NumberSet | null = null;

export let lines: i32 = 0;
export let gmvMinor: i64 = 0;
export let refundsMinor: i64 = 0;

/** Starts a run over the lines paid in [from, to) (local YYYYMMDDHHMM). */
export function begin(from: i64, to: i64): void {
  fromStamp = from;
  toStamp = to;
  input = alloc(WINDOW);
  starts = alloc(<usize>(CELLS + 1) << 2);
  ends = alloc(<usize>(CELLS + 1) << 2);
  orders = new NumberSet();
  lineKeys = new NumberSet();
  quarterOrders = new NumberSet();
  quarterBuyers = new NumberSet();
}

/** Where the host reads the file's bytes to, and how many fit. */
export function window(): usize {
  return input;
}
export function windowSize(): usize {
  return WINDOW;
}
export function distinctOrders(): i32 {
  return quarterOrders!.size;
}
export function distinctBuyers(): i32 {
  return quarterBuyers!.size;
}

@inline function cellStart(c: i32): usize {
  return <usize>load<i32>(starts + (<usize>c << 2));
}
@inline function cellEnd(c: i32): usize {
  return <usize>load<i32>(ends + (<usize>c << 2));
}

@inline function digits(s: usize, e: usize): i64 {
  let v: i64 = 0;
  for (let i = s; i < e; i++) v = v * 10 + <i64>(load<u8>(i) - 48);
  return v;
}

/** `123`, `123.4`, `123.45` in cents. */
@inline function cents(s: usize, e: usize): i64 {
  let v: i64 = 0;
  let decimals = -1;
  for (let i = s; i < e; i++) {
    const c = load<u8>(i);
    if (c == DOT) decimals = 0;
    else {
      v = v * 10 + <i64>(c - 48);
      if (decimals >= 0) decimals++;
    }
  }
  return decimals <= 0 ? v * 100 : decimals == 1 ? v * 10 : v;
}

/** `YYYY-MM-DD HH:MM…` as the number YYYYMMDDHHMM. */
@inline function stamp(s: usize): i64 {
  return digits(s, s + 4) * 100000000 + digits(s + 5, s + 7) * 1000000 + digits(s + 8, s + 10) * 10000 + digits(s + 11, s + 13) * 100 + digits(s + 14, s + 16);
}

/**
 * Reads the complete records of the window's first `held` bytes (the last one too when `atEnd`);
 * returns where the first record not read starts, or −1 when one record fills the whole window.
 */
export function scan(held: i32, atEnd: bool): i32 {
  const end = input + <usize>held;
  let p = input;
  for (;;) {
    // One record from p: cell boundaries up to its line feed (or the end of the file).
    let i = p;
    let cell = 0;
    let start = p;
    let quoted = false;
    let complete = false;
    while (i < end) {
      const ch = load<u8>(i);
      if (quoted) {
        if (ch == QUOTE) {
          if (i + 1 < end && load<u8>(i + 1) == QUOTE) i++;
          else quoted = false;
        }
      } else if (ch == QUOTE) quoted = true;
      else if (ch == COMMA || ch == LF) {
        if (cell <= CELLS) {
          store<i32>(starts + (<usize>cell << 2), <i32>start);
          store<i32>(ends + (<usize>cell << 2), <i32>i);
        }
        cell++;
        start = i + 1;
        if (ch == LF) {
          complete = true;
          break;
        }
      }
      i++;
    }
    if (!complete) {
      if (p == input && <usize>held == WINDOW) return -1;
      if (!atEnd || i == p) break;
      store<i32>(starts + (<usize>cell << 2), <i32>start);
      store<i32>(ends + (<usize>cell << 2), <i32>i);
    }
    p = i + 1;
    if (header) {
      header = false;
      continue;
    }
    lines++;
    const orderId = digits(cellStart(0), cellEnd(0));
    const order = orders!.add(orderId);
    const orderNumber: i64 = order < 0 ? -1 - order : order;
    if (lineKeys!.add(orderNumber * 64 + digits(cellStart(1), cellEnd(1))) >= 0) continue; // seen in an earlier export
    if (cellStart(3) == cellEnd(3)) continue; // unpaid
    const s = load<u8>(cellStart(11));
    const t = load<u8>(cellStart(11) + 1);
    if ((s == 0x63 && t == 0x61) || (s == 0x70 && t == 0x65)) continue; // cancelled, pending
    const paid = stamp(cellStart(3));
    if (paid < fromStamp || paid >= toStamp) continue;
    gmvMinor += cents(cellStart(10), cellEnd(10));
    refundsMinor += cents(cellStart(12), cellEnd(12));
    quarterOrders!.add(orderId);
    quarterBuyers!.add(digits(cellStart(4) + 1, cellEnd(4)));
  }
  return <i32>(min(p, end) - input);
}
