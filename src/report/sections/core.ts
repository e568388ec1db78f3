// Section 2, core metrics (and the added section-1 slides: weekly trend, buyer and sales mix).
// Each builder turns figures from the metrics document into one slide; a figure whose input is
// missing shows the locale's sentence for its reason, never a made-up number.
import { NO_REASON, type CoreMetrics } from '../../metrics/core.js';
import { NO_CHANNEL } from '../../metrics/core-traffic.js';
import type { Figure } from '../../metrics/figure.js';
import { parseMissingReason } from '../../metrics/registry.js';
import {
  chartScale,
  chartUnit,
  clauses,
  dayRange,
  figureText,
  kpi,
  linesNote,
  money,
  nullableScaled,
  numberFormat,
  partlyReached,
  periodNote,
  platformName,
  round,
  sourceNote,
  toneOf,
  type SectionContext,
  type SlideDef,
  valueOrMissing,
} from '../context.js';
import { formatCount, formatGrowth, formatPercent } from '../format.js';
import type { Chart, Component, ContentSlide, TableBlock } from '../model.js';
import { missingNotes, periodText, reasonText, registryNotes, settingsNote } from './definitions.js';

const ratioValue = (v: number | null): number | null => (v === null ? null : round(v, 4));
const pct = (ctx: SectionContext, v: number | null): string => (v === null ? ctx.s.t('comparisons.na') : formatPercent(v));

function notices(ctx: SectionContext, figures: readonly (Figure | undefined)[]): Component[] {
  return missingNotes(ctx, figures).map((text) => ({ type: 'notice', text }));
}

function growthText(ctx: SectionContext, g: number | null): string {
  return g === null ? ctx.s.t('comparisons.na') : formatGrowth(g);
}

function weekLabel(ctx: SectionContext, week: string): string {
  return ctx.s.t('core.weekLabel', { week: String(Number(week.slice(6))), year: week.slice(0, 4) });
}

function slide(ctx: SectionContext, id: string, key: string, layout: ContentSlide['layout'], components: Component[], notes: string[], headline?: string): ContentSlide {
  const title = ctx.s.t(`core.slides.${key}.title`);
  return {
    kind: 'content',
    id,
    title,
    ...(headline ? { headline } : {}),
    layout,
    components,
    notes: [ctx.s.t('notes.shows', { what: title }), ...notes, periodNote(ctx)],
  };
}

/** The slide that stands in when the metrics document has no core figures at all. */
function absent(ctx: SectionContext, id: string, key: string): ContentSlide {
  return slide(ctx, id, key, 'text', [{ type: 'notice', text: ctx.s.t('core.absent') }], []);
}

type CoreBuilder = (ctx: SectionContext, c: CoreMetrics) => ContentSlide;

function withCore(id: string, key: string, build: CoreBuilder): SlideDef {
  return { id, build: (ctx) => [ctx.m.core ? build(ctx, ctx.m.core) : absent(ctx, id, key)] };
}

// ---------------------------------------------------------------------------------------------
// Section 1 additions

