// Long tables page onto continuation slides: every row exactly once and in order, the header on
// every page, the title marked as continued, a total row only at the very end, and no page
// holding more rows than its height allows. Large card grids page evenly.
import { describe, expect, it } from 'vitest';
import type { ContentSlide, InsightCard, TableBlock } from '../../src/report/model.js';
import { pageSlides } from '../../src/report/paging.js';

const PAGE = { width: 13.333, height: 7.5 };
const options = { page: PAGE, continuedSuffix: '（续）' };

function table(rows: number, total = false): TableBlock {
  return {
    type: 'table',
    header: ['项目', '金额', '占比'],
    align: ['left', 'right', 'right'],
    rows: Array.from({ length: rows }, (_, i) => [total && i === rows - 1 ? '合计' : `第 ${i + 1} 项`, `¥${i + 1}.0万`, `${i}%`]),
    tones: Array.from({ length: rows }, (_, i) => [null, null, i % 2 === 0 ? 'positive' : 'negative']),
    totalRow: total,
  };
}

function slide(components: ContentSlide['components'], layout: ContentSlide['layout'] = 'table'): ContentSlide {
  return { kind: 'content', id: 'x.table', title: '明细', headline: '一句话', layout, components, notes: ['本页内容：明细'] };
}

const tablesOf = (slides: ReturnType<typeof pageSlides>) =>
  slides.map((s) => (s.kind === 'content' ? (s.components.find((c) => c.type === 'table') as TableBlock | undefined) : undefined));

describe('table paging', () => {
  it('leaves a table that fits alone', () => {
    const out = pageSlides([slide([table(8)])], options);
    expect(out).toHaveLength(1);
    expect((out[0] as ContentSlide).continuation).toBeUndefined();
  });

  it('pages a long table: every row once, header repeated, titles continued, rows within the page height', () => {
    const long = table(60);
    const out = pageSlides([slide([long])], options) as ContentSlide[];
    expect(out.length).toBeGreaterThan(1);
    const pages = tablesOf(out);
    expect(pages.flatMap((t) => t!.rows)).toEqual(long.rows);
    expect(pages.flatMap((t) => t!.tones ?? [])).toEqual(long.tones);
    for (const t of pages) expect(t!.header).toEqual(long.header);
    expect(out.map((s) => s.title)).toEqual(['明细', ...out.slice(1).map(() => '明细（续）')]);
    expect(out.map((s) => s.continuation)).toEqual(out.map((_, i) => ({ index: i + 1, count: out.length })));
    // Only the first page keeps the headline; every page keeps the notes.
    expect(out.slice(1).every((s) => s.headline === undefined && s.notes.length === 1)).toBe(true);
    // 7.5" slide: content from 1.7" (first page, under a headline) or lower, to 6.88"; rows at least 0.34".
    for (const t of pages) expect((t!.rows.length + 1) * 0.34).toBeLessThanOrEqual(7.5 - 0.62 - 1.7 + 1e-9);
    // The pages are full but the last.
    const counts = pages.map((t) => t!.rows.length);
    expect(Math.min(...counts.slice(0, -1))).toBeGreaterThanOrEqual(counts.at(-1)!);
  });

  it('keeps a total row at the end of the last page, never alone', () => {
    for (const n of [14, 15, 16, 30, 31]) {
      const out = pageSlides([slide([table(n, true)])], options);
      const pages = tablesOf(out);
      expect(pages.flatMap((t) => t!.rows).length).toBe(n);
      expect(pages.map((t) => t!.totalRow ?? false)).toEqual(pages.map((_, i) => i === pages.length - 1 && pages.length > 0));
      expect(pages.at(-1)!.rows.at(-1)![0]).toBe('合计');
      expect(pages.at(-1)!.rows.length).toBeGreaterThanOrEqual(Math.min(2, n));
    }
  });

  it('pages a table beside a chart: the chart stays, the rest of the rows go onto full-width pages', () => {
    const chart = { type: 'chart' as const, chartType: 'bar' as const, title: '明细', categories: ['a'], series: [{ name: 's', values: [1] }], numberFormat: '0', unitLabel: '' };
    const out = pageSlides([slide([chart, table(40)], 'chart')], options) as ContentSlide[];
    expect(out[0]!.components.map((c) => c.type)).toEqual(['chart', 'table']);
    expect(out.slice(1).every((s) => s.layout === 'table' && s.components.length === 1)).toBe(true);
    expect(tablesOf(out).flatMap((t) => t!.rows)).toEqual(table(40).rows);
  });

  it('pages two long tables one after the other, each in order', () => {
    const a = table(30);
    const b = { ...table(30), header: ['来源', '起', '止'] };
    const out = pageSlides([slide([a, b])], options) as ContentSlide[];
    const rowsOf = (header: string) => out.flatMap((s) => s.components.filter((c): c is TableBlock => c.type === 'table' && c.header[0] === header).flatMap((t) => t.rows));
    expect(rowsOf('项目')).toEqual(a.rows);
    expect(rowsOf('来源')).toEqual(b.rows);
    // a's continuations come before b's.
    const firstHeaders = out.slice(1).map((s) => (s.components[0] as TableBlock).header[0]);
    expect(firstHeaders).toEqual([...firstHeaders].sort((x, y) => (x === y ? 0 : x === '项目' ? -1 : 1)));
  });

  it('leaves other slide kinds alone', () => {
    const cover = { kind: 'cover' as const, company: 'c', title: 't', quarter: 'q', date: 'd' };
    expect(pageSlides([cover], options)).toEqual([cover]);
  });
});

describe('card paging', () => {
  const card = (i: number, sentence = '同比增长 22.4%'): InsightCard => ({ type: 'insight', headline: `发现 ${i}`, value: `${i}%`, sentence, tone: 'neutral' });

  it('puts up to six short cards on a slide and spreads more evenly', () => {
    const out = pageSlides([slide(Array.from({ length: 8 }, (_, i) => card(i)), 'cards')], options) as ContentSlide[];
    expect(out.map((s) => s.components.length)).toEqual([4, 4]);
    expect(out.flatMap((s) => s.components)).toEqual(Array.from({ length: 8 }, (_, i) => card(i)));
    expect(pageSlides([slide(Array.from({ length: 6 }, (_, i) => card(i)), 'cards')], options)).toHaveLength(1);
  });

  it('puts fewer long cards on a slide so their sentences stay readable', () => {
    const long = '复购率从 30.5% 降到 26.9%（-11.9%），超过可容忍的 5.0%；本季度买家 1,886。影响约 ¥1.1 万。建议：加强会员与私域运营，针对首购买家设置复购券和回访节奏，并按月复盘复购转化；同时排查会员权益到账延迟与短信触达率下降的原因，必要时调整触达时段与渠道。';
    const out = pageSlides([slide(Array.from({ length: 6 }, (_, i) => card(i, long)), 'cards')], options) as ContentSlide[];
    expect(out.length).toBeGreaterThan(1);
    expect(out.every((s) => s.components.length <= 4)).toBe(true);
  });
});
