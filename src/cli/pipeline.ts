// The shared front half of build / validate / metrics: workspace → quarter → ingest → figures.
import path from 'node:path';
import { ExitCode, UserError, formatLocation } from '../errors.js';
import { loadWorkspace, type LoadedWorkspace } from '../config/load.js';
import type { OrderLine, SideTables } from '../canonical.js';
import { SideTableCollector } from '../ingest/side-tables.js';
import { ingestWorkspace, type IngestResult } from '../ingest/workspace.js';
import { gapWarnings, orderCoverage, quarterGaps, type QuarterGaps } from '../ingest/coverage.js';
import { epochToLocalDate } from '../time/zone.js';
import { assembleMetrics, type MetricsDocument } from '../metrics/document.js';
import { OverviewAccumulator } from '../metrics/overview.js';
import { CoreAccumulator } from '../metrics/core.js';
import { readMetricsSettings, SETTING_KEYS } from '../metrics/settings.js';
import { CampaignAccumulator } from '../metrics/campaigns.js';
import { OperationsAccumulator } from '../metrics/operations.js';
import { completeReview } from '../metrics/review.js';
import { loadNarrative } from '../narrative/load.js';
import { loadTemplate, type LoadedTemplate } from '../template/load.js';
import { deckFigureProblems, deckNameProblems } from '../report/build-deck.js';
import { figureCannotExist } from '../report/figure-paths.js';
import type { FigureReferenceProblem } from '../metrics/projects.js';
import type { Narrative } from '../narrative/schema.js';
import { parseReportSettings } from '../narrative/settings.js';
import { minorPerMajor } from '../report/format.js';
import { Strings } from '../report/strings.js';
import {
  lastCompleteQuarter,
  monthBoundaries,
  parseQuarter,
  quarterLabel,
  quarterPeriod,
  reportPeriods,
  shiftQuarter,
  type Quarter,
  type ReportPeriods,
} from '../time/quarter.js';
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
  /** What the order exports leave out of the report quarter (also warned about). */
  gaps: QuarterGaps;
}

/** Runs config checks, keeping their usage errors to report together. */
class ConfigChecks {
  private readonly errors: UserError[] = [];

  async run<T>(check: () => T | Promise<T>): Promise<T | undefined> {
    try {
      return await check();
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      this.errors.push(err);
      return undefined;
    }
  }

  throwIfAny(): void {
    if (this.errors.length === 0) return;
    if (this.errors.length === 1) throw this.errors[0]!;
    const lines = this.errors.map((e) => {
      const where = formatLocation(e.location);
      return where ? `${where}: ${e.message}` : e.message;
    });
    const hints = [...new Set(this.errors.map((e) => e.hint).filter((h): h is string => h !== undefined))];
    throw new UserError(lines.join('\n'), { exitCode: ExitCode.usage, hint: hints.join('; ') || undefined });
  }
}

/** Nothing to report: `build` refuses, `validate` lists it as an error. */
export const NO_ORDER_LINES = {
  message: 'no order lines were read, so there is nothing to report',
  hint: 'check the sources: files globs and presets in the workspace config',
};

/**
 * The deck template named by `--template` or the workspace, loaded before any export is read,
 * so a typo in deck.yaml or a theme colour fails in a second rather than after a long ingest.
 */
export async function loadWorkspaceTemplate(
  workspace: LoadedWorkspace,
  options: { template?: string; locale?: string },
  ctx: CommandContext,
): Promise<LoadedTemplate> {
  const { config, baseDir } = workspace;
  const template = await loadTemplate(options.template ?? config.template, options.template ? ctx.cwd : baseDir, options.locale ?? config.locale, ctx.cwd);
  const problems = deckNameProblems(template.deck, new Strings(template.strings, options.locale ?? config.locale));
  if (problems.length > 0) throw templateError(problems);
  return template;
}

function templateError(problems: readonly string[]): UserError {
  return new UserError(problems.join('\n'), {
    exitCode: ExitCode.usage,
    hint: 'fix the template (docs/restyle.md lists the slide ids, figures, layouts and colours)',
  });
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
  // Years the calendar code handles and a report can mean; `0226Q3` is a typo, not antiquity.
  if (q.year < 1970 || q.year > 2999) {
    throw new UserError(`--quarter: '${text}' is not a quarter a report can cover (the year ${q.year})`, {
      exitCode: ExitCode.usage,
      hint: 'check the year: write it as 2026Q3, 2026-Q3 or Q3 2026',
    });
  }
  return q;
}

