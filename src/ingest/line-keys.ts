// Run-wide keys of order lines. Every distinct (platform, order id) and (platform, customer id)
// of a run gets a dense number (0, 1, 2 … in order of first sight), and every (order, line id)
// is recorded once, so a line present in two overlapping exports is passed on once.
//
// The numbers are what the metrics count distinct orders and buyers by: a typed array indexed
// by key instead of a hash of the id strings per accumulator. Keys are exact: texts are kept in
// byte arenas and compared where they are, never reduced to a hash alone. A million lines of
// half a million orders and 300,000 buyers take ~55 MB here, in a few typed arrays the garbage
// collector does not trace.

// How a key's text is held in its slot (the low two bits of the slot's key field).
const RAW = 1; // up to 8 code units below 256, none 0: the code units themselves, zero-padded
const DIGITS = 2; // 9–16 ASCII digits: one nibble each (digit + 1), zero-padded
const ARENA = 3; // anything else: where it starts in the arena and its length

/**
 * Texts kept as bytes: one byte per code unit when every code unit of the text is below 256
 * (ids almost always are), else two, low byte first. A text is found again by where it starts,
 * the bitwise-not of that for a two-byte text; its length is the caller's to keep.
 */
class TextArena {
  private bytes = new Uint8Array(1 << 12);
  private used = 0;

  get byteLength(): number {
    return this.bytes.byteLength;
  }

  /** Appends `text`; returns where it starts (bitwise-not of it for a two-byte text). */
  store(text: string): number {
    const n = text.length;
    let wide = false;
    for (let i = 0; i < n; i++) {
      if (text.charCodeAt(i) > 255) {
        wide = true;
        break;
      }
    }
    const size = wide ? 2 * n : n;
    if (this.used + size > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.used + size));
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
    }
    const a = this.bytes;
    const start = this.used;
    let p = start;
    if (!wide) {
      for (let i = 0; i < n; i++) a[p++] = text.charCodeAt(i);
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        a[p++] = c & 0xff;
        a[p++] = c >>> 8;
      }
    }
    this.used = p;
    return wide ? ~start : start;
  }

  /** Is the text stored at `at` (as `store` returned it), of text.length code units, `text`? */
  matches(at: number, text: string): boolean {
    const a = this.bytes;
    const n = text.length;
    if (at >= 0) {
      for (let i = 0; i < n; i++) if (a[at + i] !== text.charCodeAt(i)) return false;
      return true;
    }
    let p = ~at;
    for (let i = 0; i < n; i++, p += 2) if ((a[p]! | (a[p + 1]! << 8)) !== text.charCodeAt(i)) return false;
    return true;
  }
}

/** Numbers handed out by the interners that share it (one per platform): keys dense across them. */
export interface KeyCounter {
  count: number;
}

/**
 * Interns texts to dense keys. One open-addressing table whose slots hold (hash, key, the text)
 * in four int32s: short ids (up to 8 characters, or up to 16 digits) fit in the slot itself, so
 * finding one touches one cache line; longer ones are kept in an arena, one byte per code unit
 * where every code unit fits, and compared there. Interners that share a KeyCounter number
 * their keys in one sequence (a platform's orders each in its own interner, numbered across
 * platforms).
 */
export class KeyInterner {
  private table: Int32Array;
  private mask: number;
  private held = 0;
  private readonly arena = new TextArena();
  /** Whether the last `intern` call added its key. */
  added = false;
  // The text of the last `encode` call as its slot holds it.
  private mode = RAW;
  private w0 = 0;
  private w1 = 0;

  constructor(private readonly counter: KeyCounter = { count: 0 }) {
    this.table = new Int32Array(4 << 10);
    this.mask = (1 << 10) - 1;
  }

  /** Keys held here. */
  get size(): number {
    return this.held;
  }

  /** Bytes held, for the memory figures. */
  get bytes(): number {
    return this.table.byteLength + this.arena.byteLength;
  }

