// The deck model from the demo's metrics and a deck.yaml: slides in the order deck.yaml lists,
// slides it leaves out gone, slides it adds charted from existing figures (values checked by
// hand against the metrics JSON), an empty chart replaced by a notice, and template errors.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricsDocument } from '../../src/metrics/document.js';
import { buildDeck, type DeckInput } from '../../src/report/build-deck.js';
import type { Chart, ContentSlide, Deck } from '../../src/report/model.js';
import { Strings } from '../../src/report/strings.js';
import { UserError } from '../../src/errors.js';
import { mergeDeckLayers } from '../../src/template/deck.js';
import { loadTemplate } from '../../src/template/load.js';
import { runCli } from '../helpers/run-cli.js';

const root = path.resolve(__dirname, '../..');
const config = path.join(root, 'fixtures/demo/ecom-report.yaml');

let metrics: MetricsDocument;
let zh: Strings;
let en: Strings;
let packagedDeck: Awaited<ReturnType<typeof loadTemplate>>['deck'];

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'build-deck-'));
  const r = await runCli(['build', '--quarter', '2026Q3', '--config', config, '--out', 'd.pptx', '--metrics-json', 'm.json'], { cwd: dir });
  expect(r.code).toBe(0);
  metrics = JSON.parse(readFileSync(path.join(dir, 'm.json'), 'utf8')) as MetricsDocument;
  const template = await loadTemplate('default', root, 'zh-CN');
  zh = new Strings(template.strings, 'zh-CN');
  packagedDeck = template.deck;
  en = new Strings((await loadTemplate('default', root, 'en')).strings, 'en');
}, 120_000);

function input(strings: Strings, m: MetricsDocument = metrics): DeckInput {
  return { metrics: m, strings, company: '示例电商', reportDate: '2026-09-30', inputs: { order_lines: { files: 5, rows: 17_833 } } };
}

function deckWith(raw: unknown, strings = zh, m?: MetricsDocument): Deck {
  return buildDeck(input(strings, m), { deck: mergeDeckLayers([{ file: 'deck.yaml', raw }]) });
}

const content = (deck: Deck) => deck.slides.filter((s): s is ContentSlide => s.kind === 'content');
const chartsOf = (s: ContentSlide) => s.components.filter((c): c is Chart => c.type === 'chart');
/** 万元 with one decimal, worked out from fen: fen / 100 / 10,000. */
const wan = (fen: number | null) => (fen === null ? null : Math.round(fen / 1e5) / 10);
const pct = (g: number) => `${g < 0 ? '-' : '+'}${(Math.abs(g) * 100).toFixed(1)}%`;

