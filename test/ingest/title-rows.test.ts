// Back offices put a title or an export time above the header ("订单列表", "导出时间：…"); the
// header is found below them, with a warning that names what was left out.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const HEADER = 'order_id,line_id,paid_at,customer_id,category,paid_amount,status,refund_amount';
const ROWS = ['1001,1,2026-07-02 10:00:00,c1,食品,100.00,completed,0', '1002,1,2026-08-03 11:00:00,c2,食品,50.50,completed,10.00'];

function workspace(file: string, contents?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-report-title-'));
  writeFileSync(
    path.join(dir, 'ecom-report.yaml'),
    `company: 测试\ntimezone: Asia/Shanghai\nsources:\n  - platform: store\n    preset: generic\n    files: ["${file}"]\n`,
  );
  if (contents !== undefined) writeFileSync(path.join(dir, file), contents);
  return dir;
}

describe('title rows above the header', () => {
  it('two title rows and a blank one are left out with a warning; every data row is read', async () => {
    const dir = workspace('orders.csv', ['订单列表,,,', '导出时间：2026-10-01 08:00:00', '', HEADER, ...ROWS, ''].join('\n'));
    const r = await runCli(['metrics', '--quarter', '2026Q3', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("orders.csv:1: warning: 2 title rows above the header left out: '订单列表', '导出时间：2026-10-01 08:00:00'");
    const doc = JSON.parse(r.stdout);
    // 100.00 + 50.50 paid in the quarter
    expect(doc.overview.gmv.value).toBe(15050);
    expect(doc.overview.orders.value).toBe(2);
  });

  it('in an .xlsx export too', async () => {
    const dir = workspace('orders.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('订单');
    ws.addRow(['京东订单导出']);
    ws.addRow(HEADER.split(','));
    for (const row of ROWS) ws.addRow(row.split(','));
    await wb.xlsx.writeFile(path.join(dir, 'orders.xlsx'));
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("orders.xlsx:1: warning: a title row above the header left out: '京东订单导出'");
    expect(r.stderr).toContain('orders.xlsx: order_lines (generic, xlsx) read 2, kept 2');
  });

  it('a real header with a column missing stays the header: its problem is reported, not a data row taken for it', async () => {
    const dir = workspace('orders.csv', [HEADER.replace('paid_amount', 'amount'), ...ROWS].join('\n'));
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("orders.csv:1: required column 'paid_amount' not found");
    expect(r.stderr).not.toContain('title row');
  });

  it('a one-cell first row over a header that does not map is not taken for a title', async () => {
    const dir = workspace('orders.csv', ['订单列表', 'a,b,c', '1,2,3'].join('\n'));
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("orders.csv:1: required column 'order_id' not found");
    expect(r.stderr).not.toContain('title row');
  });
});
