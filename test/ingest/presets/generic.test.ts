// generic fixture: canonical headers, amounts in 分, MDY dates, placeholders, the side tables.
import { describe, expect, it } from 'vitest';
import { fileBytes, runFixture } from './fixture.js';

const text = (rel: string): string => fileBytes('generic', rel).toString('utf8');

describe('generic quirks', () => {
  it('amounts in 分 (amountsIn: minor) are taken as minor units', async () => {
    const first = text('data/store-orders.csv').split('\n')[1]!.split(',');
    const paid = Number(first[10]);
    expect(first[10]).toMatch(/^\d+$/);
    const { lines } = await runFixture('generic');
    expect(lines.get(`${first[0]}\u00001`)?.paidAmountMinor).toBe(paid);
  });

  it('month-first 07/03/2026 09:05 under dateOrder: MDY is 3 July', async () => {
    const first = text('data/store-orders.csv').split('\n')[1]!.split(',');
    expect(first[3]).toBe('07/03/2026 09:05');
    const { lines } = await runFixture('generic');
    expect(lines.get(`${first[0]}\u00001`)?.paidAt).toBe(Date.UTC(2026, 6, 3, 1, 5));
  });

  it('NA / null / - are missing: a line without a buyer is not a buyer called "NA"', async () => {
    const { lines } = await runFixture('generic');
    const all = [...lines.values()];
    expect(all.some((l) => l.customerId === null)).toBe(true);
    expect(all.some((l) => ['NA', 'null', '-'].includes(l.customerId ?? ''))).toBe(false);
    expect(all.every((l) => l.campaign === null)).toBe(true);
  });

  it('traffic with lone-CR line endings and a Total row', async () => {
    const t = text('data/traffic-daily.csv');
    expect(t).not.toContain('\n');
    expect(t).toMatch(/\rTotal,/);
    const { result } = await runFixture('generic');
    const traffic = result.files.find((f) => f.table === 'traffic_daily')!;
    expect(traffic.skipped.summary).toBe(1);
    expect(traffic.firstAt).toBe('2026-07-01');
    expect(traffic.lastAt).toBe('2026-07-10');
  });
});
