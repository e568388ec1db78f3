// tmall-orders fixture: one test per planted quirk (the bytes are checked to hold the quirk,
// then ingest is checked to have handled it).
import { describe, expect, it } from 'vitest';
import { fileBytes, lineKey, runFixture } from './fixture.js';

const PART1 = 'data/2026-q3-part1.csv';
const PART2 = 'data/2026-q3-part2.csv';
/** The file as UTF-8 text, BOM kept (U+FEFF at index 0). */
const text = (rel: string): string => fileBytes('tmall-orders', rel).toString('utf8');

describe('tmall-orders quirks', () => {
  it('UTF-8 with BOM is detected and the BOM is not part of the first header', async () => {
    expect([...fileBytes('tmall-orders', PART1).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { result, lines } = await runFixture('tmall-orders');
    expect(result.files[0]!.encoding).toBe('utf8-bom');
    // 订单编号 is the first column: it was found, so the BOM did not stick to it.
    expect(lines.size).toBeGreaterThan(0);
  });

  it('CRLF line endings', () => {
    const t = text(PART1);
    expect(t.split('\r\n').length).toBeGreaterThan(20);
    expect(t.replaceAll('\r\n', '').includes('\n')).toBe(false);
  });

  it('headers with a trailing space (订单付款时间 , 收货地址 ) and a full-width one (买家会员名　) are matched', async () => {
    const header = text(PART1).slice(1).split('\r\n', 1)[0]!;
    expect(header).toContain(',订单付款时间 ,');
    expect(header.endsWith(',收货地址 ')).toBe(true);
    expect(header).toContain(',买家会员名\u3000,');
    const { lines } = await runFixture('tmall-orders');
    const all = [...lines.values()];
    expect(all.some((l) => l.paidAt !== null)).toBe(true);
    expect(all.every((l) => l.customerId?.startsWith('tb_'))).toBe(true);
    // 收货地址 → the province, the first word of the address.
    expect(all.every((l) => l.region !== null && /^(浙江省|广东省|江苏省|四川省|北京市|上海市)$/.test(l.region))).toBe(true);
  });

  it('19-digit 订单编号 wrapped by Excel as ="…" and 19-digit 子订单编号 stay byte-exact', async () => {
    const m = /^="(\d{19})",(\d{19}),/m.exec(text(PART1).slice(1));
    expect(m).not.toBeNull();
    const [, order, sub] = m!;
    expect(Number(order)).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    const { lines } = await runFixture('tmall-orders');
    const line = lines.get(lineKey(order!, sub!));
    expect(line?.orderId).toBe(order);
    expect(line?.lineId).toBe(sub);
  });

  it('a quoted title with a comma, doubled quotes and a line break is one field', async () => {
    expect(text(PART1)).toContain('"保湿面霜, 50ml ""限量""礼盒\r\n赠小样"');
    const { lines } = await runFixture('tmall-orders');
    expect([...lines.values()].filter((l) => l.productName === '保湿面霜, 50ml "限量"礼盒\r\n赠小样')).toHaveLength(1);
  });

  it('¥1,234.50 prices with thousands separators are read to the fen', async () => {
    const m = /"¥(\d{1,3}),(\d{3})\.(\d{2})"/.exec(text(PART1));
    expect(m).not.toBeNull();
    const fen = Number(m![1]) * 100000 + Number(m![2]) * 100 + Number(m![3]);
    const { lines } = await runFixture('tmall-orders');
    expect([...lines.values()].some((l) => l.unitPriceMinor === fen)).toBe(true);
  });

  it('blank lines, a repeated header row and the 合计 row are skipped and counted', async () => {
    const t = text(PART1);
    expect(t).toContain('\r\n\r\n');
    expect(t).toContain('\r\n,,,,,,,,,,,,,\r\n');
    expect(t.slice(1).split('\r\n').filter((l) => l.startsWith('订单编号,')).length).toBe(2);
    expect(t).toMatch(/\r\n合计,/);
    const { result } = await runFixture('tmall-orders');
    expect(result.files[0]!.skipped).toMatchObject({ blank: 2, repeatedHeader: 1, summary: 1, invalid: 0 });
  });

  it('a line in two overlapping exports is counted once; the same key with another amount is a reported conflict', async () => {
    const { result, expected } = await runFixture('tmall-orders');
    expect(result.files[1]!.file).toBe(PART2);
    expect(result.files[1]!.skipped.duplicate).toBe(3);
    const conflicts = result.problems.list().filter((p) => p.message.includes('with a different paid amount'));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ severity: 'warning', file: PART2, row: expected.problems[0]!.row });
  });

  it('statuses: 等待买家付款 unpaid, 交易关闭 before payment cancelled, after payment refunded', async () => {
    const { lines } = await runFixture('tmall-orders');
    const statuses = new Set([...lines.values()].map((l) => l.status));
    for (const s of ['pending', 'completed', 'refunded', 'cancelled']) expect(statuses.has(s as never), s).toBe(true);
    for (const l of lines.values()) {
      if (l.status === 'pending' || l.status === 'cancelled') expect(l.paidAt).toBeNull();
      if (l.status === 'refunded') expect(l.refundAmountMinor).toBe(l.paidAmountMinor);
    }
  });

  it('payments at 23:59:59 on 30 June and 00:00:00 on 1 July (Shanghai) fall in different quarters', async () => {
    const t = text(PART1);
    expect(t).toContain(',2026-06-30 23:59:59,');
    expect(t).toContain(',2026-07-01 00:00:00,');
    const { lines } = await runFixture('tmall-orders');
    const paid = [...lines.values()].map((l) => l.paidAt);
    expect(paid).toContain(Date.UTC(2026, 5, 30, 15, 59, 59)); // Q2
    expect(paid).toContain(Date.UTC(2026, 5, 30, 16, 0, 0)); // Q3 starts
  });
});
