// Section 1, performance overview: GMV, refunds, net sales, orders and buyers for the report
// quarter and its two comparison periods, split by platform, category and month.
//
// Lines are streamed in once through `OverviewAccumulator.add`; the accumulator keeps only sums
// and, for distinct orders and buyers, a flag byte per report period by order and buyer key,
// plus the (order, category) and (buyer, category) pairs in ledgers (./core-orders.ts): about
// 10–30 bytes per order or buyer, and no key strings.
// Definitions (see the locale's definitions for the words):
//   GMV       = Σ paid_amount of lines whose paid_at falls in the period, cancelled/unpaid excluded
//   refunds   = Σ refund_amount of those same lines (counted in the order's period)
//   net sales = GMV − refunds
//   orders    = distinct (platform, order_id) with such a line
//   buyers    = distinct (platform, customer_id) with such a line
import type { OrderLine } from '../canonical.js';
import type { Period, ReportPeriods } from '../time/quarter.js';
import { KeyCategories, NEW_IN_CATEGORY, NEW_KEY, Names, detached, grown } from './core-orders.js';
import { figure, growth, ratio, type Figure } from './figure.js';
import { missingReason } from './registry.js';

type PeriodKey = 'current' | 'previous' | 'yearAgo';
const PERIOD_KEYS: readonly PeriodKey[] = ['current', 'previous', 'yearAgo'];

interface Totals {
  paidLines: number;
  gmvMinor: number;
  refundsMinor: number;
  /** Distinct orders and buyers (each counted by the line that first brings it into this bucket). */
  orders: number;
  buyers: number;
  linesWithoutBuyer: number;
}

function newTotals(): Totals {
  return { paidLines: 0, gmvMinor: 0, refundsMinor: 0, orders: 0, buyers: 0, linesWithoutBuyer: 0 };
}

interface PeriodAccumulator {
  all: Totals;
  byPlatform: Map<string, Totals>;
  byCategory: Map<string, Totals>;
}

export interface MonthBoundary {
  /** YYYY-MM */
  month: string;
  startMs: number;
}

export interface OverviewInput {
  periods: ReportPeriods;
  /**
   * Local month starts (ascending) covering at least the 24 months up to the end of the
   * report quarter, plus the boundary after the last month. Computed by the caller with the
   * configured time zone, so this module needs no time-zone code.
   */
  monthBoundaries: readonly MonthBoundary[];
}

export interface BreakdownRow {
  key: string;
  gmv: Figure;
  share: number | null;
  orders: Figure;
  buyers: Figure;
}

export interface MonthRow {
  month: string;
  gmv: Figure;
  /**
   * Set by the core metrics, which know the days (computeCore): the month's days, how many of
   * them the order exports reach (between their first and last dated line) and the first and
   * last of those. A month the exports reach only in part is compared over the same days of
   * the month before and of the same month a year earlier.
   */
  days?: number;
  dataDays?: number;
  dataStart?: string | null;
  dataEnd?: string | null;
}

export interface OverviewMetrics {
  gmv: Figure;
  netSales: Figure;
  refunds: Figure;
  orders: Figure;
  buyers: Figure;
  byPlatform: BreakdownRow[];
  byCategory: BreakdownRow[];
  /** The 12 months ending with the report quarter; months before the data starts are null. */
  byMonth: MonthRow[];
  counts: {
    /** Paid, non-cancelled lines inside each period. */
    paidLines: Record<PeriodKey, number>;
    /** Of those, lines without a customer id (not counted as buyers). */
    linesWithoutBuyer: Record<PeriodKey, number>;
    /** Every line seen, whatever its status or date. */
    linesSeen: number;
    /** Lines excluded as cancelled or unpaid (no paid time). */
    linesCancelledOrUnpaid: number;
    /** First and last paid instant seen across all data (epoch ms), for coverage notes. */
    firstPaidAt: number | null;
    lastPaidAt: number | null;
  };
}

export const UNKNOWN_CATEGORY = '(none)';

export class OverviewAccumulator {
  private readonly periods: readonly [PeriodKey, Period][];
  private readonly acc: Record<PeriodKey, PeriodAccumulator>;
  /** The same Totals as in `acc`, by period and by platform / category number. */
  private readonly platformTotals: Totals[][] = [[], [], []];
  private readonly categoryTotals: Totals[][] = [[], [], []];
  private readonly monthStarts: Float64Array;
  private readonly monthKeys: string[];
  private readonly monthGmv: Float64Array;
  private readonly monthHasData: Uint8Array;
  private linesSeen = 0;
  private linesCancelledOrUnpaid = 0;
  private firstPaidAt: number | null = null;
  private lastPaidAt: number | null = null;
  /** Any line (paid or not) dated inside the period: tells "no data" from "zero sales". */
  private readonly periodHasData: Record<PeriodKey, boolean> = { current: false, previous: false, yearAgo: false };
  /** Platforms by number, and the periods each has any line dated in: a platform without an
   * export for a period has no figure there (null), which is not the same as selling nothing (0). */
  private readonly platforms = new Names();
  private platformPeriods = new Uint8Array(16);
  private readonly categories = new Names();
  /** Which periods each order / buyer (by key) was counted in, overall and within each category. */
  private readonly orders = new KeyCategories();
  private readonly buyers = new KeyCategories();

