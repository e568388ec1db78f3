// Figures from the daily traffic export: visitors, conversion (paying buyers ÷ visitors, the
// Tmall/JD convention, both summed over days) by platform, channel and week, the funnel with its
// drop-offs, and conversion on campaign days against other days.
import type { TrafficDay } from '../canonical.js';
import { figure, type Figure } from './figure.js';
import type { DayRange } from './buyers.js';
import { missingReason, type MissingCode } from './registry.js';
import { dayNumber } from './stats.js';
import { dayString } from '../time/zone.js';

export const FUNNEL_STEPS = ['visitors', 'productViews', 'addToCart', 'checkouts', 'buyers'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export interface FunnelRow {
  step: FunnelStep;
  value: number | null;
  /** This step ÷ the step before (the step's conversion); null for the first step or when either is unknown. */
  stepRate: number | null;
  /** 1 − stepRate. */
  dropOff: number | null;
}

export interface KeyedFigure {
  key: string;
  value: Figure;
  visitors: number | null;
  buyers: number | null;
}

export interface WeekFigure {
  week: string;
  value: Figure;
  /** The week's days inside the report quarter. */
  days: number;
  /**
   * How many of them have traffic rows (any platform), and the first and last of those: a week
   * the export ends in is starred on the slide, since its rate stands for those days alone.
   */
  dataDays: number;
  dataStart: string | null;
  dataEnd: string | null;
}

export interface TrafficFigures {
  visitors: Figure;
  conversion: Figure;
  conversionByPlatform: KeyedFigure[];
  conversionByChannel: KeyedFigure[];
  conversionByWeek: WeekFigure[];
  funnel: { steps: FunnelRow[] };
  campaignConversionLift: Figure;
  campaignConversion: { campaign: Figure; other: Figure };
  /** Which platforms (with order lines this quarter) the traffic export covers. */
  trafficCoverage: { platforms: string[]; missing: string[] };
}

export interface TrafficInput {
  periods: readonly DayRange[];
  labels: readonly string[];
  /** Local day numbers of campaign days from the calendar; null when there is no calendar. */
  campaignDays: ReadonlySet<number> | null;
  /** ISO weeks of the report quarter and their days inside it. */
  weeks: readonly { week: string; days: readonly number[] }[];
  /** Platforms with order lines in the report quarter. */
  orderPlatforms: readonly string[];
}

export const NO_CHANNEL = '(none)';

interface Agg {
  rows: number;
  visitors: number;
  /** Rows that report paying buyers, and their visitors and buyers. */
  buyerRows: number;
  buyerVisitors: number;
  buyers: number;
}

const newAgg = (): Agg => ({ rows: 0, visitors: 0, buyerRows: 0, buyerVisitors: 0, buyers: 0 });

function addRow(a: Agg, r: TrafficDay): void {
  a.rows++;
  a.visitors += r.visitors;
  if (r.buyers !== null) {
    a.buyerRows++;
    a.buyerVisitors += r.visitors;
    a.buyers += r.buyers;
  }
}

function merge(a: Agg, b: Agg): void {
  a.rows += b.rows;
  a.visitors += b.visitors;
  a.buyerRows += b.buyerRows;
  a.buyerVisitors += b.buyerVisitors;
  a.buyers += b.buyers;
}

type Outcome = number | { code: MissingCode; vars: Record<string, string> };

function conversionOf(a: Agg, period: string, platform?: string): Outcome {
  if (a.rows === 0) {
    return platform === undefined ? { code: 'noTraffic', vars: { period } } : { code: 'noTrafficForPlatform', vars: { platform, period } };
  }
  if (a.buyerRows === 0) return { code: 'noTrafficColumn', vars: { column: 'buyers', period } };
  if (a.buyerVisitors === 0) return { code: 'noVisitors', vars: { period } };
  return a.buyers / a.buyerVisitors;
}

const valueOf = (o: Outcome): number | null => (typeof o === 'number' ? o : null);

/** An F from three period outcomes; a missing current value carries its reason. */
export function outcomeFigure(unit: Figure['unit'], current: Outcome, previous: Outcome, yearAgo: Outcome): Figure {
  const f = figure(unit, valueOf(current), valueOf(previous), valueOf(yearAgo));
  if (typeof current !== 'number') f.reason = missingReason(current.code, current.vars);
  return f;
}

export function trafficFigures(rows: readonly TrafficDay[], input: TrafficInput): TrafficFigures {
  const { periods, labels } = input;
  const label = (p: number) => labels[p]!;
  const days = rows.map((r) => dayNumber(r.date));
  const inPeriod = (i: number, p: number) => days[i]! >= periods[p]!.start && days[i]! < periods[p]!.end;

  const total = [newAgg(), newAgg(), newAgg()];
  const byPlatform = new Map<string, Agg[]>();
  const byChannel = new Map<string, Agg[]>();
  const campaign = [newAgg(), newAgg(), newAgg()];
  const other = [newAgg(), newAgg(), newAgg()];
  const byDay = new Map<number, Agg>();
  const stepSums: (number | null)[] = FUNNEL_STEPS.map(() => null);
  const slot = (map: Map<string, Agg[]>, key: string): Agg[] => {
    let v = map.get(key);
    if (!v) map.set(key, (v = [newAgg(), newAgg(), newAgg()]));
    return v;
  };

  rows.forEach((r, i) => {
    const day = days[i]!;
    let d = byDay.get(day);
    if (!d) byDay.set(day, (d = newAgg()));
    addRow(d, r);
    for (let p = 0; p < 3; p++) {
      if (!inPeriod(i, p)) continue;
      addRow(total[p]!, r);
      addRow(slot(byPlatform, r.platform)[p]!, r);
      addRow(slot(byChannel, r.channel ?? NO_CHANNEL)[p]!, r);
      if (input.campaignDays) addRow(input.campaignDays.has(day) ? campaign[p]! : other[p]!, r);
      if (p === 0) {
        const values = [r.visitors, r.productViews, r.addToCart, r.checkouts, r.buyers];
        values.forEach((v, s) => {
          if (v !== null) stepSums[s] = (stepSums[s] ?? 0) + v;
        });
      }
    }
  });

  const visitors = outcomeFigure(
    'count',
    ...([0, 1, 2].map((p) => (total[p]!.rows > 0 ? total[p]!.visitors : { code: 'noTraffic' as const, vars: { period: label(p) } })) as [Outcome, Outcome, Outcome]),
  );
  const conv = (aggs: Agg[], platform?: string) =>
    outcomeFigure('ratio', conversionOf(aggs[0]!, label(0), platform), conversionOf(aggs[1]!, label(1), platform), conversionOf(aggs[2]!, label(2), platform));

  const keyed = (map: Map<string, Agg[]>, extraKeys: readonly string[], isPlatform: boolean): KeyedFigure[] => {
    const keys = new Set<string>();
    for (const [k, aggs] of map) if (aggs[0]!.rows > 0) keys.add(k);
    for (const k of extraKeys) keys.add(k);
    const out = [...keys].map((key) => {
      const aggs = map.get(key) ?? [newAgg(), newAgg(), newAgg()];
      const cur = aggs[0]!;
      return {
        key,
        value: conv(aggs, isPlatform ? key : undefined),
        visitors: cur.rows > 0 ? cur.visitors : null,
        buyers: cur.buyerRows > 0 ? cur.buyers : null,
      };
    });
    // Most visitors first; keys without traffic last, by name.
    return out.sort((a, b) => (b.visitors ?? -1) - (a.visitors ?? -1) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  };

  const weekAgg = (weekDays: readonly number[], shift: number): Agg => {
    const a = newAgg();
    for (const d of weekDays) {
      const x = byDay.get(d - shift);
      if (x) merge(a, x);
    }
    return a;
  };
  const weekConversion = (week: string, a: Agg): Outcome =>
    total[0]!.rows === 0 ? { code: 'noTraffic', vars: { period: label(0) } } : a.rows === 0 ? { code: 'noTrafficInWeek', vars: { week } } : conversionOf(a, label(0));
  const conversionByWeek = input.weeks.map(({ week, days: weekDays }): WeekFigure => {
    const withRows = weekDays.filter((d) => byDay.has(d));
    return {
      week,
      // A ratio of two daily sums is not biased by fewer days, so the comparison weeks stay whole.
      value: outcomeFigure(
        'ratio',
        weekConversion(week, weekAgg(weekDays, 0)),
        conversionOf(weekAgg(weekDays, 7), label(0)),
        conversionOf(weekAgg(weekDays, 364), label(0)),
      ),
      days: weekDays.length,
      dataDays: withRows.length,
      dataStart: withRows.length > 0 ? dayString(withRows[0]!) : null,
      dataEnd: withRows.length > 0 ? dayString(withRows[withRows.length - 1]!) : null,
    };
  });

  const steps: FunnelRow[] = FUNNEL_STEPS.map((step, s) => {
    const value = total[0]!.rows > 0 ? (stepSums[s] ?? null) : null;
    const before = s > 0 ? (total[0]!.rows > 0 ? (stepSums[s - 1] ?? null) : null) : null;
    const stepRate = value !== null && before !== null && before > 0 ? value / before : null;
    return { step, value, stepRate, dropOff: stepRate === null ? null : 1 - stepRate };
  });

  const liftOutcome = (p: number): Outcome => {
    if (!input.campaignDays) return { code: 'noCampaignCalendar', vars: {} };
    if (total[p]!.rows === 0) return { code: 'noTraffic', vars: { period: label(p) } };
    if (campaign[p]!.rows === 0) return { code: 'noCampaignDays', vars: { period: label(p) } };
    if (other[p]!.rows === 0) return { code: 'noOrdinaryDays', vars: { period: label(p) } };
    const c = conversionOf(campaign[p]!, label(p));
    const o = conversionOf(other[p]!, label(p));
    if (typeof c !== 'number') return c;
    if (typeof o !== 'number') return o;
    if (o === 0) return { code: 'noVisitors', vars: { period: label(p) } };
    return c / o;
  };
  const sideConversion = (aggs: Agg[], code: 'noCampaignDays' | 'noOrdinaryDays'): Figure => {
    const at = (p: number): Outcome => {
      if (!input.campaignDays) return { code: 'noCampaignCalendar', vars: {} };
      if (aggs[p]!.rows === 0) return { code, vars: { period: label(p) } };
      return conversionOf(aggs[p]!, label(p));
    };
    return outcomeFigure('ratio', at(0), at(1), at(2));
  };

  const platformsWithTraffic = [...byPlatform.entries()].filter(([, a]) => a[0]!.rows > 0).map(([k]) => k).sort();
  return {
    visitors,
    conversion: conv(total),
    conversionByPlatform: keyed(byPlatform, input.orderPlatforms, true),
    conversionByChannel: keyed(byChannel, [], false),
    conversionByWeek,
    funnel: { steps },
    campaignConversionLift: outcomeFigure('multiple', liftOutcome(0), liftOutcome(1), liftOutcome(2)),
    campaignConversion: { campaign: sideConversion(campaign, 'noCampaignDays'), other: sideConversion(other, 'noOrdinaryDays') },
    trafficCoverage: {
      platforms: platformsWithTraffic,
      missing: input.orderPlatforms.filter((p) => !platformsWithTraffic.includes(p)).sort(),
    },
  };
}
