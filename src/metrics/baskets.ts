// Products bought together: baskets (one order's paid lines in the period) counted per item and
// per unordered pair, at a bounded memory cost. Pair counts are exact until `maxPairs` distinct
// pairs are held; past that the counter keeps going as a Misra–Gries summary (every held count
// drops by one when a new pair finds no room), so the held counts become lower bounds that are
// at most `undercount` below the truth, and any pair more frequent than that is still held.
//
//   support(A,B)    = baskets with A and B ÷ all baskets
//   confidence(A→B) = baskets with A and B ÷ baskets with A
//   lift(A,B)       = support(A,B) ÷ (support(A) · support(B))   (symmetric)
import { Names, detached } from './core-orders.js';

export interface Pair {
  /** The antecedent: of the two, the item in fewer baskets (so `confidence` is the higher direction). */
  a: string;
  b: string;
  /** Display names (product name for SKUs; the category itself for categories). */
  aLabel: string;
  bLabel: string;
  support: number;
  /** confidence(a → b) */
  confidence: number;
  /** confidence(b → a) */
  confidenceReverse: number;
  lift: number;
  /** Baskets holding both. */
  baskets: number;
}

export interface PairOptions {
  minSupport: number;
  minBaskets: number;
  top: number;
}

/** Only pairs bought together more often than if the two were independent are listed. */
export const MIN_LIFT = 1;

/** Baskets with more distinct items than this feed item counts but not pair counts. */
export const MAX_BASKET_ITEMS = 100;

/**
 * The number of the unordered pair of item numbers {x, y}, x ≠ y: pairs numbered by their larger
 * item, hi · (hi − 1) / 2 + lo, so that pairs of the first 46,000 items are small integers (a
 * Map finds those without hashing a string) and every pair of up to 2^26 items is exact.
 */
function pairNumber(x: number, y: number): number {
  const lo = x < y ? x : y;
  const hi = x < y ? y : x;
  return (hi * (hi - 1)) / 2 + lo;
}

/** The item numbers [lo, hi] of a pair number. */
function pairItems(n: number): [number, number] {
  let hi = Math.floor((1 + Math.sqrt(1 + 8 * n)) / 2);
  // Guard the float square root at the edges.
  while ((hi * (hi - 1)) / 2 > n) hi--;
  while (((hi + 1) * hi) / 2 <= n) hi++;
  return [n - (hi * (hi - 1)) / 2, hi];
}

export class PairCounter {
  /** Items numbered in order of first sight; per number its label and baskets. */
  private readonly items = new Names();
  private readonly itemLabels: (string | undefined)[] = [];
  private readonly itemBaskets: number[] = [];
  /** Per item number: the last basket (by count) it was counted in, so an item given twice counts once. */
  private readonly lastBasket: number[] = [];
  /** Pair counts by pair number (pairNumber). */
  private readonly pairs = new Map<number, number>();
  private readonly numbers: number[] = [];
  private basketCount = 0;
  private multiItemBaskets = 0;
  private oversized = 0;
  /** How far below the truth any held pair count may be (0 while exact). */
  private undercountBound = 0;

  constructor(private readonly maxPairs = 200_000) {}

  /** One basket: its items (order does not matter; an item given twice counts once). */
  addBasket(items: readonly string[], labels?: readonly (string | null)[]): void {
    this.basketCount++;
    const numbers = this.numbers;
    numbers.length = 0;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const n = this.items.number(item);
      if (n === this.itemBaskets.length) {
        this.itemLabels.push(undefined);
        this.itemBaskets.push(0);
        this.lastBasket.push(0);
      }
      const label = labels?.[i];
      if (label && this.itemLabels[n] === undefined) this.itemLabels[n] = detached(label);
      if (this.lastBasket[n] === this.basketCount) continue;
      this.lastBasket[n] = this.basketCount;
      this.itemBaskets[n]!++;
      numbers.push(n);
    }
    if (numbers.length < 2) return;
    this.multiItemBaskets++;
    if (numbers.length > MAX_BASKET_ITEMS) {
      this.oversized++;
      return;
    }
    for (let i = 0; i < numbers.length; i++) {
      for (let j = i + 1; j < numbers.length; j++) this.countPair(pairNumber(numbers[i]!, numbers[j]!));
    }
  }

  private countPair(key: number): void {
    const held = this.pairs.get(key);
    if (held !== undefined) {
      this.pairs.set(key, held + 1);
      return;
    }
    if (this.pairs.size < this.maxPairs) {
      this.pairs.set(key, 1);
      return;
    }
    // Full: the newcomer and every held pair lose one (Misra–Gries).
    this.undercountBound++;
    for (const [k, v] of this.pairs) {
      if (v <= 1) this.pairs.delete(k);
      else this.pairs.set(k, v - 1);
    }
  }

  get baskets(): number {
    return this.basketCount;
  }

  summary(): { baskets: number; multiItemBaskets: number; oversizedBaskets: number; items: number; heldPairs: number; undercountBound: number } {
    return {
      baskets: this.basketCount,
      multiItemBaskets: this.multiItemBaskets,
      oversizedBaskets: this.oversized,
      items: this.items.list.length,
      heldPairs: this.pairs.size,
      undercountBound: this.undercountBound,
    };
  }

  /**
   * Pairs meeting both minimums with lift above 1, highest lift first (then more baskets, then
   * by name), at most `top`.
   */
  top(options: PairOptions): Pair[] {
    const n = this.basketCount;
    if (n === 0) return [];
    const out: Pair[] = [];
    for (const [key, count] of this.pairs) {
      if (count < options.minBaskets || count / n < options.minSupport) continue;
      const [i, j] = pairItems(key);
      const x = this.items.list[i]!;
      const y = this.items.list[j]!;
      const nx = this.itemBaskets[i]!;
      const ny = this.itemBaskets[j]!;
      const [a, b, na, nb, la, lb] = nx < ny || (nx === ny && x <= y) ? [x, y, nx, ny, this.itemLabels[i], this.itemLabels[j]] : [y, x, ny, nx, this.itemLabels[j], this.itemLabels[i]];
      const lift = (count * n) / (na * nb);
      if (!(lift > MIN_LIFT)) continue;
      out.push({
        a,
        b,
        aLabel: la ?? a,
        bLabel: lb ?? b,
        support: count / n,
        confidence: count / na,
        confidenceReverse: count / nb,
        lift,
        baskets: count,
      });
    }
    out.sort((p, q) => q.lift - p.lift || q.baskets - p.baskets || cmp(p.a, q.a) || cmp(p.b, q.b));
    return out.slice(0, options.top);
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
