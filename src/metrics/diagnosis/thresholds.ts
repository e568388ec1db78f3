// The workspace's `thresholds:` block: one entry per diagnosis rule id (plus the campaign
// baseline), each key with its documented default. Pure zod schema; the CLI validates the
// block with it and reports `ecom-report.yaml: thresholds.<rule>.<key>: …`.
import { z } from 'zod';
import { inputNumber } from '../../config/input-number.js';

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

const share = inputNumber().min(0).max(1);
const positive = inputNumber().positive();
const severity = (fallback: Severity) => z.enum(SEVERITIES).default(fallback);

export const thresholdsSchema = z
  .object({
    /** Comparable non-campaign days for campaign lift: the `weeks` weeks before the start,
     * only the campaign's weekdays when `sameWeekday`, never a day of any calendar campaign. */
    campaignBaseline: z
      .object({ weeks: inputNumber().int().min(1).max(26).default(4), sameWeekday: z.boolean().default(true) })
      .strict()
      .prefault({}),
    /** Annualised inventory turnover (COGS × 365/days ÷ average inventory at cost) below `min`. */
    inventoryTurnover: z
      .object({ min: positive.default(4), holdingCostRate: share.default(0.2), severity: severity('medium') })
      .strict()
      .prefault({}),
    /** Share of stocked SKUs with no sale in `days` days above `maxShare`. */
    slowMoving: z
      .object({
        days: inputNumber().int().min(1).default(60),
        maxShare: share.default(0.1),
        clearanceLossRate: share.default(0.3),
        severity: severity('medium'),
      })
      .strict()
      .prefault({}),
    /** Top sellers (the top `topShare` of stocked SKUs by GMV) out of stock at snapshots. */
    topSellerStockOut: z
      .object({ topShare: inputNumber().gt(0).max(1).default(0.2), maxRate: share.default(0.05), severity: severity('high') })
      .strict()
      .prefault({}),
    /** Orders delivered after the promised time, or shipped more than `shipSlaHours` after payment. */
    lateDelivery: z
      .object({
        shipSlaHours: positive.default(48),
        maxRate: share.default(0.05),
        minOrders: inputNumber().int().min(1).default(30),
        lossRate: share.default(0.1),
        severity: severity('medium'),
      })
      .strict()
      .prefault({}),
    /** Mean days from purchase order to receipt, per supplier, above the standard. */
    supplierLeadTime: z
      .object({
        standardDays: positive.default(15),
        /** Per-supplier standards, by the supplier's name as the purchase orders spell it. */
        suppliers: z.record(z.string(), positive).default({}),
        minPurchaseOrders: inputNumber().int().min(1).default(3),
        holdingCostRate: share.default(0.2),
        severity: severity('medium'),
      })
      .strict()
      .prefault({}),
    /** The largest refund reason's share of refunded money above `maxTopShare`. */
    refundConcentration: z
      .object({ maxTopShare: share.default(0.4), recoverableShare: share.default(0.5), severity: severity('medium') })
      .strict()
      .prefault({}),
    /** Share of tickets first answered within the SLA below `minWithinSla`. */
    firstResponse: z
      .object({ minWithinSla: share.default(0.9), lostOrderRate: share.default(0.1), severity: severity('medium') })
      .strict()
      .prefault({}),
    /** Conversion falling by more than `maxDrop` (relative, QoQ) while visitors rise. */
    conversionDrop: z.object({ maxDrop: share.default(0.05), severity: severity('high') }).strict().prefault({}),
    /** A category's GMV share falling two quarters running, each time by at least `minDropPoints`. */
    categoryShare: z.object({ minDropPoints: share.default(0.005), severity: severity('medium') }).strict().prefault({}),
    /** Repurchase rate falling by more than `maxDrop` (relative, QoQ). */
    repurchaseDrop: z.object({ maxDrop: share.default(0.05), severity: severity('medium') }).strict().prefault({}),
    /** A platform's AOV falling (by at least `minAovDrop`, QoQ) faster than its orders grow. */
    platformAov: z.object({ minAovDrop: share.default(0.03), severity: severity('medium') }).strict().prefault({}),
  })
  .strict();

export type Thresholds = z.output<typeof thresholdsSchema>;
export type RuleId = Exclude<keyof Thresholds, 'campaignBaseline'>;

/** Every default, for tests and for code that runs without a workspace. */
export function defaultThresholds(): Thresholds {
  return thresholdsSchema.parse({});
}
