// Section 2's slides (and the added section-1 slides and the Definitions appendix) built from a
// small computed document: chart series carry the figures, missing inputs say so in the reader's
// language, and speaker notes carry the registry's definitions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { OrderLine, SideTables, TrafficDay } from '../../src/canonical.js';
import { computeCore } from '../../src/metrics/core.js';
import { assembleMetrics, type MetricsDocument } from '../../src/metrics/document.js';
import { computeOverview } from '../../src/metrics/overview.js';
import { REGISTRY } from '../../src/metrics/registry.js';
import type { SectionContext } from '../../src/report/context.js';
import type { Chart, ContentSlide, Notice, TableBlock } from '../../src/report/model.js';
import { CORE_SLIDES, OVERVIEW_EXTRA_SLIDES } from '../../src/report/sections/core.js';
import { overviewSlides } from '../../src/report/sections/overview.js';
import { DEFINITIONS_SLIDE } from '../../src/report/sections/definitions.js';
import { Strings } from '../../src/report/strings.js';
import type { LocaleTree } from '../../src/template/schema.js';
import { coreInput, line, NO_SIDE, overviewInput, Q3_2026, sh } from '../metrics/core-fixture.js';

const root = path.resolve(__dirname, '../..');
const strings = (locale: 'zh-CN' | 'en') =>
  new Strings(parse(readFileSync(path.join(root, `templates/default/locales/${locale}.yaml`), 'utf8')) as LocaleTree, locale);

const LINES: OrderLine[] = [
  line({ platform: 'tmall', orderId: 'o1', lineId: '1', customerId: 'A', paidAt: sh(2026, 7, 2, 10), paidAmountMinor: 30000, sku: 'S1', productName: '面霜', category: '美妆', unitPriceMinor: 30000, refundAmountMinor: 30000, status: 'refunded', refundReason: '尺码不合适' }),
  line({ platform: 'tmall', orderId: 'o1', lineId: '2', customerId: 'A', paidAt: sh(2026, 7, 2, 10), paidAmountMinor: 10000, sku: 'S2', productName: '眼霜', category: '美妆', unitPriceMinor: 10000 }),
  line({ platform: 'tmall', orderId: 'o2', customerId: 'A', paidAt: sh(2026, 8, 20, 10), paidAmountMinor: 20000, sku: 'S1', productName: '面霜', category: '美妆', unitPriceMinor: 20000, refundAmountMinor: 5000, status: 'partially_refunded', refundReason: '质量问题' }),
  line({ platform: 'jd', orderId: 'o3', customerId: 'B', paidAt: sh(2026, 9, 1, 10), paidAmountMinor: 8000, sku: 'S3', category: '食品', unitPriceMinor: 8000 }),
  line({ platform: 'tmall', orderId: 'o0', customerId: 'A', paidAt: sh(2026, 5, 2, 10), paidAmountMinor: 9000, sku: 'S1', category: '美妆', unitPriceMinor: 9000 }),
];
const TRAFFIC: TrafficDay[] = [
  { date: '2026-07-02', platform: 'tmall', channel: '搜索', visitors: 1000, pageViews: null, productViews: 600, addToCart: 200, checkouts: 60, buyers: 40, orders: 40, adSpendMinor: null },
  { date: '2026-08-20', platform: 'tmall', channel: '推荐', visitors: 500, pageViews: null, productViews: 250, addToCart: 50, checkouts: 20, buyers: 10, orders: 10, adSpendMinor: null },
];

function doc(side: SideTables, lines: OrderLine[] = LINES): MetricsDocument {
  const overview = computeOverview(lines, overviewInput(Q3_2026));
  const r = computeCore(lines, coreInput(Q3_2026, { pairMinBaskets: 1 }, [{ name: '七夕', start: '2026-08-20', end: '2026-08-22' }]), overview, side);
  return assembleMetrics({
    periods: Q3_2026,
    currency: 'CNY',
    timezone: 'Asia/Shanghai',
    overview: { ...overview, ...r.overview },
    core: r.core,
    files: [{ file: 'data/orders.csv', platform: 'tmall', table: 'order_lines', rowsRead: 5, rowsKept: 5, skipped: {} }],
    orderLines: 5,
  });
}

function context(m: MetricsDocument, locale: 'zh-CN' | 'en' = 'zh-CN'): SectionContext {
  return { s: strings(locale), locale, m, input: { metrics: m, strings: strings(locale), company: '示例', reportDate: '2026-09-30', inputs: {} } };
}

