// Section 6, next-quarter plan: targets from the workspace's `targets:` (or a stated default
// rule each), the GMV target split by category and by platform, and the narrative's
// directions, resource needs and risks.
//
// Default rules (the slide says which targets were set and which defaulted):
//   gmvGrowth          = this quarter's YoY GMV growth, floored at 0 (0 without a year-ago figure)
//   newBuyers          = this quarter's new buyers × (1 + GMV growth target), rounded
//   conversion         = the better of this and the previous quarter
//   repurchaseRate     = the better of this and the previous quarter
//   procurementCycle   = this quarter's mean lead time, capped at the supplier standard
//                        (thresholds.supplierLeadTime.standardDays)
//   inventoryTurnover  = this quarter's turnover, raised to the diagnosis target
//                        (thresholds.inventoryTurnover.min)
//   slowMovingShare    = this quarter's share, lowered to the diagnosis limit
//                        (thresholds.slowMoving.maxShare)
//   liveShare          = this quarter's share plus its QoQ gain in points (no lower than now)
// The GMV increment (target − actual) goes to each category / platform in proportion to its
// GMV this quarter; an `incrementByCategory` / `incrementByPlatform` rule `{ core, minShare }`
// then makes the core ones carry at least `minShare` of it (split among them by GMV, the rest
// among the others by GMV). Amounts are rounded so that they add up to the increment exactly.
import { z } from 'zod';
import type { PlanInput } from '../narrative/schema.js';
import type { Figure, Unit } from './figure.js';
import { inputNumber } from '../config/input-number.js';

const share = inputNumber().min(0).max(1);
const positive = inputNumber().positive();
const incrementRule = z.object({ core: z.array(z.string().min(1)).min(1), minShare: share.default(0.6) }).strict();

export const targetsSchema = z
  .object({
    /** Next quarter's GMV against this quarter's (0.12 = +12%). */
    gmvGrowth: inputNumber().min(-1).optional(),
    /** Next quarter's GMV in the report currency's major unit (instead of gmvGrowth). */
    gmv: positive.optional(),
    newBuyers: inputNumber().int().min(0).optional(),
    conversion: share.optional(),
    repurchaseRate: share.optional(),
    procurementCycleDays: positive.optional(),
    inventoryTurnover: positive.optional(),
    slowMovingShare: share.optional(),
    liveShare: share.optional(),
    incrementByCategory: incrementRule.optional(),
    incrementByPlatform: incrementRule.optional(),
  })
  .strict()
  .refine((t) => t.gmv === undefined || t.gmvGrowth === undefined, { message: 'give gmv or gmvGrowth, not both', path: ['gmv'] });

export type Targets = z.output<typeof targetsSchema>;
export type IncrementRule = z.output<typeof incrementRule>;

export const TARGET_IDS = [
  'gmv',
  'newBuyers',
  'conversion',
  'repurchaseRate',
  'procurementCycle',
  'inventoryTurnover',
  'slowMovingShare',
  'liveShare',
] as const;
export type TargetId = (typeof TARGET_IDS)[number];

export interface TargetRow {
  id: TargetId;
  unit: Unit;
  better: 'higher' | 'lower';
  actual: number | null;
  target: number | null;
  /** target − actual, in the unit. */
  gap: number | null;
  source: 'set' | 'default';
}

export interface IncrementRow {
  key: string;
  actualMinor: number;
  /** Share of the GMV increment this row carries. */
  shareOfIncrement: number;
  incrementMinor: number;
  targetMinor: number;
  core: boolean;
}

export interface Decomposition {
  rows: IncrementRow[];
  rule: IncrementRule | null;
  /** The core rows' combined share of the increment. */
  coreShare: number | null;
  /** Whether the rule moved shares away from plain GMV proportions. */
  ruleApplied: boolean;
  /** Names in the rule's `core` that had no GMV this quarter. */
  unknownCore: string[];
}