  /** The key of `text`; a new one (the counter's next number) when not seen before. */
  intern(text: string): number {
    const h = this.encode(text);
    const mode = this.mode;
    const w0 = this.w0;
    const w1 = this.w1;
    const table = this.table;
    let slot = h & this.mask;
    for (;;) {
      const at = 4 * slot;
      const held = table[at + 1]!;
      if (held === 0) break;
      if (table[at] === h && (held & 3) === mode) {
        if (mode === ARENA ? table[at + 3] === text.length && this.arena.matches(table[at + 2]!, text) : table[at + 2] === w0 && table[at + 3] === w1) {
          this.added = false;
          return (held >>> 2) - 1;
        }
      }
      slot = (slot + 1) & this.mask;
    }
    const key = this.counter.count++;
    if (key >= 1 << 29) throw new RangeError('more than 2^29 distinct keys');
    const at = 4 * slot;
    table[at] = h;
    table[at + 1] = ((key + 1) << 2) | mode;
    if (mode === ARENA) {
      table[at + 2] = this.arena.store(text);
      table[at + 3] = text.length;
    } else {
      table[at + 2] = w0;
      table[at + 3] = w1;
    }
    if (++this.held > (this.mask + 1) * 0.7) this.rehash((this.mask + 1) * 2);
    this.added = true;
    return key;
  }

  /** The hash of `text`, and how a slot would hold it (mode, w0, w1). */
  private encode(text: string): number {
    const n = text.length;
    // Equal texts get equal modes; within a mode the words are the text (RAW texts hold no 0,
    // so their length is where the padding starts; DIGITS nibbles are never 0). Short ids are
    // hashed from their words, which spares a multiply per character.
    if (n <= 8) {
      let w0 = 0;
      let w1 = 0;
      let i = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 0 || c > 255) break;
        if (i < 4) w0 |= c << (8 * i);
        else w1 |= c << (8 * (i - 4));
      }
      if (i === n) return this.words(RAW, w0, w1, n);
    } else if (n <= 16) {
      let w0 = 0;
      let w1 = 0;
      let i = 0;
      for (; i < n; i++) {
        const d = text.charCodeAt(i) - 47; // '0' → 1 … '9' → 10
        if (d < 1 || d > 10) break;
        if (i < 8) w0 |= d << (4 * i);
        else w1 |= d << (4 * (i - 8));
      }
      if (i === n) return this.words(DIGITS, w0, w1, n);
    }
    let h = 0x811c9dc5;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    this.mode = ARENA;
    this.w0 = 0;
    this.w1 = 0;
    return fmix(h);
  }

  /** Records a text held in its slot's words, and returns its hash. */
  private words(mode: number, w0: number, w1: number, n: number): number {
    this.mode = mode;
    this.w0 = w0;
    this.w1 = w1;
    return fmix(w0 ^ fmix(w1 ^ Math.imul(n, 0x9e3779b1)));
  }

  private rehash(slots: number): void {
    const mask = slots - 1;
    const old = this.table;
    const table = new Int32Array(4 * slots);
    for (let s = 0; s < old.length; s += 4) {
      if (old[s + 1] === 0) continue;
      const h = old[s]!;
      let t = h & mask;
      while (table[4 * t + 1] !== 0) t = (t + 1) & mask;
      const at = 4 * t;
      table[at] = h;
      table[at + 1] = old[s + 1]!;
      table[at + 2] = old[s + 2]!;
      table[at + 3] = old[s + 3]!;
    }
    this.table = table;
    this.mask = mask;
  }
}

/**
 * The line ids seen under each order key, with a number kept per line (the caller's: the paid
 * amount and the file it came from). An order's lines are a short chain (most orders have one
 * to three), so a lookup walks a few entries of the same order and never hashes. An order with
 * more than CHAIN_LIMIT lines (a wholesale order, a file of one order's items) keeps the rest in
 * a map of its own, so its lines cost a hash look-up each instead of a walk over all before.
 */
