// Slides and components a template asks for by figure id (deck.yaml `kind: chart` slides and
// `add:` components): a chart, KPI cards, insight cards or a table of one existing figure.
// Every number comes from the figure; every word from the locale; sentences are phrased by
// the direction of the change (growth, decline, flat, no comparison).
import type { Figure, Unit } from '../metrics/figure.js';
import { REGISTRY } from '../metrics/registry.js';
import type { ChartSpec, FigureRef, SlideSpec } from '../template/schema.js';
import {
  chartScale,
  chartUnit,
  deltas,
  figureText,
  monthLabel,
  nullableScaled,
  numberFormat,
  periodNote,
  platformName,
  round,
  sourceNote,
  type SectionContext,
} from './context.js';
import { defaultMeasure, figureAt, figureEntries, isFigure, type FigureEntry } from './figure-paths.js';
import { directionOf, formatGrowth, formatPercent, type Direction } from './format.js';
import type { Chart, ChartSeries, Component, ContentSlide, DiffArrow, InsightCard, KpiCard, TableBlock } from './model.js';

/** Figures where a rise is bad news, by registry key (a template can say `better:` instead). */
const LOWER_IS_BETTER = /refund|response|resolution|dormant|slowMoving|leadTime|late|stockout|cancel|complaint|cost|days?On/i;

type Row = Record<string, unknown>;

export class FigureLookup {
  readonly entries: FigureEntry[];
  private readonly byId: Map<string, FigureEntry>;

  constructor(private readonly ctx: SectionContext) {
    this.entries = figureEntries(ctx.m);
    this.byId = new Map(this.entries.map((e) => [e.id, e]));
  }

  get(id: string): FigureEntry {
    const e = this.byId.get(id);
    // deck.yaml is validated against the same entries before any slide is built.
    if (!e) throw new Error(`unknown figure '${id}'`);
    return e;
  }

  /** The registry key of a figure or of a breakdown's measure, for its locale name. */
  key(id: string, measure?: string): string | undefined {
    const path = measure ? `${id}[].${measure}` : id;
    const d = REGISTRY.find((r) => r.id === path || r.alsoAt?.includes(path) || (measure === undefined && r.alsoAt?.includes(id)));
    return d?.key ?? (measure ?? id.split('.').at(-1));
  }

  /** The figure's name in the reader's language. */
  label(id: string, measure?: string): string {
    const s = this.ctx.s;
    if (s.has(`figureNames.${id}`)) return s.t(`figureNames.${id}`);
    const key = this.key(id, measure);
    if (key && s.has(`figures.${key}`)) return s.t(`figures.${key}`);
    return id.split('.').at(-1) ?? id;
  }

  higherIsBetter(id: string, measure: string | undefined, better: 'higher' | 'lower' | undefined): boolean {
    if (better) return better === 'higher';
    return !LOWER_IS_BETTER.test(this.key(id, measure) ?? id);
  }

  rows(id: string): Row[] {
    const v = figureAt(this.ctx.m, id);
    return Array.isArray(v) ? (v as Row[]) : [];
  }

  scalar(id: string): Figure {
    const v = figureAt(this.ctx.m, id);
    if (!isFigure(v)) throw new Error(`'${id}' is not a single figure`);
    return v;
  }

  /** How a row is named on a slide: platform keys by the locale, months as month labels. */
  rowLabel(entry: FigureEntry, row: Row): string {
    const raw = String(row[entry.labelField ?? 'key'] ?? '');
    if (entry.labelField === 'month' && /^\d{4}-\d{2}$/.test(raw)) return monthLabel(raw, this.ctx.s);
    return platformName(raw, this.ctx.s);
  }

  measureOf(entry: FigureEntry, measure: string | undefined): string {
    return measure ?? defaultMeasure(this.ctx.m, entry) ?? entry.measures[0] ?? 'value';
  }

  /** The measure a chart spec draws: as named, else shares for a doughnut, else the default. */
  chartMeasure(spec: ChartSpec): string {
    const entry = this.get(spec.figure);
    const rows = this.rows(spec.figure);
    const hasShare = rows.length > 0 ? typeof rows[0]!['share'] === 'number' : entry.measures.includes('share');
    return spec.type === 'doughnut' && spec.measure === undefined && hasShare ? 'share' : this.measureOf(entry, spec.measure);
  }
}

