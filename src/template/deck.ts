// deck.yaml: reading it layer over layer and checking every name in it. A later layer's
// `sections` list replaces the earlier one whole; its `slides:` entries override single slides
// by id (title, layout, show, add …) or add a new slide `after:` another. Every problem names
// the file, the path inside it and the nearest valid name.
import { formatPath } from '../config/issues.js';
import { nearest } from '../config/suggest.js';
import {
  CHART_TYPES,
  COLOR_ROLES,
  COMPONENT_KINDS,
  DECK_KEYS,
  GENERIC_KINDS,
  LAYOUTS,
  deckSchema,
  type ChartSpec,
  type ComponentSpec,
  type DeckSpec,
  type FigureRef,
  type SlideSpec,
} from './schema.js';

export interface DeckLayer {
  /** The file as shown in messages. */
  file: string;
  raw: unknown;
}

/** A slide as the deck will show it, with where its definition came from. */
export interface ResolvedSlide extends SlideSpec {
  file: string;
  path: string;
}

export interface ResolvedSection {
  id: string;
  divider: boolean;
  slides: ResolvedSlide[];
  file: string;
  path: string;
}

export interface ResolvedDeck {
  contents: boolean;
  sections: ResolvedSection[];
  /** Problems found while merging (unknown keys, bad shapes, overrides of nothing). */
  problems: string[];
  /**
   * `slides:` overrides that only hide a slide no section lists: fine for a built-in slide id,
   * a misspelling otherwise (checked against the slide ids in validateDeck).
   */
  hiddenUnlisted?: { id: string; file: string; path: string }[];
}

/** What the names in deck.yaml are checked against. */
export interface DeckNames {
  sectionIds: readonly string[];
  /** Ids of the built-in slides (SlideDef ids). */
  slideIds: readonly string[];
  /** Figure ids with their kind and measures; omit to skip figure checks (no metrics yet). */
  figures?: readonly { id: string; kind: 'scalar' | 'breakdown' | 'series'; measures: readonly string[] }[];
  /**
   * Before the figures are computed (no `figures`): the ids no data could make figures, with
   * the ids to suggest instead. Kinds and measures wait for the figures.
   */
  impossibleFigures?: { test: (id: string) => boolean; candidates: readonly string[] };
  /** Whether a locale key names a string, for `title:`; omit to skip. */
  hasString?: (key: string) => boolean;
}

/** Bare slide ids and bare figure ids become `{ id }` / `{ figure }` before the schema sees them. */
function normalise(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const slide = (s: unknown): unknown => {
    if (typeof s === 'string') return { id: s };
    if (typeof s !== 'object' || s === null || Array.isArray(s)) return s;
    const o = { ...(s as Record<string, unknown>) };
    if (Array.isArray(o['figures'])) o['figures'] = o['figures'].map((f) => (typeof f === 'string' ? { figure: f } : f));
    if (typeof o['table'] === 'string') o['table'] = { figure: o['table'] };
    return o;
  };
  if (Array.isArray(out['sections'])) {
    out['sections'] = out['sections'].map((sec) => {
      if (typeof sec !== 'object' || sec === null || Array.isArray(sec)) return sec;
      const o = { ...(sec as Record<string, unknown>) };
      if (Array.isArray(o['slides'])) o['slides'] = o['slides'].map(slide);
      return o;
    });
  }
  if (typeof out['slides'] === 'object' && out['slides'] !== null && !Array.isArray(out['slides'])) {
    out['slides'] = Object.fromEntries(Object.entries(out['slides'] as Record<string, unknown>).map(([k, v]) => [k, slide(v)]));
  }
  return out;
}

/** Which object a path inside deck.yaml points at, for suggesting a misspelt key. */
function keysFor(path: readonly PropertyKey[]): readonly string[] {
  const p = path.map(String);
  const last = p.at(-1);
  if (p.length === 0) return DECK_KEYS.deck;
  if (p[0] === 'sections' && p.length === 2) return DECK_KEYS.section;
  if (p[0] === 'sections' && p.length === 4 && p[2] === 'slides') return DECK_KEYS.slide;
  if (p[0] === 'slides' && p.length === 2) return DECK_KEYS.slide;
  if (last === 'chart' || (p.at(-2) === 'charts' && /^\d+$/.test(last ?? ''))) return DECK_KEYS.chart;
  if (last === 'table' || (p.at(-2) === 'figures' && /^\d+$/.test(last ?? ''))) return DECK_KEYS.figure;
  return [];
}

