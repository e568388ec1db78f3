// `ecom-report build`: exports → metrics → deck → out/ecom-report-<quarter>.pptx.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { deliverReport, deliveryJson, prepareDelivery, type DeliveryOutcome } from '../../deliver/deliver-report.js';
import { loadEmailWords } from '../../deliver/email-words.js';
import { writeAtomic } from '../../deliver/write.js';
import { ExitCode, UserError, formatUserError } from '../../errors.js';
import { buildDeck } from '../../report/build-deck.js';
import { Strings } from '../../report/strings.js';
import { renderDeck } from '../../render/pptx.js';
import { loadTemplate, type LoadedTemplate } from '../../template/load.js';
import type { TableName } from '../../canonical.js';
import { expandGlobs, type LoadedWorkspace } from '../../config/load.js';
import type { DataHealth } from '../../report/context.js';
import { epochToLocalDate } from '../../time/zone.js';
import type { CommandContext } from '../context.js';
import { NO_ORDER_LINES, loadAndCompute, loadWorkspaceTemplate, openWorkspace, type PipelineResult } from '../pipeline.js';
import { printProblems } from '../report-problems.js';
import { deliveryLog, shownPath } from './send.js';

export interface BuildOptions {
  quarter?: string;
  config?: string;
  template?: string;
  locale?: 'zh-CN' | 'en';
  out?: string;
  metricsJson?: string;
  json?: boolean;
  allowPartial?: boolean;
  /** Also convert the deck to PDF with LibreOffice. */
  pdf?: boolean;
  /** E-mail the deck to these addresses (each may hold several, comma-separated). */
  email?: string[];
}

export async function buildCommand(options: BuildOptions, ctx: CommandContext): Promise<number> {
  const started = ctx.now();
  // Delivery settings are checked first: a missing SMTP variable or LibreOffice should not wait for the build.
  const plan = options.pdf || options.email ? await prepareDelivery({ pdf: options.pdf, to: options.email, toFlag: '--email' }, ctx.env) : null;
  // The template is checked before any export is read, so a typo in deck.yaml or a theme
  // colour fails in a second rather than after a long ingest.
  const opened = await openWorkspace(options, ctx);
  const loadedTemplate = await loadWorkspaceTemplate(opened, options, ctx);
  const outputs = await checkOutputPaths(options, opened, ctx);
  const computed = await loadAndCompute(options, ctx, opened, loadedTemplate);
  const { workspace, ingest, metrics } = computed;
  const readMs = ctx.now() - started;
  printProblems(ingest, ctx);
  if (ingest.problems.hasErrors && !options.allowPartial) {
    ctx.stderr.write(
      `ecom-report: ${ingest.problems.errorCount} input problem(s); no deck written. ` +
        'Fix them, or pass --allow-partial to build from the rows that could be read.\n',
    );
    if (options.json) ctx.stdout.write(JSON.stringify(jsonResult(null, null, ingest, ctx.now() - started), null, 2) + '\n');
    return ExitCode.input;
  }
  if (metrics.provenance.orderLines === 0) {
    throw new UserError(NO_ORDER_LINES.message, { hint: NO_ORDER_LINES.hint });
  }

  const renderStarted = ctx.now();
  const { deck, template, locale, reportDate } = await deckModel(options, computed, ctx, loadedTemplate);
  // Pin every timestamp in the package to the report date so rebuilding gives the same bytes.
  const bytes = await renderDeck(deck, { theme: template.theme, logo: template.logo, fixedDate: new Date(`${reportDate}T00:00:00Z`) });
  const renderMs = ctx.now() - renderStarted;

  const deckName = `ecom-report-${metrics.quarter}.pptx`;
  const out = outputs.deck ? (outputs.deckIsFolder ? path.join(outputs.deck, deckName) : outputs.deck) : path.join(workspace.baseDir, 'out', deckName);
  // The deck first: a failed deck write must not leave fresh figures behind as if the build had run.
  await writeAtomic(out, bytes);
  if (outputs.metricsJson) await writeAtomic(outputs.metricsJson, JSON.stringify(metrics, null, 2) + '\n', '--metrics-json');
  const shown = path.relative(ctx.cwd, out) || out;
  ctx.stderr.write(`ecom-report: wrote ${shown} (${deck.slides.length} slides, ${metrics.quarter})\n`);
  let delivery: DeliveryOutcome | null = null;
  if (plan) {
    const words = await loadEmailWords(template.layers, locale, template.strings);
    delivery = await deliverReport({ plan, deckPath: out, deck, theme: template.theme, words, env: ctx.env, now: ctx.now, log: deliveryLog(ctx), show: shownPath(ctx) });
    if (delivery.failure) ctx.stderr.write(`ecom-report: ${formatUserError(delivery.failure)}\n`);
  }
  if (options.json) {
    const timings = { read: readMs, render: renderMs, ...delivery?.timingsMs };
    ctx.stdout.write(JSON.stringify(jsonResult(out, deck.slides.length, ingest, ctx.now() - started, metrics, delivery, timings), null, 2) + '\n');
  }
  return delivery?.failure ? delivery.failure.exitCode : ExitCode.ok;
}