/** A measure's value in a row for a period, and its unit. */
function cell(row: Row, measure: string, period: 'value' | 'previous' | 'yearAgo' = 'value'): { value: number | null; unit: Unit; figure?: Figure } {
  const v = row[measure];
  if (isFigure(v)) return { value: v[period], unit: v.unit, figure: v };
  if (typeof v === 'number') {
    // Plain numbers say their unit in their name: …Minor is money, shares and rates are ratios.
    const unit: Unit = measure.endsWith('Minor') ? 'minor' : /share|rate|ratio|confidence|support|coverage/i.test(measure) ? 'ratio' : 'count';
    return { value: period === 'value' ? v : null, unit };
  }
  return { value: null, unit: 'count' };
}

/** A measure's value as text in its unit (money, %, count …), or the locale's n/a. */
function cellText(ctx: SectionContext, c: { value: number | null; unit: Unit; figure?: Figure }): string {
  if (c.figure) return figureText(ctx, c.figure);
  return figureText(ctx, { value: c.value, unit: c.unit, previous: null, yearAgo: null, qoq: null, yoy: null });
}

/** Scales raw values of one unit for a chart: money by the locale's 万/亿 or K/M, ratios as %. */
function chartValues(ctx: SectionContext, unit: Unit, series: (number | null)[][]): { values: (number | null)[][]; numberFormat: string; unitLabel: string } {
  if (unit === 'minor') {
    const scale = chartScale(ctx, series.flat());
    return { values: series.map((vs) => vs.map((v) => nullableScaled(v, scale))), numberFormat: numberFormat(scale.decimals), unitLabel: chartUnit(ctx, scale) };
  }
  if (unit === 'ratio') return { values: series.map((vs) => vs.map((v) => (v === null ? null : round(v, 4)))), numberFormat: '0.0%', unitLabel: '' };
  if (unit === 'count') {
    // Counts per head and the like carry a decimal; whole counts do not.
    const whole = series.flat().every((v) => v === null || Number.isInteger(v));
    return whole ? { values: series, numberFormat: '#,##0', unitLabel: '' } : { values: series.map((vs) => vs.map((v) => (v === null ? null : round(v, 1)))), numberFormat: '#,##0.0', unitLabel: '' };
  }
  const word = ctx.s.has(`units.${unit}`) ? ctx.s.t(`units.${unit}`).trim() : '';
  return { values: series.map((vs) => vs.map((v) => (v === null ? null : round(v, 2)))), numberFormat: '#,##0.0', unitLabel: word };
}

function tone(direction: Direction, higherIsBetter: boolean): 'positive' | 'negative' | 'neutral' {
  if (direction === 'up') return higherIsBetter ? 'positive' : 'negative';
  if (direction === 'down') return higherIsBetter ? 'negative' : 'positive';
  return 'neutral';
}