function weeklySlide(ctx: SectionContext): ContentSlide {
  const { s } = ctx;
  const weeks = ctx.m.overview.byWeek ?? [];
  const scale = chartScale(ctx, weeks.flatMap((w) => [w.gmv.value, w.gmv.yearAgo]));
  const peak = weeks.reduce<(typeof weeks)[number] | undefined>((best, w) => (w.gmv.value !== null && (best === undefined || w.gmv.value > best.gmv.value!) ? w : best), undefined);
  const chart: Chart = {
    type: 'chart',
    chartType: 'line',
    title: s.t('core.slides.weekly.title'),
    categories: weeks.map((w) => (partlyReached(w) ? s.t('labels.partial', { label: weekLabel(ctx, w.week) }) : weekLabel(ctx, w.week))),
    series: [
      { name: s.t('core.slides.weekly.series'), values: weeks.map((w) => nullableScaled(w.gmv.value, scale)) },
      { name: s.t('core.slides.weekly.seriesYearAgo'), values: weeks.map((w) => nullableScaled(w.gmv.yearAgo, scale)), comparison: true },
    ],
    numberFormat: numberFormat(scale.decimals),
    unitLabel: chartUnit(ctx, scale),
    showValues: false,
  };
  const marked = weeks.filter(partlyReached);
  const built = slide(
    ctx,
    'overview.weekly',
    'weekly',
    'chart',
    weeks.length > 0 ? [chart, ...(peak ? [] : notices(ctx, [weeks[0]?.gmv]))] : [{ type: 'notice', text: s.t('core.absent') }],
    [
      ...registryNotes(ctx, ['weeklyGmv']),
      s.t('core.notes.weeks'),
      ...(peak && weeks.some((w) => w.gmv.value === null) ? [s.t('core.notes.weeksNotReached')] : []),
      ...marked.map((w) =>
        s.t('core.notes.weekPartial', { week: weekLabel(ctx, w.week), span: dayRange(w.dataStart!, w.dataEnd!, s), dataDays: w.dataDays, days: w.days }),
      ),
      sourceNote(ctx),
      ...linesNote(ctx),
    ],
    peak ? s.t('core.slides.weekly.headline', { week: weekLabel(ctx, peak.week), gmv: money(ctx, peak.gmv.value!) }) : undefined,
  );
  // The star on a partly reached week is explained on the slide itself, not only in the notes:
  // the room sees a low point and should see why.
  if (marked.length > 0 && peak) {
    built.footnote = clauses(
      ctx,
      marked.map((w) => s.t('core.slides.weekly.partial', { week: weekLabel(ctx, w.week), span: dayRange(w.dataStart!, w.dataEnd!, s), dataDays: w.dataDays, days: w.days })),
    );
  }
  return built;
}

function buyerMixSlide(ctx: SectionContext): ContentSlide {
  const { s, m } = ctx;
  const o = m.overview;
  if (!o.newBuyers || !o.returningBuyers || !o.campaignShare || !o.topPriceBandShare) return absent(ctx, 'overview.buyerMix', 'buyerMix');
  const newBuyers = o.newBuyers;
  const returning = o.returningBuyers;
  const periods = [m.periods.yearAgo.label, m.periods.previous.label, m.periods.current.label];
  const pick = (f: Figure) => [f.yearAgo, f.previous, f.value];
  const chart: Chart = {
    type: 'chart',
    chartType: 'stackedBar',
    title: s.t('core.slides.buyerMix.chartTitle'),
    categories: periods.map((p) => periodText(ctx, p)),
    series: [
      { name: s.t('figures.newBuyers'), values: pick(newBuyers) },
      { name: s.t('figures.returningBuyers'), values: pick(returning) },
    ],
    numberFormat: '#,##0',
    unitLabel: s.t('core.units.buyers'),
    showValues: true,
  };
  const band = o.topPriceBand;
  const headline =
    newBuyers.value !== null
      ? s.t('core.slides.buyerMix.headline', {
          newBuyers: formatCount(newBuyers.value, ctx.locale),
          newShare: o.newBuyerShare ? valueOrMissing(ctx, o.newBuyerShare) : s.t('comparisons.na'),
          campaignShare: valueOrMissing(ctx, o.campaignShare),
          band: band ? money(ctx, band.minMinor) : s.t('comparisons.na'),
          topShare: valueOrMissing(ctx, o.topPriceBandShare),
        })
      : undefined;
  const h = o.newBuyerHistory;
  const bandsText = (o.priceBands?.bands ?? [])
    .map((b) => `${money(ctx, b.minMinor)}${b.maxMinor === null ? '+' : `–${money(ctx, b.maxMinor)}`} ${pct(ctx, b.share)}`)
    .join(ctx.locale === 'zh-CN' ? '；' : '; ');
  const campaigns = o.campaignGmv ? [s.t('core.notes.campaignGmv', { gmv: valueOrMissing(ctx, o.campaignGmv) })] : [];
  return slide(
    ctx,
    'overview.buyerMix',
    'buyerMix',
    'kpi-row',
    [
      kpi(ctx, 'newBuyers', newBuyers),
      kpi(ctx, 'returningBuyers', returning),
      kpi(ctx, 'campaignShare', o.campaignShare),
      kpi(ctx, 'topPriceBandShare', o.topPriceBandShare),
      chart,
      ...notices(ctx, [newBuyers, o.campaignShare, o.topPriceBandShare]),
    ],
    [
      ...registryNotes(ctx, ['newBuyers', 'newBuyerShare', 'returningBuyers', 'campaignShare', 'topPriceBandShare']),
      ...(h ? [s.t('core.notes.history', { firstDay: h.firstDay ?? s.t('comparisons.na'), days: h.days, previousDays: h.previousDays, yearAgoDays: h.yearAgoDays })] : []),
      ...campaigns,
      ...(o.priceBands ? [s.t(`core.notes.priceBands.${o.priceBands.basis}`, { bands: bandsText })] : []),
      sourceNote(ctx),
      ...linesNote(ctx),
    ],
    headline,
  );
}

