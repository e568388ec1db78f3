// The metrics document: every figure of the report plus where it came from. This is what
// `--metrics-json` writes and what the report stage reads; it is plain data.
import type { TableName } from '../canonical.js';
import type { ReportPeriods } from '../time/quarter.js';
import type { OverviewMetrics } from './overview.js';
import type { CoreMetrics, OverviewExtras } from './core.js';
import { REGISTRY, type FigureDefinition } from './registry.js';
import type { DiagnosisMetrics } from './diagnosis/types.js';
import type { OperationsMetrics } from './operations.js';
import type { PlanMetrics } from './plan.js';
import type { ProjectsMetrics } from './projects.js';
import type { TeamMetrics } from './team.js';

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
  /** Section 1; the fields of OverviewExtras come from the core accumulator. */
  overview: OverviewMetrics & Partial<OverviewExtras>;
  /** Section 2. */
  core?: CoreMetrics;
  /** The definitions registry (口径) every figure of sections 1 and 2 follows. */
  definitions?: readonly FigureDefinition[];
  /** Sections 3–6 (filled in by the pipeline after the figures they read). */
  operations?: OperationsMetrics;
  projects?: ProjectsMetrics;
  diagnosis?: DiagnosisMetrics;
  team?: TeamMetrics;
  plan?: PlanMetrics;
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
  overview: OverviewMetrics & Partial<OverviewExtras>;
  core?: CoreMetrics;
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
    ...(args.core ? { core: args.core, definitions: REGISTRY } : {}),
    provenance: { files: args.files, orderLines: args.orderLines },
  };
}