/** The chart a `chart:` spec asks for. */
export function chartOf(ctx: SectionContext, look: FigureLookup, spec: ChartSpec): Chart {
  const s = ctx.s;
  const entry = look.get(spec.figure);
  const good = look.higherIsBetter(spec.figure, spec.measure, spec.better);
  const caption = spec.title ? s.t(spec.title) : look.label(spec.figure, spec.measure);
  const base = { type: 'chart' as const, title: caption, horizontal: spec.horizontal, higherIsBetter: good };

  if (entry.kind === 'scalar') {
    // One figure over its three periods, with the year-on-year and quarter-on-quarter changes.
    const f = look.scalar(spec.figure);
    // The periods that have a value (a team without last year's roster has two bars, not a gap).
    const periods = (
      [
        ['yearAgo', f.yearAgo, f.yoy],
        ['previous', f.previous, f.qoq],
        ['current', f.value, null],
      ] as const
    ).filter(([, v]) => v !== null);
    const scaled = chartValues(ctx, f.unit, [periods.map(([, v]) => v)]);
    const last = periods.length - 1;
    const arrows: DiffArrow[] = periods.flatMap(([, , g], i) =>
      i < last && g !== null && periods[last]![0] === 'current' ? [{ from: i, to: last, label: formatGrowth(g), tone: tone(directionOf(g), good) }] : [],
    );
    return {
      ...base,
      chartType: 'bar',
      categories: periods.map(([p]) => s.t(`generic.periods.${p}`)),
      series: [{ name: caption, values: scaled.values[0]! }],
      numberFormat: scaled.numberFormat,
      unitLabel: scaled.unitLabel,
      showValues: true,
      highlight: last,
      diffArrows: arrows,
    };
  }

  const rows = look.rows(spec.figure);
  const labels = rows.map((r) => look.rowLabel(entry, r));
  const measure = look.chartMeasure(spec);
  const unit = rows.length > 0 ? cell(rows[0]!, measure).unit : 'count';
  const current = rows.map((r) => cell(r, measure).value);
  const yearAgo = rows.map((r) => cell(r, measure, 'yearAgo').value);
  const name = look.label(spec.figure, measure);

  if (spec.type === 'waterfall') {
    // From the year-ago total to this quarter's, one step per row.
    const start = yearAgo.reduce<number>((a, v) => a + (v ?? 0), 0);
    const end = current.reduce<number>((a, v) => a + (v ?? 0), 0);
    const steps = rows.map((_, i) => (current[i] ?? 0) - (yearAgo[i] ?? 0));
    const scaled = chartValues(ctx, unit, [[start, ...steps, end]]);
    return {
      ...base,
      chartType: 'waterfall',
      categories: [s.t('generic.periods.yearAgo'), ...labels, s.t('generic.periods.current')],
      series: [{ name, values: scaled.values[0]! }],
      numberFormat: scaled.numberFormat,
      unitLabel: scaled.unitLabel,
      showValues: true,
    };
  }
  if (spec.type === 'stackedBar') {
    // Mix over the three periods: one stacked bar per period, a segment per row.
    const periods: ('yearAgo' | 'previous' | 'value')[] = ['yearAgo', 'previous', 'value'];
    const perRow = rows.map((r) => periods.map((p) => cell(r, measure, p).value));
    const scaled = chartValues(ctx, unit, perRow);
    return {
      ...base,
      chartType: 'stackedBar',
      categories: [s.t('generic.periods.yearAgo'), s.t('generic.periods.previous'), s.t('generic.periods.current')],
      series: labels.map((l, i) => ({ name: l, values: scaled.values[i]! })),
      numberFormat: scaled.numberFormat,
      unitLabel: scaled.unitLabel,
      showValues: true,
    };
  }
  if (spec.type === 'combo') {
    // Bars for the measure, a line for its year-on-year growth on the second axis.
    const growth = rows.map((r) => {
      const c = cell(r, measure);
      return c.figure?.yoy === undefined || c.figure.yoy === null ? null : round(c.figure.yoy, 4);
    });
    const scaled = chartValues(ctx, unit, [current]);
    return {
      ...base,
      chartType: 'combo',
      categories: labels,
      series: [
        { name, values: scaled.values[0]! },
        { name: s.t('generic.growthSeries'), values: growth, asLine: true },
      ],
      numberFormat: scaled.numberFormat,
      secondaryNumberFormat: '0.0%',
      unitLabel: scaled.unitLabel,
      secondaryUnitLabel: '%',
      showValues: false,
    };
  }
  const compare = (spec.compare ?? false) && spec.type !== 'doughnut' && spec.type !== 'funnel' && unit !== 'ratio';
  const scaled = chartValues(ctx, unit, compare ? [current, yearAgo] : [current]);
  const series: ChartSeries[] = [{ name: compare ? s.t('generic.periods.current') : name, values: scaled.values[0]! }];
  if (compare) series.push({ name: s.t('generic.periods.yearAgo'), values: scaled.values[1]!, comparison: true });
  return {
    ...base,
    chartType: spec.type as Chart['chartType'],
    categories: labels,
    series,
    numberFormat: scaled.numberFormat,
    unitLabel: scaled.unitLabel,
    showValues: spec.type !== 'line' || rows.length <= 6,
  };
}

/** A KPI card of one figure. */
export function kpiOf(ctx: SectionContext, look: FigureLookup, ref: FigureRef): KpiCard {
  const f = look.scalar(ref.figure);
  return { type: 'kpi', label: look.label(ref.figure), value: figureText(ctx, f), deltas: deltas(ctx, f, look.higherIsBetter(ref.figure, undefined, ref.better)) };
}

function qoqPhrase(ctx: SectionContext, f: Figure): string {
  return ctx.s.t(`generic.qoqPhrase.${directionOf(f.qoq)}`, { qoq: f.qoq === null ? '' : formatGrowth(f.qoq, true) });
}

