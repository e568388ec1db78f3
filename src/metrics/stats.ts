// Small, exact statistics the core metrics share: quantiles, means, quintile scores, and the
// calendar of local day numbers (ISO weeks). Pure; every rule here is the one the definitions
// registry states in words.
import { daysFromCivil, dayString } from '../time/zone.js';

/**
 * The q-quantile of ascending `sorted` values by linear interpolation between closest ranks
 * (Hyndman & Fan type 7: the rule of Excel's PERCENTILE.INC and numpy's default):
 * h = (n − 1)·q, value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). Null for no values.
 */
export function quantile(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}

/**
 * Nearest-rank quantile: the smallest value with at least q·n values at or below it, from a
 * weighted distribution given as ascending (value, weight) pairs. Used for price-band bounds,
 * where a bound must be a price that actually occurs.
 */
export function nearestRank(values: readonly number[], weights: readonly number[], q: number): number | null {
  let total = 0;
  for (const w of weights) total += w;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < values.length; i++) {
    seen += weights[i]!;
    if (seen >= rank) return values[i]!;
  }
  return values[values.length - 1] ?? null;
}

export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/**
 * Quintile scores 1–5, higher is better: a value scores 1 + ⌊5·b / n⌋ (at most 5), where b is
 * how many values are strictly worse. Equal values always share a score, so a dimension where
 * most buyers tie (one order each) keeps them together in the lowest band.
 */
export function quintileScores(values: ArrayLike<number>, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  // b is found by binary search in a sorted copy: a typed array sorts numerically without a
  // comparator call per step (hundreds of thousands of buyers).
  const sorted = Float64Array.from(values).sort();
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const worse = higherIsBetter ? countBelow(sorted, v) : n - countAtOrBelow(sorted, v);
    scores[i] = Math.min(5, 1 + Math.floor((5 * worse) / n));
  }
  return scores;
}

/** How many values of ascending `sorted` are < v. */
function countBelow(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many values of ascending `sorted` are ≤ v. */
function countAtOrBelow(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Day number (days since 1970-01-01) of a 'YYYY-MM-DD' local day. */
export function dayNumber(day: string): number {
  return daysFromCivil(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));
}

export { dayString };

/** ISO 8601 week of a day number, e.g. '2026-W27' (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(day: number): string {
  // 1970-01-01 was a Thursday: Monday-based weekday 0–6.
  const weekday = (((day + 3) % 7) + 7) % 7;
  const thursday = day - weekday + 3;
  const year = Number(dayString(thursday).slice(0, 4));
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday (day number) of the ISO week holding `day`. */
export function weekMonday(day: number): number {
  const weekday = (((day + 3) % 7) + 7) % 7;
  return day - weekday;
}
