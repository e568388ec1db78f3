// Distinct orders and buyers, counted by the dense keys ingest gives every line (OrderLine.orderKey
// and buyerKey: equal keys are the same order or buyer, exactly): flags per key in typed arrays
// indexed by key, and (key, category) pairs packed into one exact integer in a ledger. With them,
// distinct counts are right whatever order the lines arrive in, and no id string is built or kept.

const EMPTY = 0;
/**
 * Tables grow past 70 % full: linear probes stay short (~2 on a hit) while the tables take up to
 * a third less room than at 50 %, and with many keys they are most of the metrics' memory.
 */
const MAX_LOAD = 0.7;

/**
 * The slot bits of a key: its two 32-bit halves mixed (murmur3's finaliser), so that keys which
 * are not hashes — packed (key, category) pairs of dense numbers — spread over the table too.
 */
function spread(h: number): number {
  let x = (h >>> 0) ^ Math.imul(Math.floor(h / 0x100000000), 0x9e3779b1);
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x;
}

export class KeyLedger {
  private hashes = new Float64Array(1 << 12);
  private flags = new Uint8Array(1 << 12);
  private mask = (1 << 12) - 1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.hashes.byteLength + this.flags.byteLength;
  }

  /**
   * Sets `bits` on the key with hash `h` (added when new) and returns the bits it had before
   * (0 for a new key).
   */
  mark(h: number, bits: number): number {
    let slot = spread(h) & this.mask;
    for (;;) {
      const held = this.hashes[slot]!;
      if (held === h) {
        const before = this.flags[slot]!;
        this.flags[slot] = before | bits;
        return before;
      }
      if (held === EMPTY) {
        this.hashes[slot] = h;
        this.flags[slot] = bits;
        if (++this.count > this.hashes.length * MAX_LOAD) this.grow();
        return 0;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const oldHashes = this.hashes;
    const oldFlags = this.flags;
    this.hashes = new Float64Array(oldHashes.length * 2);
    this.flags = new Uint8Array(oldHashes.length * 2);
    this.mask = this.hashes.length - 1;
    this.count = 0;
    for (let i = 0; i < oldHashes.length; i++) {
      const h = oldHashes[i]!;
      if (h !== EMPTY) this.mark(h, oldFlags[i]!);
    }
  }
}

/**
 * A copy of `s` that refers to no other string. Cells are slices of the CSV reader's decoded
 * chunks, and a slice of 13 or more characters (or a key concatenated from one) keeps its
 * whole ~2 MB chunk alive: a string kept past its line is stored detached.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Flag bits by dense key (an order or buyer key from ingest: see OrderLine.orderKey): one byte
 * per key, grown as keys come.
 */
export class KeyFlags {
  private flags = new Uint8Array(1 << 12);

  get bytes(): number {
    return this.flags.byteLength;
  }

  /** Sets `bits` on `key` and returns the bits it had before. */
  mark(key: number, bits: number): number {
    if (key >= this.flags.length) this.flags = grown(this.flags, key + 1);
    const before = this.flags[key]!;
    this.flags[key] = before | bits;
    return before;
  }

  get(key: number): number {
    return key < this.flags.length ? this.flags[key]! : 0;
  }
}

/** A typed array at least `size` long (doubling), with the old contents. */
export function grown(a: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

const PAIR_SPAN = 0x100000;

/**
 * A (key, small number) pair as one exact integer for a KeyLedger: key × 2^20 + n + 1 (never 0,
 * below 2^53 for any key a run can have). `n` is a category's number, below 2^20.
 */
export function pairKey(key: number, n: number): number {
  if (n >= PAIR_SPAN - 1) throw new RangeError(`more than ${PAIR_SPAN - 1} distinct names`);
  return key * PAIR_SPAN + n + 1;
}

/**
 * Names (platforms, categories) numbered 0, 1, 2 … as they first come, kept detached. The
 * last name asked for is answered without a lookup: lines of one order, and often of
 * neighbouring orders, share them.
 */
export class Names {
  private readonly map = new Map<string, number>();
  readonly list: string[] = [];
  private last: string | null = null;
  private lastNumber = -1;

  number(name: string): number {
    if (name === this.last) return this.lastNumber;
    let n = this.map.get(name);
    if (n === undefined) {
      n = this.list.length;
      const kept = detached(name);
      this.map.set(kept, n);
      this.list.push(kept);
    }
    this.last = this.list[n]!;
    this.lastNumber = n;
    return n;
  }

  /** The number of `name`, or -1 when it never came. */
  lookup(name: string): number {
    return this.map.get(name) ?? -1;
  }
}

/** `KeyCategories.mark` result bits. */
export const NEW_KEY = 1;
export const NEW_IN_CATEGORY = 2;

/** Categories held in a key's own mask; later ones go to a ledger. */
const MASK_CATEGORIES = 30;
const SEEN = 1 << MASK_CATEGORIES;

/**
 * Distinct orders or buyers per report period, overall and per category, by dense key. Each
 * (key, period) has one int32: a bit for "counted in the period" and one for each of the first
 * 30 categories (numbered as they first come); pairs with a later category are held in a
 * ledger of (key, category) pairs. 12 bytes per key, read and written in one place per line.
 */
export class KeyCategories {
  private masks = new Int32Array(3 * 4096);
  private readonly overflow = new KeyLedger();

  constructor(private readonly periods = 3) {}

  get bytes(): number {
    return this.masks.byteLength + this.overflow.bytes;
  }

  /**
   * Counts `key` in `period` and in `category` there; returns NEW_KEY when the key is new to
   * the period, plus NEW_IN_CATEGORY when it is new to the category in the period.
   */
  mark(key: number, period: number, category: number): number {
    const i = key * this.periods + period;
    if (i >= this.masks.length) {
      const bigger = new Int32Array(Math.max(this.masks.length * 2, (key + 1) * this.periods));
      bigger.set(this.masks);
      this.masks = bigger;
    }
    const m = this.masks[i]!;
    let next = m | SEEN;
    let result = m & SEEN ? 0 : NEW_KEY;
    if (category < MASK_CATEGORIES) {
      const bit = 1 << category;
      if (!(m & bit)) {
        result |= NEW_IN_CATEGORY;
        next |= bit;
      }
    } else {
      const bit = 1 << period;
      if (!(this.overflow.mark(pairKey(key, category), bit) & bit)) result |= NEW_IN_CATEGORY;
    }
    if (next !== m) this.masks[i] = next;
    return result;
  }
}
