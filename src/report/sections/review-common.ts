// Small formatting helpers shared by the section 3–6 slide builders (projects, diagnosis, team,
// plan): facts and lifts as text, QoQ-only deltas, and the notes every one of their slides ends with.
import type { TableName } from '../../canonical.js';
import type { Fact } from '../../metrics/diagnosis/types.js';
import type { Figure } from '../../metrics/figure.js';
import { figureText, periodNote, sourceNote, type SectionContext } from '../context.js';
import { directionOf, formatGrowth } from '../format.js';
import type { Delta, KpiCard } from '../model.js';

export function factText(ctx: SectionContext, fact: Fact): string {
  return figureText(ctx, { value: fact.value, unit: fact.unit, previous: null, yearAgo: null, qoq: null, yoy: null });
}

/** A value in a unit, or the short "—" used inside table cells when it is unknown. */
export function cellText(ctx: SectionContext, value: number | null, unit: Figure['unit']): string {
  return value === null ? ctx.s.t('review.cellNa') : factText(ctx, { value, unit });
}

/** A lift as "1.60×", or "—". */
export function liftText(ctx: SectionContext, lift: number | null): string {
  return lift === null ? ctx.s.t('review.cellNa') : ctx.s.t('review.lift', { lift: lift.toFixed(2) });
}

/** A change in percentage points: 0.012 → "+1.2pp" (unsigned: "1.2pp"). */
export function pointsText(ctx: SectionContext, points: number, unsigned = false): string {
  const v = (Math.abs(points) * 100).toFixed(1);
  const sign = unsigned || v === '0.0' ? '' : points < 0 ? '-' : '+';
  return ctx.s.t('review.points', { points: `${sign}${v}` });
}



/** Annualised inventory turnover: "3.6 次/年" / "3.6×/yr". */
export function turnoverText(ctx: SectionContext, value: number): string {
  return ctx.s.t('review.turnover', { value: value.toFixed(1) });
}

/** A relative change as "+12.3%", or "—". */
export function growthText(ctx: SectionContext, g: number | null): string {
  return g === null ? ctx.s.t('review.cellNa') : formatGrowth(g);
}

/** The QoQ delta only: narrative figures (team) have no year-ago counterpart. */
export function qoqDelta(ctx: SectionContext, f: Figure, higherIsBetter = true): Delta {
  const direction = directionOf(f.qoq);
  const good = direction === 'none' || direction === 'flat' ? null : (direction === 'up') === higherIsBetter;
  return { label: ctx.s.t('comparisons.qoq'), text: f.qoq === null ? ctx.s.t('comparisons.na') : formatGrowth(f.qoq), direction, good };
}

/** A KPI card with a label from the locale and only a QoQ delta. */
export function qoqCard(ctx: SectionContext, label: string, f: Figure, higherIsBetter = true, value?: string): KpiCard {
  return { type: 'kpi', label, value: value ?? figureText(ctx, f), deltas: [qoqDelta(ctx, f, higherIsBetter)] };
}

export function tone(good: boolean | null): 'positive' | 'negative' | 'neutral' {
  return good === null ? 'neutral' : good ? 'positive' : 'negative';
}

/** "本页内容：…", the definitions given, the period and the sources of the tables read (none: narrative only). */
export function reviewNotes(ctx: SectionContext, what: string, definitions: string[], tables: readonly TableName[] | null = ['order_lines']): string[] {
  return [
    ctx.s.t('notes.shows', { what }),
    ...definitions.map((d) => ctx.s.t('review.definition', { text: d })),
    periodNote(ctx),
    // Only tables the workspace provided: an empty "Sources:" line would say nothing.
    ...(tables === null || !ctx.m.provenance.files.some((f) => tables.includes(f.table)) ? [] : [sourceNote(ctx, tables)]),
  ];
}
