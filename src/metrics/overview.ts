// Section 1, performance overview: GMV, refunds, net sales, orders and buyers for the report
// quarter and its two comparison periods, split by platform, category and month.
//
// Lines are streamed in once through `OverviewAccumulator.add`; the accumulator keeps only sums
// and, for distinct orders and buyers, 52-bit key hashes with a flag byte per report period
// (./core-orders.ts): about 20–40 bytes per order or buyer, and no key strings.
// Definitions (see the locale's definitions for the words):
//   GMV       = Σ paid_amount of lines whose paid_at falls in the period, cancelled/unpaid excluded
//   refunds   = Σ refund_amount of those same lines (counted in the order's period)
//   net sales = GMV − refunds
//   orders    = distinct (platform, order_id) with such a line
//   buyers    = distinct (platform, customer_id) with such a line
import type { OrderLine } from '../canonical.js';
import type { Period, ReportPeriods } from '../time/quarter.js';
import { KeyLedger, keyHash } from './core-orders.js';
import { figure, growth, ratio, type Figure } from './figure.js';

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
  /** Platforms with any line dated inside each period: a platform without an export for a
   * period has no figure there (null), which is not the same as selling nothing (0). */
  private readonly platformsWithData: Record<PeriodKey, Set<string>> = { current: new Set(), previous: new Set(), yearAgo: new Set() };
  /** Which periods each order / buyer, and each order / buyer within a category, was counted in. */
  private readonly orderKeys = new KeyLedger();
  private readonly buyerKeys = new KeyLedger();
  private readonly orderCategoryKeys = new KeyLedger();
  private readonly buyerCategoryKeys = new KeyLedger();

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
    if (dated !== null) {
      // Indexed loops: a destructuring for…of allocates an iterator and an entry per line.
      for (let i = 0; i < periods.length; i++) {
        const key = periods[i]![0];
        const period = periods[i]![1];
        if (dated >= period.startMs && dated < period.endMs) {
          this.periodHasData[key] = true;
          this.platformsWithData[key].add(line.platform);
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

    for (let i = 0; i < periods.length; i++) {
      const key = periods[i]![0];
      const period = periods[i]![1];
      if (paidAt < period.startMs || paidAt >= period.endMs) continue;
      const acc = this.acc[key];
      const bit = 1 << i;
      const category = line.category ?? UNKNOWN_CATEGORY;
      const { platform, orderId, customerId } = line;
      // An order or buyer is new to the period (and so to its platform) and, separately, to the category.
      const newOrder = !(this.orderKeys.mark(keyHash(platform, orderId), bit) & bit);
      const newCategoryOrder = !(this.orderCategoryKeys.mark(keyHash(platform, orderId, category), bit) & bit);
      const newBuyer = customerId !== null && !(this.buyerKeys.mark(keyHash(platform, customerId), bit) & bit);
      const newCategoryBuyer = customerId !== null && !(this.buyerCategoryKeys.mark(keyHash(platform, customerId, category), bit) & bit);
      const hasBuyer = customerId !== null;
      addTo(acc.all, line, newOrder, newBuyer, hasBuyer);
      addTo(bucket(acc.byPlatform, platform), line, newOrder, newBuyer, hasBuyer);
      addTo(bucket(acc.byCategory, category), line, newCategoryOrder, newCategoryBuyer, hasBuyer);
    }
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
      read: (t: Totals) => number,
      get: (a: PeriodAccumulator) => Totals | undefined,
      platform?: string,
    ) => {
      const pick = (key: PeriodKey): number | null => {
        if (!has[key]) return null;
        if (platform !== undefined && !this.platformsWithData[key].has(platform)) return null;
        const totals = get(this.acc[key]);
        return totals ? read(totals) : 0;
      };
      return figure(unit, pick('current'), pick('previous'), pick('yearAgo'));
    };

    const gmvOf = (t: Totals) => t.gmvMinor;
    const refundsOf = (t: Totals) => t.refundsMinor;
    const netOf = (t: Totals) => t.gmvMinor - t.refundsMinor;
    const ordersOf = (t: Totals) => t.orders;
    const buyersOf = (t: Totals) => t.buyers;

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

    return {
      gmv: fig('minor', gmvOf, (a) => a.all),
      netSales: fig('minor', netOf, (a) => a.all),
      refunds: fig('minor', refundsOf, (a) => a.all),
      orders: fig('count', ordersOf, (a) => a.all),
      buyers: fig('count', buyersOf, (a) => a.all),
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

function bucket(map: Map<string, Totals>, key: string): Totals {
  let t = map.get(key);
  if (!t) {
    t = newTotals();
    map.set(key, t);
  }
  return t;
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
