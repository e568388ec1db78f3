// The template's data files: theme.yaml (look), deck.yaml (which slides, in what order, with
// which layout and figures) and locales/<lang>.yaml (words). Shapes only; the names inside
// deck.yaml (slide ids, figures, layouts, colours) are checked in deck.ts, with suggestions.
import { z } from 'zod';

const hex = z.string().regex(/^[0-9A-Fa-f]{6}$/, 'expected a 6-digit hex colour like 1F3A5F (no #)');

/** A font's name as the slides' XML carries it: no markup characters, quotes or control characters. */
const fontName = z
  .string()
  .min(1)
  .regex(/^[^<>&"\u0000-\u001F]+$/, 'expected a font name like Microsoft YaHei (without < > & " or control characters)');

/** The colour roles a template names; deck.yaml may refer to any of them by name. */
export const COLOR_ROLES = ['primary', 'accent', 'positive', 'negative', 'neutral', 'muted', 'grid', 'background', 'surface', 'text'] as const;
export type ColorRole = (typeof COLOR_ROLES)[number];

export const themeSchema = z
  .object({
    size: z
      // Width 10–56 inches: PowerPoint takes at most 56, and the layouts' margins and gaps, in
      // inches, leave no room for a slide much narrower than the 13.333 they are drawn on.
      .object({ width: z.number().min(10, 'at least 10 (inches)').max(56, 'at most 56 (inches), the widest slide PowerPoint opens'), height: z.number().positive() })
      .strict()
      .refine((s) => Math.abs(s.width / s.height - 16 / 9) < 0.01, {
        message: 'the layouts are drawn for 16:9; use width 13.333 and height 7.5 (inches)',
      }),
    colors: z
      .object({
        primary: hex,
        accent: hex,
        positive: hex,
        negative: hex,
        neutral: hex,
        /** Comparison periods in charts (a year ago, last quarter). */
        muted: hex.default('A7B4C4'),
        /** Gridlines and rules. */
        grid: hex.default('E5E7EB'),
        background: hex,
        surface: hex,
        text: hex,
        series: z.array(hex).min(2),
      })
      .strict(),
    fonts: z.object({ latin: fontName, eastAsian: fontName, numbers: fontName }).strict(),
    footer: z
      .union([z.boolean(), z.object({ show: z.boolean().default(true), pageNumbers: z.boolean().default(true) }).strict()])
      .default(true)
      .transform((f) => (typeof f === 'boolean' ? { show: f, pageNumbers: f } : f)),
    /** A PNG or JPEG, relative to the theme.yaml that names it; shown on the cover and content slides. */
    logo: z.string().nullable().default(null),
  })
  .strict();

export type Theme = z.output<typeof themeSchema>;

/** Locale strings: a tree of strings (and string lists) addressed by dot paths. */
export type LocaleTree = { [key: string]: string | string[] | LocaleTree };

// ---- deck.yaml ---------------------------------------------------------------------------

export const LAYOUTS = ['kpi-row', 'chart', 'two-charts', 'table', 'cards', 'text'] as const;
export const CHART_TYPES = ['bar', 'stackedBar', 'line', 'combo', 'doughnut', 'waterfall', 'funnel'] as const;
/** Generic slide kinds a template may add around an existing figure. */
export const GENERIC_KINDS = ['chart', 'kpis', 'table', 'insights'] as const;
/** Components a template may add to a slide (`add:`). */
export const COMPONENT_KINDS = ['chart', 'kpi', 'insight', 'table'] as const;

/** Keys of each deck.yaml object, for "did you mean" on a misspelt key. */
export const DECK_KEYS = {
  deck: ['contents', 'sections', 'slides'],
  section: ['id', 'show', 'divider', 'slides'],
  slide: ['id', 'show', 'layout', 'title', 'kind', 'chart', 'charts', 'figures', 'table', 'add', 'after'],
  chart: ['type', 'figure', 'measure', 'compare', 'horizontal', 'color', 'title', 'better'],
  figure: ['figure', 'better', 'measure'],
} as const;

const chartSpec = z
  .object({
    type: z.string(),
    figure: z.string(),
    /** Which measure of a breakdown or series to draw (default: its first money figure). */
    measure: z.string().optional(),
    /** Add the same period a year earlier as a second, muted series. */
    compare: z.boolean().optional(),
    horizontal: z.boolean().optional(),
    /** A colour role for a single-series chart, e.g. accent. */
    color: z.string().optional(),
    /** Locale key of the chart's caption. */
    title: z.string().optional(),
    /** Higher is better (default from the figure): colours waterfall steps and arrows. */
    better: z.enum(['higher', 'lower']).optional(),
  })
  .strict();
export type ChartSpec = z.output<typeof chartSpec>;

const figureRef = z.object({ figure: z.string(), better: z.enum(['higher', 'lower']).optional(), measure: z.string().optional() }).strict();
export type FigureRef = z.output<typeof figureRef>;

/** An extra component on a slide: exactly one of these keys. */
const componentSpec = z.record(z.string(), z.unknown());
export type ComponentSpec = z.output<typeof componentSpec>;

const slideObject = z
  .object({
    id: z.string().min(1),
    /** false leaves the slide out. */
    show: z.boolean().optional(),
    layout: z.string().optional(),
    /** Locale key of the slide title. */
    title: z.string().optional(),
    /** A generic slide made from existing figures (absent: a built-in slide by id). */
    kind: z.string().optional(),
    chart: chartSpec.optional(),
    charts: z.array(chartSpec).optional(),
    /** KPI cards or insight cards of these figures (written as ids or `{ figure, better }`). */
    figures: z.array(figureRef).optional(),
    table: figureRef.optional(),
    /** Components added to the slide, e.g. `- chart: { type: bar, figure: overview.gmv }`. */
    add: z.array(componentSpec).optional(),
    /** In `slides:` only: place this new slide after the slide with this id. */
    after: z.string().optional(),
  })
  .strict();
export type SlideSpec = z.output<typeof slideObject>;

const sectionSpec = z
  .object({
    id: z.string(),
    /** false leaves the whole section (divider and slides) out. */
    show: z.boolean().optional(),
    /** Whether the section gets a divider slide (default true). */
    divider: z.boolean().optional(),
    /** Slide ids, or objects with an id (a bare id is read as `{ id }` before checking). */
    slides: z.array(slideObject),
  })
  .strict();
export type SectionSpec = z.output<typeof sectionSpec>;

export const deckSchema = z
  .object({
    /** Whether the deck has a contents slide (default true). */
    contents: z.boolean().optional(),
    sections: z.array(sectionSpec).optional(),
    /** Per-slide overrides by id, merged layer over layer: title, layout, show, add, … */
    slides: z.record(z.string(), slideObject.omit({ id: true }).partial()).optional(),
  })
  .strict();
export type DeckSpec = z.output<typeof deckSchema>;
