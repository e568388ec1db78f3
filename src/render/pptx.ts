// Deck model + theme → .pptx bytes with pptxgenjs: native, editable charts, tables and text.
// This module only places and styles; every word and number arrives ready in the model, and
// where things go comes from ./layout.ts. Text is sized by measured width (CJK counts double),
// so nothing overflows its box. The raw package is then made consistent, reproducible and
// CJK-correct by `finishPackage`.
import type {
  Chart,
  ClosingSlide,
  Component,
  ContentSlide,
  ContentsSlide,
  CoverSlide,
  Deck,
  DividerSlide,
  InsightCard,
  KpiCard,
  Notice,
  TableBlock,
  TextBlock,
} from '../report/model.js';
import { xmlSafe } from './xml-text.js';
import { fitBlock, fitOneLine, lineCount, linesHeightIn, wrapLines } from '../report/text-fit.js';
import type { Theme } from '../template/schema.js';
import type { TemplateLogo } from '../template/load.js';
import type { ChartFixup } from './chart-xml.js';
import { fixChartXml } from './chart-xml.js';
import { drawChart, tint, valueAxisHidden, type ChartStyle } from './charts.js';
import { GRID, TABLE, insightFit, kpiValuePt, layoutSlide, tableColumnWidths, tablePt, tableRowHeights, type Box, type InsightCaps } from './layout.js';
import { finishPackage } from './package.js';
import { PptxGenJS, type Pptx, type PptxSlide as Slide, type TextProps, type TextPropsOptions } from './pptxgen.js';

export interface RenderOptions {
  theme: Theme;
  /** Stamped into docProps and zip entries so the same inputs give the same bytes. */
  fixedDate: Date;
  logo?: TemplateLogo;
}

export async function renderDeck(model: Deck, options: RenderOptions): Promise<Buffer> {
  const deck = xmlSafe(model);
  const { theme } = options;
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'ECOM_REPORT', width: theme.size.width, height: theme.size.height });
  pptx.layout = 'ECOM_REPORT';
  pptx.title = deck.title;
  pptx.company = deck.company;
  pptx.author = deck.company;
  pptx.subject = deck.title;
  pptx.theme = { headFontFace: theme.fonts.latin, bodyFontFace: theme.fonts.latin };

  const r = new Renderer(pptx, theme, deck, options.logo);
  let page = 0;
  for (const slide of deck.slides) {
    page++;
    switch (slide.kind) {
      case 'cover':
        r.cover(slide);
        break;
      case 'contents':
        r.contents(slide, page);
        break;
      case 'divider':
        r.divider(slide);
        break;
      case 'content':
        r.content(slide, page);
        break;
      case 'closing':
        r.closing(slide);
        break;
    }
  }
  const raw = (await pptx.write({ outputType: 'nodebuffer', compression: true })) as Buffer;
  const fixups = r.chartFixups;
  return finishPackage(raw, {
    fixedDate: options.fixedDate,
    eastAsianFont: theme.fonts.eastAsian,
    lang: deck.locale,
    // Charts are numbered in the order they were added, which is the order of `fixups`.
    transformChart: (n, xml) => fixChartXml(xml, fixups[n - 1], deck.locale),
  });
}

const WHITE = 'FFFFFF';

interface KpiStyle {
  labelPt: number;
  valuePt: number;
  deltaPt: number;
  sideBySide: boolean;
}

/** The smallest of each size the cards of one slide need, so sibling cards look alike. */
function insightGroupCaps(cards: { card: InsightCard; box: Box }[]): InsightCaps {
  const caps: InsightCaps = { headlinePt: 14, valuePt: 28, sentencePt: 13 };
  for (const { card, box } of cards) {
    const f = insightFit(card, box);
    caps.headlinePt = Math.min(caps.headlinePt, f.headlinePt);
    if (card.value) caps.valuePt = Math.min(caps.valuePt, f.valuePt);
    caps.sentencePt = Math.min(caps.sentencePt, f.sentencePt);
  }
  return caps;
}

