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
  /** Per entry: where its text starts in the arena, its length, its value. */
  private starts = new Int32Array(1 << 10);
  private lengths = new Int32Array(1 << 10);
  private values = new Float64Array(1 << 10);
  /** Every key's text, UTF-16 code units, parts separated by U+0000. */
  private arena = new Uint16Array(1 << 14);
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
    for (let i = 0; i < platform.length; i++) if (a[p++] !== platform.charCodeAt(i)) return false;
    p++;
    for (let i = 0; i < orderId.length; i++) if (a[p++] !== orderId.charCodeAt(i)) return false;
    p++;
    for (let i = 0; i < lineId.length; i++) if (a[p++] !== lineId.charCodeAt(i)) return false;
    return true;
  }

  private add(slot: number, hash: number, length: number, platform: string, orderId: string, lineId: string, value: number): void {
    const entry = this.count++;
    if (entry === this.starts.length) this.growEntries();
    if (this.used + length > this.arena.length) {
      const bigger = new Uint16Array(Math.max(this.arena.length * 2, this.used + length));
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    const a = this.arena;
    let p = this.used;
    this.starts[entry] = p;
    this.lengths[entry] = length;
    this.values[entry] = value;
    for (let i = 0; i < platform.length; i++) a[p++] = platform.charCodeAt(i);
    a[p++] = SEPARATOR;
    for (let i = 0; i < orderId.length; i++) a[p++] = orderId.charCodeAt(i);
    a[p++] = SEPARATOR;
    for (let i = 0; i < lineId.length; i++) a[p++] = lineId.charCodeAt(i);
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
