// deck.yaml: layering (a later layer overrides one slide or replaces the section list) and the
// "did you mean" errors for misspelt figures, layouts, colours, components, slides and keys.
import { describe, expect, it } from 'vitest';
import { mergeDeckLayers, validateDeck, type DeckNames } from '../../src/template/deck.js';

const NAMES: DeckNames = {
  sectionIds: ['overview', 'core', 'projects', 'diagnosis', 'team', 'plan', 'appendix'],
  slideIds: ['overview.kpis', 'overview.byPlatform', 'overview.byCategory', 'overview.trend', 'core.kpis', 'core.funnel'],
  figures: [
    { id: 'overview.gmv', kind: 'scalar', measures: [] },
    { id: 'overview.refunds', kind: 'scalar', measures: [] },
    { id: 'overview.byPlatform', kind: 'breakdown', measures: ['gmv', 'share', 'orders', 'buyers'] },
    { id: 'overview.byCategory', kind: 'breakdown', measures: ['gmv', 'share', 'orders', 'buyers'] },
    { id: 'overview.byMonth', kind: 'series', measures: ['gmv'] },
  ],
  hasString: (key) => ['slides.extra.title', 'slides.trend.title'].includes(key),
};

const BASE = {
  sections: [
    { id: 'overview', slides: ['overview.kpis', 'overview.byPlatform', 'overview.trend'] },
    { id: 'core', slides: ['core.kpis', 'core.funnel'] },
  ],
};

function problems(...raws: unknown[]): string[] {
  const deck = mergeDeckLayers(raws.map((raw, i) => ({ file: i === 0 ? 'default/deck.yaml' : 'deck.yaml', raw })));
  return validateDeck(deck, NAMES);
}

/** The base deck with one slide entry of section 1 (core) replaced at index 2. */
function withSlide(slide: unknown): unknown {
  return { sections: [BASE.sections[0], { id: 'core', slides: ['core.kpis', 'core.funnel', slide] }] };
}

describe('deck.yaml validation', () => {
  it('accepts the base deck', () => {
    expect(problems(BASE)).toEqual([]);
  });

  it('names the file, the path and the nearest figure for a misspelt figure id', () => {
    const p = problems(withSlide({ id: 'core.extra', kind: 'chart', chart: { type: 'bar', figure: 'overview.gmvByPlatfrom' } }));
    expect(p).toEqual([
      "default/deck.yaml: sections[1].slides[2].chart.figure: unknown figure 'overview.gmvByPlatfrom' — did you mean 'overview.byPlatform'?",
    ]);
  });

  it('suggests the layout, the chart type and the colour', () => {
    const p = problems(
      withSlide({ id: 'core.extra', kind: 'chart', layout: 'two-chart', chart: { type: 'dougnut', figure: 'overview.byCategory', color: 'acent' } }),
    );
    expect(p).toContain("default/deck.yaml: sections[1].slides[2].layout: unknown layout 'two-chart' — did you mean 'two-charts'?");
    expect(p).toContain("default/deck.yaml: sections[1].slides[2].chart.type: unknown chart type 'dougnut' — did you mean 'doughnut'?");
    expect(p).toContain("default/deck.yaml: sections[1].slides[2].chart.color: unknown colour 'acent' — did you mean 'accent'?");
  });

  it('suggests the component kind and its figure in an add: list', () => {
    const p = problems({
      sections: [{ id: 'overview', slides: [{ id: 'overview.kpis', add: [{ chrt: { type: 'bar', figure: 'overview.gmv' } }, { insight: 'overview.refund' }] }] }],
    });
    expect(p).toEqual([
      "default/deck.yaml: sections[0].slides[0].add[0].chrt: unknown component 'chrt' — did you mean 'chart'?",
      "default/deck.yaml: sections[0].slides[0].add[1].insight.figure: unknown figure 'overview.refund' — did you mean 'overview.refunds'?",
    ]);
  });

  it('suggests the slide id, the section id, the slide kind and a misspelt key', () => {
    const p = problems({
      sections: [
        { id: 'overveiw', slides: ['overview.tred', { id: 'x.chart', kind: 'chrt', chart: { type: 'bar', figure: 'overview.gmv' } }] },
        { id: 'core', slides: [{ id: 'core.kpis', tittle: 'slides.trend.title' }] },
      ],
    });
    expect(p).toContain("default/deck.yaml: sections[1].slides[0].tittle: unknown key 'tittle' — did you mean 'title'?");
    // The shape is wrong, so the names are not checked further in that layer.
    expect(p).toHaveLength(1);
    const names = problems({
      sections: [{ id: 'overveiw', slides: ['overview.tred', { id: 'x.chart', kind: 'chrt', chart: { type: 'bar', figure: 'overview.gmv' } }] }],
    });
    expect(names).toEqual([
      "default/deck.yaml: sections[0].id: unknown section 'overveiw' — did you mean 'overview'?",
      "default/deck.yaml: sections[0].slides[0].id: unknown slide 'overview.tred' (a new slide needs kind: chart | kpis | table | insights) — did you mean 'overview.trend'?",
      "default/deck.yaml: sections[0].slides[1].kind: unknown slide kind 'chrt' — did you mean 'chart'?",
    ]);
  });

  it('says which kind of figure a chart type needs', () => {
    const p = problems(withSlide({ id: 'core.extra', kind: 'chart', chart: { type: 'doughnut', figure: 'overview.gmv' } }));
    expect(p).toEqual([
      "default/deck.yaml: sections[1].slides[2].figure: a doughnut chart needs a breakdown; 'overview.gmv' is a single figure (e.g. 'overview.byPlatform')".replace(
        '.figure:',
        '.chart.figure:',
      ),
    ]);
  });

  it('checks a measure, a title key, duplicates and a generic slide without its figure', () => {
    const p = problems({
      sections: [
        {
          id: 'overview',
          slides: [
            'overview.kpis',
            'overview.kpis',
            { id: 'x.share', kind: 'chart', title: 'slides.nope.title', chart: { type: 'bar', figure: 'overview.byPlatform', measure: 'ordrs' } },
            { id: 'x.kpis', kind: 'kpis' },
          ],
        },
      ],
    });
    expect(p).toEqual([
      "default/deck.yaml: sections[0].slides[1].id: slide 'overview.kpis' is already shown at sections[0].slides[0]",
      "default/deck.yaml: sections[0].slides[2].title: no locale string 'slides.nope.title' — add it to locales/<lang>.yaml in the template",
      "default/deck.yaml: sections[0].slides[2].chart.measure: 'overview.byPlatform' has no measure 'ordrs' (it has gmv, share, orders, buyers) — did you mean 'orders'?",
      "default/deck.yaml: sections[0].slides[3].figures: a 'kpis' slide needs 'figures:' naming the figure it shows",
    ]);
  });
});