class Renderer {
  private readonly W: number;
  private readonly H: number;
  private readonly c: Theme['colors'];
  private readonly font: string;
  readonly chartFixups: (ChartFixup | undefined)[] = [];

  constructor(
    private readonly pptx: Pptx,
    private readonly theme: Theme,
    private readonly deck: Deck,
    private readonly logo: TemplateLogo | undefined,
  ) {
    this.W = theme.size.width;
    this.H = theme.size.height;
    this.c = theme.colors;
    this.font = theme.fonts.latin;
  }

  private get chartStyle(): ChartStyle {
    return { colors: this.c, font: this.font, numberFont: this.theme.fonts.numbers, locale: this.deck.locale };
  }

  private text(slide: Slide, text: string | TextProps[], opts: TextPropsOptions): void {
    slide.addText(text, { fontFace: this.font, lang: this.deck.locale, margin: 0, valign: 'top', ...opts });
  }

  private rect(slide: Slide, x: number, y: number, w: number, h: number, color: string): void {
    slide.addShape(this.pptx.ShapeType.rect, { x, y, w, h, fill: { color }, line: { color, width: 0 } });
  }

  /** The logo within maxW × maxH, aspect kept; on a white plate where the background is dark. */
  private placeLogo(slide: Slide, x: number, y: number, maxW: number, maxH: number, opts: { align?: 'left' | 'right' | 'center'; plate?: boolean } = {}): void {
    if (!this.logo) return;
    const ratio = this.logo.width / Math.max(1, this.logo.height);
    let h = maxH;
    let w = h * ratio;
    if (w > maxW) {
      w = maxW;
      h = w / ratio;
    }
    const left = opts.align === 'right' ? x + maxW - w : opts.align === 'center' ? x + (maxW - w) / 2 : x;
    if (opts.plate) {
      // A logo drawn for white paper disappears on the primary colour.
      const pad = Math.min(0.18, h * 0.3);
      slide.addShape(this.pptx.ShapeType.roundRect, { x: left - pad, y: y - pad, w: w + 2 * pad, h: h + 2 * pad, fill: { color: WHITE }, line: { color: WHITE, width: 0 }, rectRadius: 0.08 });
    }
    slide.addImage({ data: this.logo.data, x: left, y, w, h });
  }

  // ---- structural slides ------------------------------------------------------------------

  cover(s: CoverSlide): void {
    const slide = this.pptx.addSlide();
    slide.background = { color: this.c.primary };
    this.rect(slide, 0, 0, 0.28, this.H, this.c.accent);
    // A quiet band of the palette along the foot: the deck's colours, once.
    const band = this.c.series.filter((col) => col.toUpperCase() !== this.c.primary.toUpperCase()).slice(0, 6);
    band.forEach((col, i) => this.rect(slide, 0.28 + (i * (this.W - 0.28)) / band.length, this.H - 0.12, (this.W - 0.28) / band.length, 0.12, col));
    const x = 1.0;
    const w = this.W - 2;
    if (this.logo) this.placeLogo(slide, x + 0.18, 0.8, 3, 0.55, { plate: true });
    else this.text(slide, s.company, { x, y: 0.8, w, h: 0.5, fontSize: fitOneLine(s.company, w, 18, 12), color: 'DCE3EC' });
    const titlePt = fitOneLine(s.title, w, 44, 28);
    this.text(slide, s.title, { x, y: 2.35, w, h: 1.1, fontSize: titlePt, bold: true, color: WHITE, valign: 'bottom' });
    this.text(slide, s.quarter, { x, y: 3.55, w, h: 0.6, fontSize: 24, color: tint(this.c.accent, 0.15) });
    this.rect(slide, x, 4.4, 1.2, 0.05, this.c.accent);
    if (this.logo) this.text(slide, s.company, { x, y: 4.7, w, h: 0.45, fontSize: 16, color: 'DCE3EC' });
    const meta = [s.presenter, s.date].filter((v): v is string => Boolean(v)).join('    ');
    this.text(slide, meta, { x, y: 5.9, w, h: 0.4, fontSize: 14, color: 'DCE3EC' });
  }

