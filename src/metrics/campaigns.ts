// Campaign review: for each calendar campaign that overlaps the report quarter, its GMV,
// orders, visitors, conversion and AOV against comparable non-campaign days, as lift ×.
//
// Baseline days: the `weeks` × 7 days before the campaign starts, only the weekdays the
// campaign itself covers when `sameWeekday`, never a day of any campaign in the calendar and
// never a day before the order data starts. A campaign total is compared with its expected
// value on those days, weekday by weekday:
//   expected(X) = Σ over campaign days d of mean(X on baseline days with d's weekday)
// (the mean of all baseline days when that weekday has none, or when sameWeekday is off).
//   lift(X)               = X during the campaign ÷ expected(X)
//   conversion            = Σ daily buyers ÷ Σ daily visitors (buyers: distinct platform + buyer
//                           per local day, on platforms with traffic rows that day)
//   AOV                   = GMV ÷ orders; ratios compare campaign ratio with expected(num) ÷ expected(den)
//   GMV per day           = GMV ÷ campaign days, against expected(GMV) ÷ campaign days
//   stock-outs            = mean SKUs with on_hand ≤ 0 per snapshot day in the window (no weekday match)
//   service tickets       = tickets created, against expected(tickets)
// The whole campaign window counts, also days outside the quarter (a campaign is one unit).
import type { OrderLine, SideTables } from '../canonical.js';
import type { Period } from '../time/quarter.js';
import { dayString, epochToLocalMs } from '../time/zone.js';
import { ratio, type Unit } from './figure.js';
import { dayNumber } from './operations.js';
import { detached } from './core-orders.js';

const DAY_MS = 86_400_000;

export interface CampaignDef {
  name: string;
  start: string;
  end: string;
}

export interface BaselineRule {
  weeks: number;
  sameWeekday: boolean;
}

export interface CampaignInput {
  /** The whole calendar: every campaign's days are excluded from every baseline. */
  calendar: readonly CampaignDef[];
  quarter: Period;
  timeZone: string;
  baseline: BaselineRule;
}

/** A campaign figure beside its baseline; lift = campaign ÷ baseline. */
export interface Lift {
  unit: Unit;
  campaign: number | null;
  baseline: number | null;
  lift: number | null;
  reason?: string;
}

export interface CampaignResult {
  name: string;
  start: string;
  end: string;
  days: number;
  /** Baseline days used, YYYY-MM-DD ascending. */
  baselineDays: string[];
  gmv: Lift;
  gmvPerDay: Lift;
  orders: Lift;
  visitors: Lift;
  conversion: Lift;
  aov: Lift;
  stockOuts: Lift;
  tickets: Lift;
}

export interface CampaignMetrics {
  baseline: BaselineRule;
  campaigns: CampaignResult[];
}

interface DaySums {
  gmvMinor: number;
  /** Order keys (OrderLine.orderKey). */
  orders: Set<number>;
  /** platform → buyer keys */
  buyers: Map<string, Set<number>>;
}

interface Plan {
  def: CampaignDef;
  days: number[];
  baseline: number[];
}

/** Campaigns overlapping the quarter, with their day numbers and candidate baseline days. */
export function planCampaigns(input: Omit<CampaignInput, 'timeZone'>): Plan[] {
  const campaignDays = new Set<number>();
  for (const c of input.calendar) for (let d = dayNumber(c.start); d <= dayNumber(c.end); d++) campaignDays.add(d);
  const qStart = dayNumber(input.quarter.start);
  const qEnd = dayNumber(input.quarter.end);
  const plans: Plan[] = [];
  for (const def of input.calendar) {
    const s = dayNumber(def.start);
    const e = dayNumber(def.end);
    if (e < qStart || s > qEnd || e < s) continue;
    const days: number[] = [];
    for (let d = s; d <= e; d++) days.push(d);
    const weekdays = new Set(days.map(weekday));
    const baseline: number[] = [];
    for (let d = s - input.baseline.weeks * 7; d < s; d++) {
      if (campaignDays.has(d)) continue;
      if (input.baseline.sameWeekday && !weekdays.has(weekday(d))) continue;
      baseline.push(d);
    }
    plans.push({ def, days, baseline });
  }
  return plans.sort((a, b) => a.days[0]! - b.days[0]! || (a.def.name < b.def.name ? -1 : 1));
}

