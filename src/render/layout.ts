// Where each component of a content slide goes: a small grid (inches) computed from the slide
// size, the layout and the components present. Pure, so the table pager can ask how many rows
// fit in the box the renderer will draw the table in, and tests can check the geometry.
import type { Component, ContentSlide, InsightCard, KpiCard, TableBlock } from '../report/model.js';
import { fitBlock, fitOneLine, lineCount, linesHeightIn, textWidthIn, wrapLines } from '../report/text-fit.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PageSize {
  width: number;
  height: number;
}

export const GRID = {
  margin: 0.6,
  gap: 0.3,
  titleY: 0.34,
  titleH: 0.62,
  titleMaxPt: 26,
  titleMinPt: 18,
  headlinePt: 15,
  headlineMinPt: 12,
  /** Space kept at the bottom for the footer line. */
  footerH: 0.62,
  footnoteH: 0.32,
} as const;

export interface TextFit {
  box: Box;
  pt: number;
  lines: string[];
}

export interface SlideLayout {
  title: TextFit;
  headline?: TextFit;
  /** The area under the title and headline that components share. */
  content: Box;
  footnote?: Box;
  /** A box per component index; components without a box are not drawn. */
  boxes: (Box | undefined)[];
}

const isVisual = (c: Component) => c.type === 'chart' || c.type === 'notice';
const isSide = (c: Component) => c.type === 'table' || c.type === 'text' || c.type === 'insight';

/** Title and headline sized by rule: shrink to a minimum, then wrap to two lines. */
export function headerLayout(title: string, headline: string | undefined, page: PageSize): { title: TextFit; headline?: TextFit; bottom: number } {
  const x = GRID.margin + 0.25;
  const w = page.width - 2 * GRID.margin - 0.25;
  const titlePt = fitOneLine(title, w, GRID.titleMaxPt, GRID.titleMinPt);
  const titleLines = wrapLines(title, w, titlePt);
  const titleH = Math.max(GRID.titleH, linesHeightIn(titleLines.length, titlePt, 1.15) + 0.08);
  const titleFit: TextFit = { box: { x, y: GRID.titleY, w, h: titleH }, pt: titlePt, lines: titleLines };
  let bottom = GRID.titleY + titleH;
  let headlineFit: TextFit | undefined;
  if (headline) {
    const fit = fitBlock(headline, w, 0.62, GRID.headlinePt, GRID.headlineMinPt, 1.25);
    const lines = wrapLines(headline, w, fit.pt);
    const h = Math.max(0.4, linesHeightIn(lines.length, fit.pt, 1.25) + 0.06);
    headlineFit = { box: { x, y: bottom + 0.06, w, h }, pt: fit.pt, lines };
    bottom += 0.06 + h;
  }
  return { title: titleFit, headline: headlineFit, bottom };
}

