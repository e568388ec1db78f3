// Chart images for the e-mail: which charts are picked, how values are written, and that Chinese
// labels draw as real glyphs (two different words give different pixels; boxes would not).
import { execFileSync } from 'node:child_process';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { formatChartValue, hasCjk, keyCharts, registerCjkFont, renderChartPng } from '../../src/deliver/charts.js';
import type { Chart, ContentSlide, Deck } from '../../src/report/model.js';
import { loadTemplate } from '../../src/template/load.js';
import type { Theme } from '../../src/template/schema.js';

// The packaged default theme, as the e-mail uses it.
const THEME: Theme = (await loadTemplate('default', process.cwd(), 'zh-CN')).theme;

function chart(title: string, chartType: Chart['chartType'], values: (number | null)[] = [3, 2, 1], extra: Partial<Chart> = {}): Chart {
  return {
    type: 'chart',
    chartType,
    title,
    categories: ['天猫', '京东', '抖音'],
    series: [{ name: '本期 GMV', values }],
    numberFormat: '#,##0.0',
    unitLabel: '万元',
    showValues: true,
    ...extra,
  };
}

function slide(id: string, c: Chart): ContentSlide {
  return { kind: 'content', id, title: c.title, layout: 'chart', components: [c], notes: [] };
}

function deck(slides: ContentSlide[]): Deck {
  return { title: 't', company: 'c', footer: 'f', locale: 'zh-CN', slides };
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function hasChineseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh', 'file'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

describe('key charts', () => {
  it('takes the trend, platform and category charts, in that order', () => {
    const d = deck([
      slide('overview.byCategory', chart('类目', 'doughnut', [0.5, 0.3, 0.2])),
      slide('core.funnel', chart('漏斗', 'funnel')),
      slide('overview.byPlatform', chart('平台', 'bar')),
      slide('overview.trend', chart('趋势', 'line')),
    ]);
    expect(keyCharts(d).map((c) => c.model.title)).toEqual(['趋势', '平台', '类目']);
  });

  it('falls back to the first charts with data when the key slides are absent', () => {
    const d = deck([
      slide('a', chart('无数据', 'bar', [null, null, null])),
      slide('b', chart('一', 'bar')),
      slide('c', chart('二', 'line')),
      slide('d', chart('三', 'bar')),
      slide('e', chart('四', 'bar')),
    ]);
    expect(keyCharts(d).map((c) => c.model.title)).toEqual(['一', '二', '三']);
  });

  it("keeps each chart's slide footnote, which explains a starred month", () => {
    const trend = slide('overview.trend', chart('趋势', 'line'));
    trend.footnote = '* 26年9月：只含9月1日–23日的数据（23/30 天），对比按相同日期';
    const d = deck([trend, slide('overview.byPlatform', chart('平台', 'bar'))]);
    expect(keyCharts(d).map((c) => c.footnote)).toEqual([trend.footnote, undefined]);
  });
});

describe('chart values', () => {
  it('follows the Excel-style format of the deck', () => {
    expect(formatChartValue(1234.56, '#,##0.0')).toBe('1,234.6');
    expect(formatChartValue(1234.56, '#,##0')).toBe('1,235');
    expect(formatChartValue(0.3125, '0.0%')).toBe('31.3%');
    expect(formatChartValue(12.3456, '#,##0.00')).toBe('12.35');
  });

  it('knows Chinese text when it sees it', () => {
    expect(hasCjk('平台结构：各平台 GMV')).toBe(true);
    expect(hasCjk('GMV by platform')).toBe(false);
  });
});

describe('drawing', () => {
  it('draws every chart kind as a 1200×640 PNG', () => {
    const kinds: Chart[] = [
      chart('bar', 'bar'),
      chart('horizontal', 'bar', [3, 2, 1], { horizontal: true }),
      chart('stacked', 'stackedBar'),
      chart('line', 'line', [3, null, 1]),
      chart('doughnut', 'doughnut', [0.5, 0.3, 0.2], { numberFormat: '0.0%' }),
      chart('combo', 'combo', [3, 2, 1], {
        series: [
          { name: 'GMV', values: [3, 2, 1] },
          { name: '增速', values: [0.1, -0.2, 0.3], asLine: true },
        ],
        secondaryNumberFormat: '0.0%',
      }),
    ];
    for (const c of kinds) expect(pngSize(renderChartPng(c, THEME)), c.title).toEqual({ width: 1200, height: 640 });
  });

  // CI sets ECOM_REPORT_TEST_REQUIRE_OFFICE after installing fonts-noto-cjk: there a missing font fails.
  const cjk = hasChineseFont() || process.env['ECOM_REPORT_TEST_REQUIRE_OFFICE'] === '1';
  if (!cjk) console.warn('notice: no Chinese font on this machine (fc-list :lang=zh is empty); the CJK glyph test is skipped');

  it.skipIf(!cjk)('registers a system CJK font, and Chinese words draw as distinct glyphs', () => {
    const font = registerCjkFont();
    expect(font.file).not.toBeNull();
    const draw = (text: string) => {
      const canvas = createCanvas(120, 60);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#FFFFFF';
      ctx.fillRect(0, 0, 120, 60);
      ctx.fillStyle = '#000000';
      ctx.font = `40px ${font.family}`;
      ctx.fillText(text, 10, 45);
      return ctx.getImageData(0, 0, 120, 60).data;
    };
    const a = draw('天猫');
    const b = draw('京东');
    const ink = (px: Uint8ClampedArray) => px.filter((v, i) => i % 4 === 0 && v < 128).length;
    expect(ink(a)).toBeGreaterThan(100);
    // Missing glyphs would draw the same box for both words.
    let differing = 0;
    for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i]) differing++;
    expect(differing).toBeGreaterThan(100);
  });
});