export function parseDeckLayer(layer: DeckLayer): { spec?: DeckSpec; problems: string[] } {
  const parsed = deckSchema.safeParse(normalise(layer.raw ?? {}));
  if (parsed.success) return { spec: parsed.data, problems: [] };
  const problems: string[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const guess = nearest(key, keysFor(issue.path));
        problems.push(`${layer.file}: ${formatPath([...issue.path, key])}: unknown key '${key}'${guess ? ` — did you mean '${guess}'?` : ''}`);
      }
    } else if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) {
      problems.push(`${layer.file}: ${formatPath(issue.path)}: is required`);
    } else {
      problems.push(`${layer.file}: ${formatPath(issue.path)}: ${issue.message}`);
    }
  }
  return { problems };
}

/** The deck as the layers together describe it (later layers win). */
export function mergeDeckLayers(layers: readonly DeckLayer[]): ResolvedDeck {
  const problems: string[] = [];
  let contents = true;
  let sections: ResolvedSection[] = [];
  const overrides = new Map<string, { spec: Partial<SlideSpec>; file: string }>();
  const hiddenUnlisted: { id: string; file: string; path: string }[] = [];
  for (const layer of layers) {
    const { spec, problems: p } = parseDeckLayer(layer);
    problems.push(...p);
    if (!spec) continue;
    if (spec.contents !== undefined) contents = spec.contents;
    if (spec.sections) {
      sections = spec.sections.flatMap((sec, i) =>
        sec.show === false
          ? []
          : [
              {
                id: sec.id,
                divider: sec.divider ?? true,
                file: layer.file,
                path: `sections[${i}]`,
                slides: sec.slides.map((s, j) => ({ ...s, file: layer.file, path: `sections[${i}].slides[${j}]` })),
              },
            ],
      );
    }
    for (const [id, o] of Object.entries(spec.slides ?? {})) {
      const prev = overrides.get(id);
      overrides.set(id, { spec: { ...(prev?.spec ?? {}), ...o }, file: layer.file });
    }
  }
  // Apply single-slide overrides; new slides go after the slide they name.
  for (const [id, { spec, file }] of overrides) {
    const path = `slides.${id}`;
    const where = findSlide(sections, id);
    if (where) {
      const section = sections[where.section]!;
      const before = section.slides[where.slide]!;
      const { after: _after, ...rest } = spec;
      section.slides[where.slide] = { ...before, ...rest, id, file, path };
      continue;
    }
    if (spec.after) {
      const anchor = findSlide(sections, spec.after);
      if (!anchor) {
        const all = sections.flatMap((s) => s.slides.map((x) => x.id));
        const guess = nearest(spec.after, all);
        problems.push(`${file}: ${path}.after: no slide '${spec.after}' in the deck${guess ? ` — did you mean '${guess}'?` : ''}`);
        continue;
      }
      const { after: _after, ...rest } = spec;
      sections[anchor.section]!.slides.splice(anchor.slide + 1, 0, { ...rest, id, file, path });
      continue;
    }
    if (spec.show === false) {
      // Hiding a slide the sections do not list: nothing to do if it is a built-in slide, but a
      // misspelt id must not pass silently (validateDeck knows the slide ids).
      hiddenUnlisted.push({ id, file, path });
      continue;
    }
    problems.push(
      `${file}: ${path}: slide '${id}' is in no section — list it under a section's slides, or give 'after: <slide id>' to place it`,
    );
  }
  for (const section of sections) section.slides = section.slides.filter((s) => s.show !== false);
  return { contents, sections, problems, hiddenUnlisted };
}

function findSlide(sections: readonly ResolvedSection[], id: string): { section: number; slide: number } | undefined {
  for (const [i, sec] of sections.entries()) {
    const j = sec.slides.findIndex((s) => s.id === id);
    if (j >= 0) return { section: i, slide: j };
  }
  return undefined;
}

