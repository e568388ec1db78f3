// Every preset fixture through the real ingest and overview: the figures, row counts, spot
// values and problems must be the ones the generator wrote down from its own truth.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/ingest/problems.js';
import { runCli } from '../../helpers/run-cli.js';
import { PRESET_FIXTURES, fixtureDir, lineKey, runFixture } from './fixture.js';

describe.each(PRESET_FIXTURES)('fixture %s', (name) => {
  it('gives the generator\'s figures for the quarter and the one before', async () => {
    const { overview, expected } = await runFixture(name);
    const pick = (k: 'value' | 'previous') => ({
      gmvMinor: overview.gmv[k],
      refundsMinor: overview.refunds[k],
      orders: overview.orders[k],
      buyers: overview.buyers[k],
    });
    expect(pick('value')).toEqual(expected.figures.current);
    expect(pick('previous')).toEqual(expected.figures.previous);
  });

  it('reads, keeps and skips the rows the generator wrote, for the reasons it planted', async () => {
    const { result, expected } = await runFixture(name);
    expect(result.orderLines).toBe(expected.orderLines);
    expect(
      result.files.map((f) => ({ file: f.file, encoding: f.encoding, rowsRead: f.rowsRead, rowsKept: f.rowsKept, skipped: f.skipped })),
    ).toEqual(expected.files);
  });

  it('carries every quirky value through exactly', async () => {
    const { lines, expected } = await runFixture(name);
    expect(expected.spots.length).toBeGreaterThan(0);
    for (const spot of expected.spots) {
      const line = lines.get(lineKey(spot.orderId, spot.lineId));
      expect(line, spot.quirk).toBeDefined();
      for (const [field, value] of Object.entries(spot.expect)) {
        expect((line as unknown as Record<string, unknown>)[field], `${spot.quirk}: ${field}`).toEqual(value);
      }
    }
  });

  it('reports exactly the planted problems, each with file and row', async () => {
    const { result, expected } = await runFixture(name);
    const problems = result.problems.list();
    expect(problems).toHaveLength(expected.problems.length);
    expected.problems.forEach((want, i) => {
      const got = problems[i]!;
      expect(got.severity).toBe(want.severity);
      expect(formatProblem(got)).toContain(`${want.file}:${want.row}${want.column ? `:${want.column}` : ''}: `);
      expect(got.message).toContain(want.says);
    });
  });

  it('passes `ecom-report validate` (warnings do not fail) and summarises each file', async () => {
    const { expected } = await runFixture(name);
    const r = await runCli(['validate', '--quarter', expected.quarter, '--config', 'ecom-report.yaml'], { cwd: fixtureDir(name) });
    expect(r.code, r.stderr).toBe(0);
    for (const f of expected.files) {
      expect(r.stderr).toContain(`${f.file}: `);
      expect(r.stderr).toContain(`read ${f.rowsRead}, kept ${f.rowsKept}`);
    }
  });
});

describe('generic fixture side tables', () => {
  it('reads traffic (lone-CR lines, Total row), tickets, inventory and purchase orders', async () => {
    const { result, expected } = await runFixture('generic');
    for (const [table, want] of Object.entries(expected.tables ?? {})) {
      const rows = result.tables[table as keyof typeof result.tables] ?? [];
      expect(rows, table).toHaveLength(want.rows);
      for (const [column, sum] of Object.entries(want.sums ?? {})) {
        expect(rows.reduce((s, r) => s + (r[column] as number), 0), `${table}.${column}`).toBe(sum);
      }
    }
  });
});

describe('ingest summary for the data-health note', () => {
  it('coverage per platform and table: files, rows read/kept and the dates covered', async () => {
    const { result, expected, lines } = await runFixture('tmall-orders');
    const dated = [...lines.values()].map((l) => l.paidAt ?? l.createdAt).filter((t): t is number => t !== null);
    expect(result.coverage).toEqual([
      {
        platform: 'tmall',
        table: 'order_lines',
        files: 2,
        rowsRead: expected.files.reduce((s, f) => s + f.rowsRead, 0),
        rowsKept: expected.files.reduce((s, f) => s + f.rowsKept, 0),
        firstAt: Math.min(...dated),
        lastAt: Math.max(...dated),
      },
    ]);
  });

  it('lists the tables no source provides', async () => {
    const { result } = await runFixture('tmall-orders');
    expect(result.missing.map((m) => m.table).sort()).toEqual(['inventory_snapshots', 'purchase_orders', 'reviews', 'service_tickets', 'traffic_daily']);
    const generic = await runFixture('generic');
    expect(generic.result.missing).toEqual([{ table: 'reviews' }]);
  });
});
