// A formula that failed in the workbook (#DIV/0!, #REF!…) is named as an Excel error, with where
// to fix it, rather than as an amount or date in a shape not understood.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

function workspace(file: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-report-xlerr-'));
  writeFileSync(
    path.join(dir, 'ecom-report.yaml'),
    `company: 测试\ntimezone: Asia/Shanghai\nsources:\n  - platform: store\n    preset: generic\n    files: ["${file}"]\n`,
  );
  return dir;
}

describe('Excel error values', () => {
  it('error cells of an .xlsx are errors naming the value, row and column, with a hint to fix the formula', async () => {
    const dir = workspace('orders.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('订单');
    ws.addRow(['order_id', 'line_id', 'paid_at', 'customer_id', 'category', 'paid_amount', 'status', 'refund_amount']);
    ws.addRow(['1001', '1', '2026-07-02 10:00:00', 'c1', '食品', 100, 'completed', 0]);
    ws.addRow(['1002', '1', '2026-07-03 10:00:00', 'c2', '食品', { formula: 'A1/0', result: { error: '#DIV/0!' } }, 'completed', 0]);
    ws.addRow(['1003', '1', { error: '#REF!' }, 'c3', '食品', 20, 'completed', 0]);
    await wb.xlsx.writeFile(path.join(dir, 'orders.xlsx'));
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(1);
    // exceljs's streaming reader drops the error result of a formula cell, so the formula is shown.
    expect(r.stderr).toContain("orders.xlsx:3:paid_amount: a formula whose result the workbook does not hold: '=A1/0' — the formula failed in Excel");
    expect(r.stderr).toContain("orders.xlsx:4:paid_at: an Excel error value, not a value: '#REF!'");
    expect(r.stderr).toContain('read 3, kept 1, skipped 2 invalid');
  });

  it('a formula with a stored result reads as its result', async () => {
    const dir = workspace('orders.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('订单');
    ws.addRow(['order_id', 'line_id', 'paid_at', 'customer_id', 'category', 'paid_amount', 'status', 'refund_amount']);
    ws.addRow(['1001', '1', '2026-07-02 10:00:00', 'c1', '食品', { formula: '50*2', result: 100 }, 'completed', 0]);
    await wb.xlsx.writeFile(path.join(dir, 'orders.xlsx'));
    const r = await runCli(['metrics', '--quarter', '2026Q3', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).overview.gmv.value).toBe(10000);
  });

  it('the same text in a CSV saved from Excel reads the same way', async () => {
    const dir = workspace('orders.csv');
    writeFileSync(
      path.join(dir, 'orders.csv'),
      'order_id,line_id,paid_at,customer_id,category,paid_amount,status,refund_amount\n1,1,2026-07-02 10:00:00,c1,a,#VALUE!,completed,0\n',
    );
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.stderr).toContain("orders.csv:2:paid_amount: an Excel error value, not a value: '#VALUE!'");
  });
});
