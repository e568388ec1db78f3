// Whether the order exports cover the report quarter. A deck built from two months of a
// three-month quarter looks just as confident as a full one, so a gap at either end is said
// out loud (a warning on stderr and in --json), and a quarter no order line falls in too.
import type { Period } from '../time/quarter.js';
import { dayString, daysFromCivil, epochToLocalDate } from '../time/zone.js';
import type { Coverage } from './workspace.js';

export interface PlatformCoverage {
  platform: string;
  /** First and last local day of the platform's order lines, over all its files. */
  first: string;
  last: string;
  /** Lines kept over the whole span (sets the rate a gap is judged by). */
  lines: number;
  /** 'partial': the lines start after the quarter starts or end before it ends. */
  coverage: 'full' | 'partial' | 'none';
}

/** How a day span [first, last] covers a period [start, end] (all YYYY-MM-DD). */
export function spanCoverage(first: string | null, last: string | null, start: string, end: string): 'full' | 'partial' | 'none' {
  if (first === null || last === null || last < start || first > end) return 'none';
  return first <= start && last >= end ? 'full' : 'partial';
}

/** Per platform with order lines (ingest's per-platform coverage), how their days cover `quarter`. */
export function orderCoverage(coverage: readonly Coverage[], quarter: Period, timeZone: string): PlatformCoverage[] {
  const day = (at: number | string) => (typeof at === 'string' ? at.slice(0, 10) : epochToLocalDate(timeZone, at));
  const out: PlatformCoverage[] = [];
  for (const c of coverage) {
    if (c.table !== 'order_lines' || c.firstAt === null || c.lastAt === null) continue;
    const first = day(c.firstAt);
    const last = day(c.lastAt);
    out.push({ platform: c.platform, first, last, lines: c.rowsKept, coverage: spanCoverage(first, last, quarter.start, quarter.end) });
  }
  return out;
}

export interface CoverageWarning {
  message: string;
  hint: string;
}

/** A platform whose order lines miss part of the quarter (or all of it). */
export interface PlatformGap {
  platform: string;
  /** 'none': no line in the quarter; 'partial': lines in [from, to] only. */
  kind: 'none' | 'partial';
  /** The part of the quarter the lines cover (partial), as YYYY-MM-DD. */
  from: string;
  to: string;
  /** The platform's whole span of lines. */
  first: string;
  last: string;
}

/** What the exports leave out of the report quarter; shown as warnings and on the KPI slide. */
export interface QuarterGaps {
  /** Today falls in the quarter: it is not over yet. */
  running: boolean;
  /** No order line falls in the quarter at all: the exports' whole span instead. */
  noLines: { first: string; last: string } | null;
  platforms: PlatformGap[];
}

/**
 * The gaps of a quarter's coverage. `nowDay` is today's local date: a quarter not over yet is
 * marked running, and its missing last days are not a gap.
 */
export function quarterGaps(coverage: readonly PlatformCoverage[], quarter: Period, nowDay: string): QuarterGaps {
  const running = nowDay <= quarter.end;
  if (coverage.length > 0 && coverage.every((c) => c.coverage === 'none')) {
    const first = coverage.reduce((a, c) => (c.first < a ? c.first : a), coverage[0]!.first);
    const last = coverage.reduce((a, c) => (c.last > a ? c.last : a), coverage[0]!.last);
    return { running, noLines: { first, last }, platforms: [] };
  }
  // Days that cannot have data yet are not missing.
  const lastExpected = running ? (nowDay < quarter.start ? quarter.start : previousDay(nowDay)) : quarter.end;
  const platforms: PlatformGap[] = [];
  for (const c of coverage) {
    const span = { platform: c.platform, first: c.first, last: c.last };
    if (c.coverage === 'none') {
      platforms.push({ ...span, kind: 'none', from: quarter.start, to: quarter.end });
    } else if (unlikelyGap(c, quarter.start, lastExpected)) {
      platforms.push({ ...span, kind: 'partial', from: c.first > quarter.start ? c.first : quarter.start, to: c.last < quarter.end ? c.last : quarter.end });
    }
  }
  return { running, noLines: null, platforms };
}

/** The warnings for a quarter's coverage (see `quarterGaps`). */
export function coverageWarnings(coverage: readonly PlatformCoverage[], quarter: Period, nowDay: string): CoverageWarning[] {
  return gapWarnings(quarterGaps(coverage, quarter, nowDay), quarter);
}

export function gapWarnings(gaps: QuarterGaps, quarter: Period): CoverageWarning[] {
  const span = `${quarter.start} … ${quarter.end}`;
  const out: CoverageWarning[] = [];
  if (gaps.running) {
    out.push({
      message: `${quarter.label} is not over yet (it ends ${quarter.end}); the deck shows the days so far`,
      hint: 'build it again after the quarter ends, or pass --quarter for a finished one',
    });
  }
  if (gaps.noLines) {
    out.push({
      message: `no order line falls in ${quarter.label} (${span}); the exports cover ${gaps.noLines.first} … ${gaps.noLines.last}`,
      hint: 'check --quarter, or add the exports for that quarter to the sources',
    });
  }
  for (const g of gaps.platforms) {
    out.push(
      g.kind === 'none'
        ? {
            message: `${g.platform}: no order line falls in ${quarter.label}; its exports cover ${g.first} … ${g.last}`,
            hint: `add ${g.platform}'s export for ${quarter.label}, or ignore this if it did not sell then`,
          }
        : {
            message: `${g.platform}: the order exports cover ${g.from} … ${g.to} of ${quarter.label} (${span}); its figures for the quarter are partial`,
            hint: 'add the export for the missing days, or ignore this if there were no orders then',
          },
    );
  }
  return out;
}

/**
 * A small shop may simply sell nothing on the quarter's last days, so a gap counts only when the
 * platform's own rate says it should have had about five lines in it (no line in such a gap
 * happens by chance well under 1 % of the time).
 */
function unlikelyGap(c: PlatformCoverage, start: string, end: string): boolean {
  const perDay = c.lines / (daysBetween(c.first, c.last) + 1);
  const gap = Math.max(0, daysBetween(start, c.first)) + Math.max(0, daysBetween(c.last, end));
  return gap > 0 && gap * perDay >= EXPECTED_LINES_IN_GAP;
}

const EXPECTED_LINES_IN_GAP = 5;

const dayNumber = (day: string) => daysFromCivil(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));

function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

const previousDay = (day: string) => dayString(dayNumber(day) - 1);
