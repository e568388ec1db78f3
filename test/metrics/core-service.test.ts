// Service times, SLA share, satisfaction and review rating from literal tickets; by hand.
import { describe, expect, it } from 'vitest';
import type { Review, ServiceTicket } from '../../src/canonical.js';
import { serviceFigures } from '../../src/metrics/core-service.js';
import { Q3_2026, sh } from './core-fixture.js';

const S = 1000;
const H = 3_600_000;

function ticket(id: string, platform: string, createdAt: number, response: number | null, resolution: number | null, satisfaction: number | null): ServiceTicket {
  return {
    ticketId: id,
    platform,
    createdAt,
    firstResponseAt: response === null ? null : createdAt + response,
    resolvedAt: resolution === null ? null : createdAt + resolution,
    kind: 'presale',
    reason: null,
    satisfaction,
    escalated: false,
  };
}

const TICKETS: ServiceTicket[] = [
  ticket('K1', 'tmall', sh(2026, 7, 1, 10), 30 * S, 2 * H, 5),
  ticket('K2', 'tmall', sh(2026, 7, 2, 10), 90 * S, 10 * H, 4),
  ticket('K3', 'jd', sh(2026, 8, 1, 10), 20 * S, null, null),
  ticket('K4', 'jd', sh(2026, 8, 2, 10), 300 * S, 4 * H, 2),
  ticket('K5', 'tmall', sh(2026, 9, 1, 10), null, 1 * H, null), // never answered
  ticket('K6', 'tmall', sh(2026, 6, 1, 10), 40 * S, -1 * H, 3), // 2026Q2; a resolution before creation is left out
];

const review = (createdAt: number, rating: number): Review => ({ platform: 'tmall', orderId: null, createdAt, rating });
const REVIEWS: Review[] = [review(sh(2026, 7, 3), 5), review(sh(2026, 8, 3), 4), review(sh(2026, 9, 3), 3), review(sh(2026, 9, 4), 0), review(sh(2026, 5, 1), 2)];

const input = {
  periods: [Q3_2026.current, Q3_2026.previous, Q3_2026.yearAgo],
  labels: ['2026Q3', '2026Q2', '2025Q3'],
  slaSeconds: 60,
};
const f = serviceFigures(TICKETS, REVIEWS, input);

describe('service figures', () => {
  it('first response: type-7 median and P90 of the answered tickets', () => {
    // sorted 20 30 90 300: median h = 1.5 → 30 + 0.5·60 = 60; P90 h = 2.7 → 90 + 0.7·210 = 237
    expect(f.firstResponse.median).toMatchObject({ value: 60, previous: 40, yearAgo: null, unit: 'seconds' });
    expect(f.firstResponse.p90.value).toBeCloseTo(237, 9);
    expect(f.firstResponse.slaSeconds).toBe(60);
    // within 60 s: 20 and 30 of 4
    expect(f.firstResponse.withinSlaShare).toMatchObject({ value: 0.5, previous: 1, yearAgo: null });
    expect(f.firstResponse.median.qoq).toBeCloseTo(0.5, 12);
  });

  it('first response by platform', () => {
    const by = Object.fromEntries(f.firstResponseByPlatform.map((r) => [r.key, r]));
    // jd 20, 300: median 160, P90 20 + 0.9·280 = 272; tmall 30, 90: median 60, P90 84
    expect(by['jd']!.median.value).toBe(160);
    expect(by['jd']!.p90.value).toBeCloseTo(272, 9);
    expect(by['tmall']!.median.value).toBe(60);
    expect(by['tmall']!.p90.value).toBeCloseTo(84, 9);
    expect(by['tmall']!.tickets).toBe(3);
  });

  it('resolution in hours', () => {
    // 1 2 4 10: median 3, P90 h = 2.7 → 4 + 0.7·6 = 8.2; Q2's only ticket resolved "before" it was opened
    expect(f.resolution.median).toMatchObject({ value: 3, previous: null });
    expect(f.resolution.p90.value).toBeCloseTo(8.2, 9);
  });

  it('satisfaction: mean and share of 4–5', () => {
    expect(f.satisfaction.mean.value).toBeCloseTo(11 / 3, 12); // 5 4 2
    expect(f.satisfaction.shareHigh.value).toBeCloseTo(2 / 3, 12);
    expect(f.satisfaction.mean.previous).toBe(3);
    expect(f.satisfaction.mean.yearAgo).toBeNull();
  });

  it('review rating: mean of 1–5 ratings (a 0 is no rating)', () => {
    expect(f.reviewRating).toMatchObject({ value: 4, previous: 2, yearAgo: null, unit: 'score' });
    expect(f.serviceCounts).toEqual({ tickets: 5, unanswered: 1, unresolved: 1, rated: 3, reviews: 3 });
  });

  it('no tickets: every service figure is missing with the reason', () => {
    const none = serviceFigures([], [], input);
    expect(none.firstResponse.median).toMatchObject({ value: null, reason: 'no service-ticket export in 2026Q3' });
    expect(none.firstResponse.withinSlaShare.reason).toBe('no service-ticket export in 2026Q3');
    expect(none.satisfaction.mean.reason).toBe('no service-ticket export in 2026Q3');
    expect(none.reviewRating.reason).toBe('no review export in 2026Q3');
  });

  it('tickets without ratings or answers say which part is missing', () => {
    const bare = serviceFigures([ticket('K9', 'jd', sh(2026, 7, 9), null, null, null)], [], input);
    expect(bare.firstResponse.median.reason).toBe('no first responses recorded in 2026Q3');
    expect(bare.resolution.median.reason).toBe('no resolved tickets in 2026Q3');
    expect(bare.satisfaction.shareHigh.reason).toBe('no satisfaction ratings in 2026Q3');
  });
});
