// Conversion, funnel and campaign lift from a literal traffic table; expected values by hand.
import { describe, expect, it } from 'vitest';
import type { OrderLine, TrafficDay } from '../../src/canonical.js';
import { computeCore } from '../../src/metrics/core.js';
import { computeOverview } from '../../src/metrics/overview.js';
import { coreInput, line, NO_SIDE, overviewInput, Q3_2026, sh } from './core-fixture.js';

const CAMPAIGNS = [
  { name: '2025 summer', start: '2025-08-08', end: '2025-08-10' },
  { name: '618', start: '2026-06-01', end: '2026-06-18' },
  { name: '七夕', start: '2026-08-14', end: '2026-08-16' },
];

function day(date: string, platform: string, channel: string | null, visitors: number, steps: Partial<TrafficDay> = {}): TrafficDay {
  return { date, platform, channel, visitors, pageViews: null, productViews: null, addToCart: null, checkouts: null, buyers: null, orders: null, adSpendMinor: null, ...steps };
}

const TRAFFIC: TrafficDay[] = [
  day('2026-07-01', 'tmall', '搜索', 1000, { productViews: 500, addToCart: 200, checkouts: 80, buyers: 50 }),
  day('2026-07-01', 'tmall', '推荐', 500, { productViews: 200, addToCart: 60, checkouts: 30, buyers: 20 }),
  day('2026-08-15', 'tmall', '搜索', 2000, { productViews: 1200, addToCart: 500, checkouts: 250, buyers: 200 }), // 七夕
  day('2026-07-06', 'douyin', '直播', 1000, { addToCart: 100, buyers: 30 }), // no product views or checkouts
  day('2026-06-24', 'tmall', '搜索', 800, { buyers: 40 }), // 2026Q2
  day('2025-07-02', 'tmall', '搜索', 400, { buyers: 8 }), // 2025Q3
];

// Order lines only say which platforms sold this quarter: tmall, douyin and jd (jd has no traffic).
const LINES: OrderLine[] = ['tmall', 'douyin', 'jd'].map((platform) =>
  line({ platform, orderId: 'o', customerId: 'A', paidAt: sh(2026, 7, 2, 10), paidAmountMinor: 1000 }),
);

const overview = computeOverview(LINES, overviewInput(Q3_2026));
const { overview: ov, core: c } = computeCore(LINES, coreInput(Q3_2026, {}, CAMPAIGNS), overview, { ...NO_SIDE, traffic: TRAFFIC });

