// Section 6, next-quarter plan: targets against this quarter's actuals (which were set in the
// workspace and which follow a default rule), the GMV target bridged from this quarter's actual
// by category and by platform, and the narrative's directions, resource needs and risks.
import type { Decomposition, TargetRow } from '../../metrics/plan.js';
import { chartScale, chartUnit, money, narrativeNone, nullableScaled, numberFormat, platformName, type SectionContext, type SlideDef } from '../context.js';
import { formatCount, formatGrowth, formatPercent } from '../format.js';
import type { Chart, ContentSlide, TableBlock } from '../model.js';
import { factText, pointsText, reviewNotes, turnoverText } from './review-common.js';
import { periodText } from './definitions.js';

const PLAN_TABLES = ['order_lines', 'traffic_daily', 'inventory_snapshots', 'purchase_orders'] as const;

function valueText(ctx: SectionContext, row: TargetRow, v: number | null): string {
  if (v === null) return ctx.s.t('review.cellNa');
  if (row.unit === 'multiple') return turnoverText(ctx, v);
  if (row.unit === 'count') return formatCount(Math.round(v), ctx.locale);
  // Lead times move by fractions of a day: keep one decimal so actual, target and gap agree.
  if (row.unit === 'days') return ctx.s.t('plan.units.days', { value: v.toFixed(1) });
  return factText(ctx, { value: v, unit: row.unit });
}

function gapText(ctx: SectionContext, row: TargetRow): string {
  const g = row.gap;
  if (g === null) return ctx.s.t('review.cellNa');
  if (row.unit === 'ratio') return pointsText(ctx, g);
  const sign = g > 0 ? '+' : g < 0 ? '-' : '';
  if (row.unit === 'minor') return `${sign}${money(ctx, Math.abs(g))}`;
  if (row.unit === 'count') return `${sign}${formatCount(Math.abs(Math.round(g)), ctx.locale)}`;
  if (row.unit === 'multiple') return `${sign}${Math.abs(g).toFixed(1)}`;
  if (row.unit === 'days') return `${sign}${ctx.s.t('plan.units.days', { value: Math.abs(g).toFixed(1) })}`;
  return `${sign}${factText(ctx, { value: Math.abs(g), unit: row.unit })}`;
}

function targetsSlide(ctx: SectionContext): ContentSlide {
  const s = ctx.s;
  const plan = ctx.m.plan;
  const title = plan ? s.t('plan.targets.title', { quarter: periodText(ctx, plan.quarter) }) : s.t('plan.targets.titleNext');
  const notes = reviewNotes(
    ctx,
    title,
    [s.t('plan.definitions.targets'), ...['leadTime', 'turnover', 'slowMoving', 'liveShare'].map((k) => s.t(`diagnosis.definitions.${k}`))],
    PLAN_TABLES,
  );
  if (!plan) return { kind: 'content', id: 'plan.targets', title, layout: 'table', components: [{ type: 'notice', text: s.t('plan.none') }], notes };
  const set = plan.targets.filter((t) => t.source === 'set').length;
  const table: TableBlock = {
    type: 'table',
    header: [s.t('plan.targets.columns.target'), s.t('plan.targets.columns.actual'), s.t('plan.targets.columns.goal'), s.t('plan.targets.columns.gap'), s.t('plan.targets.columns.source')],
    align: ['left', 'right', 'right', 'right', 'left'],
    columnWeights: [1.6, 1.2, 1.2, 1.2, 3],
    rows: plan.targets.map((t) => [
      s.t(`plan.targets.names.${t.id}`),
      valueText(ctx, t, t.actual),
      valueText(ctx, t, t.target),
      gapText(ctx, t),
      t.source === 'set' ? s.t('plan.targets.set') : s.t('plan.targets.default', { rule: s.t(`plan.defaults.${t.id}`) }),
    ]),
    tones: plan.targets.map((t) => [null, null, null, null, t.source === 'set' ? 'positive' : 'neutral']),
  };
  const g = plan.gmv;
  return {
    kind: 'content',
    id: 'plan.targets',
    title,
    headline:
      g.target === null
        ? s.t('plan.targets.headlineNoGmv', { set, defaulted: plan.targets.length - set })
        : s.t('plan.targets.headline', {
            quarter: periodText(ctx, plan.quarter),
            target: money(ctx, g.target),
            growth: g.growth === null ? s.t('comparisons.na') : formatGrowth(g.growth),
            set,
            defaulted: plan.targets.length - set,
          }),
    layout: 'table',
    components: [table],
    notes: [...notes, ...plan.targets.map((t) => s.t('plan.notes.target', { name: s.t(`plan.targets.names.${t.id}`), rule: t.source === 'set' ? s.t('plan.notes.setRule') : s.t(`plan.defaultsLong.${t.id}`) }))],
  };
}