export interface PlanMetrics {
  /** The quarter the plan is for, e.g. 2026Q4. */
  quarter: string;
  gmv: { actual: number | null; target: number | null; growth: number | null; increment: number | null; source: 'set' | 'default' };
  targets: TargetRow[];
  byCategory: Decomposition;
  byPlatform: Decomposition;
  directions: { title: string; detail: string | null }[];
  resources: { item: string; detail: string | null; budgetMinor: number | null }[];
  /** Σ budget of the resources that give one; null when none does. */
  resourcesBudgetMinor: number | null;
  risks: { risk: string; impact: 'high' | 'medium' | 'low'; mitigation: string; owner: string | null }[];
}

export interface PlanInputs {
  nextQuarter: string;
  targets: Targets;
  gmv: Figure;
  byCategory: readonly { key: string; gmvMinor: number | null }[];
  byPlatform: readonly { key: string; gmvMinor: number | null }[];
  newBuyers?: Figure;
  conversion?: Figure;
  repurchaseRate?: Figure;
  procurementCycle?: Figure;
  inventoryTurnover?: Figure;
  slowMovingShare?: Figure;
  liveShare?: Figure;
  standards: { leadTimeDays: number; turnover: number; slowMovingShare: number };
  narrative: PlanInput | undefined;
  minorPerMajor: number;
}

export function computePlan(p: PlanInputs): PlanMetrics {
  const t = p.targets;
  const actualGmv = p.gmv.value;
  let gmvTarget: number | null;
  let growth: number | null;
  let gmvSource: 'set' | 'default' = 'set';
  if (t.gmv !== undefined) {
    gmvTarget = Math.round(t.gmv * p.minorPerMajor);
    growth = actualGmv === null || actualGmv === 0 ? null : (gmvTarget - actualGmv) / actualGmv;
  } else {
    if (t.gmvGrowth !== undefined) growth = t.gmvGrowth;
    else {
      growth = Math.max(0, p.gmv.yoy ?? 0);
      gmvSource = 'default';
    }
    gmvTarget = actualGmv === null ? null : Math.round(actualGmv * (1 + growth));
  }
  const increment = gmvTarget === null || actualGmv === null ? null : gmvTarget - actualGmv;

  const v = (f: Figure | undefined) => f?.value ?? null;
  const better = (f: Figure | undefined, higher: boolean): number | null => {
    const xs = [f?.value ?? null, f?.previous ?? null].filter((x): x is number => x !== null);
    if (xs.length === 0) return null;
    return higher ? Math.max(...xs) : Math.min(...xs);
  };
  const row = (id: TargetId, unit: Unit, dir: 'higher' | 'lower', actual: number | null, set: number | undefined, fallback: () => number | null): TargetRow => {
    const target = set !== undefined ? set : fallback();
    return { id, unit, better: dir, actual, target, gap: target === null || actual === null ? null : target - actual, source: set !== undefined ? 'set' : 'default' };
  };
  const nb = v(p.newBuyers);
  const live = p.liveShare;
  const targets: TargetRow[] = [
    { id: 'gmv', unit: 'minor', better: 'higher', actual: actualGmv, target: gmvTarget, gap: increment, source: gmvSource },
    row('newBuyers', 'count', 'higher', nb, t.newBuyers, () => (nb === null || growth === null ? null : Math.round(nb * (1 + growth)))),
    row('conversion', 'ratio', 'higher', v(p.conversion), t.conversion, () => better(p.conversion, true)),
    row('repurchaseRate', 'ratio', 'higher', v(p.repurchaseRate), t.repurchaseRate, () => better(p.repurchaseRate, true)),
    row('procurementCycle', 'days', 'lower', v(p.procurementCycle), t.procurementCycleDays, () => {
      const a = v(p.procurementCycle);
      return a === null ? p.standards.leadTimeDays : Math.min(a, p.standards.leadTimeDays);
    }),
    row('inventoryTurnover', 'multiple', 'higher', v(p.inventoryTurnover), t.inventoryTurnover, () => {
      const a = v(p.inventoryTurnover);
      return a === null ? p.standards.turnover : Math.max(a, p.standards.turnover);
    }),
    row('slowMovingShare', 'ratio', 'lower', v(p.slowMovingShare), t.slowMovingShare, () => {
      const a = v(p.slowMovingShare);
      return a === null ? p.standards.slowMovingShare : Math.min(a, p.standards.slowMovingShare);
    }),
    row('liveShare', 'ratio', 'higher', v(live), t.liveShare, () => {
      const a = v(live);
      if (a === null) return null;
      const prev = live?.previous ?? null;
      return prev === null ? a : Math.max(a, a + (a - prev));
    }),
  ];

  const narrative = p.narrative;
  const resources = (narrative?.resources ?? []).map((r) => ({
    item: r.item,
    detail: r.detail ?? null,
    budgetMinor: r.budget === undefined ? null : Math.round(r.budget * p.minorPerMajor),
  }));
  return {
    quarter: p.nextQuarter,
    gmv: { actual: actualGmv, target: gmvTarget, growth, increment, source: gmvSource },
    targets,
    byCategory: decompose(p.byCategory, increment, t.incrementByCategory ?? null),
    byPlatform: decompose(p.byPlatform, increment, t.incrementByPlatform ?? null),
    directions: (narrative?.directions ?? []).map((d) => ({ title: d.title, detail: d.detail ?? null })),
    resources,
    resourcesBudgetMinor: resources.reduce<number | null>((a, r) => (r.budgetMinor === null ? a : (a ?? 0) + r.budgetMinor), null),
    risks: (narrative?.risks ?? []).map((r) => ({ risk: r.risk, impact: r.impact, mitigation: r.mitigation, owner: r.owner ?? null })),
  };
}

