// Native, editable PowerPoint charts from the model's Chart: bar, stacked bar, line, combo
// (bars + lines on a secondary axis), doughnut, and the two built from stacked bars with an
// invisible base — waterfall (bridge) and funnel. Where a chart needs shapes placed against its
// bars (difference arrows, funnel step labels), its plot area is laid out manually so the bar
// positions are known exactly. Per-series label touch-ups go through `ChartFixup`.
import type { Chart, ChartSeries, DiffArrow } from '../report/model.js';
import { fitOneLine, textWidthIn } from '../report/text-fit.js';
import type { Theme } from '../template/schema.js';
import type { ChartFixup } from './chart-xml.js';
import type { Box } from './layout.js';
import type { ChartOptions, Pptx, PptxSlide } from './pptxgen.js';

export interface ChartStyle {
  colors: Theme['colors'];
  font: string;
  numberFont: string;
  locale: string;
}

/** What the renderer must remember about a chart it added: label touch-ups for its part. */
export type ChartRecorder = (fixup: ChartFixup | undefined) => void;

type ChartData = { name: string; labels: string[]; values: number[] };

export function drawChart(pptx: Pptx, slide: PptxSlide, chart: Chart, box: Box, style: ChartStyle, record: ChartRecorder): void {
  switch (chart.chartType) {
    case 'bar':
    case 'stackedBar':
      return barChart(pptx, slide, chart, box, style, record);
    case 'line':
      return lineChart(pptx, slide, chart, box, style, record);
    case 'combo':
      return comboChart(pptx, slide, chart, box, style, record);
    case 'doughnut':
      return doughnutChart(pptx, slide, chart, box, style, record);
    case 'waterfall':
      return waterfallChart(pptx, slide, chart, box, style, record);
    case 'funnel':
      return funnelChart(pptx, slide, chart, box, style, record);
  }
}

/** Whether the chart is drawn without a value axis (its data labels carry the numbers, its caption the unit). */
export function valueAxisHidden(chart: Chart): boolean {
  if (chart.chartType === 'waterfall' || chart.chartType === 'funnel') return true;
  if (chart.chartType !== 'bar') return false;
  if (chart.horizontal) return chart.showValues ?? false;
  return (chart.diffArrows ?? []).some((a) => validArrow(a, chart));
}

/** Whether a chart has anything to draw (every value missing means it has not). */
export function chartHasData(chart: Chart): boolean {
  return chart.categories.length > 0 && chart.series.some((s) => s.values.some((v) => v !== null && Number.isFinite(v)));
}

function data(chart: Chart, series: readonly ChartSeries[] = chart.series): ChartData[] {
  // pptxgenjs has no "missing" value: nulls stay empty cells (fixChartXml drops the empty points).
  return series.map((s) => ({ name: s.name, labels: chart.categories, values: s.values as number[] }));
}

/** Series colours: the palette in order, comparison periods in the muted colour. */
function seriesColors(series: readonly ChartSeries[], style: ChartStyle): string[] {
  let k = 0;
  return series.map((s) => (s.comparison ? style.colors.muted : style.colors.series[k++ % style.colors.series.length]!));
}

