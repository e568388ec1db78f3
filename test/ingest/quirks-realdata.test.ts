// A real Tmall 订单报表 (shared/realdata, never copied into the repository): trailing-space
// headers (`收货地址 `, `订单付款时间 `), CRLF, no status column, unpaid orders with an empty
// payment time. The expected sums are the ones shared/realdata/README.md records for the raw file.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../../src/canonical.js';
import { loadWorkspace } from '../../src/config/load.js';
import { ingestWorkspace } from '../../src/ingest/workspace.js';

const REAL = fileURLToPath(new URL('../../../shared/realdata/tmall_order_report.csv', import.meta.url));
const present = existsSync(REAL);
if (!present) console.log(`skipping real-data quirk tests: ${REAL} is absent`);

describe.skipIf(!present)('real Tmall 订单报表', () => {
  it('reads every order with its amounts, payments and refunds', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ecom-report-real-'));
    writeFileSync(
      path.join(dir, 'ecom-report.yaml'),
      `company: t\ntimezone: Asia/Shanghai\nsources:\n  - platform: tmall\n    preset: tmall-orders\n    files: [${JSON.stringify(REAL)}]\n`,
    );
    const ws = await loadWorkspace('ecom-report.yaml', dir);
    const lines: OrderLine[] = [];
    const r = await ingestWorkspace(ws.config, { baseDir: ws.baseDir, onOrderLine: (l) => lines.push(l) });
    expect(r.problems.list()).toEqual([]);
    expect(r.files[0]).toMatchObject({ encoding: 'utf8', rowsRead: 28010, rowsKept: 28010 });
    expect(lines).toHaveLength(28010);
    expect(lines.reduce((s, l) => s + l.paidAmountMinor, 0)).toBe(190248715);
    expect(lines.reduce((s, l) => s + l.refundAmountMinor, 0)).toBe(57233592);
    expect(lines.filter((l) => l.paidAt === null)).toHaveLength(3923);
    expect(lines.filter((l) => l.refundAmountMinor > 0)).toHaveLength(5646);
    // `订单付款时间 ` (trailing space) was found: paid lines carry their payment time.
    expect(lines.find((l) => l.orderId === '2')?.paidAt).toBe(Date.UTC(2020, 1, 20, 16, 0, 2));
  });
});
