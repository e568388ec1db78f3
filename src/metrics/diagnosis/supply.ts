// Fulfilment and supply rules: late delivery by region, supplier lead time over standard.
// Money at stake (also in the locale's definitions):
//   lateDelivery     = GMV of the region's late orders × lossRate (refunds, compensation and
//                      buyers who do not come back)
//   supplierLeadTime = (mean lead days − standard days) × cost of goods received from the
//                      supplier in the quarter × holdingCostRate ÷ 365 (holding cost of the extra
//                      stock needed to cover the longer lead time: excess days × daily receipts
//                      at cost, held for the quarter)
import type { Fact, Rule, RuleOutcome } from './types.js';
import { missing } from './view.js';

export const lateDelivery: Rule = {
  id: 'lateDelivery',
  reads: ['operations.lateDelivery.rate', 'operations.lateDelivery.byRegion'],
  threshold: (t) => ({ value: t.lateDelivery.maxRate, unit: 'ratio' }),
  check(view, t) {
    const ld = view.operations?.lateDelivery;
    const gaps = missing([['operations.lateDelivery.rate', ld?.rate]]);
    if (gaps.length > 0 || !ld) return { checked: false, missing: gaps };
    const { maxRate, minOrders, lossRate } = t.lateDelivery;
    const threshold: Fact = { value: maxRate, unit: 'ratio' };
    const eligible = ld.byRegion.filter((r) => r.orders >= minOrders && r.rate !== null);
    // The worst region large enough to judge; the overall rate when none is.
    const worst = eligible.reduce<number | null>((a, r) => (a === null || r.rate! > a ? r.rate! : a), null);
    const observed: Fact = { value: worst ?? ld.rate.value!, unit: 'ratio' };
    const findings = eligible
      .filter((r) => r.rate! > maxRate)
      .map((r) => ({
        subject: r.region,
        observed: { value: r.rate!, unit: 'ratio' as const },
        moneyAtStakeMinor: Math.round(r.lateGmvMinor * lossRate),
        facts: {
          late: { value: r.late, unit: 'count' as const },
          orders: { value: r.orders, unit: 'count' as const },
          slaHours: { value: ld.shipSlaHours, unit: 'hours' as const },
          overall: { value: ld.rate.value!, unit: 'ratio' as const },
        },
      }));
    return { checked: true, observed, threshold, findings };
  },
};

export const supplierLeadTime: Rule = {
  id: 'supplierLeadTime',
  reads: ['operations.supply.leadTime', 'operations.supply.bySupplier'],
  threshold: (t) => ({ value: t.supplierLeadTime.standardDays, unit: 'days' }),
  check(view, t): RuleOutcome {
    const supply = view.operations?.supply;
    const gaps = missing([['operations.supply.leadTime', supply?.leadTime]]);
    if (gaps.length > 0 || !supply) return { checked: false, missing: gaps };
    const { standardDays, suppliers, minPurchaseOrders, holdingCostRate } = t.supplierLeadTime;
    const standardOf = (name: string) => suppliers[name] ?? standardDays;
    const eligible = supply.bySupplier.filter((s) => s.purchaseOrders >= minPurchaseOrders);
    // Observed: the supplier furthest over (or least under) its own standard.
    const worst = eligible.reduce<{ mean: number; over: number } | null>((a, s) => {
      const over = s.meanDays - standardOf(s.supplier);
      return a === null || over > a.over ? { mean: s.meanDays, over } : a;
    }, null);
    const observed: Fact = { value: worst?.mean ?? supply.leadTime.value!, unit: 'days' };
    const findings = eligible
      .filter((s) => s.meanDays > standardOf(s.supplier))
      .map((s) => {
        const standard = standardOf(s.supplier);
        const excess = s.meanDays - standard;
        return {
          subject: s.supplier,
          observed: { value: s.meanDays, unit: 'days' as const },
          threshold: { value: standard, unit: 'days' as const },
          moneyAtStakeMinor: s.receivedCostMinor === null ? null : Math.round((excess * s.receivedCostMinor * holdingCostRate) / 365),
          facts: {
            excessDays: { value: excess, unit: 'days' as const },
            purchaseOrders: { value: s.purchaseOrders, unit: 'count' as const },
            receivedCost: { value: s.receivedCostMinor ?? 0, unit: 'minor' as const },
          },
        };
      });
    return { checked: true, observed, threshold: { value: standardDays, unit: 'days' }, findings };
  },
};