function common(chart: Chart, box: Box, style: ChartStyle): ChartOptions {
  const c = style.colors;
  const many = chart.categories.length > 8;
  return {
    x: box.x,
    y: box.y,
    w: box.w,
    h: box.h,
    showLegend: chart.series.length > 1,
    legendPos: 'b',
    legendFontSize: 11,
    legendFontFace: style.font,
    legendColor: c.text,
    catAxisLabelFontFace: style.font,
    catAxisLabelFontSize: many ? 10 : 11,
    catAxisLabelColor: c.text,
    catAxisLineShow: true,
    catAxisLineColor: c.grid,
    catAxisMajorTickMark: 'none',
    valAxisLabelFontFace: style.font,
    valAxisLabelFontSize: 10,
    valAxisLabelColor: c.neutral,
    valAxisLabelFormatCode: chart.numberFormat,
    valAxisLineShow: false,
    valAxisMajorTickMark: 'none',
    valGridLine: { color: c.grid, size: 0.5 },
    catGridLine: { style: 'none' },
    dataLabelFormatCode: chart.numberFormat,
    dataLabelFontFace: style.font,
    dataLabelFontSize: many ? 9 : 10,
    dataLabelColor: c.text,
    showValue: chart.showValues ?? false,
    showValAxisTitle: chart.unitLabel !== '',
    valAxisTitle: chart.unitLabel,
    valAxisTitleFontSize: 10,
    valAxisTitleColor: c.neutral,
    valAxisTitleFontFace: style.font,
    lang: style.locale,
  };
}

// ---- bar and stacked bar -----------------------------------------------------------------

function barChart(pptx: Pptx, slide: PptxSlide, chart: Chart, box: Box, style: ChartStyle, record: ChartRecorder): void {
  const stacked = chart.chartType === 'stackedBar';
  const horizontal = chart.horizontal ?? false;
  const colors = seriesColors(chart.series, style);
  const single = chart.series.length === 1;
  // One series: one colour for every bar (pptxgenjs colours bars one by one when given more),
  // or every bar muted but the highlighted one.
  const chartColors =
    single && chart.highlight !== undefined
      ? chart.categories.map((_, i) => (i === chart.highlight ? style.colors.accent : style.colors.muted))
      : single
        ? [colors[0]!]
        : colors;
  const arrows = !horizontal && !stacked ? (chart.diffArrows ?? []).filter((a) => validArrow(a, chart)) : [];
  const opts: ChartOptions = {
    ...common(chart, box, style),
    chartColors,
    barDir: horizontal ? 'bar' : 'col',
    barGrouping: stacked ? 'stacked' : 'clustered',
    barGapWidthPct: stacked ? 55 : chart.series.length > 1 ? 70 : 90,
    dataLabelPosition: stacked ? 'ctr' : 'outEnd',
  };
  if (horizontal) {
    // First category on top, as a reader scans a ranking; labelled bars need no value axis.
    (opts as { catAxisOrientation?: string }).catAxisOrientation = 'maxMin';
    if (opts.showValue) Object.assign(opts, { valAxisHidden: true, valGridLine: { style: 'none' }, showValAxisTitle: false, valAxisMinVal: 0 });
  }
  if (stacked) {
    opts.dataLabelColor = 'FFFFFF';
    // An empty segment would still print "0" on its neighbour: the format's zero section is empty.
    if (!chart.numberFormat.includes(';')) opts.dataLabelFormatCode = `${chart.numberFormat};-${chart.numberFormat};`;
  }
  if (arrows.length > 0) {
    const geometry = columnGeometry(chart, box, arrows.length);
    Object.assign(opts, {
      layout: geometry.layout,
      valAxisMinVal: 0,
      valAxisMaxVal: geometry.max,
      valAxisHidden: true,
      valGridLine: { style: 'none' },
      showValAxisTitle: false,
      showValue: true,
    });
    slide.addChart(pptx.ChartType.bar, data(chart), opts);
    record(undefined);
    drawDiffArrows(pptx, slide, chart, arrows, geometry, style);
    return;
  }
  slide.addChart(pptx.ChartType.bar, data(chart), opts);
  record(undefined);
}

function validArrow(a: DiffArrow, chart: Chart): boolean {
  const v = chart.series[0]?.values;
  return !!v && a.from !== a.to && v[a.from] != null && v[a.to] != null;
}

interface ColumnGeometry {
  layout: { x: number; y: number; w: number; h: number };
  plot: Box;
  max: number;
  /** Centre x and top y (inches) of bar `i` of series `s`. */
  bar: (i: number, s: number) => { x: number; top: number };
}

