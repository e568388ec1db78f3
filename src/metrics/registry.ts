// The definitions registry (口径): every figure of sections 1 and 2 registered once, with its
// unit, numerator and denominator, the tables it reads, which platform convention it follows and,
// for refund-based figures, which period a refund counts in. The words (a name and a definition
// per locale) live in the template's locale files under `figures.<key>` / `definitions.<key>`;
// the registry drives the metrics JSON (`definitions`), speaker notes and the Definitions slide.
//
// It also holds the fixed English phrases a missing figure's `reason` is written in, so a slide
// can show the locale's sentence for the same reason.
import type { TableName } from '../canonical.js';
import { missingFigure, type Figure, type Unit } from './figure.js';

/**
 * Terms a numerator or denominator is made of; each has words in the locale at `core.terms.<term>`.
 */
export const TERMS = [
  'paidAmount',
  'gmv',
  'refundsOrderPeriod',
  'gmvMinusRefunds',
  'orders',
  'buyers',
  'itemGmv',
  'weekGmv',
  'monthsWithData',
  'newBuyers',
  'returningBuyers',
  'campaignDayGmv',
  'topBandGmv',
  'visitors',
  'payingBuyers',
  'stepCount',
  'previousStepCount',
  'campaignConversion',
  'otherDayConversion',
  'repeatBuyers',
  'lookbackBuyers',
  'pairBaskets',
  'baskets',
  'antecedentBaskets',
  'expectedPairBaskets',
  'dormantBuyers',
  'reactivatedBuyers',
  'tierBuyers',
  'tierGmv',
  'windowGmv',
  'refundedOrders',
  'reasonRefunds',
  'responseSeconds',
  'ticketsResponded',
  'ticketsWithinSla',
  'resolutionHours',
  'satisfactionScores',
  'ratedTickets',
  'highRatedTickets',
  'reviewRatings',
] as const;
export type Term = (typeof TERMS)[number];

/**
 * How platforms differ on a figure's name: Tmall/JD "转化率" is paying buyers ÷ visitors and
 * "客单价" is GMV ÷ paying buyers; Shopify's conversion is orders ÷ sessions and its AOV is
 * GMV ÷ orders. Each figure says which one it is (words at `core.conventions.<id>`).
 */
export type Convention = 'buyersPerVisitor' | 'ordersPerSession' | 'gmvPerBuyer' | 'gmvPerOrder';

/**
 * orderPeriod: a refund counts in the period its order line was paid (net sales);
 * refundPeriod: in the period the refund happened (net revenue). The canonical order lines carry
 * no refund date, so every refund figure here is on the order-period basis.
 */
export type RefundBasis = 'orderPeriod' | 'refundPeriod';

export interface FigureDefinition {
  /** Where the figure sits in the metrics JSON, e.g. `core.aov`. */
  id: string;
  /** Locale key: the name is `figures.<key>`, the definition `definitions.<key>`. */
  key: string;
  section: 'overview' | 'core';
  unit: Unit;
  numerator: Term;
  denominator: Term | null;
  tables: TableName[];
  refundBasis?: RefundBasis;
  convention?: Convention;
  /** Other JSON paths that hold the same figure split by something (platform, week, …). */
  alsoAt?: string[];
}

const ORDERS: TableName[] = ['order_lines'];
const TRAFFIC: TableName[] = ['traffic_daily'];
const TICKETS: TableName[] = ['service_tickets'];