/** An insight card of one figure: its name, value and the change phrased by direction. */
export function insightOf(ctx: SectionContext, look: FigureLookup, ref: FigureRef): InsightCard {
  const s = ctx.s;
  const entry = look.get(ref.figure);
  if (entry.kind === 'scalar') {
    const f = look.scalar(ref.figure);
    const good = look.higherIsBetter(ref.figure, undefined, ref.better);
    const dir = directionOf(f.yoy);
    return {
      type: 'insight',
      headline: look.label(ref.figure),
      value: figureText(ctx, f),
      sentence: s.t(`generic.insight.scalar.${dir}`, { yoy: f.yoy === null ? '' : formatGrowth(f.yoy, true), qoqPhrase: qoqPhrase(ctx, f) }),
      tone: tone(dir, good),
    };
  }
  // A breakdown or series: its leading row (or latest period) and how it moved.
  const rows = look.rows(ref.figure);
  const measure = look.measureOf(entry, ref.measure);
  const row = entry.kind === 'series' ? rows.at(-1) : [...rows].sort((a, b) => (cell(b, measure).value ?? -Infinity) - (cell(a, measure).value ?? -Infinity))[0];
  const figureName = look.label(ref.figure, measure);
  if (!row) {
    return { type: 'insight', headline: figureName, value: s.t('comparisons.na'), sentence: s.t('generic.insight.empty'), tone: 'neutral' };
  }
  const c = cell(row, measure);
  // A plain share has no comparison of its own: its direction is that of the money it shares.
  const f = c.figure ?? cell(row, look.measureOf(entry, undefined)).figure;
  const dir = directionOf(f?.yoy ?? null);
  const good = look.higherIsBetter(ref.figure, measure, ref.better);
  const share = typeof row['share'] === 'number' ? formatPercent(row['share']) : undefined;
  const value = share ?? cellText(ctx, c);
  const top = look.rowLabel(entry, row);
  return {
    type: 'insight',
    headline: s.t(entry.kind === 'series' ? 'generic.insight.latest.headline' : 'generic.insight.top.headline', { top, figure: figureName }),
    value,
    sentence: s.t(`generic.insight.${share ? 'top' : 'latest'}.sentence.${dir}`, {
      top,
      figure: figureName,
      value: cellText(ctx, c),
      share: share ?? '',
      yoy: f?.yoy == null ? '' : formatGrowth(f.yoy, true),
    }),
    tone: tone(dir, good),
  };
}

/** A table of a breakdown or series: name, the measure, share (when there is one), YoY. */
export function tableOf(ctx: SectionContext, look: FigureLookup, ref: FigureRef): TableBlock {
  const s = ctx.s;
  const entry = look.get(ref.figure);
  const rows = look.rows(ref.figure);
  const measure = look.measureOf(entry, ref.measure);
  const hasShare = rows.length > 0 && typeof rows[0]!['share'] === 'number';
  const na = s.t('comparisons.na');
  const good = look.higherIsBetter(ref.figure, measure, ref.better);
  const labelKey = `labels.${entry.labelField === 'key' ? (ref.figure.toLowerCase().includes('platform') ? 'platform' : 'category') : entry.labelField}`;
  const header = [s.has(labelKey) ? s.t(labelKey) : s.t('generic.table.item'), look.label(ref.figure, measure), ...(hasShare ? [s.t('figures.share')] : []), s.t('comparisons.yoy')];
  return {
    type: 'table',
    header,
    align: header.map((_, i) => (i === 0 ? 'left' : 'right')),
    rows: rows.map((r) => {
      const c = cell(r, measure);
      const value = cellText(ctx, c);
      const yoy = c.figure?.yoy == null ? na : formatGrowth(c.figure.yoy);
      return [look.rowLabel(entry, r), value, ...(hasShare ? [typeof r['share'] === 'number' ? formatPercent(r['share']) : na] : []), yoy];
    }),
    tones: rows.map((r) => {
      const yoy = cell(r, measure).figure?.yoy ?? null;
      return [...Array(hasShare ? 3 : 2).fill(null), tone(directionOf(yoy), good)] as ('positive' | 'negative' | 'neutral' | null)[];
    }),
  };
}

/** The components of an `add:` list. */
export function addedComponents(ctx: SectionContext, look: FigureLookup, add: readonly Record<string, unknown>[]): Component[] {
  return add.map((c) => {
    const [kind, body] = Object.entries(c)[0]!;
    const ref = (typeof body === 'string' ? { figure: body } : body) as FigureRef & ChartSpec;
    if (kind === 'chart') return chartOf(ctx, look, ref);
    if (kind === 'kpi') return kpiOf(ctx, look, ref);
    if (kind === 'insight') return insightOf(ctx, look, ref);
    return tableOf(ctx, look, ref);
  });
}

