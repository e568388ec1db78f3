// The per-buyer table: one row per buyer (platform + buyer id, as `overview.buyers` counts them)
// in typed columns, the row being the buyer's key from ingest (OrderLine.buyerKey), so memory
// grows with buyers, not with lines, and holds no id strings. Days are local day numbers.
// From it come new/returning buyers, repurchase, returning-buyer rate, dormant and reactivated
// buyers and the RFM buyer tiers, for each of the three report periods.
import { quintileScores } from './stats.js';

/** The three report periods as [first day, day after the last) local day numbers. */
export interface DayRange {
  start: number;
  end: number;
}

const NONE_MAX = -2147483648; // "no day yet" for max-columns
const NONE_MIN = 2147483647; // "no day yet" for min-columns
export const PERIOD_COUNT = 3;

/** Bits of an order's period mask: periods 0–2, and the RFM window (365 days to the report's end). */
export const WINDOW_BIT = 1 << PERIOD_COUNT;

export const TIER_IDS = ['champions', 'potential', 'atRisk', 'winBack', 'loyal', 'promising', 'needAttention', 'hibernating'] as const;
export type TierId = (typeof TIER_IDS)[number];

/** Named tiers by whether recency, frequency and spend score high (quintile score ≥ 4). */
const TIER_OF: Record<string, TierId> = {
  HHH: 'champions',
  HLH: 'potential',
  LHH: 'atRisk',
  LLH: 'winBack',
  HHL: 'loyal',
  HLL: 'promising',
  LHL: 'needAttention',
  LLL: 'hibernating',
};
export const HIGH_SCORE = 4;

export interface BuyerTier {
  tier: TierId;
  buyers: number;
  gmvMinor: number;
  gmvShare: number | null;
}

export interface PeriodBuyerCounts {
  buyers: number;
  /** First paid order in all history falls in the period. */
  newBuyers: number;
  /** ≥ 2 distinct orders with a paid line in the period. */
  repeatBuyers: number;
  /** Bought in the lookback days before the period and again in it. */
  lookbackBuyers: number;
  /** Last paid order (up to the period end) between the dormant bounds before the period's last day. */
  dormantBuyers: number;
  /** Bought in the period after a gap of at least the dormant minimum since their previous order. */
  reactivatedBuyers: number;
}

export interface BuyerRules {
  dormantMinDays: number;
  dormantMaxDays: number;
  returningLookbackDays: number;
}

function grow<T extends Int32Array | Float64Array | Uint16Array>(a: T, size: number, fill?: number): T {
  if (a.length >= size) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  next.set(a);
  if (fill !== undefined) next.fill(fill, a.length);
  return next;
}

export class BuyerTable {
  /** Rows with a paid line (rows are buyer keys, and buyers without one have blank rows). */
  private count = 0;
  /** Rows held: one past the highest buyer key seen. */
  private rows = 0;
  private capacity = 0;
  private readonly platformIds = new Map<string, number>();
  readonly platformNames: string[] = [];
  /** Per row: the platform's number + 1; 0 for a row not seen yet. */
  private platform = new Uint16Array(0);
  /** Per period: last paid day before the period, first paid day in it, last paid day up to its end. */
  private lastBefore: Int32Array[] = [];
  private firstIn: Int32Array[] = [];
  private lastUpTo: Int32Array[] = [];
  /** Per period: distinct orders with a paid line in the period. */
  private orders: Int32Array[] = [];
  /** RFM window: distinct orders and GMV. */
  private windowOrders = new Int32Array(0);
  private windowGmv = new Float64Array(0);

  constructor(
    private readonly periods: readonly DayRange[],
    /** Last day (inclusive) of the report period: recency is measured from it. */
    private readonly windowStart: number,
    private readonly windowEnd: number,
  ) {
    for (let p = 0; p < PERIOD_COUNT; p++) {
      this.lastBefore.push(new Int32Array(0));
      this.firstIn.push(new Int32Array(0));
      this.lastUpTo.push(new Int32Array(0));
      this.orders.push(new Int32Array(0));
    }
  }

  get size(): number {
    return this.count;
  }

  /** The row of a buyer (its key), set up on first sight. */
  row(buyerKey: number, platform: string): number {
    const row = buyerKey;
    if (row >= this.capacity) this.ensure(row + 1);
    if (row >= this.rows) this.rows = row + 1;
    if (this.platform[row] !== 0) return row;
    this.count++;
    let pid = this.platformIds.get(platform);
    if (pid === undefined) {
      pid = this.platformNames.length;
      this.platformIds.set(platform, pid);
      this.platformNames.push(platform);
    }
    this.platform[row] = pid + 1;
    return row;
  }