function build(ctx: SectionContext): Map<string, ContentSlide> {
  return new Map([...OVERVIEW_EXTRA_SLIDES, ...CORE_SLIDES, DEFINITIONS_SLIDE].flatMap((d) => d.build(ctx)).map((s) => [s.id, s]));
}

const charts = (s: ContentSlide) => s.components.filter((c): c is Chart => c.type === 'chart');
const notices = (s: ContentSlide) => s.components.filter((c): c is Notice => c.type === 'notice').map((n) => n.text);
const tables = (s: ContentSlide) => s.components.filter((c): c is TableBlock => c.type === 'table');
const allText = (slides: Iterable<ContentSlide>) =>
  [...slides]
    .flatMap((s) => [s.title, s.headline ?? '', ...s.notes, ...s.components.flatMap((c) => JSON.stringify(c))])
    .join('\n');

describe('core slides with every input', () => {
  const m = doc({ ...NO_SIDE, traffic: TRAFFIC });
  const slides = build(context(m));
  const core = m.core!;

  it('has every slide, by id', () => {
    expect([...slides.keys()]).toEqual([
      'overview.weekly', 'overview.buyerMix',
      'core.kpis', 'core.funnel', 'core.conversion', 'core.channels', 'core.aovRepurchase', 'core.retention', 'core.tiers', 'core.pairs', 'core.refunds', 'core.service',
      'appendix.definitions',
    ]);
  });

  it('draws the funnel as one series of step values with each step’s conversion', () => {
    const [chart] = charts(slides.get('core.funnel')!);
    expect(chart!.chartType).toBe('funnel');
    expect(chart!.series).toHaveLength(1);
    expect(chart!.series[0]!.values).toEqual([1500, 850, 250, 80, 50]);
    expect(chart!.categories).toEqual(['访客', '浏览商品', '加购', '提交订单', '支付']);
    expect(chart!.stepLabels).toEqual(['56.7%', '29.4%', '32.0%', '62.5%']); // 850/1500, 250/850, 80/250, 50/80
    expect(slides.get('core.funnel')!.headline).toBe('流失最大的环节是 浏览商品 → 加购，流失 70.6%');
  });

  it('draws refund reasons as a Pareto: amount bars and a cumulative-share line', () => {
    const [chart] = charts(slides.get('core.refunds')!);
    expect(chart!.chartType).toBe('combo');
    expect(chart!.categories).toEqual(['尺码不合适', '质量问题']);
    expect(chart!.series[0]).toMatchObject({ values: [300, 50] }); // ¥300 and ¥50: below ¥100,000 the axis is in 元
    expect(chart!.series[1]).toMatchObject({ values: [0.8571, 1], asLine: true }); // 30000/35000
    expect(core.refundReasons.map((r) => r.amountMinor)).toEqual([30000, 5000]);
  });

  it('draws conversion by week and by platform, and says jd has no traffic export', () => {
    const slide = slides.get('core.conversion')!;
    expect(slide.layout).toBe('two-charts');
    const [weekly, byPlatform] = charts(slide);
    expect(weekly!.chartType).toBe('line');
    expect(weekly!.series[0]!.values).toEqual(core.conversionByWeek.map((w) => (w.value.value === null ? null : Math.round(w.value.value * 1e4) / 1e4)));
    expect(byPlatform!.categories).toEqual(['天猫', '京东']);
    // Traffic rows on Thu 07-02 (W27 holds 07-01 … 07-05 of the quarter) and Thu 08-20 (W34).
    expect(weekly!.categories.filter((l) => l.endsWith('*'))).toEqual(['W27*', 'W34*']);
    expect(slide.footnote).toBe('* W27：流量数据只有2026年7月2日（1/5 天），该周转化率只按这几天计算；* W34：流量数据只有2026年8月20日（1/7 天），该周转化率只按这几天计算');
    expect(byPlatform!.series[0]!.values).toEqual([0.0333, null]); // 50 / 1500
    expect(notices(slide)).toEqual(['2026年第3季度没有京东的流量日报。']);
    expect(slide.notes.join('\n')).toContain('天猫/京东口径');
  });

  it('draws AOV bars with a repurchase-rate line by platform', () => {
    const [chart] = charts(slides.get('core.aovRepurchase')!);
    expect(chart!.chartType).toBe('combo');
    expect(chart!.series[1]!.asLine).toBe(true);
    // tmall: GMV 60000 over 2 orders = ¥300; jd 8000 over 1 = ¥80; A bought twice: tmall repurchase 1
    expect(chart!.series[0]!.values).toEqual([300, 80]);
    expect(chart!.series[1]!.values).toEqual([1, 0]);
  });

  it('lists the pairs bought together', () => {
    const [table] = tables(slides.get('core.pairs')!);
    // baskets o1{S1,S2} o2{S1} o3{S3}: S2→S1 lift 1·3/(1·2) = 1.5
    expect(table!.rows).toContainEqual(['商品', '眼霜', '面霜', '1', '33.33%', '100.0%', '1.50×']);
  });

  it('puts the registry definitions in the speaker notes', () => {
    const notes = slides.get('core.kpis')!.notes.join('\n');
    expect(notes).toContain('口径 · 转化率：支付买家数 ÷ 访客数');
    expect(notes).toContain('计算：支付买家数（按天汇总） ÷ 访客数（按天汇总）。');
    expect(notes).toContain('口径 · 客单价：GMV ÷ 买家数');
    expect(slides.get('core.refunds')!.notes.join('\n')).toContain('退款计入原订单行付款所在周期');
  });

  it('the Definitions appendix has one row per registered figure', () => {
    const [table] = tables(slides.get('appendix.definitions')!);
    expect(table!.rows).toHaveLength(REGISTRY.length);
    expect(table!.rows[0]![0]).toBe('GMV');
  });

  it('never shows NaN, undefined or an unfilled placeholder, in either language', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = allText(build(context(m, locale)).values());
      expect(text).not.toMatch(/NaN|undefined|Infinity|\{\w+\}/);
    }
  });
});

