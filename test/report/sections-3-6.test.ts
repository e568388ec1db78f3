// Slides of sections 3–6 from a literal metrics document, in both languages: every string comes
// from the locale (a missing key throws), numbers are formatted from the literal figures, and a
// document without those sections shows notices instead of inventing figures.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { MetricsDocument } from '../../src/metrics/document.js';
import type { Figure } from '../../src/metrics/figure.js';
import type { SectionContext } from '../../src/report/context.js';
import type { LocaleId } from '../../src/report/format.js';
import type { Chart, ContentSlide, InsightCard, KpiCard, TableBlock } from '../../src/report/model.js';
import { DIAGNOSIS_SLIDES } from '../../src/report/sections/diagnosis.js';
import { PLAN_SLIDES } from '../../src/report/sections/plan.js';
import { PROJECT_SLIDES } from '../../src/report/sections/projects.js';
import { TEAM_SLIDES } from '../../src/report/sections/team.js';
import { Strings } from '../../src/report/strings.js';
import type { LocaleTree } from '../../src/template/schema.js';

const root = path.resolve(__dirname, '../..');
const strings = (locale: LocaleId) =>
  new Strings(parse(readFileSync(path.join(root, `templates/default/locales/${locale}.yaml`), 'utf8')) as LocaleTree, locale);

const F = (value: number | null, previous: number | null, unit: Figure['unit'], qoq: number | null = null): Figure => ({ value, unit, previous, yearAgo: null, qoq, yoy: null });
const lift = (unit: Figure['unit'], campaign: number | null, baseline: number | null, l: number | null) => ({ unit, campaign, baseline, lift: l });

const base = {
  quarter: '2026Q3',
  currency: 'CNY',
  timezone: 'Asia/Shanghai',
  periods: {
    current: { start: '2026-07-01', end: '2026-09-30', label: '2026Q3' },
    previous: { start: '2026-04-01', end: '2026-06-30', label: '2026Q2' },
    yearAgo: { start: '2025-07-01', end: '2025-09-30', label: '2025Q3' },
  },
  provenance: { files: [{ file: 'data/tmall.csv', platform: 'tmall', table: 'order_lines', rowsRead: 10, rowsKept: 9, skipped: {} }], orderLines: 9 },
};

