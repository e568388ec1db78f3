// Inventory, supply and delivery figures for the diagnosis and the plan: inventory turnover,
// slow-moving SKUs, top-seller stock-outs, late delivery by region, supplier lead times,
// category share over three quarters, live-commerce share and ticket counts.
//
// Order lines stream through `OperationsAccumulator.add`; the small tables (snapshots, purchase
// orders, tickets) arrive whole in `finish`. Definitions (also in the locale's definitions):
//   unit cost        = the SKU's unit_cost in its latest snapshot dated on or before the period end
//                      (else its earliest snapshot)
//   COGS             = Σ quantity × unit cost over paid lines whose SKU has a unit cost, scaled by
//                      GMV ÷ GMV of those lines (lines whose SKU is not in the snapshots are costed
//                      at the same cost-to-GMV ratio); coverage = the matched lines' GMV share
//   average inventory= mean over the opening snapshot (latest before the period) and the
//                      snapshots inside the period of Σ on_hand × unit cost
//   turnover         = COGS × 365 / days in period ÷ average inventory (annualised, times a year)
//   slow-moving      = stocked SKUs (on_hand > 0 at the period's last snapshot) with no paid line in
//                      the `days` days up to that snapshot ÷ stocked SKUs
//   top-seller stock-out rate = snapshots in the period where a top seller has on_hand ≤ 0 ÷ all
//                      snapshots of top sellers; top sellers = the top `topShare` of snapshot SKUs
//                      sold in the period, by GMV
//   late order       = delivered after promised, or (without those) shipped more than
//                      `shipSlaHours` after payment; rate = late orders ÷ orders with those times
//   lead time        = received_at − ordered_at in days, over purchase orders received in the period
//   live share       = GMV of lines marked live ÷ GMV, over periods where some line says live or not
import type { InventorySnapshot, OrderLine, PurchaseOrder, ServiceTicket } from '../canonical.js';
import type { Period, ReportPeriods } from '../time/quarter.js';
import { daysFromCivil, epochToLocalMs } from '../time/zone.js';
import { figure, ratio, type Figure } from './figure.js';
import { detached } from './core-orders.js';
import { UNKNOWN_CATEGORY } from './overview.js';

export type OpsPeriodKey = 'current' | 'previous' | 'yearAgo';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const UNKNOWN_REGION = '(none)';
export const UNKNOWN_SUPPLIER = '(none)';

export interface OperationsSettings {
  slowMovingDays: number;
  topSellerShare: number;
  shipSlaHours: number;
}

export interface OperationsInput {
  periods: ReportPeriods;
  /** The quarter before the previous one, for a category's share two quarters running. */
  twoBack: Period;
  timeZone: string;
  settings: OperationsSettings;
}

export interface SlowSku {
  sku: string;
  category: string | null;
  onHand: number;
  stockCostMinor: number | null;
  /** Last local day with a paid line, or null when never sold in the data. */
  lastSale: string | null;
}

export interface RegionDelivery {
  region: string;
  /** Orders whose times allow a check. */
  orders: number;
  late: number;
  rate: number | null;
  lateGmvMinor: number;
}

export interface SupplierLeadTime {
  supplier: string;
  purchaseOrders: number;
  meanDays: number;
  /** Σ quantity × unit cost of the orders received in the period (null: no costs known). */
  receivedCostMinor: number | null;
}

export interface CategoryShareRow {
  key: string;
  gmvMinor: number;
  /** This quarter, the previous one, and the one before that; null where that quarter has no data. */
  shares: [number | null, number | null, number | null];
}

