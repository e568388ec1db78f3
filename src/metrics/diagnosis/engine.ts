// Section 4, problem diagnosis: runs every rule over the figures and ranks what fired by money
// at stake. A rule whose inputs are missing is "not checked" — never silently passed.
import { inventoryTurnover, slowMoving, topSellerStockOut } from './inventory.js';
import { conversionDrop, firstResponse, refundConcentration, repurchaseDrop } from './customers.js';
import { categoryShare, platformAov } from './mix.js';
import { lateDelivery, supplierLeadTime } from './supply.js';
import { SEVERITIES, type Thresholds } from './thresholds.js';
import type { DiagnosisMetrics, DiagnosisView, Finding, Rule, RuleResult } from './types.js';

/** Every rule, in the order the rule table lists them. */
export const RULES: readonly Rule[] = [
  inventoryTurnover,
  slowMoving,
  topSellerStockOut,
  lateDelivery,
  supplierLeadTime,
  refundConcentration,
  firstResponse,
  conversionDrop,
  categoryShare,
  repurchaseDrop,
  platformAov,
];

export function diagnose(view: DiagnosisView, thresholds: Thresholds, rules: readonly Rule[] = RULES): DiagnosisMetrics {
  const results = rules.map((rule): RuleResult => {
    const severity = thresholds[rule.id].severity;
    const base = { id: rule.id, reads: rule.reads, severity, threshold: rule.threshold(thresholds) };
    const outcome = rule.check(view, thresholds);
    if (!outcome.checked) return { ...base, status: 'notChecked', missing: outcome.missing, observed: null, context: {}, findings: [], moneyAtStakeMinor: null };
    const findings: Finding[] = outcome.findings.map((f) => ({
      ruleId: rule.id,
      subject: f.subject,
      severity,
      observed: f.observed,
      threshold: f.threshold ?? outcome.threshold,
      moneyAtStakeMinor: f.moneyAtStakeMinor,
      facts: f.facts,
    }));
    return {
      ...base,
      threshold: outcome.threshold,
      status: findings.length > 0 ? 'fired' : 'passed',
      missing: [],
      observed: outcome.observed,
      context: outcome.context ?? {},
      findings,
      moneyAtStakeMinor: findings.reduce<number | null>((a, f) => (f.moneyAtStakeMinor === null ? a : (a ?? 0) + f.moneyAtStakeMinor), null),
    };
  });
  const findings = rankFindings(results.flatMap((r) => r.findings));
  return { rules: results, findings, moneyAtStakeMinor: findings.reduce((a, f) => a + (f.moneyAtStakeMinor ?? 0), 0) };
}

/** Money at stake first (unknown last), then severity, rule order and subject. */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  const order = new Map(RULES.map((r, i) => [r.id, i]));
  return [...findings].sort(
    (a, b) =>
      (b.moneyAtStakeMinor ?? -1) - (a.moneyAtStakeMinor ?? -1) ||
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      (order.get(a.ruleId) ?? 0) - (order.get(b.ruleId) ?? 0) ||
      ((a.subject ?? '') < (b.subject ?? '') ? -1 : (a.subject ?? '') > (b.subject ?? '') ? 1 : 0),
  );
}