describe('buildDeck with a deck.yaml', () => {
  it('shows the sections and slides deck.yaml lists, in its order, with contents and dividers to match', () => {
    const deck = deckWith({
      sections: [
        { id: 'overview', slides: ['overview.trend', 'overview.kpis'] },
        { id: 'appendix', slides: ['appendix.definitions'] },
      ],
    });
    expect(deck.slides.map((s) => (s.kind === 'content' ? s.id : s.kind))).toEqual([
      'cover',
      'contents',
      'divider',
      'overview.trend',
      'overview.kpis',
      'divider',
      'appendix.definitions',
      ...deck.slides.slice(7, -1).map(() => 'appendix.definitions'),
      'closing',
    ]);
    const contents = deck.slides[1]!;
    expect(contents.kind === 'contents' && contents.items.map((i) => [i.number, i.title])).toEqual([
      ['01', '业绩概览'],
      ['02', '附录'],
    ]);
    const divider = deck.slides[2]!;
    expect(divider.kind === 'divider' && divider.agenda).toEqual(['月度趋势：近 12 个月 GMV', '业绩概览：核心经营数据']);
  });

  it('adds a slide charting an existing figure, with the figure’s values', () => {
    const deck = deckWith({
      sections: [
        {
          id: 'overview',
          slides: [
            { id: 'my.platformShare', kind: 'chart', chart: { type: 'doughnut', figure: 'overview.byPlatform' } },
            { id: 'my.gmv', kind: 'chart', chart: { type: 'bar', figure: 'overview.gmv' } },
            { id: 'my.bridge', kind: 'chart', chart: { type: 'waterfall', figure: 'overview.byPlatform' } },
            { id: 'my.monthly', kind: 'chart', chart: { type: 'line', figure: 'overview.byMonth', compare: true } },
          ],
        },
      ],
    });
    const [share, gmv, bridge, monthly] = content(deck).map((s) => chartsOf(s)[0]!);
    const platforms = metrics.overview.byPlatform;
    expect(share!.chartType).toBe('doughnut');
    expect(share!.categories).toEqual(platforms.map((r) => ({ tmall: '天猫', jd: '京东', douyin: '抖音', store: '自营商城' })[r.key]));
    expect(share!.series[0]!.values).toEqual(platforms.map((r) => Math.round(r.share! * 1e4) / 1e4));

    const g = metrics.overview.gmv;
    expect(gmv!.chartType).toBe('bar');
    expect(gmv!.categories).toEqual(['去年同期', '上季度', '本季度']);
    expect(gmv!.series[0]!.values).toEqual([wan(g.yearAgo), wan(g.previous), wan(g.value)]);
    expect(gmv!.unitLabel).toBe('万元');
    expect(gmv!.diffArrows).toEqual([
      { from: 0, to: 2, label: pct(g.yoy!), tone: g.yoy! > 0 ? 'positive' : 'negative' },
      { from: 1, to: 2, label: pct(g.qoq!), tone: g.qoq! > 0 ? 'positive' : 'negative' },
    ]);

    // Bridge from the year-ago total to this quarter's, one step per platform.
    const start = platforms.reduce((a, r) => a + (r.gmv.yearAgo ?? 0), 0);
    const end = platforms.reduce((a, r) => a + (r.gmv.value ?? 0), 0);
    expect(bridge!.chartType).toBe('waterfall');
    expect(bridge!.series[0]!.values).toEqual([wan(start), ...platforms.map((r) => wan((r.gmv.value ?? 0) - (r.gmv.yearAgo ?? 0))), wan(end)]);
    expect(end).toBe(g.value);

    expect(monthly!.series.map((s) => s.comparison ?? false)).toEqual([false, true]);
    expect(monthly!.series[0]!.values).toEqual(metrics.overview.byMonth.map((r) => wan(r.gmv.value)));
    expect(monthly!.series[1]!.values).toEqual(metrics.overview.byMonth.map((r) => wan(r.gmv.yearAgo)));
    // Each added slide explains itself in its notes.
    for (const s of content(deck)) {
      expect(s.notes[0]).toMatch(/^本页内容：/);
      expect(s.notes.join('\n')).toContain('统计周期：2026Q3');
      expect(s.notes.join('\n')).toContain('口径 · GMV：');
    }
  });

  it('adds components to a built-in slide and overrides its title and layout', () => {
    const deck = deckWith({
      sections: [
        {
          id: 'overview',
          slides: [{ id: 'overview.kpis', title: 'appendix.title', add: [{ chart: { type: 'bar', figure: 'overview.gmv' } }, { insight: { figure: 'overview.refunds', better: 'lower' } }] }],
        },
      ],
    });
    const [kpis] = content(deck);
    expect(kpis!.title).toBe('附录');
    expect(kpis!.components.map((c) => c.type)).toEqual(['kpi', 'kpi', 'kpi', 'kpi', 'chart', 'insight']);
    const refunds = kpis!.components[5]!;
    const r = metrics.overview.refunds;
    // Refunds rising is bad news.
    expect(refunds).toMatchObject({ type: 'insight', headline: '退款金额', tone: r.yoy! > 0.005 ? 'negative' : r.yoy! < -0.005 ? 'positive' : 'neutral' });
  });

  it('replaces a chart with nothing to draw by a notice saying so', () => {
    const empty = structuredClone(metrics);
    empty.overview.byCategory = [];
    const deck = deckWith({ sections: [{ id: 'overview', slides: [{ id: 'my.cats', kind: 'chart', chart: { type: 'doughnut', figure: 'overview.byCategory' } }] }] }, zh, empty);
    expect(content(deck)[0]!.components).toEqual([{ type: 'notice', text: '各类目 GMV：本期没有可绘制的数据' }]);
  });

  it('writes the same slides in English', () => {
    const deck = deckWith({ sections: [{ id: 'overview', slides: [{ id: 'my.gmv', kind: 'chart', chart: { type: 'bar', figure: 'overview.gmv' } }] }] }, en);
    const [s] = content(deck);
    expect(chartsOf(s!)[0]!.categories).toEqual(['Year ago', 'Last quarter', 'This quarter']);
    expect(s!.title).toBe('GMV');
  });

  it('refuses a deck.yaml with a misspelt figure, naming the path and the nearest figure', () => {
    let caught: unknown;
    try {
      deckWith({ sections: [{ id: 'overview', slides: ['overview.kpis', { id: 'x', kind: 'chart', chart: { type: 'bar', figure: 'overview.gmvByPlatfrom' } }] }] });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).exitCode).toBe(2);
    expect((caught as UserError).message).toBe(
      "deck.yaml: sections[0].slides[1].chart.figure: unknown figure 'overview.gmvByPlatfrom' — did you mean 'overview.byPlatform'?",
    );
  });

  it('lists every registered slide of the packaged deck.yaml (a new builder needs an entry there)', async () => {
    const { slideRegistry } = await import('../../src/report/build-deck.js');
    const t = await loadTemplate('default', root, 'zh-CN');
    const listed = new Set(t.deck.sections.flatMap((s) => s.slides.map((x) => x.id)));
    const unlisted = [...slideRegistry().keys()].filter((id) => !listed.has(id) && !id.endsWith('.inputs'));
    expect(unlisted).toEqual([]);
  });
});