describe('an export without buyer ids', () => {
  const m = doc(NO_SIDE, LINES.map((l) => ({ ...l, customerId: null, buyerKey: -1 })));
  const ctx = context(m);
  const cardsOf = (slide: ContentSlide) =>
    Object.fromEntries(slide.components.flatMap((c) => (c.type === 'kpi' ? [[c.label, c.value]] : [])));

  it('shows buyer counts as no data, never 0, beside the order and money figures it does know', () => {
    const kpiSlide = overviewSlides(ctx).find((s) => s.id === 'overview.kpis')!;
    const kpis = cardsOf(kpiSlide);
    expect(kpis['买家数']).toBe('暂无数据');
    expect(kpiSlide.notes).toContain('2026年第3季度的订单行缺少买家 ID。');
    expect(kpis['订单数']).toBe('3'); // o1, o2, o3 in 2026Q3
    const retention = cardsOf(build(ctx).get('core.retention')!);
    expect(retention['沉睡买家数']).toBe('暂无数据');
    expect(retention['唤醒买家数']).toBe('暂无数据');
    // The buyer tiers say why they are empty: not "nobody ordered", but no buyer ids.
    expect(notices(build(ctx).get('core.tiers')!)).toEqual(['2026年第3季度的订单行缺少买家 ID。']);
  });
});

describe('the weekly slide when the exports end before the quarter does', () => {
  // The last 2026Q3 line is o3 on 09-01 (W36): W37…W40 are not reached.
  const slide = build(context(doc(NO_SIDE))).get('overview.weekly')!;

  it('leaves those weeks as gaps and says why in the notes, with no "no data" notice', () => {
    const values = charts(slide)[0]!.series[0]!.values;
    expect(values.slice(-4)).toEqual([null, null, null, null]);
    expect(values[values.length - 5]).not.toBeNull();
    expect(notices(slide)).toEqual([]);
    expect(slide.notes).toContain('图中空缺的周不在订单数据覆盖的日期内：那几周没有数据，不是零销售。');
  });

  it('marks the week the data ends in, and says which of its days the data reaches', () => {
    // W36 is Mon 08-31 … Sun 09-06; o3 on Tue 09-01 is the last line, so the data reaches 2 of its 7 days.
    const labels = charts(slide)[0]!.categories;
    expect(labels.filter((l) => l.endsWith('*'))).toEqual(['W36*']);
    expect(labels.at(-1)).toBe('W40');
    expect(slide.footnote).toBe('* W36：只含2026年8月31日至2026年9月1日的数据（2/7 天），对比按相同日期');
    expect(slide.notes).toContain('* W36：订单数据只覆盖2026年8月31日至2026年9月1日（季度内 7 天中的 2 天）；该周 GMV 只含这几天，并与前一周、52 周前的相同日期对比。');
  });
});