export interface OperationsMetrics {
  inventory: {
    turnover: Figure;
    averageCost: Figure;
    cogs: Figure;
    daysOfInventory: Figure;
    /** GMV share of lines whose SKU has a unit cost in the snapshots (this quarter). */
    costCoverage: number | null;
    snapshotDates: string[];
  };
  slowMoving: {
    share: Figure;
    slowSkus: number | null;
    stockedSkus: number | null;
    stockCostMinor: number | null;
    asOf: string | null;
    days: number;
    top: SlowSku[];
  };
  topSellerStockOut: {
    rate: Figure;
    topSellers: number;
    observations: number;
    outs: number;
    topSellerGmvMinor: number;
    outSkus: { sku: string; outs: number }[];
  };
  lateDelivery: {
    rate: Figure;
    shipSlaHours: number;
    byRegion: RegionDelivery[];
    /** Paid lines in the quarter without the times to check them. */
    uncheckedLines: number;
  };
  supply: {
    leadTime: Figure;
    bySupplier: SupplierLeadTime[];
    purchaseOrders: number;
    /** Ordered in the quarter, not received by its end. */
    openPurchaseOrders: number;
  };
  categoryShares: CategoryShareRow[];
  liveShare: Figure;
  tickets: Figure;
  /** Calendar days in each period (for per-day rates and holding costs). */
  periodDays: Record<OpsPeriodKey, number>;
}

interface PeriodSums {
  gmvMinor: number;
  liveGmvMinor: number;
  liveKnown: boolean;
  hasData: boolean;
  /** sku → [units, GMV] */
  bySku: Map<string, [number, number]>;
  byCategory: Map<string, number>;
  /** order key (OrderLine.orderKey) → delivery check, over orders with at least one line whose times allow it */
  orders: Map<number, { region: string; late: boolean; gmvMinor: number }>;
  /** Paid lines without the times to check them. */
  uncheckedLines: number;
}

const newSums = (): PeriodSums => ({
  gmvMinor: 0,
  liveGmvMinor: 0,
  liveKnown: false,
  hasData: false,
  bySku: new Map(),
  byCategory: new Map(),
  orders: new Map(),
  uncheckedLines: 0,
});

/** Day number (days since 1970-01-01) of a YYYY-MM-DD string. */
export function dayNumber(day: string): number {
  return daysFromCivil(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));
}

export function periodDays(p: Period): number {
  return dayNumber(p.end) - dayNumber(p.start) + 1;
}

type WindowKey = OpsPeriodKey | 'twoBack';

/**
 * The local days a SKU sold on, one bit a day from a base day (a multiple of 32) on: ~70 bytes
 * for 18 months, and a set bit per line instead of a hash-set insert.
 */
export class SaleDays {
  private base: number;
  private words: Uint32Array;
  /** The last day added (most lines repeat it). */
  private last: number;

  constructor(day: number) {
    this.base = Math.floor(day / 32) * 32 - 32 * 4;
    this.words = new Uint32Array(16);
    this.last = NaN;
    this.add(day);
  }

  add(day: number): void {
    if (day === this.last) return;
    this.last = day;
    if (day < this.base) {
      // Re-base below the new day, with room for more: whole words shift up.
      const base = Math.floor(day / 32) * 32 - 32 * Math.max(4, this.words.length >> 1);
      const shift = (this.base - base) / 32;
      const words = new Uint32Array(this.words.length + shift);
      words.set(this.words, shift);
      this.words = words;
      this.base = base;
    }
    const offset = day - this.base;
    const w = offset >>> 5;
    if (w >= this.words.length) {
      const words = new Uint32Array(Math.max(w + 1, this.words.length * 2));
      words.set(this.words);
      this.words = words;
    }
    this.words[w]! |= 1 << (offset & 31);
  }

  /** The latest day added that is ≤ `day`, or null. */
  lastOnOrBefore(day: number): number | null {
    let offset = Math.min(day - this.base, this.words.length * 32 - 1);
    if (offset < 0) return null;
    for (let w = offset >>> 5; w >= 0; w--) {
      let bits = this.words[w]!;
      if (w === offset >>> 5) bits &= (offset & 31) === 31 ? 0xffffffff : (1 << ((offset & 31) + 1)) - 1;
      if (bits !== 0) return this.base + w * 32 + (31 - Math.clz32(bits));
      offset = w * 32 - 1;
    }
    return null;
  }
}

