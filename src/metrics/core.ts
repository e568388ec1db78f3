// Section 2 (core metrics) and the added section-1 figures (weekly trend, new vs returning
// buyers, campaign share, top price band, visitors), from one streaming pass over the order
// lines plus the small side tables.
//
// `CoreAccumulator.add` sees each line once and keeps only compact accumulators: sums by local
// day × platform × category × channel, a per-buyer table in typed columns, unit-price counts,
// refund reasons, a ledger of the periods each order was counted in (a flag byte per order key,
// order, so order counts are right in any line order), and basket pair counts with a bounded
// summary. Baskets need an order's items together: lines of one order arrive together in every
// supported export, so baskets are assembled in a small window of open orders (`openOrders`,
// least recently touched closed first); a line whose order was already closed is counted in
// `lateLines` and left out of the pairs, which are then marked approximate.
// `finish` turns those into figures in the F shape; definitions are in ./registry.ts.
import type { OrderLine, SideTables } from '../canonical.js';
import type { ReportPeriods } from '../time/quarter.js';
import { daysFromCivil, daysInMonth, epochToLocalMs } from '../time/zone.js';
import { PairCounter, type Pair } from './baskets.js';
import { BuyerTable, PERIOD_COUNT, WINDOW_BIT, type BuyerTier, type DayRange, type PeriodBuyerCounts } from './buyers.js';
import { DayCube, PriceDistribution } from './core-days.js';
import { KeyFlags, detached } from './core-orders.js';
import { serviceFigures, type ServiceFigures } from './core-service.js';
import { NO_CHANNEL, outcomeFigure, trafficFigures, type TrafficFigures } from './core-traffic.js';
import { growth, type Figure } from './figure.js';
import { UNKNOWN_CATEGORY, type MonthRow, type OverviewMetrics } from './overview.js';
import type { MissingCode } from './registry.js';
import type { MetricsSettings } from './settings.js';
import { dayNumber, dayString, isoWeek, nearestRank } from './stats.js';

const DAY_MS = 86_400_000;

export interface CampaignDays {
  name: string;
  /** First and last local day, inclusive (YYYY-MM-DD). */
  start: string;
  end: string;
}

export interface CoreInput {
  periods: ReportPeriods;
  timeZone: string;
  campaigns: readonly CampaignDays[];
  settings: MetricsSettings;
  /** Minor units per major unit of the report currency (config price bands are in major units). */
  minorPerMajor: number;
  /** Orders held open while their lines stream in. @default 256 */
  openOrders?: number;
  /** Distinct SKU pairs counted exactly before the pair summary starts to forget. @default 50000 */
  maxPairs?: number;
}

export interface WeekRow {
  /** ISO week of the local day, e.g. 2026-W27. */
  week: string;
  /** The week's days inside the report quarter (edge weeks are partial). */
  start: string;
  end: string;
  days: number;
  /**
   * How many of those days the order exports reach (lie between their first and last dated
   * line): `days` for a week inside the data, fewer for the week the data starts or ends in,
   * 0 for a week outside it.
   */
  dataDays: number;
  /** The first and last of those days (null when the exports do not reach the week). */
  dataStart: string | null;
  dataEnd: string | null;
  /**
   * GMV of the days the exports reach; previous = the same days a week earlier, yearAgo = 52
   * weeks earlier — a week the data ends in is compared over its reached days alone.
   */
  gmv: Figure;
}

export interface PriceBand {
  minMinor: number;
  /** Exclusive upper bound; null for the top band. */
  maxMinor: number | null;
  gmvMinor: number;
  lines: number;
  share: number | null;
}

