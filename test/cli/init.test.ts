// `ecom-report init` writes a workspace that validates and builds as it is, with figures that
// agree with a sum taken straight from its CSV files, and never overwrites anything.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const NOW = Date.UTC(2026, 10, 24, 12); // 2026-11-24: the last complete quarter is 2026Q3
const FILES = ['README.md', 'data/store/store-orders.csv', 'data/tmall/tmall-orders.csv', 'ecom-report.yaml', 'narrative.yaml'];

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'ecom-report-init-'));
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, path.posix.join(prefix, e.name)) : [path.posix.join(prefix, e.name)]))
    .sort();
}

/** Rows of a simple CSV (the example files quote nothing), keyed by header. */
function readCsv(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
  const names = header!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [names[i]!, v])));
}

const fen = (yuan: string) => Math.round(Number(yuan) * 100);

/** GMV and orders of a quarter straight from the files: paid lines (a paid time) in [start, end). */
function independentTotals(dir: string, start: string, end: string): { gmv: number; orders: number } {
  let gmv = 0;
  const orders = new Set<string>();
  for (const r of readCsv(path.join(dir, 'data/tmall/tmall-orders.csv'))) {
    const paid = r['订单付款时间']!;
    if (paid === '' || paid < start || paid >= end) continue;
    gmv += fen(r['买家实际支付金额']!);
    orders.add(`tmall/${r['订单编号']}`);
  }
  for (const r of readCsv(path.join(dir, 'data/store/store-orders.csv'))) {
    const paid = r['paid_at']!;
    if (paid === '' || r['status'] === 'cancelled' || paid < start || paid >= end) continue;
    gmv += fen(r['paid_amount']!);
    orders.add(`store/${r['order_id']}`);
  }
  return { gmv, orders: orders.size };
}

describe('ecom-report init', () => {
  it('writes a workspace that validates and builds, with QoQ and YoY, agreeing with the files', async () => {
    const root = tempDir();
    const init = await runCli(['init', 'shop'], { cwd: root, now: NOW });
    expect(init.code).toBe(0);
    expect(init.stderr).toContain('Next: cd shop && ecom-report build');
    const dir = path.join(root, 'shop');
    expect(listFiles(dir)).toEqual(FILES);

    const lines = readFileSync(path.join(dir, 'data/tmall/tmall-orders.csv'), 'utf8').split('\n').length + readFileSync(path.join(dir, 'data/store/store-orders.csv'), 'utf8').split('\n').length;
    expect(lines).toBeGreaterThan(200);
    expect(lines).toBeLessThan(1000);

    const validate = await runCli(['validate'], { cwd: dir, now: NOW });
    expect(validate.stderr).toContain('inputs OK');
    expect(validate.code).toBe(0);

    const build = await runCli(['build', '--json', '--metrics-json', 'metrics.json'], { cwd: dir, now: NOW });
    expect(build.code).toBe(0);
    expect(existsSync(path.join(dir, 'out', 'ecom-report-2026Q3.pptx'))).toBe(true);
    const result = JSON.parse(build.stdout);
    expect(result.quarter).toBe('2026Q3');
    expect(result.problems).toEqual([]);

    const gmv = result.headline.gmv;
    expect(gmv.qoq).not.toBeNull();
    expect(gmv.yoy).not.toBeNull();
    const current = independentTotals(dir, '2026-07-01', '2026-10-01');
    const previous = independentTotals(dir, '2026-04-01', '2026-07-01');
    const yearAgo = independentTotals(dir, '2025-07-01', '2025-10-01');
    expect(gmv.value).toBe(current.gmv);
    expect(gmv.previous).toBe(previous.gmv);
    expect(gmv.yearAgo).toBe(yearAgo.gmv);
    expect(result.headline.orders.value).toBe(current.orders);
    expect(result.headline.orders.yearAgo).toBe(yearAgo.orders);
  });

  it('gives the same files for the same day (fixed seed)', async () => {
    const a = tempDir();
    const b = tempDir();
    await runCli(['init'], { cwd: a, now: NOW });
    await runCli(['init'], { cwd: b, now: NOW });
    for (const f of FILES) expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))), f).toBe(true);
  });

  it('refuses to overwrite: nothing is written when any of its files exists', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'README.md'), 'my own notes\n');
    mkdirSync(path.join(dir, 'data', 'tmall'), { recursive: true });
    writeFileSync(path.join(dir, 'data', 'tmall', 'tmall-orders.csv'), 'mine\n');
    const r = await runCli(['init'], { cwd: dir, now: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already has data/tmall/tmall-orders.csv, README.md; nothing was written');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('my own notes\n');
    expect(readFileSync(path.join(dir, 'data', 'tmall', 'tmall-orders.csv'), 'utf8')).toBe('mine\n');
    expect(existsSync(path.join(dir, 'ecom-report.yaml'))).toBe(false);
  });

  it('writes an English workspace with --locale en', async () => {
    const dir = tempDir();
    expect((await runCli(['init', '--locale', 'en'], { cwd: dir, now: NOW })).code).toBe(0);
    const config = readFileSync(path.join(dir, 'ecom-report.yaml'), 'utf8');
    expect(config).toContain('locale: en');
    expect(config).toContain('company: Example Shop');
    const validate = await runCli(['validate'], { cwd: dir, now: NOW });
    expect(validate.stderr).toContain('inputs OK');
    expect(validate.code).toBe(0);
    const build = await runCli(['build'], { cwd: dir, now: NOW });
    expect(build.stderr).toContain('wrote out/ecom-report-2026Q3.pptx');
    expect(build.code).toBe(0);
  });
});