  constructor(private readonly input: OverviewInput) {
    this.periods = PERIOD_KEYS.map((k) => [k, input.periods[k]] as [PeriodKey, Period]);
    this.acc = {
      current: { all: newTotals(), byPlatform: new Map(), byCategory: new Map() },
      previous: { all: newTotals(), byPlatform: new Map(), byCategory: new Map() },
      yearAgo: { all: newTotals(), byPlatform: new Map(), byCategory: new Map() },
    };
    this.monthStarts = Float64Array.from(input.monthBoundaries.map((b) => b.startMs));
    this.monthKeys = input.monthBoundaries.map((b) => b.month);
    this.monthGmv = new Float64Array(this.monthKeys.length);
    this.monthHasData = new Uint8Array(this.monthKeys.length);
  }

  add(line: OrderLine): void {
    this.linesSeen++;
    const dated = line.paidAt ?? line.createdAt;
    const periods = this.periods;
    const platform = this.platforms.number(line.platform);
    if (dated !== null) {
      // Indexed loops: a destructuring for…of allocates an iterator and an entry per line.
      for (let i = 0; i < periods.length; i++) {
        const period = periods[i]![1];
        if (dated >= period.startMs && dated < period.endMs) {
          this.periodHasData[periods[i]![0]] = true;
          if (platform >= this.platformPeriods.length) this.platformPeriods = grown(this.platformPeriods, platform + 1);
          this.platformPeriods[platform]! |= 1 << i;
        }
      }
      const m = this.monthIndex(dated);
      if (m >= 0) this.monthHasData[m] = 1;
    }
    const paidAt = line.paidAt;
    if (paidAt === null || line.status === 'cancelled' || line.status === 'pending') {
      this.linesCancelledOrUnpaid++;
      return;
    }
    if (this.firstPaidAt === null || paidAt < this.firstPaidAt) this.firstPaidAt = paidAt;
    if (this.lastPaidAt === null || paidAt > this.lastPaidAt) this.lastPaidAt = paidAt;
    const m = this.monthIndex(paidAt);
    if (m >= 0) this.monthGmv[m]! += line.paidAmountMinor;

    const categoryName = line.category ?? UNKNOWN_CATEGORY;
    const category = this.categories.number(categoryName);
    const buyer = line.buyerKey;
    const hasBuyer = buyer >= 0;
    // A return booked as its own row (a negative quantity: UCI's C536379 invoices) takes money
    // back and sells nothing: its refund counts, but it makes no order and no buyer.
    const returnOnly = line.quantity < 0 && line.paidAmountMinor === 0;
    for (let i = 0; i < periods.length; i++) {
      const key = periods[i]![0];
      const period = periods[i]![1];
      if (paidAt < period.startMs || paidAt >= period.endMs) continue;
      const acc = this.acc[key];
      // An order or buyer is new to the period (and so to its platform) and, separately, to the category.
      const o = returnOnly ? 0 : this.orders.mark(line.orderKey, i, category);
      const b = hasBuyer && !returnOnly ? this.buyers.mark(buyer, i, category) : 0;
      const newOrder = (o & NEW_KEY) !== 0;
      const newCategoryOrder = (o & NEW_IN_CATEGORY) !== 0;
      const newBuyer = (b & NEW_KEY) !== 0;
      const newCategoryBuyer = (b & NEW_IN_CATEGORY) !== 0;
      addTo(acc.all, line, newOrder, newBuyer, hasBuyer);
      addTo(this.totalsOf(this.platformTotals[i]!, acc.byPlatform, platform, line.platform), line, newOrder, newBuyer, hasBuyer);
      addTo(this.totalsOf(this.categoryTotals[i]!, acc.byCategory, category, categoryName), line, newCategoryOrder, newCategoryBuyer, hasBuyer);
    }
  }

  /** The Totals of platform / category number `n` in one period, made (and named in `map`) on first use. */
  private totalsOf(byNumber: Totals[], map: Map<string, Totals>, n: number, name: string): Totals {
    let t = byNumber[n];
    if (t === undefined) {
      t = newTotals();
      while (byNumber.length < n) byNumber.push(undefined as unknown as Totals);
      byNumber[n] = t;
      map.set(detached(name), t);
    }
    return t;
  }

  private hasPlatformData(key: PeriodKey, platform: string): boolean {
    const n = this.platforms.lookup(platform);
    return n >= 0 && n < this.platformPeriods.length && (this.platformPeriods[n]! & (1 << PERIOD_KEYS.indexOf(key))) !== 0;
  }