  contents(s: ContentsSlide, page: number): void {
    const slide = this.pptx.addSlide();
    slide.background = { color: this.c.background };
    // Left: a primary panel with the word "contents"; right: the numbered sections.
    const panelW = 4.1;
    this.rect(slide, 0, 0, panelW, this.H, this.c.primary);
    this.rect(slide, panelW - 0.12, 0, 0.12, this.H, this.c.accent);
    this.text(slide, s.title, { x: 0.8, y: 2.8, w: panelW - 1.3, h: 1.0, fontSize: fitOneLine(s.title, panelW - 1.3, 44, 24), bold: true, color: WHITE });
    this.rect(slide, 0.8, 3.9, 0.9, 0.05, this.c.accent);
    const x = panelW + 0.8;
    const w = this.W - x - GRID.margin;
    const top = 0.75;
    const rowH = Math.min(0.95, (this.H - top - 0.75) / Math.max(1, s.items.length));
    s.items.forEach((item, i) => {
      const y = top + i * rowH;
      const numberPt = Math.min(30, Math.floor(rowH * 40));
      this.text(slide, item.number, { x, y: y + 0.08, w: 0.9, h: rowH - 0.16, fontSize: numberPt, bold: true, color: this.c.accent, fontFace: this.theme.fonts.numbers, valign: 'middle' });
      const tw = w - 1.1;
      this.text(slide, item.title, { x: x + 1.1, y: y + 0.04, w: tw, h: rowH * 0.5, fontSize: fitOneLine(item.title, tw, 20, 14), bold: true, color: this.c.primary, valign: 'bottom' });
      this.text(slide, item.subtitle, { x: x + 1.1, y: y + 0.1 + rowH * 0.5, w: tw, h: rowH * 0.36, fontSize: fitOneLine(item.subtitle, tw, 12, 9), color: this.c.neutral, valign: 'top' });
      if (i < s.items.length - 1) this.rect(slide, x, y + rowH - 0.01, w, 0.01, this.c.grid);
    });
    this.footer(slide, page, panelW + 0.8);
  }

  divider(s: DividerSlide): void {
    const slide = this.pptx.addSlide();
    slide.background = { color: this.c.primary };
    this.rect(slide, 0, 0, 0.28, this.H, this.c.accent);
    const leftW = s.agenda && s.agenda.length > 0 ? 6.2 : this.W - 2;
    this.text(slide, s.number, { x: 1.0, y: 1.7, w: 3, h: 1.5, fontSize: 88, bold: true, color: this.c.accent, fontFace: this.theme.fonts.numbers, valign: 'bottom' });
    const titlePt = fitOneLine(s.title, leftW, 40, 26);
    const titleLines = wrapLines(s.title, leftW, titlePt);
    const titleH = linesHeightIn(titleLines.length, titlePt, 1.15) + 0.1;
    this.text(slide, s.title, { x: 1.0, y: 3.35, w: leftW, h: titleH, fontSize: titlePt, bold: true, color: WHITE });
    this.rect(slide, 1.0, 3.35 + titleH + 0.15, 1.0, 0.05, this.c.accent);
    const sub = fitBlock(s.subtitle, leftW, 0.9, 16, 12, 1.3);
    this.text(slide, s.subtitle, { x: 1.0, y: 3.35 + titleH + 0.4, w: leftW, h: 0.9, fontSize: sub.pt, color: 'DCE3EC', lineSpacingMultiple: 1.15 });
    if (s.agenda && s.agenda.length > 0) {
      // What the section holds, as a quiet list on the right.
      const x = 7.9;
      const w = this.W - x - 0.8;
      const items = s.agenda.slice(0, 12);
      const rowH = Math.min(0.55, 5.4 / items.length);
      const y0 = (this.H - rowH * items.length) / 2;
      this.rect(slide, x - 0.35, y0, 0.02, rowH * items.length, tint(this.c.primary, 0.35));
      // One size for the whole list: the largest at which every title fits its line.
      const pt = Math.min(...items.map((title) => fitOneLine(title, w, rowH < 0.5 ? 13 : 14, 10)));
      items.forEach((title, i) => {
        this.text(slide, title, { x, y: y0 + i * rowH, w, h: rowH, fontSize: pt, color: 'DCE3EC', valign: 'middle' });
      });
    }
  }

