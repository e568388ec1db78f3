// Counting distinct orders and buyers over millions of lines without keeping a string per
// line: keys are interned once to dense integers, and "seen" is a growable bitset per group.

/**
 * Dense integer ids for (scope, key) pairs, e.g. (platform, order id). Keys are copied when
 * stored: a field cut from a CSV chunk would otherwise keep its whole chunk alive.
 */
export class Interner {
  private readonly scopes = new Map<string, Map<string, number>>();
  private next = 0;

  id(scope: string, key: string): number {
    let keys = this.scopes.get(scope);
    if (keys === undefined) {
      keys = new Map();
      this.scopes.set(detach(scope), keys);
    }
    let id = keys.get(key);
    if (id === undefined) {
      id = this.next++;
      keys.set(detach(key), id);
    }
    return id;
  }

  get size(): number {
    return this.next;
  }
}

/** A copy of `s` that does not share storage with a larger string. */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** A set of small non-negative integers as a growable bitset. */
export class DistinctSet {
  private bits = new Uint32Array(64);
  private count = 0;

  /** Adds `id`; true when it was not there yet. */
  add(id: number): boolean {
    const word = id >>> 5;
    if (word >= this.bits.length) {
      let length = this.bits.length * 2;
      while (length <= word) length *= 2;
      const grown = new Uint32Array(length);
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (id & 31);
    const w = this.bits[word]!;
    if (w & mask) return false;
    this.bits[word] = w | mask;
    this.count++;
    return true;
  }

  has(id: number): boolean {
    const word = id >>> 5;
    return word < this.bits.length && (this.bits[word]! & (1 << (id & 31))) !== 0;
  }

  get size(): number {
    return this.count;
  }
}