const ARROW_STEP = 0.38;

/**
 * A column chart with a manual inner plot area and a fixed value axis, leaving room above the
 * bars for `arrowCount` stacked difference arrows.
 */
function columnGeometry(chart: Chart, box: Box, arrowCount: number): ColumnGeometry {
  const legend = chart.series.length > 1 ? 0.35 : 0;
  const plot: Box = { x: box.x + 0.15, y: box.y + 0.1, w: box.w - 0.3, h: box.h - 0.1 - 0.45 - legend };
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const maxValue = Math.max(0, ...values) || 1;
  // Room for a data label (0.3") and each arrow level above the tallest bar.
  const headroom = 0.3 + ARROW_STEP * arrowCount + 0.08;
  const max = (maxValue * plot.h) / Math.max(0.5, plot.h - headroom);
  const n = chart.categories.length;
  const m = chart.series.length;
  const gap = (m > 1 ? 70 : 90) / 100;
  const band = plot.w / n;
  const barW = band / (m + gap);
  return {
    layout: { x: (plot.x - box.x) / box.w, y: (plot.y - box.y) / box.h, w: plot.w / box.w, h: plot.h / box.h },
    plot,
    max,
    bar: (i, s) => {
      const v = chart.series[s]?.values[i] ?? 0;
      return { x: plot.x + i * band + (gap * barW) / 2 + s * barW + barW / 2, top: plot.y + plot.h - ((v ?? 0) / max) * plot.h };
    },
  };
}

/** think-cell style brackets: up from one bar, across, down onto the other, with the change. */
function drawDiffArrows(pptx: Pptx, slide: PptxSlide, chart: Chart, arrows: DiffArrow[], g: ColumnGeometry, style: ChartStyle): void {
  const c = style.colors;
  // Shorter spans sit lower so brackets nest without crossing.
  const ordered = [...arrows].sort((a, b) => Math.abs(a.to - a.from) - Math.abs(b.to - b.from));
  const tallest = Math.min(...chart.categories.map((_, i) => g.bar(i, 0).top));
  ordered.forEach((a, k) => {
    const from = g.bar(a.from, 0);
    const to = g.bar(a.to, 0);
    const spanTop = Math.min(
      ...chart.categories.map((_, i) => g.bar(i, 0).top).filter((_, i) => i >= Math.min(a.from, a.to) && i <= Math.max(a.from, a.to)),
    );
    const level = Math.min(spanTop, tallest + 0.0) - 0.34 - ARROW_STEP * k - 0.12;
    const color = a.tone === 'positive' ? c.positive : a.tone === 'negative' ? c.negative : c.neutral;
    const line = { color: c.neutral, width: 1 };
    const startY = from.top - 0.3;
    const endY = to.top - 0.3;
    slide.addShape(pptx.ShapeType.line, { x: from.x, y: level, w: 0, h: Math.max(0.01, startY - level), line });
    slide.addShape(pptx.ShapeType.line, { x: Math.min(from.x, to.x), y: level, w: Math.abs(to.x - from.x), h: 0, line });
    slide.addShape(pptx.ShapeType.line, {
      x: to.x,
      y: level,
      w: 0,
      h: Math.max(0.01, endY - level),
      line: { ...line, endArrowType: 'triangle' },
    });
    const pt = 11;
    const w = textWidthIn(a.label, pt) + 0.24;
    slide.addText(a.label, {
      x: (from.x + to.x) / 2 - w / 2,
      y: level - 0.15,
      w,
      h: 0.3,
      fontSize: pt,
      bold: true,
      color,
      fontFace: style.numberFont,
      align: 'center',
      valign: 'middle',
      margin: 0,
      fill: { color: c.background },
      line: { color, width: 0.75 },
      rectRadius: 0.08,
      shape: pptx.ShapeType.roundRect,
      lang: style.locale,
    });
  });
}