/** Every problem with the names in the deck, as `file: path: message — did you mean …?`. */
export function validateDeck(deck: ResolvedDeck, names: DeckNames): string[] {
  const problems = [...deck.problems];
  const say = (file: string, path: string, message: string, name: string, candidates: readonly string[]) => {
    const guess = nearest(name, candidates);
    problems.push(`${file}: ${path}: ${message}${guess ? ` — did you mean '${guess}'?` : ''}`);
  };
  for (const h of deck.hiddenUnlisted ?? []) {
    if (!names.slideIds.includes(h.id)) say(h.file, h.path, `unknown slide '${h.id}'`, h.id, names.slideIds);
  }
  const seenSections = new Set<string>();
  const seenSlides = new Map<string, string>();
  for (const section of deck.sections) {
    if (!names.sectionIds.includes(section.id)) {
      say(section.file, `${section.path}.id`, `unknown section '${section.id}'`, section.id, names.sectionIds);
    } else if (seenSections.has(section.id)) {
      problems.push(`${section.file}: ${section.path}.id: section '${section.id}' is listed twice`);
    }
    seenSections.add(section.id);
    for (const slide of section.slides) {
      const prev = seenSlides.get(slide.id);
      if (prev) problems.push(`${slide.file}: ${slide.path}.id: slide '${slide.id}' is already shown at ${prev}`);
      seenSlides.set(slide.id, slide.path);
      checkSlide(slide, names, problems, say);
    }
  }
  return problems;
}

type Say = (file: string, path: string, message: string, name: string, candidates: readonly string[]) => void;

function checkSlide(slide: ResolvedSlide, names: DeckNames, problems: string[], say: Say): void {
  const { file, path } = slide;
  if (slide.kind === undefined) {
    if (!names.slideIds.includes(slide.id)) {
      say(file, `${path}.id`, `unknown slide '${slide.id}' (a new slide needs kind: ${GENERIC_KINDS.join(' | ')})`, slide.id, names.slideIds);
    }
  } else if (!(GENERIC_KINDS as readonly string[]).includes(slide.kind)) {
    say(file, `${path}.kind`, `unknown slide kind '${slide.kind}'`, slide.kind, GENERIC_KINDS);
  } else {
    if (names.slideIds.includes(slide.id)) {
      problems.push(`${file}: ${path}.id: '${slide.id}' is a built-in slide; give the new slide an id of its own`);
    }
    const need: Record<string, boolean> = {
      chart: slide.chart !== undefined || (slide.charts?.length ?? 0) > 0,
      kpis: (slide.figures?.length ?? 0) > 0,
      insights: (slide.figures?.length ?? 0) > 0,
      table: slide.table !== undefined,
    };
    if (!need[slide.kind]) {
      const key = slide.kind === 'chart' ? 'chart' : slide.kind === 'table' ? 'table' : 'figures';
      problems.push(`${file}: ${path}.${key}: a '${slide.kind}' slide needs '${key}:' naming the figure it shows`);
    }
  }
  if (slide.layout !== undefined && !(LAYOUTS as readonly string[]).includes(slide.layout)) {
    say(file, `${path}.layout`, `unknown layout '${slide.layout}'`, slide.layout, LAYOUTS);
  }
  checkTitle(slide.title, file, path, names, problems);
  if (slide.chart) checkChart(slide.chart, file, `${path}.chart`, names, problems, say);
  slide.charts?.forEach((c, i) => checkChart(c, file, `${path}.charts[${i}]`, names, problems, say));
  slide.figures?.forEach((f, i) => checkFigureRef(f, file, `${path}.figures[${i}]`, names, say, slide.kind === 'kpis' ? 'scalar' : undefined, problems));
  if (slide.table) checkFigureRef(slide.table, file, `${path}.table`, names, say, 'rows', problems);
  slide.add?.forEach((c, i) => checkComponent(c, file, `${path}.add[${i}]`, names, problems, say));
}

/** A `title:` names a locale string of the template (a key of a group of strings is not one). */
function checkTitle(title: string | undefined, file: string, path: string, names: DeckNames, problems: string[]): void {
  if (title !== undefined && names.hasString && !names.hasString(title)) {
    problems.push(`${file}: ${path}.title: no locale string '${title}' — add it to locales/<lang>.yaml in the template`);
  }
}