export function layoutSlide(slide: ContentSlide, page: PageSize): SlideLayout {
  const header = headerLayout(slide.title, slide.headline, page);
  const top = Math.max(1.7, header.bottom + 0.22);
  const bottomEdge = page.height - GRID.footerH - (slide.footnote ? GRID.footnoteH : 0);
  const content: Box = { x: GRID.margin, y: top, w: page.width - 2 * GRID.margin, h: bottomEdge - top };
  const footnote = slide.footnote ? { x: GRID.margin, y: bottomEdge + 0.04, w: content.w, h: GRID.footnoteH - 0.06 } : undefined;
  const boxes: (Box | undefined)[] = slide.components.map(() => undefined);
  const idx = (pred: (c: Component) => boolean) => slide.components.flatMap((c, i) => (pred(c) ? [i] : []));
  const kpis = idx((c) => c.type === 'kpi');
  const visuals = idx(isVisual);
  const sides = idx(isSide);
  const gap = GRID.gap;

  let area = content;
  if (kpis.length > 0) {
    const rest = visuals.length + sides.length > 0;
    const cardH = rest ? Math.min(2.0, area.h * 0.4) : Math.min(2.9, area.h);
    const rowY = rest ? area.y : area.y + Math.max(0, (area.h - cardH) / 2 - 0.45);
    placeRow(kpis, { x: area.x, y: rowY, w: area.w, h: cardH }, boxes, gap);
    area = { x: area.x, y: area.y + cardH + gap, w: area.w, h: area.h - cardH - gap };
  }

  const layout = (slide.layout === 'chart' || slide.layout === 'kpi-row') && visuals.length > 1 ? 'two-charts' : slide.layout;
  if (layout === 'cards' || (visuals.length === 0 && sides.every((i) => slide.components[i]!.type === 'insight'))) {
    placeGrid(sides, area, boxes, gap);
  } else if (layout === 'two-charts' && visuals.length >= 1) {
    const below = sides.length > 0 ? Math.min(1.25, area.h * 0.3) : 0;
    const chartsBox = { ...area, h: area.h - (below > 0 ? below + gap : 0) };
    placeRow(visuals, chartsBox, boxes, gap);
    if (below > 0) placeRow(sides, { x: area.x, y: area.y + chartsBox.h + gap, w: area.w, h: below }, boxes, gap);
  } else if (visuals.length === 0 || ((layout === 'text' || layout === 'table') && visuals.every((i) => slide.components[i]!.type === 'notice'))) {
    // Tables and text full width, one under the other; notices under them; insight cards in a row at the bottom.
    const stack = sides.filter((i) => slide.components[i]!.type !== 'insight');
    const insights = sides.filter((i) => slide.components[i]!.type === 'insight');
    const cardsH = insights.length > 0 ? Math.min(1.5, area.h * 0.35) : 0;
    const noticeH = visuals.length > 0 ? NOTICE_H * visuals.length + gap * visuals.length : 0;
    const available = area.h - (cardsH > 0 ? cardsH + gap : 0) - noticeH;
    const items = stack.map((i) => slide.components[i]!);
    let y = area.y;
    const pair = sideBySide(items, area.w, available, gap);
    if (pair) {
      // Two tables that would not both fit one above the other sit side by side.
      let x = area.x;
      stack.forEach((i, k) => {
        boxes[i] = { x, y: area.y, w: pair[k]!, h: available };
        x += pair[k]! + gap;
      });
      y = area.y + Math.max(...stack.map((i) => Math.min(available, tableHeight(slide.components[i] as TableBlock, boxes[i]!.w)))) + gap;
    } else {
      const heights = stackHeights(items, area.w, available, gap);
      stack.forEach((i, k) => {
        boxes[i] = { x: area.x, y, w: area.w, h: heights[k]! };
        y += heights[k]! + gap;
      });
    }
    for (const i of visuals) {
      boxes[i] = { x: area.x, y, w: area.w, h: NOTICE_H };
      y += NOTICE_H + gap;
    }
    if (insights.length > 0) placeRow(insights, { x: area.x, y: area.y + area.h - cardsH, w: area.w, h: cardsH }, boxes, gap);
  } else {
    // One visual with its companions beside it.
    const [main] = visuals;
    if (sides.length === 0) {
      boxes[main!] = area;
    } else {
      const hasTable = sides.some((i) => slide.components[i]!.type === 'table');
      const sideW = hasTable ? area.w * 0.42 : area.w * 0.34;
      const mainW = area.w - sideW - gap;
      boxes[main!] = { ...area, w: mainW };
      placeColumn(sides, { x: area.x + mainW + gap, y: area.y, w: sideW, h: area.h }, boxes, gap, slide.components);
    }
  }
  return { title: header.title, headline: header.headline, content, footnote, boxes };
}

/**
 * Widths for two tables side by side, when both do not fit one above the other but each fits
 * its share of the width without wrapping much; undefined otherwise.
 */
function sideBySide(items: Component[], width: number, available: number, gap: number): number[] | undefined {
  if (items.length !== 2 || !items.every((c) => c.type === 'table')) return undefined;
  const [a, b] = items as [TableBlock, TableBlock];
  if (tableHeight(a, width) + tableHeight(b, width) + gap <= available) return undefined;
  const na = naturalWidths(a).reduce((x, y) => x + y, 0);
  const nb = naturalWidths(b).reduce((x, y) => x + y, 0);
  const room = width - gap;
  const [ma, mb] = [minTableWidth(a), minTableWidth(b)];
  if (ma + mb > room) return undefined;
  // Each gets at least its minimum; the rest goes by natural width.
  const wa = Math.min(room - mb, Math.max(ma, (room * na) / (na + nb)));
  return [wa, room - wa];
}