  /** Index of the month containing `t`, or -1 outside the covered months. */
  private monthIndex(t: number): number {
    const starts = this.monthStarts;
    const n = starts.length - 1; // the last boundary only closes the last month
    if (n < 1 || t < starts[0]! || t >= starts[n]!) return -1;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  finish(): OverviewMetrics {
    const has = this.periodHasData;
    const fig = (
      unit: 'minor' | 'count',
      read: (t: Totals) => number | null,
      get: (a: PeriodAccumulator) => Totals | undefined,
      platform?: string,
    ) => {
      const pick = (key: PeriodKey): number | null => {
        if (!has[key]) return null;
        if (platform !== undefined && !this.hasPlatformData(key, platform)) return null;
        const totals = get(this.acc[key]);
        return totals ? read(totals) : 0;
      };
      return figure(unit, pick('current'), pick('previous'), pick('yearAgo'));
    };

    const gmvOf = (t: Totals) => t.gmvMinor;
    const refundsOf = (t: Totals) => t.refundsMinor;
    const netOf = (t: Totals) => t.gmvMinor - t.refundsMinor;
    const ordersOf = (t: Totals) => t.orders;
    // Paid lines none of which names its buyer (an export without a buyer column) say nothing of
    // how many buyers there were: unknown, not zero.
    const buyersOf = (t: Totals) => (t.paidLines > 0 && t.linesWithoutBuyer === t.paidLines ? null : t.buyers);

    const breakdown = (mapOf: (a: PeriodAccumulator) => Map<string, Totals>, byPlatform: boolean): BreakdownRow[] => {
      const keys = new Set<string>();
      for (const key of PERIOD_KEYS) for (const k of mapOf(this.acc[key]).keys()) keys.add(k);
      const total = this.acc.current.all.gmvMinor;
      const rows = [...keys].map((k) => {
        const get = (a: PeriodAccumulator) => mapOf(a).get(k);
        const platform = byPlatform ? k : undefined;
        const gmv = fig('minor', gmvOf, get, platform);
        return {
          key: k,
          gmv,
          share: has.current ? ratio(gmv.value ?? 0, total) : null,
          orders: fig('count', ordersOf, get, platform),
          buyers: fig('count', buyersOf, get, platform),
        };
      });
      // Largest first; ties by key so the order never depends on input order.
      return rows.sort((a, b) => (b.gmv.value ?? 0) - (a.gmv.value ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    };

    const orders = fig('count', ordersOf, (a) => a.all);
    const buyers = fig('count', buyersOf, (a) => a.all);
    if (buyers.value === null && orders.value !== null) buyers.reason = missingReason('noBuyers', { period: this.input.periods.current.label });
    return {
      gmv: fig('minor', gmvOf, (a) => a.all),
      netSales: fig('minor', netOf, (a) => a.all),
      refunds: fig('minor', refundsOf, (a) => a.all),
      orders,
      buyers,
      byPlatform: breakdown((a) => a.byPlatform, true),
      byCategory: breakdown((a) => a.byCategory, false),
      byMonth: this.trailingMonths(12),
      counts: {
        paidLines: mapPeriods((k) => this.acc[k].all.paidLines),
        linesWithoutBuyer: mapPeriods((k) => this.acc[k].all.linesWithoutBuyer),
        linesSeen: this.linesSeen,
        linesCancelledOrUnpaid: this.linesCancelledOrUnpaid,
        firstPaidAt: this.firstPaidAt,
        lastPaidAt: this.lastPaidAt,
      },
    };
  }

  private trailingMonths(count: number): MonthRow[] {
    const endMonth = this.input.periods.current.end.slice(0, 7);
    const last = this.monthKeys.indexOf(endMonth);
    if (last < 0) throw new Error(`month boundaries do not cover ${endMonth}`);
    const valueAt = (i: number): number | null =>
      i >= 0 && i < this.monthKeys.length - 1 && this.monthHasData[i] ? this.monthGmv[i]! : null;
    const rows: MonthRow[] = [];
    for (let i = last - count + 1; i <= last; i++) {
      const month = this.monthKeys[i];
      if (month === undefined) continue;
      const value = valueAt(i);
      const previous = valueAt(i - 1);
      const yearAgo = valueAt(i - 12);
      rows.push({ month, gmv: { value, unit: 'minor', previous, yearAgo, qoq: growth(value, previous), yoy: growth(value, yearAgo) } });
    }
    return rows;
  }
}

function mapPeriods<T>(f: (k: PeriodKey) => T): Record<PeriodKey, T> {
  return { current: f('current'), previous: f('previous'), yearAgo: f('yearAgo') };
}

function addTo(t: Totals, line: OrderLine, newOrder: boolean, newBuyer: boolean, hasBuyer: boolean): void {
  t.paidLines++;
  t.gmvMinor += line.paidAmountMinor;
  t.refundsMinor += line.refundAmountMinor;
  if (newOrder) t.orders++;
  if (!hasBuyer) t.linesWithoutBuyer++;
  else if (newBuyer) t.buyers++;
}

/** Convenience for tests and small inputs: run a whole table through the accumulator. */
export function computeOverview(lines: Iterable<OrderLine>, input: OverviewInput): OverviewMetrics {
  const acc = new OverviewAccumulator(input);
  for (const line of lines) acc.add(line);
  return acc.finish();
}
