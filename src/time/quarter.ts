// Report quarters: parsing the user's spelling, and the three periods a report compares
// (the quarter, the one before, the same one a year earlier). Pure: "now" is an argument.
import dayjs from 'dayjs';
import timezonePlugin from 'dayjs/plugin/timezone.js';
import utcPlugin from 'dayjs/plugin/utc.js';
import { epochToLocalDate } from './zone.js';

dayjs.extend(utcPlugin);
dayjs.extend(timezonePlugin);

/** Epoch ms of local midnight starting a calendar day in a zone (dayjs: a handful of calls per
 * report, so its Intl round-trips cost nothing here; the hot ingest path uses ./zone.js). */
function localMidnight(timeZone: string, y: number, m: number): number {
  return dayjs.tz(`${y}-${pad(m)}-01 00:00:00`, timeZone).valueOf();
}

export interface Quarter {
  /** Fiscal year: the calendar year in which that fiscal year starts. */
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export interface Period {
  /** e.g. 2026Q3 */
  label: string;
  /** First local day, inclusive (YYYY-MM-DD). */
  start: string;
  /** Last local day, inclusive (YYYY-MM-DD). */
  end: string;
  /** Epoch ms of local midnight starting `start`. */
  startMs: number;
  /** Epoch ms of local midnight after `end` (exclusive bound). */
  endMs: number;
}

export interface ReportPeriods {
  current: Period;
  previous: Period;
  yearAgo: Period;
}

const QUARTER_FORMS = [
  /^(\d{4})\s*-?\s*Q([1-4])$/i, // 2026Q3, 2026-Q3, 2026 Q3
  /^Q([1-4])\s*[-/ ]?\s*(\d{4})$/i, // Q3 2026, Q3-2026
  /^(\d{4})年?\s*第?([1-4一二三四])季度$/, // 2026年第三季度, 2026年Q3 is covered above
];

const CJK_DIGITS: Record<string, 1 | 2 | 3 | 4> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/** Parses `2026Q3`, `2026-Q3`, `Q3 2026` (and 2026年第三季度); undefined when not a quarter. */
export function parseQuarter(text: string): Quarter | undefined {
  const trimmed = text.trim();
  for (const [i, form] of QUARTER_FORMS.entries()) {
    const m = form.exec(trimmed);
    if (!m) continue;
    const yearText = i === 1 ? m[2]! : m[1]!;
    const qText = i === 1 ? m[1]! : m[2]!;
    const q = CJK_DIGITS[qText] ?? (Number(qText) as 1 | 2 | 3 | 4);
    return { year: Number(yearText), quarter: q };
  }
  return undefined;
}

export function quarterLabel(q: Quarter): string {
  return `${q.year}Q${q.quarter}`;
}

export function shiftQuarter(q: Quarter, by: number): Quarter {
  const index = q.year * 4 + (q.quarter - 1) + by;
  return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter['quarter'] };
}

/** First calendar month (year, 1-based month) of a fiscal quarter. */
function firstMonth(q: Quarter, fiscalYearStartMonth: number): { year: number; month: number } {
  const monthIndex = q.year * 12 + (fiscalYearStartMonth - 1) + (q.quarter - 1) * 3;
  return { year: Math.floor(monthIndex / 12), month: (monthIndex % 12) + 1 };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function quarterPeriod(q: Quarter, timeZone: string, fiscalYearStartMonth = 1): Period {
  const first = firstMonth(q, fiscalYearStartMonth);
  const afterIndex = first.year * 12 + (first.month - 1) + 3;
  const after = { year: Math.floor(afterIndex / 12), month: (afterIndex % 12) + 1 };
  const startMs = localMidnight(timeZone, first.year, first.month);
  const endMs = localMidnight(timeZone, after.year, after.month);
  // The last day: the day before the first of the following month.
  const lastDay = new Date(Date.UTC(after.year, after.month - 1, 0)).getUTCDate();
  const lastMonthIndex = afterIndex - 1;
  const lastYear = Math.floor(lastMonthIndex / 12);
  const lastMonth = (lastMonthIndex % 12) + 1;
  return {
    label: quarterLabel(q),
    start: `${first.year}-${pad(first.month)}-01`,
    end: `${lastYear}-${pad(lastMonth)}-${pad(lastDay)}`,
    startMs,
    endMs,
  };
}

export function reportPeriods(q: Quarter, timeZone: string, fiscalYearStartMonth = 1): ReportPeriods {
  return {
    current: quarterPeriod(q, timeZone, fiscalYearStartMonth),
    previous: quarterPeriod(shiftQuarter(q, -1), timeZone, fiscalYearStartMonth),
    yearAgo: quarterPeriod(shiftQuarter(q, -4), timeZone, fiscalYearStartMonth),
  };
}

/** The fiscal quarter containing an instant. */
export function quarterOf(epochMs: number, timeZone: string, fiscalYearStartMonth = 1): Quarter {
  const day = epochToLocalDate(timeZone, epochMs);
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const fiscalMonthIndex = year * 12 + (month - 1) - (fiscalYearStartMonth - 1);
  const fiscalYear = Math.floor(fiscalMonthIndex / 12);
  const quarter = (Math.floor((fiscalMonthIndex % 12) / 3) + 1) as Quarter['quarter'];
  return { year: fiscalYear, quarter };
}

/** The last quarter that has fully ended before `nowMs`. */
export function lastCompleteQuarter(nowMs: number, timeZone: string, fiscalYearStartMonth = 1): Quarter {
  return shiftQuarter(quarterOf(nowMs, timeZone, fiscalYearStartMonth), -1);
}

/** Calendar months (YYYY-MM) a period covers, in order. */
export function monthsOf(period: Period): string[] {
  const out: string[] = [];
  let y = Number(period.start.slice(0, 4));
  let m = Number(period.start.slice(5, 7));
  const endKey = period.end.slice(0, 7);
  for (let i = 0; i < 24; i++) {
    const key = `${y}-${pad(m)}`;
    out.push(key);
    if (key === endKey) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/**
 * Local month starts from `monthsBefore` months before the period's last month through the
 * month after it (that last boundary closes the final month).
 */
export function monthBoundaries(period: Period, monthsBefore: number, timeZone: string): { month: string; startMs: number }[] {
  const endYear = Number(period.end.slice(0, 4));
  const endMonth = Number(period.end.slice(5, 7));
  const lastIndex = endYear * 12 + (endMonth - 1);
  const out: { month: string; startMs: number }[] = [];
  for (let i = lastIndex - monthsBefore; i <= lastIndex + 1; i++) {
    const y = Math.floor(i / 12);
    const m = (i % 12) + 1;
    out.push({ month: `${y}-${pad(m)}`, startMs: localMidnight(timeZone, y, m) });
  }
  return out;
}
