// Section 1, performance overview: KPI cards, GMV by platform and by category, monthly trend.
import { UNKNOWN_CATEGORY, type BreakdownRow } from '../../metrics/overview.js';
import {
  chartUnit,
  clauses,
  dayRange,
  definitionNotes,
  formatDay,
  kpi,
  linesNote,
  money,
  monthLabel,
  nullableScaled,
  numberFormat,
  partlyReached,
  periodNote,
  platformName,
  round,
  sourceNote,
  toneOf,
  type SectionContext,
} from '../context.js';
import { directionOf, formatGrowth, formatPercent, moneyScale } from '../format.js';
import type { Chart, ContentSlide, TableBlock } from '../model.js';
import type { SlideDef } from '../context.js';
import { missingNotes } from './definitions.js';

export function overviewSlides(ctx: SectionContext): ContentSlide[] {
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
      ...missingNotes(ctx, [o.buyers]),
      `${s.t('figures.refunds')}: ${o.refunds.value === null ? s.t('comparisons.na') : money(ctx, o.refunds.value)}`,
      ...common,
    ],
  };

  const caveat = gapsFootnote(ctx);
  if (caveat) kpiSlide.footnote = caveat;

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
      { name: s.t('slides.byPlatform.seriesYearAgo'), values: platforms.map((r) => nullableScaled(r.gmv.yearAgo, pScale)), comparison: true },
    ],
    numberFormat: numberFormat(pScale.decimals),
    unitLabel: chartUnit(ctx, pScale),
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

  // 3. GMV share by category; lines without one are named so, and an export with no category
  // at all says so instead of drawing one 100 % slice.
  const categories = o.byCategory;
  const categoryName = (k: string): string => (k === UNKNOWN_CATEGORY ? s.t('slides.byCategory.unknown') : k);
  const noCategories = categories.length > 0 && categories.every((r) => r.key === UNKNOWN_CATEGORY);
  const categorySlide: ContentSlide = {
    kind: 'content',
    id: 'overview.byCategory',
    title: s.t('slides.byCategory.title'),
    // The largest *named* category leads the headline, even when unnamed lines weigh more.
    headline: noCategories ? undefined : topShareHeadline(ctx, 'slides.byCategory.headline', categories.find((r) => r.key !== UNKNOWN_CATEGORY), categoryName),
    layout: 'chart',
    components: noCategories
      ? [{ type: 'notice', text: s.t('slides.byCategory.none') }]
      : [
          {
            type: 'chart',
            chartType: 'doughnut',
            title: s.t('slides.byCategory.title'),
            categories: categories.map((r) => categoryName(r.key)),
            series: [{ name: s.t('figures.gmv'), values: categories.map((r) => (r.share === null ? null : round(r.share, 4))) }],
            numberFormat: '0.0%',
            unitLabel: '',
            showValues: true,
          },
          breakdownTable(ctx, categories, categoryName, s.t('labels.category')),
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
  // The mean is a figure of the metrics (overview.monthAverageGmv), so the slide shows no number of its own.
  const average = o.monthAverageGmv;
  const monthAvg =
    average !== undefined
      ? average.value === null ? s.t('comparisons.na') : money(ctx, average.value)
      : quarterValues.length > 0 ? money(ctx, Math.round(quarterValues.reduce((a, b) => a + b, 0) / quarterValues.length)) : s.t('comparisons.na');
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
        categories: months.map((r) => (partlyReached(r) ? s.t('labels.partial', { label: monthLabel(r.month, s) }) : monthLabel(r.month, s))),
        series: [
          { name: s.t('slides.trend.series'), values: months.map((r) => nullableScaled(r.gmv.value, mScale)) },
          { name: s.t('slides.trend.seriesYearAgo'), values: months.map((r) => nullableScaled(r.gmv.yearAgo, mScale)), comparison: true },
        ],
        numberFormat: numberFormat(mScale.decimals),
        unitLabel: chartUnit(ctx, mScale),
        showValues: false,
      },
    ],
    notes: [s.t('notes.shows', { what: s.t('slides.trend.title') }), ...definitionNotes(ctx, ['gmv']), ...common],
  };
  // A month the exports reach only in part carries a star; the footnote says which days it holds.
  const partialMonths = months.filter(partlyReached);
  if (partialMonths.length > 0) {
    trendSlide.footnote = clauses(
      ctx,
      partialMonths.map((r) => s.t('slides.trend.partial', { month: monthLabel(r.month, s), span: dayRange(r.dataStart!, r.dataEnd!, s), dataDays: r.dataDays!, days: r.days! })),
    );
  }

  return [kpiSlide, platformSlide, categorySlide, trendSlide];
}

/**
 * The caveat under the headline figures when the exports leave part of the quarter out: a
 * quarter not over yet, a platform that stops early or starts late, one with no line in the
 * quarter. Its changes compare what is there with whole quarters, so the reader must know.
 */
function gapsFootnote(ctx: SectionContext): string | undefined {
  const gaps = ctx.input.gaps;
  if (!gaps) return undefined;
  const s = ctx.s;
  const q = ctx.m.periods.current;
  const parts: string[] = [];
  if (gaps.noLines) parts.push(s.t('slides.overviewKpis.gaps.noLines', { span: dayRange(gaps.noLines.first, gaps.noLines.last, s) }));
  else if (gaps.running) parts.push(s.t('slides.overviewKpis.gaps.running', { end: formatDay(q.end, s) }));
  for (const g of gaps.platforms) {
    const platform = platformName(g.platform, s);
    parts.push(g.kind === 'none' ? s.t('slides.overviewKpis.gaps.none', { platform }) : s.t('slides.overviewKpis.gaps.partial', { platform, span: dayRange(g.from, g.to, s) }));
  }
  if (parts.length === 0) return undefined;
  return `${s.t('slides.overviewKpis.gaps.lead')}${clauses(ctx, parts)}`;
}

function topShareHeadline(
  ctx: SectionContext,
  key: string,
  top: BreakdownRow | undefined,
  name: (k: string) => string,
): string | undefined {
  if (!top || top.share === null) return undefined;
  return ctx.s.t(key, { top: name(top.key), share: formatPercent(top.share) });
}

/** A compact table beside a chart: name · GMV · share · YoY, one row each. */
function breakdownTable(ctx: SectionContext, rows: BreakdownRow[], name: (k: string) => string, firstHeader: string): TableBlock {
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

/** The overview slides by id; each is built from the same figures. */
export const OVERVIEW_SLIDES: SlideDef[] = ['overview.kpis', 'overview.byPlatform', 'overview.byCategory', 'overview.trend'].map((id) => ({
  id,
  build: (ctx) => overviewSlides(ctx).filter((slide) => slide.id === id),
}));