/** One SKU's sales: the days it sold on (all time) and its units and GMV in each report period. */
interface SkuSales {
  days: SaleDays;
  /** A bit per report period (current, previous, yearAgo) with a line of the SKU. */
  seen: number;
  units: [number, number, number];
  gmvMinor: [number, number, number];
}

/** One category's GMV in each window (current, previous, yearAgo, twoBack). */
interface CategorySales {
  /** A bit per window with a line of the category. */
  seen: number;
  gmvMinor: [number, number, number, number];
}

export class OperationsAccumulator {
  private readonly sums: Record<WindowKey, PeriodSums>;
  private readonly windowKeys: WindowKey[] = ['current', 'previous', 'yearAgo', 'twoBack'];
  private readonly windowSums: PeriodSums[];
  private readonly windowStarts: number[];
  private readonly windowEnds: number[];
  /**
   * sku → its sale days and per-period sums, and category → per-window GMV: one look-up a line
   * for each (the per-period maps of PeriodSums are filled from them in finish).
   */
  private readonly skus = new Map<string, SkuSales>();
  private readonly categories = new Map<string, CategorySales>();
  /** The local day of the last paid time seen: an order's lines share their paid time. */
  private lastPaidAt = NaN;
  private lastPaidDay = 0;

  constructor(private readonly input: OperationsInput) {
    this.sums = { current: newSums(), previous: newSums(), yearAgo: newSums(), twoBack: newSums() };
    this.windowSums = this.windowKeys.map((k) => this.sums[k]);
    const windows = [input.periods.current, input.periods.previous, input.periods.yearAgo, input.twoBack];
    this.windowStarts = windows.map((p) => p.startMs);
    this.windowEnds = windows.map((p) => p.endMs);
  }

  /** The report window containing `t` (they never overlap) as an index of windowKeys, or -1. */
  private windowOf(t: number): number {
    for (let i = 0; i < 4; i++) if (t >= this.windowStarts[i]! && t < this.windowEnds[i]!) return i;
    return -1;
  }

  add(line: OrderLine): void {
    const paidAt = line.paidAt;
    const dated = paidAt ?? line.createdAt;
    const w = dated === null ? -1 : this.windowOf(dated);
    if (w >= 0) this.windowSums[w]!.hasData = true;
    if (paidAt === null || line.status === 'cancelled' || line.status === 'pending') return;
    // `dated` is the paid time here, so `w` is its window.
    const paid = line.paidAmountMinor;
    const sales = line.sku === null ? null : this.noteSale(line.sku, paidAt);
    if (w < 0) return;
    const s = this.windowSums[w]!;
    s.gmvMinor += paid;
    if (line.isLive !== null) {
      s.liveKnown = true;
      if (line.isLive) s.liveGmvMinor += paid;
    }
    const categoryKey = line.category ?? UNKNOWN_CATEGORY;
    let category = this.categories.get(categoryKey);
    if (category === undefined) this.categories.set(detached(categoryKey), (category = { seen: 0, gmvMinor: [0, 0, 0, 0] }));
    category.seen |= 1 << w;
    category.gmvMinor[w]! += paid;
    if (w === 3) return; // twoBack: category shares only
    if (sales !== null) {
      sales.seen |= 1 << w;
      sales.units[w]! += line.quantity;
      sales.gmvMinor[w]! += paid;
    }
    // Only orders whose times allow a check are kept: memory grows with checkable orders.
    const check = lateness(line, this.input.settings.shipSlaHours);
    if (check === 'unknown') {
      s.uncheckedLines++;
      return;
    }
    const order = s.orders.get(line.orderKey);
    if (!order) {
      s.orders.set(line.orderKey, { region: line.region === null ? UNKNOWN_REGION : detached(line.region), late: check === 'late', gmvMinor: paid });
    } else {
      order.late ||= check === 'late';
      order.gmvMinor += paid;
      if (order.region === UNKNOWN_REGION && line.region !== null) order.region = detached(line.region);
    }
  }

