// Every component rendered into a real package and read back from its XML: native charts of each
// kind with their data (waterfall and funnel as stacked bars on an invisible base), difference
// arrows, KPI cards coloured by whether the change is good news, tables, insight cards, notices,
// and the East Asian font and language on chart text.
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Chart, ContentSlide, Deck, KpiCard } from '../../src/report/model.js';
import { funnelSeries, waterfallSeries } from '../../src/render/charts.js';
import { renderDeck } from '../../src/render/pptx.js';
import { themeSchema } from '../../src/template/schema.js';
import { openDeck, packageProblems, paragraphs, relsOf } from '../helpers/pptx.js';

const theme = themeSchema.parse({
  size: { width: 13.333, height: 7.5 },
  colors: {
    primary: '1F3A5F',
    accent: '2A9D8F',
    positive: '2E7D32',
    negative: 'C62828',
    neutral: '6B7280',
    background: 'FFFFFF',
    surface: 'F3F5F8',
    text: '1F2937',
    series: ['2A9D8F', '1F3A5F', 'E9C46A'],
  },
  fonts: { latin: 'Arial', eastAsian: 'Noto Sans CJK SC', numbers: 'Arial' },
});

const chart = (c: Partial<Chart> & Pick<Chart, 'chartType' | 'categories' | 'series'>): Chart => ({
  type: 'chart',
  title: `图 ${c.chartType}`,
  numberFormat: '#,##0.0',
  unitLabel: '万元',
  showValues: true,
  ...c,
});

const slide = (id: string, layout: ContentSlide['layout'], components: ContentSlide['components']): ContentSlide => ({
  kind: 'content',
  id,
  title: `标题 ${id}`,
  headline: '一句话结论',
  layout,
  components,
  notes: [`本页内容：${id}`],
});

const kpi = (label: string, text: string, direction: 'up' | 'down', good: boolean): KpiCard => ({
  type: 'kpi',
  label,
  value: '¥42.9万',
  deltas: [{ label: '同比', text, direction, good }],
});

const DECK: Deck = {
  title: '测试',
  company: '示例',
  footer: '示例 · 2026年第3季度',
  locale: 'zh-CN',
  slides: [
    {
      kind: 'content',
      id: 'kpis',
      title: 'KPI',
      layout: 'kpi-row',
      components: [kpi('GMV', '+22.4%', 'up', true), kpi('退款金额', '+27.2%', 'up', false), kpi('首响时长', '-8.0%', 'down', true)],
      notes: [],
    },
    slide('bar', 'chart', [
      chart({
        chartType: 'bar',
        categories: ['去年同期', '上季度', '本季度'],
        series: [{ name: 'GMV', values: [35.1, 44.4, 42.9] }],
        highlight: 2,
        diffArrows: [
          { from: 0, to: 2, label: '+22.4%', tone: 'positive' },
          { from: 1, to: 2, label: '-3.4%', tone: 'negative' },
        ],
      }),
    ]),
    slide('stacked', 'two-charts', [
      chart({ chartType: 'stackedBar', categories: ['Q2', 'Q3'], series: [{ name: '新买家', values: [945, 1010] }, { name: '老买家', values: [866, 876] }] }),
      chart({ chartType: 'line', categories: ['7月', '8月', '9月'], series: [{ name: '本期', values: [1, 2, 3] }, { name: '去年', values: [null, 1.5, 2.5], comparison: true }] }),
    ]),
    slide('combo', 'chart', [
      chart({
        chartType: 'combo',
        categories: ['尺码', '质量', '其他'],
        series: [
          { name: '退款金额', values: [80.3, 60.0, 20.0] },
          { name: '累计占比', values: [0.5, 0.875, 1], asLine: true },
        ],
        secondaryNumberFormat: '0%',
        secondaryUnitLabel: '%',
      }),
      { type: 'table', header: ['原因', '金额'], align: ['left', 'right'], rows: [['尺码', '¥8,028'], ['合计', '¥8,028']], totalRow: true },
    ]),
    slide('doughnut', 'chart', [chart({ chartType: 'doughnut', categories: ['女装', '美妆'], series: [{ name: '占比', values: [0.6, 0.4] }], numberFormat: '0.0%' })]),
    slide('waterfall', 'chart', [
      chart({ chartType: 'waterfall', categories: ['本季度', '天猫', '京东', '抖音', '目标'], series: [{ name: 'GMV', values: [42.9, 2.2, -1.3, 2.3, 46.1] }] }),
    ]),
    slide('funnel', 'chart', [
      chart({
        chartType: 'funnel',
        categories: ['访客', '加购', '支付'],
        series: [{ name: '人数', values: [1000, 400, 100] }],
        numberFormat: '#,##0',
        unitLabel: '人',
        stepLabels: ['40.0%', '25.0%'],
      }),
    ]),
    slide('cards', 'cards', [
      { type: 'insight', headline: '天猫居首', value: '40.3%', sentence: '天猫 占 GMV 的 40.3%，同比增长 17.2%', tone: 'positive' },
      { type: 'insight', headline: '退款金额', value: '¥2.5万', sentence: '同比增长 27.2%', tone: 'negative' },
    ]),
    slide('notice', 'two-charts', [
      chart({ chartType: 'bar', categories: ['a'], series: [{ name: 's', values: [1] }] }),
      { type: 'notice', text: '未提供流量日报：转化率无法计算' },
    ]),
  ],
};