const full = {
  ...base,
  projects: {
    narrativeFile: 'narrative.yaml',
    campaigns: {
      baseline: { weeks: 4, sameWeekday: true },
      campaigns: [
        {
          name: '七夕',
          start: '2026-08-22',
          end: '2026-08-29',
          days: 8,
          baselineDays: ['2026-07-25', '2026-08-21'],
          gmv: lift('minor', 5_316_619, 3_327_776.25, 1.5976),
          gmvPerDay: lift('minor', 664_577.375, 415_972.03, 1.5976),
          orders: lift('count', 367, 197, 1.863),
          visitors: lift('count', 7772, 6054.25, 1.284),
          conversion: lift('ratio', 0.047, 0.0325, 1.446),
          aov: lift('minor', 14_486.7, 16_892.3, 0.8576),
          stockOuts: { ...lift('count', null, 1, null), reason: 'no inventory snapshot falls inside the campaign' },
          tickets: lift('count', 108, 48.25, 2.238),
        },
      ],
    },
    projects: [
      {
        name: '自播间',
        owner: '王敏',
        status: 'on-track',
        goal: '直播占比提升',
        kpis: [
          { name: '自播转化率', figure: null, unit: 'ratio', before: 0.031, after: 0.046, difference: 0.015, change: 0.015 / 0.031, better: 'higher', improved: true },
          { name: '投放费用', figure: null, unit: 'minor', before: 123_450, after: 100_000, difference: -23_450, change: -0.19, better: 'lower', improved: true },
        ],
        highlights: ['按期开播', '组合装上线'],
        problems: ['主播不足'],
      },
    ],
  },
  diagnosis: {
    rules: [
      {
        id: 'inventoryTurnover',
        reads: ['operations.inventory.turnover'],
        status: 'fired',
        severity: 'medium',
        missing: [],
        observed: { value: 3.6478, unit: 'multiple' },
        threshold: { value: 4, unit: 'multiple' },
        context: {},
        findings: [],
        moneyAtStakeMinor: 112_793,
      },
      { id: 'firstResponse', reads: ['core.aov'], status: 'notChecked', severity: 'medium', missing: ['core.aov'], observed: null, threshold: { value: 0.9, unit: 'ratio' }, context: {}, findings: [], moneyAtStakeMinor: null },
      {
        id: 'conversionDrop',
        reads: ['core.conversion'],
        status: 'passed',
        severity: 'high',
        missing: [],
        observed: { value: -0.0556, unit: 'ratio' },
        threshold: { value: -0.05, unit: 'ratio' },
        context: { visitorsGrowth: { value: -0.0593, unit: 'ratio' } },
        findings: [],
        moneyAtStakeMinor: null,
      },
    ],
    moneyAtStakeMinor: 112_793,
    findings: [
      {
        ruleId: 'inventoryTurnover',
        subject: null,
        severity: 'medium',
        observed: { value: 3.6478, unit: 'multiple' },
        threshold: { value: 4, unit: 'multiple' },
        moneyAtStakeMinor: 112_793,
        facts: {
          daysOfInventory: { value: 100.06, unit: 'days' },
          targetDays: { value: 91.25, unit: 'days' },
          averageCost: { value: 25_411_733, unit: 'minor' },
          excessCost: { value: 2_237_461, unit: 'minor' },
        },
      },
      {
        ruleId: 'lateDelivery',
        subject: '(none)',
        severity: 'low',
        observed: { value: 0.13, unit: 'ratio' },
        threshold: { value: 0.12, unit: 'ratio' },
        moneyAtStakeMinor: null,
        facts: { late: { value: 7, unit: 'count' }, orders: { value: 54, unit: 'count' }, slaHours: { value: 48, unit: 'hours' }, overall: { value: 0.0985, unit: 'ratio' } },
      },
    ],
  },
  team: {
    hasTeam: true,
    hasPrevious: true,
    headcount: F(25, 23, 'count', 2 / 23),
    serviceAgents: F(8, 8, 'count', 0),
    gmvPerHead: F(1_716_575, 1_930_876, 'minor', -0.111),
    ordersPerHead: F(105.6, 129.3, 'count', -0.183),
    ticketsPerAgent: F(81.625, 92.75, 'count', -0.12),
    firstResponseMedian: F(44, 42, 'seconds', 0.048),
    trainingHoursPerHead: F(14.48, 9.13, 'hours', 0.586),
    certificationCoverage: F(0.68, 12 / 23, 'ratio', 0.303),
    roles: [
      { role: '客服', service: true, headcount: F(8, 8, 'count'), trainingHours: F(112, 80, 'hours'), trainingHoursPerHead: F(14, 10, 'hours'), certified: F(7, 6, 'count'), certificationCoverage: F(0.875, 0.75, 'ratio'), headcountChange: 0, coverageChangePoints: 0.125 },
    ],
    totals: { role: '', service: false, headcount: F(25, 23, 'count'), trainingHours: F(362, 210, 'hours'), trainingHoursPerHead: F(14.48, 9.13, 'hours'), certified: F(17, 12, 'count'), certificationCoverage: F(0.68, 12 / 23, 'ratio'), headcountChange: 2, coverageChangePoints: 0.68 - 12 / 23 },
    certifications: [{ name: '电子商务师', holders: 6, previousHolders: 4 }],
    initiatives: [{ name: '带教', owner: '李娜', description: '一对一带教 4 周' }],
  },
  plan: {
    quarter: '2026Q4',
    gmv: { actual: 1_000_000, target: 1_150_000, growth: 0.15, increment: 150_000, source: 'set' },
    targets: [
      { id: 'gmv', unit: 'minor', better: 'higher', actual: 1_000_000, target: 1_150_000, gap: 150_000, source: 'set' },
      { id: 'procurementCycle', unit: 'days', better: 'lower', actual: 12.88, target: 12, gap: -0.88, source: 'set' },
      { id: 'conversion', unit: 'ratio', better: 'higher', actual: 0.0358, target: 0.0379, gap: 0.0021, source: 'default' },
      { id: 'inventoryTurnover', unit: 'multiple', better: 'higher', actual: 3.65, target: 4, gap: 0.35, source: 'default' },
      { id: 'newBuyers', unit: 'count', better: 'higher', actual: null, target: null, gap: null, source: 'default' },
    ],
    byCategory: {
      rows: [
        { key: '女装', actualMinor: 600_000, shareOfIncrement: 0.7, incrementMinor: 105_000, targetMinor: 705_000, core: true },
        { key: '食品', actualMinor: 400_000, shareOfIncrement: 0.3, incrementMinor: 45_000, targetMinor: 445_000, core: false },
      ],
      rule: { core: ['女装'], minShare: 0.7 },
      coreShare: 0.7,
      ruleApplied: true,
      unknownCore: [],
    },
    byPlatform: {
      rows: [{ key: 'douyin', actualMinor: 1_000_000, shareOfIncrement: 1, incrementMinor: 150_000, targetMinor: 1_150_000, core: false }],
      rule: null,
      coreShare: null,
      ruleApplied: false,
      unknownCore: [],
    },
    directions: [{ title: '双 11 备战', detail: '提前备货' }],
    resources: [{ item: '直播设备', detail: null, budgetMinor: 6_000_000 }, { item: '外包设计', detail: '20 款', budgetMinor: 4_000_000 }],
    resourcesBudgetMinor: 10_000_000,
    risks: [{ risk: '断货', impact: 'high', mitigation: '安全库存', owner: '陈涛' }],
  },
} as unknown as MetricsDocument;

