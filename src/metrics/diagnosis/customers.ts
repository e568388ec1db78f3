// Customer-facing rules: refund reasons concentrated in one cause, first response over the SLA,
// conversion falling while visitors rise, repurchase rate falling. Money at stake (also in the
// locale's definitions):
//   refundConcentration = refund amount of the top reason × recoverableShare
//   firstResponse       = tickets × (1 − share answered within SLA) × lostOrderRate × AOV
//   conversionDrop      = visitors × (previous conversion − conversion) × AOV (buyers lost to the
//                         lower conversion, one order each)
//   repurchaseDrop      = (previous rate − rate) × buyers × AOV (repeat buyers lost, one order each)
import { NO_REASON } from '../core.js';
import type { Fact, Rule } from './types.js';
import { missing } from './view.js';

export const refundConcentration: Rule = {
  id: 'refundConcentration',
  reads: ['core.refundReasons'],
  threshold: (t) => ({ value: t.refundConcentration.maxTopShare, unit: 'ratio' }),
  check(view, t) {
    const reasons = view.core.refundReasons;
    if (reasons === undefined) return { checked: false, missing: ['core.refundReasons'] };
    // Refunds without a reason are not a cause: the top is the top named reason (its share still
    // of all refunds), and refunds none of which is named leave the rule nothing to check.
    const named = reasons.filter((r) => r.reason !== NO_REASON);
    if (reasons.length > 0 && named.length === 0) return { checked: false, missing: ['core.refundReasons'] };
    const threshold: Fact = { value: t.refundConcentration.maxTopShare, unit: 'ratio' };
    const top = named.reduce<(typeof reasons)[number] | null>((a, r) => (a === null || r.amountMinor > a.amountMinor ? r : a), null);
    if (top === null) return { checked: true, observed: { value: 0, unit: 'ratio' }, threshold, findings: [] };
    const observed: Fact = { value: top.share, unit: 'ratio' };
    if (!(top.share > t.refundConcentration.maxTopShare)) return { checked: true, observed, threshold, findings: [] };
    return {
      checked: true,
      observed,
      threshold,
      findings: [
        {
          subject: top.reason,
          observed,
          moneyAtStakeMinor: Math.round(top.amountMinor * t.refundConcentration.recoverableShare),
          facts: {
            amount: { value: top.amountMinor, unit: 'minor' },
            lines: { value: top.lines, unit: 'count' },
            reasons: { value: reasons.length, unit: 'count' },
          },
        },
      ],
    };
  },
};

export const firstResponse: Rule = {
  id: 'firstResponse',
  reads: ['core.firstResponse.withinSlaShare', 'core.firstResponse.slaSeconds', 'operations.tickets', 'core.aov'],
  threshold: (t) => ({ value: t.firstResponse.minWithinSla, unit: 'ratio' }),
  check(view, t) {
    const fr = view.core.firstResponse;
    const tickets = view.operations?.tickets;
    const gaps = missing([
      ['core.firstResponse.withinSlaShare', fr?.withinSlaShare],
      ['core.firstResponse.slaSeconds', fr?.slaSeconds],
      ['operations.tickets', tickets],
      ['core.aov', view.core.aov],
    ]);
    if (gaps.length > 0 || !fr || !tickets) return { checked: false, missing: gaps };
    const within = fr.withinSlaShare!.value!;
    const threshold: Fact = { value: t.firstResponse.minWithinSla, unit: 'ratio' };
    const observed: Fact = { value: within, unit: 'ratio' };
    if (!(within < t.firstResponse.minWithinSla)) return { checked: true, observed, threshold, findings: [] };
    const late = tickets.value! * (1 - within);
    const facts: Record<string, Fact> = {
      slaSeconds: { value: fr.slaSeconds!, unit: 'seconds' },
      lateTickets: { value: Math.round(late), unit: 'count' },
      tickets: { value: tickets.value!, unit: 'count' },
    };
    if (fr.p90?.value != null) facts['p90'] = { value: fr.p90.value, unit: 'seconds' };
    if (fr.median?.value != null) facts['median'] = { value: fr.median.value, unit: 'seconds' };
    return {
      checked: true,
      observed,
      threshold,
      findings: [{ subject: null, observed, moneyAtStakeMinor: Math.round(late * t.firstResponse.lostOrderRate * view.core.aov!.value!), facts }],
    };
  },
};