export class LineRegistry {
  private static readonly CHAIN_LIMIT = 32;
  /** Per order key with a full chain: line id → value, for the lines past the chain. */
  private readonly overflow = new Map<number, Map<string, number>>();
  /** Per order key: its newest line entry + 1 (0: none yet). */
  private heads = new Int32Array(1 << 12);
  private next = new Int32Array(1 << 12);
  private values = new Float64Array(1 << 12);
  private starts = new Int32Array(1 << 12);
  private lengths = new Int32Array(1 << 12);
  private readonly arena = new TextArena();
  /** Lines held, in chains and in overflow maps. */
  private count = 0;
  private chainEntries = 0;
  /** A rough size of the overflow maps: ~64 bytes a line besides its id. */
  private overflowBytes = 0;

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.heads.byteLength + this.next.byteLength + this.values.byteLength + this.starts.byteLength + this.lengths.byteLength + this.arena.byteLength + this.overflowBytes;
  }

  /**
   * The value stored with (orderKey, lineId), or undefined when the line is new — then it is
   * added with `value`.
   */
  getOrAdd(orderKey: number, lineId: string, value: number): number | undefined {
    if (orderKey >= this.heads.length) this.heads = grownInt32(this.heads, Math.max(this.heads.length * 2, orderKey + 1));
    const n = lineId.length;
    let chain = 0;
    for (let e = this.heads[orderKey]! - 1; e >= 0; e = this.next[e]! - 1) {
      if (this.lengths[e] === n && this.arena.matches(this.starts[e]!, lineId)) return this.values[e];
      chain++;
    }
    if (chain >= LineRegistry.CHAIN_LIMIT) {
      let more = this.overflow.get(orderKey);
      if (more === undefined) this.overflow.set(orderKey, (more = new Map()));
      const known = more.get(lineId);
      if (known !== undefined) return known;
      // A copy: an id cut from a chunk's text would keep the whole chunk alive.
      more.set(n < 13 ? lineId : (' ' + lineId).slice(1), value);
      this.count++;
      this.overflowBytes += 64 + 2 * n;
      return undefined;
    }
    this.count++;
    const e = this.chainEntries++;
    if (e === this.next.length) {
      const size = this.next.length * 2;
      this.next = grownInt32(this.next, size);
      this.starts = grownInt32(this.starts, size);
      this.lengths = grownInt32(this.lengths, size);
      const values = new Float64Array(size);
      values.set(this.values);
      this.values = values;
    }
    this.starts[e] = this.arena.store(lineId);
    this.lengths[e] = n;
    this.values[e] = value;
    this.next[e] = this.heads[orderKey]!;
    this.heads[orderKey] = e + 1;
    return undefined;
  }
}

/**
 * The keys of one ingest run: orders, buyers and lines. Each platform has an interner of its
 * own for orders and one for buyers, numbered across platforms; consecutive lines of one order
 * (the usual layout) find their order and buyer without a lookup.
 */
export class RunKeys {
  private readonly platforms = new Map<string, { orders: KeyInterner; buyers: KeyInterner }>();
  private readonly orderCount: KeyCounter = { count: 0 };
  private readonly buyerCount: KeyCounter = { count: 0 };
  readonly lines = new LineRegistry();
  private lastPlatform = '';
  private lastOrderId = '';
  private lastOrderKey = -1;
  private lastBuyerId = '';
  private lastBuyerKey = -1;
  private lastTables: { orders: KeyInterner; buyers: KeyInterner } | undefined;

  get orders(): number {
    return this.orderCount.count;
  }

  get buyers(): number {
    return this.buyerCount.count;
  }

  get bytes(): number {
    let sum = this.lines.bytes;
    for (const t of this.platforms.values()) sum += t.orders.bytes + t.buyers.bytes;
    return sum;
  }

  private tables(platform: string): { orders: KeyInterner; buyers: KeyInterner } {
    if (platform === this.lastPlatform && this.lastTables) return this.lastTables;
    let t = this.platforms.get(platform);
    if (!t) {
      t = { orders: new KeyInterner(this.orderCount), buyers: new KeyInterner(this.buyerCount) };
      this.platforms.set(platform, t);
    }
    this.lastTables = t;
    this.lastPlatform = platform;
    this.lastOrderKey = -1;
    this.lastBuyerKey = -1;
    return t;
  }

  /** The dense key of (platform, orderId). */
  order(platform: string, orderId: string): number {
    const t = this.tables(platform);
    if (orderId === this.lastOrderId && this.lastOrderKey >= 0) return this.lastOrderKey;
    const key = t.orders.intern(orderId);
    this.lastOrderId = orderId;
    this.lastOrderKey = key;
    return key;
  }

  /** The dense key of (platform, customerId). An order's lines, one after another, share their buyer. */
  buyer(platform: string, customerId: string): number {
    const t = this.tables(platform);
    if (customerId === this.lastBuyerId && this.lastBuyerKey >= 0) return this.lastBuyerKey;
    const key = t.buyers.intern(customerId);
    this.lastBuyerId = customerId;
    this.lastBuyerKey = key;
    return key;
  }
}

/** Murmur3's finaliser: every input bit reaches every bit of the hash, the low ones included. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function grownInt32(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
