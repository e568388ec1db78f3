// Chart images for the e-mail: the deck model's charts drawn by chart.js on @napi-rs/canvas
// (Skia, shipped as a prebuilt binary inside the npm package, so nothing compiles at install).
// Chinese labels need a CJK font: one is registered from the system where one exists.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart as ChartJs, registerables, type ChartConfiguration, type ChartDataset, type Plugin } from 'chart.js';
import type { Chart, Deck } from '../report/model.js';
import type { Theme } from '../template/schema.js';

ChartJs.register(...registerables);

export const CJK_FONT_ENV = 'ECOM_REPORT_CJK_FONT';
/** The name the registered CJK font is known by inside the canvas. */
const CJK_ALIAS = 'EcomReportCJK';

/** Common places of a font with Simplified Chinese glyphs, most preferred first. */
const CJK_FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/System/Library/Fonts/PingFang.ttc',
  '/System/Library/Fonts/Hiragino Sans GB.ttc',
  '/System/Library/Fonts/STHeiti Medium.ttc',
  '/Library/Fonts/Arial Unicode.ttf',
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simhei.ttf',
  'C:\\Windows\\Fonts\\simsun.ttc',
];

export interface CjkFont {
  /** The font family charts are drawn with. */
  family: string;
  /** The font file registered, or null when none was found (Latin text still draws). */
  file: string | null;
}

let registered: CjkFont | undefined;

function fontconfigCjkFile(): string | null {
  try {
    const out = execFileSync('fc-list', [':lang=zh', 'file'], { encoding: 'utf8', timeout: 5_000, stdio: ['ignore', 'pipe', 'ignore'] });
    const files = out
      .split('\n')
      .map((l) => l.replace(/:\s*$/, '').trim())
      .filter((f) => /\.(ttc|otf|ttf)$/i.test(f));
    // Prefer a sans face in the regular weight: it reads best at chart sizes.
    return files.find((f) => /Sans.*Regular|Sans[^/]*\.tt/i.test(f)) ?? files[0] ?? null;
  } catch {
    return null; // no fontconfig (macOS, Windows): the well-known paths were the last resort
  }
}

/** Registers a CJK font once per process: ECOM_REPORT_CJK_FONT, then well-known files, then fontconfig. */
export function registerCjkFont(env: Record<string, string | undefined> = process.env): CjkFont {
  if (registered) return registered;
  const named = env[CJK_FONT_ENV];
  const candidates = [
    ...(named ? [named] : []),
    ...CJK_FONT_FILES.filter((f) => existsSync(f)),
  ];
  for (const file of candidates) {
    if (GlobalFonts.registerFromPath(file, CJK_ALIAS)) return (registered = { family: CJK_ALIAS, file });
  }
  const fromFontconfig = fontconfigCjkFile();
  if (fromFontconfig && GlobalFonts.registerFromPath(fromFontconfig, CJK_ALIAS)) {
    return (registered = { family: CJK_ALIAS, file: fromFontconfig });
  }
  return (registered = { family: 'sans-serif', file: null });
}