  private noteSale(sku: string, paidAt: number): SkuSales {
    if (paidAt !== this.lastPaidAt) {
      this.lastPaidAt = paidAt;
      this.lastPaidDay = Math.floor(epochToLocalMs(this.input.timeZone, paidAt) / DAY_MS);
    }
    const day = this.lastPaidDay;
    let sales = this.skus.get(sku);
    if (sales === undefined) {
      sales = { days: new SaleDays(day), seen: 0, units: [0, 0, 0], gmvMinor: [0, 0, 0] };
      this.skus.set(detached(sku), sales);
    } else sales.days.add(day);
    return sales;
  }

  /** The per-window maps of PeriodSums, from the per-SKU and per-category sums. */
  private fillPeriodMaps(): void {
    for (const [sku, sales] of this.skus) {
      for (let w = 0; w < 3; w++) {
        if (sales.seen & (1 << w)) this.windowSums[w]!.bySku.set(sku, [sales.units[w]!, sales.gmvMinor[w]!]);
      }
    }
    for (const [key, category] of this.categories) {
      for (let w = 0; w < 4; w++) {
        if (category.seen & (1 << w)) this.windowSums[w]!.byCategory.set(key, category.gmvMinor[w]!);
      }
    }
  }

  finish(side: { inventory: readonly InventorySnapshot[]; purchaseOrders: readonly PurchaseOrder[]; tickets: readonly ServiceTicket[] }): OperationsMetrics {
    const { periods, settings } = this.input;
    this.fillPeriodMaps();
    const snaps = indexSnapshots(side.inventory);
    const days: Record<OpsPeriodKey, number> = {
      current: periodDays(periods.current),
      previous: periodDays(periods.previous),
      yearAgo: periodDays(periods.yearAgo),
    };
    const per = <T>(f: (k: OpsPeriodKey, p: Period) => T): Record<OpsPeriodKey, T> => ({
      current: f('current', periods.current),
      previous: f('previous', periods.previous),
      yearAgo: f('yearAgo', periods.yearAgo),
    });
    const fig = (unit: Figure['unit'], r: Record<OpsPeriodKey, number | null>, reason?: string): Figure => {
      const f = figure(unit, r.current, r.previous, r.yearAgo);
      return f.value === null && reason ? { ...f, reason } : f;
    };

    // Inventory: COGS, average stock at cost, turnover.
    const inv = per((k, p) => {
      const s = this.sums[k];
      let matchedCost = 0;
      let matchedGmv = 0;
      for (const [sku, [units, gmv]] of s.bySku) {
        const cost = snaps.costAt(sku, p.end);
        if (cost === null) continue;
        matchedCost += units * cost;
        matchedGmv += gmv;
      }
      const coverage = ratio(matchedGmv, s.gmvMinor);
      const cogs = s.hasData && matchedGmv > 0 ? Math.round((matchedCost * s.gmvMinor) / matchedGmv) : null;
      const average = snaps.averageValue(p);
      const turnover = cogs !== null && average !== null && average > 0 ? (cogs * (365 / days[k])) / average : null;
      return { cogs, average, turnover, coverage };
    });

    // Slow-moving SKUs at each period's last snapshot.
    const slow = per((_k, p) => this.slowMovingAt(snaps, p, settings.slowMovingDays));

    // Top sellers out of stock at the snapshots inside the period.
    const stockOut = per((k, p) => {
      const sold = [...this.sums[k].bySku].filter(([sku, v]) => v[1] > 0 && snaps.has(sku));
      sold.sort((a, b) => b[1][1] - a[1][1] || (a[0] < b[0] ? -1 : 1));
      const top = sold.slice(0, Math.ceil(sold.length * settings.topSellerShare));
      let observations = 0;
      let outs = 0;
      const outSkus: { sku: string; outs: number }[] = [];
      for (const [sku] of top) {
        let skuOuts = 0;
        for (const snap of snaps.inside(sku, p)) {
          observations++;
          if (snap.onHand <= 0) skuOuts++;
        }
        outs += skuOuts;
        if (skuOuts > 0) outSkus.push({ sku, outs: skuOuts });
      }
      return {
        rate: ratio(outs, observations),
        topSellers: top.length,
        observations,
        outs,
        gmv: top.reduce((a, [, v]) => a + v[1], 0),
        outSkus: outSkus.sort((a, b) => b.outs - a.outs || (a.sku < b.sku ? -1 : 1)),
      };
    });

    // Late delivery, overall and by region.
    const delivery = per((k) => {
      const regions = new Map<string, RegionDelivery>();
      let checked = 0;
      let late = 0;
      for (const o of this.sums[k].orders.values()) {
        checked++;
        let r = regions.get(o.region);
        if (!r) regions.set(o.region, (r = { region: o.region, orders: 0, late: 0, rate: null, lateGmvMinor: 0 }));
        r.orders++;
        if (o.late) {
          late++;
          r.late++;
          r.lateGmvMinor += o.gmvMinor;
        }
      }
      const byRegion = [...regions.values()].map((r) => ({ ...r, rate: ratio(r.late, r.orders) }));
      byRegion.sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || b.orders - a.orders || (a.region < b.region ? -1 : 1));
      return { rate: ratio(late, checked), byRegion, unchecked: this.sums[k].uncheckedLines };
    });