// ---- line --------------------------------------------------------------------------------

function lineChart(pptx: Pptx, slide: PptxSlide, chart: Chart, box: Box, style: ChartStyle, record: ChartRecorder): void {
  const colors = seriesColors(chart.series, style);
  slide.addChart(pptx.ChartType.line, data(chart), {
    ...common(chart, box, style),
    chartColors: colors,
    lineSize: 2.25,
    lineDataSymbol: 'circle',
    lineDataSymbolSize: 6,
    dataLabelPosition: 't',
  });
  // Comparison lines are thinner and dashed so the current period reads first.
  const fix: ChartFixup = { series: {} };
  chart.series.forEach((s, i) => {
    if (s.comparison) fix.series[i] = { hideLabels: true };
  });
  record(Object.keys(fix.series).length > 0 ? fix : undefined);
}

// ---- combo -------------------------------------------------------------------------------

function comboChart(pptx: Pptx, slide: PptxSlide, chart: Chart, box: Box, style: ChartStyle, record: ChartRecorder): void {
  const bars = chart.series.filter((s) => !s.asLine);
  const lines = chart.series.filter((s) => s.asLine);
  const colors = seriesColors(chart.series, style);
  const barColors = chart.series.flatMap((s, i) => (s.asLine ? [] : [colors[i]!]));
  // Lines in the primary colour (then the palette after the bars' colours), so they read over the bars.
  const lineColors = lines.map((_, i) => (i === 0 ? style.colors.primary : style.colors.series[(bars.length + i) % style.colors.series.length]!));
  // A share line (all values within 0…1 and shown as %) gets a 0–100% axis.
  const lineValues = lines.flatMap((l) => l.values).filter((v): v is number => v !== null);
  const shareLine = (chart.secondaryNumberFormat ?? '').includes('%') && lineValues.length > 0 && lineValues.every((v) => v >= 0 && v <= 1);
  const base = common(chart, box, style);
  const secondaryFormat = chart.secondaryNumberFormat ?? chart.numberFormat;
  const types = [
    {
      type: pptx.ChartType.bar,
      data: data(chart, bars),
      options: {
        chartColors: barColors.length > 1 ? barColors : [barColors[0] ?? style.colors.accent],
        barGrouping: 'clustered',
        barGapWidthPct: 60,
        // Inside the bar's end, so the line's labels above the points do not collide with them.
        dataLabelPosition: 'inEnd' as const,
        dataLabelColor: 'FFFFFF',
      },
    },
    {
      type: pptx.ChartType.line,
      data: data(chart, lines),
      options: {
        chartColors: lineColors,
        secondaryValAxis: true,
        secondaryCatAxis: true,
        lineSize: 2.25,
        lineDataSymbol: 'circle' as const,
        lineDataSymbolSize: 6,
        dataLabelPosition: 't' as const,
        dataLabelFormatCode: secondaryFormat,
        // Many points: the line's labels would sit on the bars' labels; its axis reads instead.
        showValue: (chart.showValues ?? false) && chart.categories.length <= 6,
      },
    },
  ];
  const valAxis = (title: string, format: string, secondary: boolean) => ({
    showValAxisTitle: title !== '',
    valAxisTitle: title,
    valAxisTitleFontSize: 10,
    valAxisTitleColor: style.colors.neutral,
    valAxisTitleFontFace: style.font,
    valAxisLabelFormatCode: format,
    valAxisLabelFontSize: 10,
    valAxisLabelFontFace: style.font,
    valAxisLabelColor: style.colors.neutral,
    valAxisLineShow: false,
    valAxisMajorTickMark: 'none' as const,
    valGridLine: secondary ? { style: 'none' as const } : { color: style.colors.grid, size: 0.5 },
    // Bars start at zero: a cut axis would misstate them.
    valAxisMinVal: 0,
    ...(secondary && shareLine ? { valAxisMaxVal: 1 } : {}),
  });
  // For several chart types pptxgenjs takes the options as the second argument.
  slide.addChart(types as unknown as Parameters<PptxSlide['addChart']>[0], {
    ...base,
    showLegend: true,
    valAxes: [valAxis(chart.unitLabel, chart.numberFormat, false), valAxis(chart.secondaryUnitLabel ?? '', secondaryFormat, true)],
    catAxes: [{ catAxisTitle: '' }, { catAxisHidden: true }],
  } as never);
  record(undefined);
}