/**
 * `--out` and `--metrics-json` checked before anything is read: a deck written over an export
 * or the config (one slip of tab completion) would destroy an input, so each must end in its
 * own extension and the two must differ. `--out` naming an existing folder puts the deck in it.
 */
async function checkOutputPaths(options: BuildOptions, workspace: LoadedWorkspace, ctx: CommandContext): Promise<{ deck?: string; deckIsFolder: boolean; metricsJson?: string }> {
  const deck = options.out === undefined ? undefined : path.resolve(ctx.cwd, options.out);
  const metricsJson = options.metricsJson === undefined ? undefined : path.resolve(ctx.cwd, options.metricsJson);
  // `--out reports/` names a folder even before it exists (it is made, as out/ is).
  const namesFolder = (p: string) => p.endsWith('/') || p.endsWith(path.sep);
  const deckIsFolder =
    deck !== undefined && (namesFolder(options.out!) || (await stat(deck).catch(() => null))?.isDirectory() === true);
  if (metricsJson !== undefined && namesFolder(options.metricsJson!)) {
    throw new UserError(`--metrics-json ${options.metricsJson}: names a folder; the figures are one .json file`, {
      exitCode: ExitCode.usage,
      hint: 'give a file path ending in .json, e.g. out/figures.json',
    });
  }
  if (deck !== undefined && !deckIsFolder && path.extname(deck).toLowerCase() !== '.pptx') {
    throw new UserError(`--out ${options.out}: the deck is a .pptx file, and this path does not end in .pptx`, {
      exitCode: ExitCode.usage,
      hint: 'give a path ending in .pptx (or a folder); an export or the config is never overwritten',
    });
  }
  if (metricsJson !== undefined && path.extname(metricsJson).toLowerCase() !== '.json') {
    throw new UserError(`--metrics-json ${options.metricsJson}: the figures are written as JSON, and this path does not end in .json`, {
      exitCode: ExitCode.usage,
      hint: 'give a path ending in .json; an export or the config is never overwritten',
    });
  }
  const inputs = await workspaceInputs(workspace);
  for (const [flag, target] of [['--out', deckIsFolder ? undefined : deck], ['--metrics-json', metricsJson]] as const) {
    if (target !== undefined && inputs.has(target)) {
      throw new UserError(`${flag} ${path.relative(ctx.cwd, target) || target}: that is one of the workspace's inputs (the config, the narrative or an export), and is never overwritten`, {
        exitCode: ExitCode.usage,
        hint: 'write the output somewhere else, e.g. out/',
      });
    }
  }
  return { deck, deckIsFolder, metricsJson };
}