describe('the KPI slide under incomplete exports', () => {
  const kpisOf = (deck: Deck) => content(deck).find((s) => s.id === 'overview.kpis')!;
  const build = (strings: Strings, gaps: DeckInput['gaps']) => buildDeck({ ...input(strings), gaps }, { deck: packagedDeck });

  it('carries no caveat when the exports cover the quarter', () => {
    expect(kpisOf(build(zh, { running: false, noLines: null, platforms: [] })).footnote).toBeUndefined();
    expect(kpisOf(build(zh, undefined)).footnote).toBeUndefined();
  });

  it('says which platform stops early and which has nothing in the quarter', () => {
    const gaps: DeckInput['gaps'] = {
      running: false,
      noLines: null,
      platforms: [
        { platform: 'douyin', kind: 'partial', from: '2026-07-01', to: '2026-08-31', first: '2026-04-01', last: '2026-08-31' },
        { platform: 'jd', kind: 'none', from: '2026-07-01', to: '2026-09-30', first: '2026-01-01', last: '2026-06-30' },
      ],
    };
    expect(kpisOf(build(zh, gaps)).footnote).toBe('* 数据不完整，同比、环比为现有数据与整季相比：抖音 只含 2026年7月1日至2026年8月31日 的订单；京东 本季度没有订单数据');
    expect(kpisOf(build(en, gaps)).footnote).toBe(
      '* Incomplete data; changes compare it with whole quarters: Douyin has orders for July 1, 2026 – August 31, 2026 only; JD has no orders in this quarter\'s data',
    );
  });

  it('says when the quarter is not over, and when no order falls in it', () => {
    expect(kpisOf(build(zh, { running: true, noLines: null, platforms: [] })).footnote).toBe('* 数据不完整，同比、环比为现有数据与整季相比：本季度到 2026年9月30日 才结束，这里是截至今天的数据');
    expect(kpisOf(build(zh, { running: false, noLines: { first: '2025-07-01', last: '2025-09-30' }, platforms: [] })).footnote).toBe(
      '* 数据不完整，同比、环比为现有数据与整季相比：导出文件中没有本季度的订单（现有数据为 2025年7月1日至2025年9月30日）',
    );
  });
});
