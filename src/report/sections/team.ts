// Section 5, team building: productivity per head (KPI cards, QoQ against last quarter's team),
// headcount, training and certification by role (a table with a total row), and the team's
// initiatives and certifications from the narrative yaml.
import type { Figure } from '../../metrics/figure.js';
import type { RoleRow, TeamMetrics } from '../../metrics/team.js';
import { figureText, narrativeNone, type SectionContext, type SlideDef } from '../context.js';
import { formatCount, formatGrowth } from '../format.js';
import type { ContentSlide, TableBlock } from '../model.js';
import { cellText, growthText, pointsText, qoqCard, reviewNotes } from './review-common.js';

function teamNotes(ctx: SectionContext, title: string, keys: string[], tables: Parameters<typeof reviewNotes>[3]): string[] {
  const s = ctx.s;
  const t = ctx.m.team;
  return [
    ...reviewNotes(ctx, title, keys.map((k) => s.t(`team.definitions.${k}`)), tables),
    ctx.input.narrativeFile ? s.t('team.notes.narrative', { file: ctx.input.narrativeFile }) : s.t('team.notes.noNarrative'),
    t?.hasPrevious ? s.t('team.notes.previous') : s.t('team.notes.noPrevious'),
  ];
}

function noTeam(ctx: SectionContext, id: string, title: string): ContentSlide {
  return {
    kind: 'content',
    id,
    title,
    layout: 'text',
    components: [{ type: 'notice', text: narrativeNone(ctx, 'team.none') }],
    notes: teamNotes(ctx, title, [], null),
  };
}

/** Seconds as a duration: "42秒" or "3.5分钟". */
function durationText(ctx: SectionContext, f: Figure): string {
  if (f.value === null) return ctx.s.t('comparisons.na');
  if (f.value < 120) return ctx.s.t('team.units.seconds', { value: f.value.toFixed(0) });
  return ctx.s.t('team.units.minutes', { value: (f.value / 60).toFixed(1) });
}

function perHeadText(ctx: SectionContext, f: Figure): string {
  return f.value === null ? ctx.s.t('comparisons.na') : ctx.s.t('team.units.perHead', { value: f.unit === 'count' ? f.value.toFixed(1) : figureText(ctx, f) });
}

function kpiSlide(ctx: SectionContext): ContentSlide {
  const s = ctx.s;
  const t = ctx.m.team;
  const title = s.t('team.kpis.title');
  if (!t || !t.hasTeam) return noTeam(ctx, 'team.kpis', title);
  const heads = t.headcount.value ?? 0;
  return {
    kind: 'content',
    id: 'team.kpis',
    title,
    headline: s.t(t.gmvPerHead.qoq === null ? 'team.kpis.headlineNoQoq' : 'team.kpis.headline', {
      heads: formatCount(heads, ctx.locale),
      gmvPerHead: figureText(ctx, t.gmvPerHead),
      qoq: t.gmvPerHead.qoq === null ? '' : formatGrowth(t.gmvPerHead.qoq),
    }),
    layout: 'kpi-row',
    components: [
      qoqCard(ctx, s.t('team.kpis.headcount'), t.headcount, true, s.t('team.units.people', { value: formatCount(heads, ctx.locale) })),
      qoqCard(ctx, s.t('team.kpis.gmvPerHead'), t.gmvPerHead),
      qoqCard(ctx, s.t('team.kpis.ordersPerHead'), t.ordersPerHead, true, perHeadText(ctx, t.ordersPerHead)),
      qoqCard(ctx, s.t('team.kpis.ticketsPerAgent'), t.ticketsPerAgent, true, t.ticketsPerAgent.value === null ? s.t('comparisons.na') : t.ticketsPerAgent.value.toFixed(1)),
    ],
    notes: [
      ...teamNotes(ctx, title, ['gmvPerHead', 'ordersPerHead', 'ticketsPerAgent'], ['order_lines', 'service_tickets']),
      s.t('team.notes.serviceRoles', { roles: t.roles.filter((r) => r.service).map((r) => r.role).join(s.t('team.notes.joiner')) || s.t('review.cellNa') }),
    ],
  };
}

function rolesSlide(ctx: SectionContext): ContentSlide {
  const s = ctx.s;
  const t = ctx.m.team;
  const title = s.t('team.roles.title');
  if (!t || !t.hasTeam) return noTeam(ctx, 'team.roles', title);
  const rows = [...t.roles.map((r) => roleRow(ctx, r.role, r)), roleRow(ctx, s.t('team.roles.total'), t.totals)];
  const table: TableBlock = {
    type: 'table',
    header: [
      s.t('team.roles.columns.role'),
      s.t('team.roles.columns.headcount'),
      s.t('team.roles.columns.headcountQoq'),
      s.t('team.roles.columns.trainingHours'),
      s.t('team.roles.columns.trainingPerHead'),
      s.t('team.roles.columns.certified'),
      s.t('team.roles.columns.coverage'),
      s.t('team.roles.columns.coverageQoq'),
    ],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    rows: rows.map((r) => r.cells),
    tones: rows.map((r) => r.tones),
    totalRow: true,
  };
  return {
    kind: 'content',
    id: 'team.roles',
    title,
    headline: s.t('team.roles.headline', {
      hours: cellText(ctx, t.trainingHoursPerHead.value, 'hours'),
      coverage: cellText(ctx, t.certificationCoverage.value, 'ratio'),
      change: t.totals.coverageChangePoints === null ? s.t('comparisons.na') : pointsText(ctx, t.totals.coverageChangePoints),
    }),
    layout: 'table',
    components: [table],
    notes: teamNotes(ctx, title, ['trainingPerHead', 'coverage'], null),
  };
}