export interface OverviewExtras {
  byWeek: WeekRow[];
  /** The overview's trailing months with their days (MonthRow.days …) and like-for-like comparisons. */
  byMonth: MonthRow[];
  /** Mean GMV of the period's months that have data (whole minor units). */
  monthAverageGmv: Figure;
  newBuyers: Figure;
  returningBuyers: Figure;
  /** New buyers ÷ buyers. */
  newBuyerShare: Figure;
  /** How much order history "new" was judged against: the first paid day and the days before each period. */
  newBuyerHistory: { firstDay: string | null; days: number; previousDays: number; yearAgoDays: number };
  campaignShare: Figure;
  campaignGmv: Figure;
  topPriceBandShare: Figure;
  /** The top band's bounds: unit price ≥ minMinor (maxMinor: the highest unit price this quarter). */
  topPriceBand: { minMinor: number; maxMinor: number; basis: 'quartiles' | 'config' } | null;
  priceBands: { basis: 'quartiles' | 'config'; bands: PriceBand[]; unpricedLines: number };
  visitors: Figure;
}

export interface RefundReasonRow {
  reason: string;
  amountMinor: number;
  lines: number;
  share: number;
  cumulativeShare: number;
}

export interface PlatformCoreRow {
  key: string;
  aov: Figure;
  spendPerBuyer: Figure;
  repurchaseRate: Figure;
  newBuyers: Figure;
}

export interface CoreMetrics extends Omit<TrafficFigures, 'visitors'>, Omit<ServiceFigures, never> {
  aov: Figure;
  spendPerBuyer: Figure;
  repurchaseRate: Figure;
  returningBuyerRate: Figure;
  byPlatform: PlatformCoreRow[];
  pairs: {
    category: Pair[];
    /** Product pairs: a product is its name where the line gives one, else its SKU (so one product sold under several SKU ids is one item). */
    sku: Pair[];
    /** Orders with a paid line in the quarter that name a product or SKU / a category. */
    baskets: { sku: number; category: number };
    multiItemBaskets: { sku: number; category: number };
    minSupport: number;
    minBaskets: number;
    /** True when the pair summary ran out of room or an order's lines came apart: counts are then lower bounds. */
    approximate: boolean;
    undercountBound: number;
    /** Lines of the quarter that arrived after their order's basket was closed (left out of the pairs). */
    lateLines: number;
  };
  dormantBuyers: Figure;
  reactivatedBuyers: Figure;
  buyerTiers: BuyerTier[];
  buyerTierWindow: { start: string; end: string };
  refundRateByAmount: Figure;
  refundRateByOrders: Figure;
  refundReasons: RefundReasonRow[];
  counts: {
    /** Distinct orders with a paid line in each period, as assembled here. */
    orders: [number, number, number];
    refundedOrders: [number, number, number];
    buyersTracked: number;
    dayCells: number;
    linesSeen: number;
  };
}

export interface CoreResult {
  overview: OverviewExtras;
  core: CoreMetrics;
}

/** The quarter's part of an order, while its lines stream in. */
interface OpenOrder {
  products: string[];
  productNames: (string | null)[];
  categories: string[];
}

export const NO_REASON = '(none)';

type Outcome = number | { code: MissingCode; vars: Record<string, string> };

export class CoreAccumulator {
  private readonly ranges: DayRange[];
  private readonly labels: string[];
  private readonly windowStart: number;
  private readonly windowEnd: number;
  private readonly cube = new DayCube();
  private readonly prices = new PriceDistribution();
  private readonly buyers: BuyerTable;
  private readonly ledger = new KeyFlags();
  /** Open baskets by order key, least recently touched first. */
  private readonly open = new Map<number, OpenOrder>();
  private lateLines = 0;
  private readonly openLimit: number;
  private lastOrderKey = -1;
  private lastOrder: OpenOrder | undefined;
  private readonly skuPairs: PairCounter;
  private readonly categoryPairs = new PairCounter(10_000);
  private readonly orderCounts: [number, number, number] = [0, 0, 0];
  private readonly refundedOrders: [number, number, number] = [0, 0, 0];
  private readonly reasons = new Map<string, { amountMinor: number; lines: number }>();
  private readonly periodHasData = [false, false, false];
  private readonly platformsInQuarter = new Set<string>();
  private firstDatedDay: number | null = null;
  private lastDatedDay: number | null = null;
  private firstPaidDay: number | null = null;
  private maxUnitPrice: number | null = null;
  private linesSeen = 0;

