// What every slide builder gets, and the small formatting helpers they share. A builder turns
// figures into slides; it never computes a figure (that is src/metrics) and never places a
// shape (that is src/render).
import type { TableName } from '../canonical.js';
import type { QuarterGaps } from '../ingest/coverage.js';
import type { Figure } from '../metrics/figure.js';
import type { MetricsDocument } from '../metrics/document.js';
import {
  directionOf,
  formatCount,
  formatGrowth,
  formatMoney,
  moneyScale,
  scaled,
  type LocaleId,
  type MoneyScale,
} from './format.js';
import type { ContentSlide, Delta, KpiCard } from './model.js';
import type { Strings } from './strings.js';

export const SECTION_IDS = ['overview', 'core', 'projects', 'diagnosis', 'team', 'plan'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface DeckInput {
  metrics: MetricsDocument;
  strings: Strings;
  company: string;
  presenter?: string;
  /** YYYY-MM-DD shown on the cover. */
  reportDate: string;
  /** Which canonical tables the workspace provided: files and kept rows. */
  inputs: Partial<Record<TableName, { files: number; rows: number }>>;
  narrativeFile?: string;
  /** What was read, file by file, for the data-health slide. */
  dataHealth?: DataHealth;
  /** What the order exports leave out of the quarter: a caveat under the headline figures. */
  gaps?: QuarterGaps;
}

/** One input file as ingest summarised it, with the local dates its rows cover. */
export interface DataHealthFile {
  file: string;
  platform: string;
  table: TableName;
  rowsRead: number;
  rowsKept: number;
  /** Rows left out, by reason (blank, repeatedHeader, summary, invalid, duplicate). */
  skipped: Record<string, number>;
  /** YYYY-MM-DD in the workspace time zone, or null when no row was kept. */
  firstDay: string | null;
  lastDay: string | null;
}

export interface DataHealth {
  files: DataHealthFile[];
  /** Problems found while reading (the rows they affect are not counted). */
  errors: number;
  warnings: number;
}

export interface SectionContext {
  s: Strings;
  locale: LocaleId;
  m: MetricsDocument;
  input: DeckInput;
}

/** Builds zero or more slides (more when a table pages onto continuation slides). */
export type SlideBuilder = (ctx: SectionContext) => ContentSlide[];

/** A slide builder with the id templates use to pick, drop or reorder it (`overview.byPlatform`). */
export interface SlideDef {
  id: string;
  build: SlideBuilder;
}

export function formatDay(day: string, s: Strings): string {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const monthName = s.has('months.long') ? (s.list('months.long')[mo - 1] ?? String(mo)) : String(mo);
  return s.t('deck.date', { year: y, month: mo, day: d, monthName });
}

/** Days `start` … `end` ('YYYY-MM-DD') in the reader's words; one day when they are the same. */
/**
 * The month a fiscal year starts in, as the report's quarter shows it: 2026Q3 starting on
 * 2026-10-01 is a fiscal year starting in April.
 */
export function fiscalStartMonth(m: Pick<MetricsDocument, 'quarter' | 'periods'>): number {
  const quarter = Number(m.quarter.slice(5));
  const month = Number(m.periods.current.start.slice(5, 7));
  return ((month - 1 - (quarter - 1) * 3 + 12) % 12) + 1;
}

/**
 * A quarter label (2026Q4) as the deck writes quarters: "2026年第4季度" / "Q4 2026"; in a fiscal
 * year that does not start in January, "2026财年第4季度" / "FY2026 Q4", since the calendar
 * words would name other months.
 */
export function quarterText(s: Strings, label: string, fiscalStart: number): string {
  const m = /^(\d{4})Q([1-4])$/.exec(label);
  if (!m) return label;
  return s.t(fiscalStart === 1 ? 'deck.quarter' : 'deck.fiscalQuarter', { year: m[1]!, quarter: m[2]! });
}

export function dayRange(start: string, end: string, s: Strings): string {
  return start === end ? formatDay(start, s) : s.t('labels.dayRange', { start: formatDay(start, s), end: formatDay(end, s) });
}

/**
 * The notice for a slide whose content comes from the narrative yaml and has none: with no
 * narrative file at all it says that (and how to add one), not that the narrative lists nothing.
 */
export function narrativeNone(ctx: SectionContext, key: string): string {
  return ctx.input.narrativeFile ? ctx.s.t(key) : ctx.s.t('labels.noNarrative');
}

/** A week or month the order exports reach only in part (its row counts the days they reach). */
export function partlyReached(r: { days?: number; dataDays?: number }): boolean {
  return r.days !== undefined && r.dataDays !== undefined && r.dataDays > 0 && r.dataDays < r.days;
}

/** Clauses of one note or footnote, one after another in the reader's punctuation. */
export function clauses(ctx: SectionContext, parts: readonly string[]): string {
  return parts.join(ctx.locale === 'zh-CN' ? '；' : '; ');
}

export function monthLabel(month: string, s: Strings): string {
  const y = month.slice(0, 4);
  const mo = Number(month.slice(5, 7));
  const mon = s.has('months.names') ? (s.list('months.names')[mo - 1] ?? String(mo)) : String(mo);
  return s.t('months.label', { yyyy: y, yy: y.slice(2), m: mo, mm: month.slice(5, 7), mon });
}

export function platformName(key: string, s: Strings): string {
  return s.has(`platforms.${key}`) ? s.t(`platforms.${key}`) : key;
}

export function money(ctx: SectionContext, minor: number): string {
  return formatMoney(minor, ctx.m.currency, ctx.locale);
}

/** A figure's value as text in its unit, or the locale's "n/a". */
export function figureText(ctx: SectionContext, f: Figure): string {
  if (f.value === null) return ctx.s.t('comparisons.na');
  if (f.unit === 'minor') return money(ctx, f.value);
  if (f.unit === 'ratio') return `${(f.value * 100).toFixed(1)}%`;
  if (f.unit === 'count') return formatCount(f.value, ctx.locale);
  if (f.unit === 'multiple') return `${f.value.toFixed(2)}×`;
  // Durations and scores carry their unit word from the locale (units.seconds, …).
  const unitWord = ctx.s.has(`units.${f.unit}`) ? ctx.s.t(`units.${f.unit}`) : '';
  const digits = f.unit === 'score' ? 2 : f.value < 10 ? 1 : 0;
  return `${f.value.toFixed(digits)}${unitWord}`;
}

export function deltas(ctx: SectionContext, f: Figure, higherIsBetter = true): Delta[] {
  const make = (label: string, g: number | null): Delta => {
    const direction = directionOf(g);
    const good = direction === 'none' || direction === 'flat' ? null : (direction === 'up') === higherIsBetter;
    return { label, text: g === null ? ctx.s.t('comparisons.na') : formatGrowth(g), direction, good };
  };
  return [make(ctx.s.t('comparisons.qoq'), f.qoq), make(ctx.s.t('comparisons.yoy'), f.yoy)];
}

/**
 * A figure's value as text, or "no data" when it is missing ("n/a" words a comparison). It fills
 * KPI cards and slots inside sentences, where the reason's own sentence would not read; the
 * slide's notice gives the reason.
 */
export function valueOrMissing(ctx: SectionContext, f: Figure): string {
  return f.value !== null ? figureText(ctx, f) : ctx.s.t('core.missingValue');
}

/** A KPI card labelled with the locale's name for `figures.<key>`. */
export function kpi(ctx: SectionContext, key: string, f: Figure, higherIsBetter = true): KpiCard {
  return { type: 'kpi', label: ctx.s.t(`figures.${key}`), value: valueOrMissing(ctx, f), deltas: deltas(ctx, f, higherIsBetter) };
}

export function periodNote(ctx: SectionContext): string {
  const p = ctx.m.periods;
  return ctx.s.t('notes.period', {
    current: p.current.label,
    currentStart: p.current.start,
    currentEnd: p.current.end,
    previous: p.previous.label,
    yearAgo: p.yearAgo.label,
    timezone: ctx.m.timezone,
  });
}

/** "Sources: file (rows, kept); …" for the files of the given tables. */
export function sourceNote(ctx: SectionContext, tables: readonly TableName[] = ['order_lines']): string {
  const files = ctx.m.provenance.files
    .filter((f) => tables.includes(f.table))
    .map((f) => ctx.s.t('notes.fileRows', { file: f.file, rows: f.rowsRead, kept: f.rowsKept }));
  return ctx.s.t('notes.source', { files: clauses(ctx, files) });
}

/** "Definition · name: text" for each `figures.<key>` / `definitions.<key>` pair. */
export function definitionNotes(ctx: SectionContext, keys: string[]): string[] {
  return keys.map((k) => ctx.s.t('notes.definition', { name: ctx.s.t(`figures.${k}`), text: ctx.s.t(`definitions.${k}`) }));
}

export function linesNote(ctx: SectionContext): string[] {
  const c = ctx.m.overview.counts;
  const out = [ctx.s.t('notes.lines', { lines: c.paidLines.current, excluded: c.linesCancelledOrUnpaid })];
  if (c.linesWithoutBuyer.current > 0) out.push(ctx.s.t('notes.noBuyer', { count: c.linesWithoutBuyer.current }));
  return out;
}

export function toneOf(g: number | null): 'positive' | 'negative' | 'neutral' {
  const d = directionOf(g);
  return d === 'up' ? 'positive' : d === 'down' ? 'negative' : 'neutral';
}

export function nullableScaled(minor: number | null, scale: MoneyScale): number | null {
  return minor === null ? null : scaled(minor, scale);
}

/** An Excel number format with `decimals` places. */
export function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/** The axis unit for money charts, e.g. 万元 or CNY M. */
export function chartUnit(ctx: SectionContext, scale: MoneyScale): string {
  return ctx.s.t('units.chartMoney', { scale: scale.suffix, currency: ctx.m.currency });
}

/** The money scale for a chart whose values are these minor amounts. */
export function chartScale(ctx: SectionContext, minors: readonly (number | null)[]): MoneyScale {
  return moneyScale(Math.max(0, ...minors.map((v) => Math.abs(v ?? 0))), ctx.m.currency, ctx.locale);
}

export function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
