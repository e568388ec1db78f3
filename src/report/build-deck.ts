// Metrics + locale strings + the template's deck.yaml → the deck model: cover, contents, a
// divider and the slides of each section in the order deck.yaml lists them, closing. Slides are
// built by the registered slide builders (by id) or, for slides a template adds, from existing
// figures; long tables then page onto continuation slides. Every sentence is a locale pattern
// filled with formatted figures, so no number appears on a slide that is not in the metrics.
import { ExitCode, UserError } from '../errors.js';
import { validateDeck, type ResolvedDeck, type ResolvedSlide } from '../template/deck.js';
import { SECTION_IDS, dayRange, fiscalStartMonth, formatDay, quarterText as quarterWords, type DeckInput, type SectionContext, type SlideDef } from './context.js';
import type { LocaleId } from './format.js';
import type { MetricsDocument } from '../metrics/document.js';
import { figureCannotExist, figureEntries } from './figure-paths.js';
import { FigureLookup, addedComponents, addedNotes, genericSlide } from './generic-slides.js';
import type { Chart, Component, ContentSlide, Deck, Slide } from './model.js';
import { pageSlides } from './paging.js';
import type { Strings } from './strings.js';
import { DEFINITIONS_SLIDE } from './sections/definitions.js';
import { HEALTH_SLIDE } from './sections/health.js';
import { SECTION_SLIDES } from './sections/index.js';

export { SECTION_IDS, type DeckInput, type SectionId } from './context.js';

/** Sections a deck.yaml may list: the six report sections and an appendix. */
export const DECK_SECTION_IDS = [...SECTION_IDS, 'appendix'] as const;

/** Slides that belong to no report section; deck.yaml places them (usually in the appendix). */
export const EXTRA_SLIDES: readonly SlideDef[] = [HEALTH_SLIDE, DEFINITIONS_SLIDE];

export interface DeckPlan {
  /** The template's deck.yaml, merged; default: every registered slide in registration order. */
  deck?: ResolvedDeck;
  /** Slide size in inches, for paging long tables (default 16:9 widescreen). */
  page?: { width: number; height: number };
}

/** Every registered slide builder by id. */
export function slideRegistry(): Map<string, SlideDef> {
  const all = [...SECTION_IDS.flatMap((id) => SECTION_SLIDES[id]), ...EXTRA_SLIDES];
  return new Map(all.map((d) => [d.id, d]));
}

/** The deck when a template has no deck.yaml: each section's registered slides, in order. */
export function defaultDeck(): ResolvedDeck {
  return {
    contents: true,
    problems: [],
    sections: SECTION_IDS.map((id, i) => ({
      id,
      divider: true,
      file: '(built in)',
      path: `sections[${i}]`,
      slides: SECTION_SLIDES[id].map((d, j) => ({ id: d.id, file: '(built in)', path: `sections[${i}].slides[${j}]` })),
    })),
  };
}

/** Problems with the deck's names (slides, figures, layouts, colours, locale keys), as lines. */
export function deckProblems(deck: ResolvedDeck, input: DeckInput): string[] {
  const look = new FigureLookup(contextOf(input));
  return validateDeck(deck, {
    sectionIds: DECK_SECTION_IDS,
    slideIds: [...slideRegistry().keys()],
    figures: look.entries,
    hasString: (key) => input.strings.hasText(key),
  });
}

/**
 * The deck's names that need no figures (slide and section ids, layouts, colours, titles'
 * locale strings): checked when the template is loaded, so a misspelt slide id fails before
 * any export is read.
 */
export function deckNameProblems(deck: ResolvedDeck, strings: Strings): string[] {
  return validateDeck(deck, { sectionIds: DECK_SECTION_IDS, slideIds: [...slideRegistry().keys()], hasString: (key) => strings.hasText(key) });
}

/**
 * The deck's figure ids against a document computed from no data (`shape`): the ids that no
 * data could make figures. Checked before any export is read; deckProblems checks every figure
 * id again, with its kind and measures, once the figures are computed.
 */
export function deckFigureProblems(deck: ResolvedDeck, shape: MetricsDocument): string[] {
  return validateDeck(deck, {
    sectionIds: DECK_SECTION_IDS,
    slideIds: [...slideRegistry().keys()],
    impossibleFigures: { test: (id) => figureCannotExist(shape, id), candidates: figureEntries(shape).map((e) => e.id) },
  });
}

function contextOf(input: DeckInput): SectionContext {
  return { s: input.strings, locale: input.strings.locale as LocaleId, m: input.metrics, input };
}

