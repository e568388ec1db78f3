// Products bought together: baskets (one order's paid lines in the period) counted per item and
// per unordered pair, at a bounded memory cost. Pair counts are exact until `maxPairs` distinct
// pairs are held; past that the counter keeps going as a Misra–Gries summary (every held count
// drops by one when a new pair finds no room), so the held counts become lower bounds that are
// at most `undercount` below the truth, and any pair more frequent than that is still held.
//
//   support(A,B)    = baskets with A and B ÷ all baskets
//   confidence(A→B) = baskets with A and B ÷ baskets with A
//   lift(A,B)       = support(A,B) ÷ (support(A) · support(B))   (symmetric)
import { detached } from './core-orders.js';

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

const SEP = '\u0000';

/** Baskets with more distinct items than this feed item counts but not pair counts. */
export const MAX_BASKET_ITEMS = 100;

export class PairCounter {
  private readonly itemBaskets = new Map<string, number>();
  private readonly pairs = new Map<string, number>();
  private readonly labels = new Map<string, string>();
  private basketCount = 0;
  private multiItemBaskets = 0;
  private oversized = 0;
  /** How far below the truth any held pair count may be (0 while exact). */
  private undercountBound = 0;

  constructor(private readonly maxPairs = 200_000) {}

  /** One basket: its distinct items (order does not matter). */
  addBasket(items: readonly string[], labels?: readonly (string | null)[]): void {
    this.basketCount++;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const held = this.itemBaskets.get(item);
      this.itemBaskets.set(held === undefined ? detached(item) : item, (held ?? 0) + 1);
      const label = labels?.[i];
      if (label && !this.labels.has(item)) this.labels.set(detached(item), detached(label));
    }
    if (items.length < 2) return;
    this.multiItemBaskets++;
    if (items.length > MAX_BASKET_ITEMS) {
      this.oversized++;
      return;
    }
    const sorted = [...items].sort();
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) this.countPair(sorted[i]! + SEP + sorted[j]!);
    }
  }

  private countPair(key: string): void {
    const held = this.pairs.get(key);
    if (held !== undefined) {
      this.pairs.set(key, held + 1);
      return;
    }
    if (this.pairs.size < this.maxPairs) {
      this.pairs.set(detached(key), 1);
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
      items: this.itemBaskets.size,
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
      const cut = key.indexOf(SEP);
      const x = key.slice(0, cut);
      const y = key.slice(cut + 1);
      const nx = this.itemBaskets.get(x) ?? 0;
      const ny = this.itemBaskets.get(y) ?? 0;
      const [a, b, na, nb] = nx < ny || (nx === ny && x <= y) ? [x, y, nx, ny] : [y, x, ny, nx];
      const lift = (count * n) / (na * nb);
      if (!(lift > MIN_LIFT)) continue;
      out.push({
        a,
        b,
        aLabel: this.labels.get(a) ?? a,
        bLabel: this.labels.get(b) ?? b,
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