// ---- doughnut ----------------------------------------------------------------------------

function doughnutChart(pptx: Pptx, slide: PptxSlide, chart: Chart, box: Box, style: ChartStyle, record: ChartRecorder): void {
  const colors = chart.categories.map((_, i) => style.colors.series[i % style.colors.series.length]!);
  slide.addChart(pptx.ChartType.doughnut, data(chart), {
    ...common(chart, box, style),
    chartColors: colors,
    showLegend: true,
    legendPos: 'r',
    holeSize: 58,
    showPercent: false,
    showValue: chart.showValues ?? true,
    dataLabelColor: 'FFFFFF',
    dataLabelFontSize: 11,
    dataLabelFontBold: true,
    showValAxisTitle: false,
    firstSliceAng: 0,
  });
  record(undefined);
}

// ---- waterfall (bridge) ------------------------------------------------------------------

/**
 * The bridge as four stacked series: an invisible base, the totals (first and last value),
 * increases and decreases. Steps are labelled with their sign; totals plainly.
 */
export function waterfallSeries(values: readonly (number | null)[]): { base: (number | null)[]; total: (number | null)[]; up: (number | null)[]; down: (number | null)[] } {
  const n = values.length;
  const base: (number | null)[] = [];
  const total: (number | null)[] = [];
  const up: (number | null)[] = [];
  const down: (number | null)[] = [];
  let running = 0;
  values.forEach((raw, i) => {
    const v = raw ?? 0;
    if (i === 0 || i === n - 1) {
      base.push(null);
      total.push(v);
      up.push(null);
      down.push(null);
      running = v;
      return;
    }
    // Chart values carry a few decimals; keep sums from growing float noise (43.800000000000004).
    const next = Math.round((running + v) * 1e9) / 1e9;
    // Bars hang between the running total before and after the step; below zero they clip at 0.
    base.push(Math.max(0, Math.min(running, next)) || null);
    total.push(null);
    up.push(v >= 0 ? v : null);
    down.push(v < 0 ? -v : null);
    running = next;
  });
  return { base, total, up, down };
}

function waterfallChart(pptx: Pptx, slide: PptxSlide, chart: Chart, box: Box, style: ChartStyle, record: ChartRecorder): void {
  const values = chart.series[0]?.values ?? [];
  const w = waterfallSeries(values);
  const name = chart.series[0]?.name ?? '';
  const good = chart.higherIsBetter ?? true;
  const c = style.colors;
  const upColor = tint(good ? c.positive : c.negative, 0.45);
  const downColor = tint(good ? c.negative : c.positive, 0.45);
  const series = [
    { name: '', labels: chart.categories, values: w.base as number[] },
    { name, labels: chart.categories, values: w.total as number[] },
    { name: `${name} +`, labels: chart.categories, values: w.up as number[] },
    { name: `${name} −`, labels: chart.categories, values: w.down as number[] },
  ];
  slide.addChart(pptx.ChartType.bar, series, {
    ...common(chart, box, style),
    chartColors: ['transparent', c.primary, upColor, downColor],
    barDir: 'col',
    barGrouping: 'stacked',
    barGapWidthPct: 45,
    showLegend: false,
    showValue: true,
    dataLabelPosition: 'inEnd',
    valAxisHidden: true,
    showValAxisTitle: false,
    valGridLine: { style: 'none' },
    valAxisMinVal: 0,
  });
  const digits = chart.numberFormat;
  record({
    series: {
      0: { hideLabels: true },
      1: { labelColor: 'FFFFFF', labelPosition: 'inEnd' },
      2: { labelFormat: `+${digits};-${digits};;`, labelColor: c.text, labelPosition: 'inEnd' },
      3: { labelFormat: `-${digits};+${digits};;`, labelColor: c.text, labelPosition: 'inEnd' },
    },
  });
}