  closing(s: ClosingSlide): void {
    const slide = this.pptx.addSlide();
    slide.background = { color: this.c.primary };
    this.rect(slide, 0, 0, 0.28, this.H, this.c.accent);
    this.text(slide, s.title, { x: 0, y: 2.6, w: this.W, h: 1.1, fontSize: fitOneLine(s.title, this.W - 2, 48, 28), bold: true, color: WHITE, align: 'center', valign: 'middle' });
    this.rect(slide, this.W / 2 - 0.5, 3.85, 1.0, 0.05, this.c.accent);
    this.text(slide, s.subtitle, { x: 0, y: 4.1, w: this.W, h: 0.5, fontSize: 18, color: 'DCE3EC', align: 'center' });
    if (this.logo) this.placeLogo(slide, this.W / 2 - 1.0, 5.6, 2.0, 0.5, { plate: true, align: 'center' });
  }

  // ---- content slides ---------------------------------------------------------------------

  content(s: ContentSlide, page: number): void {
    const slide = this.pptx.addSlide();
    slide.background = { color: this.c.background };
    const layout = layoutSlide(s, { width: this.W, height: this.H });
    this.rect(slide, GRID.margin, layout.title.box.y + 0.08, 0.09, Math.min(0.5, layout.title.box.h - 0.12), this.c.accent);
    const titleW = layout.title.box.w - (this.logo ? 1.8 : 0);
    const title = layout.title;
    this.text(slide, s.title, { ...title.box, w: titleW, fontSize: title.pt, bold: true, color: this.c.primary, valign: 'middle' });
    if (this.logo) this.placeLogo(slide, this.W - GRID.margin - 1.5, 0.42, 1.5, 0.42, { align: 'right' });
    if (layout.headline && s.headline) {
      const h = layout.headline;
      this.text(slide, s.headline, { ...h.box, fontSize: h.pt, color: this.c.text, valign: 'middle', lineSpacingMultiple: 1.05 });
    }
    const visuals = s.components.filter((c) => c.type === 'chart' || c.type === 'notice').length;
    const placed = <T extends Component['type']>(type: T) =>
      s.components.flatMap((c, i) => (c.type === type && layout.boxes[i] ? [{ card: c as Extract<Component, { type: T }>, box: layout.boxes[i]! }] : []));
    const kpiStyle = this.kpiRowStyle(placed('kpi'));
    const insightCaps = insightGroupCaps(placed('insight'));
    s.components.forEach((component, i) => {
      const box = layout.boxes[i];
      if (!box) return;
      if (component.type === 'kpi') this.kpi(slide, component, box, kpiStyle);
      else if (component.type === 'insight') this.insight(slide, component, box, insightCaps);
      else this.component(slide, component, box, s, visuals);
    });
    if (layout.footnote && s.footnote) {
      this.text(slide, s.footnote, { ...layout.footnote, fontSize: fitOneLine(s.footnote, layout.footnote.w, 10, 8), color: this.c.neutral, valign: 'middle' });
    }
    if (s.notes.length > 0) slide.addNotes(s.notes.join('\n'));
    this.footer(slide, page);
  }

  private component(slide: Slide, c: Component, box: Box, s: ContentSlide, visuals: number): void {
    switch (c.type) {
      case 'kpi':
      case 'insight':
        return; // drawn by content(), which sizes a row of cards alike
      case 'chart':
        return this.chart(slide, c, box, s, visuals);
      case 'table':
        return this.table(slide, c, box);
      case 'notice':
        return this.notice(slide, c, box, s.layout === 'chart' || s.layout === 'two-charts' || s.layout === 'kpi-row');
      case 'text':
        return this.textBlock(slide, c, box, s.layout === 'text');
    }
  }