// ---------------------------------------------------------------------------------------------
// Section 2

const kpisSlide: CoreBuilder = (ctx, c) => {
  const { s } = ctx;
  const headline = s.t('core.slides.kpis.headline', {
    conversion: valueOrMissing(ctx, c.conversion),
    aov: valueOrMissing(ctx, c.aov),
    spend: valueOrMissing(ctx, c.spendPerBuyer),
    repurchase: valueOrMissing(ctx, c.repurchaseRate),
  });
  return slide(
    ctx,
    'core.kpis',
    'kpis',
    'kpi-row',
    [
      kpi(ctx, 'conversion', c.conversion),
      kpi(ctx, 'aov', c.aov),
      kpi(ctx, 'spendPerBuyer', c.spendPerBuyer),
      kpi(ctx, 'repurchaseRate', c.repurchaseRate),
      ...notices(ctx, [c.conversion, c.aov, c.spendPerBuyer, c.repurchaseRate]),
    ],
    [...registryNotes(ctx, ['conversion', 'aov', 'spendPerBuyer', 'repurchaseRate']), sourceNote(ctx, ['order_lines', 'traffic_daily'])],
    headline,
  );
};

const funnelSlide: CoreBuilder = (ctx, c) => {
  const { s } = ctx;
  const steps = c.funnel.steps;
  const stepName = (step: string) => s.t(`core.funnelSteps.${step}`);
  const known = steps.some((x) => x.value !== null);
  const worst = steps.reduce<(typeof steps)[number] | undefined>((w, x) => (x.dropOff !== null && (w === undefined || x.dropOff > w.dropOff!) ? x : w), undefined);
  const worstIndex = worst ? steps.indexOf(worst) : -1;
  const chart: Chart = {
    type: 'chart',
    chartType: 'funnel',
    title: s.t('core.slides.funnel.title'),
    categories: steps.map((x) => stepName(x.step)),
    series: [{ name: s.t('core.slides.funnel.series'), values: steps.map((x) => x.value) }],
    stepLabels: steps.slice(1).map((x) => (x.stepRate === null ? s.t('comparisons.na') : formatPercent(x.stepRate))),
    numberFormat: '#,##0',
    unitLabel: '',
    showValues: true,
  };
  const table: TableBlock = {
    type: 'table',
    header: [s.t('core.slides.funnel.step'), s.t('core.slides.funnel.count'), s.t('core.slides.funnel.dropOff')],
    align: ['left', 'right', 'right'],
    rows: steps.map((x) => [stepName(x.step), x.value === null ? s.t('comparisons.na') : formatCount(x.value, ctx.locale), x.dropOff === null ? '—' : formatPercent(x.dropOff)]),
  };
  const headline =
    worst && worstIndex > 0
      ? s.t('core.slides.funnel.headline', { from: stepName(steps[worstIndex - 1]!.step), to: stepName(worst.step), dropOff: formatPercent(worst.dropOff!) })
      : undefined;
  return slide(
    ctx,
    'core.funnel',
    'funnel',
    'chart',
    known ? [chart, table] : notices(ctx, [c.conversion]),
    [...registryNotes(ctx, ['funnelDropOff', 'conversion']), ...trafficNotes(ctx, c), sourceNote(ctx, ['traffic_daily'])],
    headline,
  );
};

