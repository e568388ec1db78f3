// douyin-orders fixture: UTF-16LE "Unicode text" (tab-separated) with 19-digit ids, CJK dates,
// and live-commerce / traffic-source columns.
import { describe, expect, it } from 'vitest';
import { fileBytes, runFixture } from './fixture.js';

const FILE = 'data/douyin-orders.txt';
const text = (): string => fileBytes('douyin-orders', FILE).subarray(2).toString('utf16le');

describe('douyin-orders quirks', () => {
  it('UTF-16LE with BOM, tab-separated, is detected and read', async () => {
    expect([...fileBytes('douyin-orders', FILE).subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(text().split('\r\n', 1)[0]!.split('\t')).toHaveLength(19);
    const { result, expected } = await runFixture('douyin-orders');
    expect(result.files[0]!.encoding).toBe('utf16le');
    expect(result.orderLines).toBe(expected.orderLines);
  });

  it('commas inside tab-separated fields need no quotes and stay in the text', async () => {
    expect(text()).toContain('\t洁面乳, 120g\t');
    const { lines } = await runFixture('douyin-orders');
    expect([...lines.values()].some((l) => l.productName === '洁面乳, 120g')).toBe(true);
  });

  it('19-digit 主订单编号 and 子订单编号 survive byte-exact', async () => {
    const first = text().split('\r\n')[1]!.split('\t');
    const [order, sub] = first as [string, string];
    expect(order).toMatch(/^\d{19}$/);
    const { lines } = await runFixture('douyin-orders');
    const line = [...lines.values()].find((l) => l.lineId === sub);
    expect(line?.orderId).toBe(order);
  });

  it('dates written 2026年7月3日 09:05:07 are read like ISO ones', async () => {
    const m = /\t(2026)年(\d{1,2})月(\d{1,2})日 (\d\d):(\d\d):(\d\d)\t/.exec(text());
    expect(m).not.toBeNull();
    const [, y, mo, d, h, mi, s] = m!.map(Number) as number[];
    const { lines } = await runFixture('douyin-orders');
    const at = Date.UTC(y!, mo! - 1, d!, h! - 8, mi!, s!);
    expect([...lines.values()].some((l) => l.createdAt === at || l.paidAt === at)).toBe(true);
  });

  it('达人昵称 or 直播间 filled → is_live; 流量来源 → channel', async () => {
    const { lines } = await runFixture('douyin-orders');
    const all = [...lines.values()];
    expect(all.some((l) => l.isLive === true)).toBe(true);
    expect(all.some((l) => l.isLive === false)).toBe(true);
    for (const l of all) {
      expect(['直播', '短视频', '商品卡', '搜索']).toContain(l.channel);
      // The generator writes 直播/短视频 exactly for lines through a live room / a creator.
      expect(l.isLive).toBe(l.channel === '直播' || l.channel === '短视频');
    }
  });
});
