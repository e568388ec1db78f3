// Literal-table helpers for the section 3–6 metric tests: Shanghai wall times, order lines with
// defaults, and the 2026Q3 report periods written out by hand.
import type { OrderLine } from '../../src/canonical.js';
import type { Period, ReportPeriods } from '../../src/time/quarter.js';

/** Asia/Shanghai is UTC+8 all year: local wall time → epoch by subtracting 8 hours. */
export const sh = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);

const period = (label: string, start: string, end: string, s: [number, number], e: [number, number]): Period => ({
  label,
  start,
  end,
  startMs: sh(s[0], s[1], 1),
  endMs: sh(e[0], e[1], 1),
});

export const periods: ReportPeriods = {
  current: period('2026Q3', '2026-07-01', '2026-09-30', [2026, 7], [2026, 10]),
  previous: period('2026Q2', '2026-04-01', '2026-06-30', [2026, 4], [2026, 7]),
  yearAgo: period('2025Q3', '2025-07-01', '2025-09-30', [2025, 7], [2025, 10]),
};
export const twoBack: Period = period('2026Q1', '2026-01-01', '2026-03-31', [2026, 1], [2026, 4]);

export { line } from '../helpers/order-line.js';
