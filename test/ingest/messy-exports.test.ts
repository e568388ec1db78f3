// Messy exports as they come from back offices and spreadsheets, end to end: each case is a
// small workspace whose figures are worked out by hand in the comments.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { oneSource, overviewOf, workspaceWith } from '../helpers/workspace.js';

const workspace = (config: string, files: Record<string, string | Buffer>) => workspaceWith(config, files, 'ecom-report-messy-');
const source = oneSource;
const figures = overviewOf;

describe('refunds written as negative amounts', () => {
  it('count as money taken back: refunds 5 + 30, net sales 50 − 35', async () => {
    const dir = workspace(source('woocommerce-orders'), {
      'data/woo.csv':
        'Order Number,Order Status,Order Date,Paid Date,Customer User ID,SKU,Item Name,Quantity,Item Cost,Order Line Total,Item Refunded\n' +
        '100,Completed,2026-07-01 10:00,2026-07-01 10:00,5,A,Mug,2,10.00,20.00,-5.00\n' +
        '101,Refunded,2026-07-02 10:00,2026-07-02 10:00,6,B,Cup,1,30.00,30.00,-30.00\n',
    });
    const { overview, code } = await figures(dir);
    expect(code).toBe(0);
    expect(overview.gmv.value).toBe(5000);
    expect(overview.refunds.value).toBe(3500);
    expect(overview.netSales.value).toBe(1500);
  });
});

describe('summary rows and products named "Total …"', () => {
  it('a product column first with "Total Care Shampoo" and "Sum 41 Tee" is data; a trailing Total row is skipped', async () => {
    const dir = workspace(source('generic'), {
      'data/orders.csv':
        'product_name,order_id,customer_id,paid_at,paid_amount,status\n' +
        'Total Care Shampoo,1001,a,2026-07-01 10:00,10.00,paid\n' +
        'Sum 41 Tee,1002,b,2026-07-01 10:00,20.00,paid\n' +
        'Mug,1003,c,2026-07-01 10:00,30.00,paid\n' +
        'Total:,,,,60.00,\n',
    });
    const { overview, stderr } = await figures(dir);
    // 10 + 20 + 30
    expect(overview.gmv.value).toBe(6000);
    expect(overview.orders.value).toBe(3);
    const v = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(v.stderr).toContain('read 4, kept 3, skipped 1 summary');
    expect(stderr).not.toContain('error');
  });

  it('"Total amount" in the order-id column is a summary row, not an order called that', async () => {
    const dir = workspace(source('generic'), {
      'data/orders.csv': 'order_id,customer_id,paid_at,paid_amount,status\n1001,a,2026-07-01 10:00,10.00,paid\nTotal amount,,,10.00,\n',
    });
    const { overview } = await figures(dir);
    expect(overview.gmv.value).toBe(1000);
    expect(overview.orders.value).toBe(1);
  });
});

describe('returns booked as rows of their own', () => {
  it('a return-only invoice takes its money back but makes no order and no buyer', async () => {
    const dir = workspace(source('generic'), {
      'data/orders.csv':
        'order_id,customer_id,paid_at,quantity,unit_price,sku\n' +
        '536365,17850,2026-07-01 08:26,6,2.55,85123A\n' +
        '536366,17850,2026-07-01 08:28,6,1.85,22633\n' +
        'C536379,14527,2026-07-01 09:41,-1,27.50,D\n' +
        'C536383,15311,2026-07-01 09:49,-1,4.65,35004C\n',
    });
    const { overview } = await figures(dir);
    // 6 × 2.55 + 6 × 1.85 = 26.40 sold; 27.50 + 4.65 = 32.15 taken back
    expect(overview.gmv.value).toBe(2640);
    expect(overview.refunds.value).toBe(3215);
    // two sales orders by one buyer; the two returns add neither
    expect(overview.orders.value).toBe(2);
    expect(overview.buyers.value).toBe(1);
  });

  it('the core figures agree: AOV and spend per buyer over the sales alone, the returns still in the refund reasons', async () => {
    const dir = workspace(source('generic'), {
      'data/orders.csv':
        'order_id,customer_id,paid_at,quantity,unit_price,sku,refund_reason\n' +
        '536365,17850,2026-07-01 08:26,6,2.55,85123A,\n' +
        '536366,17850,2026-07-01 08:28,6,1.85,22633,\n' +
        'C536379,14527,2026-07-01 09:41,-1,27.50,D,damaged\n',
    });
    const r = await runCli(['metrics', '--quarter', '2026Q3', '--json'], { cwd: dir });
    const core = JSON.parse(r.stdout).core;
    // 26.40 over two orders; over one buyer
    expect(core.counts.orders[0]).toBe(2);
    expect(core.aov.value).toBe(1320);
    expect(core.spendPerBuyer.value).toBe(2640);
    expect(core.refundReasons).toEqual([expect.objectContaining({ reason: 'damaged', amountMinor: 2750, lines: 1 })]);
  });
});