function bridgeSlide(ctx: SectionContext, by: 'category' | 'platform'): ContentSlide[] {
  const s = ctx.s;
  const plan = ctx.m.plan;
  if (!plan) return [];
  const d: Decomposition = by === 'category' ? plan.byCategory : plan.byPlatform;
  const name = (key: string) => (by === 'platform' ? platformName(key, s) : key === '(none)' ? s.t('plan.bridge.unknown') : key);
  const title = s.t(`plan.bridge.title.${by}`);
  const id = by === 'category' ? 'plan.bridgeCategory' : 'plan.bridgePlatform';
  const g = plan.gmv;
  const notes = [
    ...reviewNotes(ctx, title, [s.t('plan.definitions.bridge')], ['order_lines']),
    d.rule
      ? s.t('plan.notes.rule', { core: d.rule.core.map(name).join(s.t('plan.bridge.joiner')), minShare: formatPercent(d.rule.minShare, 0), applied: s.t(d.ruleApplied ? 'plan.notes.applied' : 'plan.notes.notApplied') })
      : s.t('plan.notes.noRule'),
    ...(d.unknownCore.length > 0 ? [s.t('plan.notes.unknownCore', { names: d.unknownCore.join(', ') })] : []),
  ];
  if (g.actual === null || g.target === null || g.increment === null) {
    return [{ kind: 'content', id, title, layout: 'chart', components: [{ type: 'notice', text: s.t('plan.bridge.noGmv') }], notes }];
  }
  const scale = chartScale(ctx, [g.actual, g.target]);
  const chart: Chart = {
    type: 'chart',
    chartType: 'waterfall',
    title,
    categories: [s.t('plan.bridge.actual'), ...d.rows.map((r) => name(r.key)), s.t('plan.bridge.target')],
    series: [{ name: s.t('figures.gmv'), values: [nullableScaled(g.actual, scale), ...d.rows.map((r) => nullableScaled(r.incrementMinor, scale)), nullableScaled(g.target, scale)] }],
    numberFormat: numberFormat(scale.decimals),
    unitLabel: chartUnit(ctx, scale),
    showValues: true,
    higherIsBetter: true,
  };
  const table: TableBlock = {
    type: 'table',
    header: [s.t(`plan.bridge.columns.${by}`), s.t('plan.bridge.columns.increment'), s.t('plan.bridge.columns.share'), s.t('plan.bridge.columns.target')],
    align: ['left', 'right', 'right', 'right'],
    rows: d.rows.map((r) => [name(r.key) + (r.core ? s.t('plan.bridge.coreMark') : ''), money(ctx, r.incrementMinor), formatPercent(r.shareOfIncrement), money(ctx, r.targetMinor)]),
  };
  const headline = d.rule
    ? s.t('plan.bridge.headlineRule', { increment: money(ctx, g.increment), core: d.rule.core.map(name).join(s.t('plan.bridge.joiner')), share: formatPercent(d.coreShare ?? 0) })
    : s.t('plan.bridge.headline', { increment: money(ctx, g.increment), top: d.rows[0] ? name(d.rows[0].key) : '—', share: d.rows[0] ? formatPercent(d.rows[0].shareOfIncrement) : '—' });
  return [{ kind: 'content', id, title, headline, layout: 'chart', components: [chart, table], notes }];
}