export const conversionDrop: Rule = {
  id: 'conversionDrop',
  reads: ['core.conversion', 'overview.visitors', 'core.aov'],
  threshold: (t) => ({ value: -t.conversionDrop.maxDrop, unit: 'ratio' }),
  check(view, t) {
    const conv = view.core.conversion;
    const visitors = view.overview.visitors;
    const gaps = missing([
      ['core.conversion', conv],
      ['core.conversion.previous', conv?.previous],
      ['overview.visitors', visitors],
      ['overview.visitors.previous', visitors?.previous],
      ['core.aov', view.core.aov],
    ]);
    if (gaps.length > 0 || !conv || !visitors || conv.qoq === null || visitors.qoq === null) {
      return { checked: false, missing: gaps.length > 0 ? gaps : ['core.conversion.qoq'] };
    }
    const threshold: Fact = { value: -t.conversionDrop.maxDrop, unit: 'ratio' };
    const observed: Fact = { value: conv.qoq, unit: 'ratio' };
    const context = { visitorsGrowth: { value: visitors.qoq, unit: 'ratio' as const } };
    if (!(conv.qoq < -t.conversionDrop.maxDrop && visitors.qoq > 0)) return { checked: true, observed, threshold, context, findings: [] };
    return {
      checked: true,
      observed,
      threshold,
      context,
      findings: [
        {
          subject: null,
          observed,
          moneyAtStakeMinor: Math.round(visitors.value! * (conv.previous! - conv.value!) * view.core.aov!.value!),
          facts: {
            conversion: { value: conv.value!, unit: 'ratio' },
            previousConversion: { value: conv.previous!, unit: 'ratio' },
            visitorsGrowth: { value: visitors.qoq, unit: 'ratio' },
            visitors: { value: visitors.value!, unit: 'count' },
          },
        },
      ],
    };
  },
};

export const repurchaseDrop: Rule = {
  id: 'repurchaseDrop',
  reads: ['core.repurchaseRate', 'overview.buyers', 'core.aov'],
  threshold: (t) => ({ value: -t.repurchaseDrop.maxDrop, unit: 'ratio' }),
  check(view, t) {
    const rate = view.core.repurchaseRate;
    const gaps = missing([
      ['core.repurchaseRate', rate],
      ['core.repurchaseRate.previous', rate?.previous],
      ['overview.buyers', view.overview.buyers],
      ['core.aov', view.core.aov],
    ]);
    if (gaps.length > 0 || !rate || rate.qoq === null) return { checked: false, missing: gaps.length > 0 ? gaps : ['core.repurchaseRate.qoq'] };
    const threshold: Fact = { value: -t.repurchaseDrop.maxDrop, unit: 'ratio' };
    const observed: Fact = { value: rate.qoq, unit: 'ratio' };
    if (!(rate.qoq < -t.repurchaseDrop.maxDrop)) return { checked: true, observed, threshold, findings: [] };
    const buyers = view.overview.buyers!.value!;
    return {
      checked: true,
      observed,
      threshold,
      findings: [
        {
          subject: null,
          observed,
          moneyAtStakeMinor: Math.round((rate.previous! - rate.value!) * buyers * view.core.aov!.value!),
          facts: {
            rate: { value: rate.value!, unit: 'ratio' },
            previousRate: { value: rate.previous!, unit: 'ratio' },
            buyers: { value: buyers, unit: 'count' },
          },
        },
      ],
    };
  },
};
