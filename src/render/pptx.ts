// Deck model + theme → .pptx bytes with pptxgenjs: native, editable charts and text. This
// module only places and styles; every word and number arrives ready in the model. The raw
// package is then made consistent and reproducible by `finishPackage`.
import type {
  Chart,
  ClosingSlide,
  ContentSlide,
  ContentsSlide,
  CoverSlide,
  Deck,
  DividerSlide,
  KpiCard,
  TableBlock,
  TextBlock,
} from '../report/model.js';
import type { Theme } from '../template/schema.js';
import { finishPackage } from './package.js';
import { PptxGenJS, type ChartOptions, type Pptx, type PptxSlide as Slide, type TextProps, type TextPropsOptions } from './pptxgen.js';

export interface RenderOptions {
  theme: Theme;
  /** Stamped into docProps and zip entries so the same inputs give the same bytes. */
  fixedDate: Date;
}

const MARGIN = 0.6;

export async function renderDeck(deck: Deck, options: RenderOptions): Promise<Buffer> {
  const { theme } = options;
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'ECOM_REPORT', width: theme.size.width, height: theme.size.height });
  pptx.layout = 'ECOM_REPORT';
  pptx.title = deck.title;
  pptx.company = deck.company;
  pptx.author = deck.company;
  pptx.subject = deck.title;
  pptx.theme = { headFontFace: theme.fonts.latin, bodyFontFace: theme.fonts.latin };

  const r = new Renderer(pptx, theme, deck);
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
  return finishPackage(raw, { fixedDate: options.fixedDate, eastAsianFont: theme.fonts.eastAsian, lang: deck.locale });
}

class Renderer {
  private readonly W: number;
  private readonly H: number;
  private readonly c: Theme['colors'];
  private readonly font: string;

  constructor(
    private readonly pptx: Pptx,
    private readonly theme: Theme,
    private readonly deck: Deck,
  ) {
    this.W = theme.size.width;
    this.H = theme.size.height;
    this.c = theme.colors;
    this.font = theme.fonts.latin;
  }

  private text(slide: Slide, text: string | TextProps[], opts: TextPropsOptions): void {
    slide.addText(text, { fontFace: this.font, lang: this.deck.locale, margin: 0, valign: 'top', ...opts });
  }

  private rect(slide: Slide, x: number, y: number, w: number, h: number, color: string): void {
    slide.addShape(this.pptx.ShapeType.rect, { x, y, w, h, fill: { color }, line: { color, width: 0 } });
  }

  cover(s: CoverSlide): void {
    const slide = this.pptx.addSlide();
    slide.background = { color: this.c.primary };
    this.rect(slide, 0, 0, 0.28, this.H, this.c.accent);
    this.text(slide, s.company, { x: 1.0, y: 0.8, w: this.W - 2, h: 0.5, fontSize: 18, color: 'DCE3EC' });
    this.text(slide, s.title, { x: 1.0, y: 2.45, w: this.W - 2, h: 1.0, fontSize: 44, bold: true, color: 'FFFFFF' });
    this.text(slide, s.quarter, { x: 1.0, y: 3.55, w: this.W - 2, h: 0.6, fontSize: 24, color: this.c.accent });
    this.rect(slide, 1.0, 4.45, 1.2, 0.05, this.c.accent);
    const meta = [s.presenter, s.date].filter((v): v is string => Boolean(v)).join('    ');
    this.text(slide, meta, { x: 1.0, y: 5.9, w: this.W - 2, h: 0.4, fontSize: 14, color: 'DCE3EC' });
  }

  contents(s: ContentsSlide, page: number): void {
    const slide = this.pptx.addSlide();
    slide.background = { color: this.c.background };
    this.title(slide, s.title);
    const colW = (this.W - 2 * MARGIN - 0.6) / 2;
    s.items.forEach((item, i) => {
      const col = Math.floor(i / 3);
      const row = i % 3;
      const x = MARGIN + col * (colW + 0.6);
      const y = 1.7 + row * 1.7;
      this.rect(slide, x, y, colW, 1.35, this.c.surface);
      this.text(slide, item.number, { x: x + 0.3, y: y + 0.25, w: 1.1, h: 0.85, fontSize: 36, bold: true, color: this.c.accent, fontFace: this.theme.fonts.numbers });
      this.text(slide, item.title, { x: x + 1.5, y: y + 0.25, w: colW - 1.8, h: 0.5, fontSize: 20, bold: true, color: this.c.primary });
      this.text(slide, item.subtitle, { x: x + 1.5, y: y + 0.78, w: colW - 1.8, h: 0.45, fontSize: 11, color: this.c.neutral, fit: 'shrink' });
    });
    this.footer(slide, page);
  }

  divider(s: DividerSlide): void {
    const slide = this.pptx.addSlide();
    slide.background = { color: this.c.primary };
    this.text(slide, s.number, { x: 1.0, y: 2.0, w: 3, h: 1.4, fontSize: 80, bold: true, color: this.c.accent, fontFace: this.theme.fonts.numbers });
    this.text(slide, s.title, { x: 1.0, y: 3.5, w: this.W - 2, h: 0.9, fontSize: 38, bold: true, color: 'FFFFFF' });
    this.text(slide, s.subtitle, { x: 1.0, y: 4.45, w: this.W - 2, h: 0.5, fontSize: 16, color: 'DCE3EC' });
  }