  constructor(private readonly input: CoreInput) {
    const p = input.periods;
    this.ranges = [p.current, p.previous, p.yearAgo].map((x) => ({ start: dayNumber(x.start), end: dayNumber(x.end) + 1 }));
    this.labels = [p.current.label, p.previous.label, p.yearAgo.label];
    this.windowEnd = this.ranges[0]!.end - 1;
    this.windowStart = this.windowEnd - 364;
    this.buyers = new BuyerTable(this.ranges, this.windowStart, this.windowEnd);
    this.openLimit = input.openOrders ?? 256;
    this.skuPairs = new PairCounter(input.maxPairs ?? 50_000);
  }

  private day(epochMs: number): number {
    return Math.floor(epochToLocalMs(this.input.timeZone, epochMs) / DAY_MS);
  }

  add(line: OrderLine): void {
    this.linesSeen++;
    const dated = line.paidAt ?? line.createdAt;
    // The local day of `dated`; it is the paid day too whenever the line is paid.
    let d = 0;
    if (dated !== null) {
      d = this.day(dated);
      if (this.firstDatedDay === null || d < this.firstDatedDay) this.firstDatedDay = d;
      if (this.lastDatedDay === null || d > this.lastDatedDay) this.lastDatedDay = d;
      for (let p = 0; p < PERIOD_COUNT; p++) {
        const r = this.ranges[p]!;
        if (d >= r.start && d < r.end) {
          this.periodHasData[p] = true;
          if (p === 0) this.platformsInQuarter.add(line.platform);
        }
      }
    }
    if (line.paidAt === null || line.status === 'cancelled' || line.status === 'pending') return;
    const day = dated === line.paidAt ? d : this.day(line.paidAt);
    if (this.firstPaidDay === null || day < this.firstPaidDay) this.firstPaidDay = day;
    const paid = line.paidAmountMinor;
    this.cube.add(day, line.platform, line.category ?? UNKNOWN_CATEGORY, line.channel ?? NO_CHANNEL, paid, line.refundAmountMinor, line.quantity);
    // A return booked as a row of its own (negative quantity, nothing paid) counts as refunds
    // (above, and by reason) but is no sale: no unit price, order, buyer activity or basket.
    if (line.quantity < 0 && paid === 0) {
      const q = this.ranges[0]!;
      if (day >= q.start && day < q.end) this.addRefundReason(line);
      return;
    }

    let mask = 0;
    for (let p = 0; p < PERIOD_COUNT; p++) {
      const r = this.ranges[p]!;
      if (day >= r.start && day < r.end) mask |= 1 << p;
    }
    if (day >= this.windowStart && day <= this.windowEnd) mask |= WINDOW_BIT;

    const unitPrice = line.unitPriceMinor ?? (line.quantity > 0 ? Math.round(paid / line.quantity) : null);
    for (let p = 0; p < PERIOD_COUNT; p++) if (mask & (1 << p)) this.prices.add(p, unitPrice, paid);
    if (mask & 1 && unitPrice !== null && (this.maxUnitPrice === null || unitPrice > this.maxUnitPrice)) this.maxUnitPrice = unitPrice;

    let row = -1;
    if (line.customerId !== null) {
      row = this.buyers.row(line.buyerKey, line.platform);
      this.buyers.paidLine(row, day, paid);
    }
    if (mask === 0) return;

    // Orders: count each in a period the first time one of its lines is seen there.
    const refunded = line.refundAmountMinor > 0 || line.status === 'refunded' || line.status === 'partially_refunded';
    const bits = mask | (refunded ? (mask & 7) << 4 : 0);
    const before = this.ledger.mark(line.orderKey, bits);
    const fresh = mask & ~before;
    if (fresh !== 0) {
      for (let p = 0; p < PERIOD_COUNT; p++) if (fresh & (1 << p)) this.orderCounts[p]!++;
      if (row >= 0) this.buyers.order(row, fresh);
    }
    const freshRefunds = (bits & ~before) >> 4;
    for (let p = 0; p < PERIOD_COUNT; p++) if (freshRefunds & (1 << p)) this.refundedOrders[p]!++;

    if (!(mask & 1)) return;
    this.addRefundReason(line);
    // Lines of one order usually follow each other.
    const key = line.orderKey;
    if (before & 1 && key !== this.lastOrderKey && !this.open.has(key)) {
      // Its basket was closed already: adding the line now would count a second basket.
      this.lateLines++;
      return;
    }
    const order = this.openOrder(key);
    // Products pair by name where they have one: one product sold under different SKU ids (on
    // two platforms, or as variants of one listing) is one item of the basket, not a pair.
    const product = line.productName ?? line.sku;
    if (product !== null && !order.products.includes(product)) {
      order.products.push(product);
      order.productNames.push(line.productName);
    }
    if (line.category !== null && !order.categories.includes(line.category)) order.categories.push(line.category);
  }