function trafficNotes(ctx: SectionContext, c: CoreMetrics): string[] {
  const cov = c.trafficCoverage;
  if (cov.missing.length === 0) return [];
  const list = (xs: string[]) => xs.map((p) => platformName(p, ctx.s)).join(ctx.locale === 'zh-CN' ? '、' : ', ');
  return [ctx.s.t('core.notes.trafficCoverage', { platforms: list(cov.platforms), missing: list(cov.missing) })];
}

const conversionSlide: CoreBuilder = (ctx, c) => {
  const { s } = ctx;
  const weeks = c.conversionByWeek;
  const platforms = c.conversionByPlatform;
  const weekChart: Chart = {
    type: 'chart',
    chartType: 'line',
    title: s.t('core.slides.conversion.weekTitle'),
    categories: weeks.map((w) => (partlyReached(w) ? s.t('labels.partial', { label: weekLabel(ctx, w.week) }) : weekLabel(ctx, w.week))),
    series: [
      { name: s.t('core.slides.conversion.series'), values: weeks.map((w) => ratioValue(w.value.value)) },
      { name: s.t('core.slides.conversion.seriesYearAgo'), values: weeks.map((w) => ratioValue(w.value.yearAgo)), comparison: true },
    ],
    numberFormat: '0.0%',
    unitLabel: '',
    showValues: false,
  };
  const platformChart: Chart = {
    type: 'chart',
    chartType: 'bar',
    title: s.t('core.slides.conversion.platformTitle'),
    categories: platforms.map((p) => platformName(p.key, s)),
    series: [
      { name: s.t('core.slides.conversion.series'), values: platforms.map((p) => ratioValue(p.value.value)) },
      { name: s.t('core.slides.conversion.seriesYearAgo'), values: platforms.map((p) => ratioValue(p.value.yearAgo)), comparison: true },
    ],
    numberFormat: '0.0%',
    unitLabel: '',
    showValues: true,
  };
  const lift = c.campaignConversionLift;
  const headline =
    c.conversion.value === null
      ? undefined
      : s.t(lift.value === null ? 'core.slides.conversion.headlineNoLift' : 'core.slides.conversion.headline', {
          value: figureText(ctx, c.conversion),
          qoq: growthText(ctx, c.conversion.qoq),
          lift: lift.value === null ? '' : figureText(ctx, lift),
        });
  const components: Component[] =
    c.conversion.value === null && platforms.every((p) => p.value.value === null)
      ? notices(ctx, [c.conversion])
      : [weekChart, platformChart, ...notices(ctx, platforms.map((p) => p.value))];
  const marked = components.includes(weekChart) ? weeks.filter(partlyReached) : [];
  const partial = marked.map((w) =>
    s.t('core.slides.conversion.partial', { week: weekLabel(ctx, w.week), span: dayRange(w.dataStart!, w.dataEnd!, s), dataDays: w.dataDays, days: w.days }),
  );
  const built = slide(
    ctx,
    'core.conversion',
    'conversion',
    'two-charts',
    components,
    [
      ...registryNotes(ctx, ['conversion', 'campaignConversionLift']),
      s.t('core.notes.lift', { campaign: valueOrMissing(ctx, c.campaignConversion.campaign), other: valueOrMissing(ctx, c.campaignConversion.other) }),
      ...trafficNotes(ctx, c),
      ...partial,
      sourceNote(ctx, ['traffic_daily']),
    ],
    headline,
  );
  // As on the weekly GMV slide: a starred week is explained where the room sees it.
  if (partial.length > 0) built.footnote = clauses(ctx, partial);
  return built;
};

