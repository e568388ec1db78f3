// Rows ingest skips before reading cells: blank rows, summary rows (合计 … Grand total) and the
// header pasted again (any case or padding); counted by hand from the file below.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
    expect(file.rowsRead).toBe(7);
  });
});