describe('deck.yaml layers', () => {
  const ids = (raw: unknown[]) =>
    mergeDeckLayers(raw.map((r, i) => ({ file: `layer${i}/deck.yaml`, raw: r }))).sections.map((s) => [s.id, s.slides.map((x) => x.id)]);

  it('a later `slides:` entry drops one slide, keeping the rest of the list', () => {
    expect(ids([BASE, { slides: { 'overview.byPlatform': { show: false } } }])).toEqual([
      ['overview', ['overview.kpis', 'overview.trend']],
      ['core', ['core.kpis', 'core.funnel']],
    ]);
  });

  it('a later `slides:` entry adds a new slide after another and changes one slide', () => {
    const deck = mergeDeckLayers([
      { file: 'default/deck.yaml', raw: BASE },
      {
        file: 'mine/deck.yaml',
        raw: {
          slides: {
            'mine.platformShare': { after: 'overview.byPlatform', kind: 'chart', chart: { type: 'doughnut', figure: 'overview.byPlatform' } },
            'overview.trend': { layout: 'two-charts', title: 'slides.extra.title' },
          },
        },
      },
    ]);
    expect(deck.problems).toEqual([]);
    expect(deck.sections[0]!.slides.map((s) => s.id)).toEqual(['overview.kpis', 'overview.byPlatform', 'mine.platformShare', 'overview.trend']);
    const trend = deck.sections[0]!.slides[3]!;
    expect(trend).toMatchObject({ layout: 'two-charts', title: 'slides.extra.title', file: 'mine/deck.yaml', path: 'slides.overview.trend' });
    expect(validateDeck(deck, NAMES)).toEqual([]);
  });

  it('a later `sections:` list replaces the earlier one whole', () => {
    expect(ids([BASE, { sections: [{ id: 'core', slides: ['core.funnel'] }] }])).toEqual([['core', ['core.funnel']]]);
  });

  it('an override of a slide that is nowhere, or after a misspelt slide, is an error naming the override', () => {
    const deck = mergeDeckLayers([
      { file: 'default/deck.yaml', raw: BASE },
      { file: 'mine/deck.yaml', raw: { slides: { 'overview.byCategory': { layout: 'chart' }, 'mine.x': { after: 'overview.byPlatfrm', kind: 'chart', chart: { type: 'bar', figure: 'overview.gmv' } } } } },
    ]);
    expect(deck.problems).toEqual([
      "mine/deck.yaml: slides.overview.byCategory: slide 'overview.byCategory' is in no section — list it under a section's slides, or give 'after: <slide id>' to place it",
      "mine/deck.yaml: slides.mine.x.after: no slide 'overview.byPlatfrm' in the deck — did you mean 'overview.byPlatform'?",
    ]);
  });

  it('a section with show: false disappears with its slides', () => {
    expect(ids([{ sections: [...BASE.sections, { id: 'team', show: false, slides: [] }] }]).map(([id]) => id)).toEqual(['overview', 'core']);
  });
});