const channelsSlide: CoreBuilder = (ctx, c) => {
  const { s } = ctx;
  const channels = c.conversionByChannel.map((r) => ({ ...r, key: r.key === NO_CHANNEL ? s.t('core.noChannel') : r.key }));
  const chart: Chart = {
    type: 'chart',
    chartType: 'bar',
    title: s.t('core.slides.channels.title'),
    categories: channels.map((r) => r.key),
    series: [{ name: s.t('figures.conversion'), values: channels.map((r) => ratioValue(r.value.value)) }],
    numberFormat: '0.0%',
    unitLabel: '',
    horizontal: true,
    showValues: true,
  };
  const table: TableBlock = {
    type: 'table',
    header: [s.t('core.slides.channels.channel'), s.t('figures.visitors'), s.t('figures.conversion'), s.t('comparisons.yoy')],
    align: ['left', 'right', 'right', 'right'],
    rows: channels.map((r) => [r.key, r.visitors === null ? s.t('comparisons.na') : formatCount(r.visitors, ctx.locale), pct(ctx, r.value.value), growthText(ctx, r.value.yoy)]),
    tones: channels.map((r) => [null, null, null, toneOf(r.value.yoy)]),
  };
  const best = channels.filter((r) => r.value.value !== null).sort((a, b) => b.value.value! - a.value.value!)[0];
  return slide(
    ctx,
    'core.channels',
    'channels',
    'chart',
    channels.length > 0 ? [chart, table] : notices(ctx, [c.conversion]),
    [...registryNotes(ctx, ['conversion']), sourceNote(ctx, ['traffic_daily'])],
    best ? s.t('core.slides.channels.headline', { top: best.key, value: figureText(ctx, best.value) }) : undefined,
  );
};

const aovSlide: CoreBuilder = (ctx, c) => {
  const { s } = ctx;
  const rows = c.byPlatform;
  const scale = chartScale(ctx, rows.map((r) => r.aov.value));
  const chart: Chart = {
    type: 'chart',
    chartType: 'combo',
    title: s.t('core.slides.aov.title'),
    categories: rows.map((r) => platformName(r.key, s)),
    series: [
      { name: s.t('figures.aov'), values: rows.map((r) => nullableScaled(r.aov.value, scale)) },
      { name: s.t('figures.repurchaseRate'), values: rows.map((r) => ratioValue(r.repurchaseRate.value)), asLine: true },
    ],
    numberFormat: numberFormat(Math.max(scale.decimals, scale.suffix === '' ? 0 : 1)),
    secondaryNumberFormat: '0.0%',
    unitLabel: chartUnit(ctx, scale),
    secondaryUnitLabel: '%',
    showValues: true,
  };
  const table: TableBlock = {
    type: 'table',
    header: [s.t('labels.platform'), s.t('figures.aov'), s.t('figures.spendPerBuyer'), s.t('figures.repurchaseRate')],
    align: ['left', 'right', 'right', 'right'],
    rows: rows.map((r) => [platformName(r.key, s), figureText(ctx, r.aov), figureText(ctx, r.spendPerBuyer), figureText(ctx, r.repurchaseRate)]),
  };
  const headline =
    c.aov.value === null
      ? undefined
      : s.t('core.slides.aov.headline', {
          aov: figureText(ctx, c.aov),
          qoq: growthText(ctx, c.aov.qoq),
          spend: valueOrMissing(ctx, c.spendPerBuyer),
          repurchase: valueOrMissing(ctx, c.repurchaseRate),
        });
  return slide(
    ctx,
    'core.aovRepurchase',
    'aov',
    'chart',
    rows.length > 0 ? [chart, table] : notices(ctx, [c.aov]),
    [...registryNotes(ctx, ['aov', 'spendPerBuyer', 'repurchaseRate']), sourceNote(ctx), ...linesNote(ctx)],
    headline,
  );
};

