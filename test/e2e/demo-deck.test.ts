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
    // Sections 3–6 and the appendix page their tables onto as many slides as they need; the first
    // two sections have a fixed set: six overview slides and ten core-metrics slides.
    expect(sectionSlides('01', '02').map((s) => s.texts[0])).toEqual([
      '业绩概览：核心经营数据', '月度趋势：近 12 个月 GMV', '周度趋势：每周 GMV', '平台结构：各平台 GMV', '类目结构：各类目 GMV 占比', '买家与销售结构：新老买家、大促与价格带',
    ]);
    expect(sectionSlides('02', '03').map((s) => s.texts[0])).toEqual([
      '核心指标：转化、客单价与复购', '转化漏斗：从访客到支付', '转化率：按周与按平台', '各流量渠道转化率', '笔单价与复购：按平台',
      '买家留存：回头客、沉睡与唤醒', '买家分层（RFM）', '关联购买：常被一起购买的商品', '退款：退款率与原因', '客服：响应、解决与满意度',
    ]);
    expect(slides.some((s) => s.texts[0] === '附录：指标口径')).toBe(true);
    expect(slides[0]!.texts).toContain('示例电商');
    expect(slides[0]!.texts).toContain('2026年第3季度');
    expect(slides.at(-1)!.texts).toContain('谢谢');
  });

  /** The content slides between the divider numbered `from` and the one numbered `to`. */
  function sectionSlides(from: string, to: string): SlideInfo[] {
    const at = (n: string) => slides.findIndex((s, i) => i > 1 && s.texts[0] === n);
    return slides.slice(at(from) + 1, at(to));
  }
  const slideTitled = (title: string) => slides.find((s) => s.texts[0] === title)!;
  const r4 = (v: number | null) => (v === null ? null : Math.round(v * 1e4) / 1e4);
  const yuan = (minor: number | null) => (minor === null ? null : Math.round(minor / 100));

  it('keeps the section 1 and 2 figures in the metrics JSON, in the F shape, money in whole minor units', () => {
    const o = metrics.overview;
    const c = metrics.core!;
    const figures = [o.newBuyers, o.returningBuyers, o.campaignShare, o.campaignGmv, o.topPriceBandShare, o.visitors, c.conversion, c.campaignConversionLift, c.aov, c.spendPerBuyer, c.repurchaseRate, c.returningBuyerRate, c.dormantBuyers, c.reactivatedBuyers, c.refundRateByAmount, c.refundRateByOrders, c.firstResponse.median, c.firstResponse.p90, c.firstResponse.withinSlaShare, c.resolution.median, c.resolution.p90, c.satisfaction.mean, c.satisfaction.shareHigh, c.reviewRating];
    for (const f of figures) {
      expect(Object.keys(f!).sort()).toEqual(['previous', 'qoq', 'unit', 'value', 'yearAgo', 'yoy']);
      expect(f!.value).not.toBeNull();
    }
    for (const f of [o.campaignGmv!, c.aov, c.spendPerBuyer]) expect(Number.isInteger(f.value)).toBe(true);
    expect(o.newBuyers!.value! + o.returningBuyers!.value!).toBe(o.buyers.value);
    expect(o.byWeek!.reduce((a, w) => a + w.gmv.value!, 0)).toBe(o.gmv.value);
    expect(c.counts.orders[0]).toBe(o.orders.value);
    expect(c.funnel.steps.map((x) => x.step)).toEqual(['visitors', 'productViews', 'addToCart', 'checkouts', 'buyers']);
    expect(c.funnel.steps[0]!.value).toBe(o.visitors!.value);
    expect(metrics.definitions!.map((d) => d.id)).toContain('core.conversion');
  });

  it('draws section 2 from the metrics: funnel, conversion, AOV/repurchase, tiers, Pareto and service times', () => {
    const c = metrics.core!;
    const funnel = slideTitled('转化漏斗：从访客到支付').charts[0]!;
    expect(funnel.series.some((s) => JSON.stringify(s.values) === JSON.stringify(c.funnel.steps.map((x) => x.value)))).toBe(true);

    const [weekly, byPlatform] = slideTitled('转化率：按周与按平台').charts;
    expect(weekly!.kind).toBe('lineChart');
    expect(weekly!.series[0]!.values).toEqual(c.conversionByWeek.map((w) => r4(w.value.value)));
    expect(byPlatform!.series[0]!.values).toEqual(c.conversionByPlatform.map((p) => r4(p.value.value)));

    const aov = slideTitled('笔单价与复购：按平台').charts[0]!;
    expect(aov.series[0]!.values).toEqual(c.byPlatform.map((p) => yuan(p.aov.value)));
    expect(aov.series[1]!.values).toEqual(c.byPlatform.map((p) => r4(p.repurchaseRate.value)));

    const tiers = slideTitled('买家分层（RFM）').charts[0]!;
    expect(tiers.series[0]!.values).toEqual(c.buyerTiers.map((t) => t.buyers));

    const pareto = slideTitled('退款：退款率与原因').charts[0]!;
    expect(pareto.series[0]!.categories).toEqual(c.refundReasons.map((r) => r.reason));
    expect(pareto.series[0]!.values).toEqual(c.refundReasons.map((r) => yuan(r.amountMinor)));
    expect(pareto.series[1]!.values).toEqual(c.refundReasons.map((r) => r4(r.cumulativeShare)));

    const service = slideTitled('客服：响应、解决与满意度').charts[0]!;
    const one = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    expect(service.series[0]!.values).toEqual(c.firstResponseByPlatform.map((p) => one(p.median.value)));
    expect(service.series[1]!.values).toEqual(c.firstResponseByPlatform.map((p) => one(p.p90.value)));

    const pairs = slideTitled('关联购买：常被一起购买的商品');
    expect(c.pairs.sku.length).toBeGreaterThan(0);
    expect(pairs.texts).toContain(c.pairs.sku[0]!.aLabel);
    expect(pairs.notes).toContain('口径 · 提升度');
  });

  it('shows sections 3–6 with their slides in order', () => {
    const titles = (from: string, to: string) => [...new Set(sectionSlides(from, to).map((s) => s.texts[0]!.replace(/（续）$/, '')))];
    expect(titles('03', '04')).toEqual([
      '大促复盘：活动期对比平日基线', '大促日均 GMV：活动日对比基线日', '重点项目一览',
      '重点项目：抖音自播间搭建', '重点项目：详情页改版与全站转化提升', '重点项目：库存健康治理', '重点项目：会员复购计划',
    ]);
    expect(titles('04', '05')).toEqual(['问题诊断：按影响金额排序', '诊断规则一览']);
    expect(titles('05', '06')).toEqual(['团队人效', '岗位结构、培训与认证', '能力建设与服务效率', '团队建设举措与认证']);
    expect(titles('06', '07')).toEqual(['2026年第4季度目标', 'GMV 目标拆解：按类目', 'GMV 目标拆解：按平台', '下季度重点方向', '资源需求', '风险与应对']);
  });

  it('reviews the two Q3 campaigns against their baseline days', () => {
    const p = metrics.projects!;
    expect(p.campaigns.campaigns.map((c) => [c.name, c.start, c.end, c.days])).toEqual([
      ['七夕', '2026-08-22', '2026-08-29', 8],
      ['99划算节', '2026-09-05', '2026-09-09', 5],
    ]);
    // 99划算节's baseline skips the 七夕 days and keeps its own weekdays (Sat–Wed).
    const dd = p.campaigns.campaigns[1]!;
    expect(dd.baselineDays).not.toContain('2026-08-22');
    expect(dd.baselineDays).not.toContain('2026-08-27');
    for (const c of p.campaigns.campaigns) {
      expect(c.gmv.lift).toBeCloseTo(c.gmv.campaign! / c.gmv.baseline!, 12);
      expect(c.gmv.lift!).toBeGreaterThan(1);
    }
    const chart = slideTitled('大促日均 GMV：活动日对比基线日').charts[0]!;
    expect(chart.series[0]!.values).toEqual(p.campaigns.campaigns.map((c) => Math.round(Math.round(c.gmvPerDay.campaign!) / 100)));
    expect(chart.series[1]!.values).toEqual(p.campaigns.campaigns.map((c) => Math.round(Math.round(c.gmvPerDay.baseline!) / 100)));
  });

  it('takes a key project KPI that names core.conversion from the data', () => {
    const kpi = metrics.projects!.projects[1]!.kpis[0]!;
    expect(kpi).toMatchObject({ name: '全站转化率', figure: 'core.conversion', after: metrics.core!.conversion.value, before: metrics.core!.conversion.previous });
    expect(slideTitled('重点项目：详情页改版与全站转化提升').texts).toContain(`${(metrics.core!.conversion.value! * 100).toFixed(1)}%`);
  });

  it('checks every diagnosis rule on the demo and ranks the findings by money at stake', () => {
    const d = metrics.diagnosis!;
    expect(d.rules).toHaveLength(11);
    expect(d.rules.filter((r) => r.status === 'notChecked').map((r) => r.id)).toEqual([]);
    const money = d.findings.map((f) => f.moneyAtStakeMinor ?? -1);
    expect(money).toEqual([...money].sort((a, b) => b - a));
    // The import supplier (standard 21 days in the demo config) and the turnover target fire.
    expect(d.findings.some((f) => f.ruleId === 'supplierLeadTime' && f.subject === '宁波海拓进口贸易有限公司' && f.threshold.value === 21)).toBe(true);
    expect(d.rules.find((r) => r.id === 'inventoryTurnover')!.status).toBe('fired');
    const cards = sectionSlides('04', '05').flatMap((s) => s.texts).join('\n');
    expect(cards).toContain('供应商交期超标：宁波海拓进口贸易有限公司');
    expect(cards).toContain('建议：');
  });

  it('divides the quarter by the narrative team and bridges GMV to the target', () => {
    const t = metrics.team!;
    expect(t.headcount).toMatchObject({ value: 25, previous: 23 });
    expect(t.gmvPerHead.value).toBe(Math.round(metrics.overview.gmv.value! / 25));
    expect(t.ticketsPerAgent.value).toBe(metrics.operations!.tickets.value! / 8);
    const plan = metrics.plan!;
    expect(plan.gmv).toMatchObject({ target: Math.round(metrics.overview.gmv.value! * 1.15), source: 'set' });
    for (const d of [plan.byCategory, plan.byPlatform]) {
      expect(d.rows.reduce((a, r) => a + r.incrementMinor, 0)).toBe(plan.gmv.increment);
      expect(d.ruleApplied).toBe(true);
    }
    expect(plan.byCategory.coreShare).toBeCloseTo(0.7, 12);
    expect(plan.targets.filter((x) => x.source === 'set').map((x) => x.id)).toEqual(['gmv', 'procurementCycle', 'liveShare']);
    expect(slideTitled('GMV 目标拆解：按类目').charts).toHaveLength(1);
  });

  it('puts a GMV chart of the three periods, with its YoY and QoQ arrows, under the headline KPI cards', () => {
    const kpis = slides.find((s) => s.texts[0] === '业绩概览：核心经营数据')!;
    const g = metrics.overview.gmv;
    const wan = (fen: number | null) => (fen === null ? null : Math.round(fen / 1e5) / 10);
    expect(kpis.charts.map((c) => c.kind)).toEqual(['barChart']);
    expect(kpis.charts[0]!.series[0]!.categories).toEqual(['去年同期', '上季度', '本季度']);
    expect(kpis.charts[0]!.series[0]!.values).toEqual([wan(g.yearAgo), wan(g.previous), wan(g.value)]);
    const pct = (r: number) => `${r < 0 ? '-' : '+'}${(Math.abs(r) * 100).toFixed(1)}%`;
    expect(kpis.texts).toEqual(expect.arrayContaining([pct(g.yoy!), pct(g.qoq!)]));
  });

  it('ends with the data-health slide: every input file with its rows read and kept', () => {
    const health = slides.filter((s) => s.texts[0]?.startsWith('数据健康度'));
    expect(health.length).toBeGreaterThan(0);
    const text = health.flatMap((s) => s.texts);
    for (const f of metrics.provenance.files) {
      expect(text).toContain(f.file);
      expect(text).toContain(f.rowsRead.toLocaleString('en-US'));
    }
    // Each platform's orders cover the quarter in the demo.
    for (const p of ['天猫', '京东', '抖音', '自营商城']) expect(text).toContain(p);
  });

  it('gives every chart data, and every chart text the East Asian font and the deck language', async () => {
    const { zip } = await openDeck(deckBytes);
    const charts = slides.flatMap((s) => s.charts);
    expect(charts.length).toBeGreaterThan(10);
    for (const c of charts) {
      expect(c.series.length, c.part).toBeGreaterThan(0);
      expect(c.series.some((x) => x.values.some((v) => v !== null)), c.part).toBe(true);
      const xml = await zip.file(c.part)!.async('string');
      expect(xml, c.part).toContain('<c:lang val="zh-CN"/>');
      expect(xml.match(/<a:latin typeface="[^"]*"\/>(?!<a:ea)/g) ?? [], c.part).toEqual([]);
      expect(xml, c.part).not.toMatch(/<a:ea typeface="(?!Microsoft YaHei)/);
    }
  });

  it('gives every content slide a title and speaker notes that say what it shows', () => {
    const content = slides.filter((s) => s.texts.includes('示例电商 · 2026年第3季度') && s !== slides[1]);
    expect(content.length).toBeGreaterThan(30);
    for (const s of content) {
      expect(s.texts[0], s.part).toBeTruthy();
      expect(s.notes, s.part).toMatch(/^本页内容：/);
    }
  });

  it('lists the six numbered sections on the contents slide', () => {
    const contents = slides[1]!.texts;
    for (const [i, title] of SECTION_TITLES_ZH.entries()) {
      expect(contents).toContain(title);
      expect(contents).toContain(String(i + 1).padStart(2, '0'));
    }
  });

  it('draws GMV by platform as a bar chart whose values are the metrics in 万元', () => {
    const slide = slides.find((s) => s.texts[0] === '平台结构：各平台 GMV')!;
    const chart = slide.charts[0]!;
    expect(chart.kind).toBe('barChart');
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
