// Figures by id over the metrics document, for templates: `overview.gmv` (one figure),
// `overview.byPlatform` (a breakdown: rows with a key and figures), `overview.byMonth` (a
// series: rows in time order). The ids are found by walking the document's shape, so every
// figure a section adds to the metrics can be charted by a template without code here.
import type { Figure } from '../metrics/figure.js';
import type { MetricsDocument } from '../metrics/document.js';
import { REGISTRY } from '../metrics/registry.js';

export type FigureKind = 'scalar' | 'breakdown' | 'series';

export interface FigureEntry {
  id: string;
  kind: FigureKind;
  /** Breakdowns and series: the names of the row fields that are figures or plain numbers. */
  measures: string[];
  /** Breakdowns and series: the field naming each row (key, month, week, date …). */
  labelField?: string;
}

/** Parts of the document that are not report figures. */
const SKIP = new Set(['periods', 'provenance', 'definitions']);
const TIME_FIELDS = ['month', 'week', 'date', 'day', 'quarter', 'period'];
const LABEL_FIELDS = ['key', 'name', 'label', 'id', 'platform', 'category', 'channel', 'reason', 'sku', 'region', 'step'];

export function isFigure(v: unknown): v is Figure {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    'value' in v &&
    typeof (v as { unit?: unknown }).unit === 'string' &&
    'qoq' in v &&
    'yoy' in v
  );
}

/** Every figure id in the document, in document order. */
export function figureEntries(doc: MetricsDocument): FigureEntry[] {
  const out: FigureEntry[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (isFigure(node)) {
      out.push({ id: path.join('.'), kind: 'scalar', measures: [] });
      return;
    }
    if (Array.isArray(node)) {
      const rows = node.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null && !Array.isArray(r));
      if (rows.length !== node.length) return;
      if (rows.length === 0) {
        // Empty this quarter: still a figure a template may name (its chart becomes a notice).
        const id = path.join('.');
        const measures = [...new Set(REGISTRY.flatMap((d) => [d.id, ...(d.alsoAt ?? [])]).filter((p) => p.startsWith(`${id}[].`)).map((p) => p.slice(id.length + 3)))];
        // Only where the registry says what its rows hold; other empty lists are not figures.
        if (measures.length > 0) out.push({ id, kind: /(month|week|day)$/i.test(id) ? 'series' : 'breakdown', measures });
        return;
      }
      const first = rows[0]!;
      const measures = Object.keys(first).filter((k) => isFigure(first[k]) || typeof first[k] === 'number');
      if (measures.length === 0) return;
      const time = TIME_FIELDS.find((f) => typeof first[f] === 'string');
      const label = time ?? LABEL_FIELDS.find((f) => typeof first[f] === 'string') ?? Object.keys(first).find((k) => typeof first[k] === 'string');
      if (!label) return;
      out.push({ id: path.join('.'), kind: time ? 'series' : 'breakdown', measures, labelField: label });
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [k, v] of Object.entries(node)) {
      if (path.length === 0 && SKIP.has(k)) continue;
      walk(v, [...path, k]);
    }
  };
  walk(doc, []);
  return out;
}

/**
 * Whether no data could make `id` a figure of a document shaped like `shape` (one computed from
 * no data): its path leaves the document's objects at a key they do not have. A path that
 * reaches a list may go on into its rows, which only the data fills, so it is not ruled out.
 */
export function figureCannotExist(shape: unknown, id: string): boolean {
  let node: unknown = shape;
  for (const part of id.split('.')) {
    // A list, or a part left empty (null) for want of data: the data may fill it in.
    if (Array.isArray(node) || node === null) return false;
    if (typeof node !== 'object' || isFigure(node)) return true;
    if (!Object.hasOwn(node, part)) return true;
    node = (node as Record<string, unknown>)[part];
  }
  return false;
}

/** The value at a dot path of the document, or undefined. */
export function figureAt(doc: MetricsDocument, id: string): unknown {
  let node: unknown = doc;
  for (const part of id.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The measure a chart draws by default: the first money figure, else the first figure, else the first number. */
export function defaultMeasure(doc: MetricsDocument, entry: FigureEntry): string | undefined {
  const rows = figureAt(doc, entry.id);
  const first = Array.isArray(rows) ? (rows[0] as Record<string, unknown> | undefined) : undefined;
  if (!first) return entry.measures[0];
  return (
    entry.measures.find((m) => isFigure(first[m]) && (first[m] as Figure).unit === 'minor') ??
    entry.measures.find((m) => isFigure(first[m])) ??
    entry.measures.find((m) => m.endsWith('Minor')) ??
    entry.measures[0]
  );
}