interface ChartXml {
  xml: string;
  kinds: string[];
  series: { name: string; values: (number | null)[]; fill: string; labels: string }[];
}

function readSeries(xml: string): ChartXml['series'] {
  return [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => {
    const ser = m[1]!;
    const name = /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser)?.[1] ?? '';
    const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(ser)?.[1] ?? '';
    const count = Number(/<c:ptCount val="(\d+)"\/>/.exec(val)?.[1] ?? 0);
    const values: (number | null)[] = Array.from({ length: count }, () => null);
    for (const p of val.matchAll(/<c:pt idx="(\d+)">\s*<c:v>([^<]*)<\/c:v>/g)) values[Number(p[1])] = Number(p[2]);
    const fill = /<c:spPr>\s*(<a:noFill\/>|<a:solidFill>\s*<a:srgbClr val="([0-9A-F]{6})")/.exec(ser);
    return { name, values, fill: fill?.[2] ?? (fill?.[1] === '<a:noFill/>' ? 'none' : ''), labels: /<c:dLbls>([\s\S]*?)<\/c:dLbls>/.exec(ser)?.[1] ?? '' };
  });
}

describe('rendering every component', () => {
  let zip: JSZip;
  const charts = new Map<string, ChartXml[]>();
  const texts = new Map<string, string[]>();
  const xmls = new Map<string, string>();

  beforeAll(async () => {
    const bytes = await renderDeck(DECK, { theme, fixedDate: new Date('2026-09-30T00:00:00Z') });
    const deck = await openDeck(bytes);
    zip = deck.zip;
    for (const [i, s] of DECK.slides.entries()) {
      const id = s.kind === 'content' ? s.id : s.kind;
      const part = deck.slides[i]!.part;
      xmls.set(id, await zip.file(part)!.async('string'));
      texts.set(id, deck.slides[i]!.texts);
      const list: ChartXml[] = [];
      for (const target of await relsOf(zip, part)) {
        if (!/charts\/chart\d+\.xml$/.test(target)) continue;
        const xml = await zip.file(target)!.async('string');
        list.push({ xml, kinds: [...xml.matchAll(/<c:(barChart|lineChart|doughnutChart)>/g)].map((k) => k[1]!), series: readSeries(xml) });
      }
      charts.set(id, list);
    }
  });

  it('is a consistent package', async () => {
    expect(await packageProblems(zip)).toEqual([]);
  });

  it('colours a KPI change by whether it is good news, not by its direction', () => {
    const xml = xmls.get('kpis')!;
    const runColor = (text: string) => new RegExp(`<a:rPr[^>]*>(?:(?!</a:rPr>).)*?<a:srgbClr val="([0-9A-F]{6})"/>(?:(?!</a:rPr>).)*</a:rPr><a:t>${text.replace(/[+▲▼.]/g, '\\$&')}</a:t>`).exec(xml)?.[1];
    expect(runColor('▲ +22.4%')).toBe('2E7D32'); // GMV up: good
    expect(runColor('▲ +27.2%')).toBe('C62828'); // refunds up: bad
    expect(runColor('▼ -8.0%')).toBe('2E7D32'); // response time down: good
  });

  it('draws a bar chart with the highlighted bar in the accent colour and labelled difference arrows', () => {
    const [c] = charts.get('bar')!;
    expect(c!.kinds).toEqual(['barChart']);
    expect(c!.series[0]!.values).toEqual([35.1, 44.4, 42.9]);
    const points = [...c!.xml.matchAll(/<c:dPt>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/g)].map((m) => m[1]);
    expect(points).toEqual(['A7B4C4', 'A7B4C4', '2A9D8F']);
    // A manual plot area and a fixed axis, so the arrows sit on the bars.
    expect(c!.xml).toContain('<c:layoutTarget val="inner" />');
    expect(texts.get('bar')).toEqual(expect.arrayContaining(['+22.4%', '-3.4%']));
    const lines = xmls.get('bar')!.match(/prst="line"/g) ?? [];
    expect(lines).toHaveLength(6);
    expect(xmls.get('bar')!.match(/<a:tailEnd type="triangle"\/>/g)).toHaveLength(2);
  });

  it('stacks a stacked bar and keeps a missing point missing in a line', () => {
    const [stacked, line] = charts.get('stacked')!;
    expect(stacked!.xml).toContain('<c:grouping val="stacked"/>');
    expect(stacked!.xml).toContain('<c:overlap val="100"/>');
    // A zero segment prints no "0" label: the labels' format has an empty zero section.
    expect(stacked!.xml).toMatch(/<c:dLbls>\s*<c:numFmt formatCode="([^"]+);-\1;" sourceLinked="0"\/>/);
    expect(stacked!.series.map((s) => s.values)).toEqual([
      [945, 1010],
      [866, 876],
    ]);
    expect(line!.kinds).toEqual(['lineChart']);
    expect(line!.series[1]!.values).toEqual([null, 1.5, 2.5]);
    expect(line!.xml).not.toMatch(/<c:v><\/c:v>/);
    // The comparison line is muted.
    expect(line!.series[1]!.fill).toBe('A7B4C4');
  });

  it('draws a combo chart: bars on the primary axis, the line on a secondary axis', () => {
    const [c] = charts.get('combo')!;
    expect(c!.kinds).toEqual(['barChart', 'lineChart']);
    expect(c!.series.map((s) => s.name)).toEqual(['退款金额', '累计占比']);
    expect(c!.series[1]!.values).toEqual([0.5, 0.875, 1]);
    expect(c!.xml.match(/<c:valAx>/g)).toHaveLength(2);
    expect(c!.xml).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
    // Bars start at zero.
    expect(c!.xml).toMatch(/<c:valAx>[\s\S]*?<c:min val="0"\/>/);
  });

  it('draws a waterfall as stacked bars on an invisible, unlabelled base', () => {
    const [c] = charts.get('waterfall')!;
    expect(c!.xml).toContain('<c:grouping val="stacked"/>');
    // By hand: 42.9 → +2.2 (45.1) → −1.3 (43.8) → +2.3 (46.1) → 46.1.
    expect(c!.series.map((s) => s.values)).toEqual([
      [null, 42.9, 43.8, 43.8, null],
      [42.9, null, null, null, 46.1],
      [null, 2.2, null, 2.3, null],
      [null, null, 1.3, null, null],
    ]);
    expect(c!.series[0]!.fill).toBe('none');
    expect(c!.series[0]!.labels).toBe('<c:delete val="1"/>');
    expect(c!.series[2]!.labels).toContain('formatCode="+#,##0.0;-#,##0.0;;"');
    expect(c!.series[3]!.labels).toContain('formatCode="-#,##0.0;+#,##0.0;;"');
  });

  it('draws a funnel as centred horizontal bars with step labels', () => {
    const [c] = charts.get('funnel')!;
    expect(c!.xml).toContain('<c:barDir val="bar"/>');
    expect(c!.xml).toContain('<c:orientation val="maxMin"/>');
    expect(c!.series.map((s) => s.values)).toEqual([
      [0, 300, 450],
      [1000, 400, 100],
    ]);
    expect(c!.series[0]!.fill).toBe('none');
    expect(texts.get('funnel')).toEqual(expect.arrayContaining(['40.0%', '25.0%']));
  });

  it('computes waterfall and funnel series by the invisible-base rule', () => {
    expect(waterfallSeries([10, -4, 3, 9])).toEqual({ base: [null, 6, 6, null], total: [10, null, null, 9], up: [null, null, 3, null], down: [null, 4, null, null] });
    expect(funnelSeries([10, 6, null])).toEqual({ base: [0, 2, 5], step: [10, 6, 0] });
  });

  it('writes the East Asian font and the deck language into chart text', () => {
    for (const list of charts.values()) {
      for (const c of list) {
        expect(c.xml).toContain('<c:lang val="zh-CN"/>');
        for (const latin of c.xml.match(/<a:latin typeface="Arial"\/>(?:\s*<a:ea [^>]*>)?/g) ?? []) {
          expect(latin).toContain('<a:ea typeface="Noto Sans CJK SC"/>');
        }
        expect(c.xml).not.toMatch(/<a:rPr(?![^>]*lang=)[^>]*>/);
      }
    }
  });

  it('draws tables with a bold total row, insight cards and a notice in place of a chart', () => {
    const table = xmls.get('combo')!;
    expect(table).toMatch(/<a:rPr[^>]*b="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>合计<\/a:t>/);
    expect(texts.get('cards')).toEqual(expect.arrayContaining(['天猫居首', '40.3%', '天猫 占 GMV 的 40.3%，同比增长 17.2%', '¥2.5万']));
    expect(texts.get('notice')).toContain('未提供流量日报：转化率无法计算');
    expect(charts.get('notice')).toHaveLength(1);
  });

  it('gives every run the deck language', () => {
    for (const xml of xmls.values()) {
      for (const run of xml.match(/<a:rPr\b[^>]*>/g) ?? []) expect(run).toContain('lang="zh-CN"');
    }
    expect(paragraphs(xmls.get('cards')!).length).toBeGreaterThan(4);
  });
});

