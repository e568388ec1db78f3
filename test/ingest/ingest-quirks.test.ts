// Quirks of real exports that once gave a wrong figure or a misleading message, end to end:
// each case is a small workspace whose figures are worked out by hand in the comments.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { oneSource, overviewOf, workspaceWith } from '../helpers/workspace.js';

const workspace = (config: string, files: Record<string, string | Buffer>) => workspaceWith(config, files, 'ecom-report-quirks-');
const source = oneSource;
const figures = overviewOf;

const validate = (dir: string) => runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });

const TMALL_HEADER = '订单编号,买家会员名,订单付款时间,买家实际支付金额,订单状态\n';

describe('two exports pasted into one file', () => {
  it('count the overlap once: the second export restarts the line numbering', async () => {
    const dir = workspace(source('tmall-orders'), {
      'data/orders.csv':
        TMALL_HEADER +
        '1001,a,2026-07-01 10:00:00,10,交易成功\n' +
        '1002,b,2026-07-02 10:00:00,20,交易成功\n' +
        TMALL_HEADER +
        '1002,b,2026-07-02 10:00:00,20,交易成功\n' +
        '1003,c,2026-07-03 10:00:00,30,交易成功\n',
    });
    const { overview, code } = await figures(dir);
    expect(code).toBe(0);
    // 10 + 20 + 30: order 1002 is in both exports and counts once
    expect(overview.gmv.value).toBe(6000);
    expect(overview.orders.value).toBe(3);
    const v = await validate(dir);
    expect(v.stderr).toContain('1 repeatedHeader');
    expect(v.stderr).toContain('1 duplicate');
  });

  it('an order with two identical lines keeps both, in each export, and the copy counts once', async () => {
    const dir = workspace(source('tmall-orders'), {
      'data/orders.csv':
        TMALL_HEADER +
        '1001,a,2026-07-01 10:00:00,10,交易成功\n' +
        '1001,a,2026-07-01 10:00:00,10,交易成功\n' +
        TMALL_HEADER +
        '1001,a,2026-07-01 10:00:00,10,交易成功\n' +
        '1001,a,2026-07-01 10:00:00,10,交易成功\n',
    });
    const { overview } = await figures(dir);
    // lines #1 and #2 of order 1001 (10 + 10), the pasted copy of both dropped
    expect(overview.gmv.value).toBe(2000);
    expect(overview.orders.value).toBe(1);
  });
});

const JD_HEADER = '订单号,商品ID,商品名称,订购数量,应付金额,下单时间,付款确认时间,订单状态,下单帐号\n';

describe('jd-orders: 商品ID is a product id, not a line id', () => {
  it('two lines of one order with the same product both count', async () => {
    const dir = workspace(source('jd-orders'), {
      'data/jd.csv':
        JD_HEADER +
        '900002,100300,鞋(赠品),1,0.00,2026-07-01 10:00:00,2026-07-01 10:01:00,完成,u2\n' +
        '900002,100300,鞋,1,99.00,2026-07-01 10:00:00,2026-07-01 10:01:00,完成,u2\n',
    });
    const { overview, stderr } = await figures(dir);
    // 0 + 99
    expect(overview.gmv.value).toBe(9900);
    expect(overview.orders.value).toBe(1);
    expect(stderr).not.toContain('also appears');
  });

  it('the same two lines in two overlapping exports still count once', async () => {
    const rows =
      '900002,100300,鞋(赠品),1,0.00,2026-07-01 10:00:00,2026-07-01 10:01:00,完成,u2\n' +
      '900002,100300,鞋,1,99.00,2026-07-01 10:00:00,2026-07-01 10:01:00,完成,u2\n';
    const dir = workspace(source('jd-orders'), {
      'data/jd-1.csv': JD_HEADER + rows,
      'data/jd-2.csv': JD_HEADER + rows + '900003,100400,袜,1,10.00,2026-07-02 10:00:00,2026-07-02 10:01:00,完成,u3\n',
    });
    const { overview, stderr } = await figures(dir);
    // 0 + 99 from the first file; the second adds only order 900003's 10
    expect(overview.gmv.value).toBe(10900);
    expect(overview.orders.value).toBe(2);
    expect(stderr).not.toContain('different paid amount');
    const v = await validate(dir);
    expect(v.stderr).toContain('2 duplicate');
  });
});

