// The rule engine: every rule listed, missing inputs never pass, findings ranked by money at stake.
import { describe, expect, it } from 'vitest';
import { diagnose, rankFindings, RULES } from '../../../src/metrics/diagnosis/engine.js';
import { defaultThresholds } from '../../../src/metrics/diagnosis/thresholds.js';
import type { Finding } from '../../../src/metrics/diagnosis/types.js';
import { diagnosisView } from '../../../src/metrics/diagnosis/view.js';
import { F, operations } from './fragments.js';

describe('diagnose', () => {
  it('has the eleven rules, each with what it reads and a threshold', () => {
    expect(RULES.map((r) => r.id)).toEqual([
      'inventoryTurnover',
      'slowMoving',
      'topSellerStockOut',
      'lateDelivery',
      'supplierLeadTime',
      'refundConcentration',
      'firstResponse',
      'conversionDrop',
      'categoryShare',
      'repurchaseDrop',
      'platformAov',
    ]);
    for (const r of RULES) expect(r.reads.length).toBeGreaterThan(0);
  });
  it('lists every rule as not checked over an empty document', () => {
    const d = diagnose(diagnosisView({}, operations()), defaultThresholds());
    expect(d.rules.map((r) => r.status)).toEqual(RULES.map(() => 'notChecked'));
    for (const r of d.rules) expect(r.missing.length).toBeGreaterThan(0);
    expect(d.findings).toEqual([]);
  });
  it('reads malformed figures as missing', () => {
    const d = diagnose(diagnosisView({ core: { conversion: { value: 0.1 }, refundReasons: 'none' } }, operations()), defaultThresholds());
    expect(d.rules.find((r) => r.id === 'conversionDrop')!.status).toBe('notChecked');
    expect(d.rules.find((r) => r.id === 'refundConcentration')!.status).toBe('notChecked');
  });
  it('ranks findings of different rules by money at stake', () => {
    const ops = operations({
      slowMoving: { share: F(0.2), slowSkus: 2, stockedSkus: 10, stockCostMinor: 100_000, asOf: '2026-09-30', days: 60, top: [] }, // 30,000
      topSellerStockOut: { rate: F(0.5), topSellers: 2, observations: 6, outs: 3, topSellerGmvMinor: 40_000, outSkus: [] }, // 40,000
    });
    const d = diagnose(diagnosisView({}, ops), defaultThresholds());
    expect(d.findings.map((f) => [f.ruleId, f.moneyAtStakeMinor])).toEqual([
      ['topSellerStockOut', 40_000],
      ['slowMoving', 30_000],
    ]);
    expect(d.rules.filter((r) => r.status === 'fired').map((r) => [r.id, r.moneyAtStakeMinor])).toEqual([
      ['slowMoving', 30_000],
      ['topSellerStockOut', 40_000],
    ]);
    expect(d.moneyAtStakeMinor).toBe(70_000);
  });
});

describe('rankFindings', () => {
  const f = (ruleId: Finding['ruleId'], money: number | null, severity: Finding['severity'], subject: string | null = null): Finding => ({
    ruleId,
    subject,
    severity,
    moneyAtStakeMinor: money,
    observed: { value: 0, unit: 'ratio' },
    threshold: { value: 0, unit: 'ratio' },
    facts: {},
  });
  it('puts unknown money last, then orders ties by severity, rule and subject', () => {
    const ranked = rankFindings([
      f('lateDelivery', 500, 'medium', '华北'),
      f('supplierLeadTime', null, 'high', 'X'),
      f('lateDelivery', 500, 'medium', '华东'),
      f('slowMoving', 500, 'high'),
      f('inventoryTurnover', 900, 'low'),
    ]);
    expect(ranked.map((x) => [x.ruleId, x.subject])).toEqual([
      ['inventoryTurnover', null],
      ['slowMoving', null],
      ['lateDelivery', '华东'],
      ['lateDelivery', '华北'],
      ['supplierLeadTime', 'X'],
    ]);
  });
});