describe('an amount whose own currency sign says otherwise', () => {
  it('€ and US$ in a CNY source, ¥ in a USD source: errors at the cell, not amounts read in the wrong currency', async () => {
    const config =
      'company: t\ncurrency: CNY\nrates: { USD: 7.2 }\ntimezone: Asia/Shanghai\nsources:\n' +
      '  - { platform: cn, preset: generic, files: ["data/cn.csv"] }\n' +
      '  - { platform: us, preset: generic, currency: USD, files: ["data/us.csv"] }\n';
    const header = 'order_id,customer_id,paid_at,paid_amount,status\n';
    const dir = workspace(config, {
      'data/cn.csv': `${header}1,a,2026-07-01 10:00,€12.00,paid\n2,b,2026-07-01 10:00,US$10.00,paid\n3,c,2026-07-01 10:00,¥30.00,paid\n4,d,2026-07-01 10:00,40元,paid\n`,
      'data/us.csv': `${header}5,e,2026-07-01 10:00,¥100.00,paid\n6,f,2026-07-01 10:00,$10.00,paid\n`,
    });
    const v = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(v.code).toBe(1);
    expect(v.stderr).toContain("data/cn.csv:2:paid_amount: an amount in EUR, in a source whose amounts are CNY '€12.00'");
    expect(v.stderr).toContain("data/cn.csv:3:paid_amount: an amount in USD, in a source whose amounts are CNY 'US$10.00'");
    expect(v.stderr).toContain("data/us.csv:2:paid_amount: an amount in CNY or JPY, in a source whose amounts are USD '¥100.00'");
    const b = await runCli(['build', '--quarter', '2026Q3', '--allow-partial', '--metrics-json', 'm.json', '--out', 'd.pptx'], { cwd: dir });
    expect(b.code).toBe(0);
    const m = JSON.parse(readFileSync(path.join(dir, 'm.json'), 'utf8'));
    // kept: ¥30 + 40元 in the CNY source, $10 × 7.2 = ¥72 in the USD one
    expect(m.overview.gmv.value).toBe(3000 + 4000 + 7200);
  });
});

describe('Shopify lines parted from their order', () => {
  const HEADER = 'Name,Email,Financial Status,Paid at,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku\n';
  const config = 'company: t\ncurrency: USD\ntimezone: America/New_York\nsources:\n  - { platform: shopify, preset: shopify-orders, files: ["data/*.csv"] }\n';

  it('a line further down (the export sorted in Excel) takes its order cells from the order first row', async () => {
    const dir = workspace(config, {
      'data/orders_export.csv':
        HEADER +
        '#1001,a@x.com,paid,2026-07-05 10:00:00 -0400,2026-07-05 10:00:00 -0400,1,Shirt,10.00,S1\n' +
        '#1002,b@x.com,paid,2026-07-06 10:00:00 -0400,2026-07-06 10:00:00 -0400,1,Hat,20.00,S2\n' +
        '#1001,,,,,1,Hat,20.00,S2\n',
    });
    const { overview, stderr } = await figures(dir);
    // 10 + 20 for #1001, 20 for #1002
    expect(overview.gmv.value).toBe(5000);
    expect(overview.orders.value).toBe(2);
    expect(stderr).not.toContain('comes without');
  });

  it('a line whose order has no first row at all is read as unpaid, with a warning naming it', async () => {
    const dir = workspace(config, {
      'data/orders_export.csv': HEADER + '#1002,b@x.com,paid,2026-07-06 10:00:00 -0400,2026-07-06 10:00:00 -0400,1,Hat,20.00,S2\n#1009,,,,,1,Hat,20.00,S2\n',
    });
    const { overview, stderr } = await figures(dir);
    expect(overview.gmv.value).toBe(2000);
    expect(stderr).toContain("orders_export.csv:3:Financial Status: warning: a line of order #1009 comes without its order's cells");
  });
});