    // Supplier lead times over purchase orders received in each period.
    const supply = per((_k, p) => {
      const bySupplier = new Map<string, { n: number; sumDays: number; cost: number; costKnown: boolean }>();
      let n = 0;
      let sumDays = 0;
      let open = 0;
      for (const po of side.purchaseOrders) {
        if (po.receivedAt === null) {
          if (po.orderedAt >= p.startMs && po.orderedAt < p.endMs) open++;
          continue;
        }
        if (po.receivedAt < p.startMs || po.receivedAt >= p.endMs) continue;
        const leadDays = (po.receivedAt - po.orderedAt) / DAY_MS;
        n++;
        sumDays += leadDays;
        const name = po.supplier ?? UNKNOWN_SUPPLIER;
        let s = bySupplier.get(name);
        if (!s) bySupplier.set(name, (s = { n: 0, sumDays: 0, cost: 0, costKnown: false }));
        s.n++;
        s.sumDays += leadDays;
        const cost = po.sku === null ? null : snaps.costAt(po.sku, p.end);
        if (cost !== null && po.quantity !== null) {
          s.cost += cost * po.quantity;
          s.costKnown = true;
        }
      }
      const rows: SupplierLeadTime[] = [...bySupplier].map(([supplier, s]) => ({
        supplier,
        purchaseOrders: s.n,
        meanDays: s.sumDays / s.n,
        receivedCostMinor: s.costKnown ? Math.round(s.cost) : null,
      }));
      rows.sort((a, b) => b.meanDays - a.meanDays || (a.supplier < b.supplier ? -1 : 1));
      return { mean: n > 0 ? sumDays / n : null, rows, n, open };
    });

    // Category shares over three quarters.
    const shareIn = (s: PeriodSums, key: string): number | null => (s.hasData && s.gmvMinor > 0 ? (s.byCategory.get(key) ?? 0) / s.gmvMinor : null);
    const keys = new Set([...this.sums.current.byCategory.keys(), ...this.sums.previous.byCategory.keys(), ...this.sums.twoBack.byCategory.keys()]);
    const categoryShares: CategoryShareRow[] = [...keys]
      .map((key) => ({
        key,
        gmvMinor: this.sums.current.byCategory.get(key) ?? 0,
        shares: [shareIn(this.sums.current, key), shareIn(this.sums.previous, key), shareIn(this.sums.twoBack, key)] as CategoryShareRow['shares'],
      }))
      .sort((a, b) => b.gmvMinor - a.gmvMinor || (a.key < b.key ? -1 : 1));