const retentionSlide: CoreBuilder = (ctx, c) => {
  const { s } = ctx;
  const headline =
    c.returningBuyerRate.value === null
      ? undefined
      : s.t('core.slides.retention.headline', {
          returning: figureText(ctx, c.returningBuyerRate),
          dormant: valueOrMissing(ctx, c.dormantBuyers),
          reactivated: valueOrMissing(ctx, c.reactivatedBuyers),
        });
  return slide(
    ctx,
    'core.retention',
    'retention',
    'kpi-row',
    [
      kpi(ctx, 'repurchaseRate', c.repurchaseRate),
      kpi(ctx, 'returningBuyerRate', c.returningBuyerRate),
      kpi(ctx, 'dormantBuyers', c.dormantBuyers, false),
      kpi(ctx, 'reactivatedBuyers', c.reactivatedBuyers),
      ...notices(ctx, [c.returningBuyerRate, c.dormantBuyers, c.reactivatedBuyers]),
    ],
    [...registryNotes(ctx, ['repurchaseRate', 'returningBuyerRate', 'dormantBuyers', 'reactivatedBuyers']), sourceNote(ctx)],
    headline,
  );
};

const tiersSlide: CoreBuilder = (ctx, c) => {
  const { s } = ctx;
  const tiers = c.buyerTiers;
  const tierName = (t: string) => s.t(`core.tiers.${t}`);
  const chart: Chart = {
    type: 'chart',
    chartType: 'combo',
    title: s.t('core.slides.tiers.title'),
    categories: tiers.map((t) => tierName(t.tier)),
    series: [
      { name: s.t('core.slides.tiers.buyers'), values: tiers.map((t) => t.buyers) },
      { name: s.t('core.slides.tiers.gmvShare'), values: tiers.map((t) => ratioValue(t.gmvShare)), asLine: true },
    ],
    numberFormat: '#,##0',
    secondaryNumberFormat: '0.0%',
    unitLabel: s.t('core.units.buyers'),
    secondaryUnitLabel: '%',
    showValues: true,
  };
  const table: TableBlock = {
    type: 'table',
    header: [s.t('core.slides.tiers.tier'), s.t('core.slides.tiers.buyers'), s.t('core.slides.tiers.gmvShare')],
    align: ['left', 'right', 'right'],
    rows: tiers.map((t) => [tierName(t.tier), formatCount(t.buyers, ctx.locale), pct(ctx, t.gmvShare)]),
  };
  const top = [...tiers].filter((t) => t.gmvShare !== null).sort((a, b) => b.gmvShare! - a.gmvShare!)[0];
  const total = tiers.reduce((a, t) => a + t.buyers, 0);
  // No tiers because no line names its buyer is a different story from no recent buyers.
  const noBuyerIds = c.repurchaseRate.reason !== undefined && parseMissingReason(c.repurchaseRate.reason)?.code === 'noBuyers';
  return slide(
    ctx,
    'core.tiers',
    'tiers',
    'chart',
    total > 0
      ? [chart, table]
      : [{ type: 'notice', text: noBuyerIds ? reasonText(ctx, c.repurchaseRate.reason!) : s.t('core.noTierBuyers') }],
    [...registryNotes(ctx, ['buyerTiers']), s.t('core.notes.tiers', { start: c.buyerTierWindow.start, end: c.buyerTierWindow.end }), sourceNote(ctx)],
    top ? s.t('core.slides.tiers.headline', { top: tierName(top.tier), share: formatPercent(top.gmvShare!) }) : undefined,
  );
};

