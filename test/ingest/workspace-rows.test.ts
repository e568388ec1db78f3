// Rows ingest skips before reading cells: blank rows, summary rows (合计 … Grand total) and the
// header pasted again (any case or padding); counted by hand from the file below.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OrderLine } from '../../src/canonical.js';
import { loadWorkspace } from '../../src/config/load.js';
import { ingestWorkspace } from '../../src/ingest/workspace.js';

const root = mkdtempSync(path.join(tmpdir(), 'ecom-rows-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('skipped rows', () => {
  it('blank, summary and repeated-header rows are counted and never become lines', async () => {
    writeFileSync(path.join(root, 'ecom-report.yaml'), 'company: T\ntimezone: Asia/Shanghai\nsources:\n  - { platform: store, preset: generic, files: [orders.csv] }\n');
    const header = 'order_id,paid_at,paid_amount,status';
    writeFileSync(
      path.join(root, 'orders.csv'),
      [
        header,
        'A1,2026-07-01 10:00,10.00,completed',
        ' , ,,', // blank
        'Grand total,,10.00,', // summary
        'SUM,,10.00,', // summary
        ',合计,10.00,', // summary: the first non-blank cell counts
        '  ORDER_ID ,Paid_At,PAID_AMOUNT,status', // the header again
        'Gift set 2,2026-07-02 10:00,5.00,completed', // starts with g but is an order
        'Total,,15.00,', // summary
      ].join('\n') + '\n',
    );
    const ws = await loadWorkspace('ecom-report.yaml', root);
    const lines: OrderLine[] = [];
    const result = await ingestWorkspace(ws.config, { baseDir: ws.baseDir, onOrderLine: (l) => lines.push(l) });
    expect(lines.map((l) => l.orderId)).toEqual(['A1', 'Gift set 2']);
    const file = result.files[0]!;
    expect(file.skipped).toEqual({ blank: 1, repeatedHeader: 1, summary: 4, invalid: 0, duplicate: 0 });
    // every record after the header, the blank one too: 2 kept + 1 + 1 + 4 skipped
    expect(file.rowsRead).toBe(8);
  });
});

describe('run keys', () => {
  it('one key per (platform, order) and per (platform, buyer), across files, in order of first sight', async () => {
    const dir = path.join(root, 'keys');
    writeFileSync(path.join(root, 'keys.yaml'), [
      'company: T',
      'timezone: Asia/Shanghai',
      'sources:',
      '  - { platform: tmall, preset: generic, files: [keys/t1.csv, keys/t2.csv] }',
      '  - { platform: jd, preset: generic, files: [keys/j.csv] }',
      '',
    ].join('\n'));
    const head = 'order_id,line_id,customer_id,paid_at,paid_amount,status';
    const at = '2026-07-01 10:00';
    mkdirSync(dir, { recursive: true });
    // O1 comes back after O2 (not consecutive); t2 repeats O2 line 1 (a duplicate) and adds O3.
    writeFileSync(path.join(dir, 't1.csv'), [head, `O1,1,C1,${at},1.00,paid`, `O2,1,C2,${at},2.00,paid`, `O1,2,C1,${at},3.00,paid`].join('\n') + '\n');
    writeFileSync(path.join(dir, 't2.csv'), [head, `O2,1,C2,${at},2.00,paid`, `O3,1,,${at},4.00,paid`].join('\n') + '\n');
    // The same ids on another platform are other orders and buyers.
    writeFileSync(path.join(dir, 'j.csv'), [head, `O1,1,C1,${at},5.00,paid`].join('\n') + '\n');
    const ws = await loadWorkspace('keys.yaml', root);
    const lines: OrderLine[] = [];
    const result = await ingestWorkspace(ws.config, { baseDir: ws.baseDir, onOrderLine: (l) => lines.push(l) });
    expect(result.problems.list()).toEqual([]);
    expect(lines.map((l) => [l.platform, l.orderId, l.lineId, l.orderKey, l.buyerKey])).toEqual([
      ['tmall', 'O1', '1', 0, 0],
      ['tmall', 'O2', '1', 1, 1],
      ['tmall', 'O1', '2', 0, 0],
      ['tmall', 'O3', '1', 2, -1],
      ['jd', 'O1', '1', 3, 2],
    ]);
    expect(result.files.map((f) => f.skipped.duplicate)).toEqual([0, 1, 0]);
    expect(result.keys).toMatchObject({ orders: 4, buyers: 3 });
    expect(result.keys.bytes).toBeGreaterThan(0);
  });

  it('a line that comes back with another status or refund is counted once and warned about, naming both files', async () => {
    const dir = path.join(root, 'overlap');
    writeFileSync(path.join(root, 'overlap.yaml'), ['company: T', 'timezone: Asia/Shanghai', 'sources:', '  - { platform: tmall, preset: generic, files: [overlap/*.csv] }', ''].join('\n'));
    const head = 'order_id,line_id,customer_id,paid_at,paid_amount,status,refund_amount';
    const at = '2026-07-01 10:00';
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'a.csv'), [head, `A,1,C1,${at},100.00,paid,0`, `B,1,C2,${at},50.00,paid,0`].join('\n') + '\n');
    // The newer export: A refunded since; B unchanged (a plain duplicate, no warning).
    writeFileSync(path.join(dir, 'b.csv'), [head, `A,1,C1,${at},100.00,refunded,100.00`, `B,1,C2,${at},50.00,paid,0`].join('\n') + '\n');
    const ws = await loadWorkspace('overlap.yaml', root);
    const lines: OrderLine[] = [];
    const result = await ingestWorkspace(ws.config, { baseDir: ws.baseDir, onOrderLine: (l) => lines.push(l) });
    expect(lines.map((l) => [l.orderId, l.status, l.refundAmountMinor])).toEqual([['A', 'paid', 0], ['B', 'paid', 0]]);
    expect(result.files.map((f) => f.skipped.duplicate)).toEqual([0, 2]);
    const problems = result.problems.list();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'warning',
      file: 'overlap/b.csv',
      row: 2,
      message: 'order A line 1 also appears in overlap/a.csv with a different status or refund; the first one read (overlap/a.csv) is kept',
    });
  });

  it('conflicting duplicates are shown as five examples and a count, not one line each', async () => {
    const dir = path.join(root, 'flood');
    writeFileSync(path.join(root, 'flood.yaml'), ['company: T', 'timezone: Asia/Shanghai', 'sources:', '  - { platform: tmall, preset: generic, files: [flood/*.csv] }', ''].join('\n'));
    const head = 'order_id,line_id,customer_id,paid_at,paid_amount,status,refund_amount';
    mkdirSync(dir, { recursive: true });
    const rows = (amount: string) => Array.from({ length: 12 }, (_, i) => `O${i},1,C1,2026-07-01 10:00,${amount},paid,0`);
    writeFileSync(path.join(dir, 'a.csv'), [head, ...rows('10.00')].join('\n') + '\n');
    writeFileSync(path.join(dir, 'b.csv'), [head, ...rows('20.00')].join('\n') + '\n');
    const ws = await loadWorkspace('flood.yaml', root);
    const result = await ingestWorkspace(ws.config, { baseDir: ws.baseDir, onOrderLine: () => {} });
    const problems = result.problems.list();
    // 12 conflicts: 5 examples naming their orders, then one line for the other 7.
    expect(problems).toHaveLength(6);
    expect(problems.slice(0, 5).map((p) => p.row)).toEqual([2, 3, 4, 5, 6]);
    expect(problems[5]).toMatchObject({ file: 'flood/b.csv', message: '… and 7 more rows with the same problem' });
  });
});