describe('the monthly trend when the exports start and end inside a month', () => {
  // The first dated line is o0 on 2026-05-02 and the last o3 on 2026-09-01: of May the data
  // reaches days 2–31, of September one day.
  const slide = overviewSlides(context(doc(NO_SIDE))).find((s) => s.id === 'overview.trend')!;

  it('stars those months and says on the slide which days they hold', () => {
    const labels = charts(slide)[0]!.categories;
    expect(labels.filter((l) => l.endsWith('*'))).toEqual(['26年5月*', '26年9月*']);
    expect(slide.footnote).toBe('* 26年5月：只含2026年5月2日至2026年5月31日的数据（30/31 天），对比按相同日期；* 26年9月：只含2026年9月1日的数据（1/30 天），对比按相同日期');
  });
});

describe('the refunds slide when the exports carry no refund reasons', () => {
  // o1's 30000 and o2's 5000 were refunded in 2026Q3; neither keeps its reason here.
  const lines = LINES.map((l) => ({ ...l, refundReason: null }));
  const slide = build(context(doc(NO_SIDE, lines))).get('core.refunds')!;

  it('gives the rates and says the reasons are missing, instead of a Pareto of one bar', () => {
    expect(charts(slide)).toEqual([]);
    expect(notices(slide)).toEqual(['退款金额 ¥350.00 都没有原因：导出中没有退款原因列，在数据源的 columns: 中映射 refund_reason 后即可显示原因分布。']);
    expect(slide.headline).toMatch(/^退款率按金额 \S+、按订单 \S+$/);
  });
});

describe('the category slide', () => {
  const slideOf = (lines: OrderLine[], locale: 'zh-CN' | 'en' = 'zh-CN') =>
    overviewSlides(context(doc(NO_SIDE, lines), locale)).find((s) => s.id === 'overview.byCategory')!;

  it('names lines without a category in the reader\'s words', () => {
    // o3 (jd, 8000) loses its category: 美妆 60000 and the unnamed 8000 in 2026Q3.
    const slide = slideOf(LINES.map((l) => (l.orderId === 'o3' ? { ...l, category: null } : l)));
    expect(charts(slide)[0]!.categories).toEqual(['美妆', '（未标注类目）']);
    expect(tables(slide)[0]!.rows.map((r) => r[0])).toEqual(['美妆', '（未标注类目）']);
  });

  it('an export with no category column says so instead of one 100 % slice', () => {
    const slide = slideOf(LINES.map((l) => ({ ...l, category: null })));
    expect(charts(slide)).toEqual([]);
    expect(slide.headline).toBeUndefined();
    expect(notices(slide)).toEqual(['订单行没有类目：在数据源的 columns: 中映射 category 列后即可显示类目结构']);
    expect(notices(slideOf(LINES.map((l) => ({ ...l, category: null })), 'en'))[0]).toMatch(/^The order lines carry no category/);
  });
});

describe('core slides without traffic and service exports', () => {
  const m = doc(NO_SIDE);
  const slides = build(context(m));

  it('say so on the slide instead of drawing a figure', () => {
    expect(notices(slides.get('core.funnel')!)).toEqual(['2026年第3季度没有流量日报：添加 traffic_daily 数据源后即可显示转化率与漏斗。']);
    expect(charts(slides.get('core.funnel')!)).toEqual([]);
    expect(notices(slides.get('core.conversion')!)).toEqual(['2026年第3季度没有流量日报：添加 traffic_daily 数据源后即可显示转化率与漏斗。']);
    const service = slides.get('core.service')!;
    expect(notices(service)).toContain('2026年第3季度没有客服工单：添加 service_tickets 数据源后即可显示客服时效。');
    expect(notices(service)).toContain('2026年第3季度没有评价数据：添加 reviews 数据源后即可显示评分。');
    const cards = service.components.filter((c) => c.type === 'kpi');
    expect(cards.every((c) => c.type === 'kpi' && c.value === '暂无数据')).toBe(true);
    expect(m.core!.conversion).toMatchObject({ value: null, reason: 'no traffic export in 2026Q3' });
  });

  it('a missing figure inside a headline reads "no data"; its reason stays in the notice', () => {
    const kpis = slides.get('core.kpis')!;
    expect(kpis.headline).toMatch(/^转化率 暂无数据；/);
    expect(kpis.headline).not.toContain('traffic_daily');
    expect(notices(kpis)).toContain('2026年第3季度没有流量日报：添加 traffic_daily 数据源后即可显示转化率与漏斗。');
    expect(build(context(m, 'en')).get('core.kpis')!.headline).toMatch(/^Conversion no data; /);
  });

  it('in English too', () => {
    const en = build(context(m, 'en'));
    expect(notices(en.get('core.funnel')!)).toEqual(['No traffic export for Q3 2026: add a traffic_daily source to show conversion and the funnel.']);
  });
});
