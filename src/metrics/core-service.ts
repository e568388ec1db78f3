// Service and review figures: first-response and resolution times (median and P90, type-7
// quantiles) of the tickets created in each period, the share answered within the SLA,
// satisfaction (mean and share of 4–5), and the mean review rating.
import type { Review, ServiceTicket } from '../canonical.js';
import type { Figure } from './figure.js';
import type { MissingCode } from './registry.js';
import { mean, quantile } from './stats.js';
import { outcomeFigure } from './core-traffic.js';

export interface ServiceInput {
  /** Epoch-ms bounds [start, end) of the three report periods. */
  periods: readonly { startMs: number; endMs: number }[];
  labels: readonly string[];
  slaSeconds: number;
}

export interface ServiceFigures {
  firstResponse: { median: Figure; p90: Figure; slaSeconds: number; withinSlaShare: Figure };
  firstResponseByPlatform: { key: string; median: Figure; p90: Figure; tickets: number }[];
  resolution: { median: Figure; p90: Figure };
  satisfaction: { mean: Figure; shareHigh: Figure };
  reviewRating: Figure;
  serviceCounts: {
    /** Tickets created in the report quarter. */
    tickets: number;
    /** Of those, without a (valid) first response / resolution time, or a rating. */
    unanswered: number;
    unresolved: number;
    rated: number;
    /** Reviews in the report quarter with a 1–5 rating. */
    reviews: number;
  };
}

type Outcome = number | { code: MissingCode; vars: Record<string, string> };

interface TicketStats {
  tickets: number;
  response: Float64Array;
  resolution: Float64Array;
  ratings: number[];
}

function stats(tickets: readonly ServiceTicket[]): TicketStats {
  const response: number[] = [];
  const resolution: number[] = [];
  const ratings: number[] = [];
  for (const t of tickets) {
    // A response or resolution stamped before the ticket was opened is a broken row: left out.
    if (t.firstResponseAt !== null && t.firstResponseAt >= t.createdAt) response.push((t.firstResponseAt - t.createdAt) / 1000);
    if (t.resolvedAt !== null && t.resolvedAt >= t.createdAt) resolution.push((t.resolvedAt - t.createdAt) / 3_600_000);
    if (t.satisfaction !== null && Number.isInteger(t.satisfaction) && t.satisfaction >= 1 && t.satisfaction <= 5) ratings.push(t.satisfaction);
  }
  return {
    tickets: tickets.length,
    response: Float64Array.from(response).sort(),
    resolution: Float64Array.from(resolution).sort(),
    ratings,
  };
}

export function serviceFigures(tickets: readonly ServiceTicket[], reviews: readonly Review[], input: ServiceInput): ServiceFigures {
  const label = (p: number) => input.labels[p]!;
  const inP = (t: number, p: number) => t >= input.periods[p]!.startMs && t < input.periods[p]!.endMs;
  const per = [0, 1, 2].map((p) => stats(tickets.filter((t) => inP(t.createdAt, p))));

  const three = (unit: Figure['unit'], at: (p: number) => Outcome) => outcomeFigure(unit, at(0), at(1), at(2));
  const fromTimes = (pick: (s: TicketStats) => Float64Array, empty: MissingCode, q: number, s: TicketStats[] = per) => (p: number): Outcome => {
    if (s[p]!.tickets === 0) return { code: 'noTickets', vars: { period: label(p) } };
    const v = quantile(pick(s[p]!), q);
    return v === null ? { code: empty, vars: { period: label(p) } } : v;
  };
  const response = (s: TicketStats) => s.response;
  const resolution = (s: TicketStats) => s.resolution;

  const withinSla = (p: number): Outcome => {
    const s = per[p]!;
    if (s.tickets === 0) return { code: 'noTickets', vars: { period: label(p) } };
    if (s.response.length === 0) return { code: 'noResponses', vars: { period: label(p) } };
    let n = 0;
    for (const v of s.response) if (v <= input.slaSeconds) n++;
    return n / s.response.length;
  };
  const ratingsAt = (p: number, f: (xs: number[]) => number): Outcome => {
    const s = per[p]!;
    if (s.tickets === 0) return { code: 'noTickets', vars: { period: label(p) } };
    if (s.ratings.length === 0) return { code: 'noRatings', vars: { period: label(p) } };
    return f(s.ratings);
  };

  const platforms = new Map<string, ServiceTicket[]>();
  for (const t of tickets) {
    if (!inP(t.createdAt, 0)) continue;
    const key = t.platform ?? '(none)';
    const list = platforms.get(key);
    if (list) list.push(t);
    else platforms.set(key, [t]);
  }
  const byPlatform = [...platforms.keys()].sort().map((key) => {
    const s: TicketStats[] = [0, 1, 2].map((p) => stats(tickets.filter((t) => (t.platform ?? '(none)') === key && inP(t.createdAt, p))));
    return {
      key,
      median: three('seconds', fromTimes(response, 'noResponses', 0.5, s)),
      p90: three('seconds', fromTimes(response, 'noResponses', 0.9, s)),
      tickets: s[0]!.tickets,
    };
  });

  const reviewRatings = [0, 1, 2].map((p) =>
    reviews.filter((r) => inP(r.createdAt, p) && Number.isInteger(r.rating) && r.rating >= 1 && r.rating <= 5).map((r) => r.rating),
  );
  const reviewAt = (p: number): Outcome => {
    const v = mean(reviewRatings[p]!);
    return v === null ? { code: 'noReviews', vars: { period: label(p) } } : v;
  };

  const cur = per[0]!;
  return {
    firstResponse: {
      median: three('seconds', fromTimes(response, 'noResponses', 0.5)),
      p90: three('seconds', fromTimes(response, 'noResponses', 0.9)),
      slaSeconds: input.slaSeconds,
      withinSlaShare: three('ratio', withinSla),
    },
    firstResponseByPlatform: byPlatform,
    resolution: {
      median: three('hours', fromTimes(resolution, 'noResolutions', 0.5)),
      p90: three('hours', fromTimes(resolution, 'noResolutions', 0.9)),
    },
    satisfaction: {
      mean: three('score', (p) => ratingsAt(p, (xs) => mean(xs)!)),
      shareHigh: three('ratio', (p) => ratingsAt(p, (xs) => xs.filter((x) => x >= 4).length / xs.length)),
    },
    reviewRating: three('score', reviewAt),
    serviceCounts: {
      tickets: cur.tickets,
      unanswered: cur.tickets - cur.response.length,
      unresolved: cur.tickets - cur.resolution.length,
      rated: cur.ratings.length,
      reviews: reviewRatings[0]!.length,
    },
  };
}