/** 0 = Sunday, as Date#getUTCDay. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export class CampaignAccumulator {
  private readonly plans: Plan[];
  private readonly byDay = new Map<number, DaySums>();
  private readonly watched = new Set<number>();
  private readonly lo: number;
  private readonly hi: number;
  /** Epoch bounds a little wider than the watched days in any zone: a cheap first filter. */
  private readonly loMs: number;
  private readonly hiMs: number;
  private firstDatedMs: number | null = null;

  constructor(private readonly input: CampaignInput) {
    this.plans = planCampaigns(input);
    for (const p of this.plans) for (const d of [...p.days, ...p.baseline]) this.watched.add(d);
    // A loop, not Math.min(...days): a campaign may span more days than a call takes arguments.
    let lo = Infinity;
    let hi = -Infinity;
    for (const d of this.watched) {
      if (d < lo) lo = d;
      if (d > hi) hi = d;
    }
    this.lo = this.watched.size > 0 ? lo : 0;
    this.hi = this.watched.size > 0 ? hi : -1;
    this.loMs = (this.lo - 2) * DAY_MS;
    this.hiMs = (this.hi + 3) * DAY_MS;
  }

  add(line: OrderLine): void {
    const dated = line.paidAt ?? line.createdAt;
    if (dated !== null && (this.firstDatedMs === null || dated < this.firstDatedMs)) this.firstDatedMs = dated;
    if (line.paidAt === null || line.status === 'cancelled' || line.status === 'pending') return;
    // A return booked as its own row sells nothing: no GMV, order or buyer of the day.
    if (line.quantity < 0 && line.paidAmountMinor === 0) return;
    if (line.paidAt < this.loMs || line.paidAt >= this.hiMs) return;
    const day = this.dayOf(line.paidAt);
    if (day < this.lo || day > this.hi || !this.watched.has(day)) return;
    let sums = this.byDay.get(day);
    if (!sums) this.byDay.set(day, (sums = { gmvMinor: 0, orders: new Set(), buyers: new Map() }));
    sums.gmvMinor += line.paidAmountMinor;
    sums.orders.add(line.orderKey);
    if (line.buyerKey >= 0) {
      let set = sums.buyers.get(line.platform);
      if (!set) sums.buyers.set(detached(line.platform), (set = new Set()));
      set.add(line.buyerKey);
    }
  }

  private dayOf(t: number): number {
    return Math.floor(epochToLocalMs(this.input.timeZone, t) / DAY_MS);
  }

  finish(side: Pick<SideTables, 'traffic' | 'tickets' | 'inventory'>): CampaignMetrics {
    const tz = this.input.timeZone;
    const visitors = new Map<number, number>();
    const trafficPlatforms = new Map<number, Set<string>>();
    for (const t of side.traffic) {
      if (t.date === '') continue;
      const d = dayNumber(t.date);
      if (!this.watched.has(d)) continue;
      visitors.set(d, (visitors.get(d) ?? 0) + t.visitors);
      let set = trafficPlatforms.get(d);
      if (!set) trafficPlatforms.set(d, (set = new Set()));
      set.add(t.platform);
    }
    const tickets = new Map<number, number>();
    for (const t of side.tickets) {
      const d = Math.floor(epochToLocalMs(tz, t.createdAt) / DAY_MS);
      if (this.watched.has(d)) tickets.set(d, (tickets.get(d) ?? 0) + 1);
    }
    const outs = new Map<number, number>();
    for (const s of side.inventory) {
      if (s.date === '') continue;
      const d = dayNumber(s.date);
      if (!this.watched.has(d)) continue;
      outs.set(d, (outs.get(d) ?? 0) + (s.onHand <= 0 ? 1 : 0));
    }

    const first = this.firstDatedMs === null ? null : this.dayOf(this.firstDatedMs);
    const gmv = (d: number) => this.byDay.get(d)?.gmvMinor ?? 0;
    const orders = (d: number) => this.byDay.get(d)?.orders.size ?? 0;
    const visitorsOf = (d: number) => visitors.get(d) ?? 0;
    const buyers = (d: number) => {
      const sums = this.byDay.get(d);
      const platforms = trafficPlatforms.get(d);
      if (!sums || !platforms) return 0;
      let n = 0;
      for (const [platform, set] of sums.buyers) if (platforms.has(platform) || platforms.has('all')) n += set.size;
      return n;
    };
    const ticketsOf = (d: number) => tickets.get(d) ?? 0;

    const campaigns = this.plans.map((plan): CampaignResult => {
      const baseline = first === null ? [] : plan.baseline.filter((d) => d >= first);
      const expected = expectation(plan.days, baseline, this.input.baseline.sameWeekday);
      const total = (f: (d: number) => number) => plan.days.reduce((a, d) => a + f(d), 0);
      const noBaseline = baseline.length === 0 ? 'no comparable non-campaign days before the campaign' : undefined;
      const sumLift = (unit: Unit, f: (d: number) => number, reason?: string): Lift => {
        if (reason) return { unit, campaign: null, baseline: null, lift: null, reason };
        const c = total(f);
        const b = expected(f);
        return withReason({ unit, campaign: c, baseline: b, lift: ratio(c, b) }, noBaseline);
      };
      const ratioLift = (unit: Unit, num: (d: number) => number, den: (d: number) => number, reason?: string): Lift => {
        if (reason) return { unit, campaign: null, baseline: null, lift: null, reason };
        const c = ratio(total(num), total(den));
        const eNum = expected(num);
        const eDen = expected(den);
        const b = eNum === null ? null : ratio(eNum, eDen);
        return withReason({ unit, campaign: c, baseline: b, lift: ratio(c, b) }, noBaseline);
      };
      const noTraffic = side.traffic.length === 0 ? 'no traffic export' : undefined;
      const gmvLift = sumLift('minor', gmv);
      const n = plan.days.length;
      const snapshotIn = (days: number[]) => days.filter((d) => outs.has(d));
      const campaignSnaps = snapshotIn(plan.days);
      const baselineSnaps = snapshotIn(baseline);
      const mean = (days: number[]) => (days.length === 0 ? null : days.reduce((a, d) => a + (outs.get(d) ?? 0), 0) / days.length);
      const stockReason =
        side.inventory.length === 0
          ? 'no inventory snapshots'
          : campaignSnaps.length === 0
            ? 'no inventory snapshot falls inside the campaign'
            : baselineSnaps.length === 0
              ? 'no inventory snapshot falls on a baseline day'
              : undefined;
      const stockCampaign = mean(campaignSnaps);
      const stockBaseline = mean(baselineSnaps);
      return {
        name: plan.def.name,
        start: plan.def.start,
        end: plan.def.end,
        days: n,
        baselineDays: baseline.map(dayString),
        gmv: gmvLift,
        gmvPerDay: {
          unit: 'minor',
          campaign: gmvLift.campaign === null ? null : gmvLift.campaign / n,
          baseline: gmvLift.baseline === null ? null : gmvLift.baseline / n,
          lift: gmvLift.lift,
          ...(gmvLift.reason ? { reason: gmvLift.reason } : {}),
        },
        orders: sumLift('count', orders),
        visitors: sumLift('count', visitorsOf, noTraffic),
        conversion: ratioLift('ratio', buyers, visitorsOf, noTraffic),
        aov: ratioLift('minor', gmv, orders),
        stockOuts: stockReason
          ? { unit: 'count', campaign: stockCampaign, baseline: stockBaseline, lift: null, reason: stockReason }
          : { unit: 'count', campaign: stockCampaign, baseline: stockBaseline, lift: ratio(stockCampaign, stockBaseline) },
        tickets: sumLift('count', ticketsOf, side.tickets.length === 0 ? 'no service tickets' : undefined),
      };
    });
    return { baseline: this.input.baseline, campaigns };
  }
}

