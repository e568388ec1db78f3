// Fulfilment and supply rules on literal fragments: firing (money by hand), not firing, not checked.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/metrics/diagnosis/engine.js';
import { lateDelivery, supplierLeadTime } from '../../../src/metrics/diagnosis/supply.js';
import { defaultThresholds, thresholdsSchema } from '../../../src/metrics/diagnosis/thresholds.js';
import type { Rule } from '../../../src/metrics/diagnosis/types.js';
import { diagnosisView } from '../../../src/metrics/diagnosis/view.js';
import { F, operations } from './fragments.js';

const run = (rule: Rule, ops: ReturnType<typeof operations>, thresholds = defaultThresholds()) =>
  diagnose(diagnosisView({ overview: {} }, ops), thresholds, [rule]).rules[0]!;

describe('lateDelivery (late orders by region, default limit 5% over regions with ≥ 30 orders)', () => {
  const ops = operations({
    lateDelivery: {
      rate: F(17 / 150),
      shipSlaHours: 48,
      uncheckedLines: 0,
      byRegion: [
        { region: '华南', orders: 10, late: 5, rate: 0.5, lateGmvMinor: 9_000 }, // too few orders to judge
        { region: '华东', orders: 40, late: 8, rate: 0.2, lateGmvMinor: 30_000 },
        { region: '华北', orders: 100, late: 4, rate: 0.04, lateGmvMinor: 5_000 },
      ],
    },
  });
  it('fires per region over the limit; money = late GMV × 10%', () => {
    const r = run(lateDelivery, ops);
    expect(r).toMatchObject({ status: 'fired', observed: { value: 0.2, unit: 'ratio' }, threshold: { value: 0.05, unit: 'ratio' } });
    expect(r.findings.map((f) => [f.subject, f.observed.value, f.moneyAtStakeMinor])).toEqual([['华东', 0.2, 3_000]]);
    expect(r.findings[0]!.facts).toMatchObject({ late: { value: 8 }, orders: { value: 40 }, slaHours: { value: 48, unit: 'hours' } });
  });
  it('does not fire when every judged region is within the limit', () => {
    expect(run(lateDelivery, ops, thresholdsSchema.parse({ lateDelivery: { maxRate: 0.2 } }))).toMatchObject({ status: 'passed', findings: [] });
  });
  it('reports the overall rate when no region is large enough', () => {
    const r = run(lateDelivery, ops, thresholdsSchema.parse({ lateDelivery: { minOrders: 500 } }));
    expect(r.status).toBe('passed');
    expect(r.observed!.value).toBeCloseTo(17 / 150, 12);
  });
  it('is not checked when no order has the times to check', () => {
    expect(run(lateDelivery, operations())).toMatchObject({ status: 'notChecked', missing: ['operations.lateDelivery.rate'] });
  });
});

describe('supplierLeadTime (mean lead days over the standard, default 15 days, ≥ 3 orders)', () => {
  const ops = (cost: number | null = 365_000) =>
    operations({
      supply: {
        leadTime: F(17, null, 'days'),
        purchaseOrders: 11,
        openPurchaseOrders: 0,
        bySupplier: [
          { supplier: 'Y', purchaseOrders: 2, meanDays: 30, receivedCostMinor: 100 }, // too few orders
          { supplier: 'X', purchaseOrders: 4, meanDays: 20, receivedCostMinor: cost },
          { supplier: 'Z', purchaseOrders: 5, meanDays: 12, receivedCostMinor: 50_000 },
        ],
      },
    });
  it('fires per supplier over its standard; money = excess days × receipts at cost × 20% ÷ 365', () => {
    // X: (20 − 15) × 365,000 × 0.2 / 365 = 1,000.
    const r = run(supplierLeadTime, ops());
    expect(r).toMatchObject({ status: 'fired', observed: { value: 20, unit: 'days' }, threshold: { value: 15, unit: 'days' } });
    expect(r.findings.map((f) => [f.subject, f.moneyAtStakeMinor, f.threshold.value])).toEqual([['X', 1_000, 15]]);
    expect(r.findings[0]!.facts['excessDays']).toEqual({ value: 5, unit: 'days' });
  });
  it('applies per-supplier standards', () => {
    // Z against 10 days: (12 − 10) × 50,000 × 0.2 / 365 = 54.79 → 55.
    const r = run(supplierLeadTime, ops(), thresholdsSchema.parse({ supplierLeadTime: { suppliers: { Z: 10, X: 25 } } }));
    expect(r.findings.map((f) => [f.subject, f.moneyAtStakeMinor, f.threshold.value])).toEqual([['Z', 55, 10]]);
  });
  it('leaves money unknown without costs, and passes within the standard', () => {
    expect(run(supplierLeadTime, ops(null)).findings[0]!.moneyAtStakeMinor).toBeNull();
    expect(run(supplierLeadTime, ops(), thresholdsSchema.parse({ supplierLeadTime: { standardDays: 20 } })).status).toBe('passed');
  });
  it('is not checked without purchase orders received', () => {
    expect(run(supplierLeadTime, operations())).toMatchObject({ status: 'notChecked', missing: ['operations.supply.leadTime'] });
  });
});
