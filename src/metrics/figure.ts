// The shape every reported figure takes (the metrics JSON contract's `F`), and the growth
// rule: a comparison whose period has no data, or whose base is zero, is null — never 0%
// and never infinity.

/**
 * minor: money in integer minor units; count: whole things; ratio: a share or rate (0.31 = 31%);
 * multiple: a lift or index (1.8 = 1.8×); seconds / days / hours: durations; score: a mean rating.
 */
export type Unit = 'minor' | 'count' | 'ratio' | 'multiple' | 'seconds' | 'hours' | 'days' | 'score';

export interface Figure {
  value: number | null;
  unit: Unit;
  previous: number | null;
  yearAgo: number | null;
  qoq: number | null;
  yoy: number | null;
  /** Why `value` is null, in words a reader can act on. */
  reason?: string;
}

/** Relative change from `base` to `current`; null when either is unknown or the base is 0. */
export function growth(current: number | null, base: number | null): number | null {
  if (current === null || base === null || base === 0) return null;
  return (current - base) / Math.abs(base);
}

export function figure(unit: Unit, value: number | null, previous: number | null, yearAgo: number | null): Figure {
  return { value, unit, previous, yearAgo, qoq: growth(value, previous), yoy: growth(value, yearAgo) };
}

export function missingFigure(unit: Unit, reason: string): Figure {
  return { value: null, unit, previous: null, yearAgo: null, qoq: null, yoy: null, reason };
}

/** a ÷ b, or null when the denominator is zero or unknown. */
export function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}