/** Height of a notice box placed on its own. */
export const NOTICE_H = 0.6;

/**
 * Heights for tables and text blocks stacked in `available`: tables get what they need while
 * everything fits, text shares what is left; when space is short, earlier tables give way.
 */
function stackHeights(items: Component[], width: number, available: number, gap: number): number[] {
  const room = available - gap * Math.max(0, items.length - 1);
  const need = items.map((c) => (c.type === 'table' ? tableHeight(c, width) : 0));
  const texts = items.filter((c) => c.type !== 'table').length;
  const tablesNeed = need.reduce((a, b) => a + b, 0);
  const textMin = 0.8;
  if (tablesNeed + texts * textMin <= room) {
    const textH = texts > 0 ? (room - tablesNeed) / texts : 0;
    return items.map((c, i) => (c.type === 'table' ? need[i]! : textH));
  }
  // Short of room: later tables keep their height (up to half the room each); the first long one pages.
  const out = items.map(() => 0);
  let left = room - texts * textMin;
  for (let i = items.length - 1; i >= 0; i--) {
    const c = items[i]!;
    if (c.type !== 'table') {
      out[i] = textMin;
      continue;
    }
    const firstTable = items.findIndex((x) => x.type === 'table') === i;
    out[i] = firstTable ? Math.max(0.5, left) : Math.min(need[i]!, left / 2);
    left -= out[i]!;
  }
  return out;
}

function placeRow(indices: number[], box: Box, boxes: (Box | undefined)[], gap: number): void {
  if (indices.length === 0) return;
  const w = (box.w - gap * (indices.length - 1)) / indices.length;
  indices.forEach((i, k) => (boxes[i] = { x: box.x + k * (w + gap), y: box.y, w, h: box.h }));
}

/** Stacks companions: tables take what they need, insight cards share the rest. */
function placeColumn(indices: number[], box: Box, boxes: (Box | undefined)[], gap: number, components: Component[]): void {
  const fixed = indices.filter((i) => components[i]!.type === 'table');
  const flexible = indices.filter((i) => components[i]!.type !== 'table');
  let y = box.y;
  for (const i of fixed) {
    const table = components[i] as TableBlock;
    const need = tableHeight(table, box.w);
    const h = flexible.length > 0 ? Math.min(need, box.h * 0.62) : box.h;
    boxes[i] = { x: box.x, y, w: box.w, h };
    y += Math.min(need, h) + gap;
  }
  const left = box.y + box.h - y;
  if (flexible.length === 0) return;
  // A card does not stretch to the full height of the column: it keeps a card's proportions.
  const share = (left - gap * (flexible.length - 1)) / flexible.length;
  const h = flexible.every((i) => components[i]!.type === 'insight') ? Math.min(2.4, share) : share;
  flexible.forEach((i, k) => (boxes[i] = { x: box.x, y: y + k * (h + gap), w: box.w, h }));
}

/** Up to three cards per row. */
export function placeGrid(indices: number[], box: Box, boxes: (Box | undefined)[], gap: number): void {
  if (indices.length === 0) return;
  const cols = indices.length <= 3 ? indices.length : indices.length === 4 ? 2 : 3;
  const rows = Math.ceil(indices.length / cols);
  const w = (box.w - gap * (cols - 1)) / cols;
  const h = Math.min(rows === 1 ? 2.6 : 4, (box.h - gap * (rows - 1)) / rows);
  const y0 = box.y;
  indices.forEach((i, k) => {
    const r = Math.floor(k / cols);
    const c = k % cols;
    boxes[i] = { x: box.x + c * (w + gap), y: y0 + r * (h + gap), w, h };
  });
}

/** Most insight cards a slide shows; more page onto continuation slides. */
export const CARDS_PER_SLIDE = 6;

// ---- tables ------------------------------------------------------------------------------

export const TABLE = {
  /** Body and header size the pager plans with; the renderer goes larger when the box allows. */
  pt: 11,
  maxPt: 13,
  padX: 0.08,
  minRowH: 0.34,
  padY: 0.1,
} as const;

/** Each column's width without wrapping (inches) at `pt`. */
export function naturalWidths(table: TableBlock, pt: number = TABLE.pt): number[] {
  return table.header.map((h, c) => {
    let max = textWidthIn(h, pt);
    for (const row of table.rows) max = Math.max(max, textWidthIn(row[c] ?? '', pt));
    return max + 2 * TABLE.padX + 0.06;
  });
}

