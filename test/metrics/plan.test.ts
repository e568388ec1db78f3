// Next-quarter targets and the GMV bridge from literal figures; every expected value by hand.
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/metrics/figure.js';
import { computePlan, decompose, splitExactly, targetsSchema, type PlanInputs } from '../../src/metrics/plan.js';
import { planSchema } from '../../src/narrative/schema.js';

const F = (value: number | null, previous: number | null, unit: Figure['unit'], yoy: number | null = null): Figure => ({ value, unit, previous, yearAgo: null, qoq: null, yoy });

const base: PlanInputs = {
  nextQuarter: '2026Q4',
  targets: targetsSchema.parse({}),
  gmv: F(1_000_000, 900_000, 'minor', 0.2),
  byCategory: [
    { key: 'A', gmvMinor: 500_000 },
    { key: 'B', gmvMinor: 300_000 },
    { key: 'C', gmvMinor: 200_000 },
  ],
  byPlatform: [
    { key: 'tmall', gmvMinor: 600_000 },
    { key: 'jd', gmvMinor: 400_000 },
  ],
  newBuyers: F(300, 280, 'count'),
  conversion: F(0.03, 0.035, 'ratio'),
  repurchaseRate: F(0.2, 0.18, 'ratio'),
  procurementCycle: F(16, 14, 'days'),
  inventoryTurnover: F(3.5, 3, 'multiple'),
  slowMovingShare: F(0.05, 0.07, 'ratio'),
  liveShare: F(0.1, 0.08, 'ratio'),
  standards: { leadTimeDays: 15, turnover: 4, slowMovingShare: 0.1 },
  narrative: planSchema.parse({
    directions: [{ title: '双 11 备战', detail: '提前备货' }, { title: '自播常态化' }],
    resources: [{ item: '直播设备', budget: 600.5 }, { item: '外包设计' }],
    risks: [{ risk: '断货', impact: 'high', mitigation: '安全库存', owner: '陈涛' }, { risk: '延迟', mitigation: '加班次' }],
  }),
  minorPerMajor: 100,
};

const byId = (p: ReturnType<typeof computePlan>) => Object.fromEntries(p.targets.map((t) => [t.id, t]));

describe('default targets', () => {
  const plan = computePlan(base);
  const t = byId(plan);
  it('grows GMV by this quarter’s YoY growth', () => {
    // 1,000,000 × 1.2 = 1,200,000; increment 200,000.
    expect(plan.gmv).toEqual({ actual: 1_000_000, target: 1_200_000, growth: 0.2, increment: 200_000, source: 'default' });
    expect(plan.quarter).toBe('2026Q4');
  });
  it('applies each stated rule', () => {
    expect(t['newBuyers']).toMatchObject({ target: 360, gap: 60, source: 'default' }); // 300 × 1.2
    expect(t['conversion']).toMatchObject({ target: 0.035, source: 'default' }); // better of 0.03, 0.035
    expect(t['conversion']!.gap).toBeCloseTo(0.005, 12);
    expect(t['repurchaseRate']).toMatchObject({ target: 0.2, gap: 0 }); // better of 0.2, 0.18
    expect(t['procurementCycle']).toMatchObject({ target: 15, gap: -1, better: 'lower' }); // min(16, standard 15)
    expect(t['inventoryTurnover']).toMatchObject({ target: 4, gap: 0.5 }); // max(3.5, target 4)
    expect(t['slowMovingShare']).toMatchObject({ target: 0.05, gap: 0, better: 'lower' }); // min(0.05, limit 0.1)
    expect(t['liveShare']!.target).toBeCloseTo(0.12, 12); // 0.1 + (0.1 − 0.08)
    expect(plan.targets.every((x) => x.source === 'default')).toBe(true);
  });
  it('floors negative growth at 0 and treats a missing YoY as 0', () => {
    expect(computePlan({ ...base, gmv: F(1_000_000, null, 'minor', -0.1) }).gmv.target).toBe(1_000_000);
    expect(computePlan({ ...base, gmv: F(1_000_000, null, 'minor', null) }).gmv.growth).toBe(0);
  });
  it('has no target where the actual is unknown and the rule needs it', () => {
    const p = byId(computePlan({ ...base, newBuyers: undefined, conversion: undefined, liveShare: F(null, null, 'ratio') }));
    expect(p['newBuyers']).toMatchObject({ actual: null, target: null, gap: null });
    expect(p['conversion']!.target).toBeNull();
    expect(p['liveShare']!.target).toBeNull();
  });
});