  closing(s: ClosingSlide): void {
    const slide = this.pptx.addSlide();
    slide.background = { color: this.c.primary };
    this.text(slide, s.title, { x: 0, y: 2.7, w: this.W, h: 1.0, fontSize: 48, bold: true, color: 'FFFFFF', align: 'center' });
    this.text(slide, s.subtitle, { x: 0, y: 3.8, w: this.W, h: 0.5, fontSize: 18, color: 'DCE3EC', align: 'center' });
  }

  content(s: ContentSlide, page: number): void {
    const slide = this.pptx.addSlide();
    slide.background = { color: this.c.background };
    this.title(slide, s.title, s.headline);
    const top = 1.75;
    const bottom = this.H - 0.75;
    const width = this.W - 2 * MARGIN;
    if (s.layout === 'kpi-row') {
      const cards = s.components.filter((c): c is KpiCard => c.type === 'kpi');
      const gap = 0.3;
      const w = (width - gap * (cards.length - 1)) / cards.length;
      cards.forEach((card, i) => this.kpi(slide, card, MARGIN + i * (w + gap), top + 0.55, w, 3.3));
    } else if (s.layout === 'chart') {
      const chart = s.components.find((c): c is Chart => c.type === 'chart');
      const side = s.components.find((c): c is TextBlock | TableBlock => c.type === 'text' || c.type === 'table');
      const chartW = side ? width * 0.6 : width;
      if (chart) this.chart(slide, chart, MARGIN, top, chartW, bottom - top);
      if (side?.type === 'text') {
        const x = MARGIN + chartW + 0.3;
        this.rect(slide, x, top, width - chartW - 0.3, bottom - top, this.c.surface);
        this.textBlock(slide, side, x + 0.25, top + 0.25, width - chartW - 0.8, bottom - top - 0.5, 13);
      } else if (side?.type === 'table') {
        this.table(slide, side, MARGIN + chartW + 0.3, top + 0.2, width - chartW - 0.3);
      }
    } else {
      for (const c of s.components) if (c.type === 'text') this.textBlock(slide, c, MARGIN + 0.3, top + 0.2, width - 0.6, bottom - top - 0.4, 18);
    }
    if (s.notes.length > 0) slide.addNotes(s.notes.join('\n'));
    this.footer(slide, page);
  }

  private title(slide: Slide, title: string, headline?: string): void {
    this.rect(slide, MARGIN, 0.42, 0.09, 0.5, this.c.accent);
    this.text(slide, title, { x: MARGIN + 0.25, y: 0.36, w: this.W - 2 * MARGIN - 0.25, h: 0.62, fontSize: 26, bold: true, color: this.c.primary, valign: 'middle', fit: 'shrink' });
    if (headline) {
      this.text(slide, headline, { x: MARGIN + 0.25, y: 1.05, w: this.W - 2 * MARGIN - 0.25, h: 0.45, fontSize: 15, color: this.c.text, valign: 'middle', fit: 'shrink' });
    }
  }

  private footer(slide: Slide, page: number): void {
    if (!this.theme.footer) return;
    this.text(slide, this.deck.footer, { x: MARGIN, y: this.H - 0.45, w: 8, h: 0.3, fontSize: 9, color: this.c.neutral });
    this.text(slide, String(page), { x: this.W - MARGIN - 1, y: this.H - 0.45, w: 1, h: 0.3, fontSize: 9, color: this.c.neutral, align: 'right' });
  }

  private kpi(slide: Slide, card: KpiCard, x: number, y: number, w: number, h: number): void {
    this.rect(slide, x, y, w, h, this.c.surface);
    this.rect(slide, x, y, w, 0.07, this.c.accent);
    this.text(slide, card.label, { x: x + 0.3, y: y + 0.4, w: w - 0.6, h: 0.4, fontSize: 16, color: this.c.neutral });
    // Values such as "¥1,234.5万" run long: size them to the card (CJK counts double).
    const valueSize = fitFontSize(card.value, w - 0.6, 36, 18);
    this.text(slide, card.value, { x: x + 0.3, y: y + 1.0, w: w - 0.6, h: 0.9, fontSize: valueSize, bold: true, color: this.c.primary, fontFace: this.theme.fonts.numbers, valign: 'middle' });
    card.deltas.forEach((d, i) => {
      const arrow = d.direction === 'up' ? '▲ ' : d.direction === 'down' ? '▼ ' : '';
      const color = d.good === null ? this.c.neutral : d.good ? this.c.positive : this.c.negative;
      this.text(
        slide,
        [
          { text: `${d.label}  `, options: { color: this.c.neutral, fontSize: 13 } },
          { text: `${arrow}${d.text}`, options: { color, fontSize: 14, bold: true } },
        ],
        { x: x + 0.3, y: y + h - 1.25 + i * 0.45, w: w - 0.6, h: 0.4, valign: 'middle' },
      );
    });
  }