/**
 * Column widths (inches) for `table` drawn `width` wide: numbers never wrap; text columns take
 * the slack up to twice their need, and what is left spreads over every column.
 */
export function tableColumnWidths(table: TableBlock, width: number, pt: number = TABLE.pt): number[] {
  const n = table.header.length;
  if (table.columnWeights && table.columnWeights.length === n) {
    const sum = table.columnWeights.reduce((a, b) => a + b, 0) || 1;
    return table.columnWeights.map((wt) => (wt / sum) * width);
  }
  const natural = naturalWidths(table, pt);
  const total = natural.reduce((a, b) => a + b, 0);
  const textCols = table.align.map((a, c) => (a === 'left' ? c : -1)).filter((c) => c >= 0);
  if (total <= width) {
    let slack = width - total;
    const widths = [...natural];
    for (const c of textCols) {
      const give = Math.min(slack / Math.max(1, textCols.length), natural[c]!);
      widths[c]! += give;
    }
    slack = width - widths.reduce((a, b) => a + b, 0);
    return widths.map((w) => w + slack / n);
  }
  // Too wide: numbers and short texts keep their width; long texts share what is left, wrapping.
  const fixed = natural.map((w, c) => !textCols.includes(c) || w <= SHORT_TEXT);
  const fixedW = natural.reduce((a, w, c) => (fixed[c] ? a + w : a), 0);
  const flexNatural = natural.reduce((a, w, c) => (fixed[c] ? a : a + w), 0);
  const flexCount = fixed.filter((f) => !f).length;
  const left = Math.max(width - fixedW, flexCount * 0.8);
  const widths = natural.map((w, c) => (fixed[c] ? w : Math.max(widestWord(table, c, pt), (w / (flexNatural || 1)) * left)));
  const sum = widths.reduce((a, b) => a + b, 0);
  return sum > width ? widths.map((w) => (w / sum) * width) : widths;
}

/** Text columns up to this wide (inches) never wrap; longer ones may. */
const SHORT_TEXT = 1.1;

/**
 * The widest word of a column (inches): a line may break at spaces, after / and -, and around
 * CJK characters, never inside a Latin word, so the column must hold its longest word.
 */
export function widestWord(table: TableBlock, c: number, pt: number = TABLE.pt): number {
  let max = 0;
  for (const cell of [table.header[c] ?? '', ...table.rows.map((r) => r[c] ?? '')]) {
    for (const word of cell.match(/[^\s/\-\u2E80-\uFFEF]+[/\-]?/g) ?? []) max = Math.max(max, textWidthIn(word, pt));
  }
  return max + 2 * TABLE.padX + 0.04;
}

/** The narrowest a table can be drawn without wrapping numbers or short texts (headers may wrap). */
export function minTableWidth(table: TableBlock): number {
  const body = naturalWidths({ ...table, header: table.header.map(() => '') });
  return body.reduce((a, w, c) => a + (table.align[c] === 'left' ? Math.max(widestWord(table, c), Math.min(w, SHORT_TEXT)) : w), 0);
}

/** Height of each row (header first) when the table is drawn `width` wide at `pt`. */
export function tableRowHeights(table: TableBlock, width: number, pt: number = TABLE.pt): number[] {
  const widths = tableColumnWidths(table, width, pt);
  const minRow = TABLE.minRowH * (pt / TABLE.pt);
  const rowH = (cells: string[]) => {
    let lines = 1;
    cells.forEach((cell, c) => {
      const inner = Math.max(0.2, (widths[c] ?? 1) - 2 * TABLE.padX);
      lines = Math.max(lines, lineCount(cell, inner, pt));
    });
    return Math.max(minRow, linesHeightIn(lines, pt) + TABLE.padY);
  };
  return [rowH(table.header), ...table.rows.map((r) => rowH(r))];
}

export function tableHeight(table: TableBlock, width: number, pt: number = TABLE.pt): number {
  return tableRowHeights(table, width, pt).reduce((a, b) => a + b, 0);
}

