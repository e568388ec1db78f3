// The set of order-line keys (platform, order id, line id) seen so far in a run, with a number
// kept per key. It holds a million keys in ~50 MB of typed arrays instead of a Map of strings
// (~180 MB of small objects the garbage collector must trace), and answers a lookup without
// building a key string: the parts are hashed and compared where they are.
const EMPTY = -1;
const SEPARATOR = 0; // between the parts of a key in the arena (ids never hold U+0000)

export class LineKeySet {
  private slots = new Int32Array(1 << 12).fill(EMPTY);
  private slotHashes = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  private count = 0;
  /**
   * Per entry: where its text starts in the arena (bitwise-not of it for a wide key, see
   * below), its length in UTF-16 code units, its value.
   */
  private starts = new Int32Array(1 << 10);
  private lengths = new Int32Array(1 << 10);
  private values = new Float64Array(1 << 10);
  /**
   * Every key's text, parts separated by U+0000: one byte per code unit when all of the key's
   * code units are below 256 (ids and line numbers almost always are: half the room of UTF-16),
   * else two bytes per code unit, low byte first.
   */
  private arena = new Uint8Array(1 << 15);
  private used = 0;

  get size(): number {
    return this.count;
  }

  /**
   * The value stored with (platform, orderId, lineId), or undefined when the key is new — then
   * it is added with `value`.
   */
  getOrAdd(platform: string, orderId: string, lineId: string, value: number): number | undefined {
    let h = 0x811c9dc5;
    for (let i = 0; i < platform.length; i++) h = Math.imul(h ^ platform.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ SEPARATOR, 0x01000193);
    for (let i = 0; i < orderId.length; i++) h = Math.imul(h ^ orderId.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ SEPARATOR, 0x01000193);
    for (let i = 0; i < lineId.length; i++) h = Math.imul(h ^ lineId.charCodeAt(i), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x45d9f3b);
    h ^= h >>> 16;
    const length = platform.length + orderId.length + lineId.length + 2;
    let slot = h & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) break;
      if (this.slotHashes[slot] === h && this.lengths[entry] === length && this.matches(entry, platform, orderId, lineId)) {
        return this.values[entry];
      }
      slot = (slot + 1) & this.mask;
    }
    this.add(slot, h, length, platform, orderId, lineId, value);
    return undefined;
  }

  private matches(entry: number, platform: string, orderId: string, lineId: string): boolean {
    const a = this.arena;
    let p = this.starts[entry]!;
    if (p < 0) return this.matchesWide(~p, platform, orderId, lineId);
    for (let i = 0; i < platform.length; i++) if (a[p++] !== platform.charCodeAt(i)) return false;
    p++;
    for (let i = 0; i < orderId.length; i++) if (a[p++] !== orderId.charCodeAt(i)) return false;
    p++;
    for (let i = 0; i < lineId.length; i++) if (a[p++] !== lineId.charCodeAt(i)) return false;
    return true;
  }

  private matchesWide(p: number, platform: string, orderId: string, lineId: string): boolean {
    const a = this.arena;
    for (let i = 0; i < platform.length; i++, p += 2) if ((a[p]! | (a[p + 1]! << 8)) !== platform.charCodeAt(i)) return false;
    p += 2;
    for (let i = 0; i < orderId.length; i++, p += 2) if ((a[p]! | (a[p + 1]! << 8)) !== orderId.charCodeAt(i)) return false;
    p += 2;
    for (let i = 0; i < lineId.length; i++, p += 2) if ((a[p]! | (a[p + 1]! << 8)) !== lineId.charCodeAt(i)) return false;
    return true;
  }

  private add(slot: number, hash: number, length: number, platform: string, orderId: string, lineId: string, value: number): void {
    const entry = this.count++;
    if (entry === this.starts.length) this.growEntries();
    const wide = isWide(platform) || isWide(orderId) || isWide(lineId);
    const bytes = wide ? length * 2 : length;
    if (this.used + bytes > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.used + bytes));
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    const a = this.arena;
    let p = this.used;
    this.starts[entry] = wide ? ~p : p;
    this.lengths[entry] = length;
    this.values[entry] = value;
    if (wide) {
      p = putWide(a, p, platform);
      p += 2; // the separator: two zero bytes (the arena is zero-filled)
      p = putWide(a, p, orderId);
      p += 2;
      p = putWide(a, p, lineId);
    } else {
      for (let i = 0; i < platform.length; i++) a[p++] = platform.charCodeAt(i);
      a[p++] = SEPARATOR;
      for (let i = 0; i < orderId.length; i++) a[p++] = orderId.charCodeAt(i);
      a[p++] = SEPARATOR;
      for (let i = 0; i < lineId.length; i++) a[p++] = lineId.charCodeAt(i);
    }
    this.used = p;
    this.slots[slot] = entry;
    this.slotHashes[slot] = hash;
    // Keep the table at most half full, so probe runs stay short.
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private growEntries(): void {
    const n = this.starts.length * 2;
    const starts = new Int32Array(n);
    starts.set(this.starts);
    this.starts = starts;
    const lengths = new Int32Array(n);
    lengths.set(this.lengths);
    this.lengths = lengths;
    const values = new Float64Array(n);
    values.set(this.values);
    this.values = values;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const mask = size - 1;
    const slots = new Int32Array(size).fill(EMPTY);
    const hashes = new Int32Array(size);
    for (let s = 0; s < this.slots.length; s++) {
      const entry = this.slots[s]!;
      if (entry === EMPTY) continue;
      const h = this.slotHashes[s]!;
      let t = h & mask;
      while (slots[t] !== EMPTY) t = (t + 1) & mask;
      slots[t] = entry;
      hashes[t] = h;
    }
    this.slots = slots;
    this.slotHashes = hashes;
    this.mask = mask;
  }
}

/** Does `s` hold a code unit that needs more than one byte? */
function isWide(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 255) return true;
  return false;
}

/** Writes `s` as two bytes per code unit (low byte first) at `p`; returns the end. */
function putWide(a: Uint8Array, p: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a[p++] = c & 0xff;
    a[p++] = c >>> 8;
  }
  return p;
}