function withReason(l: Lift, reason: string | undefined): Lift {
  return reason && l.baseline === null ? { ...l, reason } : l;
}

/**
 * expected(f) = Σ over campaign days of the mean of f over the baseline days sharing its
 * weekday (or over all baseline days); null without baseline days.
 */
export function expectation(days: readonly number[], baseline: readonly number[], sameWeekday: boolean): (f: (d: number) => number) => number | null {
  return (f) => {
    if (baseline.length === 0) return null;
    const all = baseline.reduce((a, d) => a + f(d), 0) / baseline.length;
    if (!sameWeekday) return all * days.length;
    const byWeekday = new Map<number, number[]>();
    for (const d of baseline) {
      const w = weekday(d);
      let list = byWeekday.get(w);
      if (!list) byWeekday.set(w, (list = []));
      list.push(f(d));
    }
    let sum = 0;
    for (const d of days) {
      const list = byWeekday.get(weekday(d));
      sum += list && list.length > 0 ? list.reduce((a, v) => a + v, 0) / list.length : all;
    }
    return sum;
  };
}

/** Convenience for tests: run lines and side tables through the accumulator. */
export function computeCampaigns(
  lines: Iterable<OrderLine>,
  side: Pick<SideTables, 'traffic' | 'tickets' | 'inventory'>,
  input: CampaignInput,
): CampaignMetrics {
  const acc = new CampaignAccumulator(input);
  for (const l of lines) acc.add(l);
  return acc.finish(side);
}