describe('characters XML cannot hold', () => {
  it('are dropped from every text of the deck, so the package stays well-formed', async () => {
    // \x01, \x07, \x1F and \x0B come in with dirty exports and pasted text; \uD800 is half of a
    // surrogate pair. Tab and line breaks are kept; the emoji (a whole pair) is kept.
    const dirty: Deck = {
      title: '季度\x01汇报',
      company: '示例\x07电商',
      footer: '示例\x1F · 2026年第3季度',
      locale: 'zh-CN',
      slides: [
        { kind: 'cover', company: '示例\x07电商', title: '季度\x01汇报', quarter: '2026年第3季度', presenter: '运营\x0B部', date: '2026年9月30日' },
        slide('dirty\x02', 'chart', [
          chart({ chartType: 'bar', categories: ['女装\x03', '美妆\uD800😀'], series: [{ name: 'GMV\x04', values: [1, 2] }] }),
          { type: 'table', header: ['原因\x05', '金额'], align: ['left', 'right'], rows: [['尺码\x06\t偏小', '¥8,028']] },
        ]),
      ],
    };
    const zip = await JSZip.loadAsync(await renderDeck(dirty, { theme, fixedDate: new Date('2026-09-30T00:00:00Z') }));
    expect(await packageProblems(zip)).toEqual([]);
    const xmlParts = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
    const texts: string[] = [];
    for (const part of xmlParts) {
      const xml = await zip.file(part)!.async('string');
      expect(xml, part).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      expect(xml, part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      texts.push(xml);
    }
    const all = texts.join('\n');
    for (const clean of ['示例电商', '季度汇报', '运营部', '女装', '美妆😀', '原因', 'GMV']) expect(all).toContain(clean);
  });
});
