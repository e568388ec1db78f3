// Deterministic generator for the per-preset fixtures in fixtures/presets/<preset>/: one small
// export (tens of rows) per built-in preset, written the way that platform writes it, with the
// quirks real exports have planted in it, plus an ecom-report.yaml and expected.json.
//
//   npx tsx scripts/gen-preset-fixtures.ts            writes fixtures/presets/
//   npx tsx scripts/gen-preset-fixtures.ts --out DIR  writes the same files under DIR
//
// expected.json is computed here from the generator's own truth (the lines it decided to write,
// before any formatting), never by the code under test: figures for the report quarter and the
// one before, per-file row counts (read, kept, skipped and why), spot values of quirky lines,
// and the problems ingest must report with their file, row and column.
//
// Everything comes from a fixed seed (mulberry32); no clock, no Math.random. Times are made as
// local wall-clock components and turned into instants with the zone's UTC offset on that day,
// written out below per zone (all fixture dates avoid DST changes).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { mulberry32 } from '../src/seeded-random.js';

const SEED = 20260701;
const QUARTER = '2026Q3';

// ---------------------------------------------------------------------------------------------
// PRNG


class Rng {
  private readonly next: () => number;
  constructor(label: string) {
    let h = 0x811c9dc5 ^ SEED;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    this.next = mulberry32(h >>> 0);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  digits(n: number): string {
    let s = String(this.int(1, 9));
    while (s.length < n) s += String(this.int(0, 9));
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Time: wall-clock components → instants, with the offsets in force on the fixture dates.

interface Zone {
  name: string;
  /** UTC offset in hours on every fixture date (and at the quarter starts, see bounds). */
  offset: number;
  /** Offsets at the starts of Q2, Q3 and Q4 2026 (Sydney leaves daylight time on 5 April). */
  bounds: [number, number, number];
}

const SHANGHAI: Zone = { name: 'Asia/Shanghai', offset: 8, bounds: [8, 8, 8] };
const NEW_YORK: Zone = { name: 'America/New_York', offset: -4, bounds: [-4, -4, -4] };
const LOS_ANGELES: Zone = { name: 'America/Los_Angeles', offset: -7, bounds: [-7, -7, -7] };
// AEDT (+11) until 2026-04-05, AEST (+10) until 2026-10-04: fixture dates lie between.
const SYDNEY: Zone = { name: 'Australia/Sydney', offset: 10, bounds: [11, 10, 10] };

interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

const HOUR = 3_600_000;
const wallMs = (w: Wall): number => Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
const instant = (w: Wall, zone: Zone): number => wallMs(w) - zone.offset * HOUR;

function periods(zone: Zone): { current: [number, number]; previous: [number, number] } {
  const [q2, q3, q4] = zone.bounds;
  return {
    previous: [Date.UTC(2026, 3, 1) - q2 * HOUR, Date.UTC(2026, 6, 1) - q3 * HOUR],
    current: [Date.UTC(2026, 6, 1) - q3 * HOUR, Date.UTC(2026, 9, 1) - q4 * HOUR],
  };
}

/** A random wall time in 2026-04-10 … 2026-09-30, three in four of them in Q3. */
function randomWall(r: Rng): Wall {
  const q3 = r.chance(0.75);
  const mo = q3 ? r.int(7, 9) : r.int(4, 6);
  const d = r.int(mo === 4 ? 10 : 1, mo === 6 || mo === 9 || mo === 4 ? 30 : 31);
  return { y: 2026, mo, d, h: r.int(0, 23), mi: r.int(0, 59), s: r.int(0, 59) };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const iso = (w: Wall): string => `${w.y}-${pad(w.mo)}-${pad(w.d)} ${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}`;
const later = (w: Wall, hours: number): Wall => {
  const t = new Date(wallMs(w) + hours * HOUR);
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds() };
};

// ---------------------------------------------------------------------------------------------
// Money: integer minor units, written out as text here.

const major = (minor: number): string => {
  const sign = minor < 0 ? '-' : '';
  const m = Math.abs(minor);
  return `${sign}${Math.floor(m / 100)}.${pad(m % 100)}`;
};
/** 123456 → "1,234.56" */
const grouped = (minor: number): string => {
  const [int, frac] = major(Math.abs(minor)).split('.') as [string, string];
  return `${minor < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+$)/g, ',')}.${frac}`;
};

// ---------------------------------------------------------------------------------------------
// Truth and expectations

type Status = 'pending' | 'paid' | 'shipped' | 'delivered' | 'completed' | 'cancelled' | 'refunded' | 'partially_refunded';

/** One order line as ingest must see it (after dedup; rows ingest must drop are not here). */
interface TruthLine {
  orderId: string;
  lineId: string;
  customer: string | null;
  paidAt: number | null;
  status: Status;
  paidMinor: number;
  refundMinor: number;
}

interface Figures {
  gmvMinor: number;
  refundsMinor: number;
  orders: number;
  /** Null when paid lines exist and none names its buyer (the export has no buyer column). */
  buyers: number | null;
}

interface FileExpect {
  file: string;
  encoding: string;
  rowsRead: number;
  rowsKept: number;
  skipped: { blank: number; repeatedHeader: number; summary: number; invalid: number; duplicate: number };
}

interface ProblemExpect {
  severity: 'error' | 'warning';
  file: string;
  row: number;
  column?: string;
  /** A piece of the message. */
  says: string;
}

/** Field values of one line (OrderLine names) that a quirk test checks. */
interface Spot {
  quirk: string;
  orderId: string;
  lineId: string;
  expect: Record<string, string | number | boolean | null>;
}

interface Expected {
  preset: string;
  quarter: string;
  timezone: string;
  currency: string;
  figures: { current: Figures; previous: Figures };
  /** Distinct order lines passed on by ingest. */
  orderLines: number;
  files: FileExpect[];
  spots: Spot[];
  problems: ProblemExpect[];
  /** Rows of the side tables, by table (generic fixture only). */
  tables?: Record<string, { rows: number; sums?: Record<string, number> }>;
}

function figures(lines: readonly TruthLine[], [start, end]: [number, number]): Figures {
  let gmv = 0;
  let refunds = 0;
  const orders = new Set<string>();
  const buyers = new Set<string>();
  let paidLines = 0;
  let withoutBuyer = 0;
  for (const l of lines) {
    if (l.paidAt === null || l.status === 'pending' || l.status === 'cancelled') continue;
    if (l.paidAt < start || l.paidAt >= end) continue;
    gmv += l.paidMinor;
    refunds += l.refundMinor;
    orders.add(l.orderId);
    paidLines++;
    if (l.customer !== null) buyers.add(l.customer);
    else withoutBuyer++;
  }
  const buyerCount = paidLines > 0 && withoutBuyer === paidLines ? null : buyers.size;
  return { gmvMinor: gmv, refundsMinor: refunds, orders: orders.size, buyers: buyerCount };
}

// ---------------------------------------------------------------------------------------------
// Writing delimited text, counting physical lines as the reader does.

class Raw {
  constructor(readonly text: string) {}
}
type Cell = string | Raw;

class TableWriter {
  private text = '';
  /** Physical line where the next record starts (header = 1). */
  line = 1;
  readonly stats: FileExpect;

  constructor(
    file: string,
    encoding: string,
    private readonly delimiter: string,
    private readonly eol: string,
  ) {
    this.stats = { file, encoding, rowsRead: 0, rowsKept: 0, skipped: { blank: 0, repeatedHeader: 0, summary: 0, invalid: 0, duplicate: 0 } };
  }

  private cell(c: Cell): string {
    if (c instanceof Raw) return c.text;
    return /["\r\n]/.test(c) || c.includes(this.delimiter) ? `"${c.replaceAll('"', '""')}"` : c;
  }

  /** Writes a record; returns the physical line it starts on. */
  private write(cells: readonly Cell[]): number {
    const text = cells.map((c) => this.cell(c)).join(this.delimiter);
    const at = this.line;
    this.text += text + this.eol;
    this.line += 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
    return at;
  }

  header(cells: readonly Cell[]): void {
    this.write(cells);
  }
  /** A data row ingest keeps. */
  kept(cells: readonly Cell[]): number {
    this.stats.rowsRead++;
    this.stats.rowsKept++;
    return this.write(cells);
  }
  /** A data row ingest reads and skips for `why`. */
  skipped(cells: readonly Cell[], why: keyof FileExpect['skipped']): number {
    this.stats.rowsRead++;
    this.stats.skipped[why]++;
    return this.write(cells);
  }
  /** A blank line (counted as read and skipped, so read = kept + skipped). */
  blank(cells: readonly Cell[] = []): void {
    this.stats.rowsRead++;
    this.stats.skipped.blank++;
    this.write(cells);
  }
  done(): string {
    return this.text;
  }
}

// ---------------------------------------------------------------------------------------------
// Fixtures

interface Fixture {
  dir: string;
  files: Record<string, Uint8Array | string>;
  expected: Expected;
}

const PRODUCTS_ZH = ['保湿面霜 50ml', '洁面乳 120g', '精华液 30ml', '防晒霜 SPF50', '口红 #12', '面膜 10片装', '护手霜', '眼霜 15g'];
const CATEGORIES_ZH = ['护肤', '彩妆', '个护'];
const PROVINCES = ['浙江省', '广东省', '江苏省', '四川省', '北京市', '上海市'];

function yaml(lines: string[]): string {
  return ['# Generated by scripts/gen-preset-fixtures.ts — do not edit by hand', ...lines, ''].join('\n');
}

function finish(
  preset: string,
  zone: Zone,
  currency: string,
  truth: TruthLine[],
  files: FileExpect[],
  spots: Spot[],
  problems: ProblemExpect[],
): Omit<Expected, 'tables'> {
  const p = periods(zone);
  return {
    preset,
    quarter: QUARTER,
    timezone: zone.name,
    currency,
    figures: { current: figures(truth, p.current), previous: figures(truth, p.previous) },
    orderLines: truth.length,
    files,
    spots,
    problems,
  };
}

// --- tmall-orders ----------------------------------------------------------------------------
// Quirks: UTF-8 with BOM; CRLF; headers `订单付款时间 ` and `收货地址 ` with a trailing space and
// `买家会员名　` with a full-width one; 19-digit 订单编号 wrapped as ="…" by Excel; 19-digit
// 子订单编号 unwrapped; 价格 as ¥1,234.50 (quoted: it holds a comma); 宝贝标题 quoted with a comma, doubled quotes and a line break; a blank
// line and a line of bare commas; the header repeated mid-file (two exports pasted together);
// a trailing 合计 row; unpaid orders with an empty payment time; payments on both sides of the
// quarter start (Shanghai midnight); a second, overlapping export with two identical lines and
// one whose amount differs (a reported conflict; the first file's line is kept).
function tmall(): Fixture {
  const r = new Rng('tmall');
  const header = ['订单编号', '子订单编号', '买家会员名\u3000', '订单创建时间', '订单付款时间 ', '宝贝标题', '商家编码', '类目', '购买数量', '价格', '买家实际支付金额', '订单状态', '退款金额', '收货地址 '];
  const a = new TableWriter('data/2026-q3-part1.csv', 'utf8-bom', ',', '\r\n');
  const truth: TruthLine[] = [];
  const spots: Spot[] = [];
  const problems: ProblemExpect[] = [];
  a.header(header);

  interface Row {
    order: string;
    sub: string;
    buyer: string;
    created: Wall;
    paid: Wall | null;
    title: string;
    qty: number;
    price: number;
    paidMinor: number;
    status: string;
    canonical: Status;
    refund: number;
  }
  const rows: Row[] = [];
  const make = (over: Partial<Row> = {}): Row => {
    const created = randomWall(r);
    const qty = r.int(1, 3);
    const price = r.int(1990, 129900);
    const paidMinor = qty * price - r.int(0, 500);
    const kind = r.int(0, 9);
    let status = '交易成功';
    let canonical: Status = 'completed';
    let refund = 0;
    let paid: Wall | null = later(created, 0.05);
    if (kind === 0) {
      status = '等待买家付款';
      canonical = 'pending';
      paid = null;
    } else if (kind === 1) {
      status = '买家已付款，等待卖家发货';
      canonical = 'paid';
    } else if (kind === 2) {
      status = '卖家已发货，等待买家确认';
      canonical = 'shipped';
    } else if (kind === 3) {
      status = '交易关闭';
      canonical = 'refunded';
      refund = paidMinor;
    } else if (kind === 4) {
      status = '交易关闭';
      canonical = 'cancelled';
      paid = null;
    } else if (kind === 5) {
      refund = Math.floor(paidMinor / 3);
      canonical = 'partially_refunded';
    }
    return {
      order: '2026' + r.digits(15),
      sub: '4' + r.digits(18),
      buyer: 'tb_' + r.digits(6),
      created,
      paid,
      title: r.pick(PRODUCTS_ZH),
      qty,
      price,
      paidMinor,
      status,
      canonical,
      refund,
      ...over,
    };
  };
  const buyers = Array.from({ length: 8 }, () => 'tb_' + r.digits(6));
  for (let i = 0; i < 24; i++) rows.push(make({ buyer: r.pick(buyers) }));
  // Quarter boundary in Shanghai: one second before and exactly at 2026-07-01 00:00.
  const edge = (paid: Wall): Row => make({ created: later(paid, -1), paid, status: '交易成功', canonical: 'completed', refund: 0 });
  rows.push(edge({ y: 2026, mo: 6, d: 30, h: 23, mi: 59, s: 59 }));
  rows.push(edge({ y: 2026, mo: 7, d: 1, h: 0, mi: 0, s: 0 }));
  // The title with every quoting quirk.
  const title = '保湿面霜, 50ml "限量"礼盒\r\n赠小样';
  rows[3] = { ...rows[3]!, title, status: '交易成功', canonical: 'completed', refund: 0, paid: later(rows[3]!.created, 1) };
  // A multi-line order: same 订单编号, two 子订单编号.
  rows[6] = { ...rows[6]!, order: rows[5]!.order, buyer: rows[5]!.buyer };

  const cells = (x: Row): Cell[] => [
    new Raw(`="${x.order}"`),
    x.sub,
    x.buyer,
    iso(x.created),
    x.paid ? iso(x.paid) : '',
    x.title,
    'SKU-' + x.title.length,
    CATEGORIES_ZH[x.title.length % CATEGORIES_ZH.length]!,
    String(x.qty),
    `¥${grouped(x.price)}`,
    major(x.paidMinor),
    x.status,
    major(x.refund),
    `${PROVINCES[Number(x.order.slice(-1)) % PROVINCES.length]} 杭州市 西湖区 文三路 ${x.order.slice(-3)}号`,
  ];
  const truthOf = (x: Row, paidMinor = x.paidMinor): TruthLine => ({
    orderId: x.order,
    lineId: x.sub,
    customer: x.buyer,
    paidAt: x.paid && x.canonical !== 'pending' && x.canonical !== 'cancelled' ? instant(x.paid, SHANGHAI) : null,
    status: x.canonical,
    paidMinor,
    refundMinor: x.refund,
  });
  rows.forEach((x, i) => {
    if (i === 10) a.blank();
    if (i === 14) a.blank(header.map(() => ''));
    if (i === 18) a.skipped(header, 'repeatedHeader');
    a.kept(cells(x));
    truth.push(truthOf(x));
  });
  const total = rows.reduce((s, x) => s + x.paidMinor, 0);
  a.skipped(['合计', '', '', '', '', '', '', '', String(rows.reduce((s, x) => s + x.qty, 0)), '', major(total), '', '', ''], 'summary');

  // The overlapping export: two lines again as they were, one with another amount, one new.
  const b = new TableWriter('data/2026-q3-part2.csv', 'utf8-bom', ',', '\r\n');
  b.header(header);
  b.skipped(cells(rows[1]!), 'duplicate');
  b.skipped(cells(rows[2]!), 'duplicate');
  const changed = { ...rows[7]!, paidMinor: rows[7]!.paidMinor + 100 };
  const conflictRow = b.skipped(cells(changed), 'duplicate');
  const fresh = make({ status: '交易成功', canonical: 'completed', refund: 0 });
  b.kept(cells(fresh));
  truth.push(truthOf(fresh));
  problems.push({
    severity: 'warning',
    file: b.stats.file,
    row: conflictRow,
    says: `order ${changed.order} line ${changed.sub} also appears in ${a.stats.file} with a different paid amount`,
  });

  spots.push({ quirk: '19-digit ="…" order id and 19-digit line id stay exact', orderId: rows[0]!.order, lineId: rows[0]!.sub, expect: { orderId: rows[0]!.order, lineId: rows[0]!.sub } });
  spots.push({ quirk: 'quoted title with comma, doubled quotes and CRLF', orderId: rows[3]!.order, lineId: rows[3]!.sub, expect: { productName: title } });
  spots.push({ quirk: 'trailing-space header 订单付款时间 read', orderId: rows[25]!.order, lineId: rows[25]!.sub, expect: { paidAt: instant(rows[25]!.paid!, SHANGHAI) } });
  spots.push({ quirk: 'full-width-space header 买家会员名　 read', orderId: rows[6]!.order, lineId: rows[6]!.sub, expect: { customerId: rows[5]!.buyer } });
  spots.push({ quirk: 'conflicting overlap keeps the first amount', orderId: rows[7]!.order, lineId: rows[7]!.sub, expect: { paidAmountMinor: rows[7]!.paidMinor } });
  const closedPaid = rows.find((x) => x.status === '交易关闭' && x.canonical === 'refunded');
  if (closedPaid) spots.push({ quirk: '交易关闭 after payment is a full refund', orderId: closedPaid.order, lineId: closedPaid.sub, expect: { status: 'refunded', refundAmountMinor: closedPaid.paidMinor } });
  const closedUnpaid = rows.find((x) => x.status === '交易关闭' && x.canonical === 'cancelled');
  if (closedUnpaid) spots.push({ quirk: '交易关闭 before payment is a cancellation', orderId: closedUnpaid.order, lineId: closedUnpaid.sub, expect: { status: 'cancelled', paidAt: null } });

  const files = { [a.stats.file]: bom(a.done()), [b.stats.file]: bom(b.done()) };
  return {
    dir: 'tmall-orders',
    files,
    expected: finish('tmall-orders', SHANGHAI, 'CNY', truth, [a.stats, b.stats], spots, problems),
  };
}

const bom = (text: string): Uint8Array => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

// --- jd-orders -------------------------------------------------------------------------------
// Quirks: GBK (decoded as GB18030); CRLF; header `订单号　` with a full-width trailing space;
// amounts as ￥1,234.50 (GBK has the full-width yen sign only) with thousands separators (so
// quoted, holding commas); year-first dates
// with slashes and one-digit parts (2026/7/3 9:05:07); `-` and `NA` as missing in 退款金额 and
// 退款原因; a trailing 总计 row.
function jd(): Fixture {
  const r = new Rng('jd');
  const header = ['订单号\u3000', '商品ID', '商品名称', '一级类目', '订购数量', '京东价', '应付金额', '下单时间', '付款确认时间', '订单状态', '下单帐号', '省份', '退款金额', '退款原因'];
  const w = new TableWriter('data/jd-orders.csv', 'gb18030', ',', '\r\n');
  w.header(header);
  const truth: TruthLine[] = [];
  const spots: Spot[] = [];
  const slash = (x: Wall): string => `${x.y}/${x.mo}/${x.d} ${x.h}:${pad(x.mi)}:${pad(x.s)}`;
  const accounts = Array.from({ length: 6 }, () => 'jd_' + r.digits(5));
  let total = 0;
  for (let i = 0; i < 22; i++) {
    const order = r.digits(12);
    const lines = r.chance(0.3) ? 2 : 1;
    const created = randomWall(r);
    const kind = r.int(0, 7);
    const account = r.pick(accounts);
    for (let k = 0; k < lines; k++) {
      const sku = '1000' + r.digits(8);
      const qty = r.int(1, 4);
      // Prices up to a few thousand yuan, so amounts cross 1,000 and get a separator.
      const price = r.int(9900, 459900);
      const paidMinor = qty * price;
      let status = '完成';
      let canonical: Status = 'completed';
      let paid: Wall | null = later(created, 0.2);
      let refund = 0;
      if (kind === 0) {
        status = '等待付款';
        canonical = 'pending';
        paid = null;
      } else if (kind === 1) {
        status = '等待出库';
        canonical = 'paid';
      } else if (kind === 2) {
        status = '等待确认收货';
        canonical = 'shipped';
      } else if (kind === 3) {
        status = '已取消';
        canonical = 'cancelled';
        paid = null;
      } else if (kind === 4) {
        status = '已取消';
        canonical = 'refunded';
        refund = paidMinor;
      }
      const refundText = refund > 0 ? `￥${grouped(refund)}` : r.pick(['-', 'NA', '0.00']);
      w.kept([
        order,
        sku,
        r.pick(PRODUCTS_ZH),
        r.pick(CATEGORIES_ZH),
        String(qty),
        `￥${grouped(price)}`,
        `￥${grouped(paidMinor)}`,
        slash(created),
        paid ? slash(paid) : '',
        status,
        account,
        r.pick(PROVINCES),
        refundText,
        refund > 0 ? '不想要了' : r.pick(['-', 'NA', '']),
      ]);
      total += paidMinor;
      truth.push({ orderId: order, lineId: sku, customer: account, paidAt: paid && canonical !== 'pending' && canonical !== 'cancelled' ? instant(paid, SHANGHAI) : null, status: canonical, paidMinor, refundMinor: refund });
    }
  }
  w.skipped(['总计', '', '', '', '', '', `￥${grouped(total)}`, '', '', '', '', '', '', ''], 'summary');
  const big = truth.reduce((m, l) => (l.paidMinor > m.paidMinor ? l : m));
  spots.push({ quirk: '￥ amount with thousands separators', orderId: big.orderId, lineId: big.lineId, expect: { paidAmountMinor: big.paidMinor } });
  const paidOne = truth.find((l) => l.paidAt !== null)!;
  spots.push({ quirk: 'GBK text and slash dates with one-digit parts', orderId: paidOne.orderId, lineId: paidOne.lineId, expect: { paidAt: paidOne.paidAt, customerId: paidOne.customer } });
  const text = w.done();
  const bytes = iconv.encode(text, 'gbk');
  if (iconv.decode(bytes, 'gbk') !== text) throw new Error('JD text is not representable in GBK');
  return { dir: 'jd-orders', files: { [w.stats.file]: bytes }, expected: finish('jd-orders', SHANGHAI, 'CNY', truth, [w.stats], spots, []) };
}

// --- douyin-orders ---------------------------------------------------------------------------
// Quirks: UTF-16LE with BOM and tab-separated (Excel's "Unicode text"); CRLF; 19-digit 主订单编号
// and 子订单编号; commas inside fields without quotes (not the delimiter here); dates written as
// 2026年7月3日 09:05:07 on some rows; 达人昵称 / 直播间 filled → live commerce; 流量来源 → channel.
function douyin(): Fixture {
  const r = new Rng('douyin');
  const header = ['主订单编号', '子订单编号', '选购商品', '商家编码', '商品类目', '商品数量', '商品单价', '订单应付金额', '订单提交时间', '支付完成时间', '订单状态', '售后状态', '退款金额', '售后原因', '达人昵称', '直播间', '流量来源', '省', '用户ID'];
  const w = new TableWriter('data/douyin-orders.txt', 'utf16le', '\t', '\r\n');
  w.header(header);
  const truth: TruthLine[] = [];
  const spots: Spot[] = [];
  const users = Array.from({ length: 7 }, () => r.digits(11));
  const cjk = (x: Wall): string => `${x.y}年${x.mo}月${x.d}日 ${pad(x.h)}:${pad(x.mi)}:${pad(x.s)}`;
  for (let i = 0; i < 20; i++) {
    const order = '69' + r.digits(17);
    const lines = r.chance(0.25) ? 2 : 1;
    const created = randomWall(r);
    const kind = r.int(0, 6);
    const user = r.pick(users);
    const via = r.int(0, 2); // 0 none, 1 creator, 2 live room
    for (let k = 0; k < lines; k++) {
      const sub = '69' + r.digits(17);
      const qty = r.int(1, 3);
      const price = r.int(2990, 19900);
      const paidMinor = qty * price;
      let status = '已完成';
      let canonical: Status = 'completed';
      let paid: Wall | null = later(created, 0.01);
      let refund = 0;
      if (kind === 0) {
        status = '待支付';
        canonical = 'pending';
        paid = null;
      } else if (kind === 1) {
        status = '待发货';
        canonical = 'paid';
      } else if (kind === 2) {
        status = '已发货';
        canonical = 'shipped';
      } else if (kind === 3) {
        status = '已关闭';
        canonical = 'refunded';
        refund = paidMinor;
      } else if (kind === 4) {
        status = '已关闭';
        canonical = 'cancelled';
        paid = null;
      }
      const fmt = r.chance(0.4) ? cjk : iso;
      const channel = via === 2 ? '直播' : via === 1 ? '短视频' : r.pick(['商品卡', '搜索']);
      w.kept([
        order,
        sub,
        r.pick(['洁面乳, 120g', '精华液 30ml', '面膜 10片装, 补水']),
        'DY-' + r.digits(4),
        r.pick(CATEGORIES_ZH),
        String(qty),
        major(price),
        major(paidMinor),
        fmt(created),
        paid ? fmt(paid) : '',
        status,
        refund > 0 ? '退款成功' : '',
        major(refund),
        refund > 0 ? '七天无理由' : '',
        via === 1 ? '达人' + r.digits(3) : '',
        via === 2 ? '官方旗舰直播间' : '',
        channel,
        r.pick(PROVINCES),
        user,
      ]);
      const line: TruthLine = { orderId: order, lineId: sub, customer: user, paidAt: paid && canonical !== 'pending' && canonical !== 'cancelled' ? instant(paid, SHANGHAI) : null, status: canonical, paidMinor, refundMinor: refund };
      truth.push(line);
      if (spots.length < 3 && via === [1, 2, 0][spots.length]) {
        spots.push({ quirk: ['达人昵称 filled → is_live', '直播间 filled → is_live', 'neither → not live'][spots.length]!, orderId: order, lineId: sub, expect: { isLive: via !== 0, channel } });
      }
    }
  }
  const first = truth[0]!;
  spots.push({ quirk: '19-digit 主订单编号/子订单编号 stay exact through UTF-16', orderId: first.orderId, lineId: first.lineId, expect: { orderId: first.orderId, lineId: first.lineId } });
  const text = w.done();
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return { dir: 'douyin-orders', files: { [w.stats.file]: bytes }, expected: finish('douyin-orders', SHANGHAI, 'CNY', truth, [w.stats], spots, []) };
}

// --- pdd-orders ------------------------------------------------------------------------------
// Quirks: UTF-8 without BOM; LF; 订单号 written with a leading tab (the platform's way of keeping
// it text in Excel); `-` and `null` for missing times and codes; a header with a full-width
// trailing space (`商品数量(件)　`); statuses with full-width commas (已发货，待签收,
// 未发货，退款成功); no refund column: 退款成功 lines are refunded in full, and so are signed-for
// lines whose 售后状态 says 退款成功.
function pdd(): Fixture {
  const r = new Rng('pdd');
  const header = ['商品', '订单号', '订单状态', '商品总价(元)', '店铺优惠折扣(元)', '平台优惠折扣(元)', '邮费(元)', '用户实付金额(元)', '商家实收金额(元)', '商品数量(件)\u3000', '订单成交时间', '发货时间', '确认收货时间', '商品id', '商品规格', '样式ID', '商家编码-SKU维度', '售后状态', '省', '市', '区'];
  const w = new TableWriter('data/pdd-orders.csv', 'utf8', ',', '\n');
  w.header(header);
  const truth: TruthLine[] = [];
  const spots: Spot[] = [];
  const STATUSES: [string, Status][] = [
    ['待发货', 'paid'],
    ['已发货，待签收', 'shipped'],
    ['已签收', 'delivered'],
    ['未发货，退款成功', 'refunded'],
    ['已发货，退款成功', 'refunded'],
    ['已取消', 'cancelled'],
  ];
  for (let i = 0; i < 24; i++) {
    const when = randomWall(r);
    const order = `${pad(when.y % 100)}${pad(when.mo)}${pad(when.d)}-${r.digits(15)}`;
    const [status, canonical] = r.pick(STATUSES);
    const qty = r.int(1, 5);
    const price = r.int(990, 9900);
    const shopDiscount = r.chance(0.3) ? r.int(100, 500) : 0;
    const platformDiscount = r.chance(0.3) ? r.int(100, 300) : 0;
    const paidMinor = qty * price - shopDiscount - platformDiscount;
    const paid = canonical === 'cancelled' ? null : when;
    const shipped = canonical === 'shipped' || canonical === 'delivered' || status.startsWith('已发货') ? later(when, 20) : null;
    const styleId = r.digits(12);
    w.kept([
      r.pick(PRODUCTS_ZH),
      new Raw('\t' + order),
      status,
      major(qty * price),
      major(shopDiscount),
      major(platformDiscount),
      '0.00',
      major(paidMinor),
      major(paidMinor + platformDiscount),
      String(qty),
      paid ? iso(paid) : '',
      shipped ? iso(shipped) : r.pick(['-', '']),
      canonical === 'delivered' ? iso(later(when, 72)) : r.pick(['null', '-']),
      r.digits(11),
      r.pick(['默认', '50ml', '2瓶装']),
      styleId,
      r.chance(0.3) ? 'null' : 'PDD-' + r.digits(4),
      canonical === 'refunded' ? '退款成功' : '无售后或售后取消',
      r.pick(PROVINCES),
      '杭州市',
      '西湖区',
    ]);
    const line: TruthLine = { orderId: order, lineId: styleId, customer: null, paidAt: paid ? instant(paid, SHANGHAI) : null, status: canonical, paidMinor, refundMinor: canonical === 'refunded' ? paidMinor : 0 };
    truth.push(line);
  }
  // Two signed-for orders with an after-sale case: 订单状态 stays 已签收; 售后状态 退款成功 means
  // refunded in full (the export has no amount), 售后处理中 is not a refund yet.
  for (const [afterSale, canonical] of [['退款成功', 'refunded'], ['售后处理中', 'delivered']] as const) {
    const when = randomWall(r);
    const order = `${pad(when.y % 100)}${pad(when.mo)}${pad(when.d)}-${r.digits(15)}`;
    const paidMinor = r.int(990, 9900);
    const styleId = r.digits(12);
    w.kept([
      r.pick(PRODUCTS_ZH), new Raw('\t' + order), '已签收', major(paidMinor), '0.00', '0.00', '0.00', major(paidMinor), major(paidMinor), '1',
      iso(when), iso(later(when, 20)), iso(later(when, 72)), r.digits(11), '默认', styleId, 'PDD-' + r.digits(4), afterSale, r.pick(PROVINCES), '杭州市', '西湖区',
    ]);
    truth.push({ orderId: order, lineId: styleId, customer: null, paidAt: instant(when, SHANGHAI), status: canonical, paidMinor, refundMinor: canonical === 'refunded' ? paidMinor : 0 });
    spots.push({
      quirk: `已签收 with 售后状态 ${afterSale}: ${canonical === 'refunded' ? 'refunded in full' : 'not a refund yet'}`,
      orderId: order,
      lineId: styleId,
      expect: { status: canonical, refundAmountMinor: canonical === 'refunded' ? paidMinor : 0 },
    });
  }
  const refunded = truth.find((l) => l.status === 'refunded')!;
  spots.push({ quirk: '退款成功 refunds the whole paid amount', orderId: refunded.orderId, lineId: refunded.lineId, expect: { status: 'refunded', refundAmountMinor: refunded.paidMinor } });
  const first = truth[0]!;
  spots.push({ quirk: 'tab-prefixed 订单号 is trimmed', orderId: first.orderId, lineId: first.lineId, expect: { orderId: first.orderId } });
  return { dir: 'pdd-orders', files: { [w.stats.file]: w.done() }, expected: finish('pdd-orders', SHANGHAI, 'CNY', truth, [w.stats], spots, []) };
}

// --- shopify-orders --------------------------------------------------------------------------
// Quirks: one row per line item with the order-level fields (Email, Financial Status, Paid at,
// Created at, totals, addresses, Refunded Amount) on each order's first row only; timestamps
// with UTC offsets (-0400 mostly, one +0800 order that is still in Q2 in New York); Lineitem
// names quoted with commas and doubled quotes; Refunded Amount counted once per order; the
// financial statuses paid, authorized, pending, partially_refunded, refunded and voided.
function shopify(): Fixture {
  const r = new Rng('shopify');
  const header = ['Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing', 'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total', 'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem compare at price', 'Lineitem sku', 'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Billing Name', 'Billing Province', 'Billing Country', 'Shipping Name', 'Shipping Province', 'Shipping Country', 'Notes', 'Cancelled at', 'Payment Method', 'Refunded Amount', 'Vendor', 'Id', 'Tags', 'Source', 'Lineitem discount'];
  const w = new TableWriter('data/orders_export_1.csv', 'utf8', ',', '\n');
  w.header(header);
  const truth: TruthLine[] = [];
  const spots: Spot[] = [];
  const ITEMS = ['Tote "Classic", Large', 'Linen Shirt', 'Candle, Cedar & Sage', 'Mug "Morning"', 'Wool Socks'];
  const emails = Array.from({ length: 8 }, (_, i) => `buyer${i + 1}@example.com`);
  const stamp = (x: Wall, offset: string): string => `${iso(x)} ${offset}`;
  const STATUSES = ['paid', 'paid', 'paid', 'authorized', 'pending', 'partially_refunded', 'refunded', 'voided'] as const;
  for (let i = 0; i < 16; i++) {
    const name = `#${1001 + i}`;
    let created = randomWall(r);
    let offset = '-0400';
    let zone = NEW_YORK;
    if (i === 5) {
      // 2026-07-01 08:30 in Shanghai is 2026-06-30 20:30 in New York: Q2 there.
      created = { y: 2026, mo: 7, d: 1, h: 8, mi: 30, s: 0 };
      offset = '+0800';
      zone = SHANGHAI;
    }
    const financial = i === 0 ? 'paid' : r.pick(STATUSES);
    const canonical: Status = financial === 'authorized' ? 'paid' : financial === 'voided' ? 'cancelled' : financial;
    const paidAt = financial === 'pending' || financial === 'voided' ? null : instant(created, zone);
    const count = i === 0 ? 3 : r.int(1, 3);
    const items = Array.from({ length: count }, (_, k) => {
      const qty = r.int(1, 3);
      const price = r.int(900, 8900);
      const discount = r.chance(0.3) ? r.int(100, 500) : 0;
      return { name: ITEMS[(i + k) % ITEMS.length]!, sku: `SH-${100 + ((i * 3 + k) % 7)}`, qty, price, discount };
    });
    const subtotal = items.reduce((s, it) => s + it.qty * it.price - it.discount, 0);
    const shipping = r.pick([0, 500, 990]);
    const totalMinor = subtotal + shipping;
    const refund = financial === 'refunded' ? totalMinor : financial === 'partially_refunded' ? items[0]!.qty * items[0]!.price - items[0]!.discount : 0;
    const email = r.pick(emails);
    const province = r.pick(['NY', 'CA', 'TX', 'WA']);
    items.forEach((it, k) => {
      const firstRow = k === 0;
      const at = stamp(created, offset);
      w.kept([
        name,
        firstRow ? email : '',
        firstRow ? financial : '',
        firstRow && paidAt !== null ? at : '',
        firstRow ? 'unfulfilled' : '',
        '',
        firstRow ? 'no' : '',
        firstRow ? 'USD' : '',
        firstRow ? major(subtotal) : '',
        firstRow ? major(shipping) : '',
        firstRow ? '0.00' : '',
        firstRow ? major(totalMinor) : '',
        '',
        firstRow ? '0.00' : '',
        firstRow ? 'Standard' : '',
        firstRow ? at : '',
        String(it.qty),
        it.name,
        major(it.price),
        '',
        it.sku,
        'true',
        'true',
        'pending',
        firstRow ? 'Pat Doe' : '',
        firstRow ? province : '',
        firstRow ? 'US' : '',
        firstRow ? 'Pat Doe' : '',
        firstRow ? province : '',
        firstRow ? 'US' : '',
        '',
        firstRow && financial === 'voided' ? at : '',
        firstRow ? 'Shopify Payments' : '',
        firstRow ? major(refund) : '',
        'Acme',
        firstRow ? r.digits(13) : '',
        '',
        firstRow ? 'web' : '',
        major(it.discount),
      ]);
      truth.push({ orderId: name, lineId: it.sku, customer: email, paidAt, status: canonical, paidMinor: it.qty * it.price - it.discount, refundMinor: firstRow ? refund : 0 });
      if (i === 0 && k === 2) {
        spots.push({ quirk: 'continuation row inherits Financial Status, Paid at and Email', orderId: name, lineId: it.sku, expect: { status: 'paid', paidAt, customerId: email, channel: 'web', region: province } });
        spots.push({ quirk: 'line amount = price × quantity − line discount', orderId: name, lineId: it.sku, expect: { paidAmountMinor: it.qty * it.price - it.discount, quantity: it.qty } });
      }
      if (i === 5 && k === 0) {
        spots.push({ quirk: '+0800 offset wins over the workspace zone', orderId: name, lineId: it.sku, expect: { createdAt: instant(created, SHANGHAI) } });
      }
    });
  }
  const refundedOrder = truth.find((l) => l.refundMinor > 0);
  if (refundedOrder) {
    spots.push({ quirk: 'Refunded Amount stays on the first line only', orderId: refundedOrder.orderId, lineId: refundedOrder.lineId, expect: { refundAmountMinor: refundedOrder.refundMinor } });
  }
  return { dir: 'shopify-orders', files: { [w.stats.file]: w.done() }, expected: finish('shopify-orders', NEW_YORK, 'USD', truth, [w.stats], spots, []) };
}

// --- amazon-orders ---------------------------------------------------------------------------
// Quirks: the All Orders Report flat file: tab-separated .txt; LF; ISO timestamps with offsets
// (+00:00 and -07:00; one order at 05:30 UTC on 1 July is still 30 June in Los Angeles); Pending
// and Cancelled orders with an empty item-price; one order with the same sku on two rows;
// item-price before promotions and item-promotion-discount written as a negative number (paid =
// item-price − its size); a returned order
// (Shipped - Returned to Seller) refunded in full; no buyer column.
function amazon(): Fixture {
  const r = new Rng('amazon');
  const header = ['amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status', 'fulfillment-channel', 'sales-channel', 'order-channel', 'ship-service-level', 'product-name', 'sku', 'asin', 'item-status', 'quantity', 'currency', 'item-price', 'item-tax', 'shipping-price', 'shipping-tax', 'gift-wrap-price', 'gift-wrap-tax', 'item-promotion-discount', 'ship-promotion-discount', 'ship-city', 'ship-state', 'ship-postal-code', 'ship-country', 'promotion-ids', 'is-business-order'];
  const w = new TableWriter('data/All Orders Report.txt', 'utf8', '\t', '\n');
  w.header(header);
  const truth: TruthLine[] = [];
  const spots: Spot[] = [];
  const STATUSES: [string, Status][] = [
    ['Shipped', 'shipped'],
    ['Shipped', 'shipped'],
    ['Shipped - Delivered to Buyer', 'delivered'],
    ['Unshipped', 'paid'],
    ['Pending', 'pending'],
    ['Cancelled', 'cancelled'],
    ['Shipped - Returned to Seller', 'refunded'],
  ];
  const utcStamp = (t: number, offset: number): string => {
    const x = new Date(t + offset * HOUR);
    const off = offset === 0 ? '+00:00' : `${offset < 0 ? '-' : '+'}${pad(Math.abs(offset))}:00`;
    return `${x.getUTCFullYear()}-${pad(x.getUTCMonth() + 1)}-${pad(x.getUTCDate())}T${pad(x.getUTCHours())}:${pad(x.getUTCMinutes())}:${pad(x.getUTCSeconds())}${off}`;
  };
  for (let i = 0; i < 18; i++) {
    const order = `${r.int(111, 114)}-${r.digits(7)}-${r.digits(7)}`;
    let t = instant(randomWall(r), LOS_ANGELES);
    if (i === 2) t = Date.UTC(2026, 6, 1, 5, 30, 0); // 2026-06-30 22:30 PDT
    const [status, canonical] = i === 2 ? (['Shipped', 'shipped'] as [string, Status]) : i === 3 ? (['Shipped - Returned to Seller', 'refunded'] as [string, Status]) : r.pick(STATUSES);
    const offset = r.chance(0.5) ? 0 : -7;
    const lines = i === 4 ? 2 : r.chance(0.3) ? 2 : 1;
    for (let k = 0; k < lines; k++) {
      const sku = i === 4 ? 'AMZ-MUG-01' : `AMZ-${r.pick(['TOTE', 'CANDLE', 'SOCKS', 'SHIRT'])}-0${k}`;
      const qty = r.int(1, 3);
      const price = r.int(1299, 7999);
      const promo = r.chance(0.3) ? r.int(100, 600) : 0;
      const noPrice = canonical === 'pending' || canonical === 'cancelled';
      const netMinor = qty * price - promo;
      w.kept([
        order,
        '',
        utcStamp(t, offset),
        utcStamp(t + 48 * HOUR, offset),
        status,
        r.pick(['Amazon', 'Merchant']),
        'Amazon.com',
        '',
        'Standard',
        r.pick(['Canvas Tote, natural', 'Cedar candle', 'Wool socks (3 pairs)']),
        sku,
        'B0' + r.digits(8),
        canonical === 'pending' ? 'Unshipped' : 'Shipped',
        String(qty),
        'USD',
        noPrice ? '' : major(qty * price),
        noPrice ? '' : major(Math.round(qty * price * 0.08)),
        noPrice ? '' : '0.00',
        noPrice ? '' : '0.00',
        '',
        '',
        noPrice ? '' : major(-promo),
        '',
        'SEATTLE',
        'WA',
        '98101',
        'US',
        promo > 0 ? 'Core Free Shipping' : '',
        'false',
      ]);
      const lineId = i === 4 && k === 1 ? `${sku}#2` : sku;
      const line: TruthLine = { orderId: order, lineId, customer: null, paidAt: noPrice ? null : t, status: canonical, paidMinor: noPrice ? 0 : netMinor, refundMinor: canonical === 'refunded' ? netMinor : 0 };
      truth.push(line);
      if (i === 2 && k === 0) spots.push({ quirk: '+00:00 stamp on 1 July is 30 June in Los Angeles (Q2)', orderId: order, lineId, expect: { paidAt: t } });
      if (i === 3 && k === 0) spots.push({ quirk: 'Returned to Seller is refunded in full', orderId: order, lineId, expect: { status: 'refunded', refundAmountMinor: netMinor } });
      if (i === 4 && k === 1) spots.push({ quirk: 'same sku twice in one order gets its own line', orderId: order, lineId, expect: { paidAmountMinor: netMinor } });
      if (promo > 0 && !noPrice && !spots.some((s) => s.quirk.startsWith('item-price'))) {
        spots.push({ quirk: 'item-price − item-promotion-discount', orderId: order, lineId, expect: { paidAmountMinor: netMinor } });
      }
    }
  }
  return { dir: 'amazon-orders', files: { [w.stats.file]: w.done() }, expected: finish('amazon-orders', LOS_ANGELES, 'USD', truth, [w.stats], spots, []) };
}

// --- woocommerce-orders ----------------------------------------------------------------------
// Quirks: semicolon-separated (a spreadsheet whose list separator is ';'); CRLF; dates as
// DD/MM/YYYY HH:MM, many of them ambiguous (05/08/2026), read with dateOrder: DMY; amounts as
// $1,234.50 (commas need no quoting here); an item name holding a ';' (quoted); `-`, `NA`, `null`
// and empty as missing; a refund written as its own row with a negative quantity; WooCommerce
// statuses as admin labels and as wc- slugs; a trailing Total row.
function woocommerce(): Fixture {
  const r = new Rng('woocommerce');
  const header = ['Order Number', 'Order Status', 'Order Date', 'Paid Date', 'Customer User ID', 'Billing Email', 'State Code (Shipping)', 'Item #', 'SKU', 'Item Name', 'Quantity', 'Item Cost', 'Order Line Total', 'Item Refunded'];
  const w = new TableWriter('data/orders-2026.csv', 'utf8', ';', '\r\n');
  w.header(header);
  const truth: TruthLine[] = [];
  const spots: Spot[] = [];
  const dmy = (x: Wall): string => `${pad(x.d)}/${pad(x.mo)}/${x.y} ${pad(x.h)}:${pad(x.mi)}`;
  const STATUSES: [string, Status][] = [
    ['Completed', 'completed'],
    ['wc-completed', 'completed'],
    ['Processing', 'paid'],
    ['On hold', 'pending'],
    ['Pending payment', 'pending'],
    ['Cancelled', 'cancelled'],
    ['Failed', 'cancelled'],
    ['Refunded', 'refunded'],
  ];
  const customers = ['17', '23', '42', '58', '61'];
  let total = 0;
  for (let i = 0; i < 16; i++) {
    const order = String(5100 + i * 7);
    let when = randomWall(r);
    when = { ...when, s: 0 }; // the export has minutes only
    if (i === 0) when = { y: 2026, mo: 8, d: 5, h: 10, mi: 15, s: 0 }; // 05/08/2026: 5 August under DMY
    const [status, canonical] = i === 0 ? (['Completed', 'completed'] as [string, Status]) : i === 1 ? (['Completed', 'completed'] as [string, Status]) : r.pick(STATUSES);
    const paid = canonical === 'pending' || canonical === 'cancelled' ? null : when;
    const customer = r.pick(customers);
    const items = i === 1 ? 2 : r.int(1, 2);
    for (let k = 1; k <= items; k++) {
      const qty = r.int(1, 3);
      const price = r.int(1500, 64900);
      const lineMinor = qty * price;
      const refund = canonical === 'refunded' ? lineMinor : 0;
      w.kept([
        order,
        status,
        dmy(when),
        paid ? dmy(paid) : r.pick(['-', '', 'null']),
        customer,
        `c${customer}@example.com.au`,
        r.pick(['NSW', 'VIC', 'QLD']),
        String(k),
        `WC-${r.digits(3)}`,
        k === 2 ? 'Mug; blue, 350ml' : r.pick(['Linen Apron', 'Tea Towel', 'Serving Board']),
        String(qty),
        `$${grouped(price)}`,
        `$${grouped(lineMinor)}`,
        refund > 0 ? `$${grouped(refund)}` : r.pick(['NA', 'null', '-', '']),
      ]);
      total += lineMinor;
      truth.push({ orderId: order, lineId: String(k), customer, paidAt: paid ? instant(paid, SYDNEY) : null, status: canonical, paidMinor: lineMinor, refundMinor: refund });
      if (i === 0 && k === 1) spots.push({ quirk: 'ambiguous 05/08/2026 read day-first under dateOrder: DMY', orderId: order, lineId: '1', expect: { paidAt: instant(when, SYDNEY) } });
      if (lineMinor >= 100000 && !spots.some((s) => s.quirk.startsWith('$'))) spots.push({ quirk: '$ amount with thousands separator', orderId: order, lineId: String(k), expect: { paidAmountMinor: lineMinor } });
    }
    if (i === 1) {
      // A refund of one unit of item 1, booked as its own row with a negative quantity.
      const unit = 4500;
      w.kept([order, status, dmy(later(when, 30)), dmy(later(when, 30)), customer, `c${customer}@example.com.au`, 'NSW', String(items + 1), 'WC-REFUND', 'Refund: Linen Apron', '-1', `$${grouped(unit)}`, `-$${grouped(unit)}`, '']);
      truth.push({ orderId: order, lineId: String(items + 1), customer, paidAt: instant(later(when, 30), SYDNEY), status: 'refunded', paidMinor: 0, refundMinor: unit });
      spots.push({ quirk: 'negative quantity is a return: a refund, not negative sales', orderId: order, lineId: String(items + 1), expect: { paidAmountMinor: 0, refundAmountMinor: unit, status: 'refunded', quantity: -1 } });
    }
  }
  w.skipped(['Total', '', '', '', '', '', '', '', '', '', '', '', `$${grouped(total)}`, ''], 'summary');
  return { dir: 'woocommerce-orders', files: { [w.stats.file]: w.done() }, expected: finish('woocommerce-orders', SYDNEY, 'AUD', truth, [w.stats], spots, []) };
}

// --- generic ---------------------------------------------------------------------------------
// Quirks: canonical headers; amounts in 分 (amountsIn: minor); month-first dates 07/03/2026 09:05
// with dateOrder: MDY; NA / null / - / empty as missing; canonical statuses incl. the US
// spelling `canceled`; the four side tables through `generic`, the traffic file with lone-CR
// line endings (Excel for Mac's "CSV (Macintosh)") and a trailing Total row.
function generic(): Fixture {
  const r = new Rng('generic');
  const header = ['order_id', 'line_id', 'created_at', 'paid_at', 'customer_id', 'sku', 'product_name', 'category', 'quantity', 'unit_price', 'paid_amount', 'discount', 'shipping', 'status', 'refund_amount', 'refund_reason', 'channel', 'campaign', 'region'];
  const w = new TableWriter('data/store-orders.csv', 'utf8', ',', '\n');
  w.header(header);
  const truth: TruthLine[] = [];
  const spots: Spot[] = [];
  const mdy = (x: Wall): string => `${pad(x.mo)}/${pad(x.d)}/${x.y} ${pad(x.h)}:${pad(x.mi)}`;
  const STATUSES: [string, Status][] = [
    ['paid', 'paid'],
    ['shipped', 'shipped'],
    ['delivered', 'delivered'],
    ['completed', 'completed'],
    ['completed', 'completed'],
    ['pending', 'pending'],
    ['canceled', 'cancelled'],
    ['refunded', 'refunded'],
    ['partially_refunded', 'partially_refunded'],
  ];
  for (let i = 0; i < 20; i++) {
    const order = 'S' + r.digits(8);
    let when = { ...randomWall(r), s: 0 };
    if (i === 0) when = { y: 2026, mo: 7, d: 3, h: 9, mi: 5, s: 0 };
    const [status, canonical] = i === 0 ? (['completed', 'completed'] as [string, Status]) : r.pick(STATUSES);
    const qty = r.int(1, 4);
    const price = r.int(1990, 29900);
    const paidMinor = qty * price;
    const refund = canonical === 'refunded' ? paidMinor : canonical === 'partially_refunded' ? Math.floor(paidMinor / 4) : 0;
    const paid = canonical === 'pending' || canonical === 'cancelled' ? null : when;
    const customer = i === 3 ? null : 'U' + r.int(100, 112);
    w.kept([
      order,
      '1',
      mdy(when),
      paid ? mdy(paid) : r.pick(['', 'NA', '-']),
      customer ?? r.pick(['NA', 'null', '-']),
      'SKU' + r.digits(4),
      r.pick(['Cleanser', 'Serum', 'Toner']),
      r.pick(['skincare', 'makeup']),
      String(qty),
      String(price),
      String(paidMinor),
      '0',
      r.pick(['0', 'NA', '']),
      status,
      refund > 0 ? String(refund) : r.pick(['0', '', 'null', '-']),
      refund > 0 ? 'changed mind' : r.pick(['', 'NA']),
      r.pick(['app', 'web', 'store']),
      '-',
      r.pick(['浙江省', '广东省']),
    ]);
    truth.push({ orderId: order, lineId: '1', customer, paidAt: paid ? instant(paid, SHANGHAI) : null, status: canonical, paidMinor, refundMinor: refund });
    if (i === 0) spots.push({ quirk: 'amounts in 分 and MDY date 07/03/2026 = 3 July', orderId: order, lineId: '1', expect: { paidAmountMinor: paidMinor, paidAt: instant(when, SHANGHAI) } });
    if (i === 3) spots.push({ quirk: 'NA / null / - customer is missing, not a buyer called "NA"', orderId: order, lineId: '1', expect: { customerId: null, campaign: null } });
  }

  // Side tables. Traffic: lone-CR line endings and a Total row.
  const traffic = new TableWriter('data/traffic-daily.csv', 'utf8', ',', '\r');
  traffic.header(['date', 'platform', 'channel', 'visitors', 'page_views', 'product_views', 'add_to_cart', 'checkouts', 'buyers', 'orders', 'ad_spend']);
  let visitors = 0;
  for (let d = 1; d <= 10; d++) {
    const v = r.int(800, 2400);
    visitors += v;
    traffic.kept([`07/${pad(d)}/2026`, 'store', 'web', String(v), String(v * 3), String(v * 2), String(Math.floor(v / 5)), String(Math.floor(v / 12)), String(Math.floor(v / 20)), String(Math.floor(v / 18)), String(r.int(10000, 90000))]);
  }
  traffic.skipped(['Total', '', '', String(visitors), '', '', '', '', '', '', ''], 'summary');

  const tickets = new TableWriter('data/service-tickets.csv', 'utf8', ',', '\n');
  tickets.header(['ticket_id', 'platform', 'created_at', 'first_response_at', 'resolved_at', 'kind', 'reason', 'satisfaction', 'escalated']);
  for (let i = 0; i < 8; i++) {
    const at = { ...randomWall(r), s: 0 };
    tickets.kept(['T' + r.digits(6), 'store', mdy(at), mdy(later(at, 0.5)), i % 3 === 0 ? 'NA' : mdy(later(at, 20)), r.pick(['presale', 'aftersale', 'complaint']), r.pick(['size', 'delivery', 'refund']), i % 4 === 0 ? '-' : String(r.int(1, 5)), r.pick(['yes', 'no'])]);
  }
  const inventory = new TableWriter('data/inventory.csv', 'utf8', ',', '\n');
  inventory.header(['date', 'sku', 'category', 'on_hand', 'unit_cost']);
  let onHand = 0;
  for (let i = 0; i < 6; i++) {
    const n = r.int(0, 400);
    onHand += n;
    inventory.kept(['09/30/2026', 'SKU' + (1000 + i), 'skincare', String(n), String(r.int(500, 5000))]);
  }
  const purchasing = new TableWriter('data/purchase-orders.csv', 'utf8', ',', '\n');
  purchasing.header(['po_id', 'supplier', 'sku', 'ordered_at', 'received_at', 'quantity']);
  for (let i = 0; i < 5; i++) {
    const at = { ...randomWall(r), s: 0 };
    purchasing.kept(['PO' + r.digits(5), 'Supplier ' + 'ABC'[i % 3], 'SKU' + (1000 + i), mdy(at), i === 4 ? 'null' : mdy(later(at, 24 * 9)), String(r.int(50, 500))]);
  }

  const expected: Expected = {
    ...finish('generic', SHANGHAI, 'CNY', truth, [w.stats, traffic.stats, tickets.stats, inventory.stats, purchasing.stats], spots, []),
    tables: {
      traffic_daily: { rows: traffic.stats.rowsKept, sums: { visitors } },
      service_tickets: { rows: tickets.stats.rowsKept },
      inventory_snapshots: { rows: inventory.stats.rowsKept, sums: { on_hand: onHand } },
      purchase_orders: { rows: purchasing.stats.rowsKept },
    },
  };
  return {
    dir: 'generic',
    files: {
      [w.stats.file]: w.done(),
      [traffic.stats.file]: traffic.done(),
      [tickets.stats.file]: tickets.done(),
      [inventory.stats.file]: inventory.done(),
      [purchasing.stats.file]: purchasing.done(),
    },
    expected,
  };
}

// ---------------------------------------------------------------------------------------------
// Workspaces

function workspace(f: Fixture): string {
  const e = f.expected;
  const company = `company: ${e.preset} fixture`;
  const head = [company, `currency: ${e.currency}`, `timezone: ${e.timezone}`];
  switch (e.preset) {
    case 'tmall-orders':
      return yaml([...head, 'sources:', '  - platform: tmall', '    preset: tmall-orders', '    files: ["data/*.csv"]']);
    case 'jd-orders':
      return yaml([...head, 'sources:', '  - platform: jd', '    preset: jd-orders', '    files: ["data/*.csv"]']);
    case 'douyin-orders':
      return yaml([...head, 'sources:', '  - platform: douyin', '    preset: douyin-orders', '    files: ["data/*.txt"]']);
    case 'pdd-orders':
      return yaml([...head, 'sources:', '  - platform: pdd', '    preset: pdd-orders', '    files: ["data/*.csv"]']);
    case 'shopify-orders':
      return yaml([...head, 'sources:', '  - platform: shopify', '    preset: shopify-orders', '    files: ["data/*.csv"]']);
    case 'amazon-orders':
      return yaml([...head, 'sources:', '  - platform: amazon', '    preset: amazon-orders', '    files: ["data/*.txt"]']);
    case 'woocommerce-orders':
      return yaml([...head, 'sources:', '  - platform: woocommerce', '    preset: woocommerce-orders', '    files: ["data/*.csv"]', '    dateOrder: DMY']);
    case 'generic':
      return yaml([
        ...head,
        'sources:',
        '  - platform: store',
        '    preset: generic',
        '    files: ["data/store-orders.csv"]',
        '    dateOrder: MDY',
        '    amountsIn: minor',
        '  - { platform: store, preset: generic, table: traffic_daily, files: ["data/traffic-daily.csv"], dateOrder: MDY, amountsIn: minor }',
        '  - { platform: store, preset: generic, table: service_tickets, files: ["data/service-tickets.csv"], dateOrder: MDY }',
        '  - { platform: store, preset: generic, table: inventory_snapshots, files: ["data/inventory.csv"], dateOrder: MDY, amountsIn: minor }',
        '  - { platform: store, preset: generic, table: purchase_orders, files: ["data/purchase-orders.csv"], dateOrder: MDY }',
      ]);
    default:
      throw new Error(`no workspace for ${e.preset}`);
  }
}

export function generatePresetFixtures(): Fixture[] {
  return [tmall(), jd(), douyin(), pdd(), shopify(), amazon(), woocommerce(), generic()];
}

function main(): void {
  const args = process.argv.slice(2);
  const outArg = args.indexOf('--out');
  const root = resolve(outArg >= 0 ? args[outArg + 1]! : join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'presets'));
  for (const f of generatePresetFixtures()) {
    const dir = join(root, f.dir);
    rmSync(dir, { recursive: true, force: true });
    for (const [rel, content] of Object.entries(f.files)) {
      const path = join(dir, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    writeFileSync(join(dir, 'ecom-report.yaml'), workspace(f));
    writeFileSync(join(dir, 'expected.json'), JSON.stringify(f.expected, null, 2) + '\n');
  }
  process.stdout.write(`wrote ${root}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