    const tickets = per((_k, p) => {
      if (side.tickets.length === 0) return null;
      let n = 0;
      for (const t of side.tickets) if (t.createdAt >= p.startMs && t.createdAt < p.endMs) n++;
      return n;
    });

    const live = per((k) => {
      const s = this.sums[k];
      return s.liveKnown ? ratio(s.liveGmvMinor, s.gmvMinor) : null;
    });

    const pick = <T, R>(r: Record<OpsPeriodKey, T>, f: (t: T) => R): Record<OpsPeriodKey, R> => ({
      current: f(r.current),
      previous: f(r.previous),
      yearAgo: f(r.yearAgo),
    });
    const noSnapshots = side.inventory.length === 0 ? 'no inventory snapshots' : undefined;
    return {
      inventory: {
        turnover: fig('multiple', pick(inv, (x) => x.turnover), noSnapshots),
        averageCost: fig('minor', pick(inv, (x) => (x.average === null ? null : Math.round(x.average))), noSnapshots),
        cogs: fig('minor', pick(inv, (x) => x.cogs), noSnapshots),
        daysOfInventory: fig(
          'days',
          per((k) => {
            const t = inv[k].turnover;
            return t === null || t === 0 ? null : 365 / t;
          }),
          noSnapshots,
        ),
        costCoverage: inv.current.coverage,
        snapshotDates: snaps.dates,
      },
      slowMoving: {
        share: fig('ratio', pick(slow, (x) => x.share), noSnapshots),
        slowSkus: slow.current.slow.length === 0 && slow.current.stocked === null ? null : slow.current.slow.length,
        stockedSkus: slow.current.stocked,
        stockCostMinor: slow.current.stocked === null ? null : Math.round(slow.current.slow.reduce((a, x) => a + (x.stockCostMinor ?? 0), 0)),
        asOf: slow.current.asOf,
        days: settings.slowMovingDays,
        top: [...slow.current.slow].sort((a, b) => (b.stockCostMinor ?? 0) - (a.stockCostMinor ?? 0) || (a.sku < b.sku ? -1 : 1)).slice(0, 10),
      },
      topSellerStockOut: {
        rate: fig('ratio', pick(stockOut, (x) => x.rate), noSnapshots),
        topSellers: stockOut.current.topSellers,
        observations: stockOut.current.observations,
        outs: stockOut.current.outs,
        topSellerGmvMinor: stockOut.current.gmv,
        outSkus: stockOut.current.outSkus,
      },
      lateDelivery: {
        rate: fig('ratio', pick(delivery, (x) => x.rate), 'no order line has shipped/delivered times'),
        shipSlaHours: settings.shipSlaHours,
        byRegion: delivery.current.byRegion,
        uncheckedLines: delivery.current.unchecked,
      },
      supply: {
        leadTime: fig('days', pick(supply, (x) => x.mean), side.purchaseOrders.length === 0 ? 'no purchase orders' : undefined),
        bySupplier: supply.current.rows,
        purchaseOrders: supply.current.n,
        openPurchaseOrders: supply.current.open,
      },
      categoryShares,
      liveShare: fig('ratio', live, 'no order line says whether it was sold live'),
      tickets: fig('count', tickets, side.tickets.length === 0 ? 'no service tickets' : undefined),
      periodDays: days,
    };
  }

  private slowMovingAt(snaps: SnapshotIndex, p: Period, days: number): { share: number | null; slow: SlowSku[]; stocked: number | null; asOf: string | null } {
    const asOf = snaps.lastDateIn(p);
    if (asOf === null) return { share: null, slow: [], stocked: null, asOf: null };
    const asOfDay = dayNumber(asOf);
    const slow: SlowSku[] = [];
    let stocked = 0;
    for (const snap of snaps.on(asOf)) {
      if (snap.onHand <= 0) continue;
      stocked++;
      const sales = this.skus.get(snap.sku);
      const last = sales ? sales.days.lastOnOrBefore(asOfDay) : null;
      if (last !== null && last > asOfDay - days) continue;
      const cost = snap.unitCostMinor ?? snaps.costAt(snap.sku, asOf);
      slow.push({
        sku: snap.sku,
        category: snap.category,
        onHand: snap.onHand,
        stockCostMinor: cost === null ? null : Math.round(cost * snap.onHand),
        lastSale: last === null ? null : dayText(last),
      });
    }
    return { share: ratio(slow.length, stocked), slow, stocked, asOf };
  }
}

