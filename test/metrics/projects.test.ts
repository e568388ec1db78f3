// Key-project KPIs: typed values (money in major units becomes fen), KPIs that name a computed
// figure (after = this quarter, before = last quarter unless typed), and figure ids that do
// not exist (a problem with a suggestion) or belong to a section this build lacks (n/a).
import { describe, expect, it } from 'vitest';
import { buildProjects, figureIds, resolveFigure } from '../../src/metrics/projects.js';
import { parseNarrative } from '../../src/narrative/load.js';

const F = (value: number | null, previous: number | null, unit = 'ratio') => ({ value, unit, previous, yearAgo: null, qoq: null, yoy: null });

const doc = {
  overview: {
    gmv: F(500_000, 400_000, 'minor'),
    byPlatform: [{ key: 'douyin', gmv: F(120_000, 100_000, 'minor'), share: 0.24 }],
  },
  core: { conversion: F(0.032, 0.04), repurchaseRate: F(null, 0.2) },
};

const narrative = parseNarrative(
  {
    projects: [
      {
        name: '自播间',
        owner: '王敏',
        status: 'on-track',
        goal: '提升直播占比',
        kpis: [
          { name: '转化率', figure: 'core.conversion' },
          { name: '抖音 GMV', figure: 'overview.byPlatform.douyin.gmv', before: 800 },
          { name: '投放费用', unit: 'money', before: 1234.5, after: 1000, better: 'lower' },
          { name: '场次', unit: 'count', before: 4, after: 4 },
          { name: '复购率', figure: 'core.repurchaseRate' },
        ],
        highlights: ['按期开播'],
        problems: [],
      },
    ],
  },
  'narrative.yaml',
);

describe('resolving figure ids', () => {
  it('walks objects and rows by key', () => {
    expect(resolveFigure(doc, 'core.conversion')?.value).toBe(0.032);
    expect(resolveFigure(doc, 'overview.byPlatform.douyin.gmv')?.value).toBe(120_000);
    expect(resolveFigure(doc, 'overview.byPlatform.jd.gmv')).toBeUndefined();
    expect(resolveFigure(doc, 'overview')).toBeUndefined();
  });
  it('lists every figure id', () => {
    expect(figureIds(doc)).toEqual(['overview.gmv', 'overview.byPlatform.douyin.gmv', 'core.conversion', 'core.repurchaseRate']);
  });
});

describe('project KPIs', () => {
  const { projects, problems } = buildProjects({ narrative, doc, minorPerMajor: 100 });
  const kpis = projects[0]!.kpis;
  it('takes a named figure: after = this quarter, before = previous quarter', () => {
    // 0.032 against 0.04: difference -0.008, change -20%, higher is better → worse.
    expect(kpis[0]).toMatchObject({ figure: 'core.conversion', unit: 'ratio', before: 0.04, after: 0.032, better: 'higher', improved: false });
    expect(kpis[0]!.difference).toBeCloseTo(-0.008, 12);
    expect(kpis[0]!.change).toBeCloseTo(-0.2, 12);
  });
  it('uses a typed baseline with a figure, in the figure’s unit (money: major → minor)', () => {
    // before ¥800 = 80000 fen; after 120000 fen: +50%.
    expect(kpis[1]).toMatchObject({ unit: 'minor', before: 80_000, after: 120_000, difference: 40_000, change: 0.5, improved: true });
  });
  it('converts typed money and judges lower-is-better', () => {
    // ¥1234.50 → ¥1000: 123450 → 100000 fen, down 19.0%, lower is better → improved.
    expect(kpis[2]).toMatchObject({ figure: null, unit: 'minor', before: 123_450, after: 100_000, difference: -23_450, improved: true });
    expect(kpis[2]!.change).toBeCloseTo(-23_450 / 123_450, 12);
  });
  it('calls an unchanged KPI neither better nor worse', () => {
    expect(kpis[3]).toMatchObject({ before: 4, after: 4, difference: 0, change: 0, improved: null });
  });
  it('leaves a figure without a value as n/a', () => {
    expect(kpis[4]).toMatchObject({ before: 0.2, after: null, difference: null, change: null, improved: null });
  });
  it('carries the narrative text', () => {
    expect(projects[0]).toMatchObject({ name: '自播间', owner: '王敏', status: 'on-track', goal: '提升直播占比', highlights: ['按期开播'], problems: [] });
    expect(problems).toEqual([]);
  });
});

describe('figure ids that do not resolve', () => {
  const bad = parseNarrative(
    {
      projects: [
        {
          name: 'p',
          owner: 'o',
          status: 'late',
          goal: 'g',
          kpis: [
            { name: 'a', figure: 'core.convertion' },
            { name: 'b', figure: 'team.gmvPerHead' },
          ],
        },
      ],
    },
    'narrative.yaml',
  );
  it('reports an unknown id at its yaml path with the nearest id', () => {
    const { problems } = buildProjects({ narrative: bad, doc, minorPerMajor: 100 });
    expect(problems).toEqual([{ path: 'projects[0].kpis[0].figure', message: "unknown figure 'core.convertion'", figure: 'core.convertion', suggestion: 'core.conversion' }]);
  });
  it('shows a figure of a section this build lacks as n/a with the reason', () => {
    // The literal document has no team section.
    const { projects } = buildProjects({ narrative: bad, doc, minorPerMajor: 100 });
    expect(projects[0]!.kpis[1]).toMatchObject({ after: null, before: null, reason: 'team figures are not computed in this build' });
  });
  it('has no projects without a narrative', () => {
    expect(buildProjects({ narrative: null, doc, minorPerMajor: 100 })).toEqual({ projects: [], problems: [] });
  });
});