  private table(slide: Slide, t: TableBlock, x: number, y: number, w: number): void {
    const rowH = 0.42;
    const toneColor = (tone: 'positive' | 'negative' | 'neutral' | null | undefined) =>
      tone === 'positive' ? this.c.positive : tone === 'negative' ? this.c.negative : this.c.text;
    const header = t.header.map((h, i) => ({
      text: h,
      options: { bold: true, color: 'FFFFFF', fill: { color: this.c.primary }, align: t.align[i] ?? 'left' },
    }));
    const body = t.rows.map((row, r) =>
      row.map((cell, i) => ({
        text: cell,
        options: {
          color: toneColor(t.tones?.[r]?.[i]),
          fill: { color: r % 2 === 0 ? this.c.surface : this.c.background },
          align: t.align[i] ?? 'left',
        },
      })),
    );
    // The first column takes the slack; numbers get equal, narrower columns.
    const numberW = Math.min(1.25, (w * 0.62) / Math.max(1, t.header.length - 1));
    const firstW = w - numberW * (t.header.length - 1);
    slide.addTable([header, ...body] as TextProps[][], {
      x,
      y,
      w,
      colW: [firstW, ...t.header.slice(1).map(() => numberW)],
      rowH,
      fontFace: this.font,
      fontSize: 12,
      valign: 'middle',
      margin: [0, 0.08, 0, 0.08], // inches for table cells
      border: { type: 'none' },
    });
  }

  private textBlock(slide: Slide, block: TextBlock, x: number, y: number, w: number, h: number, fontSize: number): void {
    const runs: TextProps[] = block.paragraphs.map((p, i) => ({
      text: p,
      options: {
        breakLine: i < block.paragraphs.length - 1,
        bullet: block.style === 'bullets' && i > 0 ? { indent: 14 } : undefined,
        bold: block.style === 'bullets' && i === 0 && block.paragraphs.length > 1 && fontSize > 14,
        paraSpaceAfter: 6,
      },
    }));
    this.text(slide, runs, { x, y, w, h, fontSize, color: this.c.text, fit: 'shrink' });
  }

  private chart(slide: Slide, chart: Chart, x: number, y: number, w: number, h: number): void {
    const data = chart.series.map((s) => ({
      name: s.name,
      labels: chart.categories,
      // pptxgenjs has no "missing" value: a gap in a line must stay empty, never 0.
      values: s.values as number[],
    }));
    const common: ChartOptions = {
      x,
      y,
      w,
      h,
      chartColors: this.c.series,
      showLegend: chart.series.length > 1 || chart.chartType === 'doughnut',
      legendPos: chart.chartType === 'doughnut' ? 'r' : 'b',
      legendFontSize: 11,
      legendFontFace: this.font,
      legendColor: this.c.text,
      catAxisLabelFontFace: this.font,
      catAxisLabelFontSize: 11,
      catAxisLabelColor: this.c.text,
      valAxisLabelFontFace: this.font,
      valAxisLabelFontSize: 10,
      valAxisLabelColor: this.c.neutral,
      valAxisLabelFormatCode: chart.numberFormat,
      valGridLine: { color: 'E5E7EB', size: 0.5 },
      catGridLine: { style: 'none' },
      dataLabelFormatCode: chart.numberFormat,
      dataLabelFontFace: this.font,
      dataLabelFontSize: 10,
      dataLabelColor: this.c.text,
      showValue: chart.showValues ?? false,
      showValAxisTitle: chart.unitLabel !== '',
      valAxisTitle: chart.unitLabel,
      valAxisTitleFontSize: 11,
      valAxisTitleColor: this.c.neutral,
      valAxisTitleFontFace: this.font,
      lang: this.deck.locale,
    };
    if (chart.chartType === 'bar') {
      slide.addChart(this.pptx.ChartType.bar, data, {
        ...common,
        barDir: chart.horizontal ? 'bar' : 'col',
        barGapWidthPct: 60,
        dataLabelPosition: 'outEnd',
      });
    } else if (chart.chartType === 'line') {
      slide.addChart(this.pptx.ChartType.line, data, {
        ...common,
        lineSize: 2.5,
        lineDataSymbol: 'circle',
        lineDataSymbolSize: 7,
        dataLabelPosition: 't',
      });
    } else if (chart.chartType === 'doughnut') {
      slide.addChart(this.pptx.ChartType.doughnut, data, {
        ...common,
        holeSize: 58,
        showPercent: false,
        showValue: true,
        dataLabelColor: 'FFFFFF',
        dataLabelFontSize: 11,
        showValAxisTitle: false,
      });
    }
  }
}

/**
 * The largest font size (pt) at which `text` fits on one line of `widthIn` inches, counting
 * CJK and full-width characters as one em and Latin as about half.
 */
export function fitFontSize(text: string, widthIn: number, maxPt: number, minPt: number): number {
  let ems = 0;
  for (const ch of text) ems += /[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.58;
  const pt = Math.floor((widthIn * 72) / Math.max(ems, 1));
  return Math.max(minPt, Math.min(maxPt, pt));
}