describe('rows with more cells than the header', () => {
  it('an unquoted 1,234.50 splits a row: warned about once, with the first row and the count; trailing empty cells are not', async () => {
    const dir = workspace(source('generic'), {
      'data/orders.csv':
        'order_id,customer_id,paid_at,paid_amount,status\n' +
        '1001,a,2026-07-01 10:00,1,234.50,paid\n' +
        '1002,b,2026-07-01 10:00,20.00,paid,,\n' +
        '1003,c,2026-07-01 10:00,2,000.00,paid\n',
    });
    const v = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(v.stderr).toContain('data/orders.csv:2: warning: 2 rows have more cells than the header: the first, here, has 6 of 5');
    expect(v.stderr).not.toContain('orders.csv:3: warning');
  });
});

describe('refunds beyond what was paid', () => {
  it('a refund 15 times the paid amount is warned about at its row and column; the figures count it as written', async () => {
    const dir = workspace(source('douyin-orders'), {
      'data/douyin.csv':
        '主订单编号,子订单编号,选购商品,商品数量,订单应付金额,订单提交时间,支付完成时间,订单状态,退款金额,用户ID\n' +
        '6900000000000000001,6900000000000000011,面膜,1,100.00,2026-07-01 10:00:00,2026-07-01 10:00:05,已完成,1500.00,u1\n' +
        '6900000000000000002,6900000000000000021,面膜,1,50.00,2026-07-01 10:00:00,2026-07-01 10:00:05,已完成,,u2\n',
    });
    const v = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stderr).toContain('data/douyin.csv:2:退款金额: warning: refunds of order 6900000000000000001 (1500.00) are more than was paid for it (100.00)');
    expect(v.stderr).not.toContain('6900000000000000002 (');
    // 100 + 50 sold, 1500 refunded as written
    const { overview } = await figures(dir);
    expect(overview.refunds.value).toBe(150000);
  });

  it('Shopify (an order-level refund incl. tax on the first line) and Tmall (paid after the refund) are not flagged', async () => {
    const shopify = workspace(
      'company: t\ncurrency: USD\ntimezone: America/New_York\nsources:\n  - { platform: shopify, preset: shopify-orders, files: ["data/*.csv"] }\n',
      {
        'data/orders_export.csv':
          'Name,Email,Financial Status,Paid at,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Refunded Amount\n' +
          '#1001,a@x.com,refunded,2026-07-05 10:00:00 -0400,2026-07-05 10:00:00 -0400,1,Shirt,10.00,S1,33.00\n' +
          '#1001,,,,,1,Hat,10.00,S2,\n',
      },
    );
    expect((await runCli(['validate', '--quarter', '2026Q3'], { cwd: shopify })).stderr).not.toContain('more than was paid');
    const tmall = workspace(source('tmall-orders'), {
      'data/tmall.csv': '订单编号,买家会员名,订单付款时间,买家实际支付金额,订单状态,退款金额\n1001,a,2026-07-01 10:00:00,0.00,交易关闭,64.80\n',
    });
    expect((await runCli(['validate', '--quarter', '2026Q3'], { cwd: tmall })).stderr).not.toContain('more than was paid');
  });
});

describe('a header written twice', () => {
  it('the first paid_amount column is read (GMV 10 + 20) and the duplicate is warned about with both positions', async () => {
    const dir = workspace(source('generic'), {
      'data/orders.csv':
        'order_id,line_id,paid_at,customer_id,paid_amount,status,paid_amount\n' +
        '1,1,2026-07-01 10:00:00,c1,10.00,completed,999.00\n' +
        '2,1,2026-07-02 10:00:00,c2,20.00,completed,999.00\n',
    });
    const { overview, stderr, code } = await figures(dir);
    expect(code).toBe(0);
    expect(overview.gmv.value).toBe(3000);
    expect(stderr).toContain("orders.csv:1:paid_amount: warning: 2 columns are headed 'paid_amount' (columns 5, 7); the first, column 5, is read as paid_amount");
  });

  it('a repeated header no figure reads (two 备注 columns) is not warned about', async () => {
    const dir = workspace(source('generic'), {
      'data/orders.csv': 'order_id,line_id,paid_at,customer_id,paid_amount,status,备注,备注\n1,1,2026-07-01 10:00:00,c1,10.00,completed,a,b\n',
    });
    const { stderr, code } = await figures(dir);
    expect(code).toBe(0);
    expect(stderr).not.toContain('columns are headed');
  });
});
