// `generic`: files whose headers are already the canonical column names (DESIGN.md).
import type { TableName } from '../../canonical.js';
import { TABLE_FIELDS } from '../fields.js';
import { canonicalStatuses, type Preset } from './types.js';

export function genericPreset(table: TableName): Preset {
  const columns: Record<string, string[]> = {};
  for (const name of Object.keys(TABLE_FIELDS[table])) columns[name] = [name];
  return { name: 'generic', table, columns, statuses: canonicalStatuses() };
}