  private ensure(size: number): void {
    for (let p = 0; p < PERIOD_COUNT; p++) {
      this.lastBefore[p] = grow(this.lastBefore[p]!, size, NONE_MAX);
      this.firstIn[p] = grow(this.firstIn[p]!, size, NONE_MIN);
      this.lastUpTo[p] = grow(this.lastUpTo[p]!, size, NONE_MAX);
      this.orders[p] = grow(this.orders[p]!, size, 0);
    }
    this.windowOrders = grow(this.windowOrders, size, 0);
    this.windowGmv = grow(this.windowGmv, size, 0);
    this.platform = grow(this.platform, size, 0);
    this.capacity = this.windowOrders.length;
  }

  /** A paid line of this buyer on local day `day`. */
  paidLine(row: number, day: number, paidAmountMinor: number): void {
    for (let p = 0; p < PERIOD_COUNT; p++) {
      const range = this.periods[p]!;
      if (day < range.start) {
        const col = this.lastBefore[p]!;
        if (day > col[row]!) col[row] = day;
      } else if (day < range.end) {
        const col = this.firstIn[p]!;
        if (day < col[row]!) col[row] = day;
      }
      if (day < range.end) {
        const col = this.lastUpTo[p]!;
        if (day > col[row]!) col[row] = day;
      }
    }
    if (day >= this.windowStart && day <= this.windowEnd) this.windowGmv[row]! += paidAmountMinor;
  }

  /** A whole order of this buyer, closed, with the periods (and window) it has paid lines in. */
  order(row: number, mask: number): void {
    for (let p = 0; p < PERIOD_COUNT; p++) if (mask & (1 << p)) this.orders[p]![row]!++;
    if (mask & WINDOW_BIT) this.windowOrders[row]!++;
  }

  /** Counts for period `p`, over all buyers or those of one platform. */
  counts(p: number, rules: BuyerRules, platform?: string): PeriodBuyerCounts {
    const range = this.periods[p]!;
    const lastDay = range.end - 1;
    const pid = platform === undefined ? -1 : (this.platformIds.get(platform) ?? -3) + 1;
    const out: PeriodBuyerCounts = { buyers: 0, newBuyers: 0, repeatBuyers: 0, lookbackBuyers: 0, dormantBuyers: 0, reactivatedBuyers: 0 };
    if (pid === -2) return out;
    const before = this.lastBefore[p]!;
    const first = this.firstIn[p]!;
    const upTo = this.lastUpTo[p]!;
    const orders = this.orders[p]!;
    for (let r = 0; r < this.rows; r++) {
      if (pid >= 0 && this.platform[r] !== pid) continue;
      const last = upTo[r]!;
      if (last !== NONE_MAX) {
        const idle = lastDay - last;
        if (idle >= rules.dormantMinDays && idle <= rules.dormantMaxDays) out.dormantBuyers++;
      }
      const firstDay = first[r]!;
      if (firstDay === NONE_MIN) continue;
      out.buyers++;
      const prior = before[r]!;
      if (prior === NONE_MAX) out.newBuyers++;
      else {
        if (prior >= range.start - rules.returningLookbackDays) out.lookbackBuyers++;
        if (firstDay - prior >= rules.dormantMinDays) out.reactivatedBuyers++;
      }
      if (orders[r]! >= 2) out.repeatBuyers++;
    }
    return out;
  }

  /**
   * RFM tiers over the buyers with a paid order in the window (the 365 days to the report
   * period's last day): recency = days from their last order to that day, frequency = distinct
   * orders, spend = GMV, each scored 1–5 by quintile; a score ≥ 4 is "high".
   */
  tiers(): BuyerTier[] {
    const rows: number[] = [];
    for (let r = 0; r < this.rows; r++) if (this.windowOrders[r]! > 0) rows.push(r);
    const n = rows.length;
    const recency = new Float64Array(n);
    const frequency = new Float64Array(n);
    const spend = new Float64Array(n);
    const upTo = this.lastUpTo[0]!;
    rows.forEach((r, i) => {
      recency[i] = this.windowEnd - upTo[r]!;
      frequency[i] = this.windowOrders[r]!;
      spend[i] = this.windowGmv[r]!;
    });
    const rScore = quintileScores(recency, false);
    const fScore = quintileScores(frequency, true);
    const mScore = quintileScores(spend, true);
    const buyers = new Map<TierId, number>();
    const gmv = new Map<TierId, number>();
    let total = 0;
    for (let i = 0; i < n; i++) {
      const code = (rScore[i]! >= HIGH_SCORE ? 'H' : 'L') + (fScore[i]! >= HIGH_SCORE ? 'H' : 'L') + (mScore[i]! >= HIGH_SCORE ? 'H' : 'L');
      const tier = TIER_OF[code]!;
      buyers.set(tier, (buyers.get(tier) ?? 0) + 1);
      gmv.set(tier, (gmv.get(tier) ?? 0) + spend[i]!);
      total += spend[i]!;
    }
    return TIER_IDS.map((tier) => {
      const g = gmv.get(tier) ?? 0;
      return { tier, buyers: buyers.get(tier) ?? 0, gmvMinor: g, gmvShare: total > 0 ? g / total : null };
    });
  }
}
