// Messy exports as they come from back offices and spreadsheets, end to end: each case is a
// small workspace whose figures are worked out by hand in the comments.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

interface Overview {
  gmv: { value: number };
  refunds: { value: number };
  netSales: { value: number };
  orders: { value: number };
  buyers: { value: number };
}

function workspace(config: string, files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-report-messy-'));
  writeFileSync(path.join(dir, 'ecom-report.yaml'), config);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const source = (preset: string, files = 'data/*.csv', extra = '') =>
  `company: t\ncurrency: CNY\ntimezone: Asia/Shanghai\nsources:\n  - platform: shop\n    preset: ${preset}\n    files: ["${files}"]\n${extra}`;

async function figures(dir: string): Promise<{ overview: Overview; stderr: string; code: number }> {
  const r = await runCli(['metrics', '--quarter', '2026Q3', '--json'], { cwd: dir });
  return { overview: r.stdout ? JSON.parse(r.stdout).overview : undefined, stderr: r.stderr, code: r.code };
}

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
