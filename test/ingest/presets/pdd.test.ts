// pdd-orders fixture: tab-prefixed ids, `-`/`null` placeholders, full-width-space header,
// full-width commas in statuses, refunds inferred from 退款成功.
import { describe, expect, it } from 'vitest';
import { fileBytes, runFixture } from './fixture.js';

const FILE = 'data/pdd-orders.csv';
const text = (): string => fileBytes('pdd-orders', FILE).toString('utf8');

describe('pdd-orders quirks', () => {
  it('UTF-8 without BOM, LF line endings', async () => {
    expect(fileBytes('pdd-orders', FILE)[0]).not.toBe(0xef);
    expect(text()).not.toContain('\r');
    const { result } = await runFixture('pdd-orders');
    expect(result.files[0]!.encoding).toBe('utf8');
  });

  it('订单号 written with a leading tab is trimmed to the id', async () => {
    const m = /,\t(\d{6}-\d{15}),/.exec(text());
    expect(m).not.toBeNull();
    const { lines } = await runFixture('pdd-orders');
    expect([...lines.values()].some((l) => l.orderId === m![1])).toBe(true);
    expect([...lines.values()].every((l) => !l.orderId.includes('\t'))).toBe(true);
  });

  it('the header 商品数量(件)　 with a full-width space is matched', async () => {
    expect(text().split('\n', 1)[0]).toContain(',商品数量(件)\u3000,');
    const { lines } = await runFixture('pdd-orders');
    expect([...lines.values()].some((l) => l.quantity > 1)).toBe(true);
  });

  it('`-` and `null` are missing: no problems, no sku called "null"', async () => {
    expect(text()).toMatch(/,null,/);
    expect(text()).toMatch(/,-,/);
    const { lines, result } = await runFixture('pdd-orders');
    expect(result.problems.list()).toEqual([]);
    expect([...lines.values()].some((l) => l.sku === null)).toBe(true);
    expect([...lines.values()].some((l) => l.sku === 'null')).toBe(false);
  });

  it('statuses with full-width commas map; 退款成功 lines are refunded in full', async () => {
    expect(text()).toContain(',已发货，待签收,');
    const { lines } = await runFixture('pdd-orders');
    const refunded = [...lines.values()].filter((l) => l.status === 'refunded');
    expect(refunded.length).toBeGreaterThan(0);
    for (const l of refunded) expect(l.refundAmountMinor).toBe(l.paidAmountMinor);
    expect([...lines.values()].some((l) => l.status === 'shipped')).toBe(true);
  });
});

describe('pdd-orders after-sale refunds', () => {
  it('a signed-for line whose 售后状态 says 退款成功 is refunded in full; 售后处理中 is not a refund', async () => {
    const rows = text().split('\n').filter((l) => l.includes(',已签收,'));
    const refundedRow = rows.find((l) => l.includes(',退款成功,'));
    const pendingRow = rows.find((l) => l.includes(',售后处理中,'));
    expect(refundedRow).toBeDefined();
    expect(pendingRow).toBeDefined();
    // 订单号 is the second cell, 用户实付金额(元) the eighth.
    const idOf = (row: string) => row.split(',')[1]!.trim();
    const paidMinorOf = (row: string) => Math.round(Number(row.split(',')[7]) * 100);
    const { lines } = await runFixture('pdd-orders');
    const refunded = [...lines.values()].find((l) => l.orderId === idOf(refundedRow!))!;
    expect(refunded.status).toBe('refunded');
    expect(refunded.refundAmountMinor).toBe(paidMinorOf(refundedRow!));
    const pending = [...lines.values()].find((l) => l.orderId === idOf(pendingRow!))!;
    expect(pending.status).toBe('delivered');
    expect(pending.refundAmountMinor).toBe(0);
  });
});
