// Builds the demo workspace end to end and checks the deck by meaning: slide count, the six
// sections on the contents slide, chart series against the metrics JSON, reproducible bytes,
// and a consistent package.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricsDocument } from '../../src/metrics/document.js';
import { openDeck, packageProblems, type SlideInfo } from '../helpers/pptx.js';
import { runCli } from '../helpers/run-cli.js';

const root = path.resolve(__dirname, '../..');
const config = path.join(root, 'fixtures/demo/ecom-report.yaml');
const expected = JSON.parse(readFileSync(path.join(root, 'fixtures/demo/expected.json'), 'utf8')) as Record<
  string,
  Record<string, { gmvMinor: number; refundsMinor: number; orders: number; buyers: number }>
>;

const SECTION_TITLES_ZH = ['业绩概览', '核心指标', '重点项目复盘', '问题诊断', '团队建设', '下季度规划'];
const SECTION_TITLES_EN = ['Performance overview', 'Core metrics', 'Key-project review', 'Problem diagnosis', 'Team building', 'Next-quarter plan'];

describe('demo deck, end to end', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-report-e2e-'));
  let deckBytes: Buffer;
  let slides: SlideInfo[];
  let metrics: MetricsDocument;

  beforeAll(async () => {
    const result = await runCli(
      ['build', '--quarter', '2026Q3', '--config', config, '--out', 'demo.pptx', '--metrics-json', 'metrics.json'],
      { cwd: dir },
    );
    expect(result.stderr).toContain('wrote demo.pptx');
    expect(result.code).toBe(0);
    deckBytes = readFileSync(path.join(dir, 'demo.pptx'));
    metrics = JSON.parse(readFileSync(path.join(dir, 'metrics.json'), 'utf8')) as MetricsDocument;
    slides = (await openDeck(deckBytes)).slides;
  });

  it('agrees with the totals the fixture generator computed independently', () => {
    for (const q of ['2026Q3', '2026Q2', '2025Q3'] as const) {
      const e = expected[q]!['all']!;
      const key = q === '2026Q3' ? 'value' : q === '2026Q2' ? 'previous' : 'yearAgo';
      expect(metrics.overview.gmv[key], `GMV ${q}`).toBe(e.gmvMinor);
      expect(metrics.overview.refunds[key], `refunds ${q}`).toBe(e.refundsMinor);
      expect(metrics.overview.orders[key], `orders ${q}`).toBe(e.orders);
      expect(metrics.overview.buyers[key], `buyers ${q}`).toBe(e.buyers);
    }
    for (const row of metrics.overview.byPlatform) {
      expect(row.gmv.value, `GMV ${row.key}`).toBe(expected['2026Q3']![row.key]!.gmvMinor);
    }
  });

  it('keeps the metrics JSON contract', () => {
    expect(metrics.quarter).toBe('2026Q3');
    expect(metrics.currency).toBe('CNY');
    expect(metrics.timezone).toBe('Asia/Shanghai');
    expect(metrics.periods.current).toMatchObject({ start: '2026-07-01', end: '2026-09-30' });
    expect(metrics.periods.previous).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
    expect(metrics.periods.yearAgo).toMatchObject({ start: '2025-07-01', end: '2025-09-30' });
    for (const f of [metrics.overview.gmv, metrics.overview.netSales, metrics.overview.orders, metrics.overview.buyers]) {
      expect(Object.keys(f).sort()).toEqual(['previous', 'qoq', 'unit', 'value', 'yearAgo', 'yoy']);
      expect(Number.isInteger(f.value)).toBe(true);
    }
    const shares = metrics.overview.byPlatform.reduce((a, r) => a + (r.share ?? 0), 0);
    expect(shares).toBeCloseTo(1, 10);
    expect(metrics.overview.byMonth.map((m) => m.month).slice(-3)).toEqual(['2026-07', '2026-08', '2026-09']);
  });

  it('has cover, contents, six dividers, the overview slides, one slide per later section and a closing slide', () => {
    expect(slides.length).toBe(1 + 1 + 6 + 4 + 5 + 1);
    expect(slides[0]!.texts).toContain('示例电商');
    expect(slides[0]!.texts).toContain('2026年第3季度');
  });

  it('lists the six numbered sections on the contents slide', () => {
    const contents = slides[1]!.texts;
    for (const [i, title] of SECTION_TITLES_ZH.entries()) {
      expect(contents).toContain(title);
      expect(contents).toContain(String(i + 1).padStart(2, '0'));
    }
  });

  it('draws GMV by platform as a bar chart whose values are the metrics in 万元', () => {
    const slide = slides.find((s) => s.charts.some((c) => c.kind === 'barChart'))!;
    const chart = slide.charts[0]!;
    expect(chart.axisTitle).toBe('万元');
    const current = chart.series[0]!;
    expect(current.values).toEqual(metrics.overview.byPlatform.map((r) => Math.round(r.gmv.value! / 1e5) / 10));
    const yearAgo = chart.series[1]!;
    expect(yearAgo.values).toEqual(
      metrics.overview.byPlatform.map((r) => (r.gmv.yearAgo === null ? null : Math.round(r.gmv.yearAgo / 1e5) / 10)),
    );
  });

  it('draws category shares as a doughnut that sums to 100%', () => {
    const chart = slides.flatMap((s) => s.charts).find((c) => c.kind === 'doughnutChart')!;
    expect(chart.series[0]!.categories).toEqual(metrics.overview.byCategory.map((r) => r.key));
    const sum = chart.series[0]!.values.reduce<number>((a, v) => a + (v ?? 0), 0);
    expect(sum).toBeCloseTo(1, 3);
  });

  it('draws the monthly trend as a line chart of the 12 months', () => {
    const chart = slides.flatMap((s) => s.charts).find((c) => c.kind === 'lineChart')!;
    expect(chart.series[0]!.values).toEqual(
      metrics.overview.byMonth.map((r) => (r.gmv.value === null ? null : Math.round(r.gmv.value / 1e5) / 10)),
    );
    expect(chart.series[0]!.categories.at(-1)).toBe('26年9月');
  });

  it('names the source files and row counts in the speaker notes', () => {
    const kpiSlide = slides[3]!;
    for (const f of metrics.provenance.files.filter((x) => x.table === 'order_lines')) {
      expect(kpiSlide.notes).toContain(f.file);
      expect(kpiSlide.notes).toContain(`${f.rowsRead} 行`);
    }
  });

  it('never shows NaN, undefined or a placeholder', () => {
    const all = slides.flatMap((s) => [...s.texts, s.notes]).join('\n');
    expect(all).not.toMatch(/NaN|undefined|null|Infinity|\{\w+\}/);
  });

  it('is a consistent package: every override and relationship names a real part', async () => {
    const { zip } = await openDeck(deckBytes);
    expect(await packageProblems(zip)).toEqual([]);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-09-30T00:00:00Z</dcterms:created>');
  });

  it('gives identical bytes when built again', async () => {
    const again = await runCli(['build', '--quarter', '2026-Q3', '--config', config, '--out', 'again.pptx'], { cwd: dir, now: Date.UTC(2027, 0, 1) });
    expect(again.code).toBe(0);
    expect(readFileSync(path.join(dir, 'again.pptx')).equals(deckBytes)).toBe(true);
  });

  it('builds in English from the same figures', async () => {
    const en = await runCli(['build', '--quarter', 'Q3 2026', '--config', config, '--out', 'en.pptx', '--locale', 'en'], { cwd: dir });
    expect(en.code).toBe(0);
    const deck = await openDeck(readFileSync(path.join(dir, 'en.pptx')));
    for (const title of SECTION_TITLES_EN) expect(deck.slides[1]!.texts).toContain(title);
    expect(deck.slides[0]!.texts).toContain('Q3 2026');
  });

  it('leaves no temp files behind', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
