// Metrics + locale strings → the deck model: cover, contents, a divider and the slides of each
// section, closing. Every sentence is a locale pattern filled with formatted figures, so no
// number appears on a slide that is not in the metrics document.
import { SECTION_IDS, formatDay, type DeckInput, type SectionContext } from './context.js';
import type { LocaleId } from './format.js';
import type { Deck, Slide } from './model.js';
import { SECTION_SLIDES } from './sections/index.js';

export { SECTION_IDS, type DeckInput, type SectionId } from './context.js';

export function buildDeck(input: DeckInput): Deck {
  const s = input.strings;
  const locale = s.locale as LocaleId;
  const m = input.metrics;
  const [year, quarter] = [m.quarter.slice(0, 4), m.quarter.slice(5)];
  const quarterText = s.t('deck.quarter', { year, quarter });
  const slides: Slide[] = [];

  slides.push({
    kind: 'cover',
    company: input.company,
    title: s.t('deck.title'),
    quarter: quarterText,
    presenter: input.presenter ? s.t('deck.presenter', { presenter: input.presenter }) : undefined,
    date: formatDay(input.reportDate, s),
  });
  slides.push({
    kind: 'contents',
    title: s.t('contents.title'),
    items: SECTION_IDS.map((id, i) => ({
      number: String(i + 1).padStart(2, '0'),
      title: s.t(`sections.${id}.title`),
      subtitle: s.t(`sections.${id}.subtitle`),
    })),
  });

  const ctx: SectionContext = { s, locale, m, input };
  SECTION_IDS.forEach((id, i) => {
    slides.push({
      kind: 'divider',
      number: String(i + 1).padStart(2, '0'),
      title: s.t(`sections.${id}.title`),
      subtitle: s.t(`sections.${id}.subtitle`),
    });
    for (const def of SECTION_SLIDES[id]) slides.push(...def.build(ctx));
  });

  slides.push({ kind: 'closing', title: s.t('deck.closing'), subtitle: s.t('deck.closingSub') });
  return {
    title: `${input.company} ${quarterText} ${s.t('deck.title')}`,
    company: input.company,
    footer: s.t('deck.footer', { company: input.company, quarter: quarterText }),
    locale,
    slides,
  };
}