/** 'late' / 'on time' / 'unknown' for one line, by the rule in the module comment. */
export function lateness(line: OrderLine, shipSlaHours: number): 'late' | 'onTime' | 'unknown' {
  if (line.deliveredAt !== null && line.promisedAt !== null) return line.deliveredAt > line.promisedAt ? 'late' : 'onTime';
  if (line.shippedAt !== null && line.paidAt !== null) return line.shippedAt - line.paidAt > shipSlaHours * HOUR_MS ? 'late' : 'onTime';
  return 'unknown';
}

function dayText(day: number): string {
  const d = new Date(day * DAY_MS);
  return d.toISOString().slice(0, 10);
}

interface SnapshotIndex {
  dates: string[];
  has(sku: string): boolean;
  on(date: string): readonly InventorySnapshot[];
  inside(sku: string, p: Period): InventorySnapshot[];
  lastDateIn(p: Period): string | null;
  costAt(sku: string, day: string): number | null;
  averageValue(p: Period): number | null;
}

function indexSnapshots(rows: readonly InventorySnapshot[]): SnapshotIndex {
  const byDate = new Map<string, InventorySnapshot[]>();
  const bySku = new Map<string, InventorySnapshot[]>();
  for (const r of rows) {
    if (r.date === '' || r.sku === '') continue;
    let d = byDate.get(r.date);
    if (!d) byDate.set(r.date, (d = []));
    d.push(r);
    let s = bySku.get(r.sku);
    if (!s) bySku.set(r.sku, (s = []));
    s.push(r);
  }
  for (const list of bySku.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const dates = [...byDate.keys()].sort();
  const costAt = (sku: string, day: string): number | null => {
    const list = bySku.get(sku);
    if (!list) return null;
    let best: number | null = null;
    for (const s of list) {
      if (s.unitCostMinor === null) continue;
      if (s.date <= day || best === null) best = s.unitCostMinor;
      if (s.date > day) break;
    }
    return best;
  };
  const valueOn = (date: string): number => {
    let v = 0;
    for (const s of byDate.get(date) ?? []) {
      const cost = s.unitCostMinor ?? costAt(s.sku, date);
      if (cost !== null && s.onHand > 0) v += s.onHand * cost;
    }
    return v;
  };
  return {
    dates,
    has: (sku) => bySku.has(sku),
    on: (date) => byDate.get(date) ?? [],
    inside: (sku, p) => (bySku.get(sku) ?? []).filter((s) => s.date >= p.start && s.date <= p.end),
    lastDateIn: (p) => {
      let last: string | null = null;
      for (const d of dates) if (d >= p.start && d <= p.end) last = d;
      return last;
    },
    costAt,
    averageValue: (p) => {
      const inside = dates.filter((d) => d >= p.start && d <= p.end);
      if (inside.length === 0) return null;
      const before = dates.filter((d) => d < p.start).at(-1);
      const used = before === undefined ? inside : [before, ...inside];
      return used.reduce((a, d) => a + valueOn(d), 0) / used.length;
    },
  };
}

/** Convenience for tests and small inputs: run lines and side tables through the accumulator. */
export function computeOperations(
  lines: Iterable<OrderLine>,
  side: { inventory: readonly InventorySnapshot[]; purchaseOrders: readonly PurchaseOrder[]; tickets: readonly ServiceTicket[] },
  input: OperationsInput,
): OperationsMetrics {
  const acc = new OperationsAccumulator(input);
  for (const l of lines) acc.add(l);
  return acc.finish(side);
}
