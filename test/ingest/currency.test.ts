// A source in another currency is converted at the workspace's fixed rate, per cell, to the
// report currency's minor units. Expected values worked by hand in the comments.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { minorConversionFactor } from '../../src/currency.js';
import { runCli } from '../helpers/run-cli.js';

const ORDERS = `order_id,line_id,paid_at,customer_id,paid_amount,refund_amount,status
A1,1,2026-07-02 10:00:00,c1,10.00,0,completed
A2,1,2026-07-03 10:00:00,c2,0.99,0.99,refunded
`;

function workspace(config: string, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-report-fx-'));
  writeFileSync(path.join(dir, 'ecom-report.yaml'), config);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('sources in another currency', () => {
  it('converts USD at 7.2: 10.00 → ¥72.00 and 0.99 → ¥7.128, rounded to 713 fen', async () => {
    const dir = workspace(
      `company: x\ncurrency: CNY\nrates: { USD: 7.2 }\nsources:\n  - { platform: shopify, preset: generic, currency: USD, files: [orders.csv] }\n`,
      { 'orders.csv': ORDERS },
    );
    const r = await runCli(['metrics', '-q', '2026Q3', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(m.overview.gmv.value).toBe(7200 + 713);
    expect(m.overview.refunds.value).toBe(713);
  });

  it('knows that yen have no minor unit: ¥1,000 JPY at 0.048 is 48.00 CNY', () => {
    expect(minorConversionFactor('JPY', 'CNY', 0.048) * 1000).toBeCloseTo(4800, 9);
    expect(minorConversionFactor('USD', 'JPY', 150) * 1000).toBeCloseTo(1500, 9); // $10.00 → ¥1,500
  });

  it('a yen source: ¥1,000 at 0.048 is ¥48.00 CNY, not a hundred times that', async () => {
    const dir = workspace(
      `company: x\ncurrency: CNY\nrates: { JPY: 0.048 }\nsources:\n  - { platform: rakuten, preset: generic, currency: JPY, files: [orders.csv] }\n`,
      { 'orders.csv': 'order_id,paid_at,customer_id,paid_amount,status\nJ1,2026-07-02 10:00:00,c1,"1,000",completed\n' },
    );
    const m = JSON.parse((await runCli(['metrics', '-q', '2026Q3', '--json'], { cwd: dir })).stdout);
    expect(m.overview.gmv.value).toBe(4800);
  });

  it('a yen workspace: ¥1,200 + ¥800 are 2,000 yen (no minor unit)', async () => {
    const dir = workspace(
      `company: x\ncurrency: JPY\nsources:\n  - { platform: rakuten, preset: generic, files: [orders.csv] }\n`,
      { 'orders.csv': 'order_id,paid_at,customer_id,paid_amount,status\nJ1,2026-07-02 10:00:00,c1,1200,completed\nJ2,2026-07-03 10:00:00,c2,¥800,completed\n' },
    );
    const m = JSON.parse((await runCli(['metrics', '-q', '2026Q3', '--json'], { cwd: dir })).stdout);
    expect(m.overview.gmv.value).toBe(2000);
  });

  it('a currency without a rate is a config error naming the source and its line', async () => {
    const dir = workspace(
      `company: x\ncurrency: CNY\nsources:\n  - { platform: shopify, preset: generic, currency: EUR, files: [orders.csv] }\n`,
      { 'orders.csv': ORDERS },
    );
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ecom-report.yaml:4: sources[0].currency: no rate for EUR: add rates: { EUR: <CNY per EUR> }');
  });
});