/** Splits `increment` over the rows by the rule in the module comment. */
export function decompose(rows: readonly { key: string; gmvMinor: number | null }[], increment: number | null, rule: IncrementRule | null): Decomposition {
  const live = rows.map((r) => ({ key: r.key, gmv: Math.max(0, r.gmvMinor ?? 0) }));
  const total = live.reduce((a, r) => a + r.gmv, 0);
  const coreSet = new Set(rule?.core ?? []);
  const unknownCore = (rule?.core ?? []).filter((k) => !live.some((r) => r.key === k && r.gmv > 0));
  let shares = live.map((r) => (total > 0 ? r.gmv / total : 0));
  let ruleApplied = false;
  if (rule && total > 0) {
    const coreGmv = live.filter((r) => coreSet.has(r.key)).reduce((a, r) => a + r.gmv, 0);
    const otherGmv = total - coreGmv;
    if (coreGmv > 0 && otherGmv > 0 && coreGmv / total < rule.minShare) {
      shares = live.map((r) => (coreSet.has(r.key) ? (rule.minShare * r.gmv) / coreGmv : ((1 - rule.minShare) * r.gmv) / otherGmv));
      ruleApplied = true;
    }
  }
  const amounts = increment === null ? live.map(() => 0) : splitExactly(increment, shares);
  const out: IncrementRow[] = live.map((r, i) => ({
    key: r.key,
    actualMinor: r.gmv,
    shareOfIncrement: shares[i]!,
    incrementMinor: amounts[i]!,
    targetMinor: r.gmv + amounts[i]!,
    core: coreSet.has(r.key),
  }));
  const coreShare = rule ? out.filter((r) => r.core).reduce((a, r) => a + r.shareOfIncrement, 0) : null;
  return { rows: out, rule, coreShare, ruleApplied, unknownCore };
}

/**
 * Integer amounts in proportion to `shares` that add up to `total` exactly (largest
 * remainder; ties go to the earlier row).
 */
export function splitExactly(total: number, shares: readonly number[]): number[] {
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const sumShares = shares.reduce((a, s) => a + s, 0);
  if (sumShares <= 0) return shares.map(() => 0);
  const raw = shares.map((s) => (abs * s) / sumShares);
  const floors = raw.map(Math.floor);
  let left = abs - floors.reduce((a, x) => a + x, 0);
  const order = raw.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]!++;
    left--;
  }
  return floors.map((x) => x * sign);
}
