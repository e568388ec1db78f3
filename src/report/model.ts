// The render-neutral deck: slides of typed components, every string already in the reader's
// language and every number already formatted. The renderer only places and styles them.
import type { Direction } from './format.js';

export interface Delta {
  label: string;
  text: string;
  direction: Direction;
  /** Whether this direction is good news; null when there is no comparison. */
  good: boolean | null;
}

export interface KpiCard {
  type: 'kpi';
  label: string;
  value: string;
  deltas: Delta[];
  /** A unit or short qualifier shown under the value when `value` does not carry it ("per order"). */
  unit?: string;
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  /** Draw this series as a line on the secondary axis (combo charts). */
  asLine?: boolean;
  /** A comparison period (a year ago, last quarter): drawn in the theme's muted colour. */
  comparison?: boolean;
}

/**
 * Native chart kinds. `stackedBar` stacks its series; `combo` draws series with `asLine` as
 * lines on a secondary axis over the bars; `waterfall` (a bridge) and `funnel` are stacked bars
 * with an invisible base series, which the renderer builds from `values` (see render).
 */
export type ChartType = 'bar' | 'stackedBar' | 'line' | 'combo' | 'doughnut' | 'waterfall' | 'funnel';

export interface Chart {
  type: 'chart';
  chartType: ChartType;
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** Axis / data-label number format, Excel style (e.g. '#,##0.0'). */
  numberFormat: string;
  /** Secondary axis format for combo charts. */
  secondaryNumberFormat?: string;
  /** Unit shown with the axis, e.g. '万元'. */
  unitLabel: string;
  horizontal?: boolean;
  showValues?: boolean;
  /** Axis title of the secondary axis (combo charts), e.g. '%'. */
  secondaryUnitLabel?: string;
  /**
   * Whether a higher value is good news (default true). Waterfall steps are coloured by it:
   * an increase is `positive` when higher is better, `negative` otherwise.
   */
  higherIsBetter?: boolean;
  /**
   * think-cell style difference arrows between two bars of the first series (bar charts),
   * labelled with a change that is in the metrics ("+22.4%").
   */
  diffArrows?: DiffArrow[];
  /** Funnel: one label per step after the first (e.g. the step's conversion "38.2%"), from the metrics. */
  stepLabels?: string[];
  /** Index of a category to draw in the accent colour (single-series bar charts). */
  highlight?: number;
}

export interface DiffArrow {
  /** Category indices: the arrow runs from the `from` bar to the `to` bar. */
  from: number;
  to: number;
  label: string;
  tone?: 'positive' | 'negative' | 'neutral';
}

export interface TextBlock {
  type: 'text';
  paragraphs: string[];
  style?: 'body' | 'bullets';
}

export interface TableBlock {
  type: 'table';
  header: string[];
  rows: string[][];
  /** Per column: numbers align right, names left. */
  align: ('left' | 'right')[];
  /** Per row and column, a tone for the cell's text (e.g. a negative growth). */
  tones?: ('positive' | 'negative' | 'neutral' | null)[][];
  /** The last row is a total: drawn bold with a rule above; when the table pages, it ends the last page. */
  totalRow?: boolean;
  /** Relative column widths; by default the first column takes the slack. */
  columnWeights?: number[];
}

/** A headline with its figure and one sentence: "退款集中在尺码问题 · 42.1% · …". */
export interface InsightCard {
  type: 'insight';
  headline: string;
  value: string;
  sentence: string;
  tone: 'positive' | 'negative' | 'neutral';
}

/** Says that an input is missing, in place of a chart or figure ("no traffic export …"). */
export interface Notice {
  type: 'notice';
  text: string;
}

export type Component = KpiCard | Chart | TextBlock | TableBlock | InsightCard | Notice;

export interface CoverSlide {
  kind: 'cover';
  company: string;
  title: string;
  quarter: string;
  presenter?: string;
  date: string;
}

export interface ContentsSlide {
  kind: 'contents';
  title: string;
  items: { number: string; title: string; subtitle: string }[];
}

export interface DividerSlide {
  kind: 'divider';
  number: string;
  title: string;
  subtitle: string;
  /** The titles of the section's slides, listed on the divider as a preview. */
  agenda?: string[];
}

export interface ContentSlide {
  kind: 'content';
  /** Stable id, e.g. `overview.kpis` (tests and templates refer to slides by it). */
  id: string;
  title: string;
  /** One sentence with the slide's message, from the figures. */
  headline?: string;
  /**
   * kpi-row: KPI cards in a row (+ a chart or insight cards below when given);
   * chart: one chart, with a table, text or insight cards beside it when given;
   * two-charts: two charts side by side; table: one full-width table;
   * cards: a grid of insight cards; text: bullets.
   */
  layout: 'kpi-row' | 'chart' | 'two-charts' | 'table' | 'cards' | 'text';
  components: Component[];
  notes: string[];
  /** A small source line under the content ("Source: order exports, 2026Q3"). */
  footnote?: string;
  /** Set on a slide a long table or card grid was paged onto: page `index` of `count` (1-based). */
  continuation?: { index: number; count: number };
}

export interface ClosingSlide {
  kind: 'closing';
  title: string;
  subtitle: string;
}

export type Slide = CoverSlide | ContentsSlide | DividerSlide | ContentSlide | ClosingSlide;

export interface Deck {
  title: string;
  company: string;
  /** Footer text for content slides. */
  footer: string;
  locale: string;
  slides: Slide[];
}