const empty = { ...base } as unknown as MetricsDocument;

function slidesOf(doc: MetricsDocument, locale: LocaleId, narrativeFile?: string): ContentSlide[] {
  const ctx: SectionContext = { s: strings(locale), locale, m: doc, input: { metrics: doc, strings: strings(locale), company: '示例电商', reportDate: '2026-09-30', inputs: {}, narrativeFile } };
  return [...PROJECT_SLIDES, ...DIAGNOSIS_SLIDES, ...TEAM_SLIDES, ...PLAN_SLIDES].flatMap((d) => d.build(ctx));
}
const byId = (slides: ContentSlide[], id: string) => slides.find((s) => s.id === id)!;
/** Every string a reader sees or hears: titles, headlines, component texts and notes. */
const allText = (slides: ContentSlide[]) =>
  slides
    .flatMap((s) => [
      s.title,
      s.headline ?? '',
      ...s.notes,
      ...s.components.flatMap((c) => {
        if (c.type === 'table') return [...c.header, ...c.rows.flat()];
        if (c.type === 'kpi') return [c.label, c.value, ...c.deltas.flatMap((d) => [d.label, d.text])];
        if (c.type === 'insight') return [c.headline, c.value, c.sentence];
        if (c.type === 'chart') return [c.title, c.unitLabel, ...c.categories, ...c.series.map((x) => x.name), ...c.series.flatMap((x) => x.values.map(String))];
        if (c.type === 'text') return c.paragraphs;
        return [c.text];
      }),
    ])
    .join('\n');