function checkComponent(c: ComponentSpec, file: string, path: string, names: DeckNames, problems: string[], say: Say): void {
  const keys = Object.keys(c);
  if (keys.length !== 1) {
    problems.push(`${file}: ${path}: a component is one of ${COMPONENT_KINDS.join(', ')}, written as '- chart: { … }'`);
    return;
  }
  const kind = keys[0]!;
  const body = c[kind];
  if (!(COMPONENT_KINDS as readonly string[]).includes(kind)) {
    say(file, `${path}.${kind}`, `unknown component '${kind}'`, kind, COMPONENT_KINDS);
    return;
  }
  const obj = typeof body === 'string' ? { figure: body } : body;
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    problems.push(`${file}: ${path}.${kind}: expected '{ figure: … }'`);
    return;
  }
  const allowed: readonly string[] = kind === 'chart' ? DECK_KEYS.chart : DECK_KEYS.figure;
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) say(file, `${path}.${kind}.${k}`, `unknown key '${k}'`, k, allowed);
  }
  const o = obj as Record<string, unknown>;
  if (typeof o['figure'] !== 'string') {
    problems.push(`${file}: ${path}.${kind}.figure: is required`);
    return;
  }
  if (kind === 'chart') {
    if (typeof o['type'] !== 'string') problems.push(`${file}: ${path}.chart.type: is required`);
    else checkChart(o as unknown as ChartSpec, file, `${path}.chart`, names, problems, say);
  } else {
    checkFigureRef(o as unknown as FigureRef, file, `${path}.${kind}`, names, say, kind === 'table' ? 'rows' : kind === 'kpi' ? 'scalar' : undefined, problems);
  }
}

/** Which figure kinds each chart type can draw. */
const CHART_NEEDS: Record<string, readonly string[]> = {
  bar: ['scalar', 'breakdown', 'series'],
  stackedBar: ['breakdown', 'series'],
  line: ['series'],
  combo: ['series', 'breakdown'],
  doughnut: ['breakdown'],
  waterfall: ['breakdown'],
  funnel: ['breakdown', 'series'],
};

function checkChart(spec: ChartSpec, file: string, path: string, names: DeckNames, problems: string[], say: Say): void {
  checkTitle(spec.title, file, path, names, problems);
  if (!(CHART_TYPES as readonly string[]).includes(spec.type)) {
    say(file, `${path}.type`, `unknown chart type '${spec.type}'`, spec.type, CHART_TYPES);
  }
  if (spec.color !== undefined && !(COLOR_ROLES as readonly string[]).includes(spec.color)) {
    say(file, `${path}.color`, `unknown colour '${spec.color}'`, spec.color, COLOR_ROLES);
  }
  const entry = checkFigureId(spec.figure, file, `${path}.figure`, names, say);
  if (!entry) return;
  const needs = CHART_NEEDS[spec.type];
  if (needs && !needs.includes(entry.kind)) {
    const example = names.figures!.find((f) => needs.includes(f.kind))?.id;
    problems.push(
      `${file}: ${path}.figure: a ${spec.type} chart needs ${needs.map((k) => (k === 'scalar' ? 'a single figure' : `a ${k}`)).join(' or ')}; ` +
        `'${spec.figure}' is ${entry.kind === 'scalar' ? 'a single figure' : `a ${entry.kind}`}${example ? ` (e.g. '${example}')` : ''}`,
    );
  }
  if (spec.measure !== undefined && entry.kind !== 'scalar' && !entry.measures.includes(spec.measure)) {
    say(file, `${path}.measure`, `'${spec.figure}' has no measure '${spec.measure}' (it has ${entry.measures.join(', ')})`, spec.measure, entry.measures);
  }
}

function checkFigureRef(
  ref: FigureRef,
  file: string,
  path: string,
  names: DeckNames,
  say: Say,
  want: 'scalar' | 'rows' | undefined,
  problems: string[],
): void {
  const entry = checkFigureId(ref.figure, file, `${path}.figure`, names, say);
  if (!entry) return;
  if (want === 'scalar' && entry.kind !== 'scalar') {
    problems.push(`${file}: ${path}.figure: a KPI card shows a single figure; '${ref.figure}' is a ${entry.kind}`);
  }
  if (want === 'rows' && entry.kind === 'scalar') {
    problems.push(`${file}: ${path}.figure: a table shows a breakdown or series; '${ref.figure}' is a single figure`);
  }
  if (ref.measure !== undefined && entry.kind !== 'scalar' && !entry.measures.includes(ref.measure)) {
    say(file, `${path}.measure`, `'${ref.figure}' has no measure '${ref.measure}'`, ref.measure, entry.measures);
  }
}

function checkFigureId(id: string, file: string, path: string, names: DeckNames, say: Say) {
  if (!names.figures) {
    const impossible = names.impossibleFigures;
    if (impossible?.test(id)) say(file, path, `unknown figure '${id}'`, id, impossible.candidates);
    return undefined;
  }
  const entry = names.figures.find((f) => f.id === id);
  if (!entry) {
    say(file, path, `unknown figure '${id}'`, id, names.figures.map((f) => f.id));
    return undefined;
  }
  return entry;
}

