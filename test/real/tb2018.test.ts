// TB2018.xls: a real Taobao seller export, legacy Excel (BIFF8, code page 936), 1,783 rows over
// 2018, dates as Excel serials, no order number column (each row is one order). Figures from
// ../shared/realdata/README.md.
import { describe, expect, it } from 'vitest';
import { haveRealData, ingestAll, metricsJson, quoted, realFile, realWorkspace } from './realdata.js';

describe.skipIf(!haveRealData)('TB2018.xls (tmall-orders, rowIsOrder)', () => {
  const yaml = `company: 淘宝店
timezone: Asia/Shanghai
sources:
  - platform: taobao
    preset: tmall-orders
    files: [${quoted(realFile('TB2018.xls'))}]
    rowIsOrder: true
`;

  it('paid orders per 2018 quarter are 442 / 462 / 178 / 384 and GMV sums to 218,711.61', async () => {
    const dir = realWorkspace(yaml);
    const orders: number[] = [];
    let gmv = 0;
    for (const q of ['2018Q1', '2018Q2', '2018Q3', '2018Q4']) {
      const m = await metricsJson(dir, q);
      orders.push(m.overview.orders.value ?? -1);
      gmv += m.overview.gmv.value ?? 0;
    }
    expect(orders).toEqual([442, 462, 178, 384]);
    // README: Σ 买家实际支付金额 218,711.61 over all rows; the unpaid rows carry 0.
    expect(gmv).toBe(21_871_161);
  });

  it('reads every row: 317 unpaid, Chinese titles intact, serial dates as wall time', async () => {
    const { lines, result, problems } = await ingestAll(realWorkspace(yaml));
    expect(problems).toEqual([]);
    expect(result.files[0]).toMatchObject({ encoding: 'xls', rowsRead: 1_783, rowsKept: 1_783 });
    expect(lines.filter((l) => l.status === 'pending')).toHaveLength(317);
    const first = lines[0]!;
    // Row 2 of the sheet: mrsoft001, 748.50, 宝贝标题 'PHP程序员开发资源库 …', paid at serial
    // 43101.39326388889 = 2018-01-01 09:26:18 in Shanghai (01:26:18 UTC).
    expect(first).toMatchObject({
      orderId: 'TB2018.xls#2',
      customerId: 'mrsoft001',
      paidAmountMinor: 74_850,
      quantity: 1,
      paidAt: Date.UTC(2018, 0, 1, 1, 26, 18),
    });
    expect(first.productName).toMatch(/^PHP程序员开发资源库 php 从入门到精通/);
    // Buyers are masked per row but distinct (mrsoft001 … mrsoft1783).
    expect(new Set(lines.map((l) => l.customerId)).size).toBe(1_783);
  });
});
