// Shared literal inputs for the core-metrics tests: Asia/Shanghai periods for 2026Q3 (with
// 2026Q2 and 2025Q3), an order-line builder, and empty side tables.
import type { OrderLine, SideTables } from '../../src/canonical.js';
import type { CoreInput } from '../../src/metrics/core.js';
import type { OverviewInput } from '../../src/metrics/overview.js';
import { DEFAULT_SETTINGS, type MetricsSettings } from '../../src/metrics/settings.js';
import type { ReportPeriods } from '../../src/time/quarter.js';

/** Asia/Shanghai is UTC+8 all year: local wall time → epoch by subtracting 8 hours. */
export const sh = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h - 8, mi, s);

const period = (label: string, start: string, end: string, startMs: number, endMs: number) => ({ label, start, end, startMs, endMs });

export const Q3_2026: ReportPeriods = {
  current: period('2026Q3', '2026-07-01', '2026-09-30', sh(2026, 7, 1), sh(2026, 10, 1)),
  previous: period('2026Q2', '2026-04-01', '2026-06-30', sh(2026, 4, 1), sh(2026, 7, 1)),
  yearAgo: period('2025Q3', '2025-07-01', '2025-09-30', sh(2025, 7, 1), sh(2025, 10, 1)),
};

export const Q4_2026: ReportPeriods = {
  current: period('2026Q4', '2026-10-01', '2026-12-31', sh(2026, 10, 1), sh(2027, 1, 1)),
  previous: Q3_2026.current,
  yearAgo: period('2025Q4', '2025-10-01', '2025-12-31', sh(2025, 10, 1), sh(2026, 1, 1)),
};

/** Month starts from 24 months before the quarter's last month to the month after it. */
export function overviewInput(periods: ReportPeriods): OverviewInput {
  const endYear = Number(periods.current.end.slice(0, 4));
  const endMonth = Number(periods.current.end.slice(5, 7));
  const last = endYear * 12 + endMonth - 1;
  const monthBoundaries = [];
  for (let i = last - 24; i <= last + 1; i++) {
    const y = Math.floor(i / 12);
    const m = (i % 12) + 1;
    monthBoundaries.push({ month: `${y}-${String(m).padStart(2, '0')}`, startMs: sh(y, m, 1) });
  }
  return { periods, monthBoundaries };
}

export function coreInput(periods: ReportPeriods, settings: Partial<MetricsSettings> = {}, campaigns: CoreInput['campaigns'] = []): CoreInput {
  return { periods, timeZone: 'Asia/Shanghai', campaigns, settings: { ...DEFAULT_SETTINGS, ...settings }, minorPerMajor: 100 };
}

export const NO_SIDE: SideTables = { traffic: [], tickets: [], inventory: [], purchaseOrders: [], reviews: [] };

export { line } from '../helpers/order-line.js';
