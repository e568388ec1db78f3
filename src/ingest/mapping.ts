// Header → canonical column resolution for one file: the preset's spellings, overridden by
// the source's own `columns:` map. Pure, so it is tested with literal header rows.
import type { TableName } from '../canonical.js';
import { nearest } from '../config/suggest.js';
import { TABLE_FIELDS, type FieldSpec } from './fields.js';
import type { Preset } from './presets/types.js';

/** Header text as compared: trimmed of ASCII, NBSP and full-width spaces, case-folded. */
export function normalizeHeader(text: string): string {
  return text.replace(/^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000]+$/g, '').toLowerCase();
}

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
}

export interface MappingProblem {
  message: string;
  column?: string;
  hint: string;
}

export function planColumns(
  header: readonly string[],
  preset: Preset,
  overrides: Readonly<Record<string, string>>,
): { plan: ColumnPlan; problems: MappingProblem[] } {
  const fields = TABLE_FIELDS[preset.table];
  const fieldNames = Object.keys(fields);
  const problems: MappingProblem[] = [];
  const byName = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key && !byName.has(key)) byName.set(key, i);
  });

  const bindings: ColumnBinding[] = [];
  for (const [canonical, headerText] of Object.entries(overrides)) {
    if (!(canonical in fields)) {
      const guess = nearest(canonical, fieldNames);
      problems.push({
        message: `columns.${canonical}: '${canonical}' is not a column of ${preset.table}`,
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
      if (spec.required && !(field in overrides)) {
        problems.push({
          message: `required column '${field}' not found (looked for ${candidates.map((c) => `'${c}'`).join(', ') || 'no header'})`,
          hint: `map it in the source's columns: (e.g. columns: { ${field}: "Your header" })`,
        });
      }
      continue;
    }
    bindings.push({ field, spec, index, header: used.trim(), transform: preset.transforms?.[field] });
  }

  const presence: ColumnPlan['presence'] = [];
  for (const [field, headers] of Object.entries(preset.presentMeans ?? {})) {
    if (field in overrides) continue;
    const indexes = headers.map((h) => byName.get(normalizeHeader(h))).filter((i): i is number => i !== undefined);
    if (indexes.length > 0 && !bindings.some((b) => b.field === field)) presence.push({ field, indexes });
  }
  return { plan: { table: preset.table, bindings, presence }, problems };
}
