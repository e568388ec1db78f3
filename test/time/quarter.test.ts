import { describe, expect, it } from 'vitest';
import {
  lastCompleteQuarter,
  monthBoundaries,
  parseQuarter,
  quarterOf,
  quarterPeriod,
  reportPeriods,
} from '../../src/time/quarter.js';

describe('parseQuarter', () => {
  it.each([
    ['2026Q3', 2026, 3],
    ['2026-Q3', 2026, 3],
    ['2026q1', 2026, 1],
    ['Q3 2026', 2026, 3],
    ['q4-2025', 2025, 4],
    [' 2026 Q2 ', 2026, 2],
    ['2026年第三季度', 2026, 3],
  ])('%s → %i Q%i', (text, year, quarter) => {
    expect(parseQuarter(text)).toEqual({ year, quarter });
  });

  it.each(['2026Q5', 'Q0 2026', '2026', 'third quarter', '26Q3', ''])('rejects %j', (text) => {
    expect(parseQuarter(text)).toBeUndefined();
  });
});

describe('quarter periods', () => {
  it('2026Q3 in Asia/Shanghai starts at local midnight (UTC 16:00 the day before)', () => {
    const p = quarterPeriod({ year: 2026, quarter: 3 }, 'Asia/Shanghai');
    expect(p).toEqual({
      label: '2026Q3',
      start: '2026-07-01',
      end: '2026-09-30',
      startMs: Date.UTC(2026, 5, 30, 16),
      endMs: Date.UTC(2026, 8, 30, 16),
    });
  });

  it('the previous quarter and the year-ago quarter', () => {
    const p = reportPeriods({ year: 2026, quarter: 1 }, 'UTC');
    expect([p.current.start, p.current.end]).toEqual(['2026-01-01', '2026-03-31']);
    expect([p.previous.label, p.previous.start, p.previous.end]).toEqual(['2025Q4', '2025-10-01', '2025-12-31']);
    expect([p.yearAgo.label, p.yearAgo.start, p.yearAgo.end]).toEqual(['2025Q1', '2025-01-01', '2025-03-31']);
  });

  it('a fiscal year starting in April: FY2026 Q4 is January to March 2027', () => {
    const p = quarterPeriod({ year: 2026, quarter: 4 }, 'UTC', 4);
    expect([p.start, p.end]).toEqual(['2027-01-01', '2027-03-31']);
    expect(quarterOf(Date.UTC(2027, 1, 10), 'UTC', 4)).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf(Date.UTC(2026, 3, 1), 'UTC', 4)).toEqual({ year: 2026, quarter: 1 });
  });

  it('paid 2026-09-30 23:30 Shanghai is Q3, and the same instant read as UTC is still Q3', () => {
    const instant = Date.UTC(2026, 8, 30, 15, 30); // 23:30 at UTC+8
    expect(quarterOf(instant, 'Asia/Shanghai')).toEqual({ year: 2026, quarter: 3 });
    expect(quarterOf(instant, 'UTC')).toEqual({ year: 2026, quarter: 3 });
    const q3 = quarterPeriod({ year: 2026, quarter: 3 }, 'Asia/Shanghai');
    expect(instant >= q3.startMs && instant < q3.endMs).toBe(true);
  });

  it('00:10 on 1 October in Shanghai is Q4 there but still Q3 in UTC', () => {
    const instant = Date.UTC(2026, 8, 30, 16, 10);
    expect(quarterOf(instant, 'Asia/Shanghai')).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf(instant, 'UTC')).toEqual({ year: 2026, quarter: 3 });
  });

  it('New York quarters follow daylight saving time (EDT, UTC-4, on 1 July)', () => {
    const p = quarterPeriod({ year: 2026, quarter: 3 }, 'America/New_York');
    expect(p.startMs).toBe(Date.UTC(2026, 6, 1, 4));
    expect(p.endMs).toBe(Date.UTC(2026, 9, 1, 4));
  });
});

describe('lastCompleteQuarter', () => {
  it('on 2026-11-24 the last complete quarter is 2026Q3', () => {
    expect(lastCompleteQuarter(Date.UTC(2026, 10, 24, 12), 'Asia/Shanghai')).toEqual({ year: 2026, quarter: 3 });
  });
  it('just after midnight on 1 October in Shanghai, Q3 is complete there but not in UTC', () => {
    const now = Date.UTC(2026, 8, 30, 16, 30);
    expect(lastCompleteQuarter(now, 'Asia/Shanghai')).toEqual({ year: 2026, quarter: 3 });
    expect(lastCompleteQuarter(now, 'UTC')).toEqual({ year: 2026, quarter: 2 });
  });
  it('in January the last complete quarter is Q4 of the year before', () => {
    expect(lastCompleteQuarter(Date.UTC(2027, 0, 15), 'UTC')).toEqual({ year: 2026, quarter: 4 });
  });
});

describe('monthBoundaries', () => {
  it('gives local month starts up to the month after the period', () => {
    const p = quarterPeriod({ year: 2026, quarter: 3 }, 'Asia/Shanghai');
    const b = monthBoundaries(p, 2, 'Asia/Shanghai');
    expect(b.map((x) => x.month)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10']);
    expect(b[0]!.startMs).toBe(Date.UTC(2026, 5, 30, 16));
    expect(b[3]!.startMs).toBe(Date.UTC(2026, 8, 30, 16));
  });
});
