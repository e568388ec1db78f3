// The metrics document: every figure of the report plus where it came from. This is what
// `--metrics-json` writes and what the report stage reads; it is plain data.
import type { TableName } from '../canonical.js';
import type { ReportPeriods } from '../time/quarter.js';
import type { OverviewMetrics } from './overview.js';

export interface SourceFileProvenance {
  file: string;
  platform: string;
  table: TableName;
  rowsRead: number;
  rowsKept: number;
  skipped: Record<string, number>;
}

export interface MetricsDocument {
  quarter: string;
  currency: string;
  timezone: string;
  periods: Record<keyof ReportPeriods, { start: string; end: string; label: string }>;
  overview: OverviewMetrics;
  provenance: {
    files: SourceFileProvenance[];
    /** Distinct order lines after removing overlaps between exports. */
    orderLines: number;
  };
}

export function assembleMetrics(args: {
  periods: ReportPeriods;
  currency: string;
  timezone: string;
  overview: OverviewMetrics;
  files: SourceFileProvenance[];
  orderLines: number;
}): MetricsDocument {
  const period = (k: keyof ReportPeriods) => ({
    start: args.periods[k].start,
    end: args.periods[k].end,
    label: args.periods[k].label,
  });
  return {
    quarter: args.periods.current.label,
    currency: args.currency,
    timezone: args.timezone,
    periods: { current: period('current'), previous: period('previous'), yearAgo: period('yearAgo') },
    overview: args.overview,
    provenance: { files: args.files, orderLines: args.orderLines },
  };
}
