// The workspace `ecom-report init` writes: config, example exports for two platforms (a Tmall
// order report and an own shop in the generic format), narrative yaml and a README. The data
// covers the five quarters up to the last complete one as of a given instant, so the deck has
// both QoQ and YoY comparisons; it comes from a fixed-seed PRNG, so the same day gives the same files.
import { daysFromCivil, dayString } from '../time/zone.js';
import { lastCompleteQuarter, quarterLabel, quarterPeriod, shiftQuarter, type Quarter } from '../time/quarter.js';
import { mulberry32 } from '../seeded-random.js';

export const EXAMPLE_TIMEZONE = 'Asia/Shanghai';
const SEED = 20260701;

export interface ExampleWorkspace {
  /** Relative path (with /) → file text. */
  files: Map<string, string>;
  /** The last quarter with data: what `ecom-report build` reports by default on the same day. */
  quarter: string;
  /** The first and last quarter of the example data. */
  quarters: string[];
}


interface Product {
  sku: string;
  name: string;
  category: string;
  priceFen: number;
}

const PRODUCTS: Product[] = [
  { sku: 'SKU-B-0001', name: '补水面膜10片', category: '美妆护肤', priceFen: 9900 },
  { sku: 'SKU-B-0003', name: '保湿面霜', category: '美妆护肤', priceFen: 19900 },
  { sku: 'SKU-G-0001', name: '每日坚果礼盒', category: '食品饮料', priceFen: 12800 },
  { sku: 'SKU-G-0005', name: '即食燕麦片', category: '食品饮料', priceFen: 3990 },
  { sku: 'SKU-H-0001', name: '原木抽纸24包', category: '家居日用', priceFen: 3990 },
  { sku: 'SKU-H-0008', name: '香薰精油', category: '家居日用', priceFen: 8900 },
  { sku: 'SKU-E-0001', name: '硅胶手机壳', category: '数码配件', priceFen: 2990 },
  { sku: 'SKU-E-0003', name: '65W氮化镓充电器', category: '数码配件', priceFen: 8900 },
];

const REGIONS = ['浙江省', '江苏省', '广东省', '上海市', '北京市', '四川省', '湖北省', '山东省'];
const ADDRESSES: Record<string, string> = {
  浙江省: '浙江省 杭州市 西湖区 文三路88号',
  江苏省: '江苏省 南京市 玄武区 中山路12号',
  广东省: '广东省 深圳市 南山区 科技园路6号',
  上海市: '上海市 上海市 浦东新区 世纪大道100号',
  北京市: '北京市 北京市 朝阳区 建国路66号',
  四川省: '四川省 成都市 武侯区 天府大道9号',
  湖北省: '湖北省 武汉市 洪山区 珞喻路150号',
  山东省: '山东省 青岛市 市南区 香港中路20号',
};
const REFUND_REASONS = ['尺码/规格不合适', '质量问题', '七天无理由'];
const STORE_CHANNELS = ['小程序', '社群', '官网'];

const pad2 = (n: number) => String(n).padStart(2, '0');
/** Fen → "123.40". */
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${pad2(fen % 100)}`;

/** Wall-clock second of a day (local time in the workspace zone) → "YYYY-MM-DD HH:MM:SS". */
function wallTime(day: number, secondOfDay: number): string {
  const extraDays = Math.floor(secondOfDay / 86_400);
  const s = secondOfDay % 86_400;
  return `${dayString(day + extraDays)} ${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
}

interface OrderDraw {
  day: number;
  createdSecond: number;
  product: Product;
  quantity: number;
  /** Paid amount after a discount, in fen. */
  paidFen: number;
  region: string;
  buyer: number;
}

/** 'YYYY-MM-DD' → days since 1970-01-01. */
function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return daysFromCivil(y, m, d);
}

function dayRange(q: Quarter): { first: number; days: number } {
  const p = quarterPeriod(q, EXAMPLE_TIMEZONE);
  const first = dayNumber(p.start);
  return { first, days: dayNumber(p.end) - first + 1 };
}