describe('sections 3–6 in Chinese', () => {
  const slides = slidesOf(full, 'zh-CN', 'narrative.yaml');
  it('builds every slide with no placeholder left', () => {
    expect(slides.map((s) => s.id)).toEqual([
      'projects.campaigns', 'projects.daily', 'projects.summary', 'projects.project1',
      'diagnosis.findings', 'diagnosis.rules',
      'team.kpis', 'team.roles', 'team.capability', 'team.initiatives',
      'plan.targets', 'plan.bridgeCategory', 'plan.bridgePlatform', 'plan.directions', 'plan.resources', 'plan.risks',
    ]);
    expect(allText(slides)).not.toMatch(/NaN|undefined|null|Infinity|\{\w+\}|数据来源：$/m);
  });
  it('tables a campaign against its baseline', () => {
    const table = byId(slides, 'projects.campaigns').components[0] as TableBlock;
    expect(table.header).toEqual(['指标', '七夕 8/22–8/29', '基线期望', '提升']);
    // ¥53,166.19 → ¥5.3万; baseline ¥33,277.76 → ¥3.3万; lift 1.5976 → 1.60×.
    expect(table.rows[0]).toEqual(['GMV', '¥5.3万', '¥3.3万', '1.60×']);
    expect(table.rows[6]).toEqual(['缺货 SKU（快照均值）', '—', '1.0', '—']);
    expect(table.rows[7]).toEqual(['客服工单', '108', '48', '2.24×']);
    expect(table.tones![7]![3]).toBe('negative'); // more service load is bad news
    expect(byId(slides, 'projects.campaigns').headline).toBe('本季度 1 场大促，七夕 拉动最明显：日均 GMV 为平日基线的 1.60×');
  });
  it('charts GMV per campaign day in yuan', () => {
    const chart = byId(slides, 'projects.daily').components[0] as Chart;
    // 664,577 fen → ¥6,646; 415,972 fen → ¥4,160 (axis in 元).
    expect(chart.series.map((s) => s.values)).toEqual([[6646], [4160]]);
    expect(chart.unitLabel).toBe('元');
  });
  it('shows a project’s KPIs before and after, in points for rates', () => {
    const slide = byId(slides, 'projects.project1');
    const [conv, spend] = slide.components as KpiCard[];
    expect(conv).toMatchObject({ label: '自播转化率', value: '4.6%' });
    expect(conv!.deltas.map((d) => [d.label, d.text, d.good])).toEqual([['项目前', '3.1%', null], ['变化', '+1.5pp', true]]);
    expect(spend!.deltas[1]).toMatchObject({ text: '-19.0%', direction: 'down', good: true });
    const cards = slide.components.filter((c): c is InsightCard => c.type === 'insight');
    expect(cards.map((c) => [c.headline, c.value, c.sentence, c.tone])).toEqual([
      ['亮点', '2 项', '按期开播；组合装上线', 'positive'],
      ['待解决问题', '1 项', '主播不足', 'negative'],
    ]);
    expect(slide.headline).toBe('负责人 王敏 · 按计划推进 · 目标：直播占比提升');
  });
  it('shows each finding with the number that triggered it, its evidence, money and action', () => {
    const [turnover, late] = byId(slides, 'diagnosis.findings').components as InsightCard[];
    expect(turnover!.headline).toBe('库存周转偏慢（中）');
    expect(turnover!.value).toBe('3.6 次/年');
    expect(turnover!.sentence).toBe(
      '年化库存周转 3.6 次/年，低于目标 4.0 次/年；库存可售 100天（目标 91天），高出目标的库存约 ¥2.2万。影响约 ¥1,128。建议：清理滞销与过季库存，按近 4 周销量下调补货量，重点 SKU 改为小批量多频次采购。',
    );
    expect(late!.headline).toBe('发货/配送延迟：未知地区（低）');
    // A subject missing from its column is named for what is missing, per rule.
    // A subject missing from its column is named for what is missing: here purchase orders
    // without a supplier.
    const facts = { excessDays: { value: 3, unit: 'days' }, purchaseOrders: { value: 4, unit: 'count' }, receivedCost: { value: 100_000, unit: 'minor' } };
    const findings = full.diagnosis!.findings.map((f) => (f.ruleId === 'lateDelivery' ? { ...f, ruleId: 'supplierLeadTime', facts } : f));
    const doc = { ...full, diagnosis: { ...full.diagnosis!, findings } } as MetricsDocument;
    const supplier = byId(slidesOf(doc, 'zh-CN', 'narrative.yaml'), 'diagnosis.findings').components[1] as InsightCard;
    expect(supplier.headline).toBe('供应商交期超标：未填写供应商（低）');
    expect(late!.sentence).toContain('影响约 无法估算');
    expect(late!.tone).toBe('neutral');
    expect(byId(slides, 'diagnosis.findings').headline).toBe('1 条规则发现 2 个问题，合计影响约 ¥1,128；1 条规则因缺少数据未检查');
    expect(byId(slides, 'diagnosis.findings').notes.join('\n')).toContain('公式：max(0, 平均库存成本');
  });
  it('lists every rule with its status, and why a rule was not checked or passed', () => {
    const table = byId(slides, 'diagnosis.rules').components[0] as TableBlock;
    expect(table.rows.map((r) => r.slice(0, 4))).toEqual([
      ['库存周转偏慢', '触发', '3.6 次/年', '4.0 次/年'],
      ['客服首响超时', '未检查：缺少 core.aov', '—', '90.0%'],
      ['流量增长但转化下滑', '通过（访客环比 -5.9%，未增长）', '-5.6%', '-5.0%'],
    ]);
    expect(byId(slides, 'diagnosis.rules').notes.join('\n')).toContain('客服首响超时 未检查：缺少 core.aov');
  });
  it('shows team productivity with QoQ only', () => {
    const cards = byId(slides, 'team.kpis').components as KpiCard[];
    expect(cards.map((c) => [c.label, c.value, c.deltas.map((d) => d.text)])).toEqual([
      ['团队人数', '25人', ['+8.7%']],
      ['人均 GMV', '¥1.7万', ['-11.1%']],
      ['人均订单', '105.6单', ['-18.3%']],
      ['客服人均工单', '81.6', ['-12.0%']],
    ]);
    const roles = byId(slides, 'team.roles').components[0] as TableBlock;
    expect(roles.rows[0]).toEqual(['客服', '8', '0', '112小时', '14小时', '7', '87.5%', '+12.5pp']);
    // 0.68 − 12/23 = 0.1583 → +15.8pp.
    expect(roles.rows[1]).toEqual(['合计', '25', '+2', '362小时', '14小时', '17', '68.0%', '+15.8pp']);
    expect(roles.totalRow).toBe(true);
    const capability = byId(slides, 'team.capability');
    expect(capability.headline).toBe('客服首响中位数 44秒，环比 +4.8%，响应变慢');
    expect((capability.components[3] as KpiCard).deltas[0]!.good).toBe(false);
  });
  it('tables targets, saying which were set and which defaulted', () => {
    const slide = byId(slides, 'plan.targets');
    expect(slide.title).toBe('2026年第4季度目标');
    expect((slide.components[0] as TableBlock).rows).toEqual([
      ['GMV', '¥1.0万', '¥1.2万', '+¥1,500', '已设定'],
      ['采购周期', '12.9 天', '12.0 天', '-0.9 天', '已设定'],
      ['转化率', '3.6%', '3.8%', '+0.2pp', '默认：近两季较高值'],
      ['库存周转', '3.6 次/年', '4.0 次/年', '+0.3', '默认：不低于诊断目标'],
      ['新买家数', '—', '—', '—', '默认：与 GMV 同比例增长'],
    ]);
    expect(slide.headline).toBe('2026年第4季度 GMV 目标 ¥1.2万（较本季度 +15.0%）；2 项目标为设定值，3 项按默认规则');
  });
  it('bridges GMV from the actual to the target', () => {
    const slide = byId(slides, 'plan.bridgeCategory');
    const chart = slide.components[0] as Chart;
    expect(chart.chartType).toBe('waterfall');
    expect(chart.categories).toEqual(['本季度实际', '女装', '食品', '下季度目标']);
    // ¥10,000 actual, +¥1,050 and +¥450, ¥11,500 target (axis in 元).
    expect(chart.series[0]!.values).toEqual([10000, 1050, 450, 11500]);
    expect((slide.components[1] as TableBlock).rows[0]).toEqual(['女装 ★', '¥1,050', '70.0%', '¥7,050']);
    expect(slide.headline).toBe('GMV 增量 ¥1,500，核心项（女装）承担 70.0%');
    expect(byId(slides, 'plan.bridgePlatform').headline).toBe('GMV 增量 ¥1,500，抖音 承担最多（100.0%）');
  });
  it('lists resources with their total, and risks with mitigations', () => {
    const resources = byId(slides, 'plan.resources').components[0] as TableBlock;
    expect(resources.rows.at(-1)).toEqual(['合计', '', '¥10.0万']);
    const risks = byId(slides, 'plan.risks').components[0] as TableBlock;
    expect(risks.rows).toEqual([['断货', '高', '安全库存', '陈涛']]);
  });
});