describe('set targets', () => {
  it('uses what the workspace gives and marks it set', () => {
    const plan = computePlan({ ...base, targets: targetsSchema.parse({ gmvGrowth: 0.1, conversion: 0.04, procurementCycleDays: 12 }) });
    const t = byId(plan);
    expect(plan.gmv).toMatchObject({ target: 1_100_000, increment: 100_000, source: 'set' });
    expect(t['conversion']).toMatchObject({ target: 0.04, source: 'set' });
    expect(t['procurementCycle']).toMatchObject({ target: 12, gap: -4, source: 'set' });
    expect(t['newBuyers']).toMatchObject({ target: 330, source: 'default' }); // 300 × 1.1
  });
  it('takes an absolute GMV in major units', () => {
    const plan = computePlan({ ...base, targets: targetsSchema.parse({ gmv: 15_000 }) });
    expect(plan.gmv).toEqual({ actual: 1_000_000, target: 1_500_000, growth: 0.5, increment: 500_000, source: 'set' });
  });
  it('refuses gmv and gmvGrowth together', () => {
    expect(targetsSchema.safeParse({ gmv: 1, gmvGrowth: 0.1 }).success).toBe(false);
  });
});

describe('GMV bridge', () => {
  it('splits the increment by GMV share without a rule', () => {
    // tmall 0.6, jd 0.4 of 200,000.
    const plan = computePlan(base);
    expect(plan.byPlatform.rows.map((r) => [r.key, r.shareOfIncrement, r.incrementMinor, r.targetMinor])).toEqual([
      ['tmall', 0.6, 120_000, 720_000],
      ['jd', 0.4, 80_000, 480_000],
    ]);
    expect(plan.byPlatform).toMatchObject({ rule: null, coreShare: null, ruleApplied: false });
  });
  it('gives the core rows at least their minimum share', () => {
    // C alone has 0.2 < 0.5: C takes 0.5; A 0.5 × 5/8 = 0.3125, B 0.5 × 3/8 = 0.1875.
    const d = decompose(base.byCategory, 200_000, { core: ['C'], minShare: 0.5 });
    expect(d.rows.map((r) => [r.key, r.shareOfIncrement, r.incrementMinor, r.core])).toEqual([
      ['A', 0.3125, 62_500, false],
      ['B', 0.1875, 37_500, false],
      ['C', 0.5, 100_000, true],
    ]);
    expect(d).toMatchObject({ coreShare: 0.5, ruleApplied: true, unknownCore: [] });
  });
  it('leaves proportions alone when the core already carries enough', () => {
    // A + B = 0.8 ≥ 0.6.
    const d = decompose(base.byCategory, 200_000, { core: ['A', 'B', 'Z'], minShare: 0.6 });
    expect(d.rows.map((r) => r.incrementMinor)).toEqual([100_000, 60_000, 40_000]);
    expect(d).toMatchObject({ coreShare: 0.8, ruleApplied: false, unknownCore: ['Z'] });
  });
  it('rounds so that the parts add up exactly', () => {
    expect(splitExactly(100, [1 / 3, 1 / 3, 1 / 3])).toEqual([34, 33, 33]);
    // raw 3.5, 1.75, 1.75 → floors 3, 1, 1; the 2 left go to the largest remainders (0.75, 0.75).
    expect(splitExactly(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
    expect(splitExactly(-10, [0.5, 0.5])).toEqual([-5, -5]);
    expect(splitExactly(5, [0, 0])).toEqual([0, 0]);
  });
});

describe('narrative plan', () => {
  it('carries directions, resources (budget in fen) and risks', () => {
    const plan = computePlan(base);
    expect(plan.directions).toEqual([{ title: '双 11 备战', detail: '提前备货' }, { title: '自播常态化', detail: null }]);
    expect(plan.resources).toEqual([{ item: '直播设备', detail: null, budgetMinor: 60_050 }, { item: '外包设计', detail: null, budgetMinor: null }]);
    expect(plan.resourcesBudgetMinor).toBe(60_050);
    expect(computePlan({ ...base, narrative: undefined }).resourcesBudgetMinor).toBeNull();
    expect(plan.risks).toEqual([
      { risk: '断货', impact: 'high', mitigation: '安全库存', owner: '陈涛' },
      { risk: '延迟', impact: 'medium', mitigation: '加班次', owner: null },
    ]);
  });
});