  /** A quarter line's refund, by its reason. */
  private addRefundReason(line: OrderLine): void {
    if (line.refundAmountMinor <= 0) return;
    const reason = line.refundReason ?? NO_REASON;
    const r = this.reasons.get(reason);
    if (r) {
      r.amountMinor += line.refundAmountMinor;
      r.lines++;
    } else this.reasons.set(detached(reason), { amountMinor: line.refundAmountMinor, lines: 1 });
  }

  private openOrder(key: number): OpenOrder {
    if (key === this.lastOrderKey && this.lastOrder) return this.lastOrder;
    let order = this.open.get(key);
    if (order) {
      // Least recently touched closes first: move it to the back.
      this.open.delete(key);
      this.open.set(key, order);
    } else if (this.open.size > 0 && this.open.size >= this.openLimit) {
      // Full: the least recently touched order closes, and its object (emptied) opens this one.
      const oldest = this.open.keys().next().value as number;
      order = this.open.get(oldest)!;
      this.open.delete(oldest);
      this.close(order);
      order.products.length = 0;
      order.productNames.length = 0;
      order.categories.length = 0;
      this.open.set(key, order);
    } else {
      order = { products: [], productNames: [], categories: [] };
      this.open.set(key, order);
    }
    this.lastOrderKey = key;
    this.lastOrder = order;
    return order;
  }

  private close(order: OpenOrder): void {
    if (order.products.length > 0) this.skuPairs.addBasket(order.products, order.productNames);
    if (order.categories.length > 0) this.categoryPairs.addBasket(order.categories);
  }

