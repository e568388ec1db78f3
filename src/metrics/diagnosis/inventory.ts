// Inventory rules: turnover below target, slow-moving SKU share above target, top sellers out
// of stock. Money at stake (also in the locale's definitions):
//   inventoryTurnover  = max(0, average inventory − COGS × 365/days ÷ target turnover)
//                        × holdingCostRate × days/365      (holding cost of the stock above target)
//   slowMoving         = stock cost of the slow SKUs × clearanceLossRate (expected clearance loss)
//   topSellerStockOut  = top sellers' GMV × rate ÷ (1 − rate) (sales missed while out, at the rate
//                        they sold while in stock; their whole GMV when the rate is 1)
import type { Rule } from './types.js';
import { missing } from './view.js';

export const inventoryTurnover: Rule = {
  id: 'inventoryTurnover',
  reads: ['operations.inventory.turnover', 'operations.inventory.averageCost', 'operations.inventory.cogs'],
  threshold: (t) => ({ value: t.inventoryTurnover.min, unit: 'multiple' }),
  check(view, t) {
    const inv = view.operations?.inventory;
    const gaps = missing([
      ['operations.inventory.turnover', inv?.turnover],
      ['operations.inventory.averageCost', inv?.averageCost],
      ['operations.inventory.cogs', inv?.cogs],
    ]);
    if (gaps.length > 0 || !inv || !view.operations) return { checked: false, missing: gaps };
    const turnover = inv.turnover.value!;
    const average = inv.averageCost.value!;
    const cogs = inv.cogs.value!;
    const days = view.operations.periodDays.current;
    const { min, holdingCostRate } = t.inventoryTurnover;
    const threshold = { value: min, unit: 'multiple' as const };
    const observed = { value: turnover, unit: 'multiple' as const };
    if (!(turnover < min)) return { checked: true, observed, threshold, findings: [] };
    const targetAverage = (cogs * (365 / days)) / min;
    const excess = Math.max(0, average - targetAverage);
    return {
      checked: true,
      observed,
      threshold,
      findings: [
        {
          subject: null,
          observed,
          moneyAtStakeMinor: Math.round(excess * holdingCostRate * (days / 365)),
          facts: {
            daysOfInventory: { value: 365 / turnover, unit: 'days' },
            targetDays: { value: 365 / min, unit: 'days' },
            averageCost: { value: Math.round(average), unit: 'minor' },
            excessCost: { value: Math.round(excess), unit: 'minor' },
          },
        },
      ],
    };
  },
};

export const slowMoving: Rule = {
  id: 'slowMoving',
  reads: ['operations.slowMoving.share'],
  threshold: (t) => ({ value: t.slowMoving.maxShare, unit: 'ratio' }),
  check(view, t) {
    const slow = view.operations?.slowMoving;
    const gaps = missing([['operations.slowMoving.share', slow?.share]]);
    if (gaps.length > 0 || !slow) return { checked: false, missing: gaps };
    const share = slow.share.value!;
    const threshold = { value: t.slowMoving.maxShare, unit: 'ratio' as const };
    const observed = { value: share, unit: 'ratio' as const };
    if (!(share > t.slowMoving.maxShare)) return { checked: true, observed, threshold, findings: [] };
    return {
      checked: true,
      observed,
      threshold,
      findings: [
        {
          subject: null,
          observed,
          moneyAtStakeMinor: slow.stockCostMinor === null ? null : Math.round(slow.stockCostMinor * t.slowMoving.clearanceLossRate),
          facts: {
            slowSkus: { value: slow.slowSkus ?? 0, unit: 'count' },
            stockedSkus: { value: slow.stockedSkus ?? 0, unit: 'count' },
            days: { value: slow.days, unit: 'days' },
            stockCost: { value: slow.stockCostMinor ?? 0, unit: 'minor' },
          },
        },
      ],
    };
  },
};

export const topSellerStockOut: Rule = {
  id: 'topSellerStockOut',
  reads: ['operations.topSellerStockOut.rate'],
  threshold: (t) => ({ value: t.topSellerStockOut.maxRate, unit: 'ratio' }),
  check(view, t) {
    const so = view.operations?.topSellerStockOut;
    const gaps = missing([['operations.topSellerStockOut.rate', so?.rate]]);
    if (gaps.length > 0 || !so) return { checked: false, missing: gaps };
    const rate = so.rate.value!;
    const threshold = { value: t.topSellerStockOut.maxRate, unit: 'ratio' as const };
    const observed = { value: rate, unit: 'ratio' as const };
    if (!(rate > t.topSellerStockOut.maxRate)) return { checked: true, observed, threshold, findings: [] };
    const lost = rate >= 1 ? so.topSellerGmvMinor : (so.topSellerGmvMinor * rate) / (1 - rate);
    return {
      checked: true,
      observed,
      threshold,
      findings: [
        {
          subject: null,
          observed,
          moneyAtStakeMinor: Math.round(lost),
          facts: {
            outs: { value: so.outs, unit: 'count' },
            observations: { value: so.observations, unit: 'count' },
            topSellers: { value: so.topSellers, unit: 'count' },
            outSkus: { value: so.outSkus.length, unit: 'count' },
          },
        },
      ],
    };
  },
};