describe('traffic figures', () => {
  it('visitors and conversion = Σ paying buyers ÷ Σ visitors', () => {
    expect(ov.visitors).toMatchObject({ value: 4500, previous: 800, yearAgo: 400, unit: 'count' });
    expect(c.conversion.value).toBeCloseTo(300 / 4500, 12); // 50 + 20 + 200 + 30
    expect(c.conversion.previous).toBeCloseTo(0.05, 12);
    expect(c.conversion.yearAgo).toBeCloseTo(0.02, 12);
  });

  it('by platform, most visitors first; a platform that sold without a traffic export says so', () => {
    expect(c.conversionByPlatform.map((r) => [r.key, r.visitors, r.buyers])).toEqual([
      ['tmall', 3500, 270],
      ['douyin', 1000, 30],
      ['jd', null, null],
    ]);
    expect(c.conversionByPlatform[0]!.value.value).toBeCloseTo(270 / 3500, 12);
    expect(c.conversionByPlatform[0]!.value.previous).toBeCloseTo(0.05, 12);
    expect(c.conversionByPlatform[2]!.value).toEqual({
      value: null, unit: 'ratio', previous: null, yearAgo: null, qoq: null, yoy: null, reason: 'no traffic export for jd in 2026Q3',
    });
    expect(c.trafficCoverage).toEqual({ platforms: ['douyin', 'tmall'], missing: ['jd'] });
  });

  it('by channel', () => {
    expect(c.conversionByChannel.map((r) => [r.key, r.visitors, r.buyers])).toEqual([
      ['搜索', 3000, 250],
      ['直播', 1000, 30],
      ['推荐', 500, 20],
    ]);
  });

  it('by ISO week: the same days a week and 52 weeks earlier', () => {
    const w = Object.fromEntries(c.conversionByWeek.map((r) => [r.week, r.value]));
    // W27 = 07-01…05: 70/1500; a week earlier 06-24…28: 40/800; 364 days earlier 2025-07-02…06: 8/400
    expect(w['2026-W27']!.value).toBeCloseTo(70 / 1500, 12);
    expect(w['2026-W27']!.previous).toBeCloseTo(0.05, 12);
    expect(w['2026-W27']!.yearAgo).toBeCloseTo(0.02, 12);
    // W28 = 07-06…12: douyin 30/1000; the week before holds 07-01's rows
    expect(w['2026-W28']!.value).toBeCloseTo(0.03, 12);
    expect(w['2026-W28']!.previous).toBeCloseTo(70 / 1500, 12);
    expect(w['2026-W33']!.value).toBeCloseTo(0.1, 12);
    expect(w['2026-W29']).toMatchObject({ value: null, reason: 'no traffic rows in week 2026-W29' });
  });

  it('by ISO week: how many of the week\'s days in the quarter have traffic rows', () => {
    const reach = Object.fromEntries(c.conversionByWeek.map((r) => [r.week, [r.days, r.dataDays, r.dataStart, r.dataEnd]]));
    // W27 is Wed 07-01 … Sun 07-05 inside the quarter, with rows on 07-01 only; W40 is 09-28 … 09-30.
    expect(reach['2026-W27']).toEqual([5, 1, '2026-07-01', '2026-07-01']);
    expect(reach['2026-W28']).toEqual([7, 1, '2026-07-06', '2026-07-06']);
    expect(reach['2026-W29']).toEqual([7, 0, null, null]);
    expect(reach['2026-W40']).toEqual([3, 0, null, null]);
    expect(c.conversionByWeek).toHaveLength(14);
  });

  it('funnel: each step summed where reported, with drop-off from the step before', () => {
    expect(c.funnel.steps.map((s) => [s.step, s.value])).toEqual([
      ['visitors', 4500],
      ['productViews', 1900], // 500 + 200 + 1200 (douyin reports none)
      ['addToCart', 860], // 200 + 60 + 500 + 100
      ['checkouts', 360], // 80 + 30 + 250
      ['buyers', 300],
    ]);
    expect(c.funnel.steps[1]!.stepRate).toBeCloseTo(1900 / 4500, 12);
    expect(c.funnel.steps[0]!.stepRate).toBeNull();
    const drop = c.funnel.steps.map((s) => s.dropOff);
    expect(drop[0]).toBeNull();
    expect(drop[1]).toBeCloseTo(1 - 1900 / 4500, 12);
    expect(drop[2]).toBeCloseTo(1 - 860 / 1900, 12);
    expect(drop[3]).toBeCloseTo(1 - 360 / 860, 12);
    expect(drop[4]).toBeCloseTo(1 - 300 / 360, 12);
  });

  it('campaign lift: conversion on campaign days ÷ on other days', () => {
    // 08-15: 200/2000 = 0.1; other days 100/2500 = 0.04 → 2.5×. Q2 and 2025Q3 had no campaign-day traffic.
    expect(c.campaignConversionLift.value).toBeCloseTo(2.5, 12);
    expect(c.campaignConversionLift).toMatchObject({ unit: 'multiple', previous: null, yearAgo: null });
    expect(c.campaignConversion.campaign.value).toBeCloseTo(0.1, 12);
    expect(c.campaignConversion.other.value).toBeCloseTo(0.04, 12);
  });

  it('without a traffic export every traffic figure is missing, with the reason', () => {
    const none = computeCore(LINES, coreInput(Q3_2026, {}, CAMPAIGNS), overview, NO_SIDE);
    expect(none.overview.visitors).toMatchObject({ value: null, reason: 'no traffic export in 2026Q3' });
    expect(none.core.conversion).toMatchObject({ value: null, reason: 'no traffic export in 2026Q3' });
    expect(none.core.funnel.steps.every((s) => s.value === null && s.dropOff === null)).toBe(true);
    expect(none.core.campaignConversionLift.reason).toBe('no traffic export in 2026Q3');
    expect(none.core.conversionByPlatform.map((r) => r.value.reason)).toEqual([
      'no traffic export for douyin in 2026Q3',
      'no traffic export for jd in 2026Q3',
      'no traffic export for tmall in 2026Q3',
    ]);
  });

  it('without a campaign calendar the lift says so', () => {
    const plain = computeCore(LINES, coreInput(Q3_2026), overview, { ...NO_SIDE, traffic: TRAFFIC });
    expect(plain.core.campaignConversionLift.reason).toBe('no campaign calendar in the config');
    expect(plain.overview.campaignShare.reason).toBe('no campaign calendar in the config');
  });

  it('a traffic export without paying buyers cannot give a conversion', () => {
    const bare = TRAFFIC.map((r) => ({ ...r, buyers: null }));
    const x = computeCore(LINES, coreInput(Q3_2026), overview, { ...NO_SIDE, traffic: bare });
    expect(x.core.conversion.reason).toBe('no buyers column in the traffic export for 2026Q3');
    expect(x.overview.visitors.value).toBe(4500);
  });
});
