// `ecom-report build`: exports → metrics → deck → out/ecom-report-<quarter>.pptx.
import path from 'node:path';
import { writeAtomic } from '../../deliver/write.js';
import { ExitCode, UserError } from '../../errors.js';
import { buildDeck } from '../../report/build-deck.js';
import { Strings } from '../../report/strings.js';
import { renderDeck } from '../../render/pptx.js';
import { loadTemplate } from '../../template/load.js';
import type { TableName } from '../../canonical.js';
import type { CommandContext } from '../context.js';
import { loadAndCompute } from '../pipeline.js';
import { printProblems } from '../report-problems.js';

export interface BuildOptions {
  quarter?: string;
  config?: string;
  template?: string;
  locale?: 'zh-CN' | 'en';
  out?: string;
  metricsJson?: string;
  json?: boolean;
  allowPartial?: boolean;
}

export async function buildCommand(options: BuildOptions, ctx: CommandContext): Promise<number> {
  const started = ctx.now();
  const { workspace, ingest, metrics, periods } = await loadAndCompute(options, ctx);
  const { config } = workspace;
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
    throw new UserError('no order lines were read, so there is nothing to report', {
      hint: 'check the sources: files globs and presets in the workspace config',
    });
  }

  const locale = options.locale ?? config.locale;
  const templateRef = options.template ?? config.template;
  const template = await loadTemplate(
    templateRef,
    options.template ? ctx.cwd : workspace.baseDir,
    locale,
  );
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
  });
  // Pin every timestamp in the package to the report date so rebuilding gives the same bytes.
  const bytes = await renderDeck(deck, { theme: template.theme, fixedDate: new Date(`${reportDate}T00:00:00Z`) });

  const out = options.out
    ? path.resolve(ctx.cwd, options.out)
    : path.join(workspace.baseDir, 'out', `ecom-report-${metrics.quarter}.pptx`);
  if (options.metricsJson) {
    await writeAtomic(path.resolve(ctx.cwd, options.metricsJson), JSON.stringify(metrics, null, 2) + '\n');
  }
  await writeAtomic(out, bytes);
  const shown = path.relative(ctx.cwd, out) || out;
  ctx.stderr.write(`ecom-report: wrote ${shown} (${deck.slides.length} slides, ${metrics.quarter})\n`);
  if (options.json) {
    ctx.stdout.write(JSON.stringify(jsonResult(out, deck.slides.length, ingest, ctx.now() - started, metrics), null, 2) + '\n');
  }
  return ExitCode.ok;
}

function jsonResult(
  out: string | null,
  slides: number | null,
  ingest: Awaited<ReturnType<typeof loadAndCompute>>['ingest'],
  ms: number,
  metrics?: Awaited<ReturnType<typeof loadAndCompute>>['metrics'],
) {
  return {
    ok: out !== null,
    deck: out,
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
    problems: ingest.problems.list(),
    timingsMs: { total: ms },
  };
}