export function buildDeck(input: DeckInput, plan: DeckPlan = {}): Deck {
  const s = input.strings;
  const m = input.metrics;
  const deckSpec = plan.deck ?? defaultDeck();
  const problems = deckProblems(deckSpec, input);
  if (problems.length > 0) {
    throw new UserError(problems.join('\n'), {
      exitCode: ExitCode.usage,
      hint: 'fix the template (docs/restyle.md lists the slide ids, figures, layouts and colours)',
    });
  }
  const ctx = contextOf(input);
  const look = new FigureLookup(ctx);
  const registry = slideRegistry();
  const fiscalStart = fiscalStartMonth(m);
  const quarterText = quarterWords(s, m.quarter, fiscalStart);
  // A fiscal quarter's months are not in its name: the cover (and the e-mail, which quotes it) says them.
  const coverQuarter =
    fiscalStart === 1 ? quarterText : s.t('deck.fiscalSpan', { quarter: quarterText, span: dayRange(m.periods.current.start, m.periods.current.end, s) });

  // Each section's slides first, so the contents and dividers can list only what is shown.
  const built = deckSpec.sections.map((section) => ({
    section,
    slides: section.slides.flatMap((spec) => buildSlides(spec, ctx, look, registry)),
  }));
  const shown = built.filter((b) => b.slides.length > 0);

  const slides: Slide[] = [];
  slides.push({
    kind: 'cover',
    company: input.company,
    title: s.t('deck.title'),
    quarter: coverQuarter,
    presenter: input.presenter ? s.t('deck.presenter', { presenter: input.presenter }) : undefined,
    date: formatDay(input.reportDate, s),
  });
  const number = (i: number) => String(i + 1).padStart(2, '0');
  if (deckSpec.contents) {
    slides.push({
      kind: 'contents',
      title: s.t('contents.title'),
      items: shown.map(({ section }, i) => ({
        number: number(i),
        title: s.t(`${sectionKey(section.id)}.title`),
        subtitle: s.t(`${sectionKey(section.id)}.subtitle`),
      })),
    });
  }
  shown.forEach(({ section, slides: sectionSlides }, i) => {
    if (section.divider) {
      slides.push({
        kind: 'divider',
        number: number(i),
        title: s.t(`${sectionKey(section.id)}.title`),
        subtitle: s.t(`${sectionKey(section.id)}.subtitle`),
        agenda: [...new Set(sectionSlides.map((x) => x.title))],
      });
    }
    slides.push(...sectionSlides);
  });
  slides.push({ kind: 'closing', title: s.t('deck.closing'), subtitle: s.t('deck.closingSub') });

  return {
    title: `${input.company} ${quarterText} ${s.t('deck.title')}`,
    company: input.company,
    footer: s.t('deck.footer', { company: input.company, quarter: quarterText }),
    locale: s.locale,
    slides: pageSlides(slides, { page: plan.page ?? { width: 13.333, height: 7.5 }, continuedSuffix: s.t('paging.continued') }),
  };
}

/** Where a section's title and subtitle live in the locale. */
function sectionKey(id: string): string {
  return id === 'appendix' ? 'appendix' : `sections.${id}`;
}

/** The slides of one deck.yaml entry, with its overrides applied. */
function buildSlides(spec: ResolvedSlide, ctx: SectionContext, look: FigureLookup, registry: Map<string, SlideDef>): ContentSlide[] {
  const s = ctx.s;
  const made = spec.kind ? [genericSlide(ctx, look, spec)] : (registry.get(spec.id)?.build(ctx) ?? []);
  const extra = spec.add ? addedComponents(ctx, look, spec.add) : [];
  // Added figures bring their definitions to the notes, after the slide's own.
  const extraNotes = spec.add ? addedNotes(ctx, look, spec.add) : [];
  return made.map((slide, i) => ({
    ...slide,
    notes: i === 0 ? [...slide.notes, ...extraNotes.filter((n) => !slide.notes.includes(n))] : slide.notes,
    // A builder may make several slides from one id; the title override names the first.
    title: spec.title && i === 0 ? s.t(spec.title) : slide.title,
    layout: (spec.layout as ContentSlide['layout'] | undefined) ?? slide.layout,
    components: [...slide.components, ...(i === 0 ? extra : [])].map((c) => noEmptyChart(c, ctx)),
  }));
}

/** A chart with nothing to draw says so instead of showing empty axes. */
function noEmptyChart(c: Component, ctx: SectionContext): Component {
  if (c.type !== 'chart' || chartHasData(c)) return c;
  return { type: 'notice', text: ctx.s.t('notices.noData', { chart: c.title }) };
}

export function chartHasData(chart: Chart): boolean {
  return chart.categories.length > 0 && chart.series.some((x) => x.values.some((v) => v !== null && Number.isFinite(v)));
}