  private footer(slide: Slide, page: number, x: number = GRID.margin): void {
    if (!this.theme.footer.show) return;
    const y = this.H - 0.45;
    this.rect(slide, x, y - 0.08, this.W - GRID.margin - x, 0.01, this.c.grid);
    this.text(slide, this.deck.footer, { x, y, w: 8, h: 0.3, fontSize: 9, color: this.c.neutral, valign: 'middle' });
    if (this.theme.footer.pageNumbers) {
      this.text(slide, String(page), { x: this.W - GRID.margin - 1, y, w: 1, h: 0.3, fontSize: 9, color: this.c.neutral, align: 'right', valign: 'middle' });
    }
  }

  /**
   * One style for a row of KPI cards: the same label, value and delta sizes on every card (the
   * largest that fits all), and deltas side by side only if they fit side by side on all.
   */
  private kpiRowStyle(cards: { card: KpiCard; box: Box }[]): KpiStyle {
    const style: KpiStyle = { labelPt: 16, valuePt: 38, deltaPt: 13, sideBySide: true };
    for (const { card, box } of cards) {
      const inner = box.w - 0.5;
      const compact = box.h < 2.4;
      style.labelPt = Math.min(style.labelPt, fitOneLine(card.label, inner, compact ? 14 : 16, 10));
      style.valuePt = Math.min(style.valuePt, kpiValuePt(card.unit ? { ...card, value: `${card.value} ${card.unit}` } : card, box.w, box.h));
      const half = inner / 2 - 0.08;
      for (const d of card.deltas) {
        const text = `${d.label} ▲ ${d.text}`;
        style.deltaPt = Math.min(style.deltaPt, fitOneLine(text, inner, compact ? 12 : 13, 9));
        if (!compact || card.deltas.length !== 2 || fitOneLine(text, half, 12, 9) < 10) style.sideBySide = false;
      }
    }
    if (style.sideBySide) {
      for (const { card, box } of cards) {
        for (const d of card.deltas) style.deltaPt = Math.min(style.deltaPt, fitOneLine(`${d.label} ▲ ${d.text}`, (box.w - 0.5) / 2 - 0.08, 12, 10));
      }
    }
    return style;
  }

  private kpi(slide: Slide, card: KpiCard, b: Box, style: KpiStyle): void {
    this.rect(slide, b.x, b.y, b.w, b.h, this.c.surface);
    this.rect(slide, b.x, b.y, b.w, 0.06, this.c.accent);
    const pad = 0.25;
    const inner = b.w - 2 * pad;
    const compact = b.h < 2.4;
    this.text(slide, card.label, { x: b.x + pad, y: b.y + (compact ? 0.2 : 0.35), w: inner, h: 0.36, fontSize: style.labelPt, color: this.c.neutral, valign: 'middle' });
    // The value on one line; a unit rides after it, smaller.
    const valueY = b.y + (compact ? 0.6 : 0.95);
    const valueH = (style.valuePt * 1.3) / 72;
    const runs: TextProps[] = [{ text: card.value, options: { fontSize: style.valuePt, bold: true, color: this.c.primary, fontFace: this.theme.fonts.numbers } }];
    if (card.unit) runs.push({ text: ` ${card.unit}`, options: { fontSize: Math.max(10, Math.round(style.valuePt * 0.45)), color: this.c.neutral } });
    this.text(slide, runs, { x: b.x + pad, y: valueY, w: inner, h: valueH, valign: 'middle' });
    const rowH = compact ? 0.3 : 0.36;
    const deltasTop = b.y + b.h - (style.sideBySide ? rowH : rowH * card.deltas.length) - (compact ? 0.14 : 0.3);
    card.deltas.forEach((d, i) => {
      const arrow = d.direction === 'up' ? '▲ ' : d.direction === 'down' ? '▼ ' : '';
      const color = d.good === null ? this.c.neutral : d.good ? this.c.positive : this.c.negative;
      const x = style.sideBySide ? b.x + pad + i * (inner / 2) : b.x + pad;
      const y = style.sideBySide ? deltasTop : deltasTop + i * rowH;
      const w = style.sideBySide ? inner / 2 - 0.08 : inner;
      this.text(
        slide,
        [
          { text: `${d.label} `, options: { color: this.c.neutral, fontSize: style.deltaPt } },
          { text: `${arrow}${d.text}`, options: { color, fontSize: style.deltaPt, bold: true } },
        ],
        { x, y, w, h: rowH, valign: 'middle' },
      );
    });
  }