function directionsSlide(ctx: SectionContext): ContentSlide {
  const s = ctx.s;
  const plan = ctx.m.plan;
  const title = s.t('plan.directions.title');
  const directions = plan?.directions ?? [];
  return {
    kind: 'content',
    id: 'plan.directions',
    title,
    headline: directions.length > 0 ? s.t('plan.directions.headline', { count: directions.length }) : undefined,
    layout: 'text',
    components:
      directions.length > 0
        ? [
            {
              type: 'text',
              style: 'bullets',
              paragraphs: [
                plan ? s.t('plan.directions.heading', { quarter: periodText(ctx, plan.quarter) }) : s.t('plan.directions.title'),
                ...directions.map((d) => (d.detail ? s.t('plan.directions.itemDetail', { title: d.title, detail: d.detail }) : d.title)),
              ],
            },
          ]
        : [{ type: 'notice', text: narrativeNone(ctx, 'plan.directions.none') }],
    notes: [...reviewNotes(ctx, title, [], null), ctx.input.narrativeFile ? s.t('plan.notes.narrative', { file: ctx.input.narrativeFile }) : s.t('plan.notes.noNarrative')],
  };
}

function resourcesSlide(ctx: SectionContext): ContentSlide {
  const s = ctx.s;
  const resources = ctx.m.plan?.resources ?? [];
  const title = s.t('plan.resources.title');
  const budget = ctx.m.plan?.resourcesBudgetMinor ?? null;
  const rows = resources.map((r) => [r.item, r.detail ?? '', r.budgetMinor === null ? s.t('review.cellNa') : money(ctx, r.budgetMinor)]);
  if (budget !== null) rows.push([s.t('plan.resources.total'), '', money(ctx, budget)]);
  return {
    kind: 'content',
    id: 'plan.resources',
    title,
    headline: resources.length > 0 ? s.t(budget === null ? 'plan.resources.headlineNoBudget' : 'plan.resources.headline', { count: resources.length, budget: budget === null ? '' : money(ctx, budget) }) : undefined,
    layout: 'table',
    components:
      resources.length > 0
        ? [{ type: 'table', header: [s.t('plan.resources.columns.item'), s.t('plan.resources.columns.detail'), s.t('plan.resources.columns.budget')], align: ['left', 'left', 'right'], columnWeights: [2, 5, 1.4], rows, totalRow: budget !== null }]
        : [{ type: 'notice', text: narrativeNone(ctx, 'plan.resources.none') }],
    notes: [...reviewNotes(ctx, title, [], null), ctx.input.narrativeFile ? s.t('plan.notes.narrative', { file: ctx.input.narrativeFile }) : s.t('plan.notes.noNarrative')],
  };
}

function risksSlide(ctx: SectionContext): ContentSlide {
  const s = ctx.s;
  const risks = ctx.m.plan?.risks ?? [];
  const title = s.t('plan.risks.title');
  const high = risks.filter((r) => r.impact === 'high').length;
  return {
    kind: 'content',
    id: 'plan.risks',
    title,
    headline: risks.length > 0 ? s.t('plan.risks.headline', { count: risks.length, high }) : undefined,
    layout: 'table',
    components:
      risks.length > 0
        ? [
            {
              type: 'table',
              header: [s.t('plan.risks.columns.risk'), s.t('plan.risks.columns.impact'), s.t('plan.risks.columns.mitigation'), s.t('plan.risks.columns.owner')],
              align: ['left', 'left', 'left', 'left'],
              columnWeights: [3, 0.8, 4.4, 1.2],
              rows: risks.map((r) => [r.risk, s.t(`plan.risks.impact.${r.impact}`), r.mitigation, r.owner ?? s.t('review.cellNa')]),
              tones: risks.map((r) => [null, r.impact === 'high' ? 'negative' : r.impact === 'low' ? 'positive' : 'neutral', null, null]),
            },
          ]
        : [{ type: 'notice', text: narrativeNone(ctx, 'plan.risks.none') }],
    notes: [...reviewNotes(ctx, title, [], null), ctx.input.narrativeFile ? s.t('plan.notes.narrative', { file: ctx.input.narrativeFile }) : s.t('plan.notes.noNarrative')],
  };
}

export const PLAN_SLIDES: SlideDef[] = [
  { id: 'plan.targets', build: (ctx) => [targetsSlide(ctx)] },
  { id: 'plan.bridgeCategory', build: (ctx) => bridgeSlide(ctx, 'category') },
  { id: 'plan.bridgePlatform', build: (ctx) => bridgeSlide(ctx, 'platform') },
  { id: 'plan.directions', build: (ctx) => [directionsSlide(ctx)] },
  { id: 'plan.resources', build: (ctx) => [resourcesSlide(ctx)] },
  { id: 'plan.risks', build: (ctx) => [risksSlide(ctx)] },
];
