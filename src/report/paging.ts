// Long tables and large card grids page onto continuation slides: the first slide keeps what
// fits in the box the renderer will draw, each continuation repeats the table's header under
// the same title marked "(continued)", and a total row always ends the last page. The box
// comes from the renderer's own layout, so a page holds exactly what will be drawn.
import { CARDS_PER_SLIDE, insightReadable, layoutSlide, rowsThatFit, type PageSize } from '../render/layout.js';
import type { ContentSlide, InsightCard, Slide, TableBlock } from './model.js';

export interface PagingOptions {
  page: PageSize;
  /** Appended to a continuation slide's title, e.g. "（续）" or " (continued)". */
  continuedSuffix: string;
}

export function pageSlides(slides: readonly Slide[], options: PagingOptions): Slide[] {
  const out: Slide[] = [];
  for (const slide of slides) {
    if (slide.kind !== 'content') out.push(slide);
    else out.push(...pageContentSlide(slide, options));
  }
  return out;
}

export function pageContentSlide(slide: ContentSlide, options: PagingOptions): ContentSlide[] {
  const pages = pageTables(slide, options).flatMap((s) => pageCards(s, options.page));
  if (pages.length === 1) return pages;
  return pages.map((p, i) => ({
    ...p,
    title: i === 0 ? p.title : `${slide.title}${options.continuedSuffix}`,
    continuation: { index: i + 1, count: pages.length },
  }));
}

function pageTables(slide: ContentSlide, options: PagingOptions): ContentSlide[] {
  let head = slide;
  const continuations: ContentSlide[] = [];
  // Tables in order: each long one keeps what fits on the first slide and hands the rest on.
  for (;;) {
    const layout = layoutSlide(head, options.page);
    const at = head.components.findIndex((c, i) => c.type === 'table' && !fits(c, layout.boxes[i]));
    if (at < 0) break;
    const table = head.components[at] as TableBlock;
    const box = layout.boxes[at]!;
    const first = cutRows(table, rowsThatFit(table, box.w, box.h));
    // A first page with no room for any row keeps its other components and hands the whole table on.
    head = {
      ...head,
      components: first.page.rows.length === 0 ? head.components.filter((_, i) => i !== at) : head.components.map((c, i) => (i === at ? first.page : c)),
    };
    let rest = first.rest;
    while (rest.rows.length > 0) {
      const next: ContentSlide = { ...slide, headline: undefined, layout: 'table', components: [rest] };
      const nextBox = layoutSlide(next, options.page).boxes[0]!;
      // At least one row per page, however tall, so paging always ends.
      const cut = cutRows(rest, Math.max(1, rowsThatFit(rest, nextBox.w, nextBox.h)));
      continuations.push({ ...next, components: [cut.page] });
      rest = cut.rest;
    }
  }
  return [head, ...continuations];
}

function fits(table: TableBlock, box: { w: number; h: number } | undefined): boolean {
  return box === undefined || rowsThatFit(table, box.w, box.h) >= table.rows.length;
}

/** The first `n` rows and the rest; a total row never starts a page on its own. */
function cutRows(table: TableBlock, n: number): { page: TableBlock; rest: TableBlock } {
  let take = Math.min(n, table.rows.length);
  if (table.totalRow && take === table.rows.length - 1 && take > 1) take--;
  const slice = (from: number, to?: number): TableBlock => ({
    ...table,
    rows: table.rows.slice(from, to),
    tones: table.tones?.slice(from, to),
    totalRow: table.totalRow && (to === undefined || to >= table.rows.length),
  });
  return { page: slice(0, take), rest: slice(take) };
}

/**
 * More insight cards than a slide holds page onto continuations: at most CARDS_PER_SLIDE per
 * slide, fewer when their sentences would otherwise shrink below a readable size, and the
 * cards spread evenly over the pages.
 */
function pageCards(slide: ContentSlide, page: PageSize): ContentSlide[] {
  if (slide.layout !== 'cards') return [slide];
  const cards = slide.components.filter((c): c is InsightCard => c.type === 'insight');
  const others = slide.components.filter((c) => c.type !== 'insight');
  const readable = (perSlide: number) => {
    const trial: ContentSlide = { ...slide, components: [...others, ...cards.slice(0, perSlide)] };
    const boxes = layoutSlide(trial, page).boxes;
    return trial.components.every((c, i) => c.type !== 'insight' || !boxes[i] || insightReadable(c, boxes[i]!));
  };
  let perSlide = Math.min(CARDS_PER_SLIDE, cards.length);
  while (perSlide > 2 && !readable(perSlide)) perSlide = perSlide > 4 ? 4 : perSlide - 1;
  if (cards.length <= perSlide) return [slide];
  const pages = Math.ceil(cards.length / perSlide);
  const each = Math.ceil(cards.length / pages);
  const out: ContentSlide[] = [];
  for (let i = 0; i < cards.length; i += each) {
    const chunk = cards.slice(i, i + each);
    out.push({ ...slide, headline: i === 0 ? slide.headline : undefined, components: i === 0 ? [...others, ...chunk] : chunk });
  }
  return out;
}
