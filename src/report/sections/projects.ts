// Section 3, key-project review: campaign lifts against their baseline days, GMV per campaign
// day, the key projects at a glance, and one slide per project with its KPIs before and after.
import type { CampaignResult } from '../../metrics/campaigns.js';
import type { ProjectKpi, ProjectResult } from '../../metrics/projects.js';
import { chartUnit, chartScale, money, nullableScaled, narrativeNone, numberFormat, type SectionContext, type SlideDef } from '../context.js';
import { formatCount, formatGrowth } from '../format.js';
import type { ContentSlide, InsightCard, KpiCard, TableBlock } from '../model.js';
import { cellText, factText, liftText, pointsText, reviewNotes, tone } from './review-common.js';

const CAMPAIGN_TABLES = ['order_lines', 'traffic_daily', 'service_tickets', 'inventory_snapshots'] as const;

function shortDate(day: string): string {
  return `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
}

function campaignLabel(c: CampaignResult): string {
  return `${c.name} ${shortDate(c.start)}–${shortDate(c.end)}`;
}

function campaignNotes(ctx: SectionContext, what: string): string[] {
  const s = ctx.s;
  const p = ctx.m.projects;
  const out = reviewNotes(
    ctx,
    what,
    [s.t('projects.definitions.lift'), s.t('projects.definitions.conversion'), s.t('projects.definitions.stockOuts'), s.t('projects.definitions.tickets')],
    CAMPAIGN_TABLES,
  );
  if (p) {
    const rule = p.campaigns.baseline;
    out.push(s.t(rule.sameWeekday ? 'projects.notes.baselineWeekday' : 'projects.notes.baselineAll', { weeks: rule.weeks }));
    for (const c of p.campaigns.campaigns) {
      out.push(
        s.t('projects.notes.baselineDays', {
          campaign: c.name,
          start: c.start,
          end: c.end,
          count: c.baselineDays.length,
          first: c.baselineDays[0] ?? '—',
          last: c.baselineDays.at(-1) ?? '—',
        }),
      );
      if (c.stockOuts.campaign === null) out.push(s.t('projects.notes.noSnapshot', { campaign: c.name }));
    }
  }
  return out;
}

/** The campaign figures the table shows, one row each. */
const CAMPAIGN_ROWS = ['gmv', 'gmvPerDay', 'orders', 'visitors', 'conversion', 'aov', 'stockOuts', 'tickets'] as const;
/** Higher is better for every row but service load. */
const LOWER_IS_BETTER = new Set<string>(['stockOuts', 'tickets']);
const CAMPAIGNS_PER_TABLE = 3;

function liftValue(ctx: SectionContext, row: (typeof CAMPAIGN_ROWS)[number], v: number | null): string {
  if (v === null) return ctx.s.t('review.cellNa');
  if (row === 'stockOuts') return v.toFixed(1);
  if (row === 'orders' || row === 'visitors' || row === 'tickets') return formatCount(Math.round(v), ctx.locale);
  if (row === 'conversion') return cellText(ctx, v, 'ratio');
  return money(ctx, Math.round(v));
}

function campaignTableSlides(ctx: SectionContext): ContentSlide[] {
  const s = ctx.s;
  const campaigns = ctx.m.projects?.campaigns.campaigns ?? [];
  const title = s.t('projects.campaigns.title');
  const notes = campaignNotes(ctx, title);
  if (campaigns.length === 0) {
    return [{ kind: 'content', id: 'projects.campaigns', title, layout: 'table', components: [{ type: 'notice', text: s.t('projects.campaigns.none', { quarter: ctx.m.quarter }) }], notes }];
  }
  const best = campaigns.reduce((a, c) => ((c.gmvPerDay.lift ?? 0) > (a.gmvPerDay.lift ?? 0) ? c : a));
  const headline = best.gmvPerDay.lift === null ? undefined : s.t('projects.campaigns.headline', { campaign: best.name, lift: liftText(ctx, best.gmvPerDay.lift), count: campaigns.length });
  const slides: ContentSlide[] = [];
  for (let i = 0; i < campaigns.length; i += CAMPAIGNS_PER_TABLE) {
    const chunk = campaigns.slice(i, i + CAMPAIGNS_PER_TABLE);
    const table: TableBlock = {
      type: 'table',
      header: [
        s.t('projects.campaigns.columns.figure'),
        ...chunk.flatMap((c) => [
          s.t('projects.campaigns.columns.campaign', { campaign: campaignLabel(c) }),
          s.t('projects.campaigns.columns.baseline'),
          s.t('projects.campaigns.columns.lift'),
        ]),
      ],
      align: ['left', ...chunk.flatMap(() => ['right', 'right', 'right'] as const)],
      columnWeights: [1.6, ...chunk.flatMap(() => [1.5, 1.2, 0.8])],
      rows: CAMPAIGN_ROWS.map((row) => [
        s.t(`projects.campaigns.rows.${row}`),
        ...chunk.flatMap((c) => [liftValue(ctx, row, c[row].campaign), liftValue(ctx, row, c[row].baseline), liftText(ctx, c[row].lift)]),
      ]),
      tones: CAMPAIGN_ROWS.map((row) => [null, ...chunk.flatMap((c) => [null, null, liftTone(c[row].lift, !LOWER_IS_BETTER.has(row))])]),
    };
    slides.push({ kind: 'content', id: 'projects.campaigns', title, headline: i === 0 ? headline : undefined, layout: 'table', components: [table], notes });
  }
  return slides;
}

function liftTone(lift: number | null, higherIsBetter: boolean): 'positive' | 'negative' | null {
  if (lift === null || Math.abs(lift - 1) < 0.005) return null;
  return (lift > 1) === higherIsBetter ? 'positive' : 'negative';
}

function campaignDailySlide(ctx: SectionContext): ContentSlide[] {
  const s = ctx.s;
  const campaigns = ctx.m.projects?.campaigns.campaigns ?? [];
  if (campaigns.length === 0) return [];
  const title = s.t('projects.daily.title');
  const scale = chartScale(ctx, campaigns.flatMap((c) => [c.gmvPerDay.campaign, c.gmvPerDay.baseline]));
  const lifts = campaigns.map((c) => c.gmvPerDay.lift).filter((x): x is number => x !== null);
  return [
    {
      kind: 'content',
      id: 'projects.daily',
      title,
      headline:
        lifts.length > 0
          ? s.t('projects.daily.headline', { min: liftText(ctx, Math.min(...lifts)), max: liftText(ctx, Math.max(...lifts)) })
          : undefined,
      layout: 'chart',
      components: [
        {
          type: 'chart',
          chartType: 'bar',
          title,
          categories: campaigns.map((c) => c.name),
          series: [
            { name: s.t('projects.daily.seriesCampaign'), values: campaigns.map((c) => nullableScaled(round0(c.gmvPerDay.campaign), scale)) },
            { name: s.t('projects.daily.seriesBaseline'), values: campaigns.map((c) => nullableScaled(round0(c.gmvPerDay.baseline), scale)), comparison: true },
          ],
          numberFormat: numberFormat(scale.decimals),
          unitLabel: chartUnit(ctx, scale),
          showValues: true,
        },
        {
          type: 'table',
          header: [s.t('projects.daily.columns.campaign'), s.t('projects.daily.columns.campaignDay'), s.t('projects.daily.columns.baselineDay'), s.t('projects.daily.columns.lift')],
          align: ['left', 'right', 'right', 'right'],
          rows: campaigns.map((c) => [
            c.name,
            c.gmvPerDay.campaign === null ? s.t('review.cellNa') : money(ctx, Math.round(c.gmvPerDay.campaign)),
            c.gmvPerDay.baseline === null ? s.t('review.cellNa') : money(ctx, Math.round(c.gmvPerDay.baseline)),
            liftText(ctx, c.gmvPerDay.lift),
          ]),
        },
      ],
      notes: campaignNotes(ctx, title),
    },
  ];
}

function round0(v: number | null): number | null {
  return v === null ? null : Math.round(v);
}

function statusText(ctx: SectionContext, p: ProjectResult): string {
  return ctx.s.t(`projects.status.${p.status}`);
}

function kpiValue(ctx: SectionContext, value: number | null, k: ProjectKpi): string {
  return value === null ? ctx.s.t('comparisons.na') : factText(ctx, { value, unit: k.unit });
}

/** "+12.3%" for amounts, "+1.2pt" for ratios. */
function kpiChange(ctx: SectionContext, k: ProjectKpi): string {
  if (k.difference === null) return ctx.s.t('comparisons.na');
  if (k.unit === 'ratio') return pointsText(ctx, k.difference);
  return k.change === null ? ctx.s.t('comparisons.na') : formatGrowth(k.change);
}

function summarySlide(ctx: SectionContext): ContentSlide {
  const s = ctx.s;
  const projects = ctx.m.projects?.projects ?? [];
  const title = s.t('projects.summary.title');
  const notes = [
    ...reviewNotes(ctx, title, [s.t('projects.definitions.kpi')], null),
    ctx.input.narrativeFile ? s.t('projects.notes.narrative', { file: ctx.input.narrativeFile }) : s.t('projects.notes.noNarrative'),
  ];
  if (projects.length === 0) {
    return { kind: 'content', id: 'projects.summary', title, layout: 'table', components: [{ type: 'notice', text: narrativeNone(ctx, 'projects.summary.none') }], notes };
  }
  const count = (status: ProjectResult['status']) => projects.filter((p) => p.status === status).length;
  return {
    kind: 'content',
    id: 'projects.summary',
    title,
    headline: s.t('projects.summary.headline', {
      count: projects.length,
      done: count('done'),
      onTrack: count('on-track'),
      atRisk: count('at-risk'),
      late: count('late'),
    }),
    layout: 'table',
    components: [
      {
        type: 'table',
        header: [s.t('projects.summary.columns.project'), s.t('projects.summary.columns.owner'), s.t('projects.summary.columns.status'), s.t('projects.summary.columns.goal'), s.t('projects.summary.columns.kpi')],
        align: ['left', 'left', 'left', 'left', 'left'],
        columnWeights: [2, 1, 1, 3.4, 3],
        rows: projects.map((p) => {
          const k = p.kpis[0];
          return [
            p.name,
            p.owner,
            statusText(ctx, p),
            p.goal,
            k ? s.t('projects.summary.kpiCell', { name: k.name, before: kpiValue(ctx, k.before, k), after: kpiValue(ctx, k.after, k) }) : s.t('review.cellNa'),
          ];
        }),
        tones: projects.map((p) => [null, null, p.status === 'done' || p.status === 'on-track' ? 'positive' : 'negative', null, tone(p.kpis[0]?.improved ?? null)]),
      },
    ],
    notes,
  };
}

const KPIS_PER_SLIDE = 4;

function projectSlides(ctx: SectionContext): ContentSlide[] {
  const s = ctx.s;
  const projects = ctx.m.projects?.projects ?? [];
  return projects.flatMap((p, index) => {
    const chunks: ProjectKpi[][] = [];
    for (let i = 0; i < Math.max(1, p.kpis.length); i += KPIS_PER_SLIDE) chunks.push(p.kpis.slice(i, i + KPIS_PER_SLIDE));
    return chunks.map((kpis, part): ContentSlide => {
      const cards: KpiCard[] = kpis.map((k) => ({
        type: 'kpi',
        label: k.name,
        value: kpiValue(ctx, k.after, k),
        deltas: [
          { label: s.t('projects.detail.before'), text: kpiValue(ctx, k.before, k), direction: 'none', good: null },
          {
            label: s.t('projects.detail.change'),
            text: kpiChange(ctx, k),
            direction: k.difference === null ? 'none' : k.difference > 0 ? 'up' : k.difference < 0 ? 'down' : 'flat',
            good: k.improved,
          },
        ],
      }));
      const insights: InsightCard[] =
        part > 0
          ? []
          : [
              ...(p.highlights.length > 0
                ? [{ type: 'insight' as const, headline: s.t('projects.detail.highlights'), value: s.t('projects.detail.items', { count: p.highlights.length }), sentence: p.highlights.join(s.t('projects.detail.joiner')), tone: 'positive' as const }]
                : []),
              ...(p.problems.length > 0
                ? [{ type: 'insight' as const, headline: s.t('projects.detail.problems'), value: s.t('projects.detail.items', { count: p.problems.length }), sentence: p.problems.join(s.t('projects.detail.joiner')), tone: 'negative' as const }]
                : []),
            ];
      const title = s.t('projects.detail.title', { project: p.name });
      const kpiNotes = kpis.map((k) =>
        s.t(k.figure ? 'projects.notes.kpiFigure' : 'projects.notes.kpiTyped', {
          name: k.name,
          figure: k.figure ?? '',
          before: kpiValue(ctx, k.before, k),
          after: kpiValue(ctx, k.after, k),
          better: s.t(`projects.detail.better.${k.better}`),
        }),
      );
      return {
        kind: 'content',
        id: `projects.project${index + 1}`,
        title,
        headline: s.t('projects.detail.headline', { owner: p.owner, status: statusText(ctx, p), goal: p.goal }),
        layout: 'kpi-row',
        components: cards.length > 0 ? [...cards, ...insights] : [{ type: 'notice', text: s.t('projects.detail.noKpis') }, ...insights],
        notes: [
          ...reviewNotes(ctx, title, [s.t('projects.definitions.kpi')], null),
          ...kpiNotes,
          ...p.highlights.map((h) => s.t('projects.notes.highlight', { text: h })),
          ...p.problems.map((h) => s.t('projects.notes.problem', { text: h })),
        ],
      };
    });
  });
}

export const PROJECT_SLIDES: SlideDef[] = [
  { id: 'projects.campaigns', build: campaignTableSlides },
  { id: 'projects.daily', build: campaignDailySlide },
  { id: 'projects.summary', build: (ctx) => [summarySlide(ctx)] },
  { id: 'projects.detail', build: projectSlides },
];
