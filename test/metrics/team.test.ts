// Team figures from a literal team block and literal quarter figures; expected values by hand.
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/metrics/figure.js';
import { computeTeam } from '../../src/metrics/team.js';
import { teamSchema } from '../../src/narrative/schema.js';

const F = (value: number | null, previous: number | null, unit: Figure['unit'] = 'count'): Figure => ({ value, unit, previous, yearAgo: null, qoq: null, yoy: null });

const team = teamSchema.parse({
  roles: [
    { role: '运营', headcount: 5, trainingHours: 50, certified: 2 },
    { role: '客服', headcount: 4, trainingHours: 40, certified: 4, service: true },
    { role: '设计', headcount: 1 },
  ],
  certifications: [{ name: '电子商务师', holders: 3 }],
  initiatives: [{ name: '带教', owner: '李娜', description: '一对一带教' }, { name: '复盘会', description: '每周复盘' }],
  previous: {
    roles: [
      { role: '运营', headcount: 4, trainingHours: 40, certified: 1 },
      { role: '客服', headcount: 4, trainingHours: 20, certified: 2, service: true },
      { role: '数据', headcount: 1, trainingHours: 10, certified: 1 },
    ],
    certifications: [{ name: '电子商务师', holders: 2 }],
  },
});

const figures = {
  gmv: F(1_000_000, 900_000, 'minor'),
  orders: F(500, 450),
  tickets: F(400, 360),
  firstResponseMedian: { ...F(30, 40, 'seconds'), qoq: -0.25 },
};

describe('team productivity', () => {
  const t = computeTeam({ team, ...figures });
  it('counts heads and service agents, this quarter and last', () => {
    // 5 + 4 + 1 = 10 against 4 + 4 + 1 = 9; agents 4 and 4.
    expect(t.headcount).toMatchObject({ value: 10, previous: 9, yearAgo: null });
    expect(t.headcount.qoq).toBeCloseTo(1 / 9, 12);
    expect(t.serviceAgents).toMatchObject({ value: 4, previous: 4, qoq: 0 });
  });
  it('divides GMV, orders and tickets by heads', () => {
    // 1,000,000 / 10 = 100,000 and 900,000 / 9 = 100,000 (flat); 500/10 = 50 and 450/9 = 50;
    // tickets 400/4 = 100 and 360/4 = 90 (+11.1%).
    expect(t.gmvPerHead).toMatchObject({ value: 100_000, previous: 100_000, qoq: 0, unit: 'minor' });
    expect(t.ordersPerHead).toMatchObject({ value: 50, previous: 50 });
    expect(t.ticketsPerAgent).toMatchObject({ value: 100, previous: 90 });
    expect(t.ticketsPerAgent.qoq).toBeCloseTo(10 / 90, 12);
  });
  it('gives training per head and certification coverage', () => {
    // Training 50 + 40 + 0 = 90 / 10 = 9 h against 70 / 9; certified 6 / 10 against 4 / 9.
    expect(t.trainingHoursPerHead.value).toBe(9);
    expect(t.trainingHoursPerHead.previous).toBeCloseTo(70 / 9, 12);
    expect(t.certificationCoverage.value).toBe(0.6);
    expect(t.certificationCoverage.previous).toBeCloseTo(4 / 9, 12);
  });
  it('passes the response time through with its change', () => {
    expect(t.firstResponseMedian).toMatchObject({ value: 30, previous: 40, qoq: -0.25 });
  });
  it('lists every role of either quarter', () => {
    expect(t.roles.map((r) => [r.role, r.headcount.value, r.headcount.previous, r.service])).toEqual([
      ['运营', 5, 4, false],
      ['客服', 4, 4, true],
      ['设计', 1, 0, false],
      ['数据', 0, 1, false],
    ]);
    const ops = t.roles[0]!;
    expect(ops.trainingHoursPerHead).toMatchObject({ value: 10, previous: 10 });
    expect(ops.certificationCoverage).toMatchObject({ value: 0.4, previous: 0.25 });
    expect(t.roles[3]!.trainingHoursPerHead).toMatchObject({ value: null, previous: 10 });
    // 运营 coverage 0.4 against 0.25: +0.15 points; heads 5 against 4.
    expect(ops.headcountChange).toBe(1);
    expect(ops.coverageChangePoints).toBeCloseTo(0.15, 12);
  });
  it('totals the roles for the table’s last row', () => {
    expect(t.totals.headcount).toMatchObject({ value: 10, previous: 9 });
    expect(t.totals.trainingHours).toMatchObject({ value: 90, previous: 70 });
    expect(t.totals.certified).toMatchObject({ value: 6, previous: 4 });
    expect(t.totals.headcountChange).toBe(1);
    expect(t.totals.coverageChangePoints).toBeCloseTo(0.6 - 4 / 9, 12);
  });
  it('carries certifications and initiatives', () => {
    expect(t.certifications).toEqual([{ name: '电子商务师', holders: 3, previousHolders: 2 }]);
    expect(t.initiatives).toEqual([
      { name: '带教', owner: '李娜', description: '一对一带教' },
      { name: '复盘会', owner: null, description: '每周复盘' },
    ]);
  });
});

describe('team without a previous quarter or without a team', () => {
  it('has no QoQ without team.previous', () => {
    const { previous: _previous, ...current } = team;
    const t = computeTeam({ team: current, ...figures });
    expect(t.hasPrevious).toBe(false);
    expect(t.gmvPerHead).toMatchObject({ value: 100_000, previous: null, qoq: null });
    expect(t.certifications[0]!.previousHolders).toBeNull();
  });
  it('is n/a with a reason without a team block', () => {
    const t = computeTeam({ team: undefined, ...figures });
    expect(t.hasTeam).toBe(false);
    expect(t.gmvPerHead).toMatchObject({ value: null, reason: 'no team: block in the narrative yaml' });
    expect(t.roles).toEqual([]);
  });
  it('says why tickets per agent is n/a when no role is a service role', () => {
    const t = computeTeam({ team: teamSchema.parse({ roles: [{ role: '运营', headcount: 3 }] }), ...figures });
    expect(t.ticketsPerAgent).toMatchObject({ value: null, reason: 'no role is marked service: true' });
  });
});
