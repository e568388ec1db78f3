// Header → canonical column resolution for one file: the preset's spellings, overridden by
// the source's own `columns:` map. Pure, so it is tested with literal header rows.
import type { TableName } from '../canonical.js';
import { nearest } from '../config/suggest.js';
import { TABLE_FIELDS, type FieldSpec } from './fields.js';
import { shortened } from './problems.js';
import type { Derivation, Preset } from './presets/types.js';

/**
 * Header text as compared: trimmed of ASCII, NBSP and full-width spaces, full-width ASCII
 * (`商品数量（件）`, `ＳＫＵ`) folded to ASCII as cells are, case-folded.
 */
export function normalizeHeader(text: string): string {
  const trimmed = text.replace(/^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000]+$/g, '');
  return (FULL_WIDTH.test(trimmed) ? trimmed.replace(FULL_WIDTH_ALL, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : trimmed).toLowerCase();
}

const FULL_WIDTH = /[\uff01-\uff5e]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e]/g;

export interface ColumnBinding {
  field: string;
  spec: FieldSpec;
  /** Index in the record. */
  index: number;
  /** The header as written in the file, for messages. */
  header: string;
  transform?: (text: string) => string;
}

export interface ColumnPlan {
  table: TableName;
  bindings: ColumnBinding[];
  /** Canonical boolean fields set when any of these column indexes is non-empty. */
  presence: { field: string; indexes: number[] }[];
  /** The preset's derivations that apply to this file (their inputs are all in it). */
  derived: Derivation[];
}

export interface MappingProblem {
  message: string;
  column?: string;
  hint: string;
}

/**
 * Any order export with a unit price and a quantity but no line amount (UCI Online Retail, many
 * ERP lists): the paid amount is unit price × quantity − discount, in minor units, exactly.
 */
const LINE_AMOUNT: Derivation = {
  field: 'paid_amount',
  needs: ['unit_price', 'quantity'],
  compute: (cells) => {
    const price = cells['unit_price'];
    const quantity = cells['quantity'];
    if (typeof price !== 'number' || typeof quantity !== 'number') return null;
    return price * quantity - (typeof cells['discount'] === 'number' ? cells['discount'] : 0);
  },
};

export interface PlanOptions {
  /** The canonical columns to look for; default the preset's table's. */
  fields?: Readonly<Record<string, FieldSpec>>;
  /** What the file is called in messages; default the table name. */
  tableLabel?: string;
  /** Required columns this source fills in another way (an order id from the row number). */
  optional?: readonly string[];
}

export function planColumns(
  header: readonly string[],
  preset: Preset,
  overrides: Readonly<Record<string, string>>,
  options: PlanOptions = {},
): { plan: ColumnPlan; problems: MappingProblem[] } {
  const fields = options.fields ?? TABLE_FIELDS[preset.table];
  const tableLabel = options.tableLabel ?? preset.table;
  const fieldNames = Object.keys(fields);
  const problems: MappingProblem[] = [];
  const byName = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key && !byName.has(key)) byName.set(key, i);
  });

  const bindings: ColumnBinding[] = [];
  const missingRequired: { field: string; candidates: readonly string[] }[] = [];
  for (const [canonical, headerText] of Object.entries(overrides)) {
    if (!(canonical in fields)) {
      const guess = nearest(canonical, fieldNames);
      problems.push({
        message: `columns.${canonical}: '${canonical}' is not a column of ${tableLabel}`,
        hint: guess ? `did you mean '${guess}'?` : `known columns: ${fieldNames.join(', ')}`,
      });
    }
    if (!byName.has(normalizeHeader(headerText))) {
      const guess = nearest(headerText, header.map((h) => h.trim()));
      problems.push({
        message: `columns.${canonical}: no column headed '${headerText}' in this file`,
        hint: guess ? `did you mean '${guess}'?` : `the file's headers are: ${header.map((h) => h.trim()).join(', ')}`,
      });
    }
  }

  for (const [field, spec] of Object.entries(fields)) {
    const candidates = field in overrides ? [overrides[field]!] : (preset.columns[field] ?? []);
    let index: number | undefined;
    let used = '';
    for (const candidate of candidates) {
      index = byName.get(normalizeHeader(candidate));
      if (index !== undefined) {
        used = header[index]!;
        break;
      }
    }
    if (index === undefined) {
      if (spec.required && !(field in overrides) && !options.optional?.includes(field)) missingRequired.push({ field, candidates });
      continue;
    }
    bindings.push({ field, spec, index, header: used.trim(), transform: preset.transforms?.[field] });
  }

  // A required column the platform does not export can be computed from others (Shopify's
  // line amount from price × quantity − discount).
  const bound = new Set(bindings.map((b) => b.field));
  const derive = preset.derive?.some((d) => d.field === 'paid_amount') || !('paid_amount' in fields) ? (preset.derive ?? []) : [...(preset.derive ?? []), LINE_AMOUNT];
  const derived = derive.filter((d) => d.needs.every((n) => bound.has(n)) && (d.always || !bound.has(d.field)));
  // Headers no binding took: where the missing column most likely is.
  const taken = new Set(bindings.map((b) => b.index));
  const unused = header.map((h, i) => (taken.has(i) ? '' : h.trim())).filter((h) => h !== '');
  for (const { field, candidates } of missingRequired) {
    if (derived.some((d) => d.field === field)) continue;
    const recipe = derive.find((d) => d.field === field);
    const alternative = recipe ? `; or columns for ${recipe.needs.join(', ')} to compute it` : '';
    const guess = [field, ...candidates].map((c) => nearest(c, unused)).find((g) => g !== undefined);
    // A header is cut at 40 characters: one long garbled "header" must not fill the screen.
    const named = unused.map((h) => shortened(h, 40));
    const shown = named.length > 15 ? `${named.slice(0, 15).join(', ')} … (${named.length} in all)` : named.join(', ');
    problems.push({
      message: `required column '${field}' not found (looked for ${candidates.map((c) => `'${c}'`).join(', ') || 'no header'}${alternative})`,
      hint:
        `map it in the source's columns: (e.g. columns: { ${field}: "${guess ?? 'Your header'}" })` +
        (guess === undefined && unused.length > 0 ? `; the file's other headers are: ${shown}` : ''),
    });
  }

  const presence: ColumnPlan['presence'] = [];
  for (const [field, headers] of Object.entries(preset.presentMeans ?? {})) {
    if (field in overrides) continue;
    const indexes = headers.map((h) => byName.get(normalizeHeader(h))).filter((i): i is number => i !== undefined);
    if (indexes.length > 0 && !bindings.some((b) => b.field === field)) presence.push({ field, indexes });
  }
  return { plan: { table: preset.table, bindings, presence, derived }, problems };
}
