// Inventory rules on literal fragments: firing (with money at stake worked out by hand), not
// firing, and "not checked" when an input is missing.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/metrics/diagnosis/engine.js';
import { inventoryTurnover, slowMoving, topSellerStockOut } from '../../../src/metrics/diagnosis/inventory.js';
import { defaultThresholds, thresholdsSchema } from '../../../src/metrics/diagnosis/thresholds.js';
import type { Rule } from '../../../src/metrics/diagnosis/types.js';
import { diagnosisView } from '../../../src/metrics/diagnosis/view.js';
import { F, operations } from './fragments.js';

const t = defaultThresholds();
const run = (rule: Rule, ops: ReturnType<typeof operations> | undefined, thresholds = t) =>
  diagnose(diagnosisView({ overview: {} }, ops), thresholds, [rule]).rules[0]!;

describe('inventoryTurnover (annualised turnover below target, default 4)', () => {
  // COGS 920,000 over 92 days → 3,650,000 a year; stock 1,000,000 → 3.65×/yr.
  const ops = operations({
    inventory: { turnover: F(3.65, null, 'multiple'), averageCost: F(1_000_000, null, 'minor'), cogs: F(920_000, null, 'minor'), daysOfInventory: F(100, null, 'days'), costCoverage: 1, snapshotDates: [] },
  });
  it('fires below the target, with the holding cost of the excess stock', () => {
    // Stock needed at 4×/yr: 3,650,000 / 4 = 912,500; excess 87,500; × 0.2 × 92/365 = 4410.96 → 4411.
    const r = run(inventoryTurnover, ops);
    expect(r).toMatchObject({ status: 'fired', severity: 'medium', observed: { value: 3.65, unit: 'multiple' }, threshold: { value: 4, unit: 'multiple' } });
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.moneyAtStakeMinor).toBe(4411);
    expect(f.facts['excessCost']).toEqual({ value: 87_500, unit: 'minor' });
    expect(f.facts['daysOfInventory']!.value).toBeCloseTo(100, 9);
    expect(f.facts['targetDays']).toEqual({ value: 91.25, unit: 'days' });
  });
  it('does not fire at or above the target', () => {
    expect(run(inventoryTurnover, ops, thresholdsSchema.parse({ inventoryTurnover: { min: 3.65 } })).status).toBe('passed');
    expect(run(inventoryTurnover, ops, thresholdsSchema.parse({ inventoryTurnover: { min: 3 } })).findings).toEqual([]);
  });
  it('is not checked without turnover figures', () => {
    const r = run(inventoryTurnover, operations());
    expect(r).toMatchObject({ status: 'notChecked', observed: null, findings: [] });
    expect(r.missing).toEqual(['operations.inventory.turnover', 'operations.inventory.averageCost', 'operations.inventory.cogs']);
    expect(run(inventoryTurnover, undefined).status).toBe('notChecked');
  });
});

describe('slowMoving (share of stocked SKUs unsold for 60 days, default limit 10%)', () => {
  const ops = (share: number) =>
    operations({ slowMoving: { share: F(share), slowSkus: 3, stockedSkus: 20, stockCostMinor: 50_000, asOf: '2026-09-30', days: 60, top: [] } });
  it('fires above the limit; money = slow stock cost × 30% clearance loss', () => {
    const r = run(slowMoving, ops(0.15));
    expect(r.status).toBe('fired');
    expect(r.findings[0]).toMatchObject({ moneyAtStakeMinor: 15_000, observed: { value: 0.15, unit: 'ratio' }, threshold: { value: 0.1, unit: 'ratio' } });
    expect(r.findings[0]!.facts).toMatchObject({ slowSkus: { value: 3 }, stockedSkus: { value: 20 }, days: { value: 60, unit: 'days' } });
  });
  it('does not fire at the limit', () => {
    expect(run(slowMoving, ops(0.1)).status).toBe('passed');
  });
  it('is not checked without the share', () => {
    expect(run(slowMoving, operations())).toMatchObject({ status: 'notChecked', missing: ['operations.slowMoving.share'] });
  });
});

describe('topSellerStockOut (top sellers at zero stock, default limit 5%)', () => {
  const ops = (rate: number) =>
    operations({ topSellerStockOut: { rate: F(rate), topSellers: 5, observations: 15, outs: 3, topSellerGmvMinor: 80_000, outSkus: [{ sku: 'S1', outs: 3 }] } });
  it('fires above the limit; money = their GMV × rate ÷ (1 − rate)', () => {
    // 80,000 × 0.2 / 0.8 = 20,000.
    const r = run(topSellerStockOut, ops(0.2));
    expect(r).toMatchObject({ status: 'fired', severity: 'high' });
    expect(r.findings[0]!.moneyAtStakeMinor).toBe(20_000);
    expect(r.findings[0]!.facts['outSkus']).toEqual({ value: 1, unit: 'count' });
  });
  it('counts all their GMV when they were always out', () => {
    expect(run(topSellerStockOut, ops(1)).findings[0]!.moneyAtStakeMinor).toBe(80_000);
  });
  it('does not fire at the limit, and severity follows the config', () => {
    expect(run(topSellerStockOut, ops(0.05)).status).toBe('passed');
    expect(run(topSellerStockOut, ops(0.2), thresholdsSchema.parse({ topSellerStockOut: { severity: 'low' } })).findings[0]!.severity).toBe('low');
  });
  it('is not checked without a rate', () => {
    expect(run(topSellerStockOut, operations())).toMatchObject({ status: 'notChecked', missing: ['operations.topSellerStockOut.rate'] });
  });
});