/**
 * The workspace config, read once per command and handed to each step that needs it; the
 * quarter's spelling is checked first, since a typo should fail before any file is read.
 */
export async function openWorkspace(options: PipelineOptions, ctx: CommandContext): Promise<LoadedWorkspace> {
  if (options.quarter !== undefined) resolveQuarter(options.quarter, ctx, 'UTC', 1);
  return loadWorkspace(options.config, ctx.cwd);
}

/**
 * Ingest and every figure for `options.quarter`; `opened` is the workspace when the caller has
 * read it, `template` the deck template when the command draws one (its figure ids are then
 * checked before any export is read, as far as they can be without the data).
 */
export async function loadAndCompute(
  options: PipelineOptions,
  ctx: CommandContext,
  opened?: LoadedWorkspace,
  template?: LoadedTemplate,
): Promise<PipelineResult> {
  const workspace = opened ?? (await openWorkspace(options, ctx));
  const { config } = workspace;
  const quarter = resolveQuarter(options.quarter, ctx, config.timezone, config.fiscalYearStartMonth);
  const periods = reportPeriods(quarter, config.timezone, config.fiscalYearStartMonth);
  // Sections 3–6: settings and narrative are checked before any export is read (typos fail fast).
  const configShown = path.relative(ctx.cwd, workspace.configPath) || workspace.configPath;
  // The core metrics' own settings share `thresholds:` with the diagnosis rules; each reader
  // sees only its keys.
  // The three checks run to the end even when one fails, so a run lists every typo at once.
  const checks = new ConfigChecks();
  const metricsSettings = await checks.run(() => readMetricsSettings(config.thresholds, configShown));
  const ruleThresholds = Object.fromEntries(Object.entries(config.thresholds).filter(([k]) => !(SETTING_KEYS as readonly string[]).includes(k)));
  const settingsChecked = await checks.run(() => parseReportSettings({ ...config, thresholds: ruleThresholds }, configShown, SETTING_KEYS));
  const narrativeChecked = config.narrative ? await checks.run(() => loadNarrative(config.narrative!, workspace.baseDir, ctx.cwd)) : null;
  checks.throwIfAny();
  const narrative = narrativeChecked ?? null;
  if (narrative?.narrative.quarter !== undefined && narrative.narrative.quarter !== quarterLabel(quarter)) {
    ctx.stderr.write(`ecom-report: warning: ${config.narrative} is written for ${narrative.narrative.quarter}, the report is for ${quarterLabel(quarter)}\n`);
  }
  const run: MetricsRun = { config, quarter, periods, metricsSettings: metricsSettings!, settings: settingsChecked!, narrative: narrative?.narrative ?? null };
  const narrativeShown = narrative ? path.relative(ctx.cwd, narrative.file) || narrative.file : null;

  // The same figures from no data at all: the document's shape, which names every figure that
  // does not depend on the data. A figure id that cannot be in it fails here, not after ingest.
  const shape = finishMetrics(run, newAccumulators(run), new SideTableCollector().tables, [], 0);
  const impossible = shape.referenceProblems.filter((p) => figureCannotExist(shape.metrics, p.figure));
  if (impossible.length > 0 && narrativeShown) throw narrativeReferenceError(referenceErrors(narrativeShown, impossible));
  if (template) {
    const problems = deckFigureProblems(template.deck, shape.metrics);
    if (problems.length > 0) throw templateError(problems);
  }

  const accumulators = newAccumulators(run);
  const progress = new Progress(ctx);
  progress.note(`ecom-report: ${quarterLabel(quarter)} from ${workspace.configPath}`);
  // Side-table rows become typed rows as they are read: their cell records are never all held.
  const sideRows = new SideTableCollector();
  // Every accumulator that needs order lines sees each line once, as it streams past.
  const sinks = accumulators.sinks;
  const ingest = await ingestWorkspace(config, {
    baseDir: workspace.baseDir,
    onOrderLine: (line) => {
      for (const sink of sinks) sink(line);
    },
    onTableRow: (table, row) => sideRows.add(table, row),
    onFileStart: () => progress.fileStart(),
    onProgress: (file, read, total, rows) => progress.update(file, read, total, rows),
    onFileDone: (f) => progress.fileDone(f.file, f.rowsRead, f.bytes),
  });
  const side = sideRows.tables;
  const today = epochToLocalDate(config.timezone, ctx.now());
  const gaps = quarterGaps(orderCoverage(ingest.coverage, periods.current, config.timezone), periods.current, today);
  for (const w of gapWarnings(gaps, periods.current)) ingest.problems.warning(w.message, {}, w.hint);
  const { metrics, referenceProblems } = finishMetrics(run, accumulators, side, ingest.files, ingest.orderLines);
  if (referenceProblems.length > 0 && narrativeShown) throw narrativeReferenceError(referenceErrors(narrativeShown, referenceProblems));
  return { workspace, quarter, periods, ingest, side, metrics, gaps };
}

