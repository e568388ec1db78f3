// Metrics + locale strings → the deck model. Every sentence is a locale pattern filled with
// formatted figures, so no number appears on a slide that is not in the metrics document.
import type { TableName } from '../canonical.js';
import type { Figure } from '../metrics/figure.js';
import type { MetricsDocument } from '../metrics/document.js';
import type { BreakdownRow } from '../metrics/overview.js';
import {
  directionOf,
  formatCount,
  formatGrowth,
  formatMoney,
  formatPercent,
  moneyScale,
  scaled,
  type LocaleId,
} from './format.js';
import type { Chart, ContentSlide, Deck, Delta, KpiCard, Slide, TableBlock } from './model.js';
import type { Strings } from './strings.js';

export const SECTION_IDS = ['overview', 'core', 'projects', 'diagnosis', 'team', 'plan'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** The canonical tables each later section reads (DESIGN.md, "The six sections"). */
export const SECTION_INPUTS: Record<Exclude<SectionId, 'overview'>, TableName[]> = {
  core: ['order_lines', 'traffic_daily', 'service_tickets', 'reviews'],
  projects: ['order_lines', 'traffic_daily', 'service_tickets', 'inventory_snapshots'],
  diagnosis: ['order_lines', 'traffic_daily', 'service_tickets', 'inventory_snapshots', 'purchase_orders'],
  team: ['order_lines', 'service_tickets'],
  plan: ['order_lines', 'inventory_snapshots', 'purchase_orders'],
};

export interface DeckInput {
  metrics: MetricsDocument;
  strings: Strings;
  company: string;
  presenter?: string;
  /** YYYY-MM-DD shown on the cover. */
  reportDate: string;
  /** Which canonical tables the workspace provided: files and kept rows. */
  inputs: Partial<Record<TableName, { files: number; rows: number }>>;
  narrativeFile?: string;
}

export function buildDeck(input: DeckInput): Deck {
  const s = input.strings;
  const locale = s.locale as LocaleId;
  const m = input.metrics;
  const [year, quarter] = [m.quarter.slice(0, 4), m.quarter.slice(5)];
  const quarterText = s.t('deck.quarter', { year, quarter });
  const slides: Slide[] = [];

  slides.push({
    kind: 'cover',
    company: input.company,
    title: s.t('deck.title'),
    quarter: quarterText,
    presenter: input.presenter ? s.t('deck.presenter', { presenter: input.presenter }) : undefined,
    date: formatDay(input.reportDate, s),
  });
  slides.push({
    kind: 'contents',
    title: s.t('contents.title'),
    items: SECTION_IDS.map((id, i) => ({
      number: String(i + 1).padStart(2, '0'),
      title: s.t(`sections.${id}.title`),
      subtitle: s.t(`sections.${id}.subtitle`),
    })),
  });

  const ctx: Ctx = { s, locale, m, input };
  SECTION_IDS.forEach((id, i) => {
    slides.push({
      kind: 'divider',
      number: String(i + 1).padStart(2, '0'),
      title: s.t(`sections.${id}.title`),
      subtitle: s.t(`sections.${id}.subtitle`),
    });
    if (id === 'overview') slides.push(...overviewSlides(ctx));
    else slides.push(pendingSlide(ctx, id));
  });

  slides.push({ kind: 'closing', title: s.t('deck.closing'), subtitle: s.t('deck.closingSub') });
  return {
    title: `${input.company} ${quarterText} ${s.t('deck.title')}`,
    company: input.company,
    footer: s.t('deck.footer', { company: input.company, quarter: quarterText }),
    locale,
    slides,
  };
}

interface Ctx {
  s: Strings;
  locale: LocaleId;
  m: MetricsDocument;
  input: DeckInput;
}

function formatDay(day: string, s: Strings): string {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const monthName = s.has('months.long') ? (s.list('months.long')[mo - 1] ?? String(mo)) : String(mo);
  return s.t('deck.date', { year: y, month: mo, day: d, monthName });
}

function monthLabel(month: string, s: Strings): string {
  const y = month.slice(0, 4);
  const mo = Number(month.slice(5, 7));
  const mon = s.has('months.names') ? (s.list('months.names')[mo - 1] ?? String(mo)) : String(mo);
  return s.t('months.label', { yyyy: y, yy: y.slice(2), m: mo, mm: month.slice(5, 7), mon });
}

function platformName(key: string, s: Strings): string {
  return s.has(`platforms.${key}`) ? s.t(`platforms.${key}`) : key;
}

function money(ctx: Ctx, minor: number): string {
  return formatMoney(minor, ctx.m.currency, ctx.locale);
}

function deltas(ctx: Ctx, f: Figure, higherIsBetter = true): Delta[] {
  const make = (label: string, g: number | null): Delta => {
    const direction = directionOf(g);
    const good = direction === 'none' || direction === 'flat' ? null : (direction === 'up') === higherIsBetter;
    return { label, text: g === null ? ctx.s.t('comparisons.na') : formatGrowth(g), direction, good };
  };
  return [make(ctx.s.t('comparisons.qoq'), f.qoq), make(ctx.s.t('comparisons.yoy'), f.yoy)];
}

function kpi(ctx: Ctx, key: string, f: Figure, higherIsBetter = true): KpiCard {
  const value =
    f.value === null ? ctx.s.t('comparisons.na') : f.unit === 'minor' ? money(ctx, f.value) : formatCount(f.value, ctx.locale);
  return { type: 'kpi', label: ctx.s.t(`figures.${key}`), value, deltas: deltas(ctx, f, higherIsBetter) };
}

function periodNote(ctx: Ctx): string {
  const p = ctx.m.periods;
  return ctx.s.t('notes.period', {
    current: p.current.label,
    currentStart: p.current.start,
    currentEnd: p.current.end,
    previous: p.previous.label,
    yearAgo: p.yearAgo.label,
    timezone: ctx.m.timezone,
  });
}

function sourceNote(ctx: Ctx): string {
  const files = ctx.m.provenance.files
    .filter((f) => f.table === 'order_lines')
    .map((f) => ctx.s.t('notes.fileRows', { file: f.file, rows: f.rowsRead, kept: f.rowsKept }));
  return ctx.s.t('notes.source', { files: files.join(ctx.locale === 'zh-CN' ? '；' : '; ') });
}

function definitionNotes(ctx: Ctx, keys: string[]): string[] {
  return keys.map((k) => ctx.s.t('notes.definition', { name: ctx.s.t(`figures.${k}`), text: ctx.s.t(`definitions.${k}`) }));
}

function linesNote(ctx: Ctx): string[] {
  const c = ctx.m.overview.counts;
  const out = [ctx.s.t('notes.lines', { lines: c.paidLines.current, excluded: c.linesCancelledOrUnpaid })];
  if (c.linesWithoutBuyer.current > 0) out.push(ctx.s.t('notes.noBuyer', { count: c.linesWithoutBuyer.current }));
  return out;
}

function overviewSlides(ctx: Ctx): ContentSlide[] {
  const { s, m } = ctx;
  const o = m.overview;
  const common = [periodNote(ctx), sourceNote(ctx), ...linesNote(ctx)];

  // 1. KPI cards with a headline sentence.
  const gmvText = o.gmv.value === null ? s.t('comparisons.na') : money(ctx, o.gmv.value);
  const qoqDir = directionOf(o.gmv.qoq);
  const qoqPhrase = s.t(`slides.overviewKpis.qoqPhrase.${qoqDir}`, {
    qoq: o.gmv.qoq === null ? '' : formatGrowth(o.gmv.qoq, true),
  });
  const yoyDir = directionOf(o.gmv.yoy);
  const headline = s.t(`slides.overviewKpis.headline.${yoyDir}`, {
    gmv: gmvText,
    yoy: o.gmv.yoy === null ? '' : formatGrowth(o.gmv.yoy, true),
    qoqPhrase,
  });
  const kpiSlide: ContentSlide = {
    kind: 'content',
    id: 'overview.kpis',
    title: s.t('slides.overviewKpis.title'),
    headline,
    layout: 'kpi-row',
    components: [
      kpi(ctx, 'gmv', o.gmv),
      kpi(ctx, 'netSales', o.netSales),
      kpi(ctx, 'orders', o.orders),
      kpi(ctx, 'buyers', o.buyers),
    ],
    notes: [
      s.t('notes.shows', { what: s.t('slides.overviewKpis.title') }),
      ...definitionNotes(ctx, ['gmv', 'netSales', 'refunds', 'orders', 'buyers']),
      `${s.t('figures.refunds')}: ${o.refunds.value === null ? s.t('comparisons.na') : money(ctx, o.refunds.value)}`,
      ...common,
    ],
  };

  // 2. GMV by platform, this quarter against a year ago.
  const platforms = o.byPlatform;
  const maxPlatform = Math.max(0, ...platforms.flatMap((r) => [r.gmv.value ?? 0, r.gmv.yearAgo ?? 0]));
  const pScale = moneyScale(maxPlatform, m.currency, ctx.locale);
  const platformChart: Chart = {
    type: 'chart',
    chartType: 'bar',
    title: s.t('slides.byPlatform.title'),
    categories: platforms.map((r) => platformName(r.key, s)),
    series: [
      { name: s.t('slides.byPlatform.series'), values: platforms.map((r) => nullableScaled(r.gmv.value, pScale)) },
      { name: s.t('slides.byPlatform.seriesYearAgo'), values: platforms.map((r) => nullableScaled(r.gmv.yearAgo, pScale)) },
    ],
    numberFormat: numberFormat(pScale.decimals),
    unitLabel: chartUnit(ctx, pScale.suffix),
    showValues: true,
  };
  const topPlatform = platforms[0];
  const platformSlide: ContentSlide = {
    kind: 'content',
    id: 'overview.byPlatform',
    title: s.t('slides.byPlatform.title'),
    headline: topShareHeadline(ctx, 'slides.byPlatform.headline', topPlatform, (k) => platformName(k, s)),
    layout: 'chart',
    components: [platformChart, breakdownTable(ctx, platforms, (k) => platformName(k, s), s.t('labels.platform'))],
    notes: [
      s.t('notes.shows', { what: s.t('slides.byPlatform.title') }),
      ...definitionNotes(ctx, ['gmv', 'share']),
      ...common,
    ],
  };

  // 3. GMV share by category.
  const categories = o.byCategory;
  const categorySlide: ContentSlide = {
    kind: 'content',
    id: 'overview.byCategory',
    title: s.t('slides.byCategory.title'),
    headline: topShareHeadline(ctx, 'slides.byCategory.headline', categories[0], (k) => k),
    layout: 'chart',
    components: [
      {
        type: 'chart',
        chartType: 'doughnut',
        title: s.t('slides.byCategory.title'),
        categories: categories.map((r) => r.key),
        series: [{ name: s.t('figures.gmv'), values: categories.map((r) => (r.share === null ? null : round(r.share, 4))) }],
        numberFormat: '0.0%',
        unitLabel: '',
        showValues: true,
      },
      breakdownTable(ctx, categories, (k) => k, s.t('labels.category')),
    ],
    notes: [
      s.t('notes.shows', { what: s.t('slides.byCategory.title') }),
      ...definitionNotes(ctx, ['gmv', 'share']),
      ...common,
    ],
  };

  // 4. Monthly trend: bars for GMV, the same month a year ago as a second series.
  const months = o.byMonth;
  const maxMonth = Math.max(0, ...months.flatMap((r) => [r.gmv.value ?? 0, r.gmv.yearAgo ?? 0]));
  const mScale = moneyScale(maxMonth, m.currency, ctx.locale);
  const quarterMonths = months.filter((r) => r.month >= m.periods.current.start.slice(0, 7));
  const quarterValues = quarterMonths.map((r) => r.gmv.value).filter((v): v is number => v !== null);
  const monthAvg =
    quarterValues.length > 0 ? money(ctx, Math.round(quarterValues.reduce((a, b) => a + b, 0) / quarterValues.length)) : s.t('comparisons.na');
  const trendSlide: ContentSlide = {
    kind: 'content',
    id: 'overview.trend',
    title: s.t('slides.trend.title'),
    headline: s.t('slides.trend.headline', { monthAvg }),
    layout: 'chart',
    components: [
      {
        type: 'chart',
        chartType: 'line',
        title: s.t('slides.trend.title'),
        categories: months.map((r) => monthLabel(r.month, s)),
        series: [
          { name: s.t('slides.trend.series'), values: months.map((r) => nullableScaled(r.gmv.value, mScale)) },
          { name: s.t('slides.trend.seriesYearAgo'), values: months.map((r) => nullableScaled(r.gmv.yearAgo, mScale)) },
        ],
        numberFormat: numberFormat(mScale.decimals),
        unitLabel: chartUnit(ctx, mScale.suffix),
        showValues: false,
      },
    ],
    notes: [s.t('notes.shows', { what: s.t('slides.trend.title') }), ...definitionNotes(ctx, ['gmv']), ...common],
  };

  return [kpiSlide, platformSlide, categorySlide, trendSlide];
}

function topShareHeadline(
  ctx: Ctx,
  key: string,
  top: BreakdownRow | undefined,
  name: (k: string) => string,
): string | undefined {
  if (!top || top.share === null) return undefined;
  return ctx.s.t(key, { top: name(top.key), share: formatPercent(top.share) });
}

/** A compact table beside a chart: name · GMV · share · YoY, one row each. */
function breakdownTable(ctx: Ctx, rows: BreakdownRow[], name: (k: string) => string, firstHeader: string): TableBlock {
  const s = ctx.s;
  const na = s.t('comparisons.na');
  return {
    type: 'table',
    header: [firstHeader, s.t('figures.gmv'), s.t('figures.share'), s.t('comparisons.yoy')],
    align: ['left', 'right', 'right', 'right'],
    rows: rows.map((r) => [
      name(r.key),
      r.gmv.value === null ? na : money(ctx, r.gmv.value),
      r.share === null ? na : formatPercent(r.share),
      r.gmv.yoy === null ? na : formatGrowth(r.gmv.yoy),
    ]),
    tones: rows.map((r) => [null, null, null, toneOf(r.gmv.yoy)]),
  };
}

function toneOf(g: number | null): 'positive' | 'negative' | 'neutral' {
  const d = directionOf(g);
  return d === 'up' ? 'positive' : d === 'down' ? 'negative' : 'neutral';
}

function pendingSlide(ctx: Ctx, id: Exclude<SectionId, 'overview'>): ContentSlide {
  const s = ctx.s;
  const section = s.t(`sections.${id}.title`);
  const lines: string[] = [s.t('slides.pending.intro')];
  for (const table of SECTION_INPUTS[id]) {
    const present = ctx.input.inputs[table];
    const tableName = s.t(`tables.${table}`);
    lines.push(
      present && present.files > 0
        ? s.t('slides.pending.present', { table: tableName, files: present.files, rows: formatCount(present.rows, ctx.locale) })
        : s.t('slides.pending.absent', { table: tableName }),
    );
  }
  if (id !== 'core') {
    lines.push(
      ctx.input.narrativeFile ? s.t('slides.pending.narrative', { file: ctx.input.narrativeFile }) : s.t('slides.pending.narrativeAbsent'),
    );
  }
  return {
    kind: 'content',
    id: `${id}.inputs`,
    title: s.t('slides.pending.title', { section }),
    layout: 'text',
    components: [{ type: 'text', style: 'bullets', paragraphs: lines }],
    notes: [s.t('notes.shows', { what: s.t('slides.pending.title', { section }) }), periodNote(ctx)],
  };
}

function nullableScaled(minor: number | null, scale: ReturnType<typeof moneyScale>): number | null {
  return minor === null ? null : scaled(minor, scale);
}

function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

function chartUnit(ctx: Ctx, suffix: string): string {
  const currency = ctx.m.currency;
  return ctx.s.t('units.chartMoney', { scale: suffix, currency });
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
