// Distinct keys (an order, a buyer, an order within a category …) with one byte of flags each,
// e.g. the report periods a key was already counted in. A key is held as a 52-bit hash of its
// parts in typed arrays: 9 bytes per key (18–36 with the table's free room) instead of the
// ~150 of a Set of key strings, and no string is built or kept. With it, distinct counts are
// right whatever order the lines arrive in. Two different keys share a 52-bit hash with a chance
// of about n² / 2^53 (≈ 1 in 9,000 for a million keys); the later one is then not counted again.

const EMPTY = 0;
/**
 * Tables grow past 70 % full: linear probes stay short (~2 on a hit) while the tables take up to
 * a third less room than at 50 %, and with many keys they are most of the metrics' memory.
 */
const MAX_LOAD = 0.7;

/**
 * FNV-1a and a second multiplicative hash over the UTF-16 code units of the parts (with a 0
 * between them), joined to 52 bits (never 0).
 */
export function keyHash(platform: string, id: string, part?: string): number {
  // Two running hashes, mixed inline (a closure here costs a call per character).
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < platform.length; i++) {
    const c = platform.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a = Math.imul(a, 0x01000193);
  b = Math.imul(b, 0x5bd1e995);
  b ^= b >>> 15;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  if (part !== undefined) {
    a = Math.imul(a, 0x01000193);
    b = Math.imul(b, 0x5bd1e995);
    b ^= b >>> 15;
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x45d9f3b);
  a ^= a >>> 16;
  const h = (a >>> 0) * 0x100000 + (b >>> 12);
  return h === EMPTY ? 1 : h;
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
    let slot = (h % 0x100000) & this.mask; // the low 20 bits of the hash spread well
    slot = (slot ^ Math.floor(h / 0x100000)) & this.mask;
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

/** The order key: platform + order id. */
export const orderHash = (platform: string, orderId: string): number => keyHash(platform, orderId);

/**
 * Rows of a table by key hash (a buyer → their row in the per-buyer table): 12 bytes per key
 * (24–48 with free room) instead of a Map of key strings. Same 52-bit hashes and the same
 * tiny chance of two keys sharing one as above.
 */
export class KeyIndex {
  private hashes = new Float64Array(1 << 12);
  private rows = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The row of the key with hash `h`, or `next` when the key is new (it is then given `next`). */
  rowOf(h: number, next: number): number {
    let slot = ((h % 0x100000) ^ Math.floor(h / 0x100000)) & this.mask;
    for (;;) {
      const held = this.hashes[slot]!;
      if (held === h) return this.rows[slot]!;
      if (held === EMPTY) {
        this.hashes[slot] = h;
        this.rows[slot] = next;
        if (++this.count > this.hashes.length * MAX_LOAD) this.grow();
        return next;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const oldHashes = this.hashes;
    const oldRows = this.rows;
    this.hashes = new Float64Array(oldHashes.length * 2);
    this.rows = new Int32Array(oldHashes.length * 2);
    this.mask = this.hashes.length - 1;
    this.count = 0;
    for (let i = 0; i < oldHashes.length; i++) if (oldHashes[i] !== EMPTY) this.rowOf(oldHashes[i]!, oldRows[i]!);
  }
}