/** Every file a build reads: the config, the narrative and each source's files. */
async function workspaceInputs({ config, configPath, baseDir }: LoadedWorkspace): Promise<Set<string>> {
  const files = new Set<string>([configPath]);
  if (config.narrative) files.add(path.resolve(baseDir, config.narrative));
  const patterns = config.sources.flatMap((source) => [...source.files, ...(source.join ?? []).flatMap((j) => j.files ?? [])]);
  for (const f of (await expandGlobs(patterns, baseDir)).files) files.add(f);
  return files;
}

/** The deck model and the template it is drawn with, for computed figures (shared with `send`); `preloaded` is the template when the caller has it. */
export async function deckModel(
  options: Pick<BuildOptions, 'template' | 'locale'>,
  computed: PipelineResult,
  ctx: CommandContext,
  preloaded?: LoadedTemplate,
) {
  const { workspace, ingest, metrics, periods } = computed;
  const { config } = workspace;
  const locale = options.locale ?? config.locale;
  const templateRef = options.template ?? config.template;
  const template =
    preloaded ?? (await loadTemplate(templateRef, options.template ? ctx.cwd : workspace.baseDir, locale, ctx.cwd));
  const inputs: Partial<Record<TableName, { files: number; rows: number }>> = {};
  for (const f of ingest.files) {
    const entry = (inputs[f.table] ??= { files: 0, rows: 0 });
    entry.files++;
    entry.rows += f.rowsKept;
  }
  const reportDate = config.reportDate ?? periods.current.end;
  const deck = buildDeck({
    metrics,
    strings: new Strings(template.strings, locale),
    company: config.company,
    presenter: config.presenter,
    reportDate,
    inputs,
    narrativeFile: config.narrative,
    dataHealth: dataHealth(computed, config.timezone),
    gaps: computed.gaps,
  }, { deck: template.deck, page: template.theme.size });
  return { deck, template, locale, reportDate };
}

/** What ingest read, file by file, with the local days each file covers (the data-health slide). */
function dataHealth(computed: PipelineResult, timeZone: string): DataHealth {
  const day = (at: number | string | null) => (at === null ? null : typeof at === 'string' ? at.slice(0, 10) : epochToLocalDate(timeZone, at));
  return {
    files: computed.ingest.files.map((f) => ({
      file: f.file,
      platform: f.platform,
      table: f.table,
      rowsRead: f.rowsRead,
      rowsKept: f.rowsKept,
      skipped: { ...f.skipped },
      firstDay: day(f.firstAt),
      lastDay: day(f.lastAt),
    })),
    errors: computed.ingest.problems.errorCount,
    warnings: computed.ingest.problems.list().filter((p) => p.severity === 'warning').length,
  };
}

/** The one JSON document of `--json`: output paths, headline figures, problems, timings. */
export function jsonResult(
  out: string | null,
  slides: number | null,
  ingest: Awaited<ReturnType<typeof loadAndCompute>>['ingest'],
  ms: number,
  metrics?: Awaited<ReturnType<typeof loadAndCompute>>['metrics'],
  delivery: DeliveryOutcome | null = null,
  timings: Record<string, number> = {},
) {
  return {
    ok: out !== null && !delivery?.failure,
    deck: out,
    ...deliveryJson(delivery),
    slides,
    quarter: metrics?.quarter ?? null,
    headline: metrics
      ? {
          gmv: metrics.overview.gmv,
          netSales: metrics.overview.netSales,
          orders: metrics.overview.orders,
          buyers: metrics.overview.buyers,
        }
      : null,
    problems: [...ingest.problems.list(), ...deliveryProblems(delivery)],
    timingsMs: { ...timings, total: ms },
  };
}

/** Delivery warnings and a delivery failure in the shape of input problems, for `--json`. */
export function deliveryProblems(delivery: DeliveryOutcome | null) {
  if (!delivery) return [];
  return [
    ...delivery.warnings.map((message) => ({ severity: 'warning' as const, message })),
    ...(delivery.failure ? [{ severity: 'error' as const, message: delivery.failure.message, hint: delivery.failure.hint }] : []),
  ];
}