  /** Closes the open orders and computes every figure. `overview` is the same quarter's section-1 result. */
  finish(overview: OverviewMetrics, side: SideTables): CoreResult {
    for (const order of this.open.values()) this.close(order);
    this.open.clear();
    this.lastOrder = undefined;
    this.lastOrderKey = -1;

    const { settings } = this.input;
    const label = (p: number) => this.labels[p]!;
    const noOrders = (p: number): Outcome => ({ code: 'noOrders', vars: { period: label(p) } });
    const three = (unit: Figure['unit'], at: (p: number) => Outcome) => outcomeFigure(unit, at(0), at(1), at(2));
    const gmvByDay = this.cube.gmvByDay();
    const periodGmv = [0, 1, 2].map((p) => {
      let sum = 0;
      for (let d = this.ranges[p]!.start; d < this.ranges[p]!.end; d++) sum += gmvByDay.get(d) ?? 0;
      return sum;
    });

    // Campaign calendar → local day numbers.
    const campaignDays = this.input.campaigns.length > 0 ? new Set<number>() : null;
    for (const c of this.input.campaigns) for (let d = dayNumber(c.start); d <= dayNumber(c.end); d++) campaignDays!.add(d);

    // Weeks of the quarter, with their in-quarter days.
    const weeks: { week: string; days: number[] }[] = [];
    for (let d = this.ranges[0]!.start; d < this.ranges[0]!.end; d++) {
      const w = isoWeek(d);
      const last = weeks[weeks.length - 1];
      if (last && last.week === w) last.days.push(d);
      else weeks.push({ week: w, days: [d] });
    }
    // Inside the span the exports' dated lines cover.
    const dated = (d: number) => this.firstDatedDay !== null && this.lastDatedDay !== null && d >= this.firstDatedDay && d <= this.lastDatedDay;
    const covered = (days: readonly number[], shift: number) => days.every((d) => dated(d - shift));
    const sumDays = (days: readonly number[], shift: number) => days.reduce((a, d) => a + (gmvByDay.get(d - shift) ?? 0), 0);
    // Which of a week's or month's days the exports reach, as its row reports them.
    const reach = (inData: readonly number[]) => ({
      dataDays: inData.length,
      dataStart: inData.length > 0 ? dayString(inData[0]!) : null,
      dataEnd: inData.length > 0 ? dayString(inData[inData.length - 1]!) : null,
    });
    const byWeek: WeekRow[] = weeks.map(({ week, days }) => {
      // A week the exports reach only in part (the data ends on its Wednesday) is compared over
      // the same reached days a week and a year earlier, not over whole weeks there.
      const inData = days.filter(dated);
      return {
        week,
        start: dayString(days[0]!),
        end: dayString(days[days.length - 1]!),
        days: days.length,
        ...reach(inData),
        gmv: outcomeFigure(
          'minor',
          // A week the exports do not reach at all (before the first dated line or after the last)
          // has no data, which is not a week of zero sales.
          this.periodHasData[0] && inData.length > 0 ? sumDays(inData, 0) : noOrders(0),
          inData.length > 0 && covered(inData, 7) ? sumDays(inData, 7) : noOrders(0),
          inData.length > 0 && covered(inData, 364) ? sumDays(inData, 364) : noOrders(0),
        ),
      };
    });

    // Buyers.
    const rules = settings;
    const counts = [0, 1, 2].map((p) => this.buyers.counts(p, rules));
    const buyerOutcome = (p: number, read: (c: PeriodBuyerCounts) => number, needsHistory: boolean, denominator?: (c: PeriodBuyerCounts) => number): Outcome => {
      if (!this.periodHasData[p]) return noOrders(p);
      // No line named its buyer (an export without a buyer column): every buyer count is unknown.
      if (this.buyers.size === 0) return { code: 'noBuyers', vars: { period: label(p) } };
      if (needsHistory && (this.firstPaidDay === null || this.firstPaidDay >= this.ranges[p]!.start)) return { code: 'noHistory', vars: { period: label(p) } };
      const c = counts[p]!;
      if (c.buyers === 0 && (denominator || needsHistory)) return { code: 'noBuyers', vars: { period: label(p) } };
      if (!denominator) return read(c);
      return read(c) / denominator(c);
    };
    const historyDays = (p: number) => (this.firstPaidDay === null ? 0 : Math.max(0, this.ranges[p]!.start - this.firstPaidDay));

    // Campaign share.
    const campaignGmvAt = (p: number): number => {
      let sum = 0;
      if (campaignDays) for (const d of campaignDays) if (d >= this.ranges[p]!.start && d < this.ranges[p]!.end) sum += gmvByDay.get(d) ?? 0;
      return sum;
    };
    const campaignOutcome = (p: number, asShare: boolean): Outcome => {
      if (!campaignDays) return { code: 'noCampaignCalendar', vars: {} };
      if (!this.periodHasData[p]) return noOrders(p);
      if (!asShare) return campaignGmvAt(p);
      return periodGmv[p]! > 0 ? campaignGmvAt(p) / periodGmv[p]! : noOrders(p);
    };

    // Price bands: bounds from config, else the quartiles of this quarter's unit prices (by line).
    const dist = this.prices.sorted(0);
    const basis: 'config' | 'quartiles' = settings.priceBands ? 'config' : 'quartiles';
    let bounds: number[] = settings.priceBands
      ? settings.priceBands.map((x) => Math.round(x * this.input.minorPerMajor))
      : [0.25, 0.5, 0.75].map((q) => nearestRank(dist.prices, dist.lines, q)).filter((x): x is number => x !== null);
    bounds = [...new Set(bounds)].sort((a, b) => a - b);
    const lowers = basis === 'config' ? [0, ...bounds] : dist.prices.length > 0 ? [...new Set([dist.prices[0]!, ...bounds])] : [];
    const bands: PriceBand[] = lowers.map((min, i) => {
      const max = lowers[i + 1] ?? null;
      const t = this.prices.bandTotals(0, min, max);
      return { minMinor: min, maxMinor: max, gmvMinor: t.gmvMinor, lines: t.lines, share: periodGmv[0]! > 0 ? t.gmvMinor / periodGmv[0]! : null };
    });
    const topMin = lowers.length > 0 ? lowers[lowers.length - 1]! : null;
    const topShare = (p: number): Outcome => {
      if (!this.periodHasData[p]) return noOrders(p);
      if (topMin === null) return { code: 'noPrices', vars: { period: label(0) } };
      if (periodGmv[p]! <= 0) return noOrders(p);
      return this.prices.bandTotals(p, topMin, null).gmvMinor / periodGmv[p]!;
    };

    // Traffic, service.
    const traffic = trafficFigures(side.traffic, {
      periods: this.ranges,
      labels: this.labels,
      campaignDays,
      weeks,
      orderPlatforms: [...this.platformsInQuarter].sort(),
    });
    const service = serviceFigures(side.tickets, side.reviews, {
      periods: [this.input.periods.current, this.input.periods.previous, this.input.periods.yearAgo],
      labels: this.labels,
      slaSeconds: settings.firstResponseSlaSeconds,
    });

    // Money per order / buyer, from the section-1 totals so the slides agree with each other.
    const per = (num: Figure, den: Figure, emptyCode: MissingCode): Figure => {
      const at = (v: number | null, d: number | null, p: number): Outcome => {
        if (v === null) return noOrders(p);
        // A known total over an unknown or empty count (no buyer ids): the count's own reason.
        if (d === null || d === 0) return { code: emptyCode, vars: { period: label(p) } };
        return Math.round(v / d);
      };
      return outcomeFigure('minor', at(num.value, den.value, 0), at(num.previous, den.previous, 1), at(num.yearAgo, den.yearAgo, 2));
    };
    const rateOf = (num: Figure, den: Figure): Figure => {
      const at = (v: number | null, d: number | null, p: number): Outcome => (v === null || d === null || d === 0 ? noOrders(p) : v / d);
      return outcomeFigure('ratio', at(num.value, den.value, 0), at(num.previous, den.previous, 1), at(num.yearAgo, den.yearAgo, 2));
    };

    const byPlatform: PlatformCoreRow[] = overview.byPlatform.map((row) => {
      const pc = [0, 1, 2].map((p) => this.buyers.counts(p, rules, row.key));
      const has = (p: number, f: Figure) => (p === 0 ? f.value : p === 1 ? f.previous : f.yearAgo) !== null;
      const rate = (p: number): Outcome => {
        if (!has(p, row.gmv)) return noOrders(p);
        return pc[p]!.buyers > 0 ? pc[p]!.repeatBuyers / pc[p]!.buyers : { code: 'noBuyers', vars: { period: label(p) } };
      };
      const fresh = (p: number): Outcome => {
        if (!has(p, row.gmv)) return noOrders(p);
        if (this.firstPaidDay === null || this.firstPaidDay >= this.ranges[p]!.start) return { code: 'noHistory', vars: { period: label(p) } };
        // No buyer ids on the platform's lines: no count of new ones either (as for the whole).
        if (pc[p]!.buyers === 0) return { code: 'noBuyers', vars: { period: label(p) } };
        return pc[p]!.newBuyers;
      };
      return {
        key: row.key,
        aov: per(row.gmv, row.orders, 'noOrders'),
        spendPerBuyer: per(row.gmv, row.buyers, 'noBuyers'),
        repurchaseRate: three('ratio', rate),
        newBuyers: three('count', fresh),
      };
    });

    // Refund reasons, largest amount first.
    const reasonTotal = [...this.reasons.values()].reduce((a, r) => a + r.amountMinor, 0);
    let running = 0;
    const refundReasons: RefundReasonRow[] = [...this.reasons.entries()]
      .sort((a, b) => b[1].amountMinor - a[1].amountMinor || b[1].lines - a[1].lines || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([reason, r]) => {
        running += r.amountMinor;
        return { reason, amountMinor: r.amountMinor, lines: r.lines, share: r.amountMinor / reasonTotal, cumulativeShare: running / reasonTotal };
      });
    const last = refundReasons[refundReasons.length - 1];
    if (last) last.cumulativeShare = 1; // exact, whatever the float sum says

    const pairOptions = { minSupport: settings.pairMinSupport, minBaskets: settings.pairMinBaskets, top: 10 };
    const skuSummary = this.skuPairs.summary();
    const categorySummary = this.categoryPairs.summary();
    const { visitors, ...trafficCore } = traffic;

    // The trend's months, with the days the exports reach. A month they reach only in part (the
    // data ends on the 23rd) keeps its GMV, which is those days', and is compared with the same
    // days of the month before and of the month a year earlier instead of with whole months.
    const byMonth: MonthRow[] = overview.byMonth.map((r) => {
      const y = Number(r.month.slice(0, 4));
      const mo = Number(r.month.slice(5, 7));
      const first = daysFromCivil(y, mo, 1);
      const length = daysInMonth(y, mo);
      const inData: number[] = [];
      for (let d = first; d < first + length; d++) if (dated(d)) inData.push(d);
      const row: MonthRow = { ...r, days: length, ...reach(inData) };
      if (inData.length === 0 || inData.length === length) return row;
      // The same days of the month `back` months earlier, cut at that month's end (31 → 30).
      const sameDays = (back: number): number | null => {
        const index = y * 12 + (mo - 1) - back;
        const by = Math.floor(index / 12);
        const bm = (index % 12) + 1;
        const bFirst = daysFromCivil(by, bm, 1);
        const bLength = daysInMonth(by, bm);
        const from = bFirst + Math.min(inData[0]! - first, bLength - 1);
        const to = bFirst + Math.min(inData[inData.length - 1]! - first, bLength - 1);
        let sum = 0;
        for (let d = from; d <= to; d++) {
          if (!dated(d)) return null;
          sum += gmvByDay.get(d) ?? 0;
        }
        return sum;
      };
      // Only where the whole month there has data (the overview's rule for a month) is it narrowed.
      const value = r.gmv.value;
      const previous = value === null || r.gmv.previous === null ? null : sameDays(1);
      const yearAgo = value === null || r.gmv.yearAgo === null ? null : sameDays(12);
      return { ...row, gmv: { ...r.gmv, previous, yearAgo, qoq: growth(value, previous), yoy: growth(value, yearAgo) } };
    });

    // Mean monthly GMV over the months of each period that have data.
    const months = (period: { start: string; end: string }) =>
      byMonth.filter((r) => r.month >= period.start.slice(0, 7) && r.month <= period.end.slice(0, 7));
    const monthAverage = (values: (number | null)[], p: number): Outcome => {
      const known = values.filter((v): v is number => v !== null);
      return known.length > 0 ? Math.round(known.reduce((a, v) => a + v, 0) / known.length) : noOrders(p);
    };
    const quarterMonths = months(this.input.periods.current);
    const monthAverageGmv = outcomeFigure(
      'minor',
      monthAverage(quarterMonths.map((r) => r.gmv.value), 0),
      monthAverage(months(this.input.periods.previous).map((r) => r.gmv.value), 1),
      monthAverage(quarterMonths.map((r) => r.gmv.yearAgo), 2),
    );

    return {
      overview: {
        byWeek,
        byMonth,
        monthAverageGmv,
        newBuyers: three('count', (p) => buyerOutcome(p, (c) => c.newBuyers, true)),
        returningBuyers: three('count', (p) => buyerOutcome(p, (c) => c.buyers - c.newBuyers, true)),
        newBuyerShare: three('ratio', (p) => buyerOutcome(p, (c) => c.newBuyers / c.buyers, true)),
        newBuyerHistory: {
          firstDay: this.firstPaidDay === null ? null : dayString(this.firstPaidDay),
          days: historyDays(0),
          previousDays: historyDays(1),
          yearAgoDays: historyDays(2),
        },
        campaignShare: three('ratio', (p) => campaignOutcome(p, true)),
        campaignGmv: three('minor', (p) => campaignOutcome(p, false)),
        topPriceBandShare: three('ratio', topShare),
        topPriceBand: topMin === null || this.maxUnitPrice === null ? null : { minMinor: topMin, maxMinor: this.maxUnitPrice, basis },
        priceBands: { basis, bands, unpricedLines: this.prices.unpricedLines },
        visitors,
      },
      core: {
        ...trafficCore,
        ...service,
        aov: per(overview.gmv, overview.orders, 'noOrders'),
        spendPerBuyer: per(overview.gmv, overview.buyers, 'noBuyers'),
        repurchaseRate: three('ratio', (p) => buyerOutcome(p, (c) => c.repeatBuyers, false, (c) => c.buyers)),
        returningBuyerRate: three('ratio', (p) => buyerOutcome(p, (c) => c.lookbackBuyers, false, (c) => c.buyers)),
        byPlatform,
        pairs: {
          category: this.categoryPairs.top(pairOptions),
          sku: this.skuPairs.top(pairOptions),
          baskets: { sku: skuSummary.baskets, category: categorySummary.baskets },
          multiItemBaskets: { sku: skuSummary.multiItemBaskets, category: categorySummary.multiItemBaskets },
          minSupport: settings.pairMinSupport,
          minBaskets: settings.pairMinBaskets,
          approximate: skuSummary.undercountBound > 0 || categorySummary.undercountBound > 0 || this.lateLines > 0,
          undercountBound: Math.max(skuSummary.undercountBound, categorySummary.undercountBound),
          lateLines: this.lateLines,
        },
        dormantBuyers: three('count', (p) => buyerOutcome(p, (c) => c.dormantBuyers, false)),
        reactivatedBuyers: three('count', (p) => buyerOutcome(p, (c) => c.reactivatedBuyers, false)),
        buyerTiers: this.buyers.tiers(),
        buyerTierWindow: { start: dayString(this.windowStart), end: dayString(this.windowEnd) },
        refundRateByAmount: rateOf(overview.refunds, overview.gmv),
        refundRateByOrders: three('ratio', (p) =>
          !this.periodHasData[p] || this.orderCounts[p] === 0 ? noOrders(p) : this.refundedOrders[p]! / this.orderCounts[p]!,
        ),
        refundReasons,
        counts: {
          orders: [...this.orderCounts],
          refundedOrders: [...this.refundedOrders],
          buyersTracked: this.buyers.size,
          dayCells: this.cube.size,
          linesSeen: this.linesSeen,
        },
      },
    };
  }

  /** The day × platform × category × channel sums, for sections that slice GMV further. */
  get days(): DayCube {
    return this.cube;
  }
}

/** Convenience for tests and small inputs: run a whole table through the accumulator. */
export function computeCore(lines: Iterable<OrderLine>, input: CoreInput, overview: OverviewMetrics, side: SideTables): CoreResult {
  const acc = new CoreAccumulator(input);
  for (const line of lines) acc.add(line);
  return acc.finish(overview, side);
}


