// Error paths of ingest on quirky files: every error names its file, row and column (and says
// what to do), and `validate` exits 1 on errors. Each test builds a tiny workspace of its own.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/config/load.js';
import { formatProblem } from '../../src/ingest/problems.js';
import { ingestWorkspace } from '../../src/ingest/workspace.js';
import { runCli } from '../helpers/run-cli.js';
import { fixtureDir } from './presets/fixture.js';

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-report-quirks-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const config = (preset: string, extra = ''): string => `company: t
timezone: Asia/Shanghai
sources:
  - platform: p
    preset: ${preset}
    files: ["data/*"]
${extra}`;

async function problems(dir: string): Promise<string[]> {
  const ws = await loadWorkspace('ecom-report.yaml', dir);
  const r = await ingestWorkspace(ws.config, { baseDir: ws.baseDir, onOrderLine: () => undefined });
  return r.problems.list().map(formatProblem);
}

const GENERIC_HEADER = 'order_id,line_id,paid_at,customer_id,paid_amount,status';

describe('ingest errors name file, row and column', () => {
  it('a file whose own dates settle day/month needs no dateOrder', async () => {
    // The woocommerce fixture without its dateOrder: it holds 25/07-style dates, so DMY.
    const dir = mkdtempSync(path.join(tmpdir(), 'ecom-report-quirks-'));
    cpSync(fixtureDir('woocommerce-orders'), dir, { recursive: true });
    const yaml = readFileSync(path.join(dir, 'ecom-report.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'ecom-report.yaml'), yaml.replace(/\n\s+dateOrder: DMY/, ''));
    expect(readFileSync(path.join(dir, 'data/orders-2026.csv'), 'utf8')).toMatch(/;(1[3-9]|2\d|3[01])\/0[4-9]\/2026 /);
    expect(await problems(dir)).toEqual([]);
  });

  it('ambiguous day/month with no dateOrder is an error naming the first ambiguous cell, never a guess', async () => {
    const dir = workspace({
      'ecom-report.yaml': config('woocommerce-orders'),
      'data/w.csv': 'Order Number;Order Status;Order Date;Order Line Total\n1;Completed;2026-07-03 10:00;1.00\n2;Completed;03/07/2026 10:00;1.00\n3;Completed;04/07/2026 11:00;1.00\n',
    });
    const found = await problems(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain("data/w.csv:3:Order Date: dates could be day-first or month-first, e.g. '03/07/2026 10:00'");
    expect(found[0]).toContain('set dateOrder: DMY or dateOrder: MDY');
  });

  it('a date that does not fit the dateOrder set', async () => {
    const dir = workspace({
      'ecom-report.yaml': config('generic', '    dateOrder: DMY\n'),
      'data/o.csv': `${GENERIC_HEADER}\n1,1,03/07/2026 10:00,c,1.00,paid\n2,1,07/13/2026 10:00,c,1.00,paid\n`,
    });
    const [p] = await problems(dir);
    expect(p).toContain("data/o.csv:3:paid_at: the date does not fit dateOrder: DMY (its month would be above 12) '07/13/2026 10:00'");
  });

  it('an unknown status says which statuses the preset knows', async () => {
    const dir = workspace({
      'ecom-report.yaml': config('tmall-orders'),
      'data/t.csv': '订单编号,买家实际支付金额,订单付款时间,订单状态\n1001,10.00,2026-07-01 10:00:00,交易成攻\n',
    });
    const [p] = await problems(dir);
    expect(p).toContain("data/t.csv:2:订单状态: unknown order status '交易成攻' — tmall-orders knows the statuses ");
    expect(p).toContain("'交易成功'");
  });

  it('a long id that went through a float (4.10294E+18) is an error, not a rounded id', async () => {
    const dir = workspace({
      'ecom-report.yaml': config('tmall-orders'),
      'data/t.csv': '订单编号,买家实际支付金额,订单付款时间,订单状态\n4.10294E+18,10.00,2026-07-01 10:00:00,交易成功\n',
    });
    const [p] = await problems(dir);
    expect(p).toContain('data/t.csv:2:订单编号: the id was stored as a number and lost its digits');
    expect(p).toContain('format the column as text');
  });

  it('a decimal comma in an amount is an error with the hint to change the number format', async () => {
    const dir = workspace({
      'ecom-report.yaml': config('woocommerce-orders', '    dateOrder: DMY\n'),
      'data/w.csv': 'Order Number;Order Status;Order Date;Order Line Total\n1;Completed;03/07/2026 10:00;12,50\n',
    });
    const [p] = await problems(dir);
    expect(p).toContain("data/w.csv:2:Order Line Total: ',' is not a thousands separator here (decimal comma?) '12,50'");
  });

  it('amountsIn: minor with a fraction of a fen', async () => {
    const dir = workspace({
      'ecom-report.yaml': config('generic', '    amountsIn: minor\n'),
      'data/o.csv': `${GENERIC_HEADER}\n1,1,2026-07-03 10:00,c,1234.5,paid\n`,
    });
    const [p] = await problems(dir);
    expect(p).toContain("data/o.csv:2:paid_amount: a fraction of a minor unit (amounts are set to minor units: 分/cents) '1234.5'");
  });

  it('a paid line with no amount names the amount column', async () => {
    const dir = workspace({
      'ecom-report.yaml': config('generic'),
      'data/o.csv': `${GENERIC_HEADER}\n1,1,2026-07-03 10:00,c,,paid\n`,
    });
    const [p] = await problems(dir);
    expect(p).toContain('data/o.csv:2:paid_amount: a paid line has no paid amount');
  });

  it('row numbers count physical lines, so a row after a quoted line break is numbered as an editor shows it', async () => {
    const dir = workspace({
      'ecom-report.yaml': config('generic'),
      'data/o.csv': `${GENERIC_HEADER},product_name\n1,1,2026-07-03 10:00,c,1.00,paid,"two\nlines"\n2,1,2026-07-03 10:00,c,1.00,payed,x\n`,
    });
    const [p] = await problems(dir);
    expect(p).toContain("data/o.csv:4:status: unknown order status 'payed' — ");
  });

  it('a Shopify export without Lineitem price cannot compute line amounts: the header error says what it looked for', async () => {
    const dir = workspace({
      'ecom-report.yaml': config('shopify-orders'),
      'data/s.csv': 'Name,Email,Financial Status,Paid at,Lineitem quantity\n#1,a@b.c,paid,2026-07-03 10:00:00 -0400,1\n',
    });
    const [p] = await problems(dir);
    expect(p).toContain("data/s.csv:1: required column 'paid_amount' not found");
    expect(p).toContain('or columns for unit_price, quantity to compute it');
  });

  it('a required column that is not there: the hint shows a near header, or else the headers not yet used', async () => {
    const near = workspace({
      'ecom-report.yaml': config('generic'),
      'data/o.csv': 'OrderID,line_id,paid_at,customer_id,paid_amount,status\n1,1,2026-07-03 10:00,c,1.00,paid\n',
    });
    expect((await problems(near))[0]).toBe(
      "data/o.csv:1: required column 'order_id' not found (looked for 'order_id') — map it in the source's columns: (e.g. columns: { order_id: \"OrderID\" })",
    );
    // An online-retail style export: nothing is close to order_id, so the unused headers are listed
    // (Quantity, bound to quantity, is not among them).
    const far = workspace({
      'ecom-report.yaml': config('generic'),
      'data/o.csv': 'InvoiceNo,StockCode,Quantity,InvoiceDate,paid_amount,status\n536365,85123A,6,2026-07-03 10:00,15.30,paid\n',
    });
    expect((await problems(far))[0]).toBe(
      "data/o.csv:1: required column 'order_id' not found (looked for 'order_id') — map it in the source's columns: (e.g. columns: { order_id: \"Your header\" }); the file's other headers are: InvoiceNo, StockCode, InvoiceDate",
    );
  });

  it('validate prints file:row:column: what — hint and exits 1 on errors', async () => {
    const dir = workspace({
      'ecom-report.yaml': config('generic'),
      'data/o.csv': `${GENERIC_HEADER}\n1,1,2026-07-03 10:00,c,abc,paid\n2,1,2026-07-04 10:00,c,5.00,paid\n`,
    });
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^data\/o\.csv:2:paid_amount: not an amount 'abc' — write amounts like /m);
    expect(r.stderr).toContain('data/o.csv: order_lines (generic, utf8) read 2, kept 1, skipped 1 invalid; 2026-07-04 … 2026-07-04');
  });
});

describe('missing inputs', () => {
  it('a source whose files match nothing is an error at its config path and a missing input', async () => {
    const dir = workspace({
      'ecom-report.yaml': `${config('generic')}  - { platform: jd, preset: jd-orders, files: ["jd/*.csv"] }\n`,
      'data/o.csv': `${GENERIC_HEADER}\n1,1,2026-07-03 10:00,c,1.00,paid\n`,
    });
    const ws = await loadWorkspace('ecom-report.yaml', dir);
    const r = await ingestWorkspace(ws.config, { baseDir: ws.baseDir, onOrderLine: () => undefined });
    expect(r.problems.list().map(formatProblem)[0]).toContain('sources[1].files: files ["jd/*.csv"] matched no files');
    expect(r.missing).toContainEqual({ table: 'order_lines', platform: 'jd', path: 'sources[1].files' });
  });

  it('text that is not UTF-8 in a UTF-8 file is one warning naming the first row and column, and the count', async () => {
    // Read as UTF-8 (as set), with GBK bytes from row 3: 面膜 in GBK is C3E6 C4A4, not valid
    // UTF-8. Row 4 repeats row 3's text (found in the cache of decoded texts), row 5 holds it
    // inside a quoted field.
    const gbk = Buffer.from([0xc3, 0xe6, 0xc4, 0xa4]);
    const csv = Buffer.concat([
      Buffer.from('order_id,line_id,paid_at,customer_id,paid_amount,status,product_name\n1,1,2026-07-01 10:00,c1,1.00,paid,面霜\n2,1,2026-07-01 10:00,c1,1.00,paid,'),
      gbk,
      Buffer.from('\n3,1,2026-07-01 10:00,c1,1.00,paid,'),
      gbk,
      Buffer.from('\n4,1,2026-07-01 10:00,c1,1.00,paid,"a, '),
      gbk,
      Buffer.from('"\n5,1,2026-07-01 10:00,c1,1.00,paid,\uFFFD kept as it is\n'),
    ]);
    const dir = workspace({ 'ecom-report.yaml': config('generic', '    encoding: utf8\n'), 'data/o.csv': csv });
    expect(await problems(dir)).toEqual([
      'data/o.csv:3:product_name: warning: text that is not valid UTF-8 (shown as �) in 3 rows, the first here — the file may mix encodings (part UTF-8, part GBK) or be damaged: export it again as UTF-8, or set encoding: gb18030 on this source if it is GBK throughout',
    ]);
    // Valid UTF-8 throughout, U+FFFD included: no warning.
    const clean = workspace({ 'ecom-report.yaml': config('generic'), 'data/o.csv': `${GENERIC_HEADER},product_name\n1,1,2026-07-01 10:00,c1,1.00,paid,\uFFFD 面霜\n` });
    expect(await problems(clean)).toEqual([]);
  });

  it('a small UTF-8 file with one GBK row inside its first MiB is still read as UTF-8, and says so', async () => {
    // Auto-detected: 200 rows of UTF-8 Chinese, then one row whose 面膜 is GBK (C3E6 C4A4), then
    // UTF-8 again: more UTF-8 characters after the GBK row than bad bytes in it.
    const filler = Array.from({ length: 200 }, (_, i) => `${i + 10},1,2026-07-01 10:00,c1,1.00,paid,面霜 50ml`).join('\n');
    const csv = Buffer.concat([
      Buffer.from(`order_id,line_id,paid_at,customer_id,paid_amount,status,product_name\n${filler}\n1,1,2026-07-01 10:00,c1,1.00,paid,`),
      Buffer.from([0xc3, 0xe6, 0xc4, 0xa4]),
      Buffer.from('\n2,1,2026-07-01 10:00,c1,1.00,paid,面霜 50ml\n'),
    ]);
    const dir = workspace({ 'ecom-report.yaml': config('generic'), 'data/o.csv': csv });
    const found = await problems(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^data\/o\.csv:202:product_name: warning: text that is not valid UTF-8 \(shown as �\) in 1 row, the first here — /);
  });

  it('a UTF-8 export with a GBK export joined below it is read in both encodings, and says where it changes', async () => {
    // Header and 40 UTF-8 rows (rows 2–41, category 女装), then 40 rows in GBK (rows 42–81,
    // category 男装): the whole file is the encoding sample, and it is not valid UTF-8.
    const row = (i: number, category: string): string => `${100 + i},1,2026-07-01 10:00,c${i},1.00,paid,连衣裙 ${i},${category}\n`;
    let utf8 = `${GENERIC_HEADER},product_name,category\n`;
    for (let i = 0; i < 40; i++) utf8 += row(i, '女装');
    let gbk = '';
    for (let i = 40; i < 80; i++) gbk += row(i, '男装');
    const dir = workspace({ 'ecom-report.yaml': config('generic'), 'data/o.csv': Buffer.concat([Buffer.from(utf8), iconv.encode(gbk, 'gbk')]) });
    const ws = await loadWorkspace('ecom-report.yaml', dir);
    const categories = new Map<string, number>();
    const products: string[] = [];
    const r = await ingestWorkspace(ws.config, {
      baseDir: ws.baseDir,
      onOrderLine: (l) => {
        categories.set(l.category ?? '', (categories.get(l.category ?? '') ?? 0) + 1);
        products.push(l.productName ?? '');
      },
    });
    expect([...categories]).toEqual([
      ['女装', 40],
      ['男装', 40],
    ]);
    expect(products[0]).toBe('连衣裙 0');
    expect(products[79]).toBe('连衣裙 79');
    expect(r.problems.list().map(formatProblem)).toEqual([
      'data/o.csv:42: warning: the file changes from UTF-8 to GBK here: the rows before are read as UTF-8, this one and those after as GBK — two exports saved in different encodings seem to have been joined into one: check that the product names and categories of the rows around here read right, or save the file again in one encoding (UTF-8)',
    ]);
    expect(r.files[0]!.encoding).toBe('UTF-8, GBK from row 42');
    // The other way round: GBK first, UTF-8 joined below.
    const turned = workspace({ 'ecom-report.yaml': config('generic'), 'data/o.csv': Buffer.concat([iconv.encode(utf8, 'gbk'), Buffer.from(gbk)]) });
    const ws3 = await loadWorkspace('ecom-report.yaml', turned);
    const cats3 = new Map<string, number>();
    const r3 = await ingestWorkspace(ws3.config, { baseDir: ws3.baseDir, onOrderLine: (l) => void cats3.set(l.category ?? '', (cats3.get(l.category ?? '') ?? 0) + 1) });
    expect([...cats3]).toEqual([
      ['女装', 40],
      ['男装', 40],
    ]);
    expect(r3.problems.list().map(formatProblem)).toEqual([
      'data/o.csv:42: warning: the file changes from GBK to UTF-8 here: the rows before are read as GBK, this one and those after as UTF-8 — two exports saved in different encodings seem to have been joined into one: check that the product names and categories of the rows around here read right, or save the file again in one encoding (UTF-8)',
    ]);
    expect(r3.files[0]!.encoding).toBe('GBK, UTF-8 from row 42');
    // GBK throughout is GBK throughout, with no warning.
    const plain = workspace({ 'ecom-report.yaml': config('generic'), 'data/o.csv': iconv.encode(utf8 + gbk, 'gbk') });
    const again = await loadWorkspace('ecom-report.yaml', plain);
    const r2 = await ingestWorkspace(again.config, { baseDir: again.baseDir, onOrderLine: () => undefined });
    expect(r2.problems.list()).toEqual([]);
    expect(r2.files[0]!.encoding).toBe('gb18030');
  });

  it('a file read as UTF-8 from its first MiB that holds GBK further on says so', async () => {
    // Auto-detection sees UTF-8 Chinese in the first MiB; the GBK row comes after it.
    const filler = Array.from({ length: 24_000 }, (_, i) => `${i + 10},1,2026-07-01 10:00,c1,1.00,paid,面霜 50ml`).join('\n');
    const csv = Buffer.concat([
      Buffer.from(`order_id,line_id,paid_at,customer_id,paid_amount,status,product_name\n${filler}\n1,1,2026-07-01 10:00,c1,1.00,paid,`),
      Buffer.from([0xc3, 0xe6, 0xc4, 0xa4]),
      Buffer.from('\n2,1,2026-07-01 10:00,c1,1.00,paid,面霜 50ml\n'),
    ]);
    expect(csv.length).toBeGreaterThan(1 << 20);
    const dir = workspace({ 'ecom-report.yaml': config('generic'), 'data/o.csv': csv });
    const found = await problems(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^data\/o\.csv:24002:product_name: warning: text that is not valid UTF-8 \(shown as �\) in 1 row, the first here — /);
  });
});