describe('headers with full-width parentheses', () => {
  it('商品数量（件） and 店铺优惠折扣（元） read as the preset spellings 商品数量(件) and 店铺优惠折扣(元)', async () => {
    const dir = workspace(source('pdd-orders'), {
      'data/pdd.csv':
        '商品,订单号,订单状态,用户实付金额（元）,商品数量（件）,店铺优惠折扣（元）,订单成交时间,售后状态\n' +
        'T恤,260701-1,已签收,30,3,5,2026-07-01 10:00:00,无售后或售后取消\n',
    });
    const r = await runCli(['metrics', '--quarter', '2026Q3', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.overview.gmv.value).toBe(3000);
    // 3 pieces for 30: the unit price is 10, so the lowest price band starts at 10 (not 30)
    expect(out.overview.priceBands.bands[0].minMinor).toBe(1000);
  });
});

describe('title rows above a header delimited by ; or tab', () => {
  for (const [name, d] of [
    ['comma', ','],
    ['semicolon', ';'],
    ['tab', '\t'],
  ] as const) {
    it(`are left out and the ${name}-delimited header is found below them`, async () => {
      const dir = workspace(source('tmall-orders'), {
        'data/orders.csv': ['订单列表', '导出时间：2026-10-01, 共 1 条', ['订单编号', '买家会员名', '订单付款时间', '买家实际支付金额', '订单状态'].join(d), ['1001', '张三', '2026-07-01 10:00:00', '12.50', '交易成功'].join(d)].join('\n') + '\n',
      });
      const { overview, stderr, code } = await figures(dir);
      expect(code).toBe(0);
      expect(overview.gmv.value).toBe(1250);
      expect(stderr).toContain("2 title rows above the header left out: '订单列表'");
    });
  }

  it('a header missing a required column is named in the hint, never the title above it', async () => {
    const dir = workspace(source('tmall-orders'), {
      'data/orders.csv': '订单列表\n交易号;买家会员名;订单付款时间;买家实际支付金额;订单状态\n1001;张三;2026-07-01 10:00:00;12.50;交易成功\n',
    });
    const v = await validate(dir);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain("required column 'order_id' not found");
    expect(v.stderr).not.toMatch(/order_id: "订单列表"|other headers are: 订单列表/);
    // 交易号 is the header's one unmapped cell, so it is what the hint offers
    expect(v.stderr).toMatch(/order_id: "交易号"|other headers are: 交易号/);
  });
});

describe('rows with fewer cells than the header', () => {
  it('are warned about once, with a count and the first such row and its cell count against the named header cells', async () => {
    const dir = workspace(source('tmall-orders'), {
      'data/orders.csv':
        '订单编号,买家会员名,订单付款时间,买家实际支付金额,订单状态,退款金额,\n' +
        '1001,a,2026-07-01 10:00:00,10,交易成功,\n' +
        '1002,b,2026-07-02 10:00:00,20\n' +
        '1003,c,2026-07-02 10:00:00,30,交易成功\n',
    });
    const v = await validate(dir);
    // rows 3 (4 cells) and 4 (5 cells) of a header naming 6 columns (its 7th cell is empty);
    // row 2 has 6 cells, so it is whole
    expect(v.stderr).toContain('data/orders.csv:3: warning: 2 rows have fewer cells than the header: the first, here, has 4 of 6');
    expect(v.stderr.match(/fewer cells than the header/g)).toHaveLength(1);
  });
});

describe('unknown statuses', () => {
  it('get no spelling guess (PDD 待成团 is paid, 待支付 unpaid) but the known statuses and the ways forward', async () => {
    const dir = workspace(source('pdd-orders'), {
      'data/pdd.csv': '商品,订单号,订单状态,用户实付金额(元),订单成交时间\nT恤,260701-1,待成团,30,2026-07-01 10:00:00\n',
    });
    const v = await validate(dir);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain("data/pdd.csv:2:订单状态: unknown order status '待成团' — pdd-orders knows the statuses '待支付', '待付款', '待发货'");
    expect(v.stderr).not.toContain('did you mean');
    expect(v.stderr).toContain('change the status in the file');
    expect(v.stderr).toContain('--allow-partial');
  });
});

describe('the per-file summary line', () => {
  it('adds up: read = kept + skipped, blank rows counted as read', async () => {
    const dir = workspace(source('generic'), {
      'data/orders.csv': 'order_id,customer_id,paid_at,paid_amount,status\n1001,a,2026-07-01 10:00,10.00,paid\n\n1002,b,2026-07-01 10:00,x,paid\n,,,,\n1003,c,2026-07-01 10:00,10.00,payed\n',
    });
    const v = await validate(dir);
    // 5 records after the header: 1 kept, 2 blank (an empty line and one of empty cells), 2 invalid
    expect(v.stderr).toContain('read 5, kept 1, skipped 2 blank, 2 invalid');
    const r = await runCli(['validate', '--quarter', '2026Q3', '--json'], { cwd: dir });
    const f = JSON.parse(r.stdout).files[0];
    expect(f.rowsRead).toBe(5);
  });
});

describe('a workbook whose first sheet is empty', () => {
  async function workbook(dir: string, sheets: Record<string, (string | number)[][]>): Promise<void> {
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) {
      const ws = wb.addWorksheet(name);
      for (const row of rows) ws.addRow(row);
    }
    mkdirSync(path.join(dir, 'data'), { recursive: true });
    await wb.xlsx.writeFile(path.join(dir, 'data/jd.xlsx'));
  }
  const JD = [
    ['订单号', '下单帐号', '付款确认时间', '应付金额', '订单状态'],
    ['1', 'u1', '2026-07-01 10:00:00', 10, '完成'],
  ];

  it('names the empty sheet, lists the sheets and points at sheet:, which then reads the export', async () => {
    const dir = workspace(source('jd-orders', 'data/*.xlsx'), {});
    await workbook(dir, { 说明: [], 订单: JD });
    const v = await validate(dir);
    expect(v.stderr).toContain("data/jd.xlsx: sources[0].sheet: sheet 1 ('说明') is empty — the workbook's sheets are '说明', '订单'; set sheet: to the one");
    expect(v.stderr).not.toContain('the file is empty');
    // following the hint reads the export: ¥10
    writeFileSync(path.join(dir, 'ecom-report.yaml'), source('jd-orders', 'data/*.xlsx', '    sheet: 订单\n'));
    const { overview, code } = await figures(dir);
    expect(code).toBe(0);
    expect(overview.gmv.value).toBe(1000);
  });
});