const pairsSlide: CoreBuilder = (ctx, c) => {
  const { s } = ctx;
  const p = c.pairs;
  const rows = [
    ...p.category.map((x) => ({ level: s.t('core.slides.pairs.levelCategory'), x })),
    ...p.sku.map((x) => ({ level: s.t('core.slides.pairs.levelSku'), x })),
  ];
  const table: TableBlock = {
    type: 'table',
    header: ['level', 'itemA', 'itemB', 'baskets', 'support', 'confidence', 'lift'].map((h) => s.t(`core.slides.pairs.${h}`)),
    align: ['left', 'left', 'left', 'right', 'right', 'right', 'right'],
    columnWeights: [0.8, 2.2, 2.2, 1, 1, 1, 1],
    rows: rows.map(({ level, x }) => [level, x.aLabel, x.bLabel, formatCount(x.baskets, ctx.locale), formatPercent(x.support, 2), formatPercent(x.confidence), `${x.lift.toFixed(2)}×`]),
  };
  const best = p.sku[0] ?? p.category[0];
  const none = s.t('core.slides.pairs.none', { support: formatPercent(p.minSupport, 2), baskets: p.minBaskets, total: formatCount(p.baskets.sku, ctx.locale) });
  const notes = [
    ...registryNotes(ctx, ['pairSupport', 'pairConfidence', 'pairLift']),
    s.t('core.notes.pairs', { baskets: formatCount(p.baskets.sku, ctx.locale), multi: formatCount(p.multiItemBaskets.sku, ctx.locale) }),
    ...(p.category.length === 0 ? [s.t('core.slides.pairs.noCategory')] : []),
    ...(p.approximate ? [s.t('core.notes.pairsApprox', { bound: p.undercountBound })] : []),
    ...[settingsNote(ctx)].filter((x): x is string => x !== null),
    sourceNote(ctx),
  ];
  return slide(
    ctx,
    'core.pairs',
    'pairs',
    'table',
    rows.length > 0 ? [table] : [{ type: 'notice', text: none }],
    notes,
    best ? s.t('core.slides.pairs.headline', { a: best.aLabel, b: best.bLabel, lift: `${best.lift.toFixed(1)}×`, confidence: formatPercent(best.confidence) }) : undefined,
  );
};

const refundsSlide: CoreBuilder = (ctx, c) => {
  const { s } = ctx;
  const reasons = c.refundReasons;
  const reasonName = (r: string) => (r === NO_REASON ? s.t('core.slides.refunds.noReason') : r);
  const scale = chartScale(ctx, reasons.map((r) => r.amountMinor));
  const chart: Chart = {
    type: 'chart',
    chartType: 'combo',
    title: s.t('core.slides.refunds.chartTitle'),
    categories: reasons.map((r) => reasonName(r.reason)),
    series: [
      { name: s.t('core.slides.refunds.amount'), values: reasons.map((r) => nullableScaled(r.amountMinor, scale)) },
      { name: s.t('core.slides.refunds.cumulative'), values: reasons.map((r) => round(r.cumulativeShare, 4)), asLine: true },
    ],
    numberFormat: numberFormat(scale.decimals),
    secondaryNumberFormat: '0%',
    unitLabel: chartUnit(ctx, scale),
    secondaryUnitLabel: '%',
    showValues: true,
  };
  const table: TableBlock = {
    type: 'table',
    header: [s.t('core.slides.refunds.reason'), s.t('core.slides.refunds.amount'), s.t('figures.share'), s.t('core.slides.refunds.cumulative')],
    align: ['left', 'right', 'right', 'right'],
    rows: reasons.map((r) => [reasonName(r.reason), money(ctx, r.amountMinor), formatPercent(r.share), formatPercent(r.cumulativeShare)]),
  };
  // The "vital few": reasons up to and including the one that passes 80% of refunds.
  const vital = reasons.findIndex((r) => r.cumulativeShare >= 0.8) + 1;
  // Refunds none of which has a reason (an export without the column): no Pareto of one bar.
  const noReasons = reasons.length > 0 && reasons.every((r) => r.reason === NO_REASON);
  const headline =
    c.refundRateByAmount.value === null
      ? undefined
      : s.t(reasons.length > 0 && !noReasons ? 'core.slides.refunds.headline' : 'core.slides.refunds.headlineNone', {
          byAmount: figureText(ctx, c.refundRateByAmount),
          byOrders: valueOrMissing(ctx, c.refundRateByOrders),
          count: vital,
          share: reasons.length > 0 ? formatPercent(reasons[vital - 1]!.cumulativeShare) : '',
        });
  const refundComponents = (): Component[] => {
    if (noReasons) {
      const amount = money(ctx, reasons.reduce((a, r) => a + r.amountMinor, 0));
      return [{ type: 'notice', text: s.t('core.slides.refunds.noReasons', { amount }) }];
    }
    if (reasons.length > 0) return [chart, table];
    if (c.refundRateByAmount.value === null) return notices(ctx, [c.refundRateByAmount]);
    return [{ type: 'notice', text: s.t('core.slides.refunds.none', { period: periodText(ctx, ctx.m.periods.current.label) }) }];
  };
  return slide(
    ctx,
    'core.refunds',
    'refunds',
    'chart',
    refundComponents(),
    [...registryNotes(ctx, ['refundRateByAmount', 'refundRateByOrders', 'refundReasonShare']), sourceNote(ctx), ...linesNote(ctx)],
    headline,
  );
};

