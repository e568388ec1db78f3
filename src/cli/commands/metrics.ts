// `ecom-report metrics`: the figures as a table on stdout, or the metrics document with --json.
import { ExitCode } from '../../errors.js';
import type { DiagnosisMetrics, Fact } from '../../metrics/diagnosis/types.js';
import type { Figure } from '../../metrics/figure.js';
import { majorUnitsText } from '../../currency.js';
import { formatGrowth } from '../../report/format.js';
import type { CommandContext } from '../context.js';
import { padEndTo, padStartTo, textWidth } from '../text-width.js';
import { loadAndCompute } from '../pipeline.js';
import { printProblems } from '../report-problems.js';

export interface MetricsOptions {
  quarter?: string;
  config?: string;
  json?: boolean;
}

export async function metricsCommand(options: MetricsOptions, ctx: CommandContext): Promise<number> {
  const { ingest, metrics } = await loadAndCompute(options, ctx);
  printProblems(ingest, ctx);
  if (options.json) {
    ctx.stdout.write(JSON.stringify(metrics, null, 2) + '\n');
  } else {
    const o = metrics.overview;
    const rows: [string, Figure][] = [
      ['overview.gmv', o.gmv],
      ['overview.netSales', o.netSales],
      ['overview.refunds', o.refunds],
      ['overview.orders', o.orders],
      ['overview.buyers', o.buyers],
      ...o.byPlatform.map((r): [string, Figure] => [`overview.byPlatform.${r.key}.gmv`, r.gmv]),
      ...o.byCategory.map((r): [string, Figure] => [`overview.byCategory.${r.key}.gmv`, r.gmv]),
    ];
    ctx.stdout.write(`${metrics.quarter} (${metrics.periods.current.start} … ${metrics.periods.current.end}, ${metrics.timezone}, money in ${metrics.currency})\n`);
    // Money in the currency's major unit: cents and fen to 2 places, yen and won as they are.
    const currency = metrics.currency;
    ctx.stdout.write(table([['figure', 'value', 'previous', 'yearAgo', 'QoQ', 'YoY'], ...rows.map(([id, f]) => figureRow(id, f, currency))]));
    if (metrics.diagnosis) ctx.stdout.write('\n' + diagnosisTable(metrics.diagnosis, currency));
  }
  return ingest.problems.hasErrors ? ExitCode.input : ExitCode.ok;
}

/** Findings ranked by money at stake, then every rule that did not fire (passed / not checked). */
function diagnosisTable(d: DiagnosisMetrics, currency: string): string {
  const fact = (f: Fact | null) => (f === null ? 'n/a' : f.unit === 'ratio' ? `${(f.value * 100).toFixed(1)}%` : f.unit === 'minor' ? majorUnitsText(f.value, currency) : `${Number(f.value.toFixed(2))} ${f.unit}`);
  const rows = [
    ...d.findings.map((f) => [f.ruleId, 'fired', f.subject ?? '', fact(f.observed), fact(f.threshold), f.moneyAtStakeMinor === null ? 'n/a' : majorUnitsText(f.moneyAtStakeMinor, currency)]),
    ...d.rules
      .filter((r) => r.status !== 'fired')
      .map((r) => [r.id, r.status === 'notChecked' ? `not checked (no ${r.missing.join(', ')})` : 'passed', '', fact(r.observed), fact(r.threshold), '']),
  ];
  return 'diagnosis (findings ranked by money at stake)\n' + table([['rule', 'status', 'subject', 'observed', 'threshold', 'atStake'], ...rows], 3);
}

function amount(v: number | null, unit: Figure['unit'], currency: string): string {
  if (v === null) return 'n/a';
  return unit === 'minor' ? majorUnitsText(v, currency) : String(v);
}

function figureRow(id: string, f: Figure, currency: string): string[] {
  const g = (x: number | null) => (x === null ? 'n/a' : formatGrowth(x));
  return [id, amount(f.value, f.unit, currency), amount(f.previous, f.unit, currency), amount(f.yearAgo, f.unit, currency), g(f.qoq), g(f.yoy)];
}

/** Columns padded by terminal width (a Chinese character takes two); `left` columns are text, the rest figures. */
function table(rows: string[][], left = 1): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => textWidth(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => (i < left ? padEndTo(c, widths[i]!) : padStartTo(c, widths[i]!))).join('  ').trimEnd();
  return rows.map(line).join('\n') + '\n';
}
