// Customer-facing rules on literal document fragments (the core section's figure ids):
// firing with money at stake by hand, not firing, and not checked when a figure is absent or null.
import { describe, expect, it } from 'vitest';
import { conversionDrop, firstResponse, refundConcentration, repurchaseDrop } from '../../../src/metrics/diagnosis/customers.js';
import { diagnose } from '../../../src/metrics/diagnosis/engine.js';
import { defaultThresholds } from '../../../src/metrics/diagnosis/thresholds.js';
import type { Rule } from '../../../src/metrics/diagnosis/types.js';
import { diagnosisView } from '../../../src/metrics/diagnosis/view.js';
import { F, operations } from './fragments.js';

const run = (rule: Rule, doc: object, ops = operations()) =>
  diagnose(diagnosisView(doc, ops), defaultThresholds(), [rule]).rules[0]!;

const reason = (r: string, amountMinor: number, lines: number, share: number, cumulativeShare: number) => ({ reason: r, amountMinor, lines, share, cumulativeShare });

describe('refundConcentration (top reason’s share of refunded money, default limit 40%)', () => {
  it('fires above the limit; money = that reason’s refunds × 50% recoverable', () => {
    const r = run(refundConcentration, { core: { refundReasons: [reason('尺码不符', 60_000, 30, 0.6, 0.6), reason('质量问题', 40_000, 20, 0.4, 1)] } });
    expect(r.status).toBe('fired');
    expect(r.findings[0]).toMatchObject({ subject: '尺码不符', moneyAtStakeMinor: 30_000, observed: { value: 0.6 } });
    expect(r.findings[0]!.facts).toMatchObject({ amount: { value: 60_000, unit: 'minor' }, lines: { value: 30 }, reasons: { value: 2 } });
  });
  it('does not fire at the limit, nor without refunds', () => {
    expect(run(refundConcentration, { core: { refundReasons: [reason('a', 40, 1, 0.4, 0.4), reason('b', 35, 1, 0.35, 0.75), reason('c', 25, 1, 0.25, 1)] } }).status).toBe('passed');
    expect(run(refundConcentration, { core: { refundReasons: [] } })).toMatchObject({ status: 'passed', observed: { value: 0 } });
  });
  it('is not checked when the core section has no refund reasons', () => {
    expect(run(refundConcentration, { core: {} })).toMatchObject({ status: 'notChecked', missing: ['core.refundReasons'] });
  });
  it('refunds without a reason are no cause: none named is not checked; else the top named reason counts', () => {
    // An export without a reason column: every refund under '(none)'.
    expect(run(refundConcentration, { core: { refundReasons: [reason('(none)', 57_000, 5, 1, 1)] } })).toMatchObject({ status: 'notChecked', missing: ['core.refundReasons'] });
    // 70% unnamed, 30% 尺码不符: below the 40% limit, so no finding about '(none)'.
    expect(run(refundConcentration, { core: { refundReasons: [reason('(none)', 70, 7, 0.7, 0.7), reason('尺码不符', 30, 3, 0.3, 1)] } })).toMatchObject({ status: 'passed', observed: { value: 0.3 } });
    // 55% 质量问题 beside 45% unnamed: fires on 质量问题, money 55 × 50% ≈ 28.
    const r = run(refundConcentration, { core: { refundReasons: [reason('质量问题', 55, 5, 0.55, 0.55), reason('(none)', 45, 4, 0.45, 1)] } });
    expect(r.findings[0]).toMatchObject({ subject: '质量问题', moneyAtStakeMinor: 28 });
  });
});