export const REGISTRY: readonly FigureDefinition[] = [
  // Section 1
  { id: 'overview.gmv', key: 'gmv', section: 'overview', unit: 'minor', numerator: 'paidAmount', denominator: null, tables: ORDERS, alsoAt: ['overview.byPlatform[].gmv', 'overview.byCategory[].gmv', 'overview.byMonth[].gmv'] },
  { id: 'overview.netSales', key: 'netSales', section: 'overview', unit: 'minor', numerator: 'gmvMinusRefunds', denominator: null, tables: ORDERS, refundBasis: 'orderPeriod' },
  { id: 'overview.refunds', key: 'refunds', section: 'overview', unit: 'minor', numerator: 'refundsOrderPeriod', denominator: null, tables: ORDERS, refundBasis: 'orderPeriod' },
  { id: 'overview.orders', key: 'orders', section: 'overview', unit: 'count', numerator: 'orders', denominator: null, tables: ORDERS },
  { id: 'overview.buyers', key: 'buyers', section: 'overview', unit: 'count', numerator: 'buyers', denominator: null, tables: ORDERS },
  { id: 'overview.byPlatform[].share', key: 'share', section: 'overview', unit: 'ratio', numerator: 'itemGmv', denominator: 'gmv', tables: ORDERS, alsoAt: ['overview.byCategory[].share'] },
  { id: 'overview.monthAverageGmv', key: 'monthAverageGmv', section: 'overview', unit: 'minor', numerator: 'gmv', denominator: 'monthsWithData', tables: ORDERS },
  { id: 'overview.byWeek[].gmv', key: 'weeklyGmv', section: 'overview', unit: 'minor', numerator: 'weekGmv', denominator: null, tables: ORDERS },
  { id: 'overview.newBuyers', key: 'newBuyers', section: 'overview', unit: 'count', numerator: 'newBuyers', denominator: null, tables: ORDERS },
  { id: 'overview.newBuyerShare', key: 'newBuyerShare', section: 'overview', unit: 'ratio', numerator: 'newBuyers', denominator: 'buyers', tables: ORDERS },
  { id: 'overview.returningBuyers', key: 'returningBuyers', section: 'overview', unit: 'count', numerator: 'returningBuyers', denominator: null, tables: ORDERS },
  { id: 'overview.campaignGmv', key: 'campaignGmv', section: 'overview', unit: 'minor', numerator: 'campaignDayGmv', denominator: null, tables: ORDERS },
  { id: 'overview.campaignShare', key: 'campaignShare', section: 'overview', unit: 'ratio', numerator: 'campaignDayGmv', denominator: 'gmv', tables: ORDERS },
  { id: 'overview.topPriceBandShare', key: 'topPriceBandShare', section: 'overview', unit: 'ratio', numerator: 'topBandGmv', denominator: 'gmv', tables: ORDERS },
  { id: 'overview.visitors', key: 'visitors', section: 'overview', unit: 'count', numerator: 'visitors', denominator: null, tables: TRAFFIC },
  // Section 2
  { id: 'core.conversion', key: 'conversion', section: 'core', unit: 'ratio', numerator: 'payingBuyers', denominator: 'visitors', tables: TRAFFIC, convention: 'buyersPerVisitor', alsoAt: ['core.conversionByPlatform[].value', 'core.conversionByChannel[].value', 'core.conversionByWeek[].value'] },
  { id: 'core.funnel.steps[].dropOff', key: 'funnelDropOff', section: 'core', unit: 'ratio', numerator: 'stepCount', denominator: 'previousStepCount', tables: TRAFFIC },
  { id: 'core.campaignConversionLift', key: 'campaignConversionLift', section: 'core', unit: 'multiple', numerator: 'campaignConversion', denominator: 'otherDayConversion', tables: TRAFFIC, convention: 'buyersPerVisitor' },
  { id: 'core.aov', key: 'aov', section: 'core', unit: 'minor', numerator: 'gmv', denominator: 'orders', tables: ORDERS, convention: 'gmvPerOrder', alsoAt: ['core.byPlatform[].aov'] },
  { id: 'core.spendPerBuyer', key: 'spendPerBuyer', section: 'core', unit: 'minor', numerator: 'gmv', denominator: 'buyers', tables: ORDERS, convention: 'gmvPerBuyer', alsoAt: ['core.byPlatform[].spendPerBuyer'] },
  { id: 'core.repurchaseRate', key: 'repurchaseRate', section: 'core', unit: 'ratio', numerator: 'repeatBuyers', denominator: 'buyers', tables: ORDERS, alsoAt: ['core.byPlatform[].repurchaseRate'] },
  { id: 'core.returningBuyerRate', key: 'returningBuyerRate', section: 'core', unit: 'ratio', numerator: 'lookbackBuyers', denominator: 'buyers', tables: ORDERS },
  { id: 'core.pairs.sku[].support', alsoAt: ['core.pairs.category[].support'], key: 'pairSupport', section: 'core', unit: 'ratio', numerator: 'pairBaskets', denominator: 'baskets', tables: ORDERS },
  { id: 'core.pairs.sku[].confidence', alsoAt: ['core.pairs.category[].confidence'], key: 'pairConfidence', section: 'core', unit: 'ratio', numerator: 'pairBaskets', denominator: 'antecedentBaskets', tables: ORDERS },
  { id: 'core.pairs.sku[].lift', alsoAt: ['core.pairs.category[].lift'], key: 'pairLift', section: 'core', unit: 'multiple', numerator: 'pairBaskets', denominator: 'expectedPairBaskets', tables: ORDERS },
  { id: 'core.dormantBuyers', key: 'dormantBuyers', section: 'core', unit: 'count', numerator: 'dormantBuyers', denominator: null, tables: ORDERS },
  { id: 'core.reactivatedBuyers', key: 'reactivatedBuyers', section: 'core', unit: 'count', numerator: 'reactivatedBuyers', denominator: null, tables: ORDERS },
  { id: 'core.buyerTiers[].gmvShare', key: 'buyerTiers', section: 'core', unit: 'ratio', numerator: 'tierGmv', denominator: 'windowGmv', tables: ORDERS },
  { id: 'core.refundRateByAmount', key: 'refundRateByAmount', section: 'core', unit: 'ratio', numerator: 'refundsOrderPeriod', denominator: 'gmv', tables: ORDERS, refundBasis: 'orderPeriod' },
  { id: 'core.refundRateByOrders', key: 'refundRateByOrders', section: 'core', unit: 'ratio', numerator: 'refundedOrders', denominator: 'orders', tables: ORDERS, refundBasis: 'orderPeriod' },
  { id: 'core.refundReasons[].share', key: 'refundReasonShare', section: 'core', unit: 'ratio', numerator: 'reasonRefunds', denominator: 'refundsOrderPeriod', tables: ORDERS, refundBasis: 'orderPeriod' },
  { id: 'core.firstResponse.median', key: 'firstResponseMedian', section: 'core', unit: 'seconds', numerator: 'responseSeconds', denominator: null, tables: TICKETS, alsoAt: ['core.firstResponseByPlatform[].median'] },
  { id: 'core.firstResponse.p90', key: 'firstResponseP90', section: 'core', unit: 'seconds', numerator: 'responseSeconds', denominator: null, tables: TICKETS, alsoAt: ['core.firstResponseByPlatform[].p90'] },
  { id: 'core.firstResponse.withinSlaShare', key: 'withinSlaShare', section: 'core', unit: 'ratio', numerator: 'ticketsWithinSla', denominator: 'ticketsResponded', tables: TICKETS },
  { id: 'core.resolution.median', key: 'resolutionMedian', section: 'core', unit: 'hours', numerator: 'resolutionHours', denominator: null, tables: TICKETS },
  { id: 'core.resolution.p90', key: 'resolutionP90', section: 'core', unit: 'hours', numerator: 'resolutionHours', denominator: null, tables: TICKETS },
  { id: 'core.satisfaction.mean', key: 'satisfactionMean', section: 'core', unit: 'score', numerator: 'satisfactionScores', denominator: 'ratedTickets', tables: TICKETS },
  { id: 'core.satisfaction.shareHigh', key: 'satisfactionShareHigh', section: 'core', unit: 'ratio', numerator: 'highRatedTickets', denominator: 'ratedTickets', tables: TICKETS },
  { id: 'core.reviewRating', key: 'reviewRating', section: 'core', unit: 'score', numerator: 'reviewRatings', denominator: null, tables: ['reviews'] },
];

