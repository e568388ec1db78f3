// The definitions registry in words: speaker-note lines for the figures a slide shows, the
// reader's sentence for a missing figure's reason, and the Definitions appendix slide (one table
// row per registered figure; long tables page onto continuation slides).
import type { Figure } from '../../metrics/figure.js';
import { REGISTRY, definitionOf, parseMissingReason, type FigureDefinition } from '../../metrics/registry.js';
import { fiscalStartMonth, periodNote, platformName, quarterText, type SectionContext, type SlideDef } from '../context.js';
import type { ContentSlide, TableBlock } from '../model.js';

/** A period label (2026Q3) as the deck writes quarters. */
export function periodText(ctx: SectionContext, label: string): string {
  return quarterText(ctx.s, label, fiscalStartMonth(ctx.m));
}

/** The locale's sentence for a missing figure's reason (the English phrase when it is not a known one). */
export function reasonText(ctx: SectionContext, reason: string): string {
  const parsed = parseMissingReason(reason);
  if (!parsed) return reason;
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed.vars)) {
    if (k === 'period') vars[k] = periodText(ctx, v);
    else if (k === 'platform') vars[k] = platformName(v, ctx.s);
    else if (k === 'column') vars[k] = ctx.s.has(`core.funnelSteps.${v}`) ? ctx.s.t(`core.funnelSteps.${v}`) : v;
    else vars[k] = v;
  }
  return ctx.s.t(`core.missing.${parsed.code}`, vars);
}

/** The reasons of these figures' missing values, each once, as the reader's sentences. */
export function missingNotes(ctx: SectionContext, figures: readonly (Figure | undefined)[]): string[] {
  const out: string[] = [];
  for (const f of figures) {
    if (!f || f.value !== null || !f.reason) continue;
    const text = reasonText(ctx, f.reason);
    if (!out.includes(text)) out.push(text);
  }
  return out;
}

function termText(ctx: SectionContext, term: string): string {
  return ctx.s.t(`core.terms.${term}`);
}

/** "numerator ÷ denominator", or the numerator alone. */
export function formulaText(ctx: SectionContext, d: FigureDefinition): string {
  return d.denominator === null ? termText(ctx, d.numerator) : `${termText(ctx, d.numerator)} ÷ ${termText(ctx, d.denominator)}`;
}

function tablesText(ctx: SectionContext, d: FigureDefinition): string {
  return d.tables.map((t) => ctx.s.t(`tables.${t}`)).join(ctx.locale === 'zh-CN' ? '、' : ', ');
}

/** The definition in words plus its convention and refund basis, where it has them. */
function definitionWords(ctx: SectionContext, d: FigureDefinition): string {
  const parts = [ctx.s.t(`definitions.${d.key}`)];
  if (d.convention) parts.push(ctx.s.t(`core.conventions.${d.convention}`));
  if (d.refundBasis) parts.push(ctx.s.t(`core.refundBasis.${d.refundBasis}`));
  return parts.join(ctx.locale === 'zh-CN' ? '' : ' ');
}

/** Speaker-note lines for registered figures (by registry id or locale key). */
export function registryNotes(ctx: SectionContext, idsOrKeys: readonly string[]): string[] {
  return idsOrKeys.map((k) => {
    const d = definitionOf(k);
    const text = `${definitionWords(ctx, d)} ${ctx.s.t('core.notes.formula', { formula: formulaText(ctx, d) })} ${ctx.s.t('core.notes.tables', { tables: tablesText(ctx, d) })}`;
    return ctx.s.t('notes.definition', { name: ctx.s.t(`figures.${d.key}`), text });
  });
}

/** The settings the core figures were computed with, as a note line. */
export function settingsNote(ctx: SectionContext): string | null {
  const c = ctx.m.core;
  if (!c) return null;
  return ctx.s.t('core.notes.settings', {
    sla: c.firstResponse.slaSeconds,
    support: `${(c.pairs.minSupport * 100).toFixed(2)}%`,
    baskets: c.pairs.minBaskets,
  });
}

function definitionsTable(ctx: SectionContext, entries: readonly FigureDefinition[]): TableBlock {
  const s = ctx.s;
  return {
    type: 'table',
    header: [s.t('core.appendix.figure'), s.t('core.appendix.definition'), s.t('core.appendix.formula'), s.t('core.appendix.unit'), s.t('core.appendix.tables')],
    align: ['left', 'left', 'left', 'left', 'left'],
    columnWeights: [1.3, 4, 2.2, 0.8, 1],
    rows: entries.map((d) => [s.t(`figures.${d.key}`), definitionWords(ctx, d), formulaText(ctx, d), s.t(`core.unitNames.${d.unit}`), tablesText(ctx, d)]),
  };
}

export function definitionsSlide(ctx: SectionContext): ContentSlide {
  const s = ctx.s;
  const note = settingsNote(ctx);
  return {
    kind: 'content',
    id: 'appendix.definitions',
    title: s.t('core.appendix.title'),
    headline: s.t('core.appendix.headline'),
    layout: 'table',
    components: [definitionsTable(ctx, REGISTRY)],
    notes: [s.t('notes.shows', { what: s.t('core.appendix.title') }), periodNote(ctx), ...(note ? [note] : [])],
  };
}

export const DEFINITIONS_SLIDE: SlideDef = { id: 'appendix.definitions', build: (ctx) => [definitionsSlide(ctx)] };