/** True when the text holds CJK characters, which need the CJK font to show as more than boxes. */
export function hasCjk(text: string): boolean {
  return /[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(text);
}

export interface RenderedChart {
  /** Content-ID for `<img src="cid:…">`. */
  cid: string;
  title: string;
  /** The chart's slide footnote (which days a starred month holds), shown under the image. */
  caption?: string;
  png: Buffer;
  width: number;
  height: number;
}

/** A chart the e-mail shows, with the footnote of the slide it stands on. */
export interface KeyChart {
  model: Chart;
  footnote?: string;
}

/** Slides whose charts the e-mail shows, in this order; others are used only when these are absent. */
export const KEY_CHART_SLIDES = ['overview.trend', 'overview.byPlatform', 'overview.byCategory'];

/**
 * The two or three charts that tell the quarter best: the key slides' charts, else the first
 * ones. Each keeps its slide's footnote: a starred month on the chart is explained only there.
 */
export function keyCharts(deck: Deck, max = 3): KeyChart[] {
  const bySlide = new Map<string, KeyChart>();
  const all: KeyChart[] = [];
  for (const slide of deck.slides) {
    if (slide.kind !== 'content') continue;
    for (const c of slide.components) {
      if (c.type !== 'chart' || c.series.every((s) => s.values.every((v) => v === null))) continue;
      const key: KeyChart = slide.footnote === undefined ? { model: c } : { model: c, footnote: slide.footnote };
      all.push(key);
      if (!bySlide.has(slide.id)) bySlide.set(slide.id, key);
    }
  }
  const picked = KEY_CHART_SLIDES.map((id) => bySlide.get(id)).filter((c): c is KeyChart => c !== undefined);
  for (const c of all) if (picked.length < max && !picked.includes(c)) picked.push(c);
  return picked.slice(0, max);
}

/** Formats a value with the chart's Excel-style format: '#,##0.0' → 1,234.5; '0.0%' → 12.3%. */
export function formatChartValue(value: number, numberFormat: string): string {
  const decimals = /\.(0+)/.exec(numberFormat)?.[1]?.length ?? 0;
  if (numberFormat.trim().endsWith('%')) return `${(value * 100).toFixed(decimals)}%`;
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

const hex = (c: string) => `#${c}`;

/** Fills the canvas white first: a transparent PNG shows black in some mail clients' dark modes. */
const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/** Writes each value at its bar end (bar charts with showValues) or its share (doughnuts). */
function valueLabels(model: Chart, fontFamily: string, textColor: string): Plugin {
  return {
    id: 'valueLabels',
    afterDatasetsDraw(chart) {
      if (!model.showValues) return;
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = `20px ${fontFamily}`;
      ctx.fillStyle = textColor;
      chart.data.datasets.forEach((dataset, di) => {
        const meta = chart.getDatasetMeta(di);
        if (meta.hidden || (meta.type !== 'bar' && meta.type !== 'doughnut')) return;
        meta.data.forEach((element, i) => {
          const value = dataset.data[i];
          if (typeof value !== 'number') return;
          if (meta.type === 'doughnut') {
            if (value < 0.04) return; // a sliver has no room for its label
            const { x, y } = element.tooltipPosition(false);
            ctx.fillStyle = '#FFFFFF';
            ctx.textAlign = 'center';
            ctx.textBaseline = 'middle';
            ctx.fillText(formatChartValue(value, model.numberFormat), x ?? 0, y ?? 0);
            return;
          }
          const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
          const text = formatChartValue(value, model.numberFormat);
          if (model.horizontal) {
            ctx.textAlign = 'left';
            ctx.textBaseline = 'middle';
            ctx.fillText(text, x + 6, y);
          } else {
            ctx.textAlign = 'center';
            ctx.textBaseline = 'bottom';
            ctx.fillText(text, x, y - 4);
          }
        });
      });
      ctx.restore();
    },
  };
}

function chartConfig(model: Chart, theme: Theme, fontFamily: string): ChartConfiguration {
  const palette = theme.colors.series.map(hex);
  const colour = (i: number) => palette[i % palette.length]!;
  const text = hex(theme.colors.text);
  const grid = '#E5E7EB';
  const title = { display: true, text: model.title, color: hex(theme.colors.primary), font: { size: 30, weight: 'bold' as const } };
  const legend = { position: 'bottom' as const, labels: { color: text, font: { size: 20 }, boxWidth: 24 } };
  const ticks = { color: text, font: { size: 18 } };

  if (model.chartType === 'doughnut') {
    const doughnut: ChartConfiguration<'doughnut'> = {
      type: 'doughnut',
      data: {
        labels: model.categories,
        datasets: model.series.slice(0, 1).map((s) => ({
          label: s.name,
          // A missing share is drawn as no slice at all.
          data: s.values.map((v) => v ?? 0),
          backgroundColor: model.categories.map((_, i) => colour(i)),
          borderColor: '#FFFFFF',
          borderWidth: 2,
        })),
      },
      options: {
        responsive: false,
        animation: false,
        devicePixelRatio: 1,
        cutout: '50%',
        plugins: { title, legend: { ...legend, position: 'right' } },
      },
    };
    return doughnut as unknown as ChartConfiguration;
  }

  const stacked = model.chartType === 'stackedBar' || model.chartType === 'waterfall' || model.chartType === 'funnel';
  const hasSecondary = model.chartType === 'combo' && model.series.some((s) => s.asLine);
  const datasets: ChartDataset<'bar' | 'line'>[] = model.series.map((s, i) => {
    const asLine = model.chartType === 'line' || (model.chartType === 'combo' && s.asLine === true);
    const base = { label: s.name, data: s.values, backgroundColor: colour(i), borderColor: colour(i) };
    if (asLine) {
      return {
        ...base,
        type: 'line' as const,
        borderWidth: 4,
        pointRadius: 4,
        spanGaps: false,
        yAxisID: model.chartType === 'combo' ? 'y1' : 'y',
      };
    }
    return { ...base, type: 'bar' as const, yAxisID: 'y' };
  });
  const valueAxis = {
    beginAtZero: true,
    stacked,
    ticks: { ...ticks, callback: (v: string | number) => formatChartValue(Number(v), model.numberFormat) },
    grid: { color: grid },
    title: { display: model.unitLabel.trim() !== '', text: model.unitLabel, color: text, font: { size: 18 } },
  };
  const categoryAxis = { stacked, ticks, grid: { display: false } };
  const scales: Record<string, unknown> = model.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis };
  if (hasSecondary) {
    scales['y1'] = {
      position: 'right',
      grid: { display: false },
      ticks: { ...ticks, callback: (v: string | number) => formatChartValue(Number(v), model.secondaryNumberFormat ?? '0.0%') },
    };
  }
  return {
    type: model.chartType === 'line' ? 'line' : 'bar',
    data: { labels: model.categories, datasets: datasets as ChartDataset<'bar'>[] },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      indexAxis: model.horizontal ? 'y' : 'x',
      plugins: { title, legend },
      scales: scales as never, // the axis options above are chart.js scale options for both kinds
    },
  } as ChartConfiguration;
}