describe('sections 3–6 in English', () => {
  const slides = slidesOf(full, 'en', 'narrative.yaml');
  it('uses the English strings and formats', () => {
    expect(allText(slides)).not.toMatch(/NaN|undefined|null|Infinity|\{\w+\}/);
    const [turnover] = byId(slides, 'diagnosis.findings').components as InsightCard[];
    expect(turnover!.value).toBe('3.6×/yr');
    expect(turnover!.sentence).toContain('At stake: about ¥1,128. Action: Clear slow');
    expect(byId(slides, 'plan.targets').title).toBe('Q4 2026 targets');
  });
});

describe('a document without sections 3–6', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`shows notices, never figures (${locale})`, () => {
      const slides = slidesOf(empty, locale);
      expect(allText(slides)).not.toMatch(/NaN|undefined|null|Infinity|\{\w+\}|: $|：$| 0 rules/m);
      for (const id of ['projects.campaigns', 'projects.summary', 'diagnosis.findings', 'team.kpis', 'plan.targets', 'plan.directions', 'plan.risks']) {
        expect(byId(slides, id).components.map((c) => c.type)).toEqual(['notice']);
      }
      expect(slides.find((s) => s.id === 'plan.bridgeCategory')).toBeUndefined();
    });
  }

  const noticeOf = (slides: ContentSlide[], id: string) => (byId(slides, id).components[0] as { text: string }).text;
  it('without a narrative file, the narrative slides say so and how to add one', () => {
    const slides = slidesOf(empty, 'en');
    for (const id of ['projects.summary', 'team.kpis', 'plan.directions', 'plan.resources', 'plan.risks']) {
      expect(noticeOf(slides, id)).toBe('No narrative file is set: add narrative: narrative.yaml to ecom-report.yaml to fill this slide (docs/workspace.md shows its shape)');
    }
  });
  it('with a narrative file that lists nothing, they say what to add to it', () => {
    const slides = slidesOf(empty, 'en', 'narrative.yaml');
    expect(noticeOf(slides, 'projects.summary')).toBe('The narrative lists no key projects (add them under projects:)');
    expect(noticeOf(slides, 'plan.risks')).toBe('The narrative lists no risks (add them under plan.risks)');
  });
});