const BY_ID = new Map(REGISTRY.map((d) => [d.id, d]));
const BY_KEY = new Map(REGISTRY.map((d) => [d.key, d]));

export function definitionOf(idOrKey: string): FigureDefinition {
  const d = BY_ID.get(idOrKey) ?? BY_KEY.get(idOrKey);
  if (!d) throw new Error(`no registered figure '${idOrKey}'`);
  return d;
}

// ---------------------------------------------------------------------------------------------
// Why a figure is missing: fixed English phrases with {placeholders}. The slide shows the
// locale's sentence `core.missing.<code>` filled with the same values.

export const MISSING_REASONS = {
  noOrders: 'no order lines in {period}',
  noBuyers: 'no buyer ids in {period}',
  noHistory: 'no order history before {period}',
  noPrices: 'no unit prices in {period}',
  noCampaignCalendar: 'no campaign calendar in the config',
  noCampaignDays: 'no campaign days in {period}',
  noOrdinaryDays: 'no non-campaign days in {period}',
  noTraffic: 'no traffic export in {period}',
  noTrafficForPlatform: 'no traffic export for {platform} in {period}',
  noTrafficColumn: 'no {column} column in the traffic export for {period}',
  noVisitors: 'no visitors recorded in {period}',
  noTrafficInWeek: 'no traffic rows in week {week}',
  noTickets: 'no service-ticket export in {period}',
  noResponses: 'no first responses recorded in {period}',
  noResolutions: 'no resolved tickets in {period}',
  noRatings: 'no satisfaction ratings in {period}',
  noReviews: 'no review export in {period}',
} as const;
export type MissingCode = keyof typeof MISSING_REASONS;

export function missingReason(code: MissingCode, vars: Record<string, string> = {}): string {
  return MISSING_REASONS[code].replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`missing reason ${code}: no value for {${name}}`);
    return v;
  });
}

/** A missing figure whose reason is one of the fixed phrases. */
export function missing(unit: Unit, code: MissingCode, vars: Record<string, string> = {}): Figure {
  return missingFigure(unit, missingReason(code, vars));
}

const REASON_PATTERNS: [MissingCode, RegExp, string[]][] = (Object.entries(MISSING_REASONS) as [MissingCode, string][]).map(
  ([code, text]) => {
    const names: string[] = [];
    const source = text
      .split(/(\{\w+\})/)
      .map((part) => {
        const m = /^\{(\w+)\}$/.exec(part);
        if (m) {
          names.push(m[1]!);
          return '(.+?)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    return [code, new RegExp(`^${source}$`), names];
  },
);

/** The code and values of a reason written by `missingReason`, or null for any other text. */
export function parseMissingReason(reason: string): { code: MissingCode; vars: Record<string, string> } | null {
  for (const [code, re, names] of REASON_PATTERNS) {
    const m = re.exec(reason);
    if (!m) continue;
    const vars: Record<string, string> = {};
    names.forEach((n, i) => (vars[n] = m[i + 1]!));
    return { code, vars };
  }
  return null;
}