  private chart(slide: Slide, chart: Chart, box: Box, s: ContentSlide, visuals: number): void {
    let b = box;
    // A caption when the chart is one of several or says something the title does not.
    // Charts drawn without a value axis carry their unit in the caption.
    const axisHidden = valueAxisHidden(chart);
    const unit = axisHidden && chart.unitLabel ? chart.unitLabel : '';
    const titled = visuals > 1 || chart.title !== s.title;
    if (titled || unit) {
      const bracketed = unit ? (this.deck.locale === 'zh-CN' ? `（${unit}）` : ` (${unit})`) : '';
      const runs: TextProps[] = [];
      if (titled) runs.push({ text: chart.title, options: { bold: true, color: this.c.text } });
      if (unit) runs.push({ text: titled ? bracketed : unit, options: { bold: false, color: this.c.neutral } });
      const pt = fitOneLine(runs.map((r) => r.text).join(''), b.w, 13, 10);
      this.text(slide, runs, { x: b.x, y: b.y, w: b.w, h: 0.32, fontSize: titled ? pt : 10, valign: 'middle' });
      b = { x: b.x, y: b.y + 0.38, w: b.w, h: b.h - 0.38 };
    }
    drawChart(this.pptx, slide, chart, b, this.chartStyle, (f) => this.chartFixups.push(f));
  }

  private table(slide: Slide, t: TableBlock, box: Box): void {
    const pt = tablePt(t, box);
    const widths = tableColumnWidths(t, box.w, pt);
    const heights = tableRowHeights(t, box.w, pt);
    const toneColor = (tone: 'positive' | 'negative' | 'neutral' | null | undefined) =>
      tone === 'positive' ? this.c.positive : tone === 'negative' ? this.c.negative : this.c.text;
    const header = t.header.map((h, i) => ({
      text: h,
      options: { bold: true, color: WHITE, fill: { color: this.c.primary }, align: t.align[i] ?? 'left', fontSize: pt },
    }));
    const last = t.rows.length - 1;
    const body = t.rows.map((row, r) =>
      row.map((cell, i) => {
        const total = t.totalRow && r === last;
        return {
          text: cell,
          options: {
            color: toneColor(t.tones?.[r]?.[i]),
            bold: total,
            fill: { color: total ? tint(this.c.primary, 0.88) : r % 2 === 0 ? this.c.surface : this.c.background },
            align: t.align[i] ?? 'left',
            fontSize: pt,
            ...(total ? { border: [{ type: 'solid', pt: 1, color: this.c.primary }, { type: 'none' }, { type: 'none' }, { type: 'none' }] } : {}),
          },
        };
      }),
    );
    slide.addTable([header, ...body] as TextProps[][], {
      x: box.x,
      y: box.y,
      w: box.w,
      colW: widths,
      rowH: heights,
      fontFace: this.font,
      fontSize: pt,
      valign: 'middle',
      margin: [0, TABLE.padX, 0, TABLE.padX], // inches for table cells
      border: { type: 'none' },
      autoPage: false,
    });
  }