/** The largest size (TABLE.pt … TABLE.maxPt) at which the whole table fits `box`. */
export function tablePt(table: TableBlock, box: { w: number; h: number }): number {
  // Larger only while the table fits and no number or short text breaks that did not at the
  // planned size (long texts may take another line).
  const short = naturalWidths(table).map((w, c) => table.align[c] !== 'left' || w <= SHORT_TEXT);
  const broken = (pt: number) => {
    const widths = tableColumnWidths(table, box.w, pt);
    return [table.header, ...table.rows].flatMap((row) =>
      row.map((cell, c) => (short[c] ? lineCount(cell, Math.max(0.2, widths[c]! - 2 * TABLE.padX), pt) > 1 : false)),
    );
  };
  const base = broken(TABLE.pt);
  for (let pt: number = TABLE.maxPt; pt > TABLE.pt; pt--) {
    if (tableHeight(table, box.w, pt) <= box.h && broken(pt).every((b, i) => !b || base[i])) return pt;
  }
  return TABLE.pt;
}

/** How many body rows, from the first, fit in `height` under the header. */
export function rowsThatFit(table: TableBlock, width: number, height: number): number {
  const heights = tableRowHeights(table, width);
  let used = heights[0]!;
  let n = 0;
  for (const h of heights.slice(1)) {
    if (used + h > height + 1e-6) break;
    used += h;
    n++;
  }
  return n;
}

// ---- cards -------------------------------------------------------------------------------

/** Font sizes for a KPI card's value so it stays on one line inside the card. */
export function kpiValuePt(card: KpiCard, w: number, h: number): number {
  const maxPt = h < 2.2 ? 30 : 38;
  return fitOneLine(card.value, w - 0.5, maxPt, 16);
}

export interface InsightFit {
  headlinePt: number;
  valuePt: number;
  sentencePt: number;
  /** Offsets from the card's top (inches). */
  headlineY: number;
  valueY: number;
  sentenceY: number;
  sentenceH: number;
}

/**
 * Sizes for an insight card: the sentence must stay readable (≥ 10pt) and inside the card, so
 * the value gives up size first, then the sentence shrinks to its minimum.
 */
export interface InsightCaps {
  headlinePt: number;
  valuePt: number;
  sentencePt: number;
}

export function insightFit(card: InsightCard, box: Box, caps?: InsightCaps): InsightFit {
  const inner = box.w - 0.5;
  const headlinePt = Math.min(caps?.headlinePt ?? 14, fitOneLine(card.headline, inner, 14, 10));
  const top = 0.16;
  const headlineH = linesHeightIn(1, headlinePt) + 0.04;
  const bottomPad = 0.12;
  let valuePt = card.value ? Math.min(caps?.valuePt ?? 28, fitOneLine(card.value, inner, box.h < 1.6 ? 22 : 28, 14)) : 0;
  const sentenceRoom = (vPt: number) => box.h - top - headlineH - 0.04 - (card.value ? linesHeightIn(1, vPt, 1.2) + 0.04 : 0) - bottomPad;
  const maxSentence = caps?.sentencePt ?? 13;
  let fit = fitBlock(card.sentence, inner, Math.max(0.2, sentenceRoom(valuePt)), maxSentence, Math.min(10, maxSentence));
  while (card.value && valuePt > 14 && linesHeightIn(fit.lines, fit.pt) > sentenceRoom(valuePt)) {
    valuePt -= 2;
    fit = fitBlock(card.sentence, inner, Math.max(0.2, sentenceRoom(valuePt)), maxSentence, Math.min(10, maxSentence));
  }
  if (linesHeightIn(fit.lines, fit.pt) > sentenceRoom(valuePt)) fit = fitBlock(card.sentence, inner, Math.max(0.2, sentenceRoom(valuePt)), Math.min(10, maxSentence), 8);
  const valueY = top + headlineH + 0.04;
  const sentenceY = valueY + (card.value ? linesHeightIn(1, valuePt, 1.2) + 0.04 : 0);
  return { headlinePt, valuePt, sentencePt: fit.pt, headlineY: top, valueY, sentenceY, sentenceH: Math.max(0.2, box.h - sentenceY - bottomPad) };
}

/** Whether an insight card's sentence stays at a readable size (11pt) in `box`. */
export function insightReadable(card: InsightCard, box: Box): boolean {
  return insightFit(card, box).sentencePt >= 11;
}