/** Draws one model chart as a PNG, twice the size it is shown at so it stays sharp on HiDPI screens. */
export function renderChartPng(model: Chart, theme: Theme, opts: { width?: number; height?: number; font?: CjkFont } = {}): Buffer {
  const width = opts.width ?? 1200;
  const height = opts.height ?? 640;
  const font = opts.font ?? registerCjkFont();
  const canvas = createCanvas(width, height);
  const previousFamily = ChartJs.defaults.font.family;
  ChartJs.defaults.font.family = font.family;
  const config = chartConfig(model, theme, font.family);
  config.plugins = [whiteBackground, valueLabels(model, font.family, hex(theme.colors.text))];
  // chart.js takes any 2D context; Skia's matches the browser's for everything chart.js draws.
  const chart = new ChartJs(canvas.getContext('2d') as unknown as ConstructorParameters<typeof ChartJs>[0], config);
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
    ChartJs.defaults.font.family = previousFamily;
  }
}

/** The e-mail's key charts as PNGs with content ids, plus a warning when Chinese text has no font. */
export function renderKeyCharts(deck: Deck, theme: Theme, env?: Record<string, string | undefined>): { charts: RenderedChart[]; warnings: string[] } {
  const picked = keyCharts(deck);
  const font = registerCjkFont(env);
  const warnings: string[] = [];
  const needsCjk = picked.some(({ model: m }) => hasCjk([m.title, ...m.categories, ...m.series.map((s) => s.name), m.unitLabel].join(' ')));
  if (needsCjk && font.file === null) {
    warnings.push(
      `no Chinese font found, so chart labels in the e-mail may show as boxes — install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) or set ${CJK_FONT_ENV} to a .ttf/.otf/.ttc file`,
    );
  }
  const charts = picked.map(({ model: m, footnote }, i): RenderedChart => ({
    cid: `chart-${i + 1}@ecom-report`,
    title: m.title,
    ...(footnote === undefined ? {} : { caption: footnote }),
    png: renderChartPng(m, theme, { font }),
    width: 1200,
    height: 640,
  }));
  return { charts, warnings };
}