/** The example workspace for the instant `nowMs` (the five quarters up to the last complete one). */
export function exampleWorkspace(nowMs: number, locale: 'zh-CN' | 'en' = 'zh-CN'): ExampleWorkspace {
  const rnd = mulberry32(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const last = lastCompleteQuarter(nowMs, EXAMPLE_TIMEZONE);
  const quarters = [-4, -3, -2, -1, 0].map((by) => shiftQuarter(last, by));

  const lastPeriod = quarterPeriod(last, EXAMPLE_TIMEZONE);
  const campaigns = campaignsBetween(quarterPeriod(quarters[0]!, EXAMPLE_TIMEZONE).start, lastPeriod.end, locale === 'zh-CN');
  const campaignDays = new Set<number>();
  for (const c of campaigns) {
    for (let d = dayNumber(c.start); d <= dayNumber(c.end); d++) campaignDays.add(d);
  }
  /** A day of the quarter; campaign days are 1.7 times as likely, so campaigns show a lift. */
  const orderDay = (first: number, days: number): number => {
    for (;;) {
      const day = first + Math.floor(rnd() * days);
      if (campaignDays.has(day) || rnd() < 0.6) return day;
    }
  };

  const draw = (q: Quarter, buyers: number): OrderDraw => {
    const { first, days } = dayRange(q);
    const product = pick(PRODUCTS);
    const quantity = rnd() < 0.75 ? 1 : rnd() < 0.7 ? 2 : 3;
    const gross = product.priceFen * quantity;
    // Every third order carries a 5% or 10% coupon; amounts stay whole fen.
    const discountRate = rnd() < 0.33 ? (rnd() < 0.5 ? 5 : 10) : 0;
    const paidFen = gross - Math.round((gross * discountRate) / 100);
    return {
      day: orderDay(first, days),
      createdSecond: 8 * 3600 + Math.floor(rnd() * 15 * 3600),
      product,
      quantity,
      paidFen,
      region: pick(REGIONS),
      buyer: Math.floor(rnd() * buyers),
    };
  };

  // Tmall order report (千牛 订单报表): Chinese headers, UTF-8 with BOM, one line per order.
  const tmallHeader = '订单编号,子订单编号,买家会员名,订单创建时间,订单付款时间,宝贝标题,商家编码,类目,购买数量,价格,买家实际支付金额,买家应付邮费,订单状态,退款金额,退款原因,收货地址,发货时间';
  const tmallBuyers = Array.from({ length: 90 }, () => `tb${digits(9)}`);
  const tmallRows: { day: number; second: number; line: string }[] = [];
  quarters.forEach((q, i) => {
    // Growth through the year: about 8% more orders each quarter.
    const orders = 34 + i * 6;
    for (let n = 0; n < orders; n++) {
      const d = draw(q, tmallBuyers.length);
      const orderId = `${3 + Math.floor(rnd() * 2)}${digits(18)}`;
      const created = wallTime(d.day, d.createdSecond);
      const r = rnd();
      let status = '交易成功';
      let paidAt = wallTime(d.day, d.createdSecond + 20 + Math.floor(rnd() * 240));
      let refundFen = 0;
      let reason = '';
      let shipped = wallTime(d.day + 1, 10 * 3600 + Math.floor(rnd() * 8 * 3600));
      if (r < 0.08) {
        // Closed before payment: an unpaid order, never counted.
        status = '交易关闭';
        paidAt = '';
        shipped = '';
      } else if (r < 0.14) {
        refundFen = d.quantity > 1 ? Math.round(d.paidFen / d.quantity) : d.paidFen;
        reason = pick(REFUND_REASONS);
        if (refundFen === d.paidFen) status = '交易关闭';
      }
      const line = [
        orderId,
        orderId,
        tmallBuyers[d.buyer]!,
        created,
        paidAt,
        d.product.name,
        d.product.sku,
        d.product.category,
        String(d.quantity),
        yuan(d.product.priceFen),
        yuan(d.paidFen),
        '0.00',
        status,
        yuan(refundFen),
        reason,
        ADDRESSES[d.region]!,
        shipped,
      ].join(',');
      tmallRows.push({ day: d.day, second: d.createdSecond, line });
    }
  });

  // The own shop in the generic format: canonical headers, some orders with two lines.
  const storeHeader =
    'order_id,line_id,created_at,paid_at,customer_id,sku,product_name,category,quantity,unit_price,paid_amount,discount,shipping,status,refund_amount,refund_reason,channel,campaign,region';
  const storeBuyers = Array.from({ length: 60 }, () => `C${digits(6)}`);
  const storeRows: { day: number; second: number; lines: string[] }[] = [];
  quarters.forEach((q, i) => {
    const orders = 22 + i * 4;
    for (let n = 0; n < orders; n++) {
      const first = draw(q, storeBuyers.length);
      const lineCount = rnd() < 0.2 ? 2 : 1;
      const r = rnd();
      const status = r < 0.06 ? 'cancelled' : r < 0.11 ? 'refunded' : 'completed';
      const created = wallTime(first.day, first.createdSecond);
      const paidAt = status === 'cancelled' ? '' : wallTime(first.day, first.createdSecond + 30 + Math.floor(rnd() * 120));
      const channel = pick(STORE_CHANNELS);
      const orderId = `SO${dayString(first.day).slice(2).replace(/-/g, '')}${pad2(n + 1)}${digits(2)}`;
      const lines: string[] = [];
      for (let l = 1; l <= lineCount; l++) {
        const d = l === 1 ? first : { ...draw(q, storeBuyers.length), day: first.day, buyer: first.buyer, region: first.region };
        const grossFen = d.product.priceFen * d.quantity;
        lines.push(
          [
            orderId,
            String(l),
            created,
            paidAt,
            storeBuyers[first.buyer]!,
            d.product.sku,
            d.product.name,
            d.product.category,
            String(d.quantity),
            yuan(d.product.priceFen),
            yuan(d.paidFen),
            yuan(grossFen - d.paidFen),
            '0.00',
            status,
            yuan(status === 'refunded' ? d.paidFen : 0),
            status === 'refunded' ? pick(REFUND_REASONS) : '',
            channel,
            '',
            first.region,
          ].join(','),
        );
      }
      storeRows.push({ day: first.day, second: first.createdSecond, lines });
    }
  });
  const byTime = (a: { day: number; second: number }, b: { day: number; second: number }) => a.day - b.day || a.second - b.second;
  tmallRows.sort(byTime);
  storeRows.sort(byTime);

  const firstYear = quarterPeriod(quarters[0]!, EXAMPLE_TIMEZONE).start.slice(0, 4);
  const zh = locale === 'zh-CN';

  const files = new Map<string, string>();
  files.set('ecom-report.yaml', configText(zh, campaigns, firstYear));
  files.set('data/tmall/tmall-orders.csv', '\uFEFF' + [tmallHeader, ...tmallRows.map((r) => r.line)].join('\r\n') + '\r\n');
  files.set('data/store/store-orders.csv', [storeHeader, ...storeRows.flatMap((r) => r.lines)].join('\n') + '\n');
  files.set('narrative.yaml', narrativeText(zh));
  files.set('README.md', readmeText(quarters.map(quarterLabel), quarterLabel(last)));
  return { files, quarter: quarterLabel(last), quarters: quarters.map(quarterLabel) };
}

function campaignsBetween(start: string, end: string, zh: boolean): { name: string; start: string; end: string }[] {
  const out: { name: string; start: string; end: string }[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) {
    for (const c of [
      { name: zh ? '年货节' : 'New Year goods festival', start: `${y}-01-10`, end: `${y}-01-25` },
      { name: '618', start: `${y}-06-01`, end: `${y}-06-18` },
      { name: zh ? '99划算节' : '9.9 sale', start: `${y}-09-05`, end: `${y}-09-09` },
      { name: zh ? '双11' : "Singles' Day", start: `${y}-10-20`, end: `${y}-11-11` },
    ]) {
      if (c.start >= start && c.end <= end) out.push(c);
    }
  }
  return out;
}

function configText(zh: boolean, campaigns: { name: string; start: string; end: string }[], firstYear: string): string {
  return `# ecom-report workspace (written by \`ecom-report init\`; see README.md). Paths are relative to this file.
company: ${zh ? '示例电商' : 'Example Shop'}
presenter: ${zh ? '电商运营部' : 'E-commerce team'}
locale: ${zh ? 'zh-CN' : 'en'}
currency: CNY
timezone: ${EXAMPLE_TIMEZONE}
fiscalYearStartMonth: 1
template: default
sources:
  # Tmall/Taobao order report as 千牛 exports it; replace with your own files.
  - platform: tmall
    preset: tmall-orders
    files: ["data/tmall/*.csv"]
  # An own shop whose export already uses the canonical column names.
  - platform: store
    preset: generic
    files: ["data/store/*.csv"]
# Campaign periods since ${firstYear}; the key-project review compares them with ordinary days.
campaigns:
${campaigns.map((c) => `  - { name: "${c.name}", start: ${c.start}, end: ${c.end} }`).join('\n') || '  []'}
thresholds: {}
targets: {}
narrative: narrative.yaml
`;
}

function narrativeText(zh: boolean): string {
  if (zh) {
    return `# 叙述材料：导出数据里没有的内容（重点项目、团队、下季度计划与风险）。按实际情况改写；
# 每个键的含义见 ecom-report 的 README（narrative 一节）。
projects:
  - name: 会员体系升级
    owner: 用户运营组
    status: done             # done | on-track | at-risk | late
    goal: 提升老客复购
    kpis:
      - { name: 老客复购率, before: 0.18, after: 0.22, unit: ratio }
    highlights:
      - 上线积分兑换与会员日
      - 老客触达从短信扩展到小程序订阅消息
    problems:
      - 订阅消息授权率偏低
  - name: 天猫店铺详情页改版
    owner: 视觉设计组
    status: on-track
    goal: 提升详情页转化
    kpis:
      - { name: 详情页加载时间, before: 3.2, after: 1.6, unit: seconds, better: lower }
    highlights:
      - 主图视频覆盖前 20 个商品
team:
  roles:
    - { role: 运营, headcount: 4, trainingHours: 24, certified: 2 }
    - { role: 客服, headcount: 3, trainingHours: 18, certified: 3, service: true }
    - { role: 设计, headcount: 2, trainingHours: 6 }
  certifications:
    - { name: 电商运营认证, holders: 5 }
  initiatives:
    - { name: 数据周会, owner: 运营负责人, description: 每周复盘使用统一的指标看板与口径 }
plan:
  directions:
    - { title: 双平台协同, detail: "天猫拉新，自有商城做复购" }
    - { title: 礼盒系列, detail: 食品饮料类目扩充节日礼盒 }
  resources:
    - { item: 直播运营 1 人, budget: 90000 }
  risks:
    - { risk: 大促期间物流时效下降, impact: medium, mitigation: 提前备货至前置仓, owner: 供应链 }
`;
  }
  return `# Narrative: what no export holds (key projects, team, next-quarter plan and risks). Rewrite to
# fit; the ecom-report README (narrative section) explains every key.
projects:
  - name: Membership programme upgrade
    owner: CRM team
    status: done             # done | on-track | at-risk | late
    goal: More repeat purchases
    kpis:
      - { name: Returning-buyer repurchase rate, before: 0.18, after: 0.22, unit: ratio }
    highlights:
      - Points redemption and a monthly members' day
      - Reminders moved from SMS to mini-program messages
    problems:
      - Few buyers allow mini-program messages
  - name: Tmall product page redesign
    owner: Design team
    status: on-track
    goal: Higher product-page conversion
    kpis:
      - { name: Product page load time, before: 3.2, after: 1.6, unit: seconds, better: lower }
    highlights:
      - Video on the top 20 products
team:
  roles:
    - { role: Operations, headcount: 4, trainingHours: 24, certified: 2 }
    - { role: Customer service, headcount: 3, trainingHours: 18, certified: 3, service: true }
    - { role: Design, headcount: 2, trainingHours: 6 }
  certifications:
    - { name: E-commerce operations certificate, holders: 5 }
  initiatives:
    - { name: Weekly data review, owner: Head of operations, description: One dashboard with shared definitions }
plan:
  directions:
    - { title: "Two platforms, two jobs", detail: "Tmall for new buyers, the own shop for repeat purchases" }
    - { title: Gift boxes, detail: More seasonal gift boxes in food and drink }
  resources:
    - { item: One live-commerce operator, budget: 90000 }
  risks:
    - { risk: Slower delivery during campaigns, impact: medium, mitigation: Stock forward warehouses early, owner: Supply chain }
`;
}

function readmeText(quarters: string[], last: string): string {
  return `# ecom-report workspace

Written by \`ecom-report init\` with example data, so it builds as it is. Replace the example
exports with your own and edit the config; the commands stay the same.

## What is here

| file | what it is |
| --- | --- |
| \`ecom-report.yaml\` | the workspace config: company, locale, time zone, one entry per export family, campaigns |
| \`data/tmall/tmall-orders.csv\` | example Tmall order report (千牛 订单报表 headers, UTF-8 with BOM) |
| \`data/store/store-orders.csv\` | example own-shop orders in the generic format (canonical column names) |
| \`narrative.yaml\` | what no export holds: key projects, team, next-quarter plan, risks |
| \`out/\` | where decks are written (created by the first build) |

The example orders are generated (fixed seed) for ${quarters[0]} to ${quarters[quarters.length - 1]}, so the
${last} deck compares with the quarter before (QoQ) and the same quarter a year earlier (YoY).

## Commands

    ecom-report validate                  # read every export, list problems as file:row:column
    ecom-report build                     # the last complete quarter → out/ecom-report-<quarter>.pptx
    ecom-report build --quarter ${last}   # a given quarter
    ecom-report build --pdf               # also a PDF (needs LibreOffice)
    ecom-report build --email a@example.com,b@example.com   # e-mail it (SMTP settings from the environment)
    ecom-report metrics --json            # every figure with its provenance

## Using your own exports

1. Put the files under \`data/<platform>/\` (or anywhere; \`files:\` takes globs relative to the config).
2. One \`sources:\` entry per export family, with its \`preset\` (tmall-orders, jd-orders, douyin-orders,
   generic, …); \`columns:\` maps canonical names to your headers where a preset does not know them.
3. Run \`ecom-report validate\` until it says "inputs OK", then \`ecom-report build\`.

E-mail settings never go in this folder: set \`ECOM_REPORT_SMTP_URL\` (or \`ECOM_REPORT_SMTP_HOST\`,
\`_PORT\`, \`_USER\`, \`_PASS\`) and \`ECOM_REPORT_MAIL_FROM\` in the environment or your CI's secrets.
`;
}