// ---- funnel ------------------------------------------------------------------------------

/** Centred bars: an invisible base of half the gap to the widest step, then the step itself. */
export function funnelSeries(values: readonly (number | null)[]): { base: number[]; step: number[] } {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return { base: values.map((v) => (max - (v ?? 0)) / 2), step: values.map((v) => v ?? 0) };
}

function funnelChart(pptx: Pptx, slide: PptxSlide, chart: Chart, box: Box, style: ChartStyle, record: ChartRecorder): void {
  const values = chart.series[0]?.values ?? [];
  const f = funnelSeries(values);
  const n = chart.categories.length;
  const c = style.colors;
  const labels = chart.stepLabels ?? [];
  const labelW = labels.length > 0 ? Math.min(2.2, Math.max(1.0, ...labels.map((l) => textWidthIn(l, 11) + 0.45))) : 0;
  const catW = Math.min(box.w * 0.3, Math.max(0.8, ...chart.categories.map((l) => textWidthIn(l, 11) + 0.25)));
  const plot: Box = { x: box.x + catW, y: box.y + 0.05, w: box.w - catW - labelW - 0.1, h: box.h - 0.1 };
  slide.addChart(
    pptx.ChartType.bar,
    [
      { name: '', labels: chart.categories, values: f.base },
      { name: chart.series[0]?.name ?? '', labels: chart.categories, values: f.step },
    ],
    {
      ...common(chart, box, style),
      chartColors: ['transparent', tint(c.accent, 0.2)],
      barDir: 'bar',
      barGrouping: 'stacked',
      barGapWidthPct: 35,
      showLegend: false,
      showValue: true,
      dataLabelPosition: 'ctr',
      dataLabelColor: c.text,
      dataLabelFontBold: true,
      dataLabelFontSize: 11,
      valAxisHidden: true,
      showValAxisTitle: false,
      valGridLine: { style: 'none' },
      catAxisLineShow: false,
      valAxisMinVal: 0,
      valAxisMaxVal: Math.max(0, ...f.step) || 1,
      layout: { x: catW / box.w, y: 0.05 / box.h, w: plot.w / box.w, h: plot.h / box.h },
      ...({ catAxisOrientation: 'maxMin' } as object),
    },
  );
  record({ series: { 0: { hideLabels: true } } });
  // Step labels sit on the boundary between two steps, right of the widest bar.
  const band = plot.h / Math.max(1, n);
  labels.slice(0, n - 1).forEach((label, i) => {
    const y = plot.y + (i + 1) * band;
    const pt = fitOneLine(label, labelW - 0.3, 11, 9);
    slide.addShape(pptx.ShapeType.line, { x: plot.x + plot.w + 0.08, y: y - 0.16, w: 0, h: 0.32, line: { color: c.neutral, width: 1, endArrowType: 'triangle' } });
    slide.addText(label, { x: plot.x + plot.w + 0.16, y: y - 0.16, w: labelW - 0.2, h: 0.32, fontSize: pt, color: c.neutral, fontFace: style.font, valign: 'middle', margin: 0, lang: style.locale });
  });
}

/** `hex` mixed with white: 0 gives the colour, 1 gives white. */
export function tint(hex: string, amount: number): string {
  const n = parseInt(hex, 16);
  const mix = (v: number) => Math.round(v + (255 - v) * amount);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return ((r << 16) | (g << 8) | b).toString(16).padStart(6, '0').toUpperCase();
}