const serviceSlide: CoreBuilder = (ctx, c) => {
  const { s } = ctx;
  const fr = c.firstResponse;
  const rows = c.firstResponseByPlatform;
  const chart: Chart = {
    type: 'chart',
    chartType: 'bar',
    title: s.t('core.slides.service.chartTitle'),
    categories: rows.map((r) => platformName(r.key, s)),
    series: [
      { name: s.t('core.slides.service.median'), values: rows.map((r) => (r.median.value === null ? null : round(r.median.value, 1))) },
      { name: s.t('core.slides.service.p90'), values: rows.map((r) => (r.p90.value === null ? null : round(r.p90.value, 1))) },
    ],
    numberFormat: '#,##0',
    unitLabel: s.t('core.units.seconds'),
    showValues: true,
    higherIsBetter: false,
  };
  const sla = s.t('core.slides.service.sla', { seconds: fr.slaSeconds });
  const headline =
    fr.median.value === null
      ? undefined
      : s.t('core.slides.service.headline', { median: figureText(ctx, fr.median), p90: valueOrMissing(ctx, fr.p90), sla, within: valueOrMissing(ctx, fr.withinSlaShare) });
  const counts = c.serviceCounts;
  return slide(
    ctx,
    'core.service',
    'service',
    'kpi-row',
    [
      kpi(ctx, 'firstResponseMedian', fr.median, false),
      kpi(ctx, 'withinSlaShare', fr.withinSlaShare),
      kpi(ctx, 'resolutionMedian', c.resolution.median, false),
      kpi(ctx, 'satisfactionMean', c.satisfaction.mean),
      kpi(ctx, 'reviewRating', c.reviewRating),
      ...(rows.length > 0 ? [chart] : []),
      ...notices(ctx, [fr.median, c.resolution.median, c.satisfaction.mean, c.reviewRating]),
    ],
    [
      ...registryNotes(ctx, ['firstResponseMedian', 'firstResponseP90', 'withinSlaShare', 'resolutionMedian', 'resolutionP90', 'satisfactionMean', 'satisfactionShareHigh', 'reviewRating']),
      s.t('core.notes.serviceValues', {
        p90: valueOrMissing(ctx, fr.p90),
        resolutionP90: valueOrMissing(ctx, c.resolution.p90),
        shareHigh: valueOrMissing(ctx, c.satisfaction.shareHigh),
      }),
      s.t('core.notes.service', { tickets: counts.tickets, unanswered: counts.unanswered, unresolved: counts.unresolved, rated: counts.rated, reviews: counts.reviews }),
      sourceNote(ctx, ['service_tickets', 'reviews']),
    ],
    headline,
  );
};

/** Slides added to section 1, by id. */
export const OVERVIEW_EXTRA_SLIDES: SlideDef[] = [
  { id: 'overview.weekly', build: (ctx) => [weeklySlide(ctx)] },
  { id: 'overview.buyerMix', build: (ctx) => [buyerMixSlide(ctx)] },
];

/** Section 2's slides, by id. */
export const CORE_SLIDES: SlideDef[] = [
  withCore('core.kpis', 'kpis', kpisSlide),
  withCore('core.funnel', 'funnel', funnelSlide),
  withCore('core.conversion', 'conversion', conversionSlide),
  withCore('core.channels', 'channels', channelsSlide),
  withCore('core.aovRepurchase', 'aov', aovSlide),
  withCore('core.retention', 'retention', retentionSlide),
  withCore('core.tiers', 'tiers', tiersSlide),
  withCore('core.pairs', 'pairs', pairsSlide),
  withCore('core.refunds', 'refunds', refundsSlide),
  withCore('core.service', 'service', serviceSlide),
];
