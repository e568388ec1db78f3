// A file that is not text where an export should be is named for what it is, and nothing read
// from a file can put control characters on the user's terminal.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/ingest/problems.js';
import { runCli } from '../helpers/run-cli.js';

const CONFIG = `company: 测试
timezone: Asia/Shanghai
sources:
  - platform: store
    preset: generic
    files: ["orders.csv"]
`;
const GOOD = 'order_id,line_id,paid_at,customer_id,category,paid_amount,status,refund_amount\n1001,1,2026-07-02 10:00:00,c1,食品,100.00,completed,0\n';

function workspaceWith(orders: Buffer | string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-report-bin-'));
  writeFileSync(path.join(dir, 'ecom-report.yaml'), CONFIG);
  writeFileSync(path.join(dir, 'orders.csv'), orders);
  return dir;
}

describe('files that are not text', () => {
  it('a PDF saved as orders.csv is one error saying it is a PDF', async () => {
    const dir = workspaceWith(Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(200, 0)]));
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('orders.csv:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('orders.csv: this is a PDF document, not a CSV export — export the data again');
  });

  it('binary bytes with zeros (not UTF-16) are refused as not text, instead of a garbled header', async () => {
    const bytes = Buffer.from([0x00, 0x01, 0x02, 0x1b, 0x5b, 0x32, 0x4a, 0x41, 0x2c, 0x42, 0x0a, 0x00, 0x00, 0xff, 0x0a]);
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: workspaceWith(bytes) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('orders.csv: this is not a text file (it holds binary data)');
    expect(r.stderr).not.toContain('required column');
    expect(r.stderr).not.toContain('\x1b');
  });

  it('UTF-16 without a byte-order mark has zeros too, and is still read as text', async () => {
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: workspaceWith(Buffer.from(GOOD, 'utf16le')) });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('orders.csv: order_lines (generic, utf16le) read 1, kept 1');
  });

  it('control characters in a header are shown escaped, and a long header is cut', async () => {
    const header = `\x1b]0;pwned\x07订单号${'x'.repeat(100)},金额\n1,2\n`;
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: workspaceWith(header) });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/[\x07\x1b]/);
    expect(r.stderr).toContain('\\x1b]0;pwned\\x07订单号');
    expect(r.stderr).not.toContain('x'.repeat(60));
  });

  it('formatProblem escapes control characters in message, value and hint', () => {
    const line = formatProblem({ severity: 'error', message: 'bad \x1b[31m', value: 'v\x00', hint: 'h\x9b', file: 'f.csv', row: 2, column: 'a' });
    expect(line).toBe("f.csv:2:a: bad \\x1b[31m 'v\\x00' — h\\x9b");
  });

  it('a problem with no place to point at is marked as an error', () => {
    expect(formatProblem({ severity: 'error', message: 'nothing to report' })).toBe('error: nothing to report');
  });
});
