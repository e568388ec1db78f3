// jd-orders fixture: GBK, full-width-space header, ￥ amounts with separators, slash dates,
// `-`/`NA` as missing, the 总计 row.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fileBytes, runFixture } from './fixture.js';

const FILE = 'data/jd-orders.csv';
const bytes = (): Buffer => fileBytes('jd-orders', FILE);
const text = (): string => iconv.decode(bytes(), 'gbk');

describe('jd-orders quirks', () => {
  it('GBK bytes (not UTF-8) are detected and decoded', async () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes())).toThrow();
    expect(bytes().includes(Buffer.from([0xb6, 0xa9, 0xb5, 0xa5, 0xba, 0xc5]))).toBe(true); // 订单号 in GBK
    const { result, lines } = await runFixture('jd-orders');
    expect(result.files[0]!.encoding).toBe('gb18030');
    expect([...lines.values()].some((l) => l.productName === '保湿面霜 50ml')).toBe(true);
  });

  it('the header 订单号　 with a full-width trailing space is matched', async () => {
    expect(text().startsWith('订单号\u3000,')).toBe(true);
    const { lines } = await runFixture('jd-orders');
    expect([...lines.values()].every((l) => /^\d{12}$/.test(l.orderId))).toBe(true);
  });

  it('￥1,234.50 amounts (quoted because of the comma) are read to the fen', async () => {
    const m = /"￥(\d{1,3}),(\d{3})\.(\d{2})"/.exec(text());
    expect(m).not.toBeNull();
    const fen = Number(m![1]) * 100000 + Number(m![2]) * 100 + Number(m![3]);
    const { lines } = await runFixture('jd-orders');
    const all = [...lines.values()];
    expect(all.some((l) => l.paidAmountMinor === fen || l.unitPriceMinor === fen)).toBe(true);
  });

  it('year-first slash dates with one-digit parts (2026/7/3 9:05:07) are read in Asia/Shanghai', async () => {
    const m = /,(2026)\/(\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d\d):(\d\d),(?:2026|[^,]*,)/.exec(text());
    expect(m).not.toBeNull();
    const [, y, mo, d, h, mi, s] = m!.map(Number) as number[];
    const { lines } = await runFixture('jd-orders');
    const instant = Date.UTC(y!, mo! - 1, d!, h! - 8, mi!, s!);
    expect([...lines.values()].some((l) => l.createdAt === instant)).toBe(true);
  });

  it('`-` and `NA` are missing, not text or zero-with-a-problem', async () => {
    expect(text()).toMatch(/,NA,|,-,|,-\r\n|,NA\r\n/);
    const { lines, result } = await runFixture('jd-orders');
    expect(result.problems.list()).toEqual([]);
    for (const l of lines.values()) {
      if (l.refundAmountMinor === 0) expect(l.refundReason).toBeNull();
    }
  });

  it('the trailing 总计 row is skipped as a summary', async () => {
    expect(text()).toMatch(/\r\n总计,[^\r\n]*\r\n$/);
    const { result } = await runFixture('jd-orders');
    expect(result.files[0]!.skipped.summary).toBe(1);
  });
});
