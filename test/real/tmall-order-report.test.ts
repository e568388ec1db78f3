// tmall_order_report.csv: a real Tmall 订单报表 (28,010 orders, Feb 2020), read with
// `preset: tmall-orders` as is. Figures from ../shared/realdata/README.md; the split by month
// and the unpaid count were counted on the raw file with a separate script (csv module, Decimal).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { haveRealData, ingestAll, metricsJson, quoted, realFile, realWorkspace } from './realdata.js';

describe.skipIf(!haveRealData)('tmall_order_report.csv (tmall-orders)', () => {
  const yaml = `company: 天猫店
timezone: Asia/Shanghai
sources:
  - platform: tmall
    preset: tmall-orders
    files: [${quoted(realFile('tmall_order_report.csv'))}]
`;

  it('GMV, refunds and orders of 2020Q1 match the sums over the raw file', async () => {
    const dir = realWorkspace(yaml);
    const m = await metricsJson(dir, '2020Q1');
    // README: Σ 买家实际支付金额 1,902,487.15 (unpaid orders carry 0.00); Σ 退款金额 572,335.92.
    expect(m.overview.gmv.value).toBe(190_248_715);
    expect(m.overview.refunds.value).toBe(57_233_592);
    // 28,010 orders less the 3,923 with no 订单付款时间.
    expect(m.overview.orders.value).toBe(28_010 - 3_923);
    // Six payments land on 2020-03-01, 298.00 in all; the rest in February.
    const month = (key: string) => m.overview.byMonth.find((r) => r.month === key)?.gmv.value;
    expect(month('2020-03')).toBe(29_800);
    expect(month('2020-02')).toBe(190_248_715 - 29_800);
    // The report has no buyer column: buyers are unknown, not 0.
    expect(m.overview.buyers).toMatchObject({ value: null, reason: 'no buyer ids in 2020Q1' });
    // Its dates run 2020-02-01 … 2020-03-01: the weeks of January and those after 1 March (W10,
    // from Monday 2 March) have no data; W9 (24 Feb – 1 Mar) holds the last day.
    const week = (key: string) => m.overview.byWeek?.find((w) => w.week === key)?.gmv.value;
    expect(week('2020-W04')).toBeNull();
    expect(week('2020-W09')).toBeGreaterThan(0);
    expect(week('2020-W10')).toBeNull();
  });

  it('every row is read and kept; unpaid orders stay pending', async () => {
    const { lines, result, problems } = await ingestAll(realWorkspace(yaml));
    expect(problems).toEqual([]);
    expect(result.files[0]).toMatchObject({ encoding: 'utf8', rowsRead: 28_010, rowsKept: 28_010 });
    expect(lines.filter((l) => l.status === 'pending')).toHaveLength(3_923);
    // Orders with 退款金额 > 0 (README: 5,646), all among the paid ones.
    expect(lines.filter((l) => l.refundAmountMinor > 0)).toHaveLength(5_646);
    // 收货地址 has a trailing space in its header and is read as the region.
    expect(lines[0]!.region).toBe('上海');
  });

  it('re-encoded in thirds (UTF-8, GBK, UTF-8), reads the same lines, warning at both rows where it changes', async () => {
    const text = readFileSync(realFile('tmall_order_report.csv'), 'utf8').replace(/^\ufeff/, '');
    const lines = text.split(/(?<=\n)/);
    // Physical lines 1–9337 UTF-8, 9338–18674 GBK, 18675 on UTF-8 (each record is one line).
    const [a, b] = [9_337, 18_674];
    const dir = realWorkspace(yaml.replace(quoted(realFile('tmall_order_report.csv')), 'thirds.csv'));
    writeFileSync(
      path.join(dir, 'thirds.csv'),
      Buffer.concat([Buffer.from(lines.slice(0, a).join('')), iconv.encode(lines.slice(a, b).join(''), 'gbk'), Buffer.from(lines.slice(b).join(''))]),
    );
    const mixed = await ingestAll(dir);
    const plain = await ingestAll(realWorkspace(yaml));
    expect(mixed.lines).toEqual(plain.lines);
    expect(mixed.problems.map((p) => p.split(': warning:')[0])).toEqual(['thirds.csv:9338', 'thirds.csv:18675']);
    expect(mixed.result.files[0]).toMatchObject({ encoding: 'UTF-8, GBK from row 9338, UTF-8 from row 18675', rowsRead: 28_010, rowsKept: 28_010 });
  });
});