  private insight(slide: Slide, card: InsightCard, b: Box, caps: InsightCaps): void {
    const color = card.tone === 'positive' ? this.c.positive : card.tone === 'negative' ? this.c.negative : this.c.primary;
    this.rect(slide, b.x, b.y, b.w, b.h, this.c.surface);
    this.rect(slide, b.x, b.y, 0.07, b.h, color);
    const fit = insightFit(card, b, caps);
    const pad = 0.25;
    const inner = b.w - 2 * pad;
    this.text(slide, card.headline, { x: b.x + pad, y: b.y + fit.headlineY, w: inner, h: fit.valueY - fit.headlineY, fontSize: fit.headlinePt, bold: true, color: this.c.text, valign: 'middle' });
    if (card.value) {
      this.text(slide, card.value, { x: b.x + pad, y: b.y + fit.valueY, w: inner, h: fit.sentenceY - fit.valueY, fontSize: fit.valuePt, bold: true, color, fontFace: this.theme.fonts.numbers, valign: 'middle' });
    }
    this.text(slide, card.sentence, { x: b.x + pad, y: b.y + fit.sentenceY, w: inner, h: fit.sentenceH, fontSize: fit.sentencePt, color: this.c.text });
  }

  private notice(slide: Slide, n: Notice, b: Box, inPlaceOfChart: boolean): void {
    // A dashed frame where the chart would be, so the gap reads as deliberate.
    slide.addShape(this.pptx.ShapeType.rect, {
      x: b.x,
      y: b.y,
      w: b.w,
      h: b.h,
      fill: { color: inPlaceOfChart ? this.c.surface : this.c.background },
      line: { color: this.c.muted, width: 1, dashType: 'dash' },
    });
    const icon = 0.3;
    const pad = 0.25;
    const inner = b.w - 2 * pad - icon - 0.15;
    const fit = fitBlock(n.text, inner, Math.max(0.3, b.h - 0.2), inPlaceOfChart ? 15 : 13, 10, 1.25);
    const textH = Math.min(b.h - 0.1, linesHeightIn(fit.lines, fit.pt, 1.25) + 0.08);
    const cy = inPlaceOfChart ? b.y + b.h / 2 : b.y + b.h / 2;
    slide.addShape(this.pptx.ShapeType.ellipse, { x: b.x + pad, y: cy - icon / 2, w: icon, h: icon, fill: { color: this.c.muted }, line: { color: this.c.muted, width: 0 } });
    this.text(slide, 'i', { x: b.x + pad, y: cy - icon / 2, w: icon, h: icon, fontSize: 13, bold: true, color: WHITE, align: 'center', valign: 'middle', fontFace: 'Georgia' });
    this.text(slide, n.text, { x: b.x + pad + icon + 0.15, y: cy - textH / 2, w: inner, h: textH, fontSize: fit.pt, color: this.c.neutral, valign: 'middle', lineSpacingMultiple: 1.1 });
  }

  private textBlock(slide: Slide, block: TextBlock, b: Box, large: boolean): void {
    const bullets = block.style === 'bullets';
    const lead = bullets && block.paragraphs.length > 1;
    const pad = large ? 0 : 0.2;
    const inner = b.w - 2 * pad - (bullets ? 0.35 : 0);
    const room = b.h - 2 * pad;
    // One size for the whole block: the largest at which every paragraph fits the box.
    const maxPt = large ? 18 : 14;
    let pt = maxPt;
    for (; pt > 10; pt--) {
      const lines = block.paragraphs.reduce((a, p) => a + lineCount(p, inner, pt), 0);
      if (linesHeightIn(lines, pt, 1.3) + (block.paragraphs.length * pt * 0.5) / 72 <= room) break;
    }
    const runs: TextProps[] = block.paragraphs.map((p, i) => ({
      text: p,
      options: {
        breakLine: i < block.paragraphs.length - 1,
        bullet: bullets && !(lead && i === 0) ? { indent: 14 } : undefined,
        bold: lead && i === 0,
        color: lead && i === 0 ? this.c.primary : this.c.text,
        paraSpaceAfter: Math.round(pt * 0.5),
      },
    }));
    if (!large) this.rect(slide, b.x, b.y, b.w, b.h, this.c.surface);
    this.text(slide, runs, { x: b.x + pad, y: b.y + pad, w: b.w - 2 * pad, h: b.h - 2 * pad, fontSize: pt, color: this.c.text, lineSpacingMultiple: 1.1 });
  }
}