/** The definitions of the figures an `add:` list shows, for the slide's notes. */
export function addedNotes(ctx: SectionContext, look: FigureLookup, add: readonly Record<string, unknown>[]): string[] {
  const ids = add.map((c) => {
    const [kind, body] = Object.entries(c)[0]!;
    const ref = (typeof body === 'string' ? { figure: body } : body) as FigureRef & ChartSpec;
    const scalar = look.get(ref.figure).kind === 'scalar';
    // Insight cards and tables of a breakdown show its shares when it has them.
    const shares = !scalar && look.get(ref.figure).measures.includes('share') ? 'share' : undefined;
    return { figure: ref.figure, measure: scalar ? undefined : kind === 'chart' ? look.chartMeasure(ref) : (ref.measure ?? shares) };
  });
  return definitionLines(ctx, look, ids);
}

function definitionLines(ctx: SectionContext, look: FigureLookup, ids: { figure: string; measure?: string }[]): string[] {
  const s = ctx.s;
  const defs = ids.flatMap(({ figure, measure }) => {
    const entry = look.get(figure);
    // A breakdown's own measure, and the money figure it splits (a share of GMV needs GMV's definition too).
    const measures = entry.kind === 'scalar' ? [undefined] : [...new Set([look.measureOf(entry, undefined), look.measureOf(entry, measure)])];
    return measures.flatMap((m) => {
      const key = look.key(figure, m);
      const name = key && s.has(`figures.${key}`) ? s.t(`figures.${key}`) : look.label(figure, m);
      return key && s.has(`definitions.${key}`) ? [s.t('notes.definition', { name, text: s.t(`definitions.${key}`) })] : [];
    });
  });
  return [...new Set(defs)];
}

/** The notes of a slide made from figures: what it shows, each figure's definition, provenance. */
function notesFor(ctx: SectionContext, look: FigureLookup, title: string, ids: { figure: string; measure?: string }[]): string[] {
  const s = ctx.s;
  const defs = definitionLines(ctx, look, ids);
  const tables = [...new Set(ids.flatMap(({ figure, measure }) => {
    const path = measure ? `${figure}[].${measure}` : figure;
    const d = REGISTRY.find((r) => r.id === path || r.alsoAt?.includes(path) || r.alsoAt?.includes(figure));
    return d?.tables ?? ['order_lines' as const];
  }))];
  return [s.t('notes.shows', { what: title }), ...defs, periodNote(ctx), sourceNote(ctx, tables)];
}

/** A slide deck.yaml adds with `kind:` around existing figures. */
export function genericSlide(ctx: SectionContext, look: FigureLookup, spec: SlideSpec): ContentSlide {
  const s = ctx.s;
  const components: Component[] = [];
  const ids: { figure: string; measure?: string }[] = [];
  let layout: ContentSlide['layout'] = 'chart';
  if (spec.kind === 'chart') {
    const charts = [...(spec.chart ? [spec.chart] : []), ...(spec.charts ?? [])];
    for (const c of charts) {
      components.push(chartOf(ctx, look, c));
      ids.push({ figure: c.figure, measure: look.get(c.figure).kind === 'scalar' ? undefined : look.chartMeasure(c) });
    }
    layout = charts.length > 1 ? 'two-charts' : 'chart';
  } else if (spec.kind === 'kpis' || spec.kind === 'insights') {
    for (const f of spec.figures ?? []) {
      components.push(spec.kind === 'kpis' ? kpiOf(ctx, look, f) : insightOf(ctx, look, f));
      ids.push({ figure: f.figure, measure: f.measure });
    }
    layout = spec.kind === 'kpis' ? 'kpi-row' : 'cards';
  } else if (spec.table) {
    components.push(tableOf(ctx, look, spec.table));
    ids.push({ figure: spec.table.figure, measure: spec.table.measure });
    layout = 'table';
  }
  const first = ids[0];
  const title = spec.title ? s.t(spec.title) : first ? look.label(first.figure, first.measure) : spec.id;
  // The headline: the first figure's own sentence.
  const headline = first ? headlineOf(ctx, look, first.figure, first.measure) : undefined;
  return {
    kind: 'content',
    id: spec.id,
    title,
    headline,
    layout,
    components,
    notes: notesFor(ctx, look, title, ids),
  };
}

/** A single figure: "GMV ¥42.9万，同比增长 …"; a breakdown or series: its insight sentence. */
function headlineOf(ctx: SectionContext, look: FigureLookup, figure: string, measure?: string): string {
  const card = insightOf(ctx, look, { figure, measure });
  if (look.get(figure).kind !== 'scalar') return card.sentence;
  return ctx.s.t('generic.headline', { figure: card.headline, value: card.value, sentence: card.sentence });
}