describe('deck.yaml: titles, added KPI cards and font names', () => {
  it('a chart title names a locale string, as a slide title does', () => {
    const chart = { id: 'x.c', kind: 'chart', chart: { type: 'bar', figure: 'overview.gmv', title: 'slides.no.such' } };
    expect(problems(withSlide(chart))).toEqual([
      "default/deck.yaml: sections[1].slides[2].chart.title: no locale string 'slides.no.such' — add it to locales/<lang>.yaml in the template",
    ]);
    expect(problems(withSlide({ ...chart, chart: { ...chart.chart, title: 'slides.trend.title' } }))).toEqual([]);
  });

  it('a title that names a group of strings, not a string, is an error', async () => {
    const { Strings } = await import('../../src/report/strings.js');
    const strings = new Strings({ slides: { trend: { title: '趋势' } } }, 'zh-CN');
    expect(strings.hasText('slides.trend.title')).toBe(true);
    expect(strings.hasText('slides.trend')).toBe(false);
    expect(strings.hasText('slides.none')).toBe(false);
    const deck = mergeDeckLayers([{ file: 'deck.yaml', raw: withSlide({ id: 'x.c', kind: 'chart', title: 'slides', chart: { type: 'bar', figure: 'overview.gmv' } }) }]);
    expect(validateDeck(deck, { ...NAMES, hasString: (k) => strings.hasText(k) })).toEqual([
      "deck.yaml: sections[1].slides[2].title: no locale string 'slides' — add it to locales/<lang>.yaml in the template",
    ]);
  });

  it('a KPI card added to a slide shows a single figure', () => {
    expect(problems(BASE, { slides: { 'overview.trend': { add: [{ kpi: 'overview.gmv' }, { kpi: { figure: 'overview.byPlatform' } }] } } })).toEqual([
      "deck.yaml: slides.overview.trend.add[1].kpi.figure: a KPI card shows a single figure; 'overview.byPlatform' is a breakdown",
    ]);
  });

  it('a font name holds no markup or control characters', async () => {
    const { themeSchema } = await import('../../src/template/schema.js');
    const theme = (latin: string) => ({
      size: { width: 13.333, height: 7.5 },
      colors: { primary: '1F3A5F', accent: '2A9D8F', positive: '2E7D32', negative: 'C62828', neutral: '6B7280', background: 'FFFFFF', surface: 'F3F5F8', text: '1F2937', series: ['2A9D8F', '1F3A5F'] },
      fonts: { latin, eastAsian: 'Noto Sans CJK SC', numbers: 'Arial' },
    });
    expect(themeSchema.safeParse(theme('Segoe UI')).success).toBe(true);
    for (const bad of ['Ar<ial', 'A&B', 'Say "hi"', 'Ari\x01al']) {
      const r = themeSchema.safeParse(theme(bad));
      expect(r.success, bad).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(['fonts', 'latin']);
    }
  });
});

describe('theme.yaml: slide size', () => {
  it('takes 16:9 widths from 10 to 56 inches only', async () => {
    const { themeSchema } = await import('../../src/template/schema.js');
    const theme = (width: number, height: number) => ({
      size: { width, height },
      colors: { primary: '1F3A5F', accent: '2A9D8F', positive: '2E7D32', negative: 'C62828', neutral: '6B7280', background: 'FFFFFF', surface: 'F3F5F8', text: '1F2937', series: ['2A9D8F', '1F3A5F'] },
      fonts: { latin: 'Arial', eastAsian: 'Noto Sans CJK SC', numbers: 'Arial' },
    });
    expect(themeSchema.safeParse(theme(13.333, 7.5)).success).toBe(true);
    expect(themeSchema.safeParse(theme(20, 11.25)).success).toBe(true);
    for (const [w, h] of [[0.13333, 0.075], [1333.3, 750], [1.7777e300, 1e300]] as const) {
      const r = themeSchema.safeParse(theme(w, h));
      expect(r.success, `${w}`).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(['size', 'width']);
    }
  });
});