/** What one quarter's figures are computed from, besides the data. */
interface MetricsRun {
  config: LoadedWorkspace['config'];
  quarter: Quarter;
  periods: ReportPeriods;
  metricsSettings: NonNullable<Awaited<ReturnType<typeof readMetricsSettings>>>;
  settings: NonNullable<Awaited<ReturnType<typeof parseReportSettings>>>;
  narrative: Narrative | null;
}

/** The accumulators that see each order line, and the one function that hands a line to each. */
function newAccumulators(run: MetricsRun) {
  const { config, periods, quarter, settings } = run;
  const overview = new OverviewAccumulator({
    periods,
    monthBoundaries: monthBoundaries(periods.current, 24, config.timezone),
  });
  const core = new CoreAccumulator({
    periods,
    timeZone: config.timezone,
    campaigns: config.campaigns,
    settings: run.metricsSettings,
    minorPerMajor: minorPerMajor(config.currency),
  });
  const operations = new OperationsAccumulator({
    periods,
    twoBack: quarterPeriod(shiftQuarter(quarter, -2), config.timezone, config.fiscalYearStartMonth),
    timeZone: config.timezone,
    settings: {
      slowMovingDays: settings.thresholds.slowMoving.days,
      topSellerShare: settings.thresholds.topSellerStockOut.topShare,
      shipSlaHours: settings.thresholds.lateDelivery.shipSlaHours,
    },
  });
  const campaigns = new CampaignAccumulator({
    calendar: config.campaigns,
    quarter: periods.current,
    timeZone: config.timezone,
    baseline: settings.thresholds.campaignBaseline,
  });
  const sinks: ((line: OrderLine) => void)[] = [
    (line) => overview.add(line),
    (line) => core.add(line),
    (line) => operations.add(line),
    (line) => campaigns.add(line),
  ];
  return { overview, core, operations, campaigns, sinks };
}

/** The metrics document from the accumulators once every line has passed them. */
function finishMetrics(run: MetricsRun, acc: ReturnType<typeof newAccumulators>, side: SideTables, files: IngestResult['files'], orderLines: number) {
  const { config, periods, quarter, settings } = run;
  const overviewMetrics = acc.overview.finish();
  const coreResult = acc.core.finish(overviewMetrics, side);
  const metrics = assembleMetrics({
    periods,
    currency: config.currency,
    timezone: config.timezone,
    overview: { ...overviewMetrics, ...coreResult.overview },
    core: coreResult.core,
    files: files.map((f) => ({
      file: f.file,
      platform: f.platform,
      table: f.table,
      rowsRead: f.rowsRead,
      rowsKept: f.rowsKept,
      skipped: { ...f.skipped },
    })),
    orderLines,
  });
  const referenceProblems = completeReview(metrics, {
    operations: acc.operations.finish(side),
    campaigns: acc.campaigns.finish(side),
    narrative: run.narrative,
    narrativeFile: config.narrative ?? null,
    thresholds: settings.thresholds,
    targets: settings.targets,
    nextQuarter: quarterLabel(shiftQuarter(quarter, 1)),
    minorPerMajor: minorPerMajor(config.currency),
  });
  return { metrics, referenceProblems };
}

function referenceErrors(narrativeShown: string, problems: readonly FigureReferenceProblem[]): string[] {
  return problems.map((p) => `${narrativeShown}: ${p.path}: ${p.message}${p.suggestion ? ` (did you mean '${p.suggestion}'?)` : ''}`);
}

function narrativeReferenceError(lines: readonly string[]): UserError {
  return new UserError(lines.join('\n'), {
    exitCode: ExitCode.usage,
    hint: 'a KPI figure: names a figure id from `ecom-report metrics --json`, e.g. core.conversion',
  });
}
