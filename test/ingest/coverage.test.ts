// Coverage of the report quarter by the order exports: gaps are said, chance quiet days are not.
import { describe, expect, it } from 'vitest';
import { coverageWarnings, orderCoverage } from '../../src/ingest/coverage.js';
import { coverageByPlatform, type FileSummary } from '../../src/ingest/workspace.js';
import { quarterPeriod } from '../../src/time/quarter.js';

const q3 = quarterPeriod({ year: 2026, quarter: 3 }, 'Asia/Shanghai');

function file(platform: string, firstAt: string, lastAt: string, rowsKept: number, table: FileSummary['table'] = 'order_lines'): FileSummary {
  return {
    file: `${platform}.csv`, platform, table, preset: 'generic', encoding: 'utf8', bytes: 1, rowsRead: rowsKept, rowsKept,
    skipped: {} as FileSummary['skipped'],
    // Instants in Shanghai time (UTC+8): 07-01 00:30 local is 06-30 16:30 UTC.
    firstAt: Date.parse(`${firstAt}+08:00`), lastAt: Date.parse(`${lastAt}+08:00`),
  };
}

describe('order coverage of the quarter', () => {
  it('joins a platform\'s files and reads days in the workspace zone', () => {
    const cov = orderCoverage(coverageByPlatform([file('tmall', '2026-07-01T00:30:00', '2026-07-31T23:00:00', 310), file('tmall', '2026-08-01T08:00:00', '2026-09-30T23:50:00', 610), file('jd', '2026-04-01T10:00:00', '2026-06-30T23:59:00', 9, 'order_lines')]), q3, 'Asia/Shanghai');
    expect(cov).toEqual([
      { platform: 'tmall', first: '2026-07-01', last: '2026-09-30', lines: 920, coverage: 'full' },
      { platform: 'jd', first: '2026-04-01', last: '2026-06-30', lines: 9, coverage: 'none' },
    ]);
  });

  it('warns when a busy platform\'s exports stop a month early, and about a platform with nothing in the quarter', () => {
    // 62 days (07-01 … 08-31) with 620 lines: 10 a day, so 30 empty days are no chance.
    const cov = orderCoverage(coverageByPlatform([file('store', '2026-07-01T09:00:00', '2026-08-31T20:00:00', 620), file('jd', '2026-04-01T10:00:00', '2026-06-30T12:00:00', 90)]), q3, 'Asia/Shanghai');
    const warnings = coverageWarnings(cov, q3, '2026-12-04').map((w) => w.message);
    expect(warnings).toEqual([
      'store: the order exports cover 2026-07-01 … 2026-08-31 of 2026Q3 (2026-07-01 … 2026-09-30); its figures for the quarter are partial',
      'jd: no order line falls in 2026Q3; its exports cover 2026-04-01 … 2026-06-30',
    ]);
  });

  it('stays quiet when a small shop simply sold nothing on the last days', () => {
    // 91 lines over 07-01 … 09-28 (90 days, about one a day): two quiet days expect 2 lines, under 5.
    const cov = orderCoverage(coverageByPlatform([file('store', '2026-07-01T09:00:00', '2026-09-28T20:00:00', 91)]), q3, 'Asia/Shanghai');
    expect(cov[0]!.coverage).toBe('partial');
    expect(coverageWarnings(cov, q3, '2026-12-04')).toEqual([]);
    // The same gap at 3 lines a day (expects 6) is worth a word.
    const busy = orderCoverage(coverageByPlatform([file('store', '2026-07-01T09:00:00', '2026-09-28T20:00:00', 270)]), q3, 'Asia/Shanghai');
    expect(coverageWarnings(busy, q3, '2026-12-04')).toHaveLength(1);
  });

  it('says when no order line falls in the quarter at all (a typo in --quarter)', () => {
    const cov = orderCoverage(coverageByPlatform([file('store', '2025-07-01T09:00:00', '2025-09-30T20:00:00', 900), file('jd', '2025-08-01T09:00:00', '2025-10-02T20:00:00', 50)]), q3, 'Asia/Shanghai');
    expect(coverageWarnings(cov, q3, '2026-12-04')).toEqual([
      { message: 'no order line falls in 2026Q3 (2026-07-01 … 2026-09-30); the exports cover 2025-07-01 … 2025-10-02', hint: 'check --quarter, or add the exports for that quarter to the sources' },
    ]);
  });

  it('a quarter still running is said once, and its days still to come are no gap', () => {
    const cov = orderCoverage(coverageByPlatform([file('store', '2026-07-01T09:00:00', '2026-09-14T20:00:00', 7600)]), q3, 'Asia/Shanghai');
    // Today 09-15: data to yesterday (09-14) is complete so far.
    expect(coverageWarnings(cov, q3, '2026-09-15').map((w) => w.message)).toEqual(['2026Q3 is not over yet (it ends 2026-09-30); the deck shows the days so far']);
    // Today 09-20: five days missing at 100 a day.
    expect(coverageWarnings(cov, q3, '2026-09-20')).toHaveLength(2);
  });
});