describe('firstResponse (share answered within the SLA, default target 90%)', () => {
  const core = (within: number) => ({
    aov: F(15_000, null, 'minor'),
    firstResponse: { median: F(40, null, 'seconds'), p90: F(300, null, 'seconds'), slaSeconds: 60, withinSlaShare: F(within) },
  });
  const ops = operations({ tickets: F(1000, null, 'count') });
  it('fires below the target; money = late tickets × 10% lost orders × AOV', () => {
    // 1000 × (1 − 0.8) = 200 late; 200 × 0.1 × 15,000 = 300,000.
    const r = run(firstResponse, { core: core(0.8) }, ops);
    expect(r.findings[0]).toMatchObject({ moneyAtStakeMinor: 300_000, observed: { value: 0.8 } });
    expect(r.findings[0]!.facts).toMatchObject({ lateTickets: { value: 200 }, slaSeconds: { value: 60, unit: 'seconds' }, p90: { value: 300 } });
  });
  it('does not fire at the target', () => {
    expect(run(firstResponse, { core: core(0.9) }, ops).status).toBe('passed');
  });
  it('is not checked without the response figures, the ticket count or AOV', () => {
    expect(run(firstResponse, { core: {} }, ops).missing).toEqual(['core.firstResponse.withinSlaShare', 'core.firstResponse.slaSeconds', 'core.aov']);
    expect(run(firstResponse, { core: core(0.8) }).missing).toEqual(['operations.tickets']);
    expect(run(firstResponse, { core: { ...core(0.8), aov: F(null, null, 'minor') } }, ops)).toMatchObject({ status: 'notChecked', missing: ['core.aov'] });
  });
});

describe('conversionDrop (conversion down more than 5% QoQ while visitors rise)', () => {
  const doc = (convQoq: number, visitorsQoq: number) => ({
    overview: { visitors: F(100_000, 80_000, 'count', visitorsQoq) },
    core: { conversion: F(0.03, 0.04, 'ratio', convQoq), aov: F(20_000, null, 'minor') },
  });
  it('fires; money = visitors × (previous − current conversion) × AOV', () => {
    // 100,000 × 0.01 × 20,000 = 20,000,000.
    const r = run(conversionDrop, doc(-0.25, 0.25));
    expect(r).toMatchObject({ status: 'fired', severity: 'high', observed: { value: -0.25 }, threshold: { value: -0.05 } });
    expect(r.findings[0]!.moneyAtStakeMinor).toBe(20_000_000);
    expect(r.findings[0]!.facts).toMatchObject({ conversion: { value: 0.03 }, previousConversion: { value: 0.04 }, visitorsGrowth: { value: 0.25 } });
  });
  it('does not fire when visitors fall too, or the drop is small', () => {
    const fell = run(conversionDrop, doc(-0.25, -0.1));
    expect(fell).toMatchObject({ status: 'passed', observed: { value: -0.25 }, context: { visitorsGrowth: { value: -0.1, unit: 'ratio' } } });
    expect(run(conversionDrop, doc(-0.04, 0.25)).status).toBe('passed');
  });
  it('is not checked without visitors or last quarter’s conversion', () => {
    expect(run(conversionDrop, { core: doc(-0.25, 0.25).core }).missing).toEqual(['overview.visitors', 'overview.visitors.previous']);
    expect(run(conversionDrop, { ...doc(-0.25, 0.25), core: { conversion: F(0.03, null), aov: F(1, null, 'minor') } }).missing).toEqual(['core.conversion.previous']);
  });
});

describe('repurchaseDrop (repurchase rate down more than 5% QoQ)', () => {
  const doc = (qoq: number) => ({
    overview: { buyers: F(5_000, null, 'count') },
    core: { repurchaseRate: F(0.18, 0.2, 'ratio', qoq), aov: F(10_000, null, 'minor') },
  });
  it('fires; money = (previous − current rate) × buyers × AOV', () => {
    // 0.02 × 5,000 × 10,000 = 1,000,000.
    const r = run(repurchaseDrop, doc(-0.1));
    expect(r.findings[0]).toMatchObject({ moneyAtStakeMinor: 1_000_000, observed: { value: -0.1 } });
  });
  it('does not fire at exactly the tolerated drop', () => {
    expect(run(repurchaseDrop, doc(-0.05)).status).toBe('passed');
  });
  it('is not checked without the rate', () => {
    expect(run(repurchaseDrop, { overview: doc(-0.1).overview, core: { aov: F(1, null, 'minor') } }).missing).toEqual(['core.repurchaseRate', 'core.repurchaseRate.previous']);
  });
});
