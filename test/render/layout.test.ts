// Text measured without a font engine (CJK one em, Latin about half), wrapped and sized by rule,
// and the slide grid that places components so nothing overlaps or leaves the slide.
import { describe, expect, it } from 'vitest';
import type { Component, ContentSlide, TableBlock } from '../../src/report/model.js';
import { fitBlock, fitOneLine, textEms, WIDTH_SAFETY, wrapLines } from '../../src/report/text-fit.js';
import { headerLayout, layoutSlide, tableColumnWidths, type Box } from '../../src/render/layout.js';

const PAGE = { width: 13.333, height: 7.5 };

describe('text measure', () => {
  it('counts a CJK character as one em and a digit as 0.56', () => {
    expect(textEms('业绩概览')).toBeCloseTo(4 * WIDTH_SAFETY, 9);
    expect(textEms('2026')).toBeCloseTo(4 * 0.56 * WIDTH_SAFETY, 9);
    expect(textEms('GMV 同比')).toBeCloseTo((0.68 + 0.85 + 0.68 + 0.28 + 2) * WIDTH_SAFETY, 9);
  });

  it('sizes one line to the width: a long CJK title gets a smaller size than a short one', () => {
    // 10 CJK characters in 5": 5 × 72 / (10 × 1.07) = 33.6 → 33pt, capped at 28.
    expect(fitOneLine('一二三四五六七八九十', 5, 28, 12)).toBe(28);
    // 20 CJK characters in 5": 360 / 21.4 = 16.8 → 16pt.
    expect(fitOneLine('一二三四五六七八九十一二三四五六七八九十', 5, 28, 12)).toBe(16);
    // Never below the minimum: the caller wraps instead.
    expect(fitOneLine('一二三四五六七八九十'.repeat(5), 5, 28, 12)).toBe(12);
  });

  it('wraps CJK anywhere, Latin at spaces, and never starts a line with closing punctuation', () => {
    // 3" at 18pt holds 3 × 72 / 18 / 1.07 = 11.2 ems.
    expect(wrapLines('一二三四五六七八九十一二三四五', 3, 18)).toEqual(['一二三四五六七八九十一', '二三四五']);
    expect(wrapLines('Quarterly business review of sales', 3, 18)).toEqual(['Quarterly business', 'review of sales']);
    const lines = wrapLines('一二三四五六七八九十一，二三', 3, 18);
    for (const l of lines) expect(l.startsWith('，')).toBe(false);
    expect(lines.join('')).toBe('一二三四五六七八九十一，二三');
  });

  it('fits a block by shrinking first and reports the lines it needs', () => {
    const text = '一二三四五六七八九十'.repeat(4);
    // 40 ems in 4" × 1": at 14pt 18.5 ems a line → 3 lines × 14 × 1.35 / 72 = 0.79" ≤ 1".
    expect(fitBlock(text, 4, 1, 14, 9)).toEqual({ pt: 14, lines: 3 });
    // In 0.5": 2 lines need 40 ems / 2 = 20 ems a line → 4 × 72 / 20 / 1.07 = 13.4pt, and 2 × 13 × 1.35 / 72 = 0.49".
    expect(fitBlock(text, 4, 0.5, 14, 9)).toEqual({ pt: 13, lines: 2 });
  });
});

function slide(layout: ContentSlide['layout'], components: Component[], extra: Partial<ContentSlide> = {}): ContentSlide {
  return { kind: 'content', id: 't', title: '标题', headline: '一句话结论', layout, components, notes: [], ...extra };
}

const kpi: Component = { type: 'kpi', label: 'GMV', value: '¥42.9万', deltas: [] };
const chart: Component = { type: 'chart', chartType: 'bar', title: 't', categories: ['a'], series: [{ name: 's', values: [1] }], numberFormat: '0', unitLabel: '' };
const insight: Component = { type: 'insight', headline: 'h', value: '1%', sentence: 's', tone: 'neutral' };
const table: TableBlock = { type: 'table', header: ['平台', 'GMV'], align: ['left', 'right'], rows: [['天猫', '¥17.3万']] };

function inside(b: Box, outer: Box): boolean {
  return b.x >= outer.x - 1e-9 && b.y >= outer.y - 1e-9 && b.x + b.w <= outer.x + outer.w + 1e-9 && b.y + b.h <= outer.y + outer.h + 1e-9;
}
function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w - 1e-9 && b.x < a.x + a.w - 1e-9 && a.y < b.y + b.h - 1e-9 && b.y < a.y + a.h - 1e-9;
}

describe('slide grid', () => {
  const cases: [string, ContentSlide][] = [
    ['kpi row with a chart and insight cards below', slide('kpi-row', [kpi, kpi, kpi, kpi, chart, insight, insight])],
    ['chart with a table beside', slide('chart', [chart, table])],
    ['two charts with cards below', slide('two-charts', [chart, { ...chart }, insight])],
    ['two tables and a notice', slide('table', [table, { ...table }, { type: 'notice', text: 'n' }])],
    ['cards', slide('cards', [insight, insight, insight, insight, insight, insight])],
    ['text with a footnote', slide('text', [{ type: 'text', paragraphs: ['a', 'b'] }], { footnote: '来源：订单明细' })],
  ];
  it.each(cases)('%s: every component placed inside the content area, none overlapping', (_, s) => {
    const l = layoutSlide(s, PAGE);
    const boxes = l.boxes.filter((b): b is Box => b !== undefined);
    expect(boxes).toHaveLength(s.components.length);
    for (const b of boxes) expect(inside(b, l.content)).toBe(true);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!)).toBe(false);
    // The content sits under the headline and above the footer line.
    expect(l.content.y).toBeGreaterThanOrEqual(l.headline!.box.y + l.headline!.box.h);
    expect(l.content.y + l.content.h).toBeLessThanOrEqual(PAGE.height - 0.62 + 1e-9);
    if (l.footnote) expect(l.footnote.y).toBeGreaterThanOrEqual(l.content.y + l.content.h);
  });

  it('shrinks a long title, then wraps it, and moves the content down to make room', () => {
    const short = headerLayout('业绩概览', undefined, PAGE);
    const long = headerLayout('业绩概览：核心经营数据与各平台、各类目、各渠道的同比环比变化及原因分析'.repeat(2), undefined, PAGE);
    expect(short.title.pt).toBe(26);
    expect(long.title.pt).toBe(18);
    expect(long.title.lines.length).toBeGreaterThan(1);
    expect(long.bottom).toBeGreaterThan(short.bottom);
  });

  it('gives numbers their natural width and lets names take the slack', () => {
    const t: TableBlock = { type: 'table', header: ['名称', '金额'], align: ['left', 'right'], rows: [['天猫旗舰店', '¥1,234.5万']] };
    const [name, amount] = tableColumnWidths(t, 6);
    expect(name! + amount!).toBeCloseTo(6, 9);
    expect(amount!).toBeLessThan(name!);
  });
});
