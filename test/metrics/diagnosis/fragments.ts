// Literal metrics-document fragments for the rule tests: figures written out by hand, and an
// operations block whose parts each test overrides.
import type { Figure } from '../../../src/metrics/figure.js';
import type { OperationsMetrics } from '../../../src/metrics/operations.js';

export const F = (value: number | null, previous: number | null = null, unit: Figure['unit'] = 'ratio', qoq: number | null = null): Figure => ({
  value,
  unit,
  previous,
  yearAgo: null,
  qoq,
  yoy: null,
});

const na = (unit: Figure['unit']) => F(null, null, unit);

/** Operations with every figure missing; tests fill in what their rule reads. */
export function operations(parts: Partial<OperationsMetrics> = {}): OperationsMetrics {
  return {
    inventory: { turnover: na('multiple'), averageCost: na('minor'), cogs: na('minor'), daysOfInventory: na('days'), costCoverage: null, snapshotDates: [] },
    slowMoving: { share: na('ratio'), slowSkus: null, stockedSkus: null, stockCostMinor: null, asOf: null, days: 60, top: [] },
    topSellerStockOut: { rate: na('ratio'), topSellers: 0, observations: 0, outs: 0, topSellerGmvMinor: 0, outSkus: [] },
    lateDelivery: { rate: na('ratio'), shipSlaHours: 48, byRegion: [], uncheckedLines: 0 },
    supply: { leadTime: na('days'), bySupplier: [], purchaseOrders: 0, openPurchaseOrders: 0 },
    categoryShares: [],
    liveShare: na('ratio'),
    tickets: na('count'),
    periodDays: { current: 92, previous: 91, yearAgo: 92 },
    ...parts,
  };
}
