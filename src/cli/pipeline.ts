// The shared front half of build / validate / metrics: workspace → quarter → ingest → figures.
import { ExitCode, UserError } from '../errors.js';
import { loadWorkspace, type LoadedWorkspace } from '../config/load.js';
import type { OrderLine, SideTables } from '../canonical.js';
import { sideTables } from '../ingest/side-tables.js';
import { ingestWorkspace, type IngestResult } from '../ingest/workspace.js';
import { assembleMetrics, type MetricsDocument } from '../metrics/document.js';
import { OverviewAccumulator } from '../metrics/overview.js';
import {
  lastCompleteQuarter,
  monthBoundaries,
  parseQuarter,
  quarterLabel,
  reportPeriods,
  type Quarter,
  type ReportPeriods,
} from '../time/quarter.js';
import { isValidTimeZone } from '../time/zone.js';
import type { CommandContext } from './context.js';
import { Progress } from './progress.js';

export interface PipelineOptions {
  config?: string;
  quarter?: string;
}

export interface PipelineResult {
  workspace: LoadedWorkspace;
  quarter: Quarter;
  periods: ReportPeriods;
  ingest: IngestResult;
  side: SideTables;
  metrics: MetricsDocument;
}

export function resolveQuarter(text: string | undefined, ctx: CommandContext, timeZone: string, fiscalStart: number): Quarter {
  if (text === undefined) return lastCompleteQuarter(ctx.now(), timeZone, fiscalStart);
  const q = parseQuarter(text);
  if (!q) {
    throw new UserError(`--quarter: '${text}' is not a quarter`, {
      exitCode: ExitCode.usage,
      hint: 'write it as 2026Q3, 2026-Q3 or Q3 2026',
    });
  }
  return q;
}

export async function loadAndCompute(options: PipelineOptions, ctx: CommandContext): Promise<PipelineResult> {
  // Check the quarter's spelling before any file is read: a typo should fail fast.
  if (options.quarter !== undefined) resolveQuarter(options.quarter, ctx, 'UTC', 1);
  const workspace = await loadWorkspace(options.config, ctx.cwd);
  const { config } = workspace;
  if (!isValidTimeZone(config.timezone)) {
    throw new UserError(`timezone: '${config.timezone}' is not a known time zone`, {
      exitCode: ExitCode.usage,
      location: { file: workspace.configPath },
      hint: 'use an IANA name such as Asia/Shanghai or America/New_York',
    });
  }
  const quarter = resolveQuarter(options.quarter, ctx, config.timezone, config.fiscalYearStartMonth);
  const periods = reportPeriods(quarter, config.timezone, config.fiscalYearStartMonth);
  const overview = new OverviewAccumulator({
    periods,
    monthBoundaries: monthBoundaries(periods.current, 24, config.timezone),
  });
  // Every accumulator that needs order lines sees each line once, as it streams past.
  const lineSinks: ((line: OrderLine) => void)[] = [(line) => overview.add(line)];
  const progress = new Progress(ctx);
  progress.note(`ecom-report: ${quarterLabel(quarter)} from ${workspace.configPath}`);
  const ingest = await ingestWorkspace(config, {
    baseDir: workspace.baseDir,
    onOrderLine: (line) => {
      for (const sink of lineSinks) sink(line);
    },
    onFileStart: () => progress.fileStart(),
    onProgress: (file, read, total, rows) => progress.update(file, read, total, rows),
    onFileDone: (f) => progress.fileDone(f.file, f.rowsRead, f.bytes),
  });
  const side = sideTables(ingest.tables);
  const metrics = assembleMetrics({
    periods,
    currency: config.currency,
    timezone: config.timezone,
    overview: overview.finish(),
    files: ingest.files.map((f) => ({
      file: f.file,
      platform: f.platform,
      table: f.table,
      rowsRead: f.rowsRead,
      rowsKept: f.rowsKept,
      skipped: { ...f.skipped },
    })),
    orderLines: ingest.orderLines,
  });
  return { workspace, quarter, periods, ingest, side, metrics };
}