function roleRow(ctx: SectionContext, name: string, r: RoleRow): { cells: string[]; tones: ('positive' | 'negative' | null)[] } {
  const coverageChange = r.coverageChangePoints;
  const headChange = r.headcountChange;
  return {
    cells: [
      name,
      cellText(ctx, r.headcount.value, 'count'),
      headChange === null ? ctx.s.t('review.cellNa') : `${headChange > 0 ? '+' : ''}${headChange}`,
      cellText(ctx, r.trainingHours.value, 'hours'),
      cellText(ctx, r.trainingHoursPerHead.value, 'hours'),
      cellText(ctx, r.certified.value, 'count'),
      cellText(ctx, r.certificationCoverage.value, 'ratio'),
      coverageChange === null ? ctx.s.t('review.cellNa') : pointsText(ctx, coverageChange),
    ],
    tones: [null, null, null, null, null, null, null, coverageChange === null || Math.abs(coverageChange) < 0.0005 ? null : coverageChange > 0 ? 'positive' : 'negative'],
  };
}

function capabilitySlide(ctx: SectionContext): ContentSlide {
  const s = ctx.s;
  const t = ctx.m.team;
  const title = s.t('team.capability.title');
  if (!t || !t.hasTeam) return noTeam(ctx, 'team.capability', title);
  const response = t.firstResponseMedian;
  return {
    kind: 'content',
    id: 'team.capability',
    title,
    headline:
      response.qoq === null
        ? s.t('team.capability.headlineNoResponse', { hours: cellText(ctx, t.trainingHoursPerHead.value, 'hours'), coverage: cellText(ctx, t.certificationCoverage.value, 'ratio') })
        : s.t(response.qoq <= 0 ? 'team.capability.headlineFaster' : 'team.capability.headlineSlower', {
            response: durationText(ctx, response),
            change: growthText(ctx, response.qoq),
          }),
    layout: 'kpi-row',
    components: [
      qoqCard(ctx, s.t('team.capability.trainingPerHead'), t.trainingHoursPerHead),
      qoqCard(ctx, s.t('team.capability.coverage'), t.certificationCoverage),
      qoqCard(ctx, s.t('team.capability.serviceAgents'), t.serviceAgents, true, s.t('team.units.people', { value: cellText(ctx, t.serviceAgents.value, 'count') })),
      qoqCard(ctx, s.t('team.capability.firstResponse'), response, false, durationText(ctx, response)),
    ],
    notes: [...teamNotes(ctx, title, ['trainingPerHead', 'coverage', 'firstResponse'], ['service_tickets'])],
  };
}

function initiativesSlide(ctx: SectionContext): ContentSlide {
  const s = ctx.s;
  const t: TeamMetrics | undefined = ctx.m.team;
  const title = s.t('team.initiatives.title');
  if (!t || !t.hasTeam) return noTeam(ctx, 'team.initiatives', title);
  const paragraphs = [
    s.t('team.initiatives.heading'),
    ...t.initiatives.map((i) => (i.owner ? s.t('team.initiatives.itemOwner', { name: i.name, owner: i.owner, description: i.description }) : s.t('team.initiatives.item', { name: i.name, description: i.description }))),
    ...t.certifications.map((c) =>
      c.previousHolders === null
        ? s.t('team.initiatives.certification', { name: c.name, holders: c.holders })
        : s.t('team.initiatives.certificationQoq', { name: c.name, holders: c.holders, previous: c.previousHolders }),
    ),
  ];
  return {
    kind: 'content',
    id: 'team.initiatives',
    title,
    headline: s.t('team.initiatives.headline', { initiatives: t.initiatives.length, certifications: t.certifications.length }),
    layout: 'text',
    components: paragraphs.length > 1 ? [{ type: 'text', style: 'bullets', paragraphs }] : [{ type: 'notice', text: narrativeNone(ctx, 'team.initiatives.none') }],
    notes: teamNotes(ctx, title, [], null),
  };
}

export const TEAM_SLIDES: SlideDef[] = [
  { id: 'team.kpis', build: (ctx) => [kpiSlide(ctx)] },
  { id: 'team.roles', build: (ctx) => [rolesSlide(ctx)] },
  { id: 'team.capability', build: (ctx) => [capabilitySlide(ctx)] },
  { id: 'team.initiatives', build: (ctx) => [initiativesSlide(ctx)] },
];
